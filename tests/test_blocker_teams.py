"""Blockers on Teams end to end: activities in, the fake connector out.

Sam raises a blocker in his personal chat; Ana, Responsible for domain names,
acknowledges it and resolves it with the Adaptive Cards' buttons and inline form.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime
from typing import Any

import pytest

from tandem.bot.clock import FixedClock
from tandem.bot.types import TenantKey
from tandem.storage.database import Database
from tandem.storage.migrate import upgrade
from tandem.storage.repositories import people, tenants
from tests.conftest import import_fixtures
from tests.teamsfake.connector import FakeConnector
from tests.test_teams_e2e import SAM, TENANT, TeamsBot, card_of, message, serve_teams

ANA = ("29:1ana", "aad-ana-0001", "Ana Silva", "ana.silva@example.com")
SAM_CHAT = "a:1personal-sam"
ANA_CHAT = "a:1personal-ana"


@pytest.fixture
async def teams_bot(database_url: str, clock: FixedClock) -> AsyncIterator[TeamsBot]:
    clock.set(at=datetime(2026, 11, 23, 9, 30, tzinfo=UTC))
    database = Database(url=database_url)
    await upgrade(database=database)
    await import_fixtures(database, f"teams:{TENANT}")
    await database.dispose()
    async with FakeConnector() as connector:
        for user_id, aad, name, email in (SAM, ANA):
            connector.add_member(user_id=user_id, aad=aad, name=name, email=email)
        async with serve_teams(database_url, connector, clock=clock) as bot:
            yield bot


def actions(card: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {a["title"]: a for a in card.get("actions", [])}


async def test_a_blocker_on_teams_acknowledged_and_resolved_with_cards(
    teams_bot: TeamsBot,
) -> None:
    connector = teams_bot.connector
    # Ana has talked to Tandem once: Teams lets bots reach people they know.
    await teams_bot.post(message(connector, who=ANA, text="hello", conversation=ANA_CHAT))
    await teams_bot.post(
        message(
            connector,
            who=SAM,
            text="/blocker waiting for the DNS record of the spring subdomain",
            conversation=SAM_CHAT,
        )
    )
    raised = connector.posted(SAM_CHAT)[-1]
    assert "Blocker #1 is recorded. Ana Silva has it" in raised.activity["text"]

    card = card_of(connector.posted(ANA_CHAT)[-1])
    assert "Sam Okafor is blocked. You are Responsible for Domain names and DNS" in str(card)
    assert list(actions(card)) == ["Acknowledge", "Resolve", "Reassign", "Not mine"]

    acknowledge = actions(card)["Acknowledge"]["data"]
    await teams_bot.post(message(connector, who=ANA, value=acknowledge, conversation=ANA_CHAT))
    assert "You acknowledged blocker #1" in connector.posted(ANA_CHAT)[-1].activity["text"]
    told = connector.posted(SAM_CHAT)[-1]
    assert "Ana Silva acknowledged your blocker #1" in told.activity["text"]

    # Resolve answers with a card holding the note input; its submit resolves.
    resolve = actions(card)["Resolve"]["data"]
    await teams_bot.post(message(connector, who=ANA, value=resolve, conversation=ANA_CHAT))
    form = card_of(connector.posted(ANA_CHAT)[-1])
    (note,) = [b for b in form["body"] if b["type"] == "Input.Text"]
    assert note["label"] == "What resolved it? (the reporter reads this)"
    submit = form["actions"][0]["data"]
    filled = {**submit, note["id"]: "Record added"}
    await teams_bot.post(message(connector, who=ANA, value=filled, conversation=ANA_CHAT))
    assert "is resolved" in connector.posted(ANA_CHAT)[-1].activity["text"]
    told = connector.posted(SAM_CHAT)[-1]
    assert "was resolved by Ana Silva: Record added" in told.activity["text"]


async def test_an_empty_blocker_on_teams_gets_help_and_records_nothing(
    teams_bot: TeamsBot,
) -> None:
    connector = teams_bot.connector
    await teams_bot.post(message(connector, who=SAM, text="/blocker raise", conversation=SAM_CHAT))
    assert "What is blocking you?" in connector.posted(SAM_CHAT)[-1].activity["text"]
    await teams_bot.post(message(connector, who=SAM, text="/blocker list", conversation=SAM_CHAT))
    listed = connector.posted(SAM_CHAT)[-1].activity["text"]
    assert "Open blockers you raised or have" in listed and "None." in listed


async def test_an_unresolved_blocker_reaches_the_teams_escalation_channel(
    teams_bot: TeamsBot, clock: FixedClock
) -> None:
    connector = teams_bot.connector
    channel, team = "19:it-escalations@thread.tacv2", "19:team@thread.tacv2"
    async with teams_bot.runtime.database.session() as session:
        tenant = await tenants.find_tenant(session, key=TenantKey.parse(f"teams:{TENANT}"))
        assert tenant is not None
        sam = await people.find_person(session, tenant=tenant, email=SAM[3])
        assert sam is not None
        sam.is_admin = True
        session.add(sam)
    here = message(
        connector,
        who=SAM,
        text="<at>Tandem</at> /tandem escalation channel here",
        conversation=channel,
        kind="channel",
        team=team,
    )
    await teams_bot.post(here)
    assert "Saved." in str(card_of(connector.of("reply")[-1]))
    await teams_bot.post(message(connector, who=ANA, text="hello", conversation=ANA_CHAT))
    await teams_bot.post(
        message(connector, who=SAM, text="/blocker no DNS for spring", conversation=SAM_CHAT)
    )

    # Two of Ana's working days later (Lisbon is on UTC in November): the channel is told.
    clock.set(at=datetime(2026, 11, 25, 9, 29, tzinfo=UTC))
    runtime = teams_bot.runtime
    await runtime.blocker_engine.run_due()
    before = len(connector.posted(channel))  # the answer to "channel here"
    clock.set(at=datetime(2026, 11, 25, 9, 30, tzinfo=UTC))
    await runtime.blocker_engine.run_due()
    (posted,) = connector.posted(channel)[before:]
    assert "still not resolved after 2 working days. It is with Ana Silva" in str(card_of(posted))
