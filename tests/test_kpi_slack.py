"""/kpi on Slack end to end: signed slash commands into the real slack-bolt code, the
answers read from the fake Slack Web API (its ``response_url``), as Block Kit.

Sam (London, English) is Consulted for web performance and gives a value; Hugo (Paris,
French) has no part in it and is refused, in French.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from tandem.bot.clock import FixedClock
from tandem.bot.types import TenantKey
from tandem.storage.orgfiles.service import FileKind, import_file
from tests.conftest import NOW
from tests.slackfake.api import Call
from tests.test_slack_e2e import HUGO, SAM, TEAM, SlackBot, one_workspace

KPIS = (Path(__file__).parent / "data" / "kpis.yaml").read_text("utf-8")


@pytest.fixture
async def slack(database_url: str, clock: FixedClock) -> AsyncIterator[SlackBot]:
    async with one_workspace(database_url, clock=clock) as bot:
        assert bot.runtime is not None
        await import_file(
            database=bot.runtime.database,
            tenant=TenantKey.parse(f"slack:{TEAM}"),
            kind=FileKind.KPIS,
            text=KPIS,
            at=NOW,
        )
        yield bot


def fields(call: Call) -> dict[str, str]:
    found: dict[str, str] = {}
    for block in call.params.get("blocks") or []:
        for item in block.get("fields", []):
            label, _, value = item["text"].partition("\n")
            found[label.strip("*")] = value
    return found


async def test_a_value_given_with_slash_kpi_shows_in_the_list(slack: SlackBot) -> None:
    assert await slack.command("set lcp-home 2640", user=SAM, command="/kpi", name="set") == 200
    (done,) = await slack.wait_for(lambda: slack.responses("set"))
    assert done.params["response_type"] == "ephemeral"
    assert "Home page load (LCP): 2,640 ms recorded" in done.params["text"]
    assert "Off target (2,500 ms)." in done.params["text"]

    assert await slack.command("", user=SAM, command="/kpi", name="list") == 200
    (listed,) = await slack.wait_for(lambda: slack.responses("list"))
    assert listed.params["blocks"][0]["text"]["text"] == "3 shared KPIs"
    shown = fields(listed)
    assert shown["Home page load (LCP) (lcp-home)"].startswith("2,640 ms → · target 2,500 ms")
    assert shown["Conversion rate (conversion-rate)"].startswith("no value yet")


async def test_slack_users_are_refused_in_their_language_and_what_they_typed_is_escaped(
    slack: SlackBot,
) -> None:
    await slack.command("set lcp-home 2400", user=HUGO, command="/kpi", name="hugo")
    (refused,) = await slack.wait_for(lambda: slack.responses("hugo"))
    assert "Seuls les admins et les personnes Responsables" in refused.params["text"]
    await slack.command("set lcp-home <!channel>", user=SAM, command="/kpi", name="sam")
    (bad,) = await slack.wait_for(lambda: slack.responses("sam"))
    assert "“&lt;!channel&gt;” is not a number" in bad.params["text"]
    assert "<!channel>" not in str(bad.params)
