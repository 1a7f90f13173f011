"""What the KPI ritual reads and records: a tenant's KPIs with their recent values, the
people who answer for them, and each value given, kept with who sent it."""

from __future__ import annotations

import difflib
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import datetime

from tandem.bot.text import fold
from tandem.rituals.common.reach import Reach
from tandem.storage.database import Database
from tandem.storage.records import KpiValueView, KpiView, Role, TenantRef, TopicView
from tandem.storage.repositories import kpis, people, raci
from tandem.storage.repositories.kpis import Recorded

SUGGESTED = 3
FEEDERS = (Role.RESPONSIBLE, Role.ACCOUNTABLE, Role.CONSULTED)
"""Who, with the admins, may give a KPI's values: the people who work on its topic (the
Informed only read them)."""


@dataclass(frozen=True, slots=True)
class Board:
    """Each KPI with its values from a moment on (and the last one before it)."""

    rows: tuple[tuple[KpiView, tuple[KpiValueView, ...]], ...]


@dataclass(frozen=True, slots=True)
class Found:
    """The KPI a query names, or the closest ones."""

    kpi: KpiView | None
    suggestions: tuple[KpiView, ...] = ()


def match(kpis_known: Sequence[KpiView], query: str) -> Found:
    """The KPI ``query`` names by its slug or its name in any language, typos forgiven
    only as suggestions (a value is never given to a guess)."""
    wanted = fold(query)
    names: dict[str, KpiView] = {}
    for kpi in kpis_known:
        for name in (kpi.slug, *kpi.names.values()):
            names.setdefault(fold(name), kpi)
    if wanted in names:
        return Found(kpi=names[wanted])
    close = difflib.get_close_matches(wanted, list(names), n=SUGGESTED * 2, cutoff=0.6)
    close += [name for name in names if wanted and (wanted in name or name in wanted)]
    suggestions = tuple(dict.fromkeys(names[name].slug for name in close))
    by_slug = {kpi.slug: kpi for kpi in kpis_known}
    return Found(kpi=None, suggestions=tuple(by_slug[s] for s in suggestions[:SUGGESTED]))


class KpiService:
    """KPIs and their values over the database."""

    def __init__(self, *, database: Database, reach: Reach) -> None:
        """``reach`` is how owners are told of a stale KPI."""
        self._database = database
        self._reach = reach

    @property
    def reach(self) -> Reach:
        """The platforms' ports, by tenant."""
        return self._reach

    async def board(self, *, tenant: TenantRef, since: datetime) -> Board:
        """The tenant's KPIs, each with its values from ``since`` on."""
        async with self._database.session() as session:
            known = await kpis.list_kpis(session, tenant=tenant)
            found = await kpis.history(
                session, tenant=tenant, kpi_ids=[k.id for k in known], since=since
            )
        return Board(rows=tuple((k, tuple(found[k.id])) for k in known))

    async def find(self, *, tenant: TenantRef, query: str) -> Found:
        """The tenant's KPI named by ``query``, or the closest ones."""
        async with self._database.session() as session:
            known = await kpis.list_kpis(session, tenant=tenant)
        return match(known, query)

    async def topic(self, *, tenant: TenantRef, slug: str) -> TopicView | None:
        """The RACI topic that owns a KPI, with its people."""
        async with self._database.session() as session:
            return await raci.get_topic(session, tenant=tenant, slug=slug)

    async def names(self, *, tenant: TenantRef, emails: Collection[str]) -> dict[str, str]:
        """People's names by email, for who sent a value."""
        async with self._database.session() as session:
            found = await people.people_by_email(session, tenant=tenant, emails=set(emails))
        return {email: person.name for email, person in found.items()}

    async def record(
        self,
        *,
        tenant: TenantRef,
        kpi: KpiView,
        at: datetime,
        value: float,
        source: str,
        sent_by: str,
        now: datetime,
    ) -> Recorded:
        """Keep ``value`` for ``kpi`` at ``at`` (replacing one at the same instant)."""
        async with self._database.session() as session:
            return await kpis.record_value(
                session,
                tenant=tenant,
                kpi_id=kpi.id,
                at=at,
                value=value,
                source=source,
                sent_by=sent_by,
                recorded_at=now,
            )


def may_feed(*, email: str, admin: bool, topic: TopicView | None) -> bool:
    """Whether ``email`` may give the values of a KPI of ``topic``."""
    if admin:
        return True
    return topic is not None and any(
        person.email == email for role in FEEDERS for person in topic.roles.get(role, ())
    )
