"""The timed half of blockers: escalation steps, last-level reminders and PM digests.

:meth:`BlockerEngine.run_due` reads, per tenant, the open blockers whose
``next_check_at`` has come (an index read), plans their steps from the rows alone
(``steps.py``), and hands them to :class:`~tandem.rituals.common.delivery.Deliveries`,
whose claimed rows make each step go out once across restarts and replicas. The
same sweep sends each PM's digest at their local time on their days.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta

from tandem.bot.cards import Reply
from tandem.bot.i18n import Translator
from tandem.bot.types import ConversationKind, ConversationRef, TenantKey
from tandem.rituals.blockers import cards, digest, steps
from tandem.rituals.blockers.policy import EscalationPolicy
from tandem.rituals.blockers.service import (
    DEFAULT_DIGEST_DAYS,
    DEFAULT_DIGEST_TIME,
    BlockerService,
)
from tandem.rituals.blockers.steps import CHANNEL, Level, Step
from tandem.rituals.common import wording
from tandem.rituals.common.delivery import Dropped, Over, Tally
from tandem.rituals.common.org import Org
from tandem.rituals.common.sweep import SweepEngine
from tandem.rituals.common.working_time import at_local, local_date, parse_clock
from tandem.storage.records import (
    BlockerView,
    ContactView,
    DeliveryKey,
    DeliveryView,
    TenantRef,
)
from tandem.storage.repositories import blockers, escalation

log = logging.getLogger(__name__)
FAMILY = "blocker:"
DIGEST = "digest"
DIGEST_LOOK_BACK = timedelta(days=7)


def digest_key(*, person_id: int, day: date) -> str:
    """The delivery key of one PM's digest of one day."""
    return f"{FAMILY}{DIGEST}:{person_id}:{day.isoformat()}"


@dataclass(frozen=True, slots=True)
class DigestSchedule:
    """When one PM gets the digest."""

    pm: ContactView
    days: tuple[int, ...]
    at_time: str

    def instants(self, start: datetime, end: datetime) -> list[tuple[date, datetime]]:
        """Each (local date, instant) of a digest in ``(start, end]``."""
        moment = parse_clock(self.at_time)
        found = []
        day = local_date(start, self.pm.timezone)
        last = local_date(end, self.pm.timezone)
        while day <= last:
            if day.weekday() in self.days:
                at = at_local(day, moment, self.pm.timezone)
                if start < at <= end:
                    found.append((day, at))
            day += timedelta(days=1)
        return found


def schedules(org: Org) -> list[DigestSchedule]:
    """Each PM's digest days and time (default Monday and Thursday, 09:00 their time)."""
    found = []
    for pm in org.pms:
        setting = org.pm_settings.get(pm.person_id)
        found.append(
            DigestSchedule(
                pm=pm,
                days=(setting.days if setting and setting.days else DEFAULT_DIGEST_DAYS),
                at_time=(setting.at_time if setting else DEFAULT_DIGEST_TIME),
            )
        )
    return found


