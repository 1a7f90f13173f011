"""What the fuzzing tests share: the signs of a crash, row snapshots, and input strategies.

Hypothesis cannot decorate an async test, so each fuzzing test is a plain function with
``@given`` that runs one coroutine per example on the event loop its async fixtures were
set up on (:func:`loop`): the server and the database are started once per test, not per
example.
"""

from __future__ import annotations

import asyncio
import builtins
import csv
import importlib
import logging
import os
import re
from collections.abc import Iterable, Iterator
from datetime import date, time
from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from sqlalchemy import func, select
from sqlmodel import SQLModel

import tandem.rituals
import tandem.storage.models  # every table, in SQLModel's metadata
from tandem.bot.i18n import CATALOGUES
from tandem.rituals.planning import cards as planning_cards
from tandem.rituals.standup import settings_text as standup_settings
from tandem.storage.database import Database
from tests.conftest import FIXTURES

# TANDEM_FUZZ_EXAMPLES=2000 for a long hunt on your machine; CI keeps the default.
EXAMPLES = int(os.environ.get("TANDEM_FUZZ_EXAMPLES", "80"))
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    print_blob=True,
)
# The dispatcher alone, and botbuilder refusing most activities early, run fast: more examples.
FUZZ_MORE = settings(FUZZ, max_examples=EXAMPLES * 15 // 8)

# -- what a crash looks like to a user ------------------------------------------------------

_EXCEPTION_NAMES = sorted(
    name
    for name, value in vars(builtins).items()
    if isinstance(value, type) and issubclass(value, BaseException)
)
CRASH = re.compile(
    r"Traceback|File \"|\.py\", line|site-packages|Error:"
    r"|\b\w*(?:Error|Exception)\b"
    rf"|\b(?:{'|'.join(_EXCEPTION_NAMES)})\b"
)
INTERNAL_ERRORS = tuple(catalogue["error.internal"] for catalogue in CATALOGUES.values())


def strings(value: Any) -> Iterator[str]:
    """Every string inside a JSON value (keys too)."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield str(key)
            yield from strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from strings(item)


def crash_signs(text: str) -> list[str]:
    """What in ``text`` a user should never read: a traceback, a file path, an exception."""
    signs = CRASH.findall(text)
    signs.extend(message for message in INTERNAL_ERRORS if message in text)
    return signs


# Messages that refuse: help, usage, "unknown", "not found", "refused", "bad …", too long…
# (``error.input_control`` is not one: it comes with the answer to a cleaned-up text).
_REFUSING = re.compile(
    r"^error\.(?!input_control)|^help\.(title|unknown)$|unknown_person|usage|not_found"
    r"|refused|\.bad_|too_long|missing|empty_query|no_tenant|help\.title|help\.unknown"
    r"|not_yours|needs_topic"
)


def _static_part(template: str) -> str:
    """The longest piece of a message that is not a placeholder."""
    return max((part.strip() for part in re.split(r"\{[^}]*\}", template)), key=len)


REFUSALS = tuple(
    sorted(
        {
            _static_part(message)
            for catalogue in CATALOGUES.values()
            for key, message in catalogue.items()
            if _REFUSING.search(key) and len(_static_part(message)) >= 10
        }
    )
)


# Pieces of English messages a French reader should never read (their French differs).
ENGLISH_ONLY = tuple(
    sorted(
        {
            part
            for key, message in CATALOGUES["en"].items()
            if message != CATALOGUES["fr"].get(key)
            for part in (p.strip() for p in re.split(r"\{[^}]*\}", message))
            if len(part) >= 16 and not any(part in french for french in CATALOGUES["fr"].values())
        }
    )
)


def english_in(text: str, *, typed: str) -> list[str]:
    """The English messages in ``text`` (but what the reader typed: an echo is theirs)."""
    return [part for part in ENGLISH_ONLY if part in text and part not in typed]


def rejection_signs(text: str) -> list[str]:
    """The refusals (help, usage, errors) ``text`` holds."""
    return [refusal for refusal in REFUSALS if refusal in text]


def harmless(text: str) -> bool:
    """Input that cannot make a reply look like a crash by being echoed back."""
    return not CRASH.search(text)


# -- rows -----------------------------------------------------------------------------------

TABLES = tuple(SQLModel.metadata.sorted_tables)


async def row_counts(database: Database, *, exclude: Iterable[str] = ()) -> dict[str, int]:
    """How many rows every table holds (but ``exclude``)."""
    skipped = set(exclude)
    counts: dict[str, int] = {}
    async with database.engine.connect() as connection:
        for table in TABLES:
            if table.name not in skipped:
                found = await connection.execute(select(func.count()).select_from(table))
                counts[table.name] = int(found.scalar_one())
    return counts


async def tenant_rows(database: Database, *, tenant_id: int) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of one tenant, in every table, in primary-key order: a full snapshot."""
    rows: dict[str, list[tuple[Any, ...]]] = {}
    async with database.engine.connect() as connection:
        for table in TABLES:
            if "tenant_id" in table.c:
                where = table.c.tenant_id == tenant_id
            elif table.name == "tenant":
                where = table.c.id == tenant_id
            else:  # slack_oauth_state: a state issued before any workspace is known
                continue
            found = await connection.execute(
                select(table).where(where).order_by(*table.primary_key.columns)
            )
            rows[table.name] = [tuple(row) for row in found.all()]
    return rows


def changed(before: dict[str, int], after: dict[str, int]) -> dict[str, tuple[int, int]]:
    """The tables whose count moved, with (before, after)."""
    return {name: (before[name], after[name]) for name in before if before[name] != after[name]}


def run(loop: asyncio.AbstractEventLoop, coroutine: Any) -> Any:
    """Run one example's coroutine on the test's loop (idle while a sync test runs)."""
    return loop.run_until_complete(coroutine)


# -- the organisation the tests import ------------------------------------------------------


def _csv(name: str) -> list[dict[str, str]]:
    with (FIXTURES / name).open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


PEOPLE = _csv("people.csv")
RACI = _csv("raci.csv")
_GUARDRAILS = yaml.safe_load((FIXTURES / "guardrails.yaml").read_text("utf-8"))
EMAILS = tuple(p["email"] for p in PEOPLE)
TOPICS = tuple(
    word
    for row in RACI
    for word in (row["topic"], row["title"], *row["aliases"].split(";"))
    if word
)
RULE_IDS = tuple(str(rule["id"]) for rule in _GUARDRAILS["guardrails"])
TOOLS = tuple(str(tool["name"]) for tool in _GUARDRAILS["tools"])

# -- input strategies -----------------------------------------------------------------------

CONTROL = st.characters(codec="utf-8", categories=["Cc", "Cf", "Zl", "Zp", "Zs"])
garbled = st.text(st.characters(codec="utf-8"), max_size=40)
with_controls = st.lists(st.one_of(CONTROL, st.characters(codec="utf-8")), max_size=30).map("".join)
very_long = st.text(max_size=12).map(lambda s: (s or "x") * st_multiplier(s))


def st_multiplier(s: str) -> int:
    """Enough repetitions to pass any length limit (about 5,000 characters)."""
    return 5_000 // max(len(s), 1)


numbers = st.one_of(
    st.integers(min_value=-5, max_value=40).map(str),
    st.integers(min_value=-(10**30), max_value=10**30).map(str),
    st.sampled_from(["0", "-1", "1e9", "1.5", "#3", "n°2", "٣", "NaN", "inf", "0x10", "１２"]),
)
dates = st.one_of(
    st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31)).map(date.isoformat),
    st.dates(min_value=date(2026, 11, 1), max_value=date(2027, 3, 1)).map(date.isoformat),
    st.sampled_from(
        [
            "2026-02-30",
            "2026-13-01",
            "31/12/2026",
            "12/31/2026",
            "2026-1-5",
            "tomorrow",
            "demain",
            "lundi",
            "next monday",
            "0000-00-00",
            "2026-11-23T09:30",
        ]
    ),
)
times = st.one_of(
    st.times().map(lambda t: t.strftime("%H:%M")),
    st.times(min_value=time(8), max_value=time(18)).map(lambda t: t.strftime("%H:%M")),
    st.sampled_from(
        ["25:00", "23:60", "9h30", "2pm", "14h", "-1:00", "09:30-12:00", "12:00-09:30"]
    ),
)
durations = st.one_of(
    st.integers(min_value=-100, max_value=100_000).map(lambda n: f"{n}min"),
    st.sampled_from(["1h", "90m", "0min", "1h30", "forever", "60", "45 minutes"]),
)
emails = st.one_of(
    st.sampled_from(EMAILS),
    st.emails().map(str),
    st.sampled_from(["a@", "@b", "x@y", "ana.silva@example.com,", "ANA.SILVA@EXAMPLE.COM", "none"]),
)
mentions = st.one_of(
    st.sampled_from(["<@U123>", "<@UHUGO0001|hugo>", "<!here>", "<#C123|general>", "@sam"]),
    st.sampled_from(["<!channel>", "<!everyone>", "<https://evil.example|the doc>"]),
    st.sampled_from(["\u2063@UBOSS0001|boss\u2063", "<!subteam^S1|@it>", "&lt;!here&gt;"]),
    st.sampled_from(["<at>Tandem</at>", "<@>", "<@U", "#marketing-it", "#"]),
)
quoted = st.one_of(
    garbled.map(lambda s: f'"{s}"'),
    garbled.map(lambda s: f"“{s}”"),
    st.sampled_from(['"', "“", '"unbalanced', "'single'", '""', "«  »"]),
)
words = st.one_of(
    st.sampled_from(TOPICS),
    st.sampled_from(RULE_IDS),
    st.sampled_from(TOOLS),
    st.sampled_from(
        [
            "topics:",
            "members:",
            "days:",
            "times:",
            "timezone:",
            "reminders:",
            "questions:",
            "holidays:",
            "optional:",
            "channel",
            "here",
            "none",
            "ack",
            "resolve",
            "hours",
            "mon-fri",
            "mon,thu",
            "Europe/Paris",
            "Mars/Olympus",
            "every other Tuesday 6 times",
            "every day 1000 times",
            "share",
            "partager",
            ";",
            ":",
            "|",
            ",",
            "..",
            "→",
            "?",
            "all",
            "mine",
            "team",
            "add",
            "remove",
            "done",
            "responsible",
            "accountable",
            "consulted",
            "informed",
        ]
    ),
)
piece = st.one_of(
    words, numbers, dates, times, durations, emails, mentions, quoted, garbled, with_controls
)
arguments = st.one_of(
    st.lists(piece, max_size=8).map(" ".join),
    garbled,
    with_controls,
    very_long,
)


