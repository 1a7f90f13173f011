"""A KPI past its alert threshold becomes a blocker for its owner, through the blocker
ritual's routing and escalation; one open blocker per KPI, however many values cross the
threshold; back within target for a full period, it is resolved with a note.

The period is the KPI's rhythm (``expect_every``), a day when it has none.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from tandem.bot.i18n import Translator
from tandem.bot.types import TenantKey
from tandem.rituals.blockers.service import BlockerService
from tandem.rituals.kpi import figures
from tandem.storage.database import Database
from tandem.storage.records import KpiValueView, KpiView, TenantRef
from tandem.storage.repositories import blockers, kpis

SOURCE = "kpi"
DEFAULT_PERIOD = timedelta(days=1)


class Outcome(StrEnum):
    """What a value did to the KPI's blocker."""

    RAISED = "raised"
    STILL_OPEN = "open"
    RESOLVED = "resolved"


@dataclass(frozen=True, slots=True)
class Breach:
    """The KPI's blocker after a value: raised now, still open, or resolved now."""

    outcome: Outcome
    blocker_id: int
    owner: str | None = None
    """The name of whom the blocker went to (raised)."""


def period(kpi: KpiView) -> timedelta:
    """How long a KPI must stay within target before its blocker is resolved."""
    return timedelta(hours=kpi.expect_every_hours) if kpi.expect_every_hours else DEFAULT_PERIOD


def within_target_for(kpi: KpiView, values: Sequence[KpiValueView], length: timedelta) -> bool:
    """Whether the latest values (oldest first) have been within target for ``length``:
    the run of on-target values at the end spans it."""
    run = []
    for value in reversed(values):
        if figures.status(kpi, value.value) != "ok":
            break
        run.append(value)
    return bool(run) and run[0].at - run[-1].at >= length


class BreachWatch:
    """Raises and resolves each KPI's blocker as its values come."""

    def __init__(self, *, database: Database, blockers: BlockerService) -> None:
        self._database = database
        self._blockers = blockers

    async def check(
        self, *, key: TenantKey, tenant: TenantRef, kpi: KpiView, sender: str, now: datetime
    ) -> Breach | None:
        """Look at the KPI's latest value (given by ``sender``) and act on it.

        Reads the latest value alone, and the values of one period back only while the
        KPI has a blocker open: a value pushed every minute costs the same as the first.
        Raising and resolving read the KPI again, its row locked.
        """
        async with self._database.session() as session:
            latest = await kpis.latest_value(session, tenant=tenant, kpi_id=kpi.id)
        if latest is None:
            return None
        if figures.status(kpi, latest.value) == "alert":
            return await self._raise(key, tenant, kpi, latest, sender)
        if kpi.breach_blocker_id is None:
            return None
        length = period(kpi)
        async with self._database.session() as session:
            found = await kpis.history(
                session, tenant=tenant, kpi_ids=[kpi.id], since=latest.at - length
            )
        if within_target_for(kpi, found[kpi.id], length):
            return await self._resolve(key, tenant, kpi, latest, sender)
        return None

    async def _raise(
        self, key: TenantKey, tenant: TenantRef, kpi: KpiView, latest: KpiValueView, sender: str
    ) -> Breach | None:
        org = await self._blockers.org(tenant=tenant)
        owner = org.responsible(kpi.topic) or org.accountable(kpi.topic)
        t = Translator(locale=owner.locale if owner else None)
        text = t(
            "kpi.breach.text",
            name=kpi.name_in(t.locale),
            slug=kpi.slug,
            value=figures.show_value(latest.value, unit=kpi.unit, t=t),
            alert=figures.show_value(kpi.alert or 0, unit=kpi.unit, t=t),
            target=figures.show_value(kpi.target, unit=kpi.unit, t=t),
        )
        policy = await self._blockers.policy(tenant=tenant)
        async with self._database.session() as session:
            locked = await kpis.lock_kpi(session, tenant=tenant, kpi_id=kpi.id)
            if locked is None:
                return None
            if locked.breach_blocker_id is not None:
                held = await blockers.get_blocker(
                    session, tenant=tenant, blocker_id=locked.breach_blocker_id
                )
                if held is not None and held.is_open:  # one open blocker per KPI
                    return Breach(outcome=Outcome.STILL_OPEN, blocker_id=held.id)
            blocker = await blockers.add_blocker(
                session,
                tenant=tenant,
                text=text,
                reporter_email=sender,
                source=SOURCE,
                at=self._blockers.now(),
                policy=policy.as_dict(),
            )
            await kpis.set_breach(session, tenant=tenant, kpi_id=kpi.id, blocker_id=blocker.id)
        routed = await self._blockers.route(
            key=key, tenant=tenant, blocker=blocker, slug=kpi.topic, actor=sender
        )
        name = routed.owner.name if routed.owner else None
        return Breach(outcome=Outcome.RAISED, blocker_id=blocker.id, owner=name)

    async def _resolve(
        self, key: TenantKey, tenant: TenantRef, kpi: KpiView, latest: KpiValueView, sender: str
    ) -> Breach | None:
        async with self._database.session() as session:
            locked = await kpis.lock_kpi(session, tenant=tenant, kpi_id=kpi.id)
            if locked is None or locked.breach_blocker_id is None:
                return None
            held = await blockers.get_blocker(
                session, tenant=tenant, blocker_id=locked.breach_blocker_id
            )
            await kpis.set_breach(session, tenant=tenant, kpi_id=kpi.id, blocker_id=None)
        if held is None or not held.is_open:  # resolved by people meanwhile
            return None
        org = await self._blockers.org(tenant=tenant)
        owner = org.person(held.owner_email)
        t = Translator(locale=owner.locale if owner else None)
        note = t(
            "kpi.breach.note",
            name=kpi.name_in(t.locale),
            value=figures.show_value(latest.value, unit=kpi.unit, t=t),
            target=figures.show_value(kpi.target, unit=kpi.unit, t=t),
            period=_period_text(t, period(kpi)),
        )
        done = await self._blockers.resolve(
            key=key, tenant=tenant, blocker=held, actor=sender, note=note
        )
        return None if done is None else Breach(outcome=Outcome.RESOLVED, blocker_id=held.id)


def _period_text(t: Translator, length: timedelta) -> str:
    hours = int(length.total_seconds() // 3600)
    if hours % (24 * 7) == 0:
        return t.plural("kpi.period.weeks", count=hours // (24 * 7))
    if hours % 24 == 0:
        return t.plural("kpi.period.days", count=hours // 24)
    return t.plural("kpi.period.hours", count=hours)
