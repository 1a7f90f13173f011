"""Guardrails on Slack end to end: signed requests in, the fake Web API out.

Sam asks whether he may export leads from the CRM; the answer needs an approval, so it
opens as a modal with the request form (the command's trigger allows it). Nadia
(Accountable for customer data) approves from her DM card, Sam is told, and both cards
are updated in place (``chat.update``).
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


@pytest.fixture
async def slack(database_url: str, clock: FixedClock) -> AsyncIterator[SlackBot]:
    async with one_workspace(database_url, clock=clock) as bot:
        yield bot


def submission(user: str, view: dict[str, Any], values: dict[str, str]) -> dict[str, Any]:
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


def text_of(call: Call) -> str:
    return f"{call.params.get('text', '')} {call.params.get('blocks', '')}"


async def test_an_approval_on_slack_from_question_to_updated_cards(slack: SlackBot) -> None:
    await slack.command(EXPORT, user=SAM, command="/guardrail")
    (opened,) = await slack.wait_for(lambda: slack.api.calls_to("views.open"))
    view = opened.params["view"]
    assert view["title"]["text"] == "📝 Needs a quick approval"
    assert "Exporting customer data from the CRM" in str(view["blocks"])
    assert "Nadia Roux (Accountable)" in str(view["blocks"])
    labels = [b["label"]["text"] for b in view["blocks"] if b["type"] == "input"]
    assert labels == ["What you want to do", "Why", "For how long"]
    filled = {"what": "Export 300 webinar leads", "why": "Follow-up calls", "how_long": "2 weeks"}
    assert await slack.interaction(submission(SAM, view, filled)) == 200

    (card,) = await slack.wait_for(lambda: posts(slack, NADIA))
    assert "Sam Okafor demande votre validation" in text_of(card)
    assert "Export 300 webinar leads" in text_of(card)
    assert list(buttons(card)) == ["Valider", "Refuser", "Poser une question"]
    (mine,) = await slack.wait_for(lambda: posts(slack, SAM))
    assert list(buttons(mine)) == ["Withdraw"]

    assert await slack.interaction(click(NADIA, buttons(card)["Valider"])) == 200
    told = await slack.wait_for(lambda: posts(slack, SAM), count=2)
    assert "Nadia Roux approved your request #1" in told[-1].params["text"]
    updates = await slack.wait_for(lambda: slack.api.calls_to("chat.update"), count=2)
    assert {u.params["channel"] for u in updates} == {f"D{NADIA}", f"D{SAM}"}  # their DMs
    for update in updates:
        assert not buttons(update)  # decided: nothing left to click
    assert any("validée par Nadia Roux" in text_of(u) for u in updates)
    assert any("approved by Nadia Roux" in text_of(u) for u in updates)


async def test_a_denial_on_slack_asks_the_reason_in_a_modal(slack: SlackBot) -> None:
    await slack.command(EXPORT, user=SAM, command="/guardrail")
    (opened,) = await slack.wait_for(lambda: slack.api.calls_to("views.open"))
    filled = {"what": "Export leads", "why": "Calls", "how_long": ""}
    assert await slack.interaction(submission(SAM, opened.params["view"], filled)) == 200
    (card,) = await slack.wait_for(lambda: posts(slack, NADIA))
    assert await slack.interaction(click(NADIA, buttons(card)["Refuser"], trigger="t2")) == 200
    both = await slack.wait_for(lambda: slack.api.calls_to("views.open"), count=2)
    reason = {"reason": "Use the aggregated dashboard instead"}
    assert await slack.interaction(submission(NADIA, both[-1].params["view"], reason)) == 200
    told = await slack.wait_for(lambda: posts(slack, SAM), count=2)
    assert "denied your request #1" in told[-1].params["text"]
    assert "Use the aggregated dashboard instead" in told[-1].params["text"]


async def test_tool_and_uncovered_questions_on_slack(slack: SlackBot) -> None:
    await slack.command("can we use Mailchimp?", user=SAM, command="/guardrail")
    (banned,) = await slack.wait_for(lambda: slack.responses())
    assert "Not allowed" in text_of(banned) and "Retired in favour of HubSpot" in text_of(banned)
    await slack.command(
        "can I bring my dog to the office on Friday?", user=SAM, command="/guardrail"
    )
    both = await slack.wait_for(lambda: slack.responses(), count=2)
    assert "I won't guess" in text_of(both[-1])
