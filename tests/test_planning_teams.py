"""/planning on Teams end to end: activities in, the fake connector out.

Sam (London) schedules from his personal chat. Priya (IT, London) and Thomas (IT, Paris,
French) have talked to Tandem before, so it can write to them: each gets the invitation
as an Adaptive Card, then a file consent card for the calendar file; Allow uploads it to
their OneDrive. Answers update the card in place (the connector's PUT) and tell Sam.
Teams lets no bot add people to a channel: a session scheduled from one says so.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime
from typing import Any

import pytest
from icalendar import Calendar

from tandem.adapters.teams.render import FILE_CONSENT, FILE_INFO
from tandem.bot.clock import FixedClock
from tandem.storage.database import Database
from tandem.storage.migrate import upgrade
from tests.conftest import import_fixtures
from tests.teamsfake.connector import FakeConnector, Sent
from tests.test_blocker_teams import actions
from tests.test_guardrail_teams import id_of, texts
from tests.test_teams_e2e import SAM, TENANT, TeamsBot, card_of, message, serve_teams

Who = tuple[str, str, str, str]
PRIYA: Who = ("29:1priya", "aad-priya-0001", "Priya Nair", "priya.nair@example.com")
THOMAS: Who = ("29:1thomas", "aad-thomas-0001", "Thomas Girard", "thomas.girard@example.com")
SAM_CHAT = "a:1personal-sam"
PRIYA_CHAT = "a:1personal-priya"
THOMAS_CHAT = "a:1personal-thomas"
CHANNEL = "19:marketing-planning@thread.tacv2"
TEAM = "19:marketing@thread.tacv2"
Q1 = (
    '/planning new "Q1 campaign planning" 2027-01-12 14:00 60min '
    "topics: landing-pages, tracking-consent"
)
FILE = "q1-campaign-planning.ics"


@pytest.fixture
async def teams_bot(database_url: str, clock: FixedClock) -> AsyncIterator[TeamsBot]:
    clock.set(at=datetime(2026, 11, 23, 9, 30, tzinfo=UTC))  # a Monday
    database = Database(url=database_url)
    await upgrade(database=database)
    await import_fixtures(database, f"teams:{TENANT}")
    await database.dispose()
    async with FakeConnector() as connector:
        for user_id, aad, name, email in (SAM, PRIYA, THOMAS):
            connector.add_member(user_id=user_id, aad=aad, name=name, email=email)
        async with serve_teams(database_url, connector, clock=clock) as bot:
            # Priya and Thomas said hello once: Tandem may write to them from now on.
            await bot.post(message(connector, who=PRIYA, text="hello", conversation=PRIYA_CHAT))
            await bot.post(
                message(
                    connector, who=THOMAS, text="bonjour", conversation=THOMAS_CHAT, locale="fr-FR"
                )
            )
            yield bot


def new_in(connector: FakeConnector, conversation: str, before: int) -> list[Sent]:
    return connector.posted(conversation)[before:]


def attachment(sent: Sent) -> dict[str, Any]:
    (found,) = sent.activity["attachments"]
    return dict(found)


async def schedule(bot: TeamsBot) -> dict[str, list[Sent]]:
    """Sam schedules Q1 from his chat; what then arrived in Priya's and Thomas's chats."""
    connector = bot.connector
    before = {chat: len(connector.posted(chat)) for chat in (PRIYA_CHAT, THOMAS_CHAT)}
    await bot.post(message(connector, who=SAM, text=Q1, conversation=SAM_CHAT))
    return {chat: new_in(connector, chat, count) for chat, count in before.items()}


def allow(
    connector: FakeConnector, who: Who, conversation: str, consent: dict[str, Any]
) -> dict[str, Any]:
    """The ``fileConsent/invoke`` Teams sends when ``who`` presses Allow on ``consent``."""
    activity = message(connector, who=who, conversation=conversation)
    activity.update(
        type="invoke",
        name="fileConsent/invoke",
        replyToId="consent-card-1",
        value={
            "type": "fileUpload",
            "action": "accept",
            "context": consent["content"]["acceptContext"],
            "uploadInfo": {
                "name": consent["name"],
                "uploadUrl": connector.upload_url(consent["name"]),
                "contentUrl": f"https://acme-my.sharepoint.com/personal/{who[1]}/{FILE}",
                "uniqueId": f"onedrive-{who[1]}",
                "fileType": "ics",
            },
        },
    )
    return activity


def execute(
    connector: FakeConnector, who: Who, conversation: str, data: dict[str, Any]
) -> dict[str, Any]:
    """The ``adaptiveCard/action`` invoke of a press on a card's button."""
    activity = message(connector, who=who, conversation=conversation)
    activity.update(
        type="invoke",
        name="adaptiveCard/action",
        value={
            "action": {"type": "Action.Execute", "verb": "answer", "data": data},
            "trigger": "manual",
        },
    )
    return activity


