"""Finding the guardrail rule or the catalogue tool a question is about, or saying none is.

Pure and fast: an index built once per catalogue revision, then each question is a few
dictionary reads. Words are folded (no case, no accents), filler words of questions are
dropped, and each remaining word is reduced to its English and French stems, so that
"exporter", "exports" and "exporting" meet. A rule's words come from its keywords, title,
examples, conditions and answer, and from its RACI topic's names, each field with its
weight.

Two figures decide, and both must be high for an answer:

* **strength**: how much of the rule the question hits (field weight × rarity of the
  word across rules, plus a bonus when a keyword phrase is there whole);
* **coverage**: how much of the question the rule explains. A question whose words
  mostly mean something else ("a new password for my laptop") is not answered by the
  one rule that shares a word with it.

The outcome names the words that matched and where (keyword, title, example…), so
that every answer can say why.
"""

from __future__ import annotations

import heapq
import math
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING

import snowballstemmer

from tandem.bot.text import fold
from tandem.storage.records import RuleRecord, ToolRecord, TopicRecord

if TYPE_CHECKING:  # numpy and the model's code load with the first index that has a model
    from tandem.meaning.port import Vectors
    from tandem.rituals.guardrails.semantic import Closeness, Nearest, SemanticIndex

_FILLERS_EN = (
    "a about after all allowed allow also am an and any anyone anything are as ask at be been "
    "before but by can could did do does doing done for from get getting go going got had has "
    "have hello hey hi how i if in into is it its it's just let me might more must my need "
    "needs no not of ok okay on or our ours please possible put question quick really "
    "should so some someone something still than thanks that the their them then there these "
    "they this those to too up us use used using want wanted wants was way we what when where "
    "which who whom whose why will with would yes yet you your own myself each only everyone "
    "anything everything thing things right okay fine people team guys"
)
_FILLERS_FR = (
    "a ai alors as au aucun aussi autorise autorisee autorises aux avec avez avoir avons bien "
    "besoin bonjour ca ce ceci cela ces cet cette chez comment d dans de des devons doit dois "
    "donc du elle elles en encore est et etre faire fais fait faut faudrait il ils j je l la le "
    "les leur leurs lui m ma mais me merci mes moi mon n ne nos notre nous on ont ou par pas "
    "peut peuvent peux plus possible pour pourquoi pourrait pourrais pouvons puis puisse qu "
    "quand que quel quelle quelles quels qui quoi s sa salut sans se ses si son sont stp sur "
    "svp t ta te tes toi ton tu un une utiliser utilise vers veut veux voudrais voudrait "
    "voulons vous vos votre y est-ce droit mettre met c moi meme via ok comment faire prendre "
    "passe passer quoi trouve sympa"
)
FILLERS = frozenset(f"{_FILLERS_EN} {_FILLERS_FR}".split())
MAX_WORDS = 60


class Source(StrEnum):
    """Where in a rule a word was found, strongest first."""

    KEYWORD = "keyword"
    TITLE = "title"
    EXAMPLE = "example"
    TOPIC = "topic"
    CONDITION = "condition"
    ANSWER = "answer"


WEIGHTS: Mapping[Source, float] = {
    Source.KEYWORD: 3.0,
    Source.TITLE: 2.0,
    Source.EXAMPLE: 1.6,
    Source.TOPIC: 1.2,
    Source.CONDITION: 1.0,
    Source.ANSWER: 0.8,
}
PHRASE_BONUS = 1.5
UNKNOWN_WORD = 2.5  # how much a word no rule uses counts against coverage
STRENGTH_FULL = 9.0  # strength from which a rule counts as fully hit
CONFIDENT = 0.42
CLOSE = 0.2  # below CONFIDENT, still close enough to name the rule's topic
MARGIN = 0.8  # a runner-up at this share of the best score makes the question ambiguous

# Words and meaning together (calibrated on tests/data/guardrail_questions.yaml; see
# DEVELOPERS.md for the figures): the words' score counts WORDS_WEIGHT for a confident
# hit, the meaning in standard deviations above the catalogue's median rule.
WORDS_WEIGHT = 2.0
WORDS_ALONE = 0.8  # words this sure make a question about the catalogue whatever it means
IN_SCOPE = 0.01  # closer to a rule than to everyday questions by at least this
SURE = 4.0  # a rule this close, leading the next by LEAD, is the answer
LEAD = 1.0
MEANING_FLOOR = 1.5  # an answer must also stand out in meaning, not by its words alone
SURE_ALONE = 3.0  # or less close but far ahead of any other
LEAD_ALONE = 1.5
CHOICE = 1.5  # below an answer but this close: the asker picks (or says none fits)
SPAN = 1.5  # how far behind the best a rule may be and still be offered
NEAR = 1.0  # not covered, but this close: the best rule's topic says whom to ask

