"""Slack answers 5xx to Tandem's reply to a command or a click: the reply is tried again
with backoff and arrives once, on the Web API (``chat.postMessage``) as on the request's
response URL; a response URL that keeps failing gets the answer as a private message."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator

import pytest

from tests.test_slack_e2e import SAM, SlackBot, one_workspace

HELP = "What you can ask Tandem"


@pytest.fixture
async def slack(database_url: str) -> AsyncIterator[SlackBot]:
    async with one_workspace(database_url) as bot:
        yield bot


async def test_a_reply_posted_with_chat_post_message_is_retried_after_500s(
    slack: SlackBot,
) -> None:
    slack.api.fail_next("chat.postMessage", status=500, error="internal_error", times=2)
    event = {
        "type": "message",
        "channel_type": "im",
        "text": "help",
        "user": SAM,
        "ts": "1.2",
        "channel": "D1",
    }
    assert await slack.event(event, event_id="Ev500") == 200
    calls = await slack.wait_for(lambda: slack.api.calls_to("chat.postMessage"), count=3)
    assert [c.failed for c in calls] == [True, True, False]
    (arrived,) = slack.api.history("D1")
    assert HELP in str(arrived["text"])


async def test_a_reply_on_the_response_url_is_retried_after_500s(slack: SlackBot) -> None:
    slack.api.fail_next("response_url", status=500, error="internal error", times=2)
    assert await slack.command("", command="/tandem", user=SAM) == 200
    calls = await slack.wait_for(slack.responses, count=3)
    assert [c.failed for c in calls] == [True, True, False]
    assert HELP in calls[-1].params["text"]
    await asyncio.sleep(0.3)
    assert slack.api.calls_to("chat.postEphemeral") == []  # arrived once


async def test_a_response_url_that_keeps_failing_gets_the_answer_privately(
    slack: SlackBot,
) -> None:
    slack.api.fail_next("response_url", status=503, error="unavailable", times=100)
    assert await slack.command("", command="/tandem", user=SAM) == 200
    (private,) = await slack.wait_for(lambda: slack.api.calls_to("chat.postEphemeral"))
    assert private.params["user"] == SAM
    assert HELP in private.params["text"]
    assert all(c.failed for c in slack.responses())
    assert len(slack.responses()) > 1  # tried again before giving up on it
    assert "Traceback" not in json.dumps(private.params)
