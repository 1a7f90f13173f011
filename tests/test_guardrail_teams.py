"""Guardrails on Teams end to end: activities in, the fake connector out.

Sam asks in his personal chat whether he may export leads; the answer's Adaptive Card
holds the request form. Nadia (Accountable for customer data) approves from her card,
Sam is told, and the cards sent before are updated in place (the connector's PUT).
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime

import pytest

from tandem.bot.clock import FixedClock
from tandem.storage.database import Database
from tandem.storage.migrate import upgrade
from tests.conftest import import_fixtures
from tests.teamsfake.connector import FakeConnector
from tests.test_blocker_teams import actions
from tests.test_teams_e2e import SAM, TENANT, TeamsBot, card_of, message, serve_teams

NADIA = ("29:1nadia", "aad-nadia-0001", "Nadia Roux", "nadia.roux@example.com")
SAM_CHAT = "a:1personal-sam"
NADIA_CHAT = "a:1personal-nadia"


@pytest.fixture
async def teams_bot(database_url: str, clock: FixedClock) -> AsyncIterator[TeamsBot]:
    clock.set(at=datetime(2026, 11, 23, 9, 30, tzinfo=UTC))
    database = Database(url=database_url)
    await upgrade(database=database)
    await import_fixtures(database, f"teams:{TENANT}")
    await database.dispose()
    async with FakeConnector() as connector:
        for user_id, aad, name, email in (SAM, NADIA):
            connector.add_member(user_id=user_id, aad=aad, name=name, email=email)
        async with serve_teams(database_url, connector, clock=clock) as bot:
            yield bot


async def test_an_approval_on_teams_with_the_cards_updated(teams_bot: TeamsBot) -> None:
    connector = teams_bot.connector
    await teams_bot.post(message(connector, who=NADIA, text="bonjour", conversation=NADIA_CHAT))
    await teams_bot.post(
        message(
            connector,
            who=SAM,
            text="/guardrail can I export the leads from the CRM to a spreadsheet?",
            conversation=SAM_CHAT,
        )
    )
    answer = card_of(connector.posted(SAM_CHAT)[-1])
    assert "Needs a quick approval" in str(answer)
    inputs = {b["id"]: b for b in answer["body"] if b["type"] == "Input.Text"}
    assert list(inputs) == ["what", "why", "how_long"]
    submit = actions(answer)["Send the request"]["data"]
    filled = {**submit, "what": "Export 300 webinar leads", "why": "Follow-up calls"}
    await teams_bot.post(message(connector, who=SAM, value=filled, conversation=SAM_CHAT))
    texts = [c.activity.get("text", "") for c in connector.posted(SAM_CHAT)]
    assert any("Request #1 sent to Nadia Roux" in t for t in texts)

    card = card_of(connector.posted(NADIA_CHAT)[-1])
    assert "Sam Okafor demande votre validation" in str(card)
    assert list(actions(card)) == ["Valider", "Refuser", "Poser une question"]
    before = len(connector.of("update"))
    approve = actions(card)["Valider"]["data"]
    await teams_bot.post(message(connector, who=NADIA, value=approve, conversation=NADIA_CHAT))
    told = connector.posted(SAM_CHAT)[-1]
    assert "Nadia Roux approved your request #1" in told.activity["text"]
    updates = connector.of("update")[before:]
    assert len(updates) == 2  # Nadia's card and Sam's
    assert any("validée par Nadia Roux" in str(u.activity) for u in updates)
    assert any("approved by Nadia Roux" in str(u.activity) for u in updates)


async def test_a_tool_question_on_teams_in_french(teams_bot: TeamsBot) -> None:
    connector = teams_bot.connector
    await teams_bot.post(
        message(
            connector,
            who=NADIA,
            text="/guardrail Typeform pour un questionnaire ?",
            conversation=NADIA_CHAT,
        )
    )
    answer = str(card_of(connector.posted(NADIA_CHAT)[-1]))
    assert "Typeform est approuvé avec une limite" in answer
    assert "anonymous surveys only" in answer
