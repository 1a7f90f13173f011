"""Guardrails on Slack end to end: signed requests in, the fake Web API out.

Sam (London) asks whether he may export leads from the CRM: that needs an approval.
The answer's request form opens as a modal; Nadia (Paris, French, Accountable for
customer data) gets the request in her DM with Valider / Refuser / Poser une question,
Sam gets his copy with Withdraw. A decision tells Sam and updates both cards in place
(``chat.update`` on the messages posted before).
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import pytest

from tandem.bot.clock import FixedClock
from tests.slackfake.api import Call
from tests.test_blocker_slack import buttons, click, posts
from tests.test_slack_e2e import NADIA, SAM, TEAM, SlackBot, one_workspace

EXPORT = "can I export the leads from the CRM to a spreadsheet?"
CHANNEL = "C0LAN2Q65"  # where Sam types the command (SlackBot.command's default)
STAMPED = {"chat.postMessage", "chat.postEphemeral", "views.open", "views.publish", "views.update"}


@pytest.fixture
async def slack(database_url: str, clock: FixedClock) -> AsyncIterator[SlackBot]:
    async with one_workspace(database_url, clock=clock) as bot:
        yield bot


def submission(user: str, view: dict[str, Any], values: dict[str, str]) -> dict[str, Any]:
    """A ``view_submission`` of ``view`` with ``values`` typed in its inputs (by block id)."""
    return {
        "type": "view_submission",
        "team": {"id": TEAM},
        "user": {"id": user, "team_id": TEAM},
        "view": {
            "id": "V0FORM",
            "type": "modal",
            "callback_id": view["callback_id"],
            "private_metadata": view["private_metadata"],
            "state": {
                "values": {
                    key: {"value": {"type": "plain_text_input", "value": value}}
                    for key, value in values.items()
                }
            },
        },
    }


def click_ephemeral(
    slack: SlackBot, user: str, button: dict[str, Any], *, trigger: str
) -> dict[str, Any]:
    """A click on a button of an ephemeral answer in the channel, as Slack sends it."""
    payload = click(user, button, trigger=trigger)
    payload["container"] = {
        "type": "message",
        "channel_id": CHANNEL,
        "message_ts": "1700000000.000001",
        "is_ephemeral": True,
    }
    payload["channel"] = {"id": CHANNEL}
    payload["response_url"] = slack.api.response_url("clicked")
    return payload


def text_of(call: Call) -> str:
    """What a message shows: its fallback text and its blocks."""
    return f"{call.params.get('text', '')} {call.params.get('blocks', '')}"


def inputs_of(view: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {b["block_id"]: b for b in view["blocks"] if b["type"] == "input"}


def opened(slack: SlackBot) -> list[Call]:
    return [c for c in slack.api.calls_to("views.open") if not c.failed]


def ts_of(slack: SlackBot, message: Call) -> str:
    """The ``ts`` the fake gave ``message``: it stamps what it stores from 100 on, in order."""
    stamped = (c for c in slack.api.calls if c.method in STAMPED and not c.failed)
    for number, call in enumerate(stamped, start=100):
        if call is message:
            return f"1700000000.{number:06d}"
    raise AssertionError(f"{message.method} was not stamped")


async def request_export(slack: SlackBot, filled: dict[str, str]) -> Call:
    """Sam asks, fills the modal and sends it; the card Nadia gets."""
    await slack.command(EXPORT, user=SAM, command="/guardrail")
    (form,) = await slack.wait_for(lambda: opened(slack))
    assert await slack.interaction(submission(SAM, form.params["view"], filled)) == 200
    (card,) = await slack.wait_for(lambda: posts(slack, NADIA))
    return card


async def test_an_answer_needing_an_approval_opens_with_its_request_form(
    slack: SlackBot,
) -> None:
    await slack.command(EXPORT, user=SAM, command="/guardrail")
    (form,) = await slack.wait_for(lambda: opened(slack))
    assert form.params["trigger_id"]  # the command's own trigger
    view = form.params["view"]
    # 25 UTF-16 units, one more than Slack takes in a modal title: cut after a whole word
    assert view["title"]["text"] == "📝 Needs a quick…"
    assert view["submit"]["text"] == "Send the request"
    assert "Exporting customer data from the CRM" in str(view["blocks"])
    assert "Nadia Roux (Accountable)" in str(view["blocks"])
    inputs = inputs_of(view)
    assert [i["label"]["text"] for i in inputs.values()] == [
        "What you want to do",
        "Why",
        "For how long",
    ]
    assert inputs["what"]["element"]["initial_value"] == EXPORT  # his words, to edit
    assert inputs["how_long"]["optional"] is True
    assert slack.responses() == []  # the modal is the answer
    assert slack.api.calls_to("chat.postMessage") == []  # nothing sent before Sam submits


async def test_an_approval_on_slack_from_question_to_updated_cards(slack: SlackBot) -> None:
    # The command's trigger has expired (Slack gives 3 s): the answer comes back in the
    # channel, only for Sam, with its "Request approval" button.
    slack.api.fail_next("views.open", status=200, error="expired_trigger_id")
    await slack.command(EXPORT, user=SAM, command="/guardrail")
    (answer,) = await slack.wait_for(slack.responses)
    assert answer.params["response_type"] == "ephemeral"
    assert "📝 Needs a quick approval" in answer.params["text"]
    assert "Exports of contacts with personal data need approval" in text_of(answer)
    assert list(buttons(answer)) == ["Request approval", "Share in channel"]

    trigger = "4242.1.request"
    request = click_ephemeral(slack, SAM, buttons(answer)["Request approval"], trigger=trigger)
    assert await slack.interaction(request) == 200
    (form,) = await slack.wait_for(lambda: opened(slack))
    assert form.params["trigger_id"] == trigger
    view = form.params["view"]
    assert view["title"]["text"] == "Request an approval"
    assert list(inputs_of(view)) == ["what", "why", "how_long"]
    filled = {"what": "Export 300 webinar leads", "why": "Follow-up calls", "how_long": "2 weeks"}
    assert await slack.interaction(submission(SAM, view, filled)) == 200

    (sent,) = await slack.wait_for(lambda: posts(slack, f"D{SAM}"))
    assert "Request #1 sent to Nadia Roux" in sent.params["text"]
    (card,) = await slack.wait_for(lambda: posts(slack, NADIA))
    assert "Sam Okafor demande votre validation" in text_of(card)
    assert "Export 300 webinar leads" in text_of(card) and "Follow-up calls" in text_of(card)
    assert list(buttons(card)) == ["Valider", "Refuser", "Poser une question"]
    (mine,) = await slack.wait_for(lambda: posts(slack, SAM))
    assert list(buttons(mine)) == ["Withdraw"]
    assert "waiting for Nadia Roux" in text_of(mine)
    assert slack.api.calls_to("chat.update") == []

    assert await slack.interaction(click(NADIA, buttons(card)["Valider"])) == 200
    (done,) = await slack.wait_for(lambda: posts(slack, f"D{NADIA}"))
    assert "Demande n°1 validée" in done.params["text"]
    told = await slack.wait_for(lambda: posts(slack, SAM), count=2)
    assert "✅ Nadia Roux approved your request #1" in told[-1].params["text"]

    updates = await slack.wait_for(lambda: slack.api.calls_to("chat.update"), count=2)
    by_channel = {u.params["channel"]: u for u in updates}
    assert len(updates) == 2 and set(by_channel) == {f"D{NADIA}", f"D{SAM}"}
    assert by_channel[f"D{NADIA}"].params["ts"] == ts_of(slack, card)  # the cards sent before
    assert by_channel[f"D{SAM}"].params["ts"] == ts_of(slack, mine)
    for update in updates:
        assert not buttons(update)  # decided: nothing left to click
    assert "validée par Nadia Roux" in text_of(by_channel[f"D{NADIA}"])
    assert "approved by Nadia Roux" in text_of(by_channel[f"D{SAM}"])

    # A second click on Nadia's old card says so and tells Sam nothing more.
    assert await slack.interaction(click(NADIA, buttons(card)["Valider"])) == 200
    again = await slack.wait_for(lambda: posts(slack, f"D{NADIA}"), count=2)
    assert "La demande n°1 n'attend plus : validée par Nadia Roux" in again[-1].params["text"]
    assert len(posts(slack, SAM)) == 2 and len(slack.api.calls_to("chat.update")) == 2


async def test_a_denial_on_slack_asks_the_reason_in_a_modal(slack: SlackBot) -> None:
    card = await request_export(slack, {"what": "Export leads", "why": "Calls", "how_long": ""})
    deny = click(NADIA, buttons(card)["Refuser"], trigger="4242.2.deny")
    assert await slack.interaction(deny) == 200
    forms = await slack.wait_for(lambda: opened(slack), count=2)
    assert forms[-1].params["trigger_id"] == "4242.2.deny"
    view = forms[-1].params["view"]
    assert view["title"]["text"] == "Refuser la demande n°1"
    assert [i["label"]["text"] for i in inputs_of(view).values()] == [
        "Pourquoi c'est refusé, et quoi faire à la place"
    ]
    assert len(posts(slack, SAM)) == 1  # his card only: nothing is decided yet

    reason = {"reason": "Use the aggregated dashboard instead"}
    assert await slack.interaction(submission(NADIA, view, reason)) == 200
    (done,) = await slack.wait_for(lambda: posts(slack, f"D{NADIA}"))
    assert "Demande n°1 refusée" in done.params["text"]
    told = await slack.wait_for(lambda: posts(slack, SAM), count=2)
    assert "⛔ Nadia Roux denied your request #1" in told[-1].params["text"]
    assert "Use the aggregated dashboard instead" in told[-1].params["text"]
    updates = await slack.wait_for(lambda: slack.api.calls_to("chat.update"), count=2)
    (sams,) = [u for u in updates if u.params["channel"] == f"D{SAM}"]
    assert "denied by Nadia Roux" in text_of(sams)
    assert "Use the aggregated dashboard instead" in text_of(sams)
    assert not buttons(sams)


async def test_a_tool_question_on_slack_is_answered_from_the_catalogue(slack: SlackBot) -> None:
    await slack.command("can we use Mailchimp?", user=SAM, command="/guardrail")
    (banned,) = await slack.wait_for(slack.responses)
    assert banned.params["response_type"] == "ephemeral"
    assert "⛔ Not allowed — Mailchimp" in banned.params["text"]
    assert "Retired in favour of HubSpot" in text_of(banned)
    assert slack.api.calls_to("views.open") == []  # nothing to request


async def test_an_uncovered_question_on_slack_is_not_guessed(slack: SlackBot) -> None:
    await slack.command(
        "can I bring my dog to the office on Friday?", user=SAM, command="/guardrail"
    )
    (answer,) = await slack.wait_for(slack.responses)
    assert "No rule covers this yet" in answer.params["text"]
    assert "I won't guess" in answer.params["text"]
    assert "recorded your question for IT" in answer.params["text"]
    assert "Allowed" not in answer.params["text"]
