"""APScheduler's jobs come from the stand-up rows, and follow them when they change."""

from __future__ import annotations

from datetime import UTC, datetime

from tandem.bot.clock import FixedClock
from tandem.bot.settings import Settings
from tandem.bot.types import Platform
from tandem.scheduler import SWEEP, Timekeeper
from tests.conftest import import_fixtures
from tests.harness import Chat, chat_runtime
from tests.recording_port import RecordingPort

# Far enough ahead that no job can fire while the test runs, whenever it runs.
MONDAY = datetime(2030, 1, 7, 6, 0, tzinfo=UTC)
SETUP = (
    "/standup setup Daily; members: hugo.bernard@example.com, sam.okafor@example.com, "
    "maya.chen@example.com; times: 09:30-12:00; timezone: America/New_York; channel: it"
)


async def test_jobs_are_built_from_the_rows_and_rebuilt_on_change(settings: Settings) -> None:
    clock = FixedClock(at=MONDAY)
    async with chat_runtime(settings=settings, clock=clock) as runtime:
        tenant = await import_fixtures(runtime.database, "acme", at=MONDAY)
        runtime.ports.add(platform=Platform.LOCAL.value, port=RecordingPort())
        chat = Chat(runtime=runtime, tenant=tenant)
        timekeeper = Timekeeper(engines=[runtime.standup_engine])
        runtime.standup_ritual.on_change(timekeeper.rebuild)
        await timekeeper.start()
        try:
            assert timekeeper.due_instants() == []
            assert timekeeper.scheduler.get_job(SWEEP) is not None
            await chat.say("sam.okafor@example.com", SETUP)
            # Within six hours: Hugo at 09:30 Paris (08:30 UTC), Sam at 09:30 London.
            assert timekeeper.due_instants() == [
                datetime(2030, 1, 7, 8, 30, tzinfo=UTC),
                datetime(2030, 1, 7, 9, 30, tzinfo=UTC),
            ]
            await chat.say("sam.okafor@example.com", "/standup pause daily")
            assert timekeeper.due_instants() == []
            await chat.say("sam.okafor@example.com", "/standup resume daily")
            await chat.say("sam.okafor@example.com", "/standup edit daily; times: 10:00-12:00")
            assert timekeeper.due_instants() == [
                datetime(2030, 1, 7, 9, 0, tzinfo=UTC),
                datetime(2030, 1, 7, 10, 0, tzinfo=UTC),
            ]
        finally:
            await timekeeper.stop()
        assert not timekeeper.scheduler.running
