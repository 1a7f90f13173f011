"""The timed half of planning: the next meetings of recurring sessions, and reminders.

A recurring session's next meeting is added, with its representatives chosen and
invited, two weeks before it (``INVITE_AHEAD``): each meeting rotates on its own. One
working day before a meeting (in each person's calendar, at the meeting's time) everyone
expected, and the organiser, gets a reminder with the agenda read again. Each send is a
delivery row (see ``delivery.py``): once, across restarts and replicas.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from tandem.bot.cards import Reply
from tandem.bot.i18n import Translator
from tandem.bot.types import TenantKey
from tandem.rituals.common.delivery import Dropped, Tally
from tandem.rituals.common.org import Org
from tandem.rituals.common.sweep import SweepEngine
from tandem.rituals.common.working_time import at_local, local_date
from tandem.rituals.planning import cards
from tandem.rituals.planning.service import INVITE_AHEAD, PlanningService, occurrence_start
from tandem.storage.records import (
    ContactView,
    DeliveryKey,
    DeliveryView,
    PlanningSessionView,
    TenantRef,
)
from tandem.storage.repositories import planning as repo

log = logging.getLogger(__name__)
FAMILY = "planning:"
REMIND_WITHIN = timedelta(days=10)  # one working day back may cross a weekend and days away
MAX_OPEN = 60


def reminder_at(*, org: Org, person: ContactView, starts_at: datetime) -> datetime:
    """One working day before ``starts_at`` in ``person``'s calendar, at the same time."""
    days = org.calendar(person)
    zone_time = starts_at.astimezone(ZoneInfo(person.timezone)).time()
    day = local_date(starts_at, person.timezone)
    for _ in range(30):
        day -= timedelta(days=1)
        if days.works_on(day):
            break
    return at_local(day, zone_time.replace(tzinfo=None), person.timezone)


@dataclass(frozen=True, slots=True)
class _Opening:
    session: PlanningSessionView
    number: int
    at: datetime


def openings(
    sessions: list[PlanningSessionView], last: dict[int, int], *, until: datetime, after: datetime
) -> list[_Opening]:
    """The meetings of recurring sessions to add by ``until`` (two weeks ahead of each),
    leaving out those that start by ``after`` (missed while Tandem was down)."""
    found = []
    for session in sessions:
        if not session.recurring or not session.is_scheduled:
            continue
        number = last.get(session.id, 0) + 1
        for _ in range(MAX_OPEN):
            if session.count is not None and number > session.count:
                break
            starts = occurrence_start(session, number)
            if starts - INVITE_AHEAD > until:
                break
            if starts > after:
                found.append(_Opening(session=session, number=number, at=starts - INVITE_AHEAD))
            number += 1
    return found


