"""What happens to a planning session, whoever triggers it: scheduling, choosing and
inviting the IT representatives, their answers, substitutes, cancelling and moving.

``/planning`` (``ritual.py``) and the timed sweep (``engine.py``) both go through here.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from tandem.bot.cards import FileAttachment, Reply
from tandem.bot.clock import Clock
from tandem.bot.i18n import Translator
from tandem.bot.port import MissingPermission
from tandem.bot.types import ConversationKind, ConversationRef, MessageRef, TenantKey
from tandem.rituals.common.org import Org, load_org
from tandem.rituals.common.reach import Reach
from tandem.rituals.common.topic_match import TopicMatcher
from tandem.rituals.common.working_time import at_local, local_date, parse_clock
from tandem.rituals.planning import cards, ics
from tandem.rituals.planning.agenda import Agenda
from tandem.rituals.planning.draft import Draft
from tandem.rituals.planning.rotation import Choice, choose
from tandem.storage.database import Database
from tandem.storage.records import (
    ChannelAddress,
    ContactView,
    InviteView,
    OccurrenceView,
    PlanningSessionView,
    TenantRef,
)
from tandem.storage.repositories import approvals, blockers, guardrails
from tandem.storage.repositories import planning as repo

log = logging.getLogger(__name__)
MatcherSource = Callable[[TenantRef], Awaitable[TopicMatcher]]
IT_DEPARTMENT = "it"
INVITE_AHEAD = timedelta(days=14)
RECENT_QUESTIONS = timedelta(days=30)
AGENDA_ITEMS = 5
CLOSED = ("declined", "replaced", "cancelled")


def is_it(person: ContactView) -> bool:
    """In the IT department of the people file."""
    return person.department.strip().casefold() == IT_DEPARTMENT


def occurrence_start(session: PlanningSessionView, number: int) -> datetime:
    """When meeting ``number`` (1 is the first) starts, in UTC: the organiser's wall time
    on the day ``every_weeks`` weeks apart, whatever daylight saving does in between."""
    day = session.first_day + timedelta(weeks=session.every_weeks * (number - 1))
    return at_local(day, parse_clock(session.local_time), session.timezone)


def holders(org: Org, topics: Sequence[str]) -> dict[str, list[str]]:
    """Per topic, its IT Responsible then Consulted, in the matrix's order."""
    found: dict[str, list[str]] = {}
    for slug in topics:
        topic = org.topics.get(slug)
        people = (*topic.responsible, *topic.consulted) if topic else ()
        found[slug] = [e for e in dict.fromkeys(people) if (p := org.person(e)) and is_it(p)]
    return found


@dataclass(frozen=True, slots=True)
class Staffed:
    """The outcome of choosing representatives for one meeting."""

    occurrence: OccurrenceView
    invites: tuple[InviteView, ...]
    choice: Choice
    unreachable: tuple[str, ...] = ()
    joined_channel: bool | None = None
    channel_needs: tuple[str, ...] = ()
    """The permissions Tandem lacks to add people to the channel, when that is why not."""


