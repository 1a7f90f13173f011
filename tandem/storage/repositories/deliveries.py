"""Scheduled sends, claimed before they go out so that each goes out once.

A claim is an insert that a unique key lets only one process win, whatever the
number of replicas or retried jobs. A claimed send is then marked sent, put back
for a retry with a later ``next_attempt_at``, or given up as failed.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import cast

from sqlalchemy import Table, bindparam, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from tandem.storage.models import Delivery
from tandem.storage.records import DeliveryKey, DeliveryView, TenantRef
from tandem.storage.timestamps import utc

CLAIMED = "claimed"
SENT = "sent"
FAILED = "failed"
SKIPPED = "skipped"


def _view(row: Delivery) -> DeliveryView:
    assert row.id is not None
    return DeliveryView(
        id=row.id,
        key=DeliveryKey(key=row.key, recipient=row.recipient, kind=row.kind),
        due_at=utc(row.due_at),
        status=row.status,
        attempts=row.attempts,
        claimed_at=utc(row.claimed_at),
        next_attempt_at=utc(row.next_attempt_at),
        message_id=row.message_id,
        error=row.error,
    )


async def claim(
    session: AsyncSession,
    *,
    tenant: TenantRef,
    wanted: Sequence[tuple[DeliveryKey, datetime]],
    at: datetime,
    lease_until: datetime,
    status: str = CLAIMED,
) -> list[DeliveryView]:
    """Claim each (key, due instant) not claimed before; returns the ones this call won.

    The winner holds a lease until ``lease_until``: nobody else retries it before then.

    ``status`` SKIPPED records occurrences deliberately not sent (missed outside the
    grace window, or their moment over: a reminder after its cut-off) so they are not
    considered again.
    """
    if not wanted:
        return []
    rows = [
        {
            "tenant_id": tenant.id,
            "key": k.key,
            "recipient": k.recipient,
            "kind": k.kind,
            "due_at": due,
            "status": status,
            "attempts": 0,
            "claimed_at": at,
            "next_attempt_at": lease_until,
        }
        for k, due in wanted
    ]
    bind = session.get_bind()
    insert = pg_insert if bind.dialect.name == "postgresql" else sqlite_insert
    won: list[DeliveryView] = []
    for start in range(0, len(rows), 500):
        statement = (
            insert(Delivery)
            .values(rows[start : start + 500])
            .on_conflict_do_nothing(index_elements=["tenant_id", "key", "recipient", "kind"])
            .returning(Delivery)
        )
        result = await session.exec(statement)
        won.extend(_view(row) for row in result.scalars().all())
    return won


async def claimed(
    session: AsyncSession, *, tenant: TenantRef, keys: Sequence[str]
) -> set[DeliveryKey]:
    """Which deliveries of the given occurrence keys exist already (any status)."""
    if not keys:
        return set()
    rows = (
        await session.exec(
            select(Delivery.key, Delivery.recipient, Delivery.kind).where(
                Delivery.tenant_id == tenant.id, col(Delivery.key).in_(list(set(keys)))
            )
        )
    ).all()
    return {DeliveryKey(key=k, recipient=r, kind=kind) for k, r, kind in rows}


async def find_delivery(
    session: AsyncSession, *, tenant: TenantRef, key: DeliveryKey
) -> DeliveryView | None:
    """One delivery by its key."""
    row = (
        await session.exec(
            select(Delivery).where(
                Delivery.tenant_id == tenant.id,
                Delivery.key == key.key,
                Delivery.recipient == key.recipient,
                Delivery.kind == key.kind,
            )
        )
    ).first()
    return _view(row) if row else None


async def mark_sent(
    session: AsyncSession, *, tenant: TenantRef, sent: Sequence[tuple[int, str]], at: datetime
) -> None:
    """These sends went out: (delivery id, message id) pairs, in one statement run for each."""
    if not sent:
        return
    table = cast(Table, Delivery.__table__)  # type: ignore[attr-defined]  # Core: one executemany
    statement = (
        update(table)
        .where(table.c.tenant_id == bindparam("b_tenant"), table.c.id == bindparam("b_id"))
        .values(status=SENT, sent_at=bindparam("b_at"), message_id=bindparam("b_message"))
    )
    rows = [
        {"b_tenant": tenant.id, "b_id": delivery_id, "b_at": at, "b_message": message_id[:255]}
        for delivery_id, message_id in sent
    ]
    connection = await session.connection()
    await connection.execute(statement, rows)


async def mark_attempt_failed(
    session: AsyncSession,
    *,
    tenant: TenantRef,
    delivery_id: int,
    error: str,
    retry_at: datetime | None,
) -> None:
    """A send failed: retried at ``retry_at``, or given up when it is None."""
    values: dict[str, object] = {
        "attempts": col(Delivery.attempts) + 1,
        "error": error[:500],
        "status": CLAIMED if retry_at is not None else FAILED,
    }
    if retry_at is not None:
        values["next_attempt_at"] = retry_at
    await session.exec(
        update(Delivery)
        .where(col(Delivery.tenant_id) == tenant.id, col(Delivery.id) == delivery_id)
        .values(**values)
    )


async def mark_skipped(
    session: AsyncSession, *, tenant: TenantRef, delivery_id: int, at: datetime
) -> None:
    """A claimed send was not sent because its moment was over by the time it was tried
    (a retry after a reminder's cut-off): skipped, never tried again."""
    await session.exec(
        update(Delivery)
        .where(
            col(Delivery.tenant_id) == tenant.id,
            col(Delivery.id) == delivery_id,
            col(Delivery.status) == CLAIMED,
        )
        .values(status=SKIPPED, next_attempt_at=at)
    )


async def lease(
    session: AsyncSession, *, tenant: TenantRef, delivery_id: int, at: datetime, until: datetime
) -> bool:
    """Take a claimed delivery that is due for a (re)try: True when this call won it.

    A process that dies while sending leaves its lease behind; it expires at ``until``
    and another process may then try again.
    """
    result = await session.exec(
        update(Delivery)
        .where(
            col(Delivery.tenant_id) == tenant.id,
            col(Delivery.id) == delivery_id,
            col(Delivery.status) == CLAIMED,
            col(Delivery.next_attempt_at) <= at,
        )
        .values(next_attempt_at=until)
    )
    return bool(result.rowcount)


async def extend_lease(
    session: AsyncSession,
    *,
    tenant: TenantRef,
    delivery_ids: Sequence[int],
    until: datetime,
) -> None:
    """Keep holding claimed deliveries still queued in this process (a long fan-out)."""
    if not delivery_ids:
        return
    await session.exec(
        update(Delivery)
        .where(
            col(Delivery.tenant_id) == tenant.id,
            col(Delivery.id).in_(list(delivery_ids)),
            col(Delivery.status) == CLAIMED,
        )
        .values(next_attempt_at=until)
    )


async def due_retries(
    session: AsyncSession,
    *,
    tenant: TenantRef,
    at: datetime,
    family: str = "",
    limit: int = 500,
) -> list[DeliveryView]:
    """Claimed deliveries whose next attempt is due (retries and expired leases).

    ``family`` keeps to keys with that prefix (``standup:``), so each ritual retries its own.
    """
    rows = (
        await session.exec(
            select(Delivery)
            .where(
                Delivery.tenant_id == tenant.id,
                Delivery.status == CLAIMED,
                col(Delivery.next_attempt_at) <= at,
                col(Delivery.key).startswith(family),
            )
            .order_by(col(Delivery.due_at))
            .limit(limit)
        )
    ).all()
    return [_view(r) for r in rows]


async def failures(
    session: AsyncSession, *, tenant: TenantRef, since: datetime
) -> list[DeliveryView]:
    """Deliveries given up since an instant, for reports."""
    rows = (
        await session.exec(
            select(Delivery)
            .where(
                Delivery.tenant_id == tenant.id,
                Delivery.status == FAILED,
                col(Delivery.due_at) >= since,
            )
            .order_by(col(Delivery.due_at))
        )
    ).all()
    return [_view(r) for r in rows]
