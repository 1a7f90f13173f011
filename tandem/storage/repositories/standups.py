"""Stand-ups, their members, their runs and the answers given to them."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime

from sqlalchemy import delete
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from tandem.storage.models import (
    Person,
    Standup,
    StandupAnswer,
    StandupMember,
    StandupRun,
)
from tandem.storage.records import (
    AnswerView,
    ChannelAddress,
    RunView,
    StandupMemberView,
    StandupSettings,
    StandupView,
    TenantRef,
)
from tandem.storage.repositories import people
from tandem.storage.repositories.ownership import require_owned
from tandem.storage.timestamps import utc


class UnknownPeople(ValueError):
    """Emails that are not in the tenant's people file."""

    def __init__(self, emails: Sequence[str]) -> None:
        super().__init__(", ".join(emails))
        self.emails = tuple(emails)


async def _members(
    session: AsyncSession, *, tenant: TenantRef, standup_ids: Sequence[int]
) -> dict[int, list[StandupMemberView]]:
    """Each stand-up's members with their week, absences and platform ids."""
    rows = (
        await session.exec(
            select(StandupMember.standup_id, StandupMember.person_id).where(
                StandupMember.tenant_id == tenant.id,
                col(StandupMember.standup_id).in_(standup_ids),
            )
        )
    ).all()
    known = await people.contacts(
        session, tenant=tenant, person_ids={person_id for _, person_id in rows}
    )
    found: dict[int, list[StandupMemberView]] = {}
    for standup_id, person_id in rows:
        if person_id in known:
            found.setdefault(standup_id, []).append(known[person_id])
    for members in found.values():
        members.sort(key=lambda m: m.name)
    return found


def _view(row: Standup, members: Sequence[StandupMemberView]) -> StandupView:
    assert row.id is not None
    settings = StandupSettings(
        name=row.name,
        member_emails=tuple(m.email for m in members),
        questions=tuple(row.questions),
        days=tuple(row.days),
        slots=tuple((ask, cutoff) for ask, cutoff in row.slots),
        timezone=row.timezone,
        reminders=tuple(row.reminders),
        holidays=tuple(date.fromisoformat(d) for d in row.holidays),
        optional=row.optional,
        blockers=row.blockers_question,
    )
    return StandupView(
        id=row.id,
        settings=settings,
        channel=ChannelAddress(
            id=row.channel_id, kind=row.channel_kind, reference=row.channel_reference
        ),
        owner_email=row.owner_email,
        members=tuple(members),
        paused=row.paused,
        deleted=row.deleted,
        revision=row.revision,
        created_at=utc(row.created_at),
    )


async def list_standups(
    session: AsyncSession, *, tenant: TenantRef, include_deleted: bool = False
) -> list[StandupView]:
    """The tenant's stand-ups by name, with their members."""
    statement = select(Standup).where(Standup.tenant_id == tenant.id)
    if not include_deleted:
        statement = statement.where(col(Standup.deleted).is_(False))
    rows = (await session.exec(statement.order_by(col(Standup.name), col(Standup.id)))).all()
    members = await _members(session, tenant=tenant, standup_ids=[r.id for r in rows if r.id])
    return [_view(row, members.get(row.id or 0, [])) for row in rows]


async def get_standup(
    session: AsyncSession, *, tenant: TenantRef, standup_id: int
) -> StandupView | None:
    """One stand-up (deleted ones included, so late answers can be told so)."""
    row = (
        await session.exec(
            select(Standup).where(Standup.tenant_id == tenant.id, Standup.id == standup_id)
        )
    ).first()
    if row is None:
        return None
    members = await _members(session, tenant=tenant, standup_ids=[standup_id])
    return _view(row, members.get(standup_id, []))


async def _person_ids(
    session: AsyncSession, *, tenant: TenantRef, emails: Sequence[str]
) -> list[int]:
    wanted = [e.casefold() for e in emails]
    rows = (
        await session.exec(
            select(Person).where(Person.tenant_id == tenant.id, col(Person.email).in_(wanted))
        )
    ).all()
    by_email = {p.email: p.id for p in rows if p.id is not None}
    missing = [e for e in wanted if e not in by_email]
    if missing:
        raise UnknownPeople(missing)
    return [by_email[e] for e in wanted]


def _apply(row: Standup, settings: StandupSettings) -> None:
    row.name = settings.name
    row.questions = list(settings.questions)
    row.days = list(settings.days)
    row.slots = [[ask, cutoff] for ask, cutoff in settings.slots]
    row.timezone = settings.timezone
    row.reminders = list(settings.reminders)
    row.holidays = [d.isoformat() for d in settings.holidays]
    row.optional = settings.optional
    row.blockers_question = settings.blockers


