"""A process that dies during a scheduled send, and the one that takes over, on Slack.

Each kind of scheduled send is cut off the way ``kill -9`` cuts it: Slack has
received a message but its answer never reaches Tandem, nothing is recorded as
sent, and the process is gone. A second process on the same database (a restart,
or another replica) picks the send up once the dead one's lease has run out. It
must send what had not gone out and must not send again what had: every marked
message is in Slack exactly once and every claimed send ends up sent.
"""

from __future__ import annotations

import asyncio
import collections
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import pytest
from sqlmodel import col, select

from tandem.bot.clock import FixedClock
from tandem.rituals.common.delivery import Tally
from tandem.runtime import Runtime
from tandem.storage.models import Delivery
from tests.slackfake.api import FakeSlackApi
from tests.test_slack_e2e import (
    HUGO,
    NADIA,
    SAM,
    TEAM,
    SlackBot,
    one_workspace,
    serve_slack,
    settings_for,
)

CHANNEL = "CMKTIT001"
ANA = "UANA00001"
DANIEL = "UDANIEL01"
PRIYA = "UPRIYA001"
THOMAS = "UTHOMAS01"
EXTRA_PEOPLE = [
    (ANA, "ana.silva@example.com", "Ana Silva", "Europe/Lisbon", "en-GB"),
    (DANIEL, "daniel.weber@example.com", "Daniel Weber", "Europe/Berlin", "en-GB"),
    (PRIYA, "priya.nair@example.com", "Priya Nair", "Europe/London", "en-GB"),
    (THOMAS, "thomas.girard@example.com", "Thomas Girard", "Europe/Paris", "fr-FR"),
]
LEASE = timedelta(minutes=5)  # the default lease


def at(day: int, hour: int, minute: int = 0, *, month: int = 11, year: int = 2026) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=UTC)


Run = Callable[[Runtime], Awaitable[Tally]]


@dataclass(frozen=True)
class Scenario:
    """A kind of scheduled send: how to get there, when it falls due, which engine sends it."""

    name: str
    family: str
    prepare: Callable[[SlackBot, FixedClock], Awaitable[None]]
    due: datetime
    run: Run
    sends: int  # how many (delivery) rows that instant gives


async def standup_setup(bot: SlackBot, clock: FixedClock) -> None:
    clock.set(at=at(23, 6))
    setup = (
        f"setup Daily; members: <@{HUGO}>, <@{SAM}>, <@{NADIA}>; "
        "times: 09:30-12:00; timezone: Europe/London"
    )
    assert await bot.command(setup, user=SAM, command="/standup", name="s", channel=CHANNEL) == 200
    await bot.wait_for(lambda: bot.responses("s"))


async def standup_prompted(bot: SlackBot, clock: FixedClock) -> None:
    await standup_setup(bot, clock)
    assert bot.runtime is not None
    for moment in (at(23, 8, 30), at(23, 9, 30)):
        clock.set(at=moment)
        await bot.runtime.standup_engine.run_due()


async def standup_reminded(bot: SlackBot, clock: FixedClock) -> None:
    await standup_prompted(bot, clock)
    assert bot.runtime is not None
    clock.set(at=at(23, 11))
    await bot.runtime.standup_engine.run_due()


async def blocker_ignored(bot: SlackBot, clock: FixedClock) -> None:
    clock.set(at=at(23, 9, 30))
    await bot.command("le DNS du sous-domaine printemps ne répond pas", command="/blocker")
    await bot.wait_for(lambda: bot.responses())


async def nothing(bot: SlackBot, clock: FixedClock) -> None:
    clock.set(at=at(23, 9))


async def planning_scheduled(bot: SlackBot, clock: FixedClock) -> None:
    clock.set(at=at(23, 9, 30))
    text = 'new "Q1 planning" 2027-01-12 14:00 60min topics: landing-pages, tracking-consent'
    assert await bot.command(text, user=SAM, command="/planning", name="p", channel=CHANNEL) == 200
    await bot.wait_for(lambda: bot.responses("p"))


def standup(runtime: Runtime) -> Awaitable[Tally]:
    return runtime.standup_engine.run_due()


SCENARIOS = [
    Scenario("stand-up prompts", "standup:", standup_setup, at(23, 8, 30), standup, 2),
    Scenario("stand-up reminders", "standup:", standup_prompted, at(23, 11), standup, 3),
    Scenario("stand-up summary", "standup:", standup_reminded, at(23, 12), standup, 1),
    Scenario(
        "blocker escalation",
        "blocker:",
        blocker_ignored,
        at(23, 13, 30),
        lambda runtime: runtime.blocker_engine.run_due(),
        1,
    ),
    Scenario(
        "guardrail review reminders",
        "guardrail:",
        nothing,
        at(23, 9, 30),
        lambda runtime: runtime.guardrail_engine.run_due(),
        7,  # the shared catalogue's rules overdue for review, to their Accountables
    ),
    Scenario(
        "planning reminders",
        "planning:",
        planning_scheduled,
        at(11, 14, month=1, year=2027),
        lambda runtime: runtime.planning_engine.run_due(),
        3,
    ),
]


