"""The matcher on the shared fixtures' RACI matrix: understands people, never guesses."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
import yaml

import tandem.demo
from tandem.meaning.choose import embedder_for
from tandem.rituals.common.topic_match import TopicMatcher
from tandem.rituals.common.topic_meaning import TopicFinder
from tandem.rituals.guardrails.catalogue import build_index, topic_hint
from tandem.rituals.guardrails.matcher import GuardrailIndex
from tandem.storage.orgfiles.guardrails import parse_guardrails
from tandem.storage.orgfiles.people import parse_people
from tandem.storage.orgfiles.raci import parse_raci
from tandem.storage.orgfiles.service import FileKind
from tandem.storage.records import TopicKeys, TopicRecord
from tests.conftest import FIXTURE_FILES

DATA = Path(__file__).parent / "data"
DEMO = Path(tandem.demo.__file__).parent


@pytest.fixture(scope="module")
def matcher() -> TopicMatcher:
    people = parse_people(text=FIXTURE_FILES[FileKind.PEOPLE].read_text("utf-8"))
    topics = parse_raci(
        text=FIXTURE_FILES[FileKind.RACI].read_text("utf-8"),
        known_people={p.email for p in people},
    )
    return TopicMatcher(topics=[TopicKeys(t.slug, t.title, t.aliases) for t in topics])


@pytest.mark.parametrize(
    ("query", "slug"),
    [
        ("domain-names", "domain-names"),
        ("Domain Names and DNS", "domain-names"),
        ("DNS!", "domain-names"),
        ("domian names", "domain-names"),  # typo
        ("dsn", "domain-names"),  # two letters swapped
        ("noms de domaine", "domain-names"),  # French alias
        ("nom domaine", "domain-names"),  # without the small word
        ("sous domaine", "domain-names"),
        ("ssl certificate renewal", "domain-names"),  # other words
        ("donnees clients", "customer-data"),  # accents dropped
        ("DONNÉES CLIENTS", "customer-data"),
        ("who handles the cookie banner?", "tracking-consent"),
        ("cookeis", "tracking-consent"),
        ("email newsletter tool", "marketing-automation"),
        ("webinaire", "webinars-events"),
        ("lighthouse score", "web-performance"),
        ("mots de passe instagram", "access-accounts"),
    ],
)
def test_names_people_use_find_the_topic(matcher: TopicMatcher, query: str, slug: str) -> None:
    assert matcher.match(query).slug == slug


@pytest.mark.parametrize(
    ("query", "candidates"),
    [
        ("landing page cookies", {"landing-pages", "tracking-consent"}),
        ("access to the crm", {"customer-data", "access-accounts"}),
    ],
)
def test_two_topics_that_fit_equally_are_offered_not_picked(
    matcher: TopicMatcher, query: str, candidates: set[str]
) -> None:
    found = matcher.match(query)
    assert found.slug is None and found.ambiguous
    assert candidates <= set(found.suggestions)


@pytest.mark.parametrize("query", ["web", "web security", "landingpage"])
def test_near_misses_get_suggestions(matcher: TopicMatcher, query: str) -> None:
    found = matcher.match(query)
    assert found.slug is None and found.suggestions


@pytest.mark.parametrize(
    "query", ["payroll", "zzzzqqq", "", "   ", "'; DROP TABLE raci_topic; --", "x" * 2000, "dn"]
)
def test_no_topic_is_named_for_what_matches_nothing(matcher: TopicMatcher, query: str) -> None:
    assert matcher.match(query).slug is None


def test_an_empty_matrix_matches_nothing() -> None:
    found = TopicMatcher(topics=[]).match("dns")
    assert found.slug is None and found.suggestions == ()


def _finder(path: Path, model: str) -> TopicFinder:
    with path.open(encoding="utf-8") as raci:
        keys = [
            TopicKeys(
                slug=row["topic"],
                title=row["title"],
                aliases=tuple(a for a in row["aliases"].split(";") if a),
                description=row["description"],
            )
            for row in csv.DictReader(raci)
        ]
    return TopicFinder(topics=keys, embedder=embedder_for(model))


def _found(
    finder: TopicFinder, name: str, rules: GuardrailIndex | None = None
) -> tuple[int, int, int, int]:
    """Questions whose topic is named, named wrong, offered; "none" questions named
    (with ``rules``, what the guardrail catalogue says of each question counts too)."""
    right = wrong = offered = named_none = 0
    for item in yaml.safe_load((DATA / name).read_text("utf-8"))["questions"]:
        query, expect = item["query"], item["expect"]
        meaning = finder.understand(query)
        hint = None
        if rules is not None and meaning is not None:
            hint = topic_hint(index=rules, question=query, meaning=meaning)
        found = finder.match(query, meaning=meaning, rules=hint)
        if expect == "none":
            named_none += found.slug is not None
        elif found.slug == expect:
            right += 1
        elif found.slug is not None:
            wrong += 1
        else:
            offered += expect in found.suggestions
    return right, wrong, offered, named_none


def _catalogue(raci: Path, guardrails: Path) -> GuardrailIndex:
    with raci.open(encoding="utf-8") as rows:
        topics = {
            row["topic"]: TopicRecord(
                slug=row["topic"],
                title=row["title"],
                aliases=tuple(a for a in row["aliases"].split(";") if a),
                description=row["description"],
            )
            for row in csv.DictReader(rows)
        }
    tools, rules = parse_guardrails(text=guardrails.read_text("utf-8"), known_topics=set(topics))
    return build_index(rules=rules, tools=tools, topics=topics, embedder=embedder_for("builtin"))


def test_whole_questions_find_their_topic_by_meaning() -> None:
    raci = FIXTURE_FILES[FileKind.RACI]
    words = _found(_finder(raci, "none"), "who_owns_questions.yaml")
    meaning = _found(_finder(raci, "builtin"), "who_owns_questions.yaml")
    assert meaning[0] >= words[0] + 10, (words, meaning)
    assert meaning[0] + meaning[2] >= 22, meaning  # named, or offered to pick
    assert meaning[3] <= words[3], (words, meaning)


@pytest.mark.parametrize(
    ("raci", "guardrails", "questions"),
    [
        (FIXTURE_FILES[FileKind.RACI], FIXTURE_FILES[FileKind.GUARDRAILS], "who_owns_questions"),
        (DEMO / "raci.csv", DEMO / "guardrails.yaml", "who_owns_demo_questions"),
    ],
    ids=["fixtures", "demo"],
)
def test_the_guardrail_rules_a_question_falls_under_name_its_topic(
    raci: Path, guardrails: Path, questions: str
) -> None:
    # "the agency wants to drop a Meta pixel on our product pages": the matrix does not
    # say pixel, the tracking rule does. Without the rules: fixtures 16 named (3 wrong),
    # demo 13 (0 wrong); with them 20 (3) and 17 (0), no "none" question named more.
    finder = _finder(raci, "builtin")
    alone = _found(finder, f"{questions}.yaml")
    helped = _found(finder, f"{questions}.yaml", rules=_catalogue(raci, guardrails))
    assert helped[0] >= alone[0] + 3, (alone, helped)
    assert helped[1] <= alone[1], (alone, helped)  # no more wrong owners
    assert helped[3] <= alone[3], (alone, helped)


def test_terms_still_go_by_name_without_embedding() -> None:
    finder = _finder(FIXTURE_FILES[FileKind.RACI], "builtin")
    assert not finder.wants_meaning("noms de domaine")
    assert finder.understand("dns") is None
    assert finder.match("cookeis").slug == "tracking-consent"
    question = "who sorts out the little window asking visitors to accept cookies?"
    assert finder.match(question, meaning=finder.understand(question)).slug == "tracking-consent"
