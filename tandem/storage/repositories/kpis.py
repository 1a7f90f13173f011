"""Shared KPIs and their values, every call scoped to one tenant."""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from tandem.storage.models import Kpi, KpiValue
from tandem.storage.records import ImportCounts, KpiRecord, KpiValueView, KpiView, TenantRef
from tandem.storage.repositories.ownership import require_owned
from tandem.storage.timestamps import utc


def _record(row: Kpi) -> KpiRecord:
    return KpiRecord(
        slug=row.slug,
        names={str(k): str(v) for k, v in (row.names or {}).items()},
        unit=row.unit,
        better=row.better,
        target=row.target,
        topic=row.topic_slug,
        alert=row.alert,
        expect_every_hours=row.expect_every_hours,
    )


def _view(row: Kpi) -> KpiView:
    assert row.id is not None
    record = _record(row)
    return KpiView(
        slug=record.slug,
        names=record.names,
        unit=record.unit,
        better=record.better,
        target=record.target,
        topic=record.topic,
        alert=record.alert,
        expect_every_hours=record.expect_every_hours,
        id=row.id,
        breach_blocker_id=row.breach_blocker_id,
    )


def _value(row: KpiValue) -> KpiValueView:
    assert row.id is not None
    return KpiValueView(
        id=row.id,
        kpi_id=row.kpi_id,
        at=utc(row.at),
        value=row.value,
        source=row.source,
        sent_by=row.sent_by,
        recorded_at=utc(row.recorded_at),
    )


async def upsert_kpis(
    session: AsyncSession, *, tenant: TenantRef, records: Iterable[KpiRecord]
) -> ImportCounts:
    """Make the tenant's KPIs named in ``records`` read as they do there (by slug).

    KPIs the file does not name are kept, with their values: a KPI's history is never
    deleted by leaving it out of a file.
    """
    statement = select(Kpi).where(Kpi.tenant_id == tenant.id)
    existing = {row.slug: row for row in (await session.exec(statement)).all()}
    created = updated = unchanged = 0
    for position, record in enumerate(records):
        row = existing.get(record.slug)
        if row is not None and _record(row) == record and row.position == position:
            unchanged += 1
            continue
        if row is None:
            row = Kpi(
                tenant_id=tenant.id,
                slug=record.slug,
                unit=record.unit,
                better=record.better,
                target=record.target,
                topic_slug=record.topic,
            )
            created += 1
        else:
            updated += 1
        row.names = dict(record.names)
        row.unit, row.better, row.target = record.unit, record.better, record.target
        row.alert, row.topic_slug = record.alert, record.topic
        row.expect_every_hours = record.expect_every_hours
        row.position = position
        session.add(row)
    await session.flush()
    return ImportCounts(created=created, updated=updated, unchanged=unchanged)


async def list_kpis(session: AsyncSession, *, tenant: TenantRef) -> list[KpiView]:
    """The tenant's KPIs, in the order of their file."""
    statement = (
        select(Kpi).where(Kpi.tenant_id == tenant.id).order_by(col(Kpi.position), col(Kpi.id))
    )
    return [_view(row) for row in (await session.exec(statement)).all()]


async def get_kpi(session: AsyncSession, *, tenant: TenantRef, slug: str) -> KpiView | None:
    """The tenant's KPI ``slug``, or None."""
    statement = select(Kpi).where(Kpi.tenant_id == tenant.id, Kpi.slug == slug)
    row = (await session.exec(statement)).first()
    return _view(row) if row else None


@dataclass(frozen=True, slots=True)
class Recorded:
    """A value stored, and the one it replaced at the same instant (if any)."""

    value: KpiValueView
    replaced: KpiValueView | None = None


