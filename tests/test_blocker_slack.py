"""Blockers on Slack end to end: signed requests in, the fake Web API out, a moving clock.

Sam (London) raises a DNS blocker; Ana (Lisbon), Responsible for domain names,
acknowledges it with the card's button and resolves it in a modal. Hugo's blocker is
ignored and climbs to Nadia (Accountable) after four of Ana's working hours.
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

ANA = "UANA00001"
DANIEL = "UDANIEL01"


def at(hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 11, 23, hour, minute, tzinfo=UTC)


@pytest.fixture
async def slack(database_url: str, clock: FixedClock) -> AsyncIterator[SlackBot]:
    clock.set(at=at(9, 30))
    async with one_workspace(database_url, clock=clock) as bot:
        bot.api.add_user(
            team_id=TEAM,
            user_id=ANA,
            email="ana.silva@example.com",
            real_name="Ana Silva",
            tz="Europe/Lisbon",
        )
        bot.api.add_user(
            team_id=TEAM,
            user_id=DANIEL,
            email="daniel.weber@example.com",
            real_name="Daniel Weber",
            tz="Europe/Berlin",
        )
        yield bot


def posts(slack: SlackBot, channel: str) -> list[Call]:
    return [c for c in slack.api.calls_to("chat.postMessage") if c.params["channel"] == channel]


def buttons(call: Call) -> dict[str, dict[str, Any]]:
    return {
        e["text"]["text"]: e
        for b in call.params.get("blocks") or []
        if b["type"] == "actions"
        for e in b["elements"]
    }


def click(user: str, button: dict[str, Any], *, trigger: str | None = None) -> dict[str, Any]:
    payload: dict[str, Any] = {
        "type": "block_actions",
        "team": {"id": TEAM},
        "user": {"id": user, "team_id": TEAM},
        "container": {"type": "message", "channel_id": f"D{user}", "message_ts": "1.1"},
        "channel": {"id": f"D{user}"},
        "actions": [{"action_id": button["action_id"], "value": button["value"], "type": "button"}],
    }
    if trigger:
        payload["trigger_id"] = trigger
    return payload


async def test_a_blocker_on_slack_from_raise_to_resolution(slack: SlackBot) -> None:
    await slack.command(
        "waiting for the DNS record of the spring subdomain", user=SAM, command="/blocker"
    )
    (raised,) = await slack.wait_for(lambda: slack.responses())
    assert "Blocker #1 is recorded. Ana Silva has it" in raised.params["text"]
    assert raised.params["response_type"] == "ephemeral"

    # Ana is found by email and gets the card in her DM, with its four buttons.
    (card,) = await slack.wait_for(lambda: posts(slack, ANA))
    assert "Sam Okafor is blocked. You are Responsible for Domain names and DNS" in str(
        card.params["blocks"]
    )
    assert list(buttons(card)) == ["Acknowledge", "Resolve", "Reassign", "Not mine"]
    (looked_up,) = slack.api.calls_to("users.lookupByEmail")
    assert looked_up.params["email"] == "ana.silva@example.com"

    assert await slack.interaction(click(ANA, buttons(card)["Acknowledge"])) == 200
    (told,) = await slack.wait_for(lambda: posts(slack, SAM))
    assert "Ana Silva acknowledged your blocker #1" in told.params["text"]

    # Resolve opens a modal; its submission resolves the blocker and tells Sam.
    trigger = "4242.1.resolve"
    assert await slack.interaction(click(ANA, buttons(card)["Resolve"], trigger=trigger)) == 200
    (opened,) = await slack.wait_for(lambda: slack.api.calls_to("views.open"))
    view = opened.params["view"]
    assert opened.params["trigger_id"] == trigger
    assert [b["label"]["text"] for b in view["blocks"] if b["type"] == "input"] == [
        "What resolved it? (the reporter reads this)"
    ]
    submission = {
        "type": "view_submission",
        "team": {"id": TEAM},
        "user": {"id": ANA, "team_id": TEAM},
        "view": {
            "id": "V0RESOLVE",
            "type": "modal",
            "callback_id": view["callback_id"],
            "private_metadata": view["private_metadata"],
            "state": {
                "values": {"note": {"value": {"type": "plain_text_input", "value": "Record added"}}}
            },
        },
    }
    assert await slack.interaction(submission) == 200
    both = await slack.wait_for(lambda: posts(slack, SAM), count=2)
    assert "was resolved by Ana Silva: Record added" in both[-1].params["text"]

    # A click on the old card now says so, and changes nothing.
    assert await slack.interaction(click(ANA, buttons(card)["Acknowledge"])) == 200
    assert len(posts(slack, SAM)) == 2


async def test_a_channel_picked_from_slacks_menu_names_the_blockers_topic(slack: SlackBot) -> None:
    await slack.command(
        "waiting for the supplier <#C0DNS0001|domain-names>", user=SAM, command="/blocker"
    )
    (raised,) = await slack.wait_for(lambda: slack.responses())
    assert "Blocker #1 is recorded. Ana Silva has it" in raised.params["text"]
    (card,) = await slack.wait_for(lambda: posts(slack, ANA))
    assert "You are Responsible for Domain names and DNS" in str(card.params["blocks"])
    assert "waiting for the supplier" in str(card.params["blocks"])
    assert "C0DNS0001" not in str(card.params["blocks"])  # the topic, not part of the text


async def test_an_ignored_blocker_climbs_to_the_accountable_on_slack(
    slack: SlackBot, clock: FixedClock
) -> None:
    runtime: Runtime | None = slack.runtime
    assert runtime is not None
    await slack.command("le DNS du sous-domaine printemps ne répond pas", command="/blocker")
    (raised,) = await slack.wait_for(lambda: slack.responses())
    assert "Blocage n°1 enregistré. Ana Silva s'en occupe" in raised.params["text"]

    clock.set(at=at(13, 29))  # 4 of Ana's working hours end at 13:30 Lisbon (UTC)
    assert (await runtime.blocker_engine.run_due()).sent == 0
    clock.set(at=at(13, 30))
    assert (await runtime.blocker_engine.run_due()).sent == 1
    (to_nadia,) = posts(slack, NADIA)
    assert "attend depuis 4 heures ouvrées sans prise en charge par Ana Silva" in str(
        to_nadia.params["blocks"]
    )
    assert list(buttons(to_nadia)) == ["Prendre en charge", "Résoudre", "Réattribuer"]
    (told,) = posts(slack, HUGO)
    assert "il est remonté vers Nadia Roux" in told.params["text"]
    clock.set(at=at(13, 31))
    assert (await runtime.blocker_engine.run_due()).sent == 0

    # Daniel (a PM) asks for the digest now.
    await slack.command("digest", user=DANIEL, command="/blocker", name="digest")
    (digest,) = await slack.wait_for(lambda: slack.responses("digest"))
    assert "Blocker digest: 1 open, 0 resolved since the last one" in digest.params["text"]
