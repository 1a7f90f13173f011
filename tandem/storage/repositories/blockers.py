"""Blockers: what is in someone's way, who has it, how far it climbed, until resolved."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from datetime import datetime
from typing import Any, cast

from sqlalchemy import Table, bindparam, update
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from tandem.storage.models import Blocker, BlockerEvent, StandupRun
from tandem.storage.records import BlockerEventView, BlockerView, TenantRef
from tandem.storage.repositories.ownership import require_owned
from tandem.storage.timestamps import utc

OPEN = "open"
RESOLVED = "resolved"
WITHDRAWN = "withdrawn"


def _maybe_utc(moment: datetime | None) -> datetime | None:
    return utc(moment) if moment is not None else None


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
        owner_email=row.owner_email,
        routing=row.routing,
        routed_at=_maybe_utc(row.routed_at),
        acknowledged_at=_maybe_utc(row.acknowledged_at),
        resolved_at=_maybe_utc(row.resolved_at),
        resolved_by=row.resolved_by,
        resolution=row.resolution,
        level=row.level,
        declined_by=tuple(row.declined_by or ()),
        policy=dict(row.policy or {}),
        next_check_at=_maybe_utc(row.next_check_at),
    )


def _event(
    session: AsyncSession,
    tenant: TenantRef,
    row: Blocker,
    *,
    kind: str,
    at: datetime,
    actor: str | None = None,
    target: str | None = None,
    detail: str = "",
) -> None:
    assert row.id is not None
    session.add(
        BlockerEvent(
            tenant_id=tenant.id,
            blocker_id=row.id,
            kind=kind,
            actor_email=actor,
            target_email=target,
            detail=detail[:2000],
            at=at,
        )
    )


async def _row(session: AsyncSession, tenant: TenantRef, blocker_id: int) -> Blocker | None:
    return (
        await session.exec(
            select(Blocker).where(Blocker.tenant_id == tenant.id, Blocker.id == blocker_id)
        )
    ).first()


async def add_blocker(
    session: AsyncSession,
    *,
    tenant: TenantRef,
    text: str,
    reporter_email: str,
    source: str,
    at: datetime,
    standup_run_id: int | None = None,
    policy: Mapping[str, Any] | None = None,
) -> BlockerView:
    """Record a blocker; a stand-up run gives at most one per reporter (edits replace it).

    ``policy`` is the escalation policy in force now; the blocker keeps it.
    """
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
    fresh = row is None
    if row is None:
        row = Blocker(
            tenant_id=tenant.id,
            reporter_email=reporter_email,
            source=source,
            standup_run_id=standup_run_id,
            created_at=at,
            text=text,
            policy=dict(policy or {}),
        )
    row.text = text[:4000]
    if policy and not row.policy:  # a stand-up's blocker gets its policy when it is routed
        row.policy = dict(policy)
    reopened = row.status == WITHDRAWN
    if reopened:
        row.status = OPEN
    session.add(row)
    await session.flush()
    if fresh or reopened:
        _event(session, tenant, row, kind="raised", at=at, actor=reporter_email, detail=source)
        await session.flush()
    return _view(row)


async def get_blocker(
    session: AsyncSession, *, tenant: TenantRef, blocker_id: int
) -> BlockerView | None:
    """One of the tenant's blockers."""
    row = await _row(session, tenant, blocker_id)
    return _view(row) if row else None


