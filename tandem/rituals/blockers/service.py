"""What happens to a blocker, whoever triggers it: routing, acknowledging, resolving,
reassigning, declining, and telling the people concerned.

``/blocker`` (``ritual.py``), stand-up answers and the escalation sweep
(``engine.py``) all go through here.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, replace
from datetime import datetime
from enum import StrEnum

from tandem.bot.cards import Reply
from tandem.bot.clock import Clock
from tandem.bot.i18n import Translator
from tandem.bot.port import Ports
from tandem.bot.types import TenantKey
from tandem.rituals.blockers import cards, steps
from tandem.rituals.blockers.policy import EscalationPolicy
from tandem.rituals.blockers.steps import Contact, Parties, Plan
from tandem.rituals.common import wording
from tandem.rituals.common.org import Org, load_org
from tandem.rituals.common.reach import Reach
from tandem.rituals.common.topic_match import TopicMatcher
from tandem.rituals.common.working_time import Calendar
from tandem.storage.database import Database
from tandem.storage.records import (
    ROLES,
    BlockerView,
    ContactView,
    TenantRef,
)
from tandem.storage.repositories import blockers, escalation, tenants

log = logging.getLogger(__name__)
MatcherSource = Callable[[TenantRef], Awaitable[TopicMatcher]]
DEFAULT_DIGEST_DAYS = (0, 3)  # Monday and Thursday
DEFAULT_DIGEST_TIME = "09:00"


class Action(StrEnum):
    """What someone may do to a blocker."""

    ACKNOWLEDGE = "acknowledge"
    RESOLVE = "resolve"
    REASSIGN = "reassign"
    DECLINE = "decline"
    ROUTE = "route"


@dataclass(frozen=True, slots=True)
class Routed:
    """A routing attempt: the owner found, or the topics to pick from."""

    blocker: BlockerView
    owner: ContactView | None = None
    suggestions: tuple[str, ...] = ()
    unknown_topic: str | None = None
    """The ``#topic`` the reporter named, when no topic goes by that name."""