class PlanningService:
    """Planning operations over the database and the platform ports."""

    def __init__(
        self, *, database: Database, reach: Reach, clock: Clock, matchers: MatcherSource
    ) -> None:
        self._database = database
        self._clock = clock
        self._matchers = matchers
        self.reach = reach
        self._listeners: list[Callable[[], Awaitable[None]]] = []

    def now(self) -> datetime:
        """The injected clock's instant."""
        return self._clock.now()

    def on_change(self, listener: Callable[[], Awaitable[None]]) -> None:
        """Call ``listener`` after a session is added, moved or cancelled (the scheduler
        recomputes its next wake-up)."""
        self._listeners.append(listener)

    async def _changed(self) -> None:
        for listener in self._listeners:
            try:
                await listener()
            except Exception:
                log.exception("a planning change listener failed")

    async def org(self, *, tenant: TenantRef) -> Org:
        """The tenant's people, topics and working hours."""
        return await load_org(database=self._database, tenant=tenant)

    async def matcher(self, *, tenant: TenantRef) -> TopicMatcher:
        """The tenant's topic matcher (names, aliases, typos)."""
        return await self._matchers(tenant)

    # -- reading ------------------------------------------------------------------------------

    async def session_of(self, *, tenant: TenantRef, session_id: int) -> PlanningSessionView | None:
        """One session of the tenant."""
        async with self._database.session() as session:
            return await repo.get_session(session, tenant=tenant, session_id=session_id)

    async def occurrences(
        self, *, tenant: TenantRef, session_id: int
    ) -> list[tuple[OccurrenceView, list[InviteView]]]:
        """A session's meetings so far, each with its invites."""
        async with self._database.session() as session:
            found = await repo.session_occurrences(session, tenant=tenant, session_ids=[session_id])
            invites = await repo.occurrence_invites(
                session, tenant=tenant, occurrence_ids=[o.id for o in found]
            )
        return [(o, [i for i in invites if i.occurrence_id == o.id]) for o in found]

    async def agenda(self, *, tenant: TenantRef, topics: Sequence[str]) -> Agenda:
        """Open blockers, pending approvals and recent uncovered questions on ``topics``."""
        wanted = set(topics)
        since = self.now() - RECENT_QUESTIONS
        async with self._database.session() as session:
            open_blockers = [
                b
                for slug in topics
                for b in await blockers.list_blockers(
                    session, tenant=tenant, status="open", topic_slug=slug, limit=AGENDA_ITEMS
                )
            ]
            pending = [
                r
                for r in await approvals.list_requests(
                    session, tenant=tenant, status="pending", limit=200
                )
                if r.topic_slug in wanted
            ]
            rules = {r.id: r.topic for r in await guardrails.list_rules(session, tenant=tenant)}
            questions = [
                q
                for q in await approvals.list_questions(session, tenant=tenant, limit=200)
                if q.asked_at >= since and rules.get(q.closest_rule or "") in wanted
            ]
        return Agenda(
            blockers=tuple(
                (b.id, b.topic_slug or "", b.text, b.owner_email)
                for b in open_blockers[: AGENDA_ITEMS * 2]
            ),
            approvals=tuple(
                (r.id, r.topic_slug, r.what, r.requester_email) for r in pending[: AGENDA_ITEMS * 2]
            ),
            questions=tuple((q.id, q.text) for q in questions[:AGENDA_ITEMS]),
        )

    # -- scheduling ---------------------------------------------------------------------------

    async def create(
        self,
        *,
        key: TenantKey,
        tenant: TenantRef,
        org: Org,
        organiser: ContactView,
        draft: Draft,
        topics: Sequence[str],
        channel: ChannelAddress | None,
    ) -> tuple[PlanningSessionView, Staffed | None]:
        """Store the session and its first meeting, and invite the representatives."""
        async with self._database.session() as session:
            created = await repo.add_session(
                session,
                tenant=tenant,
                title=draft.title,
                organiser_email=organiser.email,
                timezone=organiser.timezone,
                first_day=draft.day,
                local_time=f"{draft.clock:%H:%M}",
                duration_minutes=draft.minutes,
                topics=topics,
                every_weeks=draft.every_weeks,
                count=draft.count,
                channel=channel,
                at=self.now(),
            )
        staffed = await self.open_occurrence(
            key=key, tenant=tenant, org=org, session=created, number=1
        )
        await self._changed()
        return created, staffed

    async def open_occurrence(
        self,
        *,
        key: TenantKey,
        tenant: TenantRef,
        org: Org,
        session: PlanningSessionView,
        number: int,
    ) -> Staffed | None:
        """Add meeting ``number`` and invite its representatives; None when another
        process added it first."""
        starts = occurrence_start(session, number)
        async with self._database.session() as db:
            occurrence = await repo.add_occurrence(
                db,
                tenant=tenant,
                session_id=session.id,
                number=number,
                starts_at=starts,
                ends_at=starts + timedelta(minutes=session.duration_minutes),
                uid=f"{uuid.uuid4().hex}@tandem",
            )
        if occurrence is None:
            return None
        return await self.staff(
            key=key, tenant=tenant, org=org, session=session, occurrence=occurrence
        )

    async def _unavailable(
        self,
        *,
        tenant: TenantRef,
        org: Org,
        session: PlanningSessionView,
        occurrence: OccurrenceView,
        emails: Sequence[str],
        invites: Sequence[InviteView],
    ) -> dict[str, str]:
        found: dict[str, str] = {i.email: "declined" for i in invites if i.status in CLOSED}
        found[session.organiser_email] = "organiser"
        async with self._database.session() as db:
            occupied = await repo.busy(
                db,
                tenant=tenant,
                emails=emails,
                start=occurrence.starts_at,
                end=occurrence.ends_at,
                besides=occurrence.id,
            )
        for email in emails:
            person = org.person(email)
            if email in found:
                continue
            if person is None:
                found[email] = "unknown"
            elif not org.calendar(person).works_on(
                local_date(occurrence.starts_at, person.timezone)
            ):
                found[email] = "away"
            elif email in occupied:
                found[email] = "busy"
        return found

    async def staff(
        self,
        *,
        key: TenantKey,
        tenant: TenantRef,
        org: Org,
        session: PlanningSessionView,
        occurrence: OccurrenceView,
    ) -> Staffed:
        """Choose who covers the topics nobody present covers, invite them, send their cards."""
        async with self._database.session() as db:
            invites = await repo.occurrence_invites(
                db, tenant=tenant, occurrence_ids=[occurrence.id]
            )
            pool = await repo.pool(db, tenant=tenant)
        by_topic = holders(org, session.topics)
        everyone = list(dict.fromkeys([*(e for es in by_topic.values() for e in es), *pool]))
        unavailable = await self._unavailable(
            tenant=tenant,
            org=org,
            session=session,
            occurrence=occurrence,
            emails=everyone,
            invites=invites,
        )
        async with self._database.session() as db:
            load = await repo.invite_load(db, tenant=tenant, emails=everyone)
        choice = choose(
            topics=session.topics,
            holders=by_topic,
            pool=pool,
            unavailable=unavailable,
            present={i.email: (i.topics, i.via) for i in invites if i.attending},
            load=load,
        )
        made: list[InviteView] = []
        async with self._database.session() as db:
            for pick in choice.picks:
                made.append(
                    await repo.add_invite(
                        db,
                        tenant=tenant,
                        occurrence_id=occurrence.id,
                        email=pick.email,
                        topics=pick.topics,
                        via=pick.via,
                        at=self.now(),
                    )
                )
        unreachable = await self._send_invites(
            key=key, tenant=tenant, org=org, session=session, occurrence=occurrence, invites=made
        )
        joined, needs = await self._join_channel(
            key=key, tenant=tenant, org=org, session=session, emails=[i.email for i in made]
        )
        return Staffed(
            occurrence=occurrence,
            invites=tuple(made),
            choice=choice,
            unreachable=tuple(unreachable),
            joined_channel=joined,
            channel_needs=needs,
        )

    async def _send_invites(
        self,
        *,
        key: TenantKey,
        tenant: TenantRef,
        org: Org,
        session: PlanningSessionView,
        occurrence: OccurrenceView,
        invites: Sequence[InviteView],
    ) -> list[str]:
        if not invites:
            return []
        agenda = await self.agenda(tenant=tenant, topics=session.topics)
        unreachable = []
        for invite in invites:
            person = org.person(invite.email)
            if person is None:
                continue
            try:
                await self.send_card(
                    key=key,
                    tenant=tenant,
                    org=org,
                    session=session,
                    occurrence=occurrence,
                    invite=invite,
                    agenda=agenda,
                    with_file=True,
                )
            except Exception as error:
                log.warning("could not invite %s: %s", invite.email, type(error).__name__)
                unreachable.append(invite.email)
        return unreachable

    async def _join_channel(
        self,
        *,
        key: TenantKey,
        tenant: TenantRef,
        org: Org,
        session: PlanningSessionView,
        emails: Sequence[str],
    ) -> tuple[bool | None, tuple[str, ...]]:
        """Add the representatives to the planning channel: whether they were (None when
        there is no channel), and the permissions Tandem lacks when that is why not."""
        if session.channel is None or not emails:
            return None, ()
        users = []
        for email in emails:
            person = org.person(email)
            if person is None:
                continue
            try:
                users.append(await self.reach.user_of(key=key, tenant=tenant, member=person))
            except Exception:
                continue
        if not users:
            return False, ()
        conversation = ConversationRef(
            tenant=key,
            id=session.channel.id,
            kind=ConversationKind(session.channel.kind),
            reference=session.channel.reference,
        )
        try:
            return await self.reach.port(key).invite(conversation=conversation, users=users), ()
        except MissingPermission as error:  # an admin must grant it: the organiser is told
            return False, error.needed
        except Exception as error:  # already in it, or the bot is not a member: say so
            log.warning("could not add people to the planning channel: %s", type(error).__name__)
            return False, ()

    def meeting(
        self,
        *,
        org: Org,
        session: PlanningSessionView,
        occurrence: OccurrenceView,
        invites: Sequence[InviteView],
        cancelled: bool = False,
        locale: str = "en",
    ) -> ics.Meeting:
        """The calendar event of one meeting, with everyone still expected; its description
        in the language of the person it is sent to."""
        organiser = org.person(session.organiser_email)
        states = {"accepted": "ACCEPTED", "invited": "NEEDS-ACTION"}
        attendees = [
            ics.Attendee(
                email=i.email,
                name=(p.name if (p := org.person(i.email)) else i.email),
                status=states[i.status],
            )
            for i in invites
            if i.status in states
        ]
        t = Translator(locale=locale)
        topics = cards.topic_names(org, session.topics, locale=t.locale)
        return ics.Meeting(
            uid=occurrence.uid,
            sequence=occurrence.sequence,
            title=session.title,
            description=t("planning.ics.description", topics=topics, id=session.id),
            starts_at=occurrence.starts_at,
            ends_at=occurrence.ends_at,
            timezone=session.timezone,
            organiser=ics.Attendee(
                email=session.organiser_email,
                name=organiser.name if organiser else session.organiser_email,
            ),
            attendees=attendees,
            stamp=self.now(),
            cancelled=cancelled,
        )

    async def send_card(
        self,
        *,
        key: TenantKey,
        tenant: TenantRef,
        org: Org,
        session: PlanningSessionView,
        occurrence: OccurrenceView,
        invite: InviteView,
        agenda: Agenda,
        with_file: bool,
        reminder: bool = False,
    ) -> MessageRef:
        """DM ``invite``'s person their card (and the calendar file); remembered for updates."""
        person = org.person(invite.email)
        assert person is not None
        t = Translator(locale=person.locale)
        card = cards.invite_card(
            t,
            session=session,
            occurrence=occurrence,
            invite=invite,
            org=org,
            person=person,
            agenda=agenda,
            reminder=reminder,
        )
        files: tuple[FileAttachment, ...] = ()
        if with_file:
            async with self._database.session() as db:
                everyone = await repo.occurrence_invites(
                    db, tenant=tenant, occurrence_ids=[occurrence.id]
                )
            meeting = self.meeting(
                org=org,
                session=session,
                occurrence=occurrence,
                invites=everyone,
                locale=person.locale,
            )
            files = (ics.attachment(meeting),)
        reply = replace(Reply.of_card(card, ephemeral=False, locale=person.locale), files=files)
        sent = await self.reach.dm(key=key, tenant=tenant, member=person, reply=reply)
        if not reminder:
            async with self._database.session() as db:
                await repo.set_invite_card(
                    db,
                    tenant=tenant,
                    invite_id=invite.id,
                    card=ChannelAddress(
                        id=sent.conversation.id,
                        kind=sent.conversation.kind.value,
                        reference=sent.conversation.reference,
                    ),
                    message_id=sent.id,
                )
        return sent

    async def refresh_card(
        self,
        *,
        key: TenantKey,
        tenant: TenantRef,
        org: Org,
        session: PlanningSessionView,
        occurrence: OccurrenceView,
        invite: InviteView,
    ) -> None:
        """Update an invite's card in place after it changed (answered, moved, cancelled)."""
        person = org.person(invite.email)
        if invite.card is None or not invite.message_id or person is None:
            return
        t = Translator(locale=person.locale)
        card = cards.invite_card(
            t,
            session=session,
            occurrence=occurrence,
            invite=invite,
            org=org,
            person=person,
            agenda=None,
        )
        message = MessageRef(
            conversation=ConversationRef(
                tenant=key,
                id=invite.card.id,
                kind=ConversationKind(invite.card.kind),
                reference=invite.card.reference,
            ),
            id=invite.message_id,
        )
        try:
            await self.reach.port(key).update(
                message=message, reply=Reply.of_card(card, ephemeral=False, locale=person.locale)
            )
        except Exception as error:
            log.warning("could not update an invite card: %s", type(error).__name__)

    async def tell(
        self, *, key: TenantKey, tenant: TenantRef, person: ContactView | None, reply: Reply
    ) -> bool:
        """A notice that must not fail its caller."""
        if person is None:
            return False
        return await self.reach.tell(key=key, tenant=tenant, member=person, reply=reply)

    # -- answers ------------------------------------------------------------------------------

    async def answer(
        self,
        *,
        tenant: TenantRef,
        invite: InviteView,
        status: str,
        reason: str = "",
    ) -> bool:
        """Accept or decline; False when the invite was already answered or is over."""
        async with self._database.session() as db:
            done = await repo.answer_invite(
                db,
                tenant=tenant,
                invite_id=invite.id,
                status=status,
                reason=reason,
                at=self.now(),
                unless=("accepted", *CLOSED),
            )
        return done

    async def invite_in_place(
        self,
        *,
        key: TenantKey,
        tenant: TenantRef,
        org: Org,
        session: PlanningSessionView,
        occurrence: OccurrenceView,
        replacing: InviteView,
        email: str,
    ) -> InviteView | None:
        """Invite ``email`` instead of ``replacing`` (proposed by them); None when the
        invite was already answered."""
        async with self._database.session() as db:
            if not await repo.answer_invite(
                db,
                tenant=tenant,
                invite_id=replacing.id,
                status="replaced",
                reason=email,
                at=self.now(),
                unless=("accepted", *CLOSED),
            ):
                return None
            made = await repo.add_invite(
                db,
                tenant=tenant,
                occurrence_id=occurrence.id,
                email=email,
                topics=replacing.topics,
                via="proposed",
                at=self.now(),
            )
        await self._send_invites(
            key=key, tenant=tenant, org=org, session=session, occurrence=occurrence, invites=[made]
        )
        await self._join_channel(key=key, tenant=tenant, org=org, session=session, emails=[email])
        return made

    async def availability(
        self,
        *,
        tenant: TenantRef,
        org: Org,
        session: PlanningSessionView,
        occurrence: OccurrenceView,
        email: str,
    ) -> str | None:
        """Why ``email`` cannot be invited to ``occurrence`` (away, busy, declined, already
        invited, organiser), or None when they can."""
        async with self._database.session() as db:
            invites = await repo.occurrence_invites(
                db, tenant=tenant, occurrence_ids=[occurrence.id]
            )
        if any(i.email == email and i.attending for i in invites):
            return "present"
        found = await self._unavailable(
            tenant=tenant,
            org=org,
            session=session,
            occurrence=occurrence,
            emails=[email],
            invites=invites,
        )
        return found.get(email)

    # -- cancelling and moving ----------------------------------------------------------------

    async def cancel(
        self, *, key: TenantKey, tenant: TenantRef, org: Org, session: PlanningSessionView
    ) -> int | None:
        """Cancel a session and its meetings to come; the people invited get their card
        updated and a cancellation for their calendar. The number told, or None when the
        session was not scheduled any more."""
        now = self.now()
        async with self._database.session() as db:
            if not await repo.cancel_session(db, tenant=tenant, session_id=session.id, at=now):
                return None
        after = replace(session, status="cancelled")
        told = 0
        for occurrence, invites in await self.occurrences(tenant=tenant, session_id=session.id):
            if not occurrence.is_scheduled or occurrence.ends_at <= now:
                continue
            async with self._database.session() as db:
                changed = await repo.change_occurrence(
                    db, tenant=tenant, occurrence_id=occurrence.id, status="cancelled"
                )
                if changed is None:
                    continue
                for invite in invites:
                    if invite.attending:
                        await repo.answer_invite(
                            db, tenant=tenant, invite_id=invite.id, status="cancelled", at=now
                        )
            for invite in invites:
                if not invite.attending:
                    continue
                gone = replace(invite, status="cancelled")
                await self.refresh_card(
                    key=key, tenant=tenant, org=org, session=after, occurrence=changed, invite=gone
                )
                person = org.person(invite.email)
                t = Translator(locale=person.locale if person else "en")
                theirs = self.meeting(
                    org=org,
                    session=after,
                    occurrence=changed,
                    invites=invites,
                    cancelled=True,
                    locale=t.locale,
                )
                notice = Reply(
                    text=t("planning.cancelled.notice", title=session.title),
                    ephemeral=False,
                    files=(ics.attachment(theirs),),
                )
                told += await self.tell(key=key, tenant=tenant, person=person, reply=notice)
        await self._changed()
        return told

    async def move(
        self,
        *,
        key: TenantKey,
        tenant: TenantRef,
        org: Org,
        session: PlanningSessionView,
        occurrence: OccurrenceView,
        starts_at: datetime,
    ) -> OccurrenceView | None:
        """Move one meeting; everyone invited gets their card updated and the new time for
        their calendar (same UID, next SEQUENCE)."""
        async with self._database.session() as db:
            moved = await repo.change_occurrence(
                db,
                tenant=tenant,
                occurrence_id=occurrence.id,
                starts_at=starts_at,
                ends_at=starts_at + (occurrence.ends_at - occurrence.starts_at),
            )
            invites = await repo.occurrence_invites(
                db, tenant=tenant, occurrence_ids=[occurrence.id]
            )
        if moved is None:
            return None
        for invite in invites:
            if not invite.attending:
                continue
            await self.refresh_card(
                key=key, tenant=tenant, org=org, session=session, occurrence=moved, invite=invite
            )
            person = org.person(invite.email)
            if person is None:
                continue
            t = Translator(locale=person.locale)
            theirs = self.meeting(
                org=org, session=session, occurrence=moved, invites=invites, locale=t.locale
            )
            notice = Reply(
                text=t(
                    "planning.moved.notice",
                    title=session.title,
                    when=cards.when(t, moment=moved.starts_at, timezone=person.timezone),
                ),
                ephemeral=False,
                files=(ics.attachment(theirs),),
            )
            await self.tell(key=key, tenant=tenant, person=person, reply=notice)
        await self._changed()
        return moved
