"""A French-first team: French command names and day names, plurals that read right in
both languages, nothing English in a French reader's replies but English-only data.

The shared fixtures' organisation (Hugo, Nadia and Inès read French; Sam reads English);
the demo organisation for what a French demo user reads. The clock is the fixtures'
Monday morning, moved by the tests that need it.
"""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from tandem.bot.clock import FixedClock
from tandem.bot.settings import Settings
from tests.conftest import import_fixtures
from tests.harness import Chat, chat_runtime

HUGO = "hugo.bernard@example.com"  # marketing, French, Paris
NADIA = "nadia.roux@example.com"  # CIO, French, an admin's part in the tests
SAM = "sam.okafor@example.com"  # marketing, English, London


@pytest.fixture
async def chat(settings: Settings, clock: FixedClock) -> AsyncIterator[Chat]:
    async with chat_runtime(settings=settings, clock=clock) as runtime:
        tenant = await import_fixtures(runtime.database, "acme")
        yield Chat(runtime=runtime, tenant=tenant)


# -- French command names ---------------------------------------------------------------


async def test_aide_is_help_in_french(chat: Chat) -> None:
    for typed in ("/aide", "aide", "/AIDE"):
        text = await chat.read(HUGO, typed)
        assert "Je ne connais pas" not in text
        assert "/blocker (ou blocage)" in text and "/guardrail (ou garde-fou)" in text


async def test_blocage_records_a_blocker(chat: Chat) -> None:
    reply = await chat.say(HUGO, "/blocage J'attends l'enregistrement DNS #domain-names")
    assert "Blocage n°1 enregistré. Ana Silva s'en occupe" in reply.text
    listed = await chat.read(HUGO, "/blocage liste")
    assert "J'attends l'enregistrement DNS" in listed


async def test_garde_fou_answers_a_guardrail_question(chat: Chat) -> None:
    text = await chat.read(HUGO, "/garde-fou règles")
    assert "règles de garde-fou" in text and "Je ne connais pas" not in text


async def test_qui_gere_with_or_without_its_accent(chat: Chat) -> None:
    for typed in ("/qui-gère dns", "/qui-gere dns", "qui-gère dns"):
        assert "Ana Silva" in await chat.read(HUGO, typed)


async def test_an_english_reader_is_not_shown_the_french_names(chat: Chat) -> None:
    text = await chat.read(SAM, "/help")
    assert "/blocker  " in text and "blocage" not in text
    assert "Ana Silva" in await chat.read(SAM, "/qui-gere dns")  # but typing them works
