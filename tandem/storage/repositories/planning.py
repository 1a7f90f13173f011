"""Planning sessions, their occurrences, the IT representatives invited, and the pool."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from datetime import date, datetime

from sqlalchemy import delete, func, update
from sqlalchemy.exc import IntegrityError
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from tandem.storage.models import (
    PlanningInvite,
    PlanningOccurrence,
    PlanningPoolMember,
    PlanningSession,
)
from tandem.storage.records import (
    ChannelAddress,
    InviteView,
    OccurrenceView,
    PlanningSessionView,
    TenantRef,
)
from tandem.storage.repositories.ownership import require_owned
from tandem.storage.timestamps import utc

SCHEDULED = "scheduled"
CANCELLED = "cancelled"
ATTENDING = ("invited", "accepted")


def _session(row: PlanningSession) -> PlanningSessionView:
    assert row.id is not None
    channel = (
        ChannelAddress(
            id=row.channel_id, kind=row.channel_kind or "channel", reference=row.channel_reference
        )
        if row.channel_id
        else None
    )
    return PlanningSessionView(
        id=row.id,
        title=row.title,
        organiser_email=row.organiser_email,
        timezone=row.timezone,
        first_day=row.first_day,
        local_time=row.local_time,
        duration_minutes=row.duration_minutes,
        topics=tuple(row.topics or ()),
        every_weeks=row.every_weeks,
        count=row.count,
        channel=channel,
        status=row.status,
        created_at=utc(row.created_at),
    )


def _occurrence(row: PlanningOccurrence) -> OccurrenceView:
    assert row.id is not None
    return OccurrenceView(
        id=row.id,
        session_id=row.session_id,
        number=row.number,
        starts_at=utc(row.starts_at),
        ends_at=utc(row.ends_at),
        uid=row.uid,
        sequence=row.sequence,
        status=row.status,
    )


def _invite(row: PlanningInvite) -> InviteView:
    assert row.id is not None
    card = (
        ChannelAddress(
            id=row.conversation_id, kind=row.conversation_kind or "direct", reference=row.reference
        )
        if row.conversation_id
        else None
    )
    return InviteView(
        id=row.id,
        occurrence_id=row.occurrence_id,
        email=row.email,
        topics=tuple(row.topics or ()),
        via=row.via,
        status=row.status,
        created_at=utc(row.created_at),
        reason=row.reason,
        answered_at=utc(row.answered_at) if row.answered_at else None,
        card=card,
        message_id=row.message_id,
    )


# -- sessions ---------------------------------------------------------------------------------


async def add_session(
    session: AsyncSession,
    *,
    tenant: TenantRef,
    title: str,
    organiser_email: str,
    timezone: str,
    first_day: date,
    local_time: str,
    duration_minutes: int,
    topics: Sequence[str],
    every_weeks: int = 0,
    count: int | None = None,
    channel: ChannelAddress | None = None,
    at: datetime,
) -> PlanningSessionView:
    """Store a new session (its occurrences are added apart)."""
    row = PlanningSession(
        tenant_id=tenant.id,
        title=title,
        organiser_email=organiser_email,
        timezone=timezone,
        first_day=first_day,
        local_time=local_time,
        duration_minutes=duration_minutes,
        topics=list(topics),
        every_weeks=every_weeks,
        count=count,
        channel_id=channel.id if channel else None,
        channel_kind=channel.kind if channel else None,
        channel_reference=channel.reference if channel else None,
        created_at=at,
    )
    session.add(row)
    await session.flush()
    return _session(row)


async def get_session(
    session: AsyncSession, *, tenant: TenantRef, session_id: int
) -> PlanningSessionView | None:
    """One session of the tenant."""
    row = (
        await session.exec(
            select(PlanningSession).where(
                PlanningSession.tenant_id == tenant.id, PlanningSession.id == session_id
            )
        )
    ).first()
    return _session(row) if row else None


async def list_sessions(
    session: AsyncSession, *, tenant: TenantRef, status: str | None = SCHEDULED, limit: int = 100
) -> list[PlanningSessionView]:
    """The tenant's sessions of one status (all when None), oldest first."""
    statement = select(PlanningSession).where(PlanningSession.tenant_id == tenant.id)
    if status is not None:
        statement = statement.where(PlanningSession.status == status)
    statement = statement.order_by(col(PlanningSession.id)).limit(limit)
    return [_session(r) for r in (await session.exec(statement)).all()]


async def cancel_session(
    session: AsyncSession, *, tenant: TenantRef, session_id: int, at: datetime
) -> bool:
    """Cancel a scheduled session; False when it was not scheduled (or not the tenant's)."""
    result = await session.exec(
        update(PlanningSession)
        .where(
            col(PlanningSession.tenant_id) == tenant.id,
            col(PlanningSession.id) == session_id,
            col(PlanningSession.status) == SCHEDULED,
        )
        .values(status=CANCELLED, cancelled_at=at)
    )
    return bool(result.rowcount)