def near_misses(word: str) -> st.SearchStrategy[str]:
    """``word`` typed wrong: a letter dropped, doubled or swapped, other case, accents."""
    variants = {
        word.upper(),
        word.title(),
        word.replace("-", " "),
        word.replace("-", ""),
        word + "s",
    }
    variants |= {word[:i] + word[i + 1 :] for i in range(len(word))}
    variants |= {word[:i] + word[i] + word[i:] for i in range(len(word))}
    variants |= {word[:i] + word[i + 1] + word[i] + word[i + 2 :] for i in range(len(word) - 1)}
    variants |= {word.replace("e", "é"), "/" + word, "//" + word, word + "?"}
    return st.sampled_from(sorted(v for v in variants if v))


# -- mutated examples: the command lines Tandem's own messages teach, with parts changed ---

_PLACEHOLDERS: dict[str, st.SearchStrategy[str]] = {
    "ID": numbers,
    "{id}": numbers,
    "EMAIL": emails,
    "EMAIL[,EMAIL…]": st.lists(emails, min_size=1, max_size=3).map(",".join),
    "PEOPLE": st.lists(st.one_of(emails, mentions), min_size=1, max_size=3).map(" ".join),
    "TOPIC": st.sampled_from(TOPICS),
    "SUJET": st.sampled_from(TOPICS),
    "SLUG": st.sampled_from(TOPICS),
    "ROLE": words,
    "RÔLE": words,
    "RULE": st.sampled_from(RULE_IDS),
    "NOTE": garbled,
    "TEXT": garbled,
    "TEXTE": garbled,
    "NAME": garbled,
    "NOM": garbled,
    "{name}": garbled,
    "DAYS": st.sampled_from(["mon,thu", "lun-jeu", "sun", "mon-fri", "xyz", "mon,mon,mon"]),
    "JOURS": st.sampled_from(["mon,thu", "lun-jeu", "sun", "mon-fri", "xyz"]),
    "HH:MM": times,
    "DATE": dates,
    "TIME": times,
}


