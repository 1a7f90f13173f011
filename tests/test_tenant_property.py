"""Whatever a person of one tenant types or presses, another tenant's data does not move or show.

Two tenants hold the same shared fixtures (people, RACI, guardrails). Bravo also has people,
a topic, a rule and a tool of its own, and data made through commands: a blocker, a
stand-up, a planning session, an approval request, an uncovered question, a RACI change,
time off, a PM, the IT pool and the escalation policy. Hypothesis then runs sequences of
commands (every registered command, with plausible and random arguments, Bravo's ids,
emails, slugs and names among them) and button presses carrying Bravo's ids, as people of
Alpha (and as a Bravo person's email, whom Alpha does not know).

After every step:

- Bravo's rows, in every table, are exactly what they were (a full snapshot);
- no reply to Alpha, and nothing sent to Alpha's people, names anything only Bravo has,
  unless one of Alpha's people typed it (an echo of their own words is no leak);
- nothing is sent to Bravo's conversations.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from datetime import date

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from tandem.adapters.console.render import render_reply
from tandem.bot.cards import Reply
from tandem.bot.clock import FixedClock
from tandem.bot.settings import Settings
from tandem.bot.types import ActionSubmitted, ConversationRef, Platform, TenantKey
from tandem.runtime import Runtime
from tandem.storage.orgfiles.service import FileKind, import_file
from tandem.storage.repositories import tenants
from tests.conftest import FIXTURE_FILES, NOW, import_fixtures
from tests.fuzzing import (
    ACTION_IDS,
    FUZZ,
    arguments,
    form_inputs,
    mutated,
    piece,
    run,
    taught_lines,
    tenant_rows,
)
from tests.harness import Chat, chat_runtime
from tests.recording_port import RecordingPort

ALPHA, BRAVO = TenantKey.parse("alpha"), TenantKey.parse("bravo")
SAM, HUGO, NADIA = "sam.okafor@example.com", "hugo.bernard@example.com", "nadia.roux@example.com"
ZEB = "zebediah.quillfeather@bravo.example"  # Bravo only: IT, admin, owns its own topic
OTTO = "ottoline.brackenbury@bravo.example"  # Bravo only: marketing
BRAVO_PEOPLE = (
    f"{ZEB},Zebediah Quillfeather,it,Quokka Warden,Australia/Perth,en,yes\n"
    f"{OTTO},Ottoline Brackenbury,marketing,Marsupial Marketer,Australia/Perth,en,no\n"
)
BRAVO_TOPIC = (
    "quokka-husbandry,Quokka husbandry programme,marsupials;wombat care,"
    f"{ZEB},{ZEB},{OTTO},,Feeding rounds of the Rottnest enclosure.\n"
)
BRAVO_TOOL = {"name": "Xylophonix Telemetry", "aliases": ["xylophonix"], "status": "limited",
              "note": "Rottnest collars only."}  # fmt: skip
BRAVO_RULE = {
    "id": "quokka-collars",
    "title": "Quokka tracker collars",
    "topic": "quokka-husbandry",
    "sensitivity": "personal",
    "verdict": "approval",
    "answer": "Collars on the Rottnest colony need the warden's approval first.",
    "examples": ["Can we fit quokka tracker collars?"],
    "keywords": ["quokka", "collar", "tracker"],
    "review_every_days": 90,
    "last_reviewed": date(2026, 10, 1),
}
STANDUP = "Quokka daily"
# What only Bravo has: none may reach Alpha unless one of Alpha's people typed it (then it
# may come back later too, e.g. in a blocker's text: the names and titles are never typed).
SECRETS = (
    "Zebediah Quillfeather",
    "Ottoline Brackenbury",
    "Quokka Warden",
    "Marsupial Marketer",
    "Quokka husbandry programme",
    "Rottnest",
    "ZX-9931",
    "Marsupial count",
    "Xylophonix",
    "flux capacitor",
    "wombat census",
    "Quokka tracker collars",
    "Migration study",
    STANDUP,
    ZEB,
    OTTO,
    "quokka-husbandry",
    "quokka-collars",
)
# What Alpha's people may type to reach for Bravo's data.
REFERENCES = (ZEB, OTTO, "quokka-husbandry", "quokka-collars", STANDUP, "Xylophonix", "quokka")


def _with_bravo(kind: FileKind) -> str:
    """A shared fixture file with Bravo's own people, topic, rule and tool added."""
    text = FIXTURE_FILES[kind].read_text("utf-8")
    if kind is FileKind.PEOPLE:
        header, _, rows = text.partition("\n")
        rows = "\n".join(f"{row},no" for row in rows.splitlines() if row)
        return f"{header},admin\n{rows}\n{BRAVO_PEOPLE}"
    if kind is FileKind.RACI:
        return text.rstrip("\n") + "\n" + BRAVO_TOPIC
    catalogue = yaml.safe_load(text)
    catalogue["tools"].append(BRAVO_TOOL)
    catalogue["guardrails"].append(BRAVO_RULE)
    return str(yaml.safe_dump(catalogue, allow_unicode=True, sort_keys=False))


