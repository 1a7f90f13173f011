"""A tenant's escalation policy and its PMs' digest settings."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any

from sqlmodel import select
from sqlmodel.ext.asyncio.session import AsyncSession

from tandem.storage.models import EscalationPolicy, Person, PmSetting
from tandem.storage.records import PmSettingView, TenantRef
from tandem.storage.repositories.ownership import require_owned
from tandem.storage.timestamps import utc


async def get_policy(session: AsyncSession, *, tenant: TenantRef) -> dict[str, Any] | None:
    """The policy an admin set, or None while the defaults hold."""
    row = (
        await session.exec(select(EscalationPolicy).where(EscalationPolicy.tenant_id == tenant.id))
    ).first()
    return dict(row.settings) if row else None


async def set_policy(
    session: AsyncSession,
    *,
    tenant: TenantRef,
    settings: Mapping[str, Any],
    by_email: str | None,
    at: datetime,
) -> None:
    """Replace the tenant's policy (blockers already raised keep theirs)."""
    row = (
        await session.exec(select(EscalationPolicy).where(EscalationPolicy.tenant_id == tenant.id))
    ).first()
    if row is None:
        row = EscalationPolicy(tenant_id=tenant.id)
    row.settings = dict(settings)
    row.updated_by = by_email
    row.updated_at = at
    session.add(row)
    await session.flush()


def _pm_view(row: PmSetting) -> PmSettingView:
    return PmSettingView(
        person_id=row.person_id,
        is_pm=row.is_pm,
        days=tuple(row.days or ()),
        at_time=row.at_time,
        last_digest_at=utc(row.last_digest_at) if row.last_digest_at else None,
    )


async def pm_settings(session: AsyncSession, *, tenant: TenantRef) -> dict[int, PmSettingView]:
    """Stored PM settings by person id."""
    rows = (await session.exec(select(PmSetting).where(PmSetting.tenant_id == tenant.id))).all()
    return {row.person_id: _pm_view(row) for row in rows}


async def _pm_row(session: AsyncSession, tenant: TenantRef, person_id: int) -> PmSetting:
    await require_owned(session, tenant=tenant, model=Person, row_id=person_id)
    row = (
        await session.exec(
            select(PmSetting).where(
                PmSetting.tenant_id == tenant.id, PmSetting.person_id == person_id
            )
        )
    ).first()
    return row or PmSetting(tenant_id=tenant.id, person_id=person_id)


async def save_pm_setting(
    session: AsyncSession,
    *,
    tenant: TenantRef,
    person_id: int,
    is_pm: bool | None = None,
    days: Sequence[int] | None = None,
    at_time: str | None = None,
) -> PmSettingView:
    """Make someone a PM (or not), or change when their digest comes; None keeps a value."""
    row = await _pm_row(session, tenant, person_id)
    if is_pm is not None:
        row.is_pm = is_pm
    if days is not None:
        row.days = sorted(set(days))
    if at_time is not None:
        row.at_time = at_time
    session.add(row)
    await session.flush()
    return _pm_view(row)


async def mark_digest_sent(
    session: AsyncSession, *, tenant: TenantRef, person_id: int, at: datetime
) -> None:
    """The digest went out: the next one lists what was resolved since ``at``."""
    row = await _pm_row(session, tenant, person_id)
    row.last_digest_at = at
    session.add(row)
    await session.flush()
