"""Files on Teams end to end: the Bot Framework's file flow in a personal chat.

The message comes first, then a file consent card (name, size). Allow comes back as a
``fileConsent/invoke``: the bot PUTs the bytes to the upload URL Teams gave (the fake
connector stands in for the person's OneDrive) and shows the saved file with a file info
card. Decline gets a short line; a malformed invoke a 400, and nothing is sent.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import pytest

from tandem.adapters.teams.render import FILE_CONSENT, FILE_INFO
from tandem.bot.cards import FileAttachment, Reply
from tandem.bot.dispatcher import ActionContext, ActionSpec
from tandem.bot.port import ChatPort
from tandem.bot.types import TenantKey, User
from tandem.storage.database import Database
from tandem.storage.migrate import upgrade
from tests.conftest import import_fixtures
from tests.teamsfake.connector import FakeConnector, Sent
from tests.test_teams_e2e import SAM, TENANT, TeamsBot, message, serve_teams

SAM_CHAT = "a:1personal-sam"
TENANT_KEY = TenantKey.parse(f"teams:{TENANT}")
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
CONTENT_URL = "https://acme-my.sharepoint.com/personal/sam/Documents/Apps/Tandem/planning-q1.ics"


@pytest.fixture
async def teams_bot(database_url: str) -> AsyncIterator[TeamsBot]:
    database = Database(url=database_url)
    await upgrade(database=database)
    await import_fixtures(database, f"teams:{TENANT}")
    await database.dispose()
    async with FakeConnector() as connector:
        user_id, aad, name, email = SAM
        connector.add_member(user_id=user_id, aad=aad, name=name, email=email)
        async with serve_teams(database_url, connector) as bot:
            # Sam said hello: Tandem may write to his personal chat from now on.
            await bot.post(message(connector, who=SAM, text="hello", conversation=SAM_CHAT))
            yield bot


def attachment(sent: Sent) -> dict[str, Any]:
    (found,) = sent.activity["attachments"]
    return dict(found)


async def send_invite(bot: TeamsBot, *files: FileAttachment) -> None:
    """A ritual's DM to Sam carrying ``files`` (the invite by default)."""
    port: ChatPort | None = bot.runtime.ports.port(tenant=TENANT_KEY)
    assert port is not None
    dm = await port.open_dm(user=User(tenant=TENANT_KEY, platform_user_id=SAM[1]))
    await port.send(
        conversation=dm, reply=Reply(text="Planning Q1 is on Thursday", files=files or (INVITE,))
    )


def consent_answer(
    connector: FakeConnector,
    card: dict[str, Any],
    *,
    action: str = "accept",
    locale: str = "en-US",
    upload_url: str | None = None,
) -> dict[str, Any]:
    """The ``fileConsent/invoke`` Teams sends when Sam presses Allow or Decline on ``card``."""
    context = card["content"]["acceptContext" if action == "accept" else "declineContext"]
    value: dict[str, Any] = {"type": "fileUpload", "action": action, "context": context}
    if action == "accept":
        value["uploadInfo"] = {
            "name": card["name"],
            "uploadUrl": upload_url or connector.upload_url(card["name"]),
            "contentUrl": CONTENT_URL,
            "uniqueId": "1150D938-8870-4044-9F2C-5BBDEBA70C9D",
            "fileType": "ics",
        }
    return invoke(connector, value, locale=locale)


def invoke(connector: FakeConnector, value: object, *, locale: str = "en-US") -> dict[str, Any]:
    activity = message(connector, who=SAM, conversation=SAM_CHAT, locale=locale)
    activity.update(
        type="invoke", name="fileConsent/invoke", value=value, replyToId="consent-card-1"
    )
    return activity


async def test_a_dm_with_an_invite_offers_the_file_after_the_message(teams_bot: TeamsBot) -> None:
    connector = teams_bot.connector
    before = len(connector.posted(SAM_CHAT))
    await send_invite(teams_bot)

    text, consent = connector.posted(SAM_CHAT)[before:]
    assert text.activity["text"] == "Planning Q1 is on Thursday"
    card = attachment(consent)
    assert card["contentType"] == FILE_CONSENT
    assert card["name"] == "planning-q1.ics"
    assert card["content"]["description"] == "Planning Q1 (calendar invite)"
    assert card["content"]["sizeInBytes"] == len(INVITE.content)
    assert connector.uploads == []  # nothing leaves before Sam allows it


