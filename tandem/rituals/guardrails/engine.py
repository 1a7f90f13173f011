"""The timed half of guardrails: approval reminders and escalations, rule review reminders.

A pending request reminds its approver one working day after it was made and goes to
the CIO-level Accountable after three (the approver's working days). A rule whose review
date (``last_reviewed`` + ``review_every_days``) has come reminds its topic's Accountable
at the start of their working day, then weekly until someone marks it reviewed. Each send
is a delivery row (see ``delivery.py``): once, across restarts and replicas.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from tandem.bot.i18n import Translator
from tandem.bot.types import TenantKey
from tandem.rituals.common.delivery import Dropped, Over, Tally
from tandem.rituals.common.org import Org
from tandem.rituals.common.sweep import SweepEngine
from tandem.rituals.common.working_time import at_local
from tandem.rituals.guardrails import cards
from tandem.rituals.guardrails.service import (
    GuardrailService,
    approval_steps,
    calendar,
    it_lead,
)
from tandem.storage.records import (
    ApprovalView,
    ContactView,
    DeliveryKey,
    DeliveryView,
    RuleRecord,
    TenantRef,
)
from tandem.storage.repositories import approvals, guardrails

log = logging.getLogger(__name__)
FAMILY = "guardrail:"
REVIEW_EVERY = timedelta(days=7)
MAX_REVIEW_REPEATS = 520
REVIEW_SOON = timedelta(days=1)


@dataclass(frozen=True, slots=True)
class Review:
    """One reminder that a rule is due for review."""

    rule: RuleRecord
    owner: ContactView
    due: date
    at: datetime

    @property
    def key(self) -> DeliveryKey:
        """The delivery row that keeps it sent once."""
        return DeliveryKey(
            key=f"{FAMILY}review:{self.rule.id}:{self.at.date().isoformat()}",
            recipient=self.owner.email,
            kind="review",
        )


def reminder_over(
    *,
    kind: str,
    at: datetime,
    steps: Sequence[tuple[str, datetime]],
    now: datetime,
    grace: timedelta,
) -> str | None:
    """Why an approval's step due at ``at`` is not worth sending any more, or None.

    The escalation is sent even late (the request still waits on someone). The reminder to
    the approver is over once the escalation is due (the request has gone above them), or
    once past the grace window."""
    if kind != "remind":
        return None
    if any(other == "escalate" and when <= now for other, when in steps):
        return "the approval's escalation is due"
    if at < now - grace:
        return "a reminder past the grace window"
    return None


def review_due(rule: RuleRecord) -> date | None:
    """When a rule is next due for review, if it has a review period."""
    if rule.last_reviewed is None or not rule.review_every_days:
        return None
    return rule.last_reviewed + timedelta(days=rule.review_every_days)


def reviews(rules: list[RuleRecord], org: Org, *, start: datetime, end: datetime) -> list[Review]:
    """The review reminders of ``rules`` that fall in ``(start, end]``: on the due day and
    weekly after it, at the start of the Accountable's working day."""
    found = []
    for rule in rules:
        due = review_due(rule)
        owner = org.accountable(rule.topic)
        if due is None or owner is None:
            continue
        days = calendar(owner, org)
        first = days.next_open(at_local(due, days.start, owner.timezone))
        weeks = max(0, int((start - first) / REVIEW_EVERY))
        for repeat in range(weeks, weeks + MAX_REVIEW_REPEATS):
            at = days.next_open(first + REVIEW_EVERY * repeat)
            if at > end:
                break
            if at > start:
                found.append(Review(rule=rule, owner=owner, due=due, at=at))
    return found