@pytest.fixture
async def slack(database_url: str, clock: FixedClock) -> AsyncIterator[SlackBot]:
    clock.set(at=at(23, 6))
    async with one_workspace(database_url, clock=clock) as bot:
        bot.api.now = lambda: clock.now().timestamp()
        for user_id, email, name, tz, locale in EXTRA_PEOPLE:
            bot.api.add_user(
                team_id=TEAM, user_id=user_id, email=email, real_name=name, tz=tz, locale=locale
            )
        yield bot


def marked(api: FakeSlackApi) -> collections.Counter[str]:
    """How many times each scheduled message (by its marker) is in Slack."""
    return collections.Counter(
        message["metadata"]["event_payload"]["marker"]
        for messages in api._history.values()
        for message in messages
        if message.get("metadata")
    )


def posted(api: FakeSlackApi) -> int:
    return sum(len(messages) for messages in api._history.values())


async def rows(runtime: Runtime, family: str, due: datetime) -> list[Delivery]:
    async with runtime.database.session() as session:
        found = await session.exec(
            select(Delivery).where(
                col(Delivery.key).startswith(family), col(Delivery.claimed_at) == due
            )
        )
        return list(found.all())


async def die_during(bot: SlackBot, run: Run, *, after: int) -> None:
    """Run the engine until Slack has received ``after`` + 1 of its messages, answering
    only the first ``after``; then the process 'dies': the sweep is cut off where it is."""
    assert bot.runtime is not None
    before = posted(bot.api)
    bot.api.hang_posts_after(after)
    sweep = asyncio.ensure_future(run(bot.runtime))
    for _ in range(750):  # bounded: 15 s
        if posted(bot.api) > before + after or sweep.done():
            break
        await asyncio.sleep(0.02)
    assert not sweep.done(), "the sweep ended before the message to cut it on"
    sweep.cancel()
    await asyncio.gather(sweep, return_exceptions=True)
    bot.api.stop_hanging()


CASES = [
    pytest.param(scenario, after, id=f"{scenario.name}, cut at message {after + 1}")
    for scenario in SCENARIOS
    for after in range(min(scenario.sends, 2))
]


@pytest.mark.parametrize(("scenario", "after"), CASES)
async def test_a_send_cut_off_by_a_crash_goes_out_once_after_the_restart(
    slack: SlackBot, clock: FixedClock, database_url: str, scenario: Scenario, after: int
) -> None:
    await scenario.prepare(slack, clock)
    earlier = marked(slack.api)
    clock.set(at=scenario.due)
    await die_during(slack, scenario.run, after=after)
    assert slack.runtime is not None
    cut_off = await rows(slack.runtime, scenario.family, scenario.due)
    assert len(cut_off) == scenario.sends
    # at most the messages Slack answered can have been recorded as sent
    assert len([r for r in cut_off if r.status == "sent"]) <= after

    # The restarted process, once the dead one's lease has run out.
    settings = settings_for(database_url, slack.api, SLACK_BOT_TOKEN="xoxb-acme")
    async with serve_slack(settings, slack.api, clock=clock) as restarted:
        assert restarted.runtime is not None
        clock.set(at=scenario.due + LEASE + timedelta(minutes=1))
        await scenario.run(restarted.runtime)
        done = await rows(restarted.runtime, scenario.family, scenario.due)
        again = await scenario.run(restarted.runtime)  # and a sweep after that sends nothing
    assert again.sent == again.retried == 0
    assert [r.status for r in done] == ["sent"] * scenario.sends
    now = marked(slack.api) - earlier
    assert now, "the send posted no marked message"
    assert max(now.values()) == 1, f"posted twice: {[m for m, n in now.items() if n > 1]}"
    # every send that went out has its message in Slack (found again, or posted then)
    assert {f"d{r.id}.0" for r in done if r.message_id} <= set(now)


async def test_a_replica_stopping_hands_back_what_it_held_for_another_at_once(
    slack: SlackBot, clock: FixedClock, database_url: str
) -> None:
    """SIGTERM cuts a fan-out off after the drain: what it held goes to the next replica at
    once, without waiting for the lease, and what had gone out is not sent again."""
    scenario = SCENARIOS[1]  # the stand-up reminders, three of them
    await scenario.prepare(slack, clock)
    earlier = marked(slack.api)
    clock.set(at=scenario.due)
    await die_during(slack, scenario.run, after=1)
    assert slack.runtime is not None
    for held in slack.runtime.deliveries:
        await held.release()
    settings = settings_for(database_url, slack.api, SLACK_BOT_TOKEN="xoxb-acme")
    async with serve_slack(settings, slack.api, clock=clock) as other:
        assert other.runtime is not None
        clock.set(at=scenario.due + timedelta(seconds=30))  # well within the lease
        await scenario.run(other.runtime)
        done = await rows(other.runtime, scenario.family, scenario.due)
    assert [r.status for r in done] == ["sent"] * scenario.sends
    now = marked(slack.api) - earlier
    assert len(now) == scenario.sends and max(now.values()) == 1