async def test_allow_uploads_the_exact_bytes_and_shows_the_file(teams_bot: TeamsBot) -> None:
    connector = teams_bot.connector
    await send_invite(teams_bot)
    card = attachment(connector.posted(SAM_CHAT)[-1])

    response = await teams_bot.http.post(
        "/api/messages", json=consent_answer(connector, card, action="accept")
    )
    assert response.status == 200
    (upload,) = connector.uploads
    size = len(INVITE.content)
    assert upload.name == "planning-q1.ics"
    assert upload.content == INVITE.content
    assert upload.headers["Content-Range"] == f"bytes 0-{size - 1}/{size}"
    assert upload.headers["Content-Length"] == str(size)
    shown = attachment(connector.posted(SAM_CHAT)[-1])
    assert shown["contentType"] == FILE_INFO
    assert shown["name"] == "planning-q1.ics"
    assert shown["contentUrl"] == CONTENT_URL
    assert shown["content"] == {
        "uniqueId": "1150D938-8870-4044-9F2C-5BBDEBA70C9D",
        "fileType": "ics",
    }


async def test_decline_says_the_file_was_not_saved(teams_bot: TeamsBot) -> None:
    connector = teams_bot.connector
    await send_invite(teams_bot)
    card = attachment(connector.posted(SAM_CHAT)[-1])

    answer = consent_answer(connector, card, action="decline", locale="fr-FR")
    response = await teams_bot.http.post("/api/messages", json=answer)
    assert response.status == 200
    assert connector.uploads == []
    said = connector.posted(SAM_CHAT)[-1].activity["text"]
    assert said == "D'accord, planning-q1.ics n'a pas été enregistré."


async def test_a_failed_upload_is_said_plainly(teams_bot: TeamsBot) -> None:
    connector = teams_bot.connector
    await send_invite(teams_bot)
    card = attachment(connector.posted(SAM_CHAT)[-1])
    gone = connector.service_url + "expired-upload-session"  # the fake answers 404 there

    answer = consent_answer(connector, card, upload_url=gone)
    assert (await teams_bot.http.post("/api/messages", json=answer)).status == 200
    said = connector.posted(SAM_CHAT)[-1].activity["text"]
    assert said.startswith("Sorry, I couldn't save planning-q1.ics in your OneDrive")


@pytest.mark.parametrize(
    "value",
    [
        None,
        "accept",
        {"type": "fileUpload", "action": "accept", "context": {"name": "x.ics"}},
        {"type": "fileUpload", "action": "maybe", "context": {"name": "x.ics"}},
        {"type": "fileDownload", "action": "decline", "context": {"name": "x.ics"}},
        {
            "type": "fileUpload",
            "action": "accept",
            "context": {"name": "x.ics", "content": "not base64!"},
            "uploadInfo": {
                "uploadUrl": "http://127.0.0.1:9/upload",
                "contentUrl": "https://x",
                "uniqueId": "1",
                "fileType": "ics",
            },
        },
    ],
    ids=["none", "text", "no-upload-info", "unknown-action", "not-an-upload", "bad-content"],
)
async def test_a_malformed_consent_answer_gets_400_and_sends_nothing(
    teams_bot: TeamsBot, value: object
) -> None:
    connector = teams_bot.connector
    before = len(connector.calls)
    response = await teams_bot.http.post("/api/messages", json=invoke(connector, value))
    assert response.status == 400
    assert connector.calls[before:] == [] and connector.uploads == []


async def test_a_file_too_big_for_a_consent_card_is_left_out(teams_bot: TeamsBot) -> None:
    connector = teams_bot.connector
    before = len(connector.posted(SAM_CHAT))
    big = FileAttachment(name="big.ics", mime="text/calendar", content=b"x" * 200_000)
    await send_invite(teams_bot, big, INVITE)
    text, consent = connector.posted(SAM_CHAT)[before:]  # the message, and the small file
    assert text.activity["text"] == "Planning Q1 is on Thursday"
    assert attachment(consent)["name"] == "planning-q1.ics"


async def test_an_answer_in_turn_offers_its_file(teams_bot: TeamsBot) -> None:
    async def give(ctx: ActionContext) -> Reply:
        return Reply(text="Here is your invite", files=(INVITE,))

    teams_bot.runtime.dispatcher.add_action(ActionSpec(prefix="files.", handler=give))
    connector = teams_bot.connector
    before = len(connector.posted(SAM_CHAT))
    value = {"action_id": "files.invite", "value": ""}
    await teams_bot.post(message(connector, who=SAM, value=value, conversation=SAM_CHAT))
    text, consent = connector.posted(SAM_CHAT)[before:]
    assert text.activity["text"] == "Here is your invite"
    assert attachment(consent)["contentType"] == FILE_CONSENT
    assert attachment(consent)["content"]["sizeInBytes"] == len(INVITE.content)
