"""PostgreSQL goes away for 30 seconds under a Slack workspace, then comes back.

During the outage people get a polite "try again in a moment" (never a 500, never a
traceback), the stand-up prompts falling due wait, and nothing stored before is
lost; once the database is back, requests are answered and the prompts go out once.
The outage is a loopback proxy in front of the test's PostgreSQL that drops every
connection and refuses new ones.
"""

from __future__ import annotations

import asyncio
import time
from datetime import UTC, datetime

import pytest
from sqlalchemy.engine import make_url

from tandem.bot.clock import FixedClock
from tandem.bot.unavailable import ServiceUnavailable
from tests.tcpproxy import Proxy
from tests.test_slack_e2e import HUGO, NADIA, SAM, SlackBot, one_workspace

CHANNEL = "CMKTIT001"
OUTAGE = 30.0  # seconds
POLITE = "I can't reach my database right now, so nothing was read or changed."


def at(hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 11, 23, hour, minute, tzinfo=UTC)


async def ask(bot: SlackBot, text: str, *, command: str, name: str) -> str:
    """``command text`` typed by Sam in the channel: the text of the answer he sees."""
    assert await bot.command(text, user=SAM, command=command, name=name, channel=CHANNEL) == 200
    (answer,) = await bot.wait_for(lambda: bot.responses(name))
    return str(answer.params.get("text", ""))


async def test_a_database_away_for_30_seconds(postgres_url: str, clock: FixedClock) -> None:
    parsed = make_url(postgres_url)
    assert parsed.host and parsed.port
    async with Proxy(target_host=parsed.host, target_port=parsed.port) as proxy:
        through = parsed.set(port=proxy.port).render_as_string(hide_password=False)
        clock.set(at=at(6))
        async with one_workspace(through, clock=clock) as bot:
            runtime = bot.runtime
            assert runtime is not None
            setup = (
                f"setup Daily; members: <@{HUGO}>, <@{SAM}>, <@{NADIA}>; "
                "times: 09:30-12:00; timezone: Europe/London"
            )
            assert "is set up" in await ask(bot, setup, command="/standup", name="setup")
            before = await ask(bot, "dns", command="/who-owns", name="before")

            await proxy.cut()
            clock.set(at=at(8, 30))  # Hugo's and Nadia's prompts fall due during the outage
            started, asked = time.monotonic(), 0
            while time.monotonic() - started < OUTAGE:
                asked += 1
                answer = await ask(bot, "dns", command="/who-owns", name=f"away{asked}")
                assert POLITE in answer
                change = "set domain-names responsible sam.okafor@example.com"
                assert POLITE in await ask(bot, change, command="/who-owns", name=f"set{asked}")
                with pytest.raises(ServiceUnavailable):
                    await runtime.standup_engine.run_due()
                await asyncio.sleep(5)
            assert asked >= 3
            assert not [c for c in bot.api.calls_to("chat.postMessage") if "Daily" in str(c)]

            await proxy.restore()
            clock.set(at=at(8, 31))
            assert await ask(bot, "dns", command="/who-owns", name="after") == before
            assert (await runtime.standup_engine.run_due()).sent == 2  # the prompts waited
            assert (await runtime.standup_engine.run_due()).sent == 0  # and go out once
            listed = await ask(bot, "list", command="/standup", name="list")
            assert "Daily" in listed
    for call in bot.api.calls:
        assert "Traceback" not in str(call.params)
