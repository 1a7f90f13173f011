"""Guardrails on Teams end to end: activities in, the fake connector out, a moving clock.

Sam (London) asks in his personal chat; the answer's Adaptive Card holds the request
form (what, why, for how long) and its "Send the request" submit. The approver decides
with the card's buttons; Sam is told, and every card sent about the request is updated
in place (the connector's PUT). A request nobody decides reminds its approver after one
of his working days and goes to the CIO after three. Teams lets a bot write only to
people who talked to it: Nadia and Thomas say hello first.
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
from tandem.storage.repositories import guardrails, tenants
from tests.conftest import import_fixtures
from tests.teamsfake.connector import FakeConnector, Sent
from tests.test_blocker_teams import actions
from tests.test_teams_e2e import SAM, TENANT, TeamsBot, card_of, message, serve_teams

NADIA = ("29:1nadia", "aad-nadia-0001", "Nadia Roux", "nadia.roux@example.com")  # CIO
THOMAS = ("29:1thomas", "aad-thomas-0001", "Thomas Girard", "thomas.girard@example.com")
SAM_CHAT = "a:1personal-sam"
NADIA_CHAT = "a:1personal-nadia"
THOMAS_CHAT = "a:1personal-thomas"
EXPORT = "/guardrail can I export the leads from the CRM to a spreadsheet?"
EMBED = "/guardrail can I paste a vendor's embed script into the page?"


def at(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 11, day, hour, minute, tzinfo=UTC)


@pytest.fixture
async def teams_bot(database_url: str, clock: FixedClock) -> AsyncIterator[TeamsBot]:
    clock.set(at=at(23, 9, 30))  # a Monday
    database = Database(url=database_url)
    await upgrade(database=database)
    await import_fixtures(database, f"teams:{TENANT}")
    await database.dispose()
    async with FakeConnector() as connector:
        for user_id, aad, name, email in (SAM, NADIA, THOMAS):
            connector.add_member(user_id=user_id, aad=aad, name=name, email=email)
        async with serve_teams(database_url, connector, clock=clock) as bot:
            yield bot


def last_card(connector: FakeConnector, conversation: str) -> dict[str, Any]:
    return card_of(connector.posted(conversation)[-1])


def texts(connector: FakeConnector, conversation: str) -> list[str]:
    """What a chat shows, message by message (a card as its fallback text)."""
    return [
        s.activity.get("text") or card_of(s).get("fallbackText", "")
        for s in connector.posted(conversation)
    ]


def id_of(connector: FakeConnector, sent: Sent) -> str:
    """The activity id the connector gave ``sent``: it numbers what it accepts, in order."""
    accepted = (
        c for c in connector.calls if c.kind in {"send", "reply", "create"} and not c.failed
    )
    for number, call in enumerate(accepted, start=1):
        if call is sent:
            return f"activity-{number}"
    raise AssertionError("not a message the connector accepted")


async def hello(bot: TeamsBot, who: tuple[str, str, str, str], conversation: str) -> None:
    """A first message: Tandem keeps the chat's reference and can write there later."""
    await bot.post(message(bot.connector, who=who, text="bonjour", conversation=conversation))


async def ask_and_send(bot: TeamsBot, question: str, filled: dict[str, str]) -> dict[str, Any]:
    """Sam asks, fills the answer card's form and sends it; the answer card comes back."""
    connector = bot.connector
    await bot.post(message(connector, who=SAM, text=question, conversation=SAM_CHAT))
    answer = last_card(connector, SAM_CHAT)
    submit = actions(answer)["Send the request"]["data"]
    await bot.post(message(connector, who=SAM, value={**submit, **filled}, conversation=SAM_CHAT))
    return answer


async def all_reviewed(bot: TeamsBot, clock: FixedClock) -> None:
    """Every rule just reviewed: the fixture's overdue rules would remind their owners."""
    async with bot.runtime.database.session() as session:
        tenant = await tenants.find_tenant(session, key=TenantKey.parse(f"teams:{TENANT}"))
        assert tenant is not None
        for rule in await guardrails.list_rules(session, tenant=tenant):
            await guardrails.mark_reviewed(
                session, tenant=tenant, rule_id=rule.id, on=clock.now().date()
            )