class BlockerService:
    """Blocker operations over the database and the platform ports."""

    def __init__(
        self, *, database: Database, ports: Ports, clock: Clock, matchers: MatcherSource
    ) -> None:
        self._database = database
        self._clock = clock
        self._matchers = matchers
        self.reach = Reach(database=database, ports=ports)
        self._listeners: list[Callable[[], Awaitable[None]]] = []

    def now(self) -> datetime:
        """The injected clock's instant."""
        return self._clock.now()

    def on_change(self, listener: Callable[[], Awaitable[None]]) -> None:
        """Call ``listener`` when a blocker's next step moved (the scheduler rebuilds)."""
        self._listeners.append(listener)

    async def tenant(self, key: TenantKey) -> TenantRef | None:
        """The stored tenant for ``key``."""
        async with self._database.session() as session:
            return await tenants.find_tenant(session, key=key)

    async def policy(self, *, tenant: TenantRef) -> EscalationPolicy:
        """The tenant's policy now (the defaults until an admin changes them)."""
        async with self._database.session() as session:
            return EscalationPolicy.of(await escalation.get_policy(session, tenant=tenant))

    async def org(self, *, tenant: TenantRef) -> Org:
        """People, topics, PMs and the policy of a tenant, read in one session."""
        return await load_org(database=self._database, tenant=tenant)

    async def get(self, *, tenant: TenantRef, blocker_id: int) -> BlockerView | None:
        """One blocker of the tenant."""
        async with self._database.session() as session:
            return await blockers.get_blocker(session, tenant=tenant, blocker_id=blocker_id)

    # -- permissions -------------------------------------------------------------------------

    @staticmethod
    def may(*, action: Action, email: str, admin: bool, blocker: BlockerView, org: Org) -> bool:
        """Whether ``email`` may do ``action`` to ``blocker``."""
        if not blocker.is_open:
            return False
        owner = email == blocker.owner_email
        if action is Action.DECLINE:
            return owner
        accountable = org.accountable(blocker.topic_slug)
        oversight = (
            admin
            or any(p.email == email for p in org.pms)
            or (accountable is not None and accountable.email == email)
        )
        if action is Action.RESOLVE:
            return owner or oversight or email == blocker.reporter_email
        if action is Action.ROUTE:
            return email == blocker.reporter_email or oversight
        return owner or oversight

    # -- raising and routing -----------------------------------------------------------------

    async def raise_blocker(
        self,
        *,
        key: TenantKey,
        tenant: TenantRef,
        reporter: ContactView,
        text: str,
        topic_hint: str | None = None,
    ) -> Routed:
        """Record a blocker and route it when its topic is clear; else say which topics fit.

        A ``topic_hint`` (the ``#topic`` typed after the text) that names no topic is never
        replaced by a guess from the text: the reporter is asked, told the name is unknown,
        with the topics closest to the name and to the text.
        """
        policy = await self.policy(tenant=tenant)
        async with self._database.session() as session:
            blocker = await blockers.add_blocker(
                session,
                tenant=tenant,
                text=text,
                reporter_email=reporter.email,
                source="command",
                at=self.now(),
                policy=policy.as_dict(),
            )
        routed = await self.route_by_text(
            key=key, tenant=tenant, blocker=blocker, query=topic_hint or text, actor=reporter.email
        )
        if routed.owner is not None or routed.blocker.topic_slug or not topic_hint:
            return routed
        by_text = (await self._matchers(tenant)).match(text[:200])
        closest = (by_text.slug,) if by_text.slug else ()
        suggestions = tuple(dict.fromkeys((*closest, *by_text.suggestions, *routed.suggestions)))
        return replace(routed, suggestions=suggestions, unknown_topic=topic_hint)

    async def route_by_text(
        self, *, key: TenantKey, tenant: TenantRef, blocker: BlockerView, query: str, actor: str
    ) -> Routed:
        """Match ``query`` to a topic with the ``/who-owns`` matcher; route when confident."""
        found = (await self._matchers(tenant)).match(query[:200])
        if found.slug is not None:
            return await self.route(
                key=key, tenant=tenant, blocker=blocker, slug=found.slug, actor=actor
            )
        await self._reschedule(tenant, await self.org(tenant=tenant), blocker)
        return Routed(blocker=blocker, suggestions=found.suggestions)

    async def from_standup(
        self, *, key: TenantKey, tenant: TenantRef, blocker: BlockerView
    ) -> None:
        """A stand-up answer raised (or reopened) a blocker: route it, or ask its reporter."""
        if blocker.owner_email is not None or not blocker.is_open:
            return
        if not blocker.policy:
            policy = await self.policy(tenant=tenant)
            async with self._database.session() as session:
                blocker = await blockers.add_blocker(
                    session,
                    tenant=tenant,
                    text=blocker.text,
                    reporter_email=blocker.reporter_email,
                    source=blocker.source,
                    at=blocker.created_at,
                    standup_run_id=blocker.standup_run_id,
                    policy=policy.as_dict(),
                )
        routed = await self.route_by_text(
            key=key,
            tenant=tenant,
            blocker=blocker,
            query=blocker.text,
            actor=blocker.reporter_email,
        )
        org = await self.org(tenant=tenant)
        if routed.owner is not None:  # the answer's reply only said "noted": say who has it
            await self._tell_reporter(key, tenant, org, routed.blocker, "blocker.notice.routed")
        else:
            await self.ask_reporter(
                key=key, tenant=tenant, org=org, routed=routed, intro_key="blocker.pick.standup"
            )

    async def ask_reporter(
        self,
        *,
        key: TenantKey,
        tenant: TenantRef,
        org: Org,
        routed: Routed,
        intro_key: str,
        **values: str,
    ) -> None:
        """DM the reporter the topic picker."""
        reporter = org.person(routed.blocker.reporter_email)
        if reporter is None:
            return
        t = Translator(locale=reporter.locale)
        reply = cards.picker(
            t,
            blocker=routed.blocker,
            suggestions=routed.suggestions,
            topics=org.topics,
            intro=t(intro_key, text=wording.short(routed.blocker.text), **values),
        )
        await self.reach.tell(key=key, tenant=tenant, member=reporter, reply=reply)

    async def route(
        self,
        *,
        key: TenantKey,
        tenant: TenantRef,
        blocker: BlockerView,
        slug: str,
        actor: str,
        kind: str = "routed",
        owner: ContactView | None = None,
    ) -> Routed:
        """Give the blocker to ``owner`` (default: the topic's Responsible) and tell them."""
        org = await self.org(tenant=tenant)
        if owner is None:
            owner = org.responsible(slug, skipping=blocker.declined_by)
        if owner is None:  # nobody Responsible left: the Accountable has it
            owner = org.accountable(slug)
        now = self.now()
        async with self._database.session() as session:
            updated = await blockers.route_blocker(
                session,
                tenant=tenant,
                blocker_id=blocker.id,
                topic_slug=slug,
                owner_email=owner.email if owner else None,
                at=now,
                next_check_at=now,
                kind=kind,
                actor_email=actor,
            )
        if updated is None:
            return Routed(blocker=blocker)
        await self._reschedule(tenant, org, updated)
        if owner is not None:
            await self._tell_owner(key, tenant, org, updated, owner, actor)
        if actor != updated.reporter_email:
            await self._tell_reporter(
                key,
                tenant,
                org,
                updated,
                "blocker.notice.routed" if owner else "blocker.notice.unowned",
                by=actor,
            )
        return Routed(blocker=updated, owner=owner)

    async def _tell_owner(
        self,
        key: TenantKey,
        tenant: TenantRef,
        org: Org,
        blocker: BlockerView,
        owner: ContactView,
        actor: str,
    ) -> None:
        if owner.email == actor:
            return
        t = Translator(locale=owner.locale)
        topic = org.topics.get(blocker.topic_slug or "")
        # Their role on the topic as the RACI matrix says it; someone a blocker was passed
        # to may have none (or be only Informed), and is not told otherwise.
        role = next((r for r in ROLES if topic and owner.email in topic.people(r)), None)
        reporter = wording.who(org.people, blocker.reporter_email, t)
        title = wording.topic_title(org.topics, blocker.topic_slug, t)
        if blocker.source == "kpi":  # a KPI past its alert threshold raised it (kpi/breach.py)
            intro = t("blocker.owner.intro_kpi", topic=title, by=reporter)
        elif role is None:
            intro = t("blocker.owner.intro_no_role", reporter=reporter, topic=title)
        else:
            intro = t(
                "blocker.owner.intro",
                reporter=reporter,
                role=t(f"raci.role.{role.value}"),
                topic=title,
            )
        if blocker.routing > 1 and actor != blocker.reporter_email:
            intro = (
                t("blocker.owner.reassigned", by=wording.who(org.people, actor, t)) + "\n" + intro
            )
        card = cards.blocker_card(
            t,
            blocker=blocker,
            people=org.people,
            topics=org.topics,
            timezone=owner.timezone,
            now=self.now(),
            intro=intro,
        )
        await self.reach.tell(
            key=key, tenant=tenant, member=owner, reply=Reply.of_card(card, ephemeral=False)
        )

    async def _tell_reporter(
        self,
        key: TenantKey,
        tenant: TenantRef,
        org: Org,
        blocker: BlockerView,
        message: str,
        *,
        by: str | None = None,
        note: str = "",
        to: str | None = None,
    ) -> None:
        """Tell the reporter (or ``to``, an email) what changed; ``by`` is shown as a name."""
        reporter = org.person(to or blocker.reporter_email)
        if reporter is None:
            return
        t = Translator(locale=reporter.locale)
        text = t(
            message,
            id=blocker.id,
            text=wording.short(blocker.text),
            owner=wording.who(org.people, blocker.owner_email, t),
            topic=wording.topic_title(org.topics, blocker.topic_slug, t),
            by=wording.who(org.people, by, t),
            note=note or "—",
        )
        await self.reach.tell(
            key=key, tenant=tenant, member=reporter, reply=Reply(text=text, ephemeral=False)
        )

    # -- acting on a blocker -----------------------------------------------------------------

    async def acknowledge(
        self, *, key: TenantKey, tenant: TenantRef, blocker: BlockerView, actor: str
    ) -> BlockerView | None:
        """The owner (or someone above) has it in hand: the first clock stops."""
        async with self._database.session() as session:
            updated = await blockers.acknowledge_blocker(
                session,
                tenant=tenant,
                blocker_id=blocker.id,
                by_email=actor,
                at=self.now(),
                next_check_at=self.now(),
            )
        if updated is None:
            return None
        org = await self.org(tenant=tenant)
        await self._reschedule(tenant, org, updated)
        if actor != updated.reporter_email and blocker.acknowledged_at is None:
            await self._tell_reporter(
                key, tenant, org, updated, "blocker.notice.acknowledged", by=actor
            )
        return updated

    async def resolve(
        self, *, key: TenantKey, tenant: TenantRef, blocker: BlockerView, actor: str, note: str
    ) -> BlockerView | None:
        """Close the blocker with a note; its reporter and owner are told."""
        async with self._database.session() as session:
            updated = await blockers.resolve_blocker(
                session,
                tenant=tenant,
                blocker_id=blocker.id,
                by_email=actor,
                note=note,
                at=self.now(),
            )
        if updated is None:
            return None
        await self.changed()
        org = await self.org(tenant=tenant)
        if actor != updated.reporter_email:
            await self._tell_reporter(
                key,
                tenant,
                org,
                updated,
                "blocker.notice.resolved",
                by=actor,
                note=note,
            )
        owner = updated.owner_email
        if owner is not None and owner not in {actor, updated.reporter_email}:
            await self._tell_reporter(
                key, tenant, org, updated, "blocker.notice.resolved", by=actor, note=note, to=owner
            )
        return updated

    async def reassign(
        self,
        *,
        key: TenantKey,
        tenant: TenantRef,
        blocker: BlockerView,
        actor: str,
        to: ContactView,
    ) -> Routed:
        """Give the blocker to someone else, on the same topic."""
        return await self.route(
            key=key,
            tenant=tenant,
            blocker=blocker,
            slug=blocker.topic_slug or "",
            actor=actor,
            kind="reassigned",
            owner=to,
        )

    async def decline(
        self, *, key: TenantKey, tenant: TenantRef, blocker: BlockerView, actor: str
    ) -> Routed:
        """ "Not mine": back to its reporter, who picks the topic again (this person left out)."""
        now = self.now()
        async with self._database.session() as session:
            updated = await blockers.route_blocker(
                session,
                tenant=tenant,
                blocker_id=blocker.id,
                topic_slug=blocker.topic_slug,
                owner_email=None,
                at=now,
                next_check_at=now,
                kind="declined",
                actor_email=actor,
                declined=True,
            )
        if updated is None:
            return Routed(blocker=blocker)
        org = await self.org(tenant=tenant)
        await self._reschedule(tenant, org, updated)
        matcher = await self._matchers(tenant)
        found = matcher.match(updated.text[:200])
        suggestions = found.suggestions or ((found.slug,) if found.slug else ())
        routed = Routed(blocker=updated, suggestions=suggestions)
        reporter = org.person(updated.reporter_email)
        by = wording.who(
            org.people, actor, Translator(locale=reporter.locale if reporter else "en")
        )
        await self.ask_reporter(
            key=key, tenant=tenant, org=org, routed=routed, intro_key="blocker.pick.declined", by=by
        )
        return routed

    # -- the next step -----------------------------------------------------------------------

    def parties(self, org: Org, blocker: BlockerView) -> Parties:
        """Who the blocker's steps concern, under the policy it was raised with."""
        policy = EscalationPolicy.of(blocker.policy)

        def calendar_of(person: ContactView | None) -> Calendar | None:
            return steps.calendar(policy, person) if person is not None else None

        owner = org.person(blocker.owner_email)
        reporter = org.person(blocker.reporter_email)
        waits_on = calendar_of(owner) or calendar_of(reporter) or Calendar(timezone="UTC")
        accountable = org.accountable(blocker.topic_slug)
        return Parties(
            waits_on=waits_on,
            owner=calendar_of(owner),
            accountable=(
                Contact(email=accountable.email, calendar=steps.calendar(policy, accountable))
                if accountable
                else None
            ),
            pms=tuple(Contact(email=p.email, calendar=steps.calendar(policy, p)) for p in org.pms),
            channel=policy.channel is not None,
        )

    def plan(self, org: Org, blocker: BlockerView, *, now: datetime) -> Plan:
        """What is due for ``blocker`` at ``now``, and when to look again."""
        return steps.plan(blocker, self.parties(org, blocker), now=now)

    async def _reschedule(self, tenant: TenantRef, org: Org, blocker: BlockerView) -> None:
        """Work out again when ``blocker`` (as just changed) next needs a look."""
        now = self.now()
        plan = self.plan(org, blocker, now=now)
        overdue = any(not step.reminder for step in plan.due)
        async with self._database.session() as session:
            await blockers.set_next_check(
                session, tenant=tenant, checks={blocker.id: now if overdue else plan.next_check}
            )
        await self.changed()

    async def changed(self) -> None:
        """Tell the listeners (the scheduler) that what is due may have moved."""
        for listener in self._listeners:
            try:
                await listener()
            except Exception:
                log.exception("a blocker change listener failed")