async def list_blockers(
    session: AsyncSession,
    *,
    tenant: TenantRef,
    status: str | None = None,
    standup_run_ids: list[int] | None = None,
    involving: str | None = None,
    reporters: Collection[str] | None = None,
    topic_slug: str | None = None,
    resolved_since: datetime | None = None,
    limit: int | None = None,
) -> list[BlockerView]:
    """The tenant's blockers, oldest first, filtered.

    Args:
        session: the open session.
        tenant: whose blockers.
        status: open, resolved or withdrawn.
        standup_run_ids: raised in these stand-up runs.
        involving: raised by or held by this email.
        reporters: raised by one of these emails.
        topic_slug: on this topic.
        resolved_since: resolved at or after this instant.
        limit: at most this many.
    """
    statement = select(Blocker).where(Blocker.tenant_id == tenant.id)
    if status is not None:
        statement = statement.where(Blocker.status == status)
    if standup_run_ids is not None:
        statement = statement.where(col(Blocker.standup_run_id).in_(standup_run_ids))
    if involving is not None:
        statement = statement.where(
            (Blocker.reporter_email == involving) | (Blocker.owner_email == involving)
        )
    if reporters is not None:
        statement = statement.where(col(Blocker.reporter_email).in_(list(reporters)))
    if topic_slug is not None:
        statement = statement.where(Blocker.topic_slug == topic_slug)
    if resolved_since is not None:
        statement = statement.where(col(Blocker.resolved_at) >= resolved_since)
    statement = statement.order_by(col(Blocker.created_at), col(Blocker.id))
    if limit is not None:
        statement = statement.limit(limit)
    return [_view(r) for r in (await session.exec(statement)).all()]


async def withdraw_standup_blocker(
    session: AsyncSession, *, tenant: TenantRef, standup_run_id: int, reporter_email: str
) -> BlockerView | None:
    """An edited answer says "none" now: its blocker is withdrawn, not deleted."""
    row = (
        await session.exec(
            select(Blocker).where(
                Blocker.tenant_id == tenant.id,
                Blocker.standup_run_id == standup_run_id,
                Blocker.reporter_email == reporter_email,
                Blocker.status == OPEN,
            )
        )
    ).first()
    if row is None:
        return None
    row.status = WITHDRAWN
    row.next_check_at = None
    session.add(row)
    await session.flush()
    return _view(row)


async def route_blocker(
    session: AsyncSession,
    *,
    tenant: TenantRef,
    blocker_id: int,
    topic_slug: str | None,
    owner_email: str | None,
    at: datetime,
    next_check_at: datetime | None,
    kind: str,
    actor_email: str | None = None,
    declined: bool = False,
) -> BlockerView | None:
    """Give an open blocker a topic and an owner (None: it waits for a topic again).

    Each routing starts a new acknowledgement clock. ``kind`` names the event
    (routed, reassigned, declined); ``declined`` adds ``actor_email`` to those who
    said it is not theirs.
    """
    row = await _row(session, tenant, blocker_id)
    if row is None or row.status != OPEN:
        return None
    previous = row.owner_email
    row.topic_slug = topic_slug
    row.owner_email = owner_email
    row.routing += 1
    row.routed_at = at
    row.acknowledged_at = None
    row.next_check_at = next_check_at
    if declined and actor_email and actor_email not in row.declined_by:
        row.declined_by = [*row.declined_by, actor_email]
    session.add(row)
    _event(
        session,
        tenant,
        row,
        kind=kind,
        at=at,
        actor=actor_email,
        target=owner_email,
        detail=previous or "",
    )
    await session.flush()
    return _view(row)


async def acknowledge_blocker(
    session: AsyncSession,
    *,
    tenant: TenantRef,
    blocker_id: int,
    by_email: str,
    at: datetime,
    next_check_at: datetime | None,
) -> BlockerView | None:
    """Someone has it in hand: the acknowledgement clock stops (not the resolution one)."""
    row = await _row(session, tenant, blocker_id)
    if row is None or row.status != OPEN:
        return None
    if row.acknowledged_at is None:
        row.acknowledged_at = at
        row.next_check_at = next_check_at
        session.add(row)
        _event(session, tenant, row, kind="acknowledged", at=at, actor=by_email)
        await session.flush()
    return _view(row)


