"""A tenant's organisation at one moment: its people, RACI topics, PMs, working hours and
escalation channel.

The blocker, guardrail and planning rituals all route by it; :func:`load_org` reads it in
one database session.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from tandem.rituals.common.working_time import Calendar, WorkingHours
from tandem.storage.database import Database
from tandem.storage.records import (
    ChannelAddress,
    ContactView,
    PmSettingView,
    TenantRef,
    TopicRecord,
)
from tandem.storage.repositories import escalation, people, raci

PM_DEPARTMENT = "pmo"


@dataclass(frozen=True, slots=True)
class Org:
    """What routing, escalating and inviting read of a tenant at one moment."""

    people: dict[str, ContactView]
    topics: dict[str, TopicRecord]
    pm_settings: dict[int, PmSettingView]
    hours: WorkingHours
    channel: ChannelAddress | None  # where the last escalation level and IT's questions go
    channel_locale: str  # the language of posts in that channel
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
        return self.hours.calendar(
            timezone=person.timezone, work_days=person.work_days, away=person.away
        )


def is_pm(person: ContactView, setting: PmSettingView | None) -> bool:
    """A PM: in the ``pmo`` department (unless taken off in chat), or made one in chat."""
    if setting is not None and setting.is_pm is not None:
        return setting.is_pm
    return person.department.strip().casefold() == PM_DEPARTMENT


async def load_org(*, database: Database, tenant: TenantRef) -> Org:
    """People, topics, PMs, hours and escalation channel of a tenant, read in one session."""
    async with database.session() as session:
        everyone = await people.contacts(session, tenant=tenant)
        topics = {t.slug: t for t in await raci.export_topics(session, tenant=tenant)}
        settings = await escalation.pm_settings(session, tenant=tenant)
        stored = await escalation.get_policy(session, tenant=tenant)
    by_email = {p.email: p for p in everyone.values()}
    pms = tuple(p for p in everyone.values() if is_pm(p, settings.get(p.person_id)))
    hours, channel, locale = _hours_and_channel(stored)
    return Org(
        people=by_email,
        topics=topics,
        pm_settings=settings,
        hours=hours,
        channel=channel,
        channel_locale=locale,
        pms=pms,
    )


def stored_channel(stored: Mapping[str, Any]) -> ChannelAddress | None:
    """The escalation channel of the tenant's stored settings, if they name one; raises
    KeyError or TypeError when it cannot be read."""
    channel = stored.get("channel")
    if not isinstance(channel, Mapping) or not channel.get("id"):
        return None
    return ChannelAddress(
        id=str(channel["id"]),
        kind=str(channel.get("kind", "channel")),
        reference=channel.get("reference"),
    )


def _hours_and_channel(
    stored: Mapping[str, Any] | None,
) -> tuple[WorkingHours, ChannelAddress | None, str]:
    """The hours, channel and channel language an admin set (with ``/tandem escalation``);
    the defaults while none are set, or when what is stored cannot be read."""
    if not stored:
        return WorkingHours(), None, "en"
    try:
        return WorkingHours.read(stored), stored_channel(stored), str(stored.get("locale", "en"))
    except (ValueError, TypeError, KeyError):
        return WorkingHours(), None, "en"
