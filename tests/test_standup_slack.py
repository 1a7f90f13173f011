"""A stand-up on Slack end to end: signed requests in, the fake Web API out, a moving clock.

Hugo (Paris) answers in DM text, Sam (London) with the modal, Nadia (Paris) never.
The stand-up closes at 12:00 London time.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime
from typing import Any

import pytest

from tandem.bot.clock import FixedClock
from tandem.runtime import Runtime
from tests.slackfake.api import Call
from tests.test_slack_e2e import HUGO, NADIA, SAM, TEAM, SlackBot, one_workspace

CHANNEL = "CMKTIT001"


def at(hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 11, 23, hour, minute, tzinfo=UTC)


@pytest.fixture
async def slack(database_url: str, clock: FixedClock) -> AsyncIterator[SlackBot]:
    clock.set(at=at(6))
    async with one_workspace(database_url, clock=clock) as bot:
        yield bot


async def tick(slack: SlackBot, clock: FixedClock, moment: datetime) -> int:
    clock.set(at=moment)
    runtime: Runtime | None = slack.runtime
    assert runtime is not None
    return (await runtime.standup_engine.run_due()).sent


def posts(slack: SlackBot, channel: str) -> list[Call]:
    return [c for c in slack.api.calls_to("chat.postMessage") if c.params["channel"] == channel]


def buttons(call: Call) -> list[dict[str, Any]]:
    return [
        e for b in call.params.get("blocks") or [] if b["type"] == "actions" for e in b["elements"]
    ]


async def test_a_stand_up_on_slack(slack: SlackBot, clock: FixedClock) -> None:
    setup = (
        f"setup Daily; members: <@{HUGO}|hugo>, sam.okafor@example.com, <@{NADIA}>; "
        "times: 09:30-12:00; timezone: Europe/London"
    )
    await slack.command(setup, user=SAM, command="/standup", name="setup", channel=CHANNEL)
    (created,) = await slack.wait_for(lambda: slack.responses("setup"))
    assert created.params["response_type"] == "in_channel"
    assert "Stand-up “Daily” is set up" in created.params["text"]

    # 09:30 in Paris: Hugo and Nadia get their prompt in DM (addressed by user id), in French.
    assert await tick(slack, clock, at(8, 30)) == 2
    (hugo_prompt,) = posts(slack, HUGO)
    assert hugo_prompt.params["blocks"][0]["text"]["text"].startswith("Stand-up « Daily »")
    assert [b["text"]["text"] for b in buttons(hugo_prompt)] == ["Répondre", "Passer aujourd'hui"]
    assert await tick(slack, clock, at(9, 30)) == 1
    (sam_prompt,) = posts(slack, SAM)

    # Sam clicks Answer: the questions open as a modal.
    answer = buttons(sam_prompt)[0]
    click = {
        "type": "block_actions",
        "team": {"id": TEAM},
        "user": {"id": SAM, "team_id": TEAM},
        "trigger_id": "1337.42.abcd",
        "container": {"type": "message", "channel_id": "D0SAM", "message_ts": "1.1"},
        "channel": {"id": "D0SAM"},
        "actions": [{"action_id": answer["action_id"], "value": answer["value"], "type": "button"}],
    }
    assert await slack.interaction(click) == 200
    (opened,) = await slack.wait_for(lambda: slack.api.calls_to("views.open"))
    view = opened.params["view"]
    assert opened.params["trigger_id"] == "1337.42.abcd"
    assert [b["label"]["text"] for b in view["blocks"] if b["type"] == "input"] == [
        "What did you do yesterday?",
        "What will you do today?",
        "Anything blocking you?",
    ]

    # Sam submits the modal: the answer goes to the channel, in the day's thread.
    values = {"q0": "Brief", "q1": "Landing page", "q2": "Waiting for the DNS change"}
    submission = {
        "type": "view_submission",
        "team": {"id": TEAM},
        "user": {"id": SAM, "team_id": TEAM},
        "view": {
            "id": "V0STANDUP",
            "type": "modal",
            "callback_id": view["callback_id"],
            "private_metadata": view["private_metadata"],
            "state": {
                "values": {
                    key: {"value": {"type": "plain_text_input", "value": text}}
                    for key, text in values.items()
                }
            },
        },
    }
    assert await slack.interaction(submission) == 200
    channel_posts = await slack.wait_for(lambda: posts(slack, CHANNEL), count=2)
    root, sam_post = channel_posts
    assert root.params.get("thread_ts") is None and "Daily" in root.params["text"]
    assert sam_post.params["thread_ts"]  # in the thread of the day's message
    assert "⚠ Waiting for the DNS change" in str(sam_post.params["blocks"])

    # Hugo answers in DM text, one message per question.
    for number, text in enumerate(("Brief campagne", "Démo", "rien"), start=1):
        message = {
            "type": "message",
            "channel_type": "im",
            "channel": "DHUGO",
            "user": HUGO,
            "text": text,
            "ts": f"1700000000.00000{number}",
        }
        assert await slack.event(message, event_id=f"EvHugo{number}") == 200
        await slack.wait_for(lambda: posts(slack, "DHUGO"), count=number)
    assert len(posts(slack, CHANNEL)) == 3
    hugo_post = posts(slack, CHANNEL)[-1]
    assert hugo_post.params["thread_ts"] == sam_post.params["thread_ts"]
    assert "Brief campagne" in str(hugo_post.params["blocks"])

    # 11:00 London: Nadia is reminded; then the cut-off summary, mentioning her.
    assert await tick(slack, clock, at(11)) == 1
    assert len(posts(slack, NADIA)) == 2
    assert await tick(slack, clock, at(12)) == 1
    summary = posts(slack, CHANNEL)[-1]
    assert summary.params.get("thread_ts") is None
    rendered = str(summary.params["blocks"])
    assert "2 of 3 answered, 1 blocker." in rendered
    assert f"<@{NADIA}>" in rendered  # a real Slack mention
    assert "Sam Okafor: Waiting for the DNS change" in rendered
    assert await tick(slack, clock, at(12, 1)) == 0

    # Hugo's App Home says when he is next asked, in his time and language.
    home = {"type": "app_home_opened", "user": HUGO, "channel": "DHUGO", "tab": "home"}
    assert await slack.event(home, event_id="EvHome") == 200
    (published,) = await slack.wait_for(lambda: slack.api.calls_to("views.publish"))
    fields = str(published.params["view"]["blocks"])
    assert "Votre prochain stand-up" in fields
    assert "« Daily », le 24 nov. 2026 à 09:30" in fields


async def test_a_whole_channel_as_members(slack: SlackBot) -> None:
    slack.api.add_user(
        team_id=TEAM,
        user_id="UGUEST001",
        email="guest@agency.example",
        real_name="Gus Guest",
        tz="UTC",
    )
    await slack.command(
        "setup Everyone; members: #channel",
        user=SAM,
        command="/standup",
        name="all",
        channel=CHANNEL,
    )
    (created,) = await slack.wait_for(lambda: slack.responses("all"))
    text = str(created.params["blocks"])
    assert "Stand-up “Everyone” is set up" in created.params["text"]
    assert "3 members: Hugo Bernard, Nadia Roux and Sam Okafor" in text
    assert "not in the people file (not added)" in text and "Gus Guest" in text
    (listed,) = slack.api.calls_to("conversations.members")
    assert listed.params["channel"] == CHANNEL


async def test_a_stand_up_set_up_in_a_modal_posts_in_the_channel_it_was_asked_in(
    slack: SlackBot, clock: FixedClock
) -> None:
    # Sam types /standup setup in the team's channel: the form opens as a modal, which Slack
    # submits outside any channel; the stand-up still posts where Sam asked for it.
    await slack.command("setup", user=SAM, command="/standup", name="form", channel=CHANNEL)
    (opened,) = await slack.wait_for(lambda: slack.api.calls_to("views.open"))
    view = opened.params["view"]
    assert "channel" not in [b["block_id"] for b in view["blocks"] if b["type"] == "input"]
    values = {"name": "Weekly", "members": "sam.okafor@example.com"}
    submission = {
        "type": "view_submission",
        "team": {"id": TEAM},
        "user": {"id": SAM, "team_id": TEAM},
        "view": {
            "id": "V0SETUP",
            "type": "modal",
            "callback_id": view["callback_id"],
            "private_metadata": view["private_metadata"],
            "state": {
                "values": {
                    key: {"value": {"type": "plain_text_input", "value": text}}
                    for key, text in values.items()
                }
            },
        },
    }
    assert await slack.interaction(submission) == 200
    await slack.wait_for(
        lambda: [c for c in slack.api.calls_to("chat.postMessage") if "is set up" in str(c.params)]
    )
    # 12:00 London: the cut-off summary lands in the channel the command was typed in.
    assert await tick(slack, clock, at(9, 30)) == 1
    assert await tick(slack, clock, at(12)) == 1
    (summary,) = posts(slack, CHANNEL)
    assert "Weekly" in summary.params["text"]

    # From a direct chat, the same form asks where the answers go.
    await slack.command("setup", user=SAM, command="/standup", name="dm", channel="DUSAM00001")
    _, again = await slack.wait_for(lambda: slack.api.calls_to("views.open"), count=2)
    asked = [b["block_id"] for b in again.params["view"]["blocks"] if b["type"] == "input"]
    assert asked[:2] == ["name", "channel"]
