"""Files on Slack end to end: a calendar invite lands in the DM, after its message.

The real slack_sdk uploads it (``files_upload_v2``: an upload URL, the bytes POSTed
there, then ``files.completeUploadExternal`` sharing it in the DM); the fake Web API
keeps the bytes so the test reads the file as the person would.
"""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from tandem.bot.cards import FileAttachment, Reply
from tandem.bot.dispatcher import ActionContext, ActionSpec
from tandem.bot.port import ChatPort
from tandem.bot.types import TenantKey, User
from tests.slackfake.api import Call
from tests.test_blocker_slack import posts
from tests.test_guardrail_slack import submission
from tests.test_slack_e2e import SAM, TEAM, SlackBot, one_workspace

INVITE = FileAttachment(
    name="planning-q1.ics",
    mime="text/calendar",
    content=(
        b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Tandem//EN\r\nBEGIN:VEVENT\r\n"
        b"UID:planning-1@tandem\r\nDTSTART:20261126T140000Z\r\nSUMMARY:Planning Q1 \xe2\x80\x94 "
        b"IT\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    ),
    title="Planning Q1 (calendar invite)",
)
TENANT = TenantKey.parse(f"slack:{TEAM}")
SAM_DM = f"D{SAM}"


@pytest.fixture
async def slack(database_url: str) -> AsyncIterator[SlackBot]:
    async with one_workspace(database_url) as bot:
        yield bot


def port_of(slack: SlackBot) -> ChatPort:
    assert slack.runtime is not None
    port = slack.runtime.ports.port(tenant=TENANT)
    assert port is not None
    return port


def index_of(slack: SlackBot, call: Call) -> int:
    return next(n for n, c in enumerate(slack.api.calls) if c is call)


async def test_a_dm_with_an_invite_gets_the_message_then_the_file(slack: SlackBot) -> None:
    port = port_of(slack)
    dm = await port.open_dm(user=User(tenant=TENANT, platform_user_id=SAM))
    sent = await port.send(
        conversation=dm, reply=Reply(text="Planning Q1 is on Thursday", files=(INVITE,))
    )

    (message,) = posts(slack, SAM)
    assert message.params["text"] == "Planning Q1 is on Thursday"
    (shared,) = slack.api.files_in(SAM_DM)  # the DM the message landed in
    assert shared.name == "planning-q1.ics"
    assert shared.title == "Planning Q1 (calendar invite)"
    assert shared.content == INVITE.content
    (asked,) = slack.api.calls_to("files.getUploadURLExternal")
    assert int(asked.params["length"]) == len(INVITE.content)
    (completed,) = slack.api.calls_to("files.completeUploadExternal")
    assert index_of(slack, message) < index_of(slack, completed)  # the message first
    assert "initial_comment" not in completed.params  # the message says it all

    await port.update(message=sent, reply=Reply(text="Planning Q1 moved", files=(INVITE,)))
    assert len(slack.api.calls_to("chat.update")) == 1
    assert len(slack.api.files_in(SAM_DM)) == 1  # an update sends no file again


async def test_two_files_arrive_in_order_and_one_without_title_is_named(slack: SlackBot) -> None:
    port = port_of(slack)
    agenda = FileAttachment(name="agenda.txt", mime="text/plain", content=b"1. Launch\n")
    dm = await port.open_dm(user=User(tenant=TENANT, platform_user_id=SAM))
    await port.send(conversation=dm, reply=Reply(text="Two files", files=(INVITE, agenda)))
    shared = slack.api.files_in(SAM_DM)
    assert [(f.name, f.title, f.content) for f in shared] == [
        (INVITE.name, INVITE.title, INVITE.content),
        ("agenda.txt", "agenda.txt", b"1. Launch\n"),
    ]


async def test_a_refused_upload_leaves_the_message_delivered(slack: SlackBot) -> None:
    slack.api.fail_next("files.getUploadURLExternal", status=200, error="missing_scope")
    port = port_of(slack)
    dm = await port.open_dm(user=User(tenant=TENANT, platform_user_id=SAM))
    sent = await port.send(conversation=dm, reply=Reply(text="Planning", files=(INVITE,)))
    assert sent.conversation.id == SAM_DM and sent.id
    assert len(posts(slack, SAM)) == 1
    assert slack.api.files_in(SAM_DM) == []


async def test_an_answer_in_turn_brings_its_file_to_the_dm(slack: SlackBot) -> None:
    async def invite(ctx: ActionContext) -> Reply:
        return Reply(text="Here is your invite", files=(INVITE,))

    assert slack.runtime is not None
    slack.runtime.dispatcher.add_action(ActionSpec(prefix="files.", handler=invite))
    view = {"callback_id": "files.invite", "private_metadata": ""}
    assert await slack.interaction(submission(SAM, view, {})) == 200

    (message,) = await slack.wait_for(lambda: posts(slack, SAM_DM))
    assert message.params["text"] == "Here is your invite"
    await slack.wait_for(lambda: slack.api.calls_to("files.completeUploadExternal"))
    (shared,) = slack.api.files_in(SAM_DM)
    assert (shared.name, shared.content) == (INVITE.name, INVITE.content)
