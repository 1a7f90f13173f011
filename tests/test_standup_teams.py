"""A stand-up on Teams end to end: activities in, the fake connector out, a moving clock.

Hugo (Paris) answers with the Adaptive Card, Sam (London) by text in his personal chat.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime
from typing import Any

import pytest

from tandem.bot.clock import FixedClock
from tandem.storage.database import Database
from tandem.storage.migrate import upgrade
from tests.conftest import import_fixtures
from tests.teamsfake.connector import FakeConnector, Sent
from tests.test_teams_e2e import HUGO, SAM, TENANT, TeamsBot, card_of, message, serve_teams

CHANNEL = "19:marketing-it@thread.tacv2"
TEAM = "19:team@thread.tacv2"


def at(hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 11, 23, hour, minute, tzinfo=UTC)


@pytest.fixture
async def teams_bot(database_url: str, clock: FixedClock) -> AsyncIterator[TeamsBot]:
    clock.set(at=at(6))
    database = Database(url=database_url)
    await upgrade(database=database)
    await import_fixtures(database, f"teams:{TENANT}")
    await database.dispose()
    async with FakeConnector() as connector:
        for user_id, aad, name, email in (HUGO, SAM):
            connector.add_member(user_id=user_id, aad=aad, name=name, email=email)
        async with serve_teams(database_url, connector, clock=clock) as bot:
            yield bot


async def tick(bot: TeamsBot, clock: FixedClock, moment: datetime) -> int:
    clock.set(at=moment)
    return (await bot.runtime.standup_engine.run_due()).sent


def inputs(card: dict[str, Any]) -> list[str]:
    return [b["label"] for b in card["body"] if b["type"] == "Input.Text"]


def channel_posts(bot: TeamsBot) -> list[Sent]:
    return [
        c for c in bot.connector.calls if c.conversation_id.startswith(CHANNEL) and not c.failed
    ]


async def test_a_stand_up_on_teams(teams_bot: TeamsBot, clock: FixedClock) -> None:
    connector = teams_bot.connector
    # Each member has talked to Tandem once: Teams lets bots reach people they know.
    await teams_bot.post(message(connector, who=HUGO, text="bonjour", locale="fr-FR"))
    await teams_bot.post(message(connector, who=SAM, text="hello", conversation="a:1personal-sam"))
    setup = message(
        connector,
        who=SAM,
        text="<at>Tandem</at> /standup setup Daily; members: hugo.bernard@example.com, "
        "sam.okafor@example.com; timezone: Europe/London",
        conversation=CHANNEL,
        kind="channel",
        team=TEAM,
    )
    await teams_bot.post(setup)
    created = connector.of("reply")[-1]
    assert "Stand-up “Daily” is set up" in card_of(created)["body"][0]["text"]

    # Hugo's prompt arrives in his personal chat as an Adaptive Card with the questions.
    assert await tick(teams_bot, clock, at(8, 30)) == 1
    (prompt,) = connector.posted("a:1personal-hugo")[-1:]
    card = card_of(prompt)
    assert inputs(card) == [
        "Qu'avez-vous fait hier ?",
        "Que ferez-vous aujourd'hui ?",
        "Quelque chose vous bloque ?",
    ]
    submit = card["actions"][0]
    assert submit["title"] == "Envoyer mes réponses"

    # He fills it in and submits: the answer is posted in the channel, in the day's thread.
    value = {**submit["data"], "q0": "Brief", "q1": "Démo", "q2": "rien"}
    await teams_bot.post(message(connector, who=HUGO, value=value, locale="fr-FR"))
    _setup_reply, root, hugo_post = channel_posts(teams_bot)
    assert root.conversation_id == CHANNEL
    assert hugo_post.conversation_id.startswith(CHANNEL + ";messageid=")
    assert "Hugo Bernard" in card_of(hugo_post)["body"][0]["text"]
    thanks = connector.posted("a:1personal-hugo")[-1]
    assert "publiées dans le canal" in thanks.activity["text"]

    # Sam answers by text in his personal chat.
    assert await tick(teams_bot, clock, at(9, 30)) == 1
    for text in ("Wrote the brief", "Landing page", "Legal has not replied"):
        await teams_bot.post(message(connector, who=SAM, text=text, conversation="a:1personal-sam"))
    assert "Blocker noted" in connector.posted("a:1personal-sam")[-1].activity["text"]
    assert len(channel_posts(teams_bot)) == 4

    # The summary at the cut-off, at the top of the channel.
    assert await tick(teams_bot, clock, at(12)) == 1
    summary = channel_posts(teams_bot)[-1]
    assert summary.conversation_id == CHANNEL
    text = str(card_of(summary))
    assert "2 of 2 answered, 1 blocker." in text
    assert "Sam Okafor: Legal has not replied" in text