class PlanningEngine(SweepEngine[PlanningService]):
    """Works out which meetings to open and which reminders are due, and sends them once
    (what failed, again)."""

    WHAT = "planning"

    async def _plan(
        self, tenant: TenantRef, org: Org, *, start: datetime, end: datetime
    ) -> tuple[list[_Opening], list[tuple[DeliveryKey, datetime]]]:
        """What falls due in ``(start, end]``: meetings to open and reminders to send."""
        async with self._database.session() as db:
            sessions = await repo.list_sessions(db, tenant=tenant)
            meetings = await repo.session_occurrences(
                db, tenant=tenant, session_ids=[s.id for s in sessions]
            )
            coming = await repo.occurrences_between(
                db, tenant=tenant, start=start, end=end + REMIND_WITHIN
            )
            invites = await repo.occurrence_invites(
                db, tenant=tenant, occurrence_ids=[o.id for o in coming]
            )
        last: dict[int, int] = {}
        for meeting in meetings:
            last[meeting.session_id] = max(last.get(meeting.session_id, 0), meeting.number)
        opening = openings(sessions, last, until=end, after=self._clock.now())
        by_id = {s.id: s for s in sessions}
        reminders: list[tuple[DeliveryKey, datetime]] = []
        for occurrence in coming:
            session = by_id.get(occurrence.session_id)
            if session is None or occurrence.starts_at <= end:
                continue
            expected = [
                i.email for i in invites if i.occurrence_id == occurrence.id and i.attending
            ]
            for email in dict.fromkeys([session.organiser_email, *expected]):
                person = org.person(email)
                if person is None:
                    continue
                at = reminder_at(org=org, person=person, starts_at=occurrence.starts_at)
                if start < at <= end:
                    key = DeliveryKey(
                        key=f"{FAMILY}occurrence:{occurrence.id}:remind",
                        recipient=email,
                        kind="remind",
                    )
                    reminders.append((key, at))
        return opening, reminders

    async def _tenant(self, key: TenantKey, tenant: TenantRef, *, catch_up: bool) -> Tally:
        now = self._clock.now()
        org = await self._service.org(tenant=tenant)
        opening, reminders = await self._plan(tenant, org, start=now - self.grace, end=now)
        due = list(reminders)
        by_key: dict[str, _Opening] = {}
        for item in opening:
            delivery = DeliveryKey(
                key=f"{FAMILY}session:{item.session.id}:open:{item.number}",
                recipient=item.session.organiser_email,
                kind="open",
            )
            by_key[delivery.key] = item
            due.append((delivery, min(item.at, now)))

        async def perform(delivery: DeliveryView) -> str | Dropped | None:
            if delivery.key.kind == "open":
                return await self._open(key, tenant, org, by_key.get(delivery.key.key))
            return await self._remind(key, tenant, org, delivery)

        async def give_up(delivery: DeliveryView, reason: str) -> None:
            log.error("gave up a planning send %s: %s", delivery.key.key, reason.split(":")[0])

        return await self._deliveries.deliver(
            tenant=tenant, due=due, perform=perform, give_up=give_up, family=FAMILY
        )

    async def _open(
        self, key: TenantKey, tenant: TenantRef, org: Org, item: _Opening | None
    ) -> str | None:
        if item is None:  # a retry from an earlier sweep: opened by then, or not due
            return None
        session = await self._service.session_of(tenant=tenant, session_id=item.session.id)
        if session is None or not session.is_scheduled:
            return None
        staffed = await self._service.open_occurrence(
            key=key, tenant=tenant, org=org, session=session, number=item.number
        )
        organiser = org.person(session.organiser_email)
        if staffed is None or organiser is None:
            return None
        t = Translator(locale=organiser.locale)
        card = cards.session_card(
            t,
            session=session,
            meetings=[(staffed.occurrence, list(staffed.invites))],
            org=org,
            timezone=organiser.timezone,
            choice=staffed.choice,
            joined_channel=staffed.joined_channel,
            unreachable=staffed.unreachable,
            channel_needs=staffed.channel_needs,
        )
        sent = await self._service.reach.dm(
            key=key,
            tenant=tenant,
            member=organiser,
            reply=Reply.of_card(card, ephemeral=False, locale=organiser.locale),
        )
        return sent.id

    async def _remind(
        self, key: TenantKey, tenant: TenantRef, org: Org, delivery: DeliveryView
    ) -> str | Dropped | None:
        parts = delivery.key.key.split(":")
        if len(parts) != 4 or not parts[2].isdigit():
            return None
        async with self._database.session() as db:
            occurrence = await repo.get_occurrence(db, tenant=tenant, occurrence_id=int(parts[2]))
        if occurrence is None or not occurrence.is_scheduled:
            return Dropped("the meeting was cancelled")
        if occurrence.starts_at <= self._clock.now():
            return Dropped("the meeting has started")  # a retry that came too late
        session = await self._service.session_of(tenant=tenant, session_id=occurrence.session_id)
        person = org.person(delivery.key.recipient)
        if session is None or not session.is_scheduled or person is None:
            return None
        meetings = await self._service.occurrences(tenant=tenant, session_id=session.id)
        invites = next((i for o, i in meetings if o.id == occurrence.id), [])
        agenda = await self._service.agenda(tenant=tenant, topics=session.topics)
        mine = next((i for i in invites if i.email == person.email and i.attending), None)
        if mine is not None:
            sent = await self._service.send_card(
                key=key,
                tenant=tenant,
                org=org,
                session=session,
                occurrence=occurrence,
                invite=mine,
                agenda=agenda,
                with_file=False,
                reminder=True,
            )
            return sent.id
        if person.email != session.organiser_email:
            return None  # declined or replaced since
        t = Translator(locale=person.locale)
        card = cards.session_card(
            t, session=session, meetings=[(occurrence, invites)], org=org, timezone=person.timezone
        )
        card = cards.reminder_of(t, card=card, title=session.title, agenda=agenda, org=org)
        sent = await self._service.reach.dm(
            key=key,
            tenant=tenant,
            member=person,
            reply=Reply.of_card(card, ephemeral=False, locale=person.locale),
        )
        return sent.id

    async def upcoming(self, *, horizon: timedelta) -> list[datetime]:
        """Every instant a meeting opens or a reminder falls due within ``horizon``."""
        now = self._clock.now()
        instants: set[datetime] = set()
        for _key, tenant in await self._reachable():
            org = await self._service.org(tenant=tenant)
            opening, reminders = await self._plan(tenant, org, start=now, end=now + horizon)
            instants.update(o.at for o in opening if o.at > now)  # late ones: next sweep
            instants.update(at for _, at in reminders)
        return sorted(instants)