async def test_invitations_on_teams_come_with_a_calendar_file_to_allow(
    teams_bot: TeamsBot,
) -> None:
    connector = teams_bot.connector
    arrived = await schedule(teams_bot)
    created = card_of(connector.posted(SAM_CHAT)[-1])
    assert created["body"][0]["text"] == "📅 Planning #1 scheduled: Q1 campaign planning"
    assert "Priya Nair — invited, no answer yet" in str(created)
    assert "Thomas Girard — invited, no answer yet" in str(created)
    assert "could not be reached" not in str(created)

    # Each gets the card, then the file consent card, in their personal chat.
    priya, priya_consent = arrived[PRIYA_CHAT]
    card = card_of(priya)
    assert card["body"][0]["text"] == "📅 You're invited: Q1 campaign planning"
    assert "You are Consulted on it in the RACI matrix." in str(card)
    assert "14:00 (Europe/London)" in str(card)
    assert list(actions(card)) == ["Accept", "Decline", "Propose someone else"]
    assert {a["type"] for a in card["actions"]} == {"Action.Submit"}
    assert actions(card)["Accept"]["data"]["action_id"].startswith("planning.accept:")
    thomas, thomas_consent = arrived[THOMAS_CHAT]
    assert card_of(thomas)["body"][0]["text"] == "📅 Vous êtes invité·e : Q1 campaign planning"
    assert "15:00 (Europe/Paris)" in str(card_of(thomas))
    assert list(actions(card_of(thomas))) == ["Accepter", "Décliner", "Proposer quelqu'un d'autre"]
    for consent in (priya_consent, thomas_consent):
        offered = attachment(consent)
        assert offered["contentType"] == FILE_CONSENT and offered["name"] == FILE
    assert connector.uploads == []  # nothing leaves before they allow it

    # Priya presses Allow: the calendar lands in her OneDrive, and shows in the chat.
    offered = attachment(priya_consent)
    response = await teams_bot.http.post(
        "/api/messages", json=allow(connector, PRIYA, PRIYA_CHAT, offered)
    )
    assert response.status == 200
    (upload,) = connector.uploads
    assert upload.name == FILE
    assert int(offered["content"]["sizeInBytes"]) == len(upload.content)
    calendar = Calendar.from_ical(upload.content)
    assert calendar["METHOD"] == "REQUEST"
    (event,) = calendar.walk("VEVENT")
    assert event.decoded("dtstart") == datetime(2027, 1, 12, 14, 0, tzinfo=UTC)
    assert event["DTSTART"].params["TZID"] == "Europe/London"
    assert str(event["ORGANIZER"]) == "mailto:sam.okafor@example.com"
    shown = attachment(connector.posted(PRIYA_CHAT)[-1])
    assert shown["contentType"] == FILE_INFO and shown["name"] == FILE


