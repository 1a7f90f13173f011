"""When people are not there: declared time off and their working week."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from tandem.storage.models import Person, TimeOff, WorkWeek
from tandem.storage.records import TenantRef
from tandem.storage.repositories.ownership import require_owned


async def add_time_off(
    session: AsyncSession, *, tenant: TenantRef, person_id: int, first: date, last: date
) -> None:
    """Record days away (inclusive); an identical period is kept once."""
    await require_owned(session, tenant=tenant, model=Person, row_id=person_id)
    existing = (
        await session.exec(
            select(TimeOff).where(
                TimeOff.tenant_id == tenant.id,
                TimeOff.person_id == person_id,
                TimeOff.first_day == first,
                TimeOff.last_day == last,
            )
        )
    ).first()
    if existing is None:
        session.add(
            TimeOff(tenant_id=tenant.id, person_id=person_id, first_day=first, last_day=last)
        )
        await session.flush()


async def time_off(
    session: AsyncSession, *, tenant: TenantRef, person_ids: Sequence[int], since: date
) -> dict[int, list[tuple[date, date]]]:
    """Each person's periods away that end on or after ``since``, earliest first."""
    rows = (
        await session.exec(
            select(TimeOff)
            .where(
                TimeOff.tenant_id == tenant.id,
                col(TimeOff.person_id).in_(person_ids),
                col(TimeOff.last_day) >= since,
            )
            .order_by(col(TimeOff.first_day))
        )
    ).all()
    found: dict[int, list[tuple[date, date]]] = {}
    for row in rows:
        found.setdefault(row.person_id, []).append((row.first_day, row.last_day))
    return found


async def cancel_time_off(
    session: AsyncSession, *, tenant: TenantRef, person_id: int, day: date, since: date
) -> tuple[date, date] | None:
    """Delete the person's period away that holds ``day`` and ends on or after ``since``
    (one gone by stays, as the stand-ups it excused); returns it, or None when none does."""
    row = (
        await session.exec(
            select(TimeOff)
            .where(
                TimeOff.tenant_id == tenant.id,
                TimeOff.person_id == person_id,
                col(TimeOff.first_day) <= day,
                col(TimeOff.last_day) >= day,
                col(TimeOff.last_day) >= since,
            )
            .order_by(col(TimeOff.first_day))
        )
    ).first()
    if row is None:
        return None
    await session.delete(row)
    await session.flush()
    return row.first_day, row.last_day


async def set_work_days(
    session: AsyncSession, *, tenant: TenantRef, person_id: int, days: Sequence[int]
) -> None:
    """A person's working days (0 is Monday)."""
    await require_owned(session, tenant=tenant, model=Person, row_id=person_id)
    row = (
        await session.exec(
            select(WorkWeek).where(WorkWeek.tenant_id == tenant.id, WorkWeek.person_id == person_id)
        )
    ).first()
    if row is None:
        row = WorkWeek(tenant_id=tenant.id, person_id=person_id)
    row.days = sorted(set(days))
    session.add(row)
    await session.flush()