async def resolve_blocker(
    session: AsyncSession,
    *,
    tenant: TenantRef,
    blocker_id: int,
    by_email: str,
    note: str,
    at: datetime,
) -> BlockerView | None:
    """Close an open blocker with a note; None when it is not open (any more)."""
    row = await _row(session, tenant, blocker_id)
    if row is None or row.status != OPEN:
        return None
    row.status = RESOLVED
    row.resolved_at = at
    row.resolved_by = by_email
    row.resolution = note[:2000]
    row.next_check_at = None
    session.add(row)
    _event(session, tenant, row, kind="resolved", at=at, actor=by_email, detail=note)
    await session.flush()
    return _view(row)


async def escalated(
    session: AsyncSession,
    *,
    tenant: TenantRef,
    blocker_id: int,
    level: int,
    at: datetime,
    recipients: Collection[str],
) -> bool:
    """Record that a blocker reached ``level`` (it never goes down); True if it climbed.

    One conditional update: of two sends climbing at once, only one is told True.
    """
    result = await session.exec(
        update(Blocker)
        .where(
            col(Blocker.tenant_id) == tenant.id,
            col(Blocker.id) == blocker_id,
            col(Blocker.level) < level,
        )
        .values(level=level)
    )
    if not result.rowcount:
        return False
    session.add(
        BlockerEvent(
            tenant_id=tenant.id,
            blocker_id=blocker_id,
            kind="escalated",
            at=at,
            detail=f"{level}:" + ",".join(recipients),
        )
    )
    await session.flush()
    return True


async def set_next_check(
    session: AsyncSession, *, tenant: TenantRef, checks: Mapping[int, datetime | None]
) -> None:
    """When each blocker (by id) may next have a step due; None: never again.

    One statement run for all (an executemany), for a sweep's thousands of blockers.
    """
    if not checks:
        return
    table = cast(Table, Blocker.__table__)  # type: ignore[attr-defined]  # Core: one executemany
    statement = (
        update(table)
        .where(
            table.c.tenant_id == bindparam("b_tenant"),
            table.c.id == bindparam("b_id"),
            table.c.status == OPEN,
        )
        .values(next_check_at=bindparam("b_check"))
    )
    rows = [
        {"b_tenant": tenant.id, "b_id": blocker_id, "b_check": moment}
        for blocker_id, moment in checks.items()
    ]
    connection = await session.connection()
    await connection.execute(statement, rows)


async def blocker_events(
    session: AsyncSession, *, tenant: TenantRef, blocker_id: int
) -> list[BlockerEventView]:
    """What happened to a blocker, oldest first."""
    rows = (
        await session.exec(
            select(BlockerEvent)
            .where(BlockerEvent.tenant_id == tenant.id, BlockerEvent.blocker_id == blocker_id)
            .order_by(col(BlockerEvent.at), col(BlockerEvent.id))
        )
    ).all()
    return [
        BlockerEventView(
            kind=r.kind,
            at=utc(r.at),
            actor_email=r.actor_email,
            target_email=r.target_email,
            detail=r.detail,
        )
        for r in rows
    ]


async def due_blockers(
    session: AsyncSession, *, tenant: TenantRef, at: datetime, limit: int = 5000
) -> list[BlockerView]:
    """Open blockers whose next step may be due at ``at`` (through the status/check index)."""
    rows = (
        await session.exec(
            select(Blocker)
            .where(
                Blocker.tenant_id == tenant.id,
                Blocker.status == OPEN,
                col(Blocker.next_check_at) <= at,
            )
            .order_by(col(Blocker.next_check_at))
            .limit(limit)
        )
    ).all()
    return [_view(r) for r in rows]


async def next_checks(
    session: AsyncSession, *, tenant: TenantRef, start: datetime, end: datetime
) -> list[datetime]:
    """The distinct instants open blockers next need a look, between two instants."""
    rows = (
        await session.exec(
            select(col(Blocker.next_check_at))
            .where(
                Blocker.tenant_id == tenant.id,
                Blocker.status == OPEN,
                col(Blocker.next_check_at) > start,
                col(Blocker.next_check_at) <= end,
            )
            .distinct()
        )
    ).all()
    return sorted(utc(moment) for moment in rows if moment is not None)