# -- occurrences ------------------------------------------------------------------------------


async def add_occurrence(
    session: AsyncSession,
    *,
    tenant: TenantRef,
    session_id: int,
    number: int,
    starts_at: datetime,
    ends_at: datetime,
    uid: str,
) -> OccurrenceView | None:
    """Add occurrence ``number`` of a session; None when it exists already (another
    process added it first: the unique key keeps it one)."""
    await require_owned(session, tenant=tenant, model=PlanningSession, row_id=session_id)
    existing = (
        await session.exec(
            select(PlanningOccurrence.id).where(
                PlanningOccurrence.session_id == session_id, PlanningOccurrence.number == number
            )
        )
    ).first()
    if existing is not None:
        return None
    row = PlanningOccurrence(
        tenant_id=tenant.id,
        session_id=session_id,
        number=number,
        starts_at=starts_at,
        ends_at=ends_at,
        uid=uid,
    )
    try:
        async with session.begin_nested():
            session.add(row)
            await session.flush()
    except IntegrityError:  # the unique key: another replica added it meanwhile
        return None
    return _occurrence(row)


async def get_occurrence(
    session: AsyncSession, *, tenant: TenantRef, occurrence_id: int
) -> OccurrenceView | None:
    """One occurrence of the tenant."""
    row = (
        await session.exec(
            select(PlanningOccurrence).where(
                PlanningOccurrence.tenant_id == tenant.id, PlanningOccurrence.id == occurrence_id
            )
        )
    ).first()
    return _occurrence(row) if row else None


async def session_occurrences(
    session: AsyncSession, *, tenant: TenantRef, session_ids: Collection[int]
) -> list[OccurrenceView]:
    """The occurrences of these sessions, in order."""
    rows = (
        await session.exec(
            select(PlanningOccurrence)
            .where(
                PlanningOccurrence.tenant_id == tenant.id,
                col(PlanningOccurrence.session_id).in_(list(session_ids)),
            )
            .order_by(col(PlanningOccurrence.session_id), col(PlanningOccurrence.number))
        )
    ).all()
    return [_occurrence(r) for r in rows]


async def occurrences_between(
    session: AsyncSession, *, tenant: TenantRef, start: datetime, end: datetime
) -> list[OccurrenceView]:
    """Scheduled occurrences that overlap ``[start, end)``, earliest first."""
    rows = (
        await session.exec(
            select(PlanningOccurrence)
            .where(
                PlanningOccurrence.tenant_id == tenant.id,
                PlanningOccurrence.status == SCHEDULED,
                col(PlanningOccurrence.starts_at) < end,
                col(PlanningOccurrence.ends_at) > start,
            )
            .order_by(col(PlanningOccurrence.starts_at), col(PlanningOccurrence.id))
        )
    ).all()
    return [_occurrence(r) for r in rows]


async def change_occurrence(
    session: AsyncSession,
    *,
    tenant: TenantRef,
    occurrence_id: int,
    status: str | None = None,
    starts_at: datetime | None = None,
    ends_at: datetime | None = None,
) -> OccurrenceView | None:
    """Move or cancel a scheduled occurrence and bump its calendar sequence; None when it
    was not scheduled any more."""
    values: dict[str, object] = {"sequence": PlanningOccurrence.sequence + 1}
    if status is not None:
        values["status"] = status
    if starts_at is not None:
        values["starts_at"] = starts_at
    if ends_at is not None:
        values["ends_at"] = ends_at
    result = await session.exec(
        update(PlanningOccurrence)
        .where(
            col(PlanningOccurrence.tenant_id) == tenant.id,
            col(PlanningOccurrence.id) == occurrence_id,
            col(PlanningOccurrence.status) == SCHEDULED,
        )
        .values(**values)
    )
    if not result.rowcount:
        return None
    session.expire_all()
    return await get_occurrence(session, tenant=tenant, occurrence_id=occurrence_id)


# -- invites ----------------------------------------------------------------------------------


async def add_invite(
    session: AsyncSession,
    *,
    tenant: TenantRef,
    occurrence_id: int,
    email: str,
    topics: Sequence[str],
    via: str,
    at: datetime,
) -> InviteView:
    """Invite someone to an occurrence."""
    await require_owned(session, tenant=tenant, model=PlanningOccurrence, row_id=occurrence_id)
    row = PlanningInvite(
        tenant_id=tenant.id,
        occurrence_id=occurrence_id,
        email=email,
        topics=list(topics),
        via=via,
        created_at=at,
    )
    session.add(row)
    await session.flush()
    return _invite(row)


async def get_invite(
    session: AsyncSession, *, tenant: TenantRef, invite_id: int
) -> InviteView | None:
    """One invite of the tenant."""
    row = (
        await session.exec(
            select(PlanningInvite).where(
                PlanningInvite.tenant_id == tenant.id, PlanningInvite.id == invite_id
            )
        )
    ).first()
    return _invite(row) if row else None