_STEMMERS = (snowballstemmer.stemmer("english"), snowballstemmer.stemmer("french"))
_STEMS: dict[str, frozenset[str]] = {}
_TOKEN = re.compile(r"[a-z0-9]+")


def stems(word: str) -> frozenset[str]:
    """The English and French stems of a folded word (remembered: stemming is slow)."""
    found = _STEMS.get(word)
    if found is None:
        if len(word) <= 3 or word.isdigit():
            found = frozenset((word,))
        else:
            found = frozenset(s.stemWord(word) for s in _STEMMERS) | {word}
        if len(_STEMS) < 200_000:
            _STEMS[word] = found
    return found


def words(text: str) -> list[str]:
    """The folded words of ``text``, fillers included."""
    return _TOKEN.findall(fold(text))[:MAX_WORDS]


def content_words(text: str) -> list[str]:
    """The folded words of ``text`` that carry meaning."""
    return [w for w in words(text) if w not in FILLERS]


@dataclass(frozen=True, slots=True)
class Hit:
    """A word of the question found in a rule."""

    word: str
    source: Source


@dataclass(frozen=True, slots=True)
class Candidate:
    """A rule scored against a question."""

    rule: str
    score: float
    strength: float
    coverage: float
    hits: tuple[Hit, ...]
    meaning: Nearest | None = None


class Kind(StrEnum):
    """What the matcher concluded."""

    RULE = "rule"
    AMBIGUOUS = "ambiguous"
    UNCOVERED = "uncovered"


@dataclass(frozen=True, slots=True)
class Match:
    """The outcome for one question.

    Attributes:
        kind: a rule, several equally likely rules, or nothing that covers it.
        rule: the rule when ``kind`` is RULE, else the closest one (not to be answered).
        alternatives: the other rules to offer when ``kind`` is AMBIGUOUS.
        tool: the catalogue tool the question names, if any.
        candidates: the best scored rules, best first (for explanations and tuning).
        close_topic: the RACI topic of a rule close to the question, for an uncovered one.
    """

    kind: Kind
    rule: str | None = None
    alternatives: tuple[str, ...] = ()
    tool: str | None = None
    candidates: tuple[Candidate, ...] = ()
    close_topic: str | None = None

    @property
    def best(self) -> Candidate | None:
        """The best scored rule, if any scored."""
        return self.candidates[0] if self.candidates else None


@dataclass
class _Rule:
    """What the index keeps of one rule."""

    id: str
    topic: str
    weights: dict[str, tuple[float, Source]] = field(default_factory=dict)
    phrases: list[tuple[frozenset[str], ...]] = field(default_factory=list)

    def add(self, text: str, source: Source) -> None:
        weight = WEIGHTS[source]
        for word in content_words(text):
            for stem in stems(word):
                if weight > self.weights.get(stem, (0.0, source))[0]:
                    self.weights[stem] = (weight, source)


