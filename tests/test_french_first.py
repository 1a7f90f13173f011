"""A French-first team: French command names and day names, plurals that read right in
both languages, nothing English in a French reader's replies but English-only data.

The shared fixtures' organisation (Hugo, Nadia and Inès read French; Sam reads English);
the demo organisation for what a French demo user reads. The clock is the fixtures'
Monday morning, moved by the tests that need it.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime

import pytest

from tandem import demo
from tandem.bot.clock import FixedClock
from tandem.bot.settings import Settings
from tandem.bot.types import Platform, TenantKey
from tandem.storage.orgfiles.service import FileKind, export_file, import_file
from tests.conftest import NOW, import_fixtures
from tests.harness import Chat, chat_runtime
from tests.recording_port import RecordingPort

HUGO = "hugo.bernard@example.com"  # marketing, French, Paris
NADIA = "nadia.roux@example.com"  # CIO, French, an admin's part in the tests
SAM = "sam.okafor@example.com"  # marketing, English, London
INES = "ines.lambert@example.com"  # a PM, French
CHANNEL = "equipe-lancement"


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


ENGLISH = (
    "daily",
    "mon-fri",
    "mon-thu",
    "(s)",
    "edit NAME",
    "workdays",
    "away 20",
    "history [",
    "1 members",
    "working",
    "escalation ack",
    "/who-owns set",
    "/standup list ",
)


async def test_a_french_reader_meets_no_english_in_what_they_type_every_day(chat: Chat) -> None:
    await chat.make_admin(HUGO)
    said = [
        await chat.read(HUGO, typed)
        for typed in (
            "/aide",
            "/standup aide",
            f"/standup setup Point; membres: {HUGO}; jours: tous les jours; canal: {CHANNEL}",
            "/standup liste",
            "/standup jours lundi-jeudi",
            "/standup rapport Point 1",
            "/tandem escalade",
            "/tandem escalade accuse 1h; resolution 1j; heures 09:00-17:00; canal aucun",
            "/tandem escalade",
            "/qui-gère modifier",
            "/garde-fou règles",
        )
    ]
    assert "Rapport de stand-up, dernier jour" in said[5]
    assert "après 1 heure ouvrée →" in said[8] and "après 1 jour ouvré →" in said[8]
    for text in said:
        assert not [fragment for fragment in ENGLISH if fragment in text], text


# -- days, yes and no in French -----------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        ("lundi-jeudi", "lun-jeu"),
        ("du lundi au jeudi", "lun-jeu"),
        ("lun, mar et jeu", "lun,mar,jeu"),
        ("tous les jours", "tous les jours"),
        ("Lun.-Ven.", "lun-ven"),
    ],
)
async def test_french_days_are_read_and_said_in_french(chat: Chat, typed: str, read: str) -> None:
    reply = await chat.say(HUGO, f"/standup jours {typed}")
    assert reply.text.startswith(f"Noté : vous travaillez {read} ;")


async def test_a_french_form_is_prefilled_in_french(chat: Chat) -> None:
    """The values a form shows (and the terminal prints in brackets) are French, and read back."""
    form = (await chat.say(HUGO, f"/standup setup canal: {CHANNEL}")).card
    if form is None or form.form is None:  # typed in a DM: the form comes with the reply
        form = (await chat.say(HUGO, "/standup setup")).card
    assert form is not None and form.form is not None
    initial = {item.id: item.initial for item in form.form.inputs}
    assert initial["days"] == "lun-ven" and initial["optional"] == "non"
    assert initial["blockers"] == "3"
    created = await chat.say(
        HUGO,
        f"/standup setup Point; membres: {HUGO}; jours: {initial['days']}; "
        f"facultatif: {initial['optional']}; canal: {CHANNEL}; rappels: aucun",
    )
    assert "Le stand-up « Point » est créé" in created.text
    edit = (await chat.say(HUGO, "/standup edit Point")).card
    assert edit is not None and edit.form is not None
    again = {item.id: item.initial for item in edit.form.inputs}
    assert (again["days"], again["optional"], again["reminders"]) == ("lun-ven", "non", "aucun")


async def test_the_digest_days_are_typed_and_said_in_french(chat: Chat) -> None:
    reply = await chat.say(INES, "/blocker digest lundi et jeudi 09:00")
    assert reply.text.startswith("Votre synthèse arrive le lun,jeu à 09:00")


# -- a French stand-up's blockers ---------------------------------------------------------


def at(hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 11, 23, hour, minute, tzinfo=UTC)  # a Monday; Paris is UTC+1


@pytest.fixture
async def team(settings: Settings, clock: FixedClock) -> AsyncIterator[tuple[Chat, RecordingPort]]:
    clock.set(at=at(6))
    async with chat_runtime(settings=settings, clock=clock) as runtime:
        tenant = await import_fixtures(runtime.database, "acme")
        port = RecordingPort()
        runtime.ports.add(platform=Platform.LOCAL.value, port=port)
        yield Chat(runtime=runtime, tenant=tenant), port


async def test_a_french_stand_up_collects_its_blockers_and_counts_them(
    team: tuple[Chat, RecordingPort], clock: FixedClock
) -> None:
    chat, port = team
    created = await chat.read(
        HUGO,
        f"/standup setup Point lancement; membres: {HUGO}, {NADIA}; jours: lundi-vendredi; "
        f"heures: 09:30-12:00; fuseau: Europe/Paris; canal: {CHANNEL}; "
        "questions: Hier ? | Aujourd'hui ? | Blocages ?",
    )
    clock.set(at=at(8, 30))
    await chat.runtime.standup_engine.run_due()
    assert "Hier ?" in port.dms(HUGO)[-1].text
    await chat.say(HUGO, "Le brief du salon")
    await chat.say(HUGO, "La campagne de printemps")
    done = await chat.say(HUGO, "J'attends le budget du salon")
    assert "Blocage noté : « J'attends le budget du salon »" in done.text
    clock.set(at=at(11))
    await chat.runtime.standup_engine.run_due()
    summary = port.channel(CHANNEL, thread=False)[-1].text
    assert "1 sur 2 a répondu, 1 blocage." in summary
    assert "Hugo Bernard\u202f: J'attends le budget du salon" in summary
    assert "J'attends le budget du salon" in await chat.read(HUGO, "/blocker liste")
    assert "Blocages : les réponses à la question 3, « Blocages ? »" in created


async def test_which_question_collects_blockers_is_the_lead_s_choice(chat: Chat) -> None:
    await chat.say(
        HUGO,
        f"/standup setup Point; membres: {HUGO}; canal: {CHANNEL}; "
        "questions: Fait ? | À faire ? | Un souci ?",
    )
    listed = await chat.read(HUGO, "/standup liste")
    assert "Aucune question ne recueille les blocages" in listed
    await chat.say(HUGO, "/standup edit Point; blocages: 3")
    listed = await chat.read(HUGO, "/standup liste")
    assert "Blocages : les réponses à la question 3, « Un souci ? »" in listed
    refused = await chat.say(HUGO, "/standup edit Point; blocages: 7")
    assert "« 7 » n'est pas l'une des questions" in refused.text
    await chat.say(HUGO, "/standup edit Point; blocages: aucune")
    assert "Aucune question ne recueille" in await chat.read(HUGO, "/standup liste")


# -- the demo organisation, in both languages ---------------------------------------------

ELISE = "elise.marchand@lumen.example"  # the demo's Marketing Director, French
OLIVIA = "olivia.grant@lumen.example"  # the demo's Demand Generation Lead, English


@pytest.fixture
async def demo_chat(database_url: str, clock: FixedClock) -> AsyncIterator[Chat]:
    """The demo organisation, its guardrails matched on words alone (no model to load)."""
    settings = Settings(
        TANDEM_DATABASE_URL=database_url, TANDEM_DEMO=False, TANDEM_MEANING_MODEL="none"
    )
    async with chat_runtime(settings=settings, clock=clock) as runtime:
        key = TenantKey.parse(demo.TENANT)
        for kind in FileKind:
            await import_file(
                database=runtime.database, tenant=key, kind=kind, text=demo.read(kind), at=NOW
            )
        yield Chat(runtime=runtime, tenant=key)


async def test_a_french_demo_user_reads_the_rules_in_french(demo_chat: Chat) -> None:
    rules = await demo_chat.read(ELISE, "/guardrail règles")
    assert "Un pixel marketing sur le site web (marketing-pixel)" in rules
    assert "A marketing pixel" not in rules
    answer = await demo_chat.read(ELISE, "/guardrail puis-je ajouter le pixel TikTok sur le site ?")
    assert "Listé dans le bandeau de consentement" in answer and "« pixel » (mot-clé)" in answer
    assert "Listed in the consent banner" not in answer
    english = await demo_chat.read(OLIVIA, "/guardrail can I add the TikTok pixel to the website?")
    assert "Listed in the consent banner" in english


async def test_a_french_demo_user_reads_topics_and_tools_in_french(demo_chat: Chat) -> None:
    owners = await demo_chat.read(ELISE, "/who-owns dns")
    assert "Noms de domaine et DNS (domain-names)" in owners
    assert "les enregistrements DNS et les certificats HTTPS" in owners
    assert "Domain names and DNS" not in owners
    topics = await demo_chat.read(ELISE, "/who-owns")
    assert "Marketing par e-mail" in topics and "Email marketing" not in topics
    tools = await demo_chat.read(ELISE, "/guardrail outils")
    assert "Licence de design pour l'équipe de marque" in tools
    assert "Design licence" not in tools
    assert "Domain names and DNS (domain-names)" in await demo_chat.read(OLIVIA, "/who-owns dns")


async def test_translated_topics_and_tools_come_back_out_of_an_export(demo_chat: Chat) -> None:
    """The optional columns and fields survive an export, so the files can be edited and
    imported again; a file without them (the shared fixtures) is read as it always was."""
    for kind in (FileKind.RACI, FileKind.GUARDRAILS):
        exported = await export_file(
            database=demo_chat.runtime.database, tenant=demo_chat.tenant, kind=kind
        )
        assert "Noms de domaine et DNS" in exported or "Licence de design" in exported
        report = await import_file(
            database=demo_chat.runtime.database,
            tenant=demo_chat.tenant,
            kind=kind,
            text=exported,
            at=NOW,
        )
        changed = sum(c.created + c.updated for c in report.counts.values())
        assert changed == 0, report.describe()