async def test_answers_from_the_cards_update_them_and_tell_the_organiser(
    teams_bot: TeamsBot,
) -> None:
    connector = teams_bot.connector
    arrived = await schedule(teams_bot)
    priya, thomas = arrived[PRIYA_CHAT][0], arrived[THOMAS_CHAT][0]
    told_before = len(connector.posted(SAM_CHAT))

    # Priya presses Accept: the card answers in place and the sent one is updated.
    accept = actions(card_of(priya))["Accept"]["data"]
    response = await teams_bot.http.post(
        "/api/messages", json=execute(connector, PRIYA, PRIYA_CHAT, accept)
    )
    assert response.status == 200
    body = await response.json()
    assert body["value"]["body"][0]["text"] == "✅ Q1 campaign planning: you accepted"
    assert "actions" not in body["value"]
    (updated,) = connector.of("update")
    assert updated.conversation_id == PRIYA_CHAT
    assert updated.activity_id == id_of(connector, priya)
    assert card_of(updated)["body"][0]["text"] == "✅ Q1 campaign planning: you accepted"
    assert "actions" not in card_of(updated)
    (told,) = texts(connector, SAM_CHAT)[told_before:]
    assert "✅ Priya Nair accepted Q1 campaign planning" in told

    # Thomas presses Décliner: the form with its reason comes back; he sends it.
    decline = actions(card_of(thomas))["Décliner"]["data"]
    await teams_bot.post(message(connector, who=THOMAS, value=decline, conversation=THOMAS_CHAT))
    form = card_of(connector.posted(THOMAS_CHAT)[-1])
    assert form["body"][0]["text"] == "Décliner l'invitation"
    (reason,) = [b for b in form["body"] if b["type"] == "Input.Text"]
    assert reason["label"] == "Pourquoi ne pouvez-vous pas venir ? (l'organisation le verra)"
    assert len(connector.of("update")) == 1  # nothing decided yet
    submit = actions(form)["Décliner"]["data"]
    filled = {**submit, reason["id"]: "En congé ce jour-là"}
    await teams_bot.post(message(connector, who=THOMAS, value=filled, conversation=THOMAS_CHAT))
    answer = card_of(connector.posted(THOMAS_CHAT)[-1])
    assert answer["body"][0]["text"] == "🚫 Q1 campaign planning : vous avez décliné"
    assert "Votre raison : En congé ce jour-là" in str(answer)
    his = [u for u in connector.of("update") if u.conversation_id == THOMAS_CHAT]
    (closed,) = his
    assert closed.activity_id == id_of(connector, thomas)
    assert card_of(closed)["body"][0]["text"] == "🚫 Q1 campaign planning : vous avez décliné"
    assert "actions" not in card_of(closed)
    # Sam reads it in his language, with Thomas's reason, and that nobody else could come.
    told = texts(connector, SAM_CHAT)[-1]
    assert "🚫 Thomas Girard declined Q1 campaign planning" in told
    assert "En congé ce jour-là" in told
    assert "Nobody from IT could be invited for Tracking pixels and cookie consent" in told


async def test_a_session_scheduled_in_a_teams_channel_says_nobody_was_added(
    teams_bot: TeamsBot,
) -> None:
    connector = teams_bot.connector
    typed = message(
        connector,
        who=SAM,
        text=f"<at>Tandem</at> {Q1}",
        conversation=CHANNEL,
        kind="channel",
        team=TEAM,
    )
    assert await teams_bot.post(typed) in (200, 201)
    (answer,) = [c for c in connector.calls if c.conversation_id.startswith(CHANNEL)]
    card = card_of(answer)  # the card only: no file offered in a channel
    assert card["body"][0]["text"] == "📅 Planning #1 scheduled: Q1 campaign planning"
    assert "I could not add them to the channel here: share it with them." in str(card)
    assert "Priya Nair — invited, no answer yet" in str(card)
    assert "Thomas Girard — invited, no answer yet" in str(card)
    # The invitations went out all the same, each to its personal chat with its file.
    for chat, accept in ((PRIYA_CHAT, "Accept"), (THOMAS_CHAT, "Accepter")):
        invitation, consent = connector.posted(chat)[-2:]
        assert accept in actions(card_of(invitation))
        assert attachment(consent)["name"] == FILE