class GuardrailIndex:
    """The rules and tools of one tenant, ready to answer questions."""

    def __init__(
        self,
        *,
        rules: Sequence[RuleRecord],
        tools: Sequence[ToolRecord] = (),
        topics: Mapping[str, TopicRecord] | None = None,
        semantic: SemanticIndex | None = None,
        learned: Mapping[str, Sequence[str]] | None = None,
    ) -> None:
        self.rules: dict[str, RuleRecord] = {r.id: r for r in rules}
        self.semantic = semantic if semantic is not None and len(semantic) else None
        self.tools: dict[str, ToolRecord] = {t.name: t for t in tools}
        self._rules: list[_Rule] = []
        for rule in rules:
            entry = _Rule(id=rule.id, topic=rule.topic)
            topic = (topics or {}).get(rule.topic)
            for source, texts in self._fields(rule, topic):
                for text in texts:
                    entry.add(text, source)
            for text in (learned or {}).get(rule.id, ()):
                entry.add(text, Source.EXAMPLE)
            for keyword in rule.keywords:
                phrase = tuple(stems(w) for w in content_words(keyword))
                if len(phrase) > 1:
                    entry.phrases.append(phrase)
            self._rules.append(entry)
        self._weights: dict[str, dict[int, float]] = defaultdict(dict)
        for index, entry in enumerate(self._rules):
            for stem, (weight, _source) in entry.weights.items():
                self._weights[stem][index] = weight
        total = max(len(self._rules), 1)
        self._idf = {
            stem: math.log(1.0 + total / len(found)) for stem, found in self._weights.items()
        }
        self._by_id = {entry.id: entry for entry in self._rules}
        self._tool_names: dict[tuple[str, ...], str] = {}
        for tool in tools:
            for name in (tool.name, *tool.aliases):
                key = tuple(words(name))
                if key:
                    self._tool_names.setdefault(key, tool.name)
        self._longest_tool = max((len(k) for k in self._tool_names), default=0)

    @staticmethod
    def _fields(
        rule: RuleRecord, topic: TopicRecord | None
    ) -> Iterable[tuple[Source, Sequence[str]]]:
        yield Source.KEYWORD, rule.keywords
        yield Source.TITLE, (rule.title, *(t.title for t in rule.translations.values()))
        yield Source.EXAMPLE, rule.examples
        if topic is not None:
            yield Source.TOPIC, (topic.title, *topic.aliases)
        conditions = [*rule.conditions]
        for text in rule.translations.values():
            conditions.extend(text.conditions)
        yield Source.CONDITION, conditions
        yield Source.ANSWER, (rule.answer, *(t.answer for t in rule.translations.values()))

    def find_tool(self, question: str) -> tuple[str | None, list[str]]:
        """The catalogue tool named in ``question`` (longest name first) and the words left."""
        found = words(question)
        for size in range(min(self._longest_tool, len(found)), 0, -1):
            for start in range(len(found) - size + 1):
                name = self._tool_names.get(tuple(found[start : start + size]))
                if name is not None:
                    return name, found[:start] + found[start + size :]
        return None, found

    def match(self, question: str, *, meaning: Vectors | None = None) -> Match:
        """What ``question`` is about: one rule, several, or nothing the catalogue covers.

        ``meaning`` is the question embedded by the index's model: with it, closeness in
        meaning joins the words (see :meth:`_by_meaning`); without it, words alone decide.
        """
        tool, rest = self.find_tool(question)
        content = [w for w in rest if w not in FILLERS]
        if self.semantic is not None and meaning is not None:
            return self._by_meaning(content, tool, self.semantic.closeness(meaning))
        candidates = self.score(content)
        if not candidates:
            return Match(kind=Kind.UNCOVERED, tool=tool)
        best = candidates[0]
        if best.score < CONFIDENT:
            close = self._by_id[best.rule].topic if best.score >= CLOSE else None
            return Match(
                kind=Kind.UNCOVERED,
                rule=best.rule,
                tool=tool,
                candidates=candidates,
                close_topic=close,
            )
        rivals = tuple(c.rule for c in candidates[1:4] if c.score >= best.score * MARGIN)
        if rivals:
            return Match(
                kind=Kind.AMBIGUOUS,
                rule=best.rule,
                alternatives=rivals,
                tool=tool,
                candidates=candidates,
            )
        return Match(kind=Kind.RULE, rule=best.rule, tool=tool, candidates=candidates)

    def _by_meaning(self, content: Sequence[str], tool: str | None, near: Closeness) -> Match:
        """Words and meaning together.

        Each rule's words score (0 to 1, as alone) and its standing in meaning (how far it
        stands out above the catalogue's median rule) are added, the words weighing
        ``WORDS_WEIGHT``. The best rule is the answer when the question is about the
        catalogue at all (closer to a rule than to everyday workplace questions, or its
        words plainly hit), its combined score is high and it leads the next rule clearly;
        when it does not lead clearly the asker picks among the close ones; otherwise the
        question is not covered (and the best rule's topic, when close, says whom to ask).
        """
        import numpy as np

        semantic = self.semantic
        assert semantic is not None
        raw, matched = self._raw(content)
        words = np.zeros(len(self._rules), dtype=np.float64)
        for index, (score, _value, _coverage) in raw.items():
            words[index] = score
        combined = WORDS_WEIGHT * np.minimum(words / CONFIDENT, 1.5) + near.standing
        order = np.argsort(-combined, kind="stable")[:5]
        candidates = tuple(
            self._explain(
                int(i),
                float(combined[i]),
                raw.get(int(i), (0.0, 0.0, 0.0)),
                matched,
                semantic.nearest(near, int(i)),
            )
            for i in order
        )
        best = float(combined[order[0]])
        second = float(combined[order[1]]) if len(order) > 1 else float("-inf")
        best_rule = candidates[0].rule
        lead = best - second
        about_us = near.scope >= IN_SCOPE or float(words[order[0]]) >= WORDS_ALONE
        meant = float(near.standing[order[0]]) >= MEANING_FLOOR
        if (
            about_us
            and meant
            and ((best >= SURE and lead >= LEAD) or (best >= SURE_ALONE and lead >= LEAD_ALONE))
        ):
            return Match(kind=Kind.RULE, rule=best_rule, tool=tool, candidates=candidates)
        topic = self._by_id[best_rule].topic if about_us and best >= NEAR else None
        if about_us and best >= CHOICE:
            close = [c.rule for c in candidates[1:3] if c.score >= CHOICE and best - c.score < SPAN]
            return Match(
                kind=Kind.AMBIGUOUS,
                rule=best_rule,
                alternatives=tuple(close),
                tool=tool,
                candidates=candidates,
                close_topic=topic,
            )
        return Match(
            kind=Kind.UNCOVERED,
            rule=best_rule,
            tool=tool,
            candidates=candidates,
            close_topic=topic,
        )

    def _raw(
        self, question_words: Sequence[str]
    ) -> tuple[dict[int, tuple[float, float, float]], list[tuple[str, list[str]]]]:
        """Per rule sharing a word: (score, strength, coverage); and the words known."""
        unique = list(dict.fromkeys(question_words))
        if not unique:
            return {}, []
        mass = 0.0
        strength: dict[int, float] = defaultdict(float)
        explained: dict[int, float] = defaultdict(float)
        matched: list[tuple[str, list[str]]] = []
        for word in unique:
            known = [s for s in stems(word) if s in self._idf]
            if not known:
                mass += UNKNOWN_WORD
                continue
            rarity = max(self._idf[s] for s in known)
            mass += rarity
            matched.append((word, known))
            if len(known) == 1:
                weights = self._weights[known[0]]
            else:  # the best weight of each rule over the word's stems
                weights = {}
                for stem in known:
                    for index, weight in self._weights[stem].items():
                        if weight > weights.get(index, 0.0):
                            weights[index] = weight
            for index, weight in weights.items():
                strength[index] += weight * rarity
                explained[index] += rarity
        present = set().union(*(stems(w) for w in unique))
        raw = {}
        for index, value in strength.items():
            for phrase in self._rules[index].phrases:
                if all(forms & present for forms in phrase):
                    value += PHRASE_BONUS * len(phrase)
            coverage = explained[index] / mass
            raw[index] = (coverage * min(1.0, value / STRENGTH_FULL), value, coverage)
        return raw, matched

    def _explain(
        self,
        index: int,
        score: float,
        raw: tuple[float, float, float],
        matched: Sequence[tuple[str, list[str]]],
        meaning: Nearest | None = None,
    ) -> Candidate:
        """One scored rule with the words that hit it and where they were found."""
        entry = self._rules[index]
        hits = []
        for word, known in matched:
            here = [entry.weights[s] for s in known if s in entry.weights]
            if here:
                hits.append(Hit(word=word, source=max(here, key=lambda h: h[0])[1]))
        return Candidate(
            rule=entry.id,
            score=round(score, 4),
            strength=round(raw[1], 3),
            coverage=round(raw[2], 3),
            hits=tuple(hits),
            meaning=meaning,
        )

    def score(self, question_words: Sequence[str], *, limit: int = 5) -> tuple[Candidate, ...]:
        """The ``limit`` best rules for these (filler-free, folded) words, best first.

        Every rule sharing a word is scored with plain arithmetic; only the best few are
        explained (which word, found where), so a large catalogue costs little more.
        """
        raw, matched = self._raw(question_words)
        best = heapq.nlargest(limit, raw.items(), key=lambda item: (item[1][0], -item[0]))
        found = [self._explain(index, values[0], values, matched) for index, values in best]
        found.sort(key=lambda c: (-c.score, c.rule))
        return tuple(found)