class GuardrailEngine(SweepEngine[GuardrailService]):
    """Works out which reminders and escalations are due, and sends them once (what
    failed, again).

    Escalations are sent even late (after downtime). An approver's reminder is sent
    within the grace window only, and not once the escalation is due: it is recorded as
    skipped. A review reminder is sent when its latest weekly instant has passed, however
    long ago (the rule is still overdue).
    """

    WHAT = "guardrail"

    async def _tenant(self, key: TenantKey, tenant: TenantRef, *, catch_up: bool) -> Tally:
        now = self._clock.now()
        async with self._database.session() as session:
            waiting = await approvals.due_requests(session, tenant=tenant, at=now)
            rules = await guardrails.list_rules(session, tenant=tenant)
        org = await self._service.org(tenant=tenant)
        lead = it_lead(org)
        due: list[tuple[DeliveryKey, datetime]] = []
        over: list[Over] = []
        for request in waiting:
            steps = approval_steps(request, org)
            for kind, at in steps:
                if at > now:
                    continue
                recipient = (
                    request.approver_email if kind == "remind" else (lead.email if lead else "")
                )
                delivery = DeliveryKey(
                    key=f"{FAMILY}approval:{request.id}:{kind}", recipient=recipient, kind=kind
                )
                why = reminder_over(kind=kind, at=at, steps=steps, now=now, grace=self.grace)
                if why is None:
                    due.append((delivery, at))
                else:
                    over.append(Over(key=delivery, at=at, why=why))
        review_by_key: dict[str, Review] = {}
        for review in reviews(rules, org, start=now - REVIEW_EVERY, end=now):
            review_by_key[review.key.key] = review
        latest: dict[str, Review] = {}
        for review in review_by_key.values():
            if review.rule.id not in latest or review.at > latest[review.rule.id].at:
                latest[review.rule.id] = review
        # A reminder missed long ago (Tandem down, no chat open) whose next week comes within
        # a day is skipped: the person would read the same rule twice in one morning.
        soon = {r.rule.id for r in reviews(rules, org, start=now, end=now + REVIEW_SOON)}
        late = [r for r in latest.values() if r.rule.id in soon and now - r.at > self.grace]
        why = "a newer review reminder of the rule comes within a day"
        over.extend(Over(key=r.key, at=r.at, why=why) for r in late)
        due.extend((r.key, r.at) for r in latest.values() if r not in late)
        skipped = await self._deliveries.drop(tenant=tenant, over=over) if over else 0

        async def perform(delivery: DeliveryView) -> str | Dropped | None:
            return await self._perform(key, tenant, org, delivery, review_by_key)

        async def give_up(delivery: DeliveryView, reason: str) -> None:
            log.error("gave up a guardrail send %s: %s", delivery.key.key, reason.split(":")[0])

        tally = await self._deliveries.deliver(
            tenant=tenant, due=due, perform=perform, give_up=give_up, family=FAMILY
        )
        tally.skipped += skipped
        for request in waiting:
            after = await self._service.get(tenant=tenant, request_id=request.id)
            if after is not None:
                upcoming = [at for _, at in approval_steps(after, org) if at > now]
                async with self._database.session() as session:
                    await approvals.set_request_check(
                        session,
                        tenant=tenant,
                        request_id=after.id,
                        at=min(upcoming, default=None),
                    )
        return tally

    async def _perform(
        self,
        key: TenantKey,
        tenant: TenantRef,
        org: Org,
        delivery: DeliveryView,
        planned_reviews: dict[str, Review],
    ) -> str | Dropped | None:
        parts = delivery.key.key.split(":")
        if len(parts) >= 3 and parts[1] == "review":
            return await self._send_review(key, tenant, org, delivery, planned_reviews)
        if len(parts) != 4 or parts[1] != "approval" or not parts[2].isdigit():
            return None
        request = await self._service.get(tenant=tenant, request_id=int(parts[2]))
        if request is None or not request.is_pending:
            return Dropped("the request was decided or withdrawn")
        if parts[3] == "escalate":
            return await self._service.escalate(key=key, tenant=tenant, org=org, request=request)
        steps = approval_steps(request, org)
        at = next((at for kind, at in steps if kind == "remind"), delivery.due_at)
        why = reminder_over(
            kind="remind", at=at, steps=steps, now=self._clock.now(), grace=self.grace
        )
        if why is not None:  # a retry that came too late
            return Dropped(why)
        return await self._remind(key, tenant, org, request)

    async def _remind(
        self, key: TenantKey, tenant: TenantRef, org: Org, request: ApprovalView
    ) -> str | None:
        approver = org.person(request.approver_email)
        if approver is None:
            return None
        t = Translator(locale=approver.locale)
        async with self._database.session() as session:
            await approvals.add_event(
                session,
                tenant=tenant,
                request_id=request.id,
                kind="reminded",
                actor_email=None,
                detail=approver.email,
                at=self._clock.now(),
            )
        return await self._service.send_card(
            key=key,
            tenant=tenant,
            org=org,
            request=request,
            person=approver,
            intro=t("guardrail.reminder.intro", who=approver.name),
        )

    async def _send_review(
        self,
        key: TenantKey,
        tenant: TenantRef,
        org: Org,
        delivery: DeliveryView,
        planned: dict[str, Review],
    ) -> str | None:
        review = planned.get(delivery.key.key)
        if review is None:  # a retry: the rule may have been reviewed since
            rule_id = delivery.key.key.split(":")[2]
            async with self._database.session() as session:
                rules = {r.id: r for r in await guardrails.list_rules(session, tenant=tenant)}
            rule = rules.get(rule_id)
            owner = org.person(delivery.key.recipient)
            due = review_due(rule) if rule else None
            if rule is None or owner is None or due is None or due > self._clock.now().date():
                return None
            review = Review(rule=rule, owner=owner, due=due, at=self._clock.now())
        t = Translator(locale=review.owner.locale)
        reply = cards.review_card(t, rule=review.rule, due=review.due)
        sent = await self._service.reach.dm(
            key=key, tenant=tenant, member=review.owner, reply=reply
        )
        return sent.id

    async def upcoming(self, *, horizon: timedelta) -> list[datetime]:
        """Every instant a reminder or escalation may fall due within ``horizon``."""
        now = self._clock.now()
        instants: set[datetime] = set()
        for _key, tenant in await self._reachable():
            async with self._database.session() as session:
                instants.update(
                    await approvals.next_request_checks(
                        session, tenant=tenant, start=now, end=now + horizon
                    )
                )
                rules = await guardrails.list_rules(session, tenant=tenant)
            org = await self._service.org(tenant=tenant)
            instants.update(r.at for r in reviews(rules, org, start=now, end=now + horizon))
        return sorted(instants)