async def _set_members(
    session: AsyncSession, *, tenant: TenantRef, standup_id: int, person_ids: Sequence[int]
) -> None:
    await session.exec(
        delete(StandupMember).where(
            col(StandupMember.tenant_id) == tenant.id, col(StandupMember.standup_id) == standup_id
        )
    )
    for person_id in dict.fromkeys(person_ids):
        session.add(StandupMember(tenant_id=tenant.id, standup_id=standup_id, person_id=person_id))
    await session.flush()


async def create_standup(
    session: AsyncSession,
    *,
    tenant: TenantRef,
    settings: StandupSettings,
    channel: ChannelAddress,
    owner_email: str,
    at: datetime,
) -> int:
    """Store a new stand-up; raises :class:`UnknownPeople` for members not in the people file."""
    person_ids = await _person_ids(session, tenant=tenant, emails=settings.member_emails)
    row = Standup(
        tenant_id=tenant.id,
        name=settings.name,
        channel_id=channel.id,
        channel_kind=channel.kind,
        channel_reference=channel.reference,
        owner_email=owner_email,
        timezone=settings.timezone,
        created_at=at,
    )
    _apply(row, settings)
    session.add(row)
    await session.flush()
    assert row.id is not None
    await _set_members(session, tenant=tenant, standup_id=row.id, person_ids=person_ids)
    return row.id


async def _row(session: AsyncSession, *, tenant: TenantRef, standup_id: int) -> Standup | None:
    return (
        await session.exec(
            select(Standup).where(Standup.tenant_id == tenant.id, Standup.id == standup_id)
        )
    ).first()


async def update_standup(
    session: AsyncSession, *, tenant: TenantRef, standup_id: int, settings: StandupSettings
) -> bool:
    """Replace a stand-up's settings and members; False when it does not exist."""
    row = await _row(session, tenant=tenant, standup_id=standup_id)
    if row is None:
        return False
    person_ids = await _person_ids(session, tenant=tenant, emails=settings.member_emails)
    _apply(row, settings)
    row.revision += 1
    session.add(row)
    await _set_members(session, tenant=tenant, standup_id=standup_id, person_ids=person_ids)
    return True


async def set_state(
    session: AsyncSession,
    *,
    tenant: TenantRef,
    standup_id: int,
    paused: bool | None = None,
    deleted: bool | None = None,
) -> bool:
    """Pause, resume or delete a stand-up (deleted ones keep their runs and answers)."""
    row = await _row(session, tenant=tenant, standup_id=standup_id)
    if row is None:
        return False
    if paused is not None:
        row.paused = paused
    if deleted is not None:
        row.deleted = deleted
    row.revision += 1
    session.add(row)
    await session.flush()
    return True


def _run_view(row: StandupRun) -> RunView:
    assert row.id is not None
    return RunView(
        id=row.id,
        standup_id=row.standup_id,
        run_date=row.run_date,
        slot=row.slot,
        cutoff_at=utc(row.cutoff_at),
        thread_id=row.thread_id,
        summary_id=row.summary_id,
        closed=row.closed,
    )


async def find_run(
    session: AsyncSession, *, tenant: TenantRef, standup_id: int, run_date: date, slot: int
) -> RunView | None:
    """The run of a stand-up on a date and slot, if it has started."""
    row = (
        await session.exec(
            select(StandupRun).where(
                StandupRun.tenant_id == tenant.id,
                StandupRun.standup_id == standup_id,
                StandupRun.run_date == run_date,
                StandupRun.slot == slot,
            )
        )
    ).first()
    return _run_view(row) if row else None


async def ensure_run(
    session: AsyncSession,
    *,
    tenant: TenantRef,
    standup_id: int,
    run_date: date,
    slot: int,
    cutoff_at: datetime,
) -> RunView:
    """The run, created the first time anyone needs it (two replicas agree on one row)."""
    found = await find_run(
        session, tenant=tenant, standup_id=standup_id, run_date=run_date, slot=slot
    )
    if found is not None:
        return found
    from sqlalchemy.exc import IntegrityError

    try:
        async with session.begin_nested():
            row = StandupRun(
                tenant_id=tenant.id,
                standup_id=standup_id,
                run_date=run_date,
                slot=slot,
                cutoff_at=cutoff_at,
            )
            session.add(row)
        return _run_view(row)
    except IntegrityError:
        again = await find_run(
            session, tenant=tenant, standup_id=standup_id, run_date=run_date, slot=slot
        )
        assert again is not None
        return again


async def get_run(session: AsyncSession, *, tenant: TenantRef, run_id: int) -> RunView | None:
    """A run by id."""
    row = (
        await session.exec(
            select(StandupRun).where(StandupRun.tenant_id == tenant.id, StandupRun.id == run_id)
        )
    ).first()
    return _run_view(row) if row else None


