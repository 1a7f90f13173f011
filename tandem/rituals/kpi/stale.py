"""A KPI whose value is expected and missing is reminded to its owner, once per period.

A KPI with a rhythm (``expect_every``) is stale one period after its latest value: its
owner (the Responsible of its topic, else the Accountable) is told at that moment, moved
into their working time, and again each period after it while no value comes. After a
time down, only the latest reminder due is sent. A KPI that has never had a value is not
reminded: its first value sets the rhythm. Each reminder is a delivery row, sent once
across restarts and replicas.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from tandem.bot.cards import Reply
from tandem.bot.i18n import Translator
from tandem.bot.timefmt import format_instant
from tandem.bot.types import TenantKey
from tandem.rituals.common.delivery import Dropped, Tally
from tandem.rituals.common.org import Org, load_org
from tandem.rituals.common.sweep import SweepEngine
from tandem.rituals.kpi import figures
from tandem.rituals.kpi.service import KpiService
from tandem.storage.records import (
    ContactView,
    DeliveryKey,
    DeliveryView,
    KpiValueView,
    KpiView,
    TenantRef,
)

log = logging.getLogger(__name__)
FAMILY = "kpi:"
CATCH_UP = timedelta(days=7)
"""How far back a sweep looks for a reminder due (the longest a weekend and days away
push one into working time)."""
MAX_REPEATS = 1000


@dataclass(frozen=True, slots=True)
class Stale:
    """One reminder that a KPI's value is missing."""

    kpi: KpiView
    owner: ContactView
    last: KpiValueView
    due: datetime
    """When the period without a value ended."""
    at: datetime
    """When the owner is told (``due`` moved into their working time)."""

    @property
    def key(self) -> DeliveryKey:
        """The delivery row that keeps it sent once."""
        return DeliveryKey(
            key=f"{FAMILY}stale:{self.kpi.id}:{self.due.strftime('%Y-%m-%dT%H:%M')}",
            recipient=self.owner.email,
            kind="stale",
        )


def owner_of(kpi: KpiView, org: Org) -> ContactView | None:
    """Who answers for a KPI: its topic's Responsible, else its Accountable."""
    return org.responsible(kpi.topic) or org.accountable(kpi.topic)


def stale_reminders(
    rows: Sequence[tuple[KpiView, Sequence[KpiValueView]]],
    org: Org,
    *,
    start: datetime,
    end: datetime,
) -> list[Stale]:
    """The reminders of KPIs whose values are missing that fall in ``(start, end]``."""
    found = []
    for kpi, values in rows:
        owner = owner_of(kpi, org)
        if not kpi.expect_every_hours or not values or owner is None:
            continue
        period = timedelta(hours=kpi.expect_every_hours)
        last = values[-1]
        days = org.calendar(owner)
        first = max(1, int((start - CATCH_UP - last.at) / period))
        for repeat in range(first, first + MAX_REPEATS):
            due = last.at + period * repeat
            at = days.next_open(due)
            if at > end:
                break
            if at > start:
                found.append(Stale(kpi=kpi, owner=owner, last=last, due=due, at=at))
    return found


class KpiEngine(SweepEngine[KpiService]):
    """Sends each stale KPI's latest reminder due, once."""

    WHAT = "kpi"

    async def _tenant(self, key: TenantKey, tenant: TenantRef, *, catch_up: bool) -> Tally:
        now = self._clock.now()
        rows, org = await self._rows(tenant, now)
        if org is None:
            return Tally()
        latest: dict[int, Stale] = {}
        for stale in stale_reminders(rows, org, start=now - CATCH_UP, end=now):
            if stale.kpi.id not in latest or stale.at > latest[stale.kpi.id].at:
                latest[stale.kpi.id] = stale
        planned = {stale.key.key: stale for stale in latest.values()}

        async def perform(delivery: DeliveryView) -> str | Dropped | None:
            return await self._remind(key, tenant, delivery, planned)

        async def give_up(delivery: DeliveryView, reason: str) -> None:
            log.error("gave up a KPI reminder %s: %s", delivery.key.key, reason.split(":")[0])

        return await self._deliveries.deliver(
            tenant=tenant,
            due=[(stale.key, stale.at) for stale in latest.values()],
            perform=perform,
            give_up=give_up,
            family=FAMILY,
        )

    async def _rows(
        self, tenant: TenantRef, now: datetime
    ) -> tuple[tuple[tuple[KpiView, tuple[KpiValueView, ...]], ...], Org | None]:
        """The KPIs with a rhythm and a value, and the organisation (None when there are
        none: most sweeps of most tenants end here, without reading everyone)."""
        board = await self._service.board(tenant=tenant, since=now)
        rows = tuple(
            (kpi, values) for kpi, values in board.rows if kpi.expect_every_hours and values
        )
        if not rows:
            return rows, None
        return rows, await load_org(database=self._database, tenant=tenant)

    async def _remind(
        self, key: TenantKey, tenant: TenantRef, delivery: DeliveryView, planned: dict[str, Stale]
    ) -> str | Dropped | None:
        stale = planned.get(delivery.key.key)
        if stale is None:  # a retry of a reminder this sweep no longer plans
            return Dropped("a value came since, or a later reminder is due")
        t, owner = Translator(locale=stale.owner.locale), stale.owner
        text = t(
            "kpi.stale",
            name=stale.kpi.name_in(t.locale),
            slug=stale.kpi.slug,
            when=format_instant(moment=stale.last.at, timezone=owner.timezone, locale=t.locale),
            value=figures.show_value(stale.last.value, unit=stale.kpi.unit, t=t),
            every=figures.show_every(t, stale.kpi.expect_every_hours or 0),
        )
        sent = await self._service.reach.dm(
            key=key, tenant=tenant, member=stale.owner, reply=Reply(text=text, ephemeral=False)
        )
        return sent.id

    async def upcoming(self, *, horizon: timedelta) -> list[datetime]:
        """Every instant a reminder falls due within ``horizon``."""
        now = self._clock.now()
        instants: set[datetime] = set()
        for _key, tenant in await self._reachable():
            rows, org = await self._rows(tenant, now)
            if org is not None:
                instants.update(
                    s.at for s in stale_reminders(rows, org, start=now, end=now + horizon)
                )
        return sorted(instants)