async def test_an_approval_on_teams_with_the_cards_updated(teams_bot: TeamsBot) -> None:
    connector = teams_bot.connector
    await hello(teams_bot, NADIA, NADIA_CHAT)
    await teams_bot.post(message(connector, who=SAM, text=EXPORT, conversation=SAM_CHAT))
    answer = last_card(connector, SAM_CHAT)
    assert answer["body"][0]["text"] == "📝 Needs a quick approval"
    assert "Exports of contacts with personal data need approval" in str(answer)
    inputs = {b["id"]: b for b in answer["body"] if b["type"] == "Input.Text"}
    assert list(inputs) == ["what", "why", "how_long"]
    assert [i["label"] for i in inputs.values()] == ["What you want to do", "Why", "For how long"]
    assert inputs["what"]["value"].startswith("can I export the leads from the CRM")  # to edit
    assert inputs["how_long"]["isRequired"] is False
    assert list(actions(answer)) == ["Send the request"]  # the form is in the card itself
    assert len(connector.posted(NADIA_CHAT)) == 1  # her hello answered; no request yet

    submit = actions(answer)["Send the request"]["data"]
    filled = {
        **submit,
        "what": "Export 300 webinar leads",
        "why": "Follow-up calls",
        "how_long": "2 weeks",
    }
    await teams_bot.post(message(connector, who=SAM, value=filled, conversation=SAM_CHAT))
    assert any("Request #1 sent to Nadia Roux" in t for t in texts(connector, SAM_CHAT))
    nadias = connector.posted(NADIA_CHAT)[-1]
    card = card_of(nadias)
    assert "Sam Okafor demande votre validation" in str(card)
    assert "Export 300 webinar leads" in str(card) and "2 weeks" in str(card)
    assert list(actions(card)) == ["Valider", "Refuser", "Poser une question"]
    (sams,) = [s for s in connector.posted(SAM_CHAT) if "Withdraw" in str(s.activity)]
    assert list(actions(card_of(sams))) == ["Withdraw"]
    assert "waiting for Nadia Roux" in str(card_of(sams))
    assert connector.of("update") == []

    approve = actions(card)["Valider"]["data"]
    await teams_bot.post(message(connector, who=NADIA, value=approve, conversation=NADIA_CHAT))
    assert "Demande n°1 validée" in texts(connector, NADIA_CHAT)[-1]
    assert "✅ Nadia Roux approved your request #1" in texts(connector, SAM_CHAT)[-1]
    updates = {u.conversation_id: u for u in connector.of("update")}
    assert len(connector.of("update")) == 2 and set(updates) == {NADIA_CHAT, SAM_CHAT}
    assert updates[NADIA_CHAT].activity_id == id_of(connector, nadias)  # the cards sent before
    assert updates[SAM_CHAT].activity_id == id_of(connector, sams)
    assert "validée par Nadia Roux" in str(card_of(updates[NADIA_CHAT]))
    assert "approved by Nadia Roux" in str(card_of(updates[SAM_CHAT]))
    for update in updates.values():
        assert "actions" not in card_of(update)  # decided: nothing left to press

    # Nadia presses Valider again on the card she still has open: said, nothing sent.
    await teams_bot.post(message(connector, who=NADIA, value=approve, conversation=NADIA_CHAT))
    assert "La demande n°1 n'attend plus" in texts(connector, NADIA_CHAT)[-1]
    assert len(connector.of("update")) == 2
    assert sum("approved your request" in t for t in texts(connector, SAM_CHAT)) == 1


async def test_a_waiting_request_on_teams_reminds_then_goes_to_the_cio(
    teams_bot: TeamsBot, clock: FixedClock
) -> None:
    connector, engine = teams_bot.connector, teams_bot.runtime.guardrail_engine
    await hello(teams_bot, THOMAS, THOMAS_CHAT)
    await hello(teams_bot, NADIA, NADIA_CHAT)
    await all_reviewed(teams_bot, clock)
    # Monday 09:30 UTC (10:30 in Paris): custom code on a page is Thomas's to approve.
    answer = await ask_and_send(
        teams_bot, EMBED, {"what": "Add the vendor's chat widget", "why": "Spring launch"}
    )
    assert "Adding custom code or scripts to a page" in str(answer)
    assert any("Request #1 sent to Thomas Girard" in t for t in texts(connector, SAM_CHAT))
    first = connector.posted(THOMAS_CHAT)[-1]
    assert "Sam Okafor demande votre validation" in str(card_of(first))
    nadia_before = len(connector.posted(NADIA_CHAT))  # her "bonjour" answered

    clock.set(at=at(24, 9, 29))
    assert (await engine.run_due()).sent == 0
    clock.set(at=at(24, 9, 30))  # one of Thomas's working days later
    assert (await engine.run_due()).sent == 1
    reminder = connector.posted(THOMAS_CHAT)[-1]
    assert reminder is not first
    assert "Rappel, Thomas Girard : cette demande attend votre décision" in str(card_of(reminder))
    assert list(actions(card_of(reminder))) == ["Valider", "Refuser", "Poser une question"]
    clock.set(at=at(25, 9, 30))
    assert (await engine.run_due()).sent == 0
    assert len(connector.posted(NADIA_CHAT)) == nadia_before

    updated_before = len(connector.of("update"))
    clock.set(at=at(26, 9, 30))  # three working days: to the CIO
    assert (await engine.run_due()).sent == 1
    (up,) = connector.posted(NADIA_CHAT)[nadia_before:]
    assert "attend Thomas Girard depuis 3 jours ouvrés" in str(card_of(up))
    assert list(actions(card_of(up))) == ["Valider", "Refuser", "Poser une question"]
    told = texts(connector, SAM_CHAT)[-1]
    assert "Your request #1 has waited 3 working days; I've sent it to Nadia Roux" in told
    # Sam's card and Thomas's two now say who the request waits for.
    waiting = connector.of("update")[updated_before:]
    assert {u.conversation_id for u in waiting} == {SAM_CHAT, THOMAS_CHAT}
    assert len(waiting) == 3
    (sams,) = [u for u in waiting if u.conversation_id == SAM_CHAT]
    assert "waiting for Thomas Girard and Nadia Roux" in str(card_of(sams))
    clock.set(at=at(30, 9, 30))
    assert (await engine.run_due()).sent == 0  # nothing more

    # The CIO decides: Thomas's cards close too.
    approve = actions(card_of(up))["Valider"]["data"]
    await teams_bot.post(message(connector, who=NADIA, value=approve, conversation=NADIA_CHAT))
    assert "Demande n°1 validée" in texts(connector, NADIA_CHAT)[-1]
    assert "✅ Nadia Roux approved your request #1" in texts(connector, SAM_CHAT)[-1]
    closed = connector.of("update")[updated_before + len(waiting) :]
    by_id = {u.activity_id: u for u in closed}
    assert set(by_id) == {id_of(connector, s) for s in (first, reminder, up)} | {sams.activity_id}
    for sent in (first, reminder):
        assert "validée par Nadia Roux" in str(card_of(by_id[id_of(connector, sent)]))