async def occurrence_invites(
    session: AsyncSession, *, tenant: TenantRef, occurrence_ids: Collection[int]
) -> list[InviteView]:
    """Every invite to these occurrences, in the order made."""
    rows = (
        await session.exec(
            select(PlanningInvite)
            .where(
                PlanningInvite.tenant_id == tenant.id,
                col(PlanningInvite.occurrence_id).in_(list(occurrence_ids)),
            )
            .order_by(col(PlanningInvite.id))
        )
    ).all()
    return [_invite(r) for r in rows]


async def answer_invite(
    session: AsyncSession,
    *,
    tenant: TenantRef,
    invite_id: int,
    status: str,
    at: datetime,
    reason: str = "",
    unless: Collection[str] = (),
) -> bool:
    """Record an answer (accepted, declined, replaced, cancelled); False when the invite's
    status is one of ``unless`` (already answered that way, or over)."""
    statement = update(PlanningInvite).where(
        col(PlanningInvite.tenant_id) == tenant.id, col(PlanningInvite.id) == invite_id
    )
    if unless:
        statement = statement.where(col(PlanningInvite.status).not_in(list(unless)))
    result = await session.exec(statement.values(status=status, reason=reason, answered_at=at))
    return bool(result.rowcount)


async def set_invite_card(
    session: AsyncSession,
    *,
    tenant: TenantRef,
    invite_id: int,
    card: ChannelAddress,
    message_id: str,
) -> None:
    """Remember the invite card sent, to update it in place later."""
    await session.exec(
        update(PlanningInvite)
        .where(col(PlanningInvite.tenant_id) == tenant.id, col(PlanningInvite.id) == invite_id)
        .values(
            conversation_id=card.id,
            conversation_kind=card.kind,
            reference=card.reference,
            message_id=message_id,
        )
    )


async def invite_load(
    session: AsyncSession, *, tenant: TenantRef, emails: Collection[str]
) -> dict[str, tuple[int, datetime | None]]:
    """How many scheduled meetings each person was picked for (declines not counted), and
    when they were last picked: what a fair rotation levels out."""
    rows = (
        await session.exec(
            select(
                PlanningInvite.email,
                func.count(col(PlanningInvite.id)),
                func.max(PlanningInvite.created_at),
            )
            .join(PlanningOccurrence, col(PlanningOccurrence.id) == PlanningInvite.occurrence_id)
            .where(
                PlanningInvite.tenant_id == tenant.id,
                col(PlanningInvite.email).in_(list(emails)),
                col(PlanningInvite.status).in_(ATTENDING),
                PlanningOccurrence.status == SCHEDULED,
            )
            .group_by(col(PlanningInvite.email))
        )
    ).all()
    return {email: (int(count), utc(last) if last else None) for email, count, last in rows}


async def busy(
    session: AsyncSession,
    *,
    tenant: TenantRef,
    emails: Collection[str],
    start: datetime,
    end: datetime,
    besides: int | None = None,
) -> set[str]:
    """Who of ``emails`` is expected at another scheduled meeting overlapping ``[start, end)``
    (as a representative or as its organiser); ``besides`` leaves one occurrence out."""
    overlapping = [
        o
        for o in await occurrences_between(session, tenant=tenant, start=start, end=end)
        if o.id != besides
    ]
    if not overlapping:
        return set()
    wanted = set(emails)
    found = {
        i.email
        for i in await occurrence_invites(
            session, tenant=tenant, occurrence_ids=[o.id for o in overlapping]
        )
        if i.attending and i.email in wanted
    }
    organisers = (
        await session.exec(
            select(PlanningSession.organiser_email).where(
                PlanningSession.tenant_id == tenant.id,
                col(PlanningSession.id).in_({o.session_id for o in overlapping}),
            )
        )
    ).all()
    return found | (wanted & set(organisers))


# -- the pool ---------------------------------------------------------------------------------


async def pool(session: AsyncSession, *, tenant: TenantRef) -> list[str]:
    """The IT rotation pool, in the order added."""
    rows = (
        await session.exec(
            select(PlanningPoolMember.email)
            .where(PlanningPoolMember.tenant_id == tenant.id)
            .order_by(col(PlanningPoolMember.id))
        )
    ).all()
    return list(rows)


async def change_pool(
    session: AsyncSession,
    *,
    tenant: TenantRef,
    add: Sequence[str] = (),
    remove: Sequence[str] = (),
    at: datetime,
) -> list[str]:
    """Add and remove people of the pool; returns the pool after."""
    present = set(await pool(session, tenant=tenant))
    for email in dict.fromkeys(add):
        if email not in present:
            session.add(PlanningPoolMember(tenant_id=tenant.id, email=email, added_at=at))
            present.add(email)
    if remove:
        await session.exec(
            delete(PlanningPoolMember).where(
                col(PlanningPoolMember.tenant_id) == tenant.id,
                col(PlanningPoolMember.email).in_(list(remove)),
            )
        )
    await session.flush()
    return await pool(session, tenant=tenant)
