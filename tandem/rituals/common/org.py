"""A tenant's organisation at one moment: its people, RACI topics, PMs and working hours.

The blocker, guardrail and planning rituals all route by it; :func:`load_org` reads it in
one database session.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from tandem.rituals.blockers.policy import EscalationPolicy
from tandem.rituals.common.working_time import Calendar
from tandem.storage.database import Database
from tandem.storage.records import ContactView, PmSettingView, TenantRef, TopicRecord
from tandem.storage.repositories import escalation, people, raci

PM_DEPARTMENT = "pmo"


@dataclass(frozen=True, slots=True)
class Org:
    """What routing, escalating and inviting read of a tenant at one moment."""

    people: dict[str, ContactView]
    topics: dict[str, TopicRecord]
    pm_settings: dict[int, PmSettingView]
    policy: EscalationPolicy
    pms: tuple[ContactView, ...] = field(default=())

    def person(self, email: str | None) -> ContactView | None:
        """Someone by email."""
        return self.people.get(email or "")

    def accountable(self, slug: str | None) -> ContactView | None:
        """The first Accountable of a topic."""
        topic = self.topics.get(slug or "")
        if topic is None:
            return None
        return next((self.people[e] for e in topic.accountable if e in self.people), None)

    def responsible(self, slug: str, *, skipping: tuple[str, ...] = ()) -> ContactView | None:
        """The first Responsible of a topic who has not said it is not theirs."""
        topic = self.topics.get(slug)
        if topic is None:
            return None
        for email in topic.responsible:
            if email in self.people and email not in skipping:
                return self.people[email]
        return None

    def calendar(self, person: ContactView) -> Calendar:
        """A person's working time under the tenant's hours, with their days away."""
        return Calendar(
            timezone=person.timezone,
            work_days=frozenset(person.work_days),
            start=self.policy.day_start,
            end=self.policy.day_end,
            away=person.away,
        )


def is_pm(person: ContactView, setting: PmSettingView | None) -> bool:
    """A PM: in the ``pmo`` department (unless taken off in chat), or made one in chat."""
    if setting is not None and setting.is_pm is not None:
        return setting.is_pm
    return person.department.strip().casefold() == PM_DEPARTMENT


async def load_org(*, database: Database, tenant: TenantRef) -> Org:
    """People, topics, PMs and the policy of a tenant, read in one session."""
    async with database.session() as session:
        everyone = await people.contacts(session, tenant=tenant)
        topics = {t.slug: t for t in await raci.export_topics(session, tenant=tenant)}
        settings = await escalation.pm_settings(session, tenant=tenant)
        policy = EscalationPolicy.of(await escalation.get_policy(session, tenant=tenant))
    by_email = {p.email: p for p in everyone.values()}
    pms = tuple(p for p in everyone.values() if is_pm(p, settings.get(p.person_id)))
    return Org(people=by_email, topics=topics, pm_settings=settings, policy=policy, pms=pms)
