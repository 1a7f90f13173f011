"""What people type is shown as typed on Slack, never acted on.

``<!channel>``, ``<!here>`` and ``<!everyone>`` would ping everyone, ``<https://…|label>``
would hide where a link goes, and the invisible separator Tandem writes around its own
mentions would let anyone make Tandem ping someone. Typed in a command, a blocker or a
form, each comes back escaped in the text and in the blocks; a person picked from
Slack's menu (``<@U…>``) stays a mention.
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from typing import Any

import pytest

from tandem.bot.clock import FixedClock
from tests.slackfake.api import Call
from tests.test_slack_e2e import SAM, TEAM, SlackBot, one_workspace, recorded

ANA = "UANA00001"
HOSTILE = "<!channel> <!here> <!everyone> <!subteam^S0123|@it> <https://evil.example/x|the DNS doc>"
FORBIDDEN = ("<!channel>", "<!here>", "<!everyone>", "<!subteam", "<https://evil")


@pytest.fixture
async def slack(database_url: str, clock: FixedClock) -> AsyncIterator[SlackBot]:
    clock.set(at=datetime(2026, 11, 23, 9, 30, tzinfo=UTC))
    async with one_workspace(database_url, clock=clock) as bot:
        bot.api.add_user(
            team_id=TEAM,
            user_id=ANA,
            email="ana.silva@example.com",
            real_name="Ana Silva",
            tz="Europe/Lisbon",
        )
        yield bot


def said(calls: list[Call]) -> str:
    """Everything Tandem sent, text and blocks, as Slack receives it."""
    return json.dumps([c.params for c in calls], ensure_ascii=False)


def read(calls: list[Call]) -> str:
    """What Slack reads for mentions and links: each message's ``text`` and the mrkdwn
    of its blocks and views (``plain_text`` is shown as is, never parsed)."""
    found: list[str] = []

    def walk(value: Any) -> None:
        if isinstance(value, dict):
            if value.get("type") == "mrkdwn" and isinstance(value.get("text"), str):
                found.append(value["text"])
            for child in value.values():
                walk(child)
        elif isinstance(value, list):
            for child in value:
                walk(child)

    for call in calls:
        if isinstance(call.params.get("text"), str):
            found.append(call.params["text"])
        walk(call.params.get("blocks"))
        walk(call.params.get("view"))
    return "\n".join(found)


async def test_a_typed_channel_ping_or_disguised_link_is_shown_as_typed(slack: SlackBot) -> None:
    await slack.command("payroll <!channel> <!here> <!everyone> <https://evil.example|click>")
    (answer,) = await slack.wait_for(slack.responses)
    assert "&lt;!channel&gt;" in answer.params["text"]
    for forbidden in FORBIDDEN:
        assert forbidden not in read([answer])


async def test_a_blocker_typed_with_pings_reaches_its_responsible_without_them(
    slack: SlackBot,
) -> None:
    await slack.command(f"waiting for the DNS record {HOSTILE}", user=SAM, command="/blocker")
    await slack.wait_for(slack.responses)
    (card,) = await slack.wait_for(
        lambda: [c for c in slack.api.calls_to("chat.postMessage") if c.params["channel"] == ANA]
    )
    assert "waiting for the DNS record" in said([card])
    for forbidden in FORBIDDEN:
        assert forbidden not in read(slack.api.calls)


async def test_a_person_picked_from_slacks_menu_stays_a_mention(slack: SlackBot) -> None:
    await slack.command(f"waiting for <@{ANA}|ana> on the DNS record", user=SAM, command="/blocker")
    (raised,) = await slack.wait_for(slack.responses)
    (card,) = await slack.wait_for(
        lambda: [c for c in slack.api.calls_to("chat.postMessage") if c.params["channel"] == ANA]
    )
    assert f"<@{ANA}>" in said([card])  # a live mention (Slack shows her name itself)
    assert "&lt;@" not in said([raised, card])


async def test_the_mention_separator_cannot_be_typed(slack: SlackBot) -> None:
    forged = "\u2063@UBOSS0001|the boss\u2063"
    await slack.command(f"dns {forged}", user=SAM)
    payload = recorded("view_submission.json")
    payload["user"]["id"] = SAM
    payload["view"]["state"]["values"]["what"]["value"]["value"] = f"A tag for {forged}"
    assert await slack.interaction(payload) == 200
    (echoed,) = await slack.wait_for(lambda: slack.api.calls_to("chat.postMessage"))
    assert echoed.params["text"] == "Received A tag for @UBOSS0001|the boss"
    (answer,) = await slack.wait_for(slack.responses)
    assert "<@UBOSS0001>" not in said(slack.api.calls)
    assert "\u2063" not in said(slack.api.calls) + said([answer])