class BlockerEngine(SweepEngine[BlockerService]):
    """Works out which escalation steps and digests are due, and sends them once (what
    failed, again).

    Climbing steps are sent even late (after downtime): a blocker that should have
    reached someone still should, but only the step it is at now (an earlier one the
    gap left unsent is recorded as skipped, see ``steps.moment_over``). Reminders and
    digests are only sent within the grace window. ``catch_up`` is accepted for the
    scheduler; nothing differs.
    """

    WHAT = "blocker"

    async def _tenant(self, key: TenantKey, tenant: TenantRef, *, catch_up: bool) -> Tally:
        now = self._clock.now()
        async with self._database.session() as session:
            waiting = await blockers.due_blockers(session, tenant=tenant, at=now)
        org = await self._service.org(tenant=tenant)  # its PMs are due their digests too
        due: list[tuple[DeliveryKey, datetime]] = []
        checks: dict[int, datetime | None] = {}
        planned: dict[DeliveryKey, tuple[BlockerView, Step]] = {}
        plans = [(blocker, self._service.plan(org, blocker, now=now)) for blocker in waiting]
        wanted = [(step.key, step.at) for _, plan in plans for step in plan.due]
        unsent = {k for k, _ in await self._deliveries.unclaimed(tenant=tenant, wanted=wanted)}
        over: list[Over] = []
        for blocker, plan in plans:
            late = steps.moment_over(
                blocker=blocker, due=plan.due, unsent=unsent, now=now, grace=self.grace
            )
            over.extend(Over(key=step.key, at=step.at, why=why) for step, why in late)
            dropped = {step for step, _ in late}
            for step in plan.due:
                if step not in dropped:
                    due.append((step.key, step.at))
                    planned[step.key] = (blocker, step)
            checks[blocker.id] = plan.next_check
        skipped = await self._deliveries.drop(tenant=tenant, over=over) if over else 0
        for schedule in schedules(org):
            for day, at in schedule.instants(now - self.grace, now):
                due.append(
                    (
                        DeliveryKey(
                            key=digest_key(person_id=schedule.pm.person_id, day=day),
                            recipient=schedule.pm.email,
                            kind=DIGEST,
                        ),
                        at,
                    )
                )

        async def perform(delivery: DeliveryView) -> str | Dropped | None:
            return await self._perform(key, tenant, org, delivery, planned)

        async def give_up(delivery: DeliveryView, reason: str) -> None:
            log.error("gave up a blocker send %s: %s", delivery.key.key, reason.split(":")[0])

        tally = await self._deliveries.deliver(
            tenant=tenant, due=due, perform=perform, give_up=give_up, family=FAMILY
        )
        tally.skipped += skipped
        if checks:
            async with self._database.session() as session:
                await blockers.set_next_check(session, tenant=tenant, checks=checks)
        return tally

    async def _perform(
        self,
        key: TenantKey,
        tenant: TenantRef,
        org: Org,
        delivery: DeliveryView,
        planned: dict[DeliveryKey, tuple[BlockerView, Step]],
    ) -> str | Dropped | None:
        parts = delivery.key.key.split(":")
        if len(parts) == 4 and parts[1] == DIGEST:
            return await self._send_digest(key, tenant, org, delivery)
        if len(parts) < 3 or not parts[1].isdigit():
            return None
        now = self._clock.now()
        if delivery.key in planned:  # as this sweep read and planned it a moment ago
            blocker, step = planned[delivery.key]
        else:  # a retry: read it again, and send only if its state still calls for it
            found = await self._service.get(tenant=tenant, blocker_id=int(parts[1]))
            if found is None or not found.is_open:
                return Dropped("the blocker was resolved or withdrawn")
            blocker = found
            plan = self._service.plan(org, blocker, now=now)
            retried = next((s for s in plan.due if s.key == delivery.key), None)
            if retried is None:
                return Dropped("the blocker was acknowledged, rerouted or changed")
            late = steps.moment_over(
                blocker=blocker, due=plan.due, unsent=(), now=now, grace=self.grace
            )
            why = next((why for s, why in late if s == retried), None)
            if why is not None:
                return Dropped(why)
            step = retried
        message_id = await self._send_step(key, tenant, org, blocker, step)
        if not step.reminder and step.level > blocker.level:
            async with self._database.session() as session:
                climbed = await blockers.escalated(
                    session,
                    tenant=tenant,
                    blocker_id=blocker.id,
                    level=int(step.level),
                    at=now,
                    recipients=[step.key.recipient],
                )
            if climbed:
                await self._tell_reporter(key, tenant, org, blocker, step)
        return message_id

    def _intro(self, t: Translator, org: Org, blocker: BlockerView, step: Step) -> str:
        policy = EscalationPolicy.of(blocker.policy)
        owner = wording.who(org.people, blocker.owner_email, t)
        if step.reminder:
            return t("blocker.escalate.reminder", id=blocker.id, owner=owner)
        if step.key.key.endswith(f":ack:{blocker.routing}"):
            return t.plural(
                "blocker.escalate.ack",
                count=policy.ack_hours,
                id=blocker.id,
                owner=owner,
                topic=wording.topic_title(org.topics, blocker.topic_slug, t),
            )
        return t.plural(
            "blocker.escalate.resolve", count=policy.resolve_days, id=blocker.id, owner=owner
        )

    async def _send_step(
        self, key: TenantKey, tenant: TenantRef, org: Org, blocker: BlockerView, step: Step
    ) -> str | None:
        now = self._clock.now()
        blocker = replace(blocker, level=max(blocker.level, int(step.level)))  # as it will be
        if step.key.recipient == CHANNEL:
            policy = EscalationPolicy.of(blocker.policy)
            if policy.channel is None:
                return None
            t = Translator(locale=policy.locale)
            card = cards.blocker_card(
                t,
                blocker=blocker,
                people=org.people,
                topics=org.topics,
                timezone="UTC",
                now=now,
                intro=self._intro(t, org, blocker, step),
                actions=False,
            )
            channel = ConversationRef(
                tenant=key,
                id=policy.channel.id,
                kind=ConversationKind(policy.channel.kind),
                reference=policy.channel.reference,
            )
            sent = await self._service.reach.port(key).send(
                conversation=channel, reply=Reply.of_card(card, ephemeral=False, locale=t.locale)
            )
            return sent.id
        person = org.person(step.key.recipient)
        if person is None:
            return None
        t = Translator(locale=person.locale)
        card = cards.blocker_card(
            t,
            blocker=blocker,
            people=org.people,
            topics=org.topics,
            timezone=person.timezone,
            now=now,
            intro=self._intro(t, org, blocker, step),
            owner_view=person.email == blocker.owner_email,
        )
        sent = await self._service.reach.dm(
            key=key,
            tenant=tenant,
            member=person,
            reply=Reply.of_card(card, ephemeral=False, locale=t.locale),
        )
        return sent.id

    async def _tell_reporter(
        self, key: TenantKey, tenant: TenantRef, org: Org, blocker: BlockerView, step: Step
    ) -> None:
        reporter = org.person(blocker.reporter_email)
        if reporter is None or reporter.email == step.key.recipient:
            return
        t = Translator(locale=reporter.locale)
        to = (
            t("blocker.level.2")
            if step.level is Level.PM
            else wording.who(org.people, step.key.recipient, t)
        )
        text = t("blocker.notice.escalated", id=blocker.id, text=wording.short(blocker.text), to=to)
        await self._service.reach.tell(
            key=key, tenant=tenant, member=reporter, reply=Reply(text=text, ephemeral=False)
        )

    async def _send_digest(
        self, key: TenantKey, tenant: TenantRef, org: Org, delivery: DeliveryView
    ) -> str | None:
        pm = org.person(delivery.key.recipient)
        if pm is None or pm not in org.pms:
            return None
        reply = await self.digest_for(tenant=tenant, org=org, pm=pm)
        sent = await self._service.reach.dm(key=key, tenant=tenant, member=pm, reply=reply)
        async with self._database.session() as session:
            await escalation.mark_digest_sent(
                session, tenant=tenant, person_id=pm.person_id, at=self._clock.now()
            )
        return sent.id

    async def digest_for(self, *, tenant: TenantRef, org: Org, pm: ContactView) -> Reply:
        """The digest as ``pm`` reads it now (what ``/blocker digest`` shows too)."""
        now = self._clock.now()
        setting = org.pm_settings.get(pm.person_id)
        since = (setting.last_digest_at if setting else None) or now - DIGEST_LOOK_BACK
        async with self._database.session() as session:
            open_now = await blockers.list_blockers(session, tenant=tenant, status="open")
            resolved = await blockers.list_blockers(
                session,
                tenant=tenant,
                status="resolved",
                resolved_since=min(since, now - digest.WINDOW),
            )
        figures = digest.build(
            open_blockers=open_now, resolved_recently=resolved, since=since, now=now
        )
        t = Translator(locale=pm.locale)
        card = digest.card(
            t, digest=figures, people=org.people, topics=org.topics, timezone=pm.timezone, now=now
        )
        return Reply.of_card(card, ephemeral=False, locale=t.locale)

    async def upcoming(self, *, horizon: timedelta) -> list[datetime]:
        """Every instant a step or digest may fall due within ``horizon``, for the scheduler."""
        now = self._clock.now()
        instants: set[datetime] = set()
        for _key, tenant in await self._reachable():
            async with self._database.session() as session:
                instants.update(
                    await blockers.next_checks(session, tenant=tenant, start=now, end=now + horizon)
                )
            org = await self._service.org(tenant=tenant)
            for schedule in schedules(org):
                instants.update(at for _, at in schedule.instants(now, now + horizon))
        return sorted(instants)
