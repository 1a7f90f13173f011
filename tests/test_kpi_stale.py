"""A KPI whose value is expected and missing is reminded to its owner once per period,
in their working time, through the real engine, a recording platform, a moving clock.

The shared fixtures' KPIs (tests/data/kpis.yaml): the home page's load time (lcp-home) is
expected every day and owned by Thomas (Paris, French, Responsible for web performance);
the conversion rate is expected every day too; the cost per lead has no rhythm.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import pytest

from tandem.bot.clock import FixedClock
from tandem.bot.settings import Settings
from tandem.bot.types import Platform
from tandem.storage.orgfiles.service import FileKind, import_file
from tests.conftest import NOW, import_fixtures
from tests.harness import Chat, chat_runtime
from tests.recording_port import RecordingPort

THOMAS = "thomas.girard@example.com"
LUCAS = "lucas.fontaine@example.com"  # Responsible for analytics and shared KPIs
SAM = "sam.okafor@example.com"
DANIEL = "daniel.weber@example.com"
KPIS = (Path(__file__).parent / "data" / "kpis.yaml").read_text("utf-8")


def at(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 11, day, hour, minute, tzinfo=UTC)


@dataclass
class Org:
    chat: Chat
    port: RecordingPort
    clock: FixedClock

    async def tick(self, moment: datetime) -> int:
        """Move the clock and let the KPI engine send what is due; how many went out."""
        self.clock.set(at=moment)
        return (await self.chat.runtime.kpi_engine.run_due()).sent

    async def give(self, moment: datetime, text: str) -> None:
        self.clock.set(at=moment)
        assert "recorded" in await self.chat.read(SAM, text)


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


async def test_a_missing_daily_value_is_reminded_to_the_owner_once_a_day(org: Org) -> None:
    await org.give(at(23, 9, 30), "/kpi set lcp-home 2600")  # Monday
    await org.give(at(23, 9, 30), "/kpi set cost-per-lead 41")  # no rhythm: never reminded
    assert await org.tick(at(24, 9, 29)) == 0  # not a day yet

    assert await org.tick(at(24, 9, 31)) == 1
    (reminder,) = org.port.dms(THOMAS)
    assert "⏰ Chargement de la page d'accueil (LCP) (lcp-home) n'a pas eu de valeur" in (
        reminder.text
    )
    assert "(2\u202f600 ms) ; une valeur est attendue chaque jour." in reminder.text
    assert "/indicateur saisir lcp-home VALEUR" in reminder.text
    assert await org.tick(at(24, 16)) == 0  # once a period

    assert await org.tick(at(25, 9, 31)) == 1  # a day later, still nothing
    await org.give(at(25, 10), "/kpi set lcp-home 2550")
    assert await org.tick(at(26, 9, 31)) == 0
    assert await org.tick(at(26, 10, 1)) == 1
    assert len(org.port.dms(THOMAS)) == 3
    assert org.port.dms(LUCAS) == [] and org.port.dms(DANIEL) == []  # no value, no rhythm


async def test_a_reminder_due_on_a_weekend_waits_for_monday_and_comes_once(org: Org) -> None:
    await org.give(at(27, 16, 30), "/kpi set lcp-home 2600")  # Friday, 17:30 in Paris
    assert await org.tick(at(28, 16, 31)) == 0  # Saturday
    assert await org.tick(at(29, 16, 31)) == 0  # Sunday
    assert await org.tick(at(30, 7, 59)) == 0  # Monday, 08:59 in Paris
    assert await org.tick(at(30, 8, 1)) == 1  # Monday's working day: one, not one per day
    assert await org.tick(at(30, 12)) == 0
    assert len(org.port.dms(THOMAS)) == 1