async def record_value(
    session: AsyncSession,
    *,
    tenant: TenantRef,
    kpi_id: int,
    at: datetime,
    value: float,
    source: str,
    sent_by: str,
    recorded_at: datetime,
) -> Recorded:
    """Store ``value`` for KPI ``kpi_id`` at ``at``; a value already there is replaced.

    Raises:
        NotInTenant: the KPI is not the tenant's.
    """
    await require_owned(session, tenant=tenant, model=Kpi, row_id=kpi_id)
    at = utc(at)  # SQLite keeps no offset: what is stored must already be UTC
    statement = select(KpiValue).where(
        KpiValue.tenant_id == tenant.id, KpiValue.kpi_id == kpi_id, KpiValue.at == at
    )
    row = (await session.exec(statement)).first()
    before = _value(row) if row is not None else None
    if row is None:
        row = KpiValue(
            tenant_id=tenant.id, kpi_id=kpi_id, at=at, value=value, source=source, sent_by=sent_by
        )
    row.value, row.source, row.sent_by = value, source, sent_by[:254]
    row.recorded_at = recorded_at
    session.add(row)
    await session.flush()
    return Recorded(value=_value(row), replaced=before)


async def latest_value(
    session: AsyncSession, *, tenant: TenantRef, kpi_id: int
) -> KpiValueView | None:
    """The KPI's value for the latest instant, or None."""
    statement = (
        select(KpiValue)
        .where(KpiValue.tenant_id == tenant.id, KpiValue.kpi_id == kpi_id)
        .order_by(col(KpiValue.at).desc())
        .limit(1)
    )
    row = (await session.exec(statement)).first()
    return _value(row) if row else None


async def history(
    session: AsyncSession, *, tenant: TenantRef, kpi_ids: Collection[int], since: datetime
) -> dict[int, list[KpiValueView]]:
    """Each KPI's values from ``since`` on, oldest first, preceded by the last value before
    ``since`` when there is one (what a trend compares with, or a stale latest value)."""
    found: dict[int, list[KpiValueView]] = {kpi_id: [] for kpi_id in kpi_ids}
    if not found:
        return found
    ids = list(found)
    last_before = (
        select(col(KpiValue.kpi_id), func.max(col(KpiValue.at)).label("at"))
        .where(
            KpiValue.tenant_id == tenant.id,
            col(KpiValue.kpi_id).in_(ids),
            col(KpiValue.at) < since,
        )
        .group_by(col(KpiValue.kpi_id))
        .subquery()
    )
    earlier = select(KpiValue).join(
        last_before,
        (col(KpiValue.kpi_id) == last_before.c.kpi_id) & (col(KpiValue.at) == last_before.c.at),
    )
    earlier = earlier.where(KpiValue.tenant_id == tenant.id)
    for row in (await session.exec(earlier)).all():
        found[row.kpi_id].append(_value(row))
    recent = (
        select(KpiValue)
        .where(
            KpiValue.tenant_id == tenant.id,
            col(KpiValue.kpi_id).in_(ids),
            col(KpiValue.at) >= since,
        )
        .order_by(col(KpiValue.at))
    )
    for row in (await session.exec(recent)).all():
        found[row.kpi_id].append(_value(row))
    return found


async def lock_kpi(session: AsyncSession, *, tenant: TenantRef, kpi_id: int) -> KpiView | None:
    """The tenant's KPI ``kpi_id``, its row locked until the session ends (on PostgreSQL), so
    that two values crossing its threshold at once cannot both raise a blocker."""
    statement = select(Kpi).where(Kpi.tenant_id == tenant.id, Kpi.id == kpi_id).with_for_update()
    row = (await session.exec(statement)).first()
    return _view(row) if row else None


async def set_breach(
    session: AsyncSession, *, tenant: TenantRef, kpi_id: int, blocker_id: int | None
) -> None:
    """Remember the open blocker a breach of KPI ``kpi_id`` raised (None: none open).

    Raises:
        NotInTenant: the KPI is not the tenant's.
    """
    await require_owned(session, tenant=tenant, model=Kpi, row_id=kpi_id)
    row = (
        await session.exec(select(Kpi).where(Kpi.tenant_id == tenant.id, Kpi.id == kpi_id))
    ).one()
    row.breach_blocker_id = blocker_id
    session.add(row)
    await session.flush()