def taught_lines(commands: Iterable[str]) -> tuple[str, ...]:
    """Every command line the messages (English and French) show, for these commands."""
    names = "|".join(re.escape(name) for name in commands)
    found = {
        line.strip().rstrip(".,;(")
        for catalogue in CATALOGUES.values()
        for message in catalogue.values()
        for line in re.findall(rf"/(?:{names})\b[^\n·—]*", message)
    }
    return tuple(sorted(found))


@st.composite
def mutated(draw: st.DrawFn, lines: tuple[str, ...]) -> str:
    """One taught line with its placeholders filled in and some words changed, dropped or
    repeated (the command word itself kept, so the line reaches its ritual)."""
    tokens = draw(st.sampled_from(lines)).split(" ")
    out = [tokens[0]]
    for token in tokens[1:]:
        if token.strip("[]") in _PLACEHOLDERS:
            out.append(draw(_PLACEHOLDERS[token.strip("[]")]))
            continue
        choice = draw(st.integers(min_value=0, max_value=9))
        if choice <= 5:
            out.append(token)
        elif choice == 6:
            out.append(draw(piece))
        elif choice == 7:
            out.extend([token, token])
        elif choice == 8:
            out.append(draw(st.sampled_from(token.strip("[]").split("|"))))
        # 9: the word is dropped
    return " ".join(out)