async def update_run(
    session: AsyncSession,
    *,
    tenant: TenantRef,
    run_id: int,
    thread_id: str | None = None,
    summary_id: str | None = None,
    closed: bool | None = None,
) -> None:
    """Remember the run's channel messages, or close it at its cut-off."""
    row = (
        await session.exec(
            select(StandupRun).where(StandupRun.tenant_id == tenant.id, StandupRun.id == run_id)
        )
    ).first()
    if row is None:
        return
    if thread_id is not None:
        row.thread_id = thread_id
    if summary_id is not None:
        row.summary_id = summary_id
    if closed is not None:
        row.closed = closed
    session.add(row)
    await session.flush()


async def runs_between(
    session: AsyncSession, *, tenant: TenantRef, standup_id: int, first: date, last: date
) -> list[RunView]:
    """A stand-up's runs between two dates (inclusive), oldest first."""
    rows = (
        await session.exec(
            select(StandupRun)
            .where(
                StandupRun.tenant_id == tenant.id,
                StandupRun.standup_id == standup_id,
                col(StandupRun.run_date) >= first,
                col(StandupRun.run_date) <= last,
            )
            .order_by(col(StandupRun.run_date), col(StandupRun.slot))
        )
    ).all()
    return [_run_view(r) for r in rows]


def _answer_view(row: StandupAnswer) -> AnswerView:
    assert row.id is not None
    return AnswerView(
        id=row.id,
        run_id=row.run_id,
        person_id=row.person_id,
        answers=tuple(row.answers),
        complete=row.complete,
        skipped=row.skipped,
        late=row.late,
        message_id=row.message_id,
        answered_at=utc(row.answered_at),
        updated_at=utc(row.updated_at),
    )


async def save_answer(
    session: AsyncSession,
    *,
    tenant: TenantRef,
    run_id: int,
    person_id: int,
    answers: Sequence[str],
    complete: bool,
    at: datetime,
    skipped: bool = False,
    late: bool = False,
) -> AnswerView:
    """Create or replace a member's answer to a run (both must be the tenant's)."""
    await require_owned(session, tenant=tenant, model=StandupRun, row_id=run_id)
    await require_owned(session, tenant=tenant, model=Person, row_id=person_id)
    row = (
        await session.exec(
            select(StandupAnswer).where(
                StandupAnswer.tenant_id == tenant.id,
                StandupAnswer.run_id == run_id,
                StandupAnswer.person_id == person_id,
            )
        )
    ).first()
    if row is None:
        row = StandupAnswer(
            tenant_id=tenant.id, run_id=run_id, person_id=person_id, answered_at=at, late=late
        )
    row.answers = list(answers)
    row.complete = complete
    row.skipped = skipped
    row.late = row.late or late
    row.updated_at = at
    session.add(row)
    await session.flush()
    return _answer_view(row)


async def set_answer_message(
    session: AsyncSession, *, tenant: TenantRef, answer_id: int, message_id: str
) -> None:
    """Remember where an answer was posted, so an edit updates it in place."""
    row = (
        await session.exec(
            select(StandupAnswer).where(
                StandupAnswer.tenant_id == tenant.id, StandupAnswer.id == answer_id
            )
        )
    ).first()
    if row is not None:
        row.message_id = message_id
        session.add(row)
        await session.flush()


async def run_answers(session: AsyncSession, *, tenant: TenantRef, run_id: int) -> list[AnswerView]:
    """Every answer (and skip) given to a run, first answered first."""
    rows = (
        await session.exec(
            select(StandupAnswer)
            .where(StandupAnswer.tenant_id == tenant.id, StandupAnswer.run_id == run_id)
            .order_by(col(StandupAnswer.answered_at), col(StandupAnswer.id))
        )
    ).all()
    return [_answer_view(r) for r in rows]


async def answers_of(
    session: AsyncSession, *, tenant: TenantRef, person_id: int, first: date, last: date
) -> list[tuple[str, RunView, AnswerView]]:
    """A person's answers between two run dates: (stand-up name, run, answer), oldest first."""
    rows = (
        await session.exec(
            select(Standup.name, StandupRun, StandupAnswer)
            .join(StandupRun, col(StandupRun.id) == StandupAnswer.run_id)
            .join(Standup, col(Standup.id) == StandupRun.standup_id)
            .where(
                StandupAnswer.tenant_id == tenant.id,
                StandupAnswer.person_id == person_id,
                col(StandupRun.run_date) >= first,
                col(StandupRun.run_date) <= last,
            )
            .order_by(col(StandupRun.run_date), col(StandupRun.slot), col(Standup.name))
        )
    ).all()
    return [(name, _run_view(run), _answer_view(answer)) for name, run, answer in rows]
