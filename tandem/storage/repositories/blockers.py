"""Blockers: what is in someone's way, until it is routed and resolved."""

from __future__ import annotations

from datetime import datetime

from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from tandem.storage.models import Blocker, StandupRun
from tandem.storage.records import BlockerView, TenantRef
from tandem.storage.repositories.ownership import require_owned
from tandem.storage.timestamps import utc


def _view(row: Blocker) -> BlockerView:
    assert row.id is not None
    return BlockerView(
        id=row.id,
        text=row.text,
        reporter_email=row.reporter_email,
        source=row.source,
        standup_run_id=row.standup_run_id,
        topic_slug=row.topic_slug,
        status=row.status,
        created_at=utc(row.created_at),
    )


async def add_blocker(
    session: AsyncSession,
    *,
    tenant: TenantRef,
    text: str,
    reporter_email: str,
    source: str,
    at: datetime,
    standup_run_id: int | None = None,
) -> BlockerView:
    """Record a blocker; a stand-up run gives at most one per reporter (edits replace it)."""
    row = None
    if standup_run_id is not None:
        await require_owned(session, tenant=tenant, model=StandupRun, row_id=standup_run_id)
        row = (
            await session.exec(
                select(Blocker).where(
                    Blocker.tenant_id == tenant.id,
                    Blocker.standup_run_id == standup_run_id,
                    Blocker.reporter_email == reporter_email,
                )
            )
        ).first()
    if row is None:
        row = Blocker(
            tenant_id=tenant.id,
            reporter_email=reporter_email,
            source=source,
            standup_run_id=standup_run_id,
            created_at=at,
            text=text,
        )
    row.text = text[:4000]
    if row.status == "withdrawn":
        row.status = "open"
    session.add(row)
    await session.flush()
    return _view(row)


async def list_blockers(
    session: AsyncSession,
    *,
    tenant: TenantRef,
    status: str | None = None,
    standup_run_ids: list[int] | None = None,
) -> list[BlockerView]:
    """The tenant's blockers, oldest first, optionally by status or stand-up runs."""
    statement = select(Blocker).where(Blocker.tenant_id == tenant.id)
    if status is not None:
        statement = statement.where(Blocker.status == status)
    if standup_run_ids is not None:
        statement = statement.where(col(Blocker.standup_run_id).in_(standup_run_ids))
    rows = (await session.exec(statement.order_by(col(Blocker.created_at), col(Blocker.id)))).all()
    return [_view(r) for r in rows]


async def withdraw_standup_blocker(
    session: AsyncSession, *, tenant: TenantRef, standup_run_id: int, reporter_email: str
) -> None:
    """An edited answer says "none" now: its blocker is withdrawn, not deleted."""
    row = (
        await session.exec(
            select(Blocker).where(
                Blocker.tenant_id == tenant.id,
                Blocker.standup_run_id == standup_run_id,
                Blocker.reporter_email == reporter_email,
                Blocker.status == "open",
            )
        )
    ).first()
    if row is not None:
        row.status = "withdrawn"
        session.add(row)
        await session.flush()