# -- the ids of buttons and forms, read from the rituals ------------------------------------


def _ritual_constants() -> list[tuple[str, str, str]]:
    """(module, name, value) of every upper-case string constant in ``tandem/rituals``."""
    root = Path(tandem.rituals.__file__).parent
    found = []
    for path in sorted(root.rglob("*.py")):
        name = ".".join(("tandem", "rituals", *path.relative_to(root).with_suffix("").parts))
        module = importlib.import_module(name.removesuffix(".__init__"))
        for key, value in vars(module).items():
            if key.isupper() and isinstance(value, str):
                found.append((module.__name__, key, value))
    return found


_CONSTANTS = _ritual_constants()
ACTION_IDS = tuple(
    sorted({value for _, _, value in _CONSTANTS if re.fullmatch(r"[a-z]+\.[a-z_]+:?", value)})
)
INPUT_IDS = tuple(
    sorted(
        {
            value
            for module, _, value in _CONSTANTS
            if module.endswith(".cards") and re.fullmatch(r"[a-z_]{2,20}", value)
        }
        | set(standup_settings.FIELDS)
        | set(planning_cards.FORM_FIELDS)
        | {f"q{n}" for n in range(5)}
    )
)
action_values = st.one_of(
    numbers,
    st.sampled_from(RULE_IDS),
    st.sampled_from(TOPICS),
    st.tuples(numbers, st.sampled_from(TOPICS)).map(":".join),
    st.tuples(st.sampled_from(RULE_IDS), st.sampled_from(TOOLS)).map(":".join),
    garbled,
)
action_ids = st.one_of(
    st.tuples(st.sampled_from(ACTION_IDS), action_values).map(
        lambda pair: pair[0] + pair[1] if pair[0].endswith(":") else pair[0]
    ),
    st.sampled_from(ACTION_IDS),
    st.sampled_from(ACTION_IDS).map(lambda a: a.split(".")[0] + ".nothing:1"),
    garbled.filter(lambda s: not s.startswith("test.")),  # test.… is the harness's echo
)
form_inputs = st.dictionaries(
    st.one_of(st.sampled_from(INPUT_IDS), garbled), st.one_of(garbled, piece), max_size=4
)

# -- JSON mutated: keys dropped, values of the wrong type -----------------------------------

json_values: st.SearchStrategy[Any] = st.recursive(
    st.one_of(
        st.none(),
        st.booleans(),
        st.integers(),
        st.floats(allow_nan=False, allow_infinity=False),
        garbled,
    ),
    lambda inner: st.one_of(
        st.lists(inner, max_size=3), st.dictionaries(garbled, inner, max_size=3)
    ),
    max_leaves=6,
)


def mostly(usual: st.SearchStrategy[Any], rare: st.SearchStrategy[Any]) -> Any:
    """``usual`` nine times in ten, ``rare`` otherwise (most requests should reach the rituals)."""
    return st.integers(min_value=0, max_value=9).flatmap(lambda n: usual if n < 9 else rare)


@st.composite
def mutated_json(draw: st.DrawFn, value: Any, *, keep: frozenset[str] = frozenset()) -> Any:
    """``value`` with some keys dropped and some values replaced by any JSON value, at any
    depth (keys in ``keep`` are left alone at the top)."""
    if isinstance(value, dict):
        out: dict[str, Any] = {}
        for key, item in value.items():
            if key in keep:
                out[key] = item
                continue
            # Hypothesis tries the smallest choices most: 0 keeps the key, as Slack sends it
            choice = draw(st.integers(min_value=0, max_value=19))
            if choice == 19:
                continue  # dropped
            out[key] = draw(json_values) if choice == 18 else draw(mutated_json(item))
        return out
    if isinstance(value, list):
        return [draw(mutated_json(item)) for item in value if draw(st.integers(0, 9)) < 9]
    return value


class Crashes(logging.Handler):
    """Keeps what Tandem, bolt, botbuilder or the HTTP server log as an error: a listener,
    a handler or a turn that failed (the user then reads nothing, or an apology)."""

    SOURCES = ("tandem", "slack_bolt", "botbuilder", "aiohttp.server", "aiohttp.web")

    def __init__(self) -> None:
        super().__init__(level=logging.ERROR)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        if record.name.startswith(self.SOURCES):
            self.records.append(record)

    def take(self) -> list[str]:
        """The errors logged since the last call, as text."""
        found = [f"{r.name}: {r.getMessage()}" for r in self.records]
        self.records.clear()
        return found

    def __enter__(self) -> Crashes:
        logging.getLogger().addHandler(self)
        return self

    def __exit__(self, *_exc: object) -> None:
        logging.getLogger().removeHandler(self)