@dataclass
class Two:
    runtime: Runtime
    alpha: Chat
    bravo: Chat
    port: RecordingPort
    loop: asyncio.AbstractEventLoop
    bravo_id: int
    commands: tuple[str, ...]
    typed: list[str] = field(default_factory=list)  # all Alpha typed, example after example


async def _make_bravo_data(bravo: Chat) -> None:
    """Bravo's people at work, through the same commands anyone types."""

    async def said(who: str, text: str, expected: str) -> Reply:
        reply = await bravo.say(who, text)
        assert expected in render_reply(reply), render_reply(reply)
        return reply

    await said(OTTO, "/blocker waiting for the Rottnest permit ZX-9931 #quokka-husbandry", "#")
    await said(
        ZEB,
        f"/standup setup {STANDUP}; members: {OTTO}, {ZEB}; days: mon-fri; "
        "times: 09:30-12:00; timezone: Australia/Perth; channel: #quokka-keepers; "
        "questions: Marsupial count? | Enclosure issues? | Blockers?",
        STANDUP,
    )
    await said(OTTO, '/planning new "Rottnest quokka summit" 2027-01-12 14:00 60min '
                     "topics: quokka-husbandry", "Rottnest")  # fmt: skip
    asked = await said(OTTO, "/guardrail can we fit quokka tracker collars?", "Quokka tracker")
    form = await bravo.click(OTTO, asked, "Request approval")
    await bravo.submit(
        OTTO, form, {"what": "Collars for the Rottnest colony", "why": "Migration study ZX-9931",
                     "how_long": "3m"}
    )  # fmt: skip
    await said(
        OTTO,
        "/guardrail who refills the flux capacitor kettle for the wombat census team?",
        "recorded",
    )
    await said(ZEB, f"/who-owns set quokka-husbandry informed {OTTO}", "Ottoline")
    await said(OTTO, "/standup away 2026-12-21 2027-01-02", "away")
    await said(ZEB, f"/blocker pm add {ZEB}", "is a PM")
    await said(ZEB, f"/planning pool add {ZEB}", "pool")
    await said(
        ZEB, "/tandem escalation ack 4h; resolve 2d; hours 09:00-17:00; channel none", "Saved"
    )


@pytest.fixture
async def two(settings: Settings, clock: FixedClock) -> AsyncIterator[Two]:
    async with chat_runtime(settings=settings, clock=clock) as runtime:
        await import_fixtures(runtime.database, str(ALPHA))
        for kind in (FileKind.PEOPLE, FileKind.RACI, FileKind.GUARDRAILS):
            await import_file(  # raises on any problem in the file
                database=runtime.database, tenant=BRAVO, kind=kind, text=_with_bravo(kind), at=NOW
            )
        port = RecordingPort()
        runtime.ports.add(platform=Platform.LOCAL.value, port=port)
        alpha, bravo = Chat(runtime=runtime, tenant=ALPHA), Chat(runtime=runtime, tenant=BRAVO)
        await alpha.make_admin(NADIA)
        await _make_bravo_data(bravo)
        async with runtime.database.session() as session:
            found = await tenants.find_tenant(session, key=BRAVO)
        assert found is not None
        commands = tuple(spec.name for spec in runtime.dispatcher.commands)
        yield Two(runtime, alpha, bravo, port, asyncio.get_running_loop(), found.id, commands)


