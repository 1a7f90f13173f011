"""/who-owns through the real dispatcher, on the shared fixtures' organisation."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import timedelta

import pytest

from tandem.bot.clock import FixedClock
from tandem.bot.settings import Settings
from tandem.bot.types import TenantKey
from tandem.storage.orgfiles.service import FileKind, export_file
from tests.conftest import import_fixtures
from tests.harness import Chat, chat_runtime

HUGO = "hugo.bernard@example.com"  # marketing, French
SAM = "sam.okafor@example.com"  # marketing, English, London
NADIA = "nadia.roux@example.com"  # CIO, Accountable for domain-names, French
DANIEL = "daniel.weber@example.com"  # Accountable for web-performance, Berlin


@pytest.fixture
async def chat(settings: Settings, clock: FixedClock) -> AsyncIterator[Chat]:
    async with chat_runtime(settings=settings, clock=clock) as runtime:
        tenant = await import_fixtures(runtime.database, "acme")
        yield Chat(runtime=runtime, tenant=tenant)


async def _raci(chat: Chat) -> str:
    return await export_file(database=chat.runtime.database, tenant=chat.tenant, kind=FileKind.RACI)


async def test_hugo_reads_who_owns_dns_in_french(chat: Chat) -> None:
    text = await chat.read(HUGO, "/who-owns dns")
    assert "Domain names and DNS (domain-names)" in text
    assert "Responsable  Ana Silva (Network Engineer)" in text
    assert "Approbateur  Nadia Roux (CIO)" in text
    assert "Informé      Hugo Bernard (Campaign Manager) et Daniel Weber" in text
    assert "TLS certificates" in text  # the topic's one-line description


async def test_sam_reads_it_in_english_with_a_typo(chat: Chat) -> None:
    reply = await chat.say(SAM, "/who-owns domian-names")
    assert reply.card is not None
    fields = {f.label: f.value for f in reply.card.fields}
    assert fields["Responsible"] == "Ana Silva (Network Engineer)"
    assert fields["Accountable"] == "Nadia Roux (CIO)"
    assert fields["Consulted"] == "Camille Durand (Head of Marketing)"


@pytest.mark.parametrize(
    ("query", "slug"),
    [
        ("noms de domaine", "domain-names"),
        ("Données Clients", "customer-data"),
        ("bandeau cookies", "tracking-consent"),
        ("who handles the cookie banner?", "tracking-consent"),
        ("mots de passe", "access-accounts"),
        ("webinaire", "webinars-events"),
        ("cookeis", "tracking-consent"),
    ],
)
async def test_aliases_french_names_and_other_words(chat: Chat, query: str, slug: str) -> None:
    reply = await chat.say(SAM, f"/who-owns {query}")
    assert reply.card is not None and reply.card.title.endswith(f"({slug})")


async def test_a_whole_question_finds_its_topic_through_the_rule_it_falls_under(
    chat: Chat,
) -> None:
    # The matrix says nothing of streaming a demo to an audience; the webinar rule does,
    # and its topic is the one named (without the rules no topic stood out: none named).
    question = "we are streaming a product demo for 500 people next month, who checks the platform?"
    reply = await chat.say(SAM, f"/who-owns {question}")
    assert reply.card is not None and reply.card.title.endswith("(webinars-events)")


async def test_natural_phrasing_reaches_the_command(chat: Chat) -> None:
    assert "(domain-names)" in await chat.read(SAM, "who owns dns?")
    assert "(domain-names)" in await chat.read(HUGO, "qui gère les noms de domaine ?")


async def test_an_unknown_topic_names_nobody_and_suggests(chat: Chat) -> None:
    reply = await chat.say(SAM, "/who-owns web")
    assert "I know no topic matching “web”" in reply.text
    assert "Did you mean" in reply.text and "(web-performance)" in reply.text
    assert reply.card is not None and not reply.card.fields
    for name in ("Thomas Girard", "Ana Silva", "Nadia Roux"):
        assert name not in reply.text
    picked = await chat.click(SAM, reply, "Web performance and user experience")
    assert picked.card is not None and picked.card.title.endswith("(web-performance)")


async def test_two_topics_equally_named_are_not_guessed(chat: Chat) -> None:
    reply = await chat.say(HUGO, "/who-owns landing page cookies")
    assert "plusieurs sujets" in reply.text
    assert "(landing-pages)" in reply.text and "(tracking-consent)" in reply.text
    assert reply.card is not None and not reply.card.fields


async def test_nothing_close_at_all_says_so(chat: Chat) -> None:
    reply = await chat.say(SAM, "/who-owns zzzzqqq")
    assert "I know no topic matching" in reply.text
    assert "/who-owns alone" in reply.text


async def test_who_owns_alone_lists_topics(chat: Chat) -> None:
    reply = await chat.say(SAM, "/who-owns")
    assert reply.card is not None
    assert reply.card.title == "Topics Tandem knows (12)"
    assert {f.label for f in reply.card.fields} >= {"domain-names", "access-accounts"}


async def test_the_accountable_changes_the_responsible(chat: Chat, clock: FixedClock) -> None:
    reply = await chat.say(
        NADIA, "/who-owns set domain-names responsible thomas.girard@example.com"
    )
    assert reply.text == (
        "Responsable pour « Domain names and DNS » : désormais Thomas Girard "
        "(auparavant Ana Silva (Network Engineer))."
    )
    clock.set(at=clock.now() + timedelta(minutes=5))
    shown = await chat.read(SAM, "/who-owns dns")
    assert "Responsible  Thomas Girard (Web Platform Lead)" in shown
    # stored at 09:30 UTC, shown in Sam's London time and Hugo's Paris time
    assert "Last changed 23 Nov 2026, 09:30 Greenwich Mean Time by Nadia Roux." in shown
    french = await chat.read(HUGO, "/who-owns dns")
    assert "23 nov. 2026 à 10:30 heure normale d’Europe centrale par Nadia Roux" in french
    history = await chat.read(SAM, "/who-owns history dns")
    assert "Nadia Roux set Responsible to Thomas Girard (was Ana Silva)" in history


async def test_someone_else_is_refused_politely_and_nothing_changes(chat: Chat) -> None:
    before = await _raci(chat)
    reply = await chat.say(HUGO, "/who-owns set domain-names responsible hugo.bernard@example.com")
    assert "Seul un administrateur ou l'Approbateur de « Domain names and DNS »" in reply.text
    assert "Nadia Roux" in reply.text
    assert await _raci(chat) == before


async def test_an_accountable_of_another_topic_is_refused(chat: Chat) -> None:
    before = await _raci(chat)
    reply = await chat.say(DANIEL, "/who-owns set dns consulted sam.okafor@example.com")
    assert "Only an admin or the Accountable" in reply.text
    assert await _raci(chat) == before


@pytest.mark.parametrize(
    ("command", "expected"),
    [
        ("/who-owns set webperf owner sam.okafor@example.com", "“owner” is not a role"),
        ("/who-owns set webperf responsible nobody@example.com", "I don't know nobody@example.com"),
        (
            "/who-owns set webperf accountable thomas.girard@example.com priya.nair@example.com",
            "A topic has exactly one Accountable",
        ),
        ("/who-owns set payroll responsible thomas.girard@example.com", "“payroll” is not one"),
        ("/who-owns set", "To change an assignment"),
        ("/who-owns set webperf", "To change an assignment"),
        ("/who-owns set webperf responsible none", "To change an assignment"),
    ],
)
async def test_bad_edits_explain_and_change_nothing(
    chat: Chat, command: str, expected: str
) -> None:
    before = await _raci(chat)
    reply = await chat.say(DANIEL, command)  # Daniel is Accountable for web-performance
    assert expected in reply.text
    assert await _raci(chat) == before


async def test_consulted_can_be_cleared_and_set_to_several(chat: Chat) -> None:
    reply = await chat.say(NADIA, "/who-owns set dns informed none")
    assert "désormais personne" in reply.text
    reply = await chat.say(
        NADIA, "/who-owns set dns consulted priya.nair@example.com, sam.okafor@example.com"
    )
    assert "Priya Nair et Sam Okafor" in reply.text
    again = await chat.say(
        NADIA, "/who-owns set dns consulted priya.nair@example.com sam.okafor@example.com"
    )
    assert "était déjà" in again.text


@pytest.mark.parametrize(
    "query",
    [
        "",
        "   ",
        "x" * 2000,
        "dns\x00\x1b[31m\x07",
        "'; DROP TABLE raci_topic; --",
        '" OR 1=1 --',
        "%_%",
    ],
)
async def test_bad_input_gets_a_clear_reply_and_loses_nothing(chat: Chat, query: str) -> None:
    before = await _raci(chat)
    reply = await chat.say(SAM, f"/who-owns {query}")
    assert reply.text
    assert "Traceback" not in reply.text and "Error" not in reply.text
    if not query.strip():
        assert reply.card is not None and reply.card.title.startswith("Topics Tandem knows")
    elif len(query) > 200:
        assert "too long for a topic name (2000 characters)" in reply.text
    elif query.startswith("dns"):
        assert reply.card is not None and reply.card.title.endswith("(domain-names)")
    else:
        assert "I know no topic matching" in reply.text
    assert await _raci(chat) == before


async def test_unknown_commands_get_help_in_the_users_language(chat: Chat) -> None:
    reply = await chat.say(HUGO, "/frobnicate now")
    assert "Je ne connais pas la commande « /frobnicate »" in reply.text
    assert reply.card is not None
    assert "/who-owns (ou qui-gère)" in {f.label for f in reply.card.fields}
    help_text = await chat.read(SAM, "help")
    assert "What you can ask Tandem" in help_text and "/planning" in help_text
    assert "(coming soon)" not in help_text  # every ritual is built


async def test_ritual_commands_without_words_explain_themselves(chat: Chat) -> None:
    assert "Schedule a marketing planning session" in (await chat.say(SAM, "/planning")).text
    vague = (await chat.say(HUGO, "/guardrail puis-je ?")).text
    assert "Posez votre question" in vague and "/guardrail outils" in vague


async def test_a_stranger_can_look_up_but_not_edit(chat: Chat) -> None:
    stranger = "someone@elsewhere.example"
    assert "(domain-names)" in await chat.read(stranger, "/who-owns dns")
    reply = await chat.say(stranger, "/who-owns set dns informed sam.okafor@example.com")
    assert "Only an admin or the Accountable" in reply.text


async def test_a_tenant_with_nothing_imported_says_how_to_start(chat: Chat) -> None:
    empty = Chat(runtime=chat.runtime, tenant=TenantKey.parse("slack:T0EMPTY"))
    reply = await empty.say(SAM, "/who-owns dns")
    assert "No topics yet" in reply.text and "Ana Silva" not in reply.text
