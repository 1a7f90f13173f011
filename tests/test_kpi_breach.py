"""A KPI past its alert threshold raises one blocker for its owner, through the blocker
ritual, and back within target for a full period the blocker is resolved with a note.

The shared fixtures' organisation and its KPIs (tests/data/kpis.yaml): the home page's
load time (lcp-home: target 2 500 ms, alert at 4 000 ms, a value a day) is owned by
Thomas (Paris, French), Responsible for web performance; Sam (London) is Consulted and
gives the values.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

import pytest

from tandem.bot.clock import FixedClock
from tandem.bot.settings import Settings
from tandem.bot.types import Platform
from tandem.storage.orgfiles.service import FileKind, import_file
from tandem.storage.records import BlockerView
from tandem.storage.repositories import blockers, tenants
from tests.conftest import NOW, import_fixtures
from tests.harness import Chat, chat_runtime
from tests.recording_port import RecordingPort

THOMAS = "thomas.girard@example.com"
SAM = "sam.okafor@example.com"
KPIS = (Path(__file__).parent / "data" / "kpis.yaml").read_text("utf-8")


@dataclass
class Org:
    chat: Chat
    port: RecordingPort
    clock: FixedClock

    async def give(self, value: str, *, after: timedelta) -> str:
        """Sam gives the load time ``after`` the start."""
        self.clock.set(at=NOW + after)
        return await self.chat.read(SAM, f"/kpi set lcp-home {value}")

    async def stored(self) -> list[BlockerView]:
        async with self.chat.runtime.database.session() as session:
            tenant = await tenants.find_tenant(session, key=self.chat.tenant)
            assert tenant is not None
            return [
                b for b in await blockers.list_blockers(session, tenant=tenant) if b.source == "kpi"
            ]


@pytest.fixture
async def org(settings: Settings, clock: FixedClock) -> AsyncIterator[Org]:
    async with chat_runtime(settings=settings, clock=clock) as runtime:
        key = await import_fixtures(runtime.database, "acme")
        await import_file(
            database=runtime.database, tenant=key, kind=FileKind.KPIS, text=KPIS, at=NOW
        )
        port = RecordingPort()
        runtime.ports.add(platform=Platform.LOCAL.value, port=port)
        yield Org(chat=Chat(runtime=runtime, tenant=key), port=port, clock=clock)


async def test_a_breach_raises_one_blocker_for_the_owner_and_a_full_day_on_target_resolves_it(
    org: Org,
) -> None:
    assert "Blocker" not in await org.give("3900", after=timedelta(0))  # off target, no alert

    raised = await org.give("4200", after=timedelta(hours=1))
    assert "🚨 Blocker #1 raised: Thomas Girard has it." in raised
    (card,) = org.port.dms(THOMAS)
    assert (
        "Un indicateur partagé de Web performance and user experience (web-performance) a "
        "franchi son seuil d'alerte (valeur donnée par Sam Okafor) : le blocage qu'il a signalé "
        "vous revient." in card.text
    )
    assert (
        "Chargement de la page d'accueil (LCP) (lcp-home) a franchi son seuil d'alerte : "
        "4\u202f200 ms (alerte à 4\u202f000 ms, cible 2\u202f500 ms)." in card.text
    )

    again = await org.give("4500", after=timedelta(hours=2))
    assert "Blocker #1 is already open for it, so no new one was raised." in again
    assert len(org.port.dms(THOMAS)) == 1  # no storm
    assert [b.id for b in await org.stored()] == [1]

    assert "resolved" not in await org.give("2400", after=timedelta(hours=3))
    assert "resolved" not in await org.give("2450", after=timedelta(hours=20))
    assert (await org.stored())[0].is_open  # on target, but not yet for a full day

    back = await org.give("2300", after=timedelta(days=1, hours=3))
    assert "Back within target for a full period: blocker #1 is resolved." in back
    (blocker,) = await org.stored()
    assert blocker.status == "resolved" and blocker.resolved_by == SAM
    assert blocker.resolution == (
        "Chargement de la page d'accueil (LCP) est revenu dans sa cible (2\u202f500 ms) pendant "
        "une journée entière : 2\u202f300 ms maintenant."
    )
    assert "résolu par Sam Okafor" in org.port.dms(THOMAS)[-1].text

    later = await org.give("4100", after=timedelta(days=2))
    assert "🚨 Blocker #2 raised: Thomas Girard has it." in later


async def test_a_breach_blocker_resolved_by_people_is_raised_again_by_the_next_breach(
    org: Org,
) -> None:
    assert "Blocker #1 raised" in await org.give("4200", after=timedelta(0))
    assert "est résolu" in await org.chat.read(THOMAS, "/blocker resolve 1 CDN cache purged")
    assert "Blocker #2 raised" in await org.give("4300", after=timedelta(hours=1))