def test_bravo_has_data_in_every_table_a_command_writes(two: Two) -> None:
    """The property below is only as strong as what Bravo holds: check it holds a lot."""
    rows = run(two.loop, tenant_rows(two.runtime.database, tenant_id=two.bravo_id))
    filled = {name for name, found in rows.items() if found}
    assert {
        "person",
        "raci_topic",
        "raci_change",
        "guardrail_rule",
        "catalogue_entry",
        "blocker",
        "blocker_event",
        "standup",
        "standup_member",
        "planning_session",
        "planning_occurrence",
        "planning_invite",
        "planning_pool",
        "approval_request",
        "guardrail_question",
        "time_off",
        "pm_setting",
        "escalation_policy",
    } <= filled, sorted(set(rows) - filled)


@dataclass(frozen=True)
class Step:
    """A line typed, or a button pressed, by ``who`` of Alpha."""

    who: str
    text: str = ""
    action_id: str = ""
    value: str = ""
    inputs: tuple[tuple[str, str], ...] = ()

    @property
    def typed(self) -> str:
        return " ".join([self.text, self.action_id, self.value, *(v for _, v in self.inputs)])


ids = st.integers(min_value=0, max_value=12).map(str)
bravo_words = st.one_of(st.sampled_from(REFERENCES), ids)
ALPHA_PEOPLE = st.sampled_from([SAM, HUGO, NADIA, ZEB])


def lines(commands: tuple[str, ...]) -> st.SearchStrategy[str]:
    """A command with plausible or random words, Bravo's references among them."""
    words = st.lists(st.one_of(bravo_words, piece), max_size=5).map(" ".join)
    return st.one_of(
        mutated(taught_lines(commands)),
        st.tuples(st.sampled_from(commands), st.one_of(words, arguments)).map(
            lambda pair: f"/{pair[0]} {pair[1]}"
        ),
        st.tuples(st.sampled_from(commands), bravo_words).map(lambda pair: f"/{pair[0]} {pair[1]}"),
    )


def steps(commands: tuple[str, ...]) -> st.SearchStrategy[Step]:
    typed = st.builds(Step, who=ALPHA_PEOPLE, text=lines(commands))
    pressed = st.builds(
        lambda who, prefix, value, inputs: Step(
            who=who,
            action_id=prefix + value if prefix.endswith(":") else prefix,
            value=value,
            inputs=tuple(inputs.items()),
        ),
        ALPHA_PEOPLE,
        st.sampled_from(ACTION_IDS),
        st.one_of(
            bravo_words,
            ids.map(lambda n: f"{n}:quokka-husbandry"),
            ids.map(lambda n: f"quokka-collars:{n}"),
        ),
        form_inputs,
    )
    return st.one_of(typed, typed, pressed)


async def play(two: Two, step: Step) -> Reply:
    chat = two.alpha
    if step.text:
        return await chat.say(step.who, step.text)
    return await two.runtime.dispatcher.handle(
        ActionSubmitted(
            user=chat.user(step.who),
            conversation=ConversationRef(tenant=ALPHA, id=f"dm:{step.who}"),
            action_id=step.action_id,
            value=step.value,
            inputs=dict(step.inputs),
        )
    )


def leaks(text: str, typed: str) -> list[str]:
    """Bravo's secrets in ``text`` that the person did not type."""
    return [s for s in SECRETS if s.casefold() in text.casefold() and s.casefold() not in typed]


async def sequence(two: Two, plan: list[Step]) -> None:
    database = two.runtime.database
    before = await tenant_rows(database, tenant_id=two.bravo_id)
    for step in plan:
        two.typed.append(step.typed.casefold())
        typed = " ".join(two.typed)
        sent = len(two.port.messages)
        reply = await play(two, step)
        shown = render_reply(reply) + " " + repr(reply)
        assert not leaks(shown, typed), f"{leaks(shown, typed)} shown to Alpha for {step}"
        for posted in two.port.messages[sent:]:
            assert posted.conversation.tenant == ALPHA, f"sent to Bravo for {step}: {posted}"
            found = leaks(posted.text + " " + repr(posted.reply), typed)
            assert not found, f"{found} sent to Alpha's people for {step}"
        after = await tenant_rows(database, tenant_id=two.bravo_id)
        assert after == before, f"Bravo's rows changed after {step}: " + ", ".join(
            name for name in before if before[name] != after[name]
        )


def test_nothing_alpha_does_touches_or_shows_bravo(two: Two) -> None:
    @FUZZ
    @given(plan=st.lists(steps(two.commands), min_size=1, max_size=4))
    def alpha_at_work(plan: list[Step]) -> None:
        run(two.loop, sequence(two, plan))

    alpha_at_work()
