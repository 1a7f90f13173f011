"""How close in meaning a question is to each rule, and whether it is about rules at all.

Each rule is read in four parts, each embedded once when the catalogue is indexed: its
title and its examples (with the questions IT filed under it) as questions are, its
answer and its keywords as statements. A question's closeness to a rule is the weighted
mean, over the parts, of its best similarity within each part. Raw similarities of a
small multilingual model are crowded together (0.78 to 0.92 for everything), so the
matcher reads them relative to the others: how far a rule stands out above the
catalogue's typical rule, in standard deviations.

Whether a question is about the catalogue at all is read against everyday workplace
questions no marketing/IT guardrail answers (``elsewhere.txt``: a lost password, a
meeting room, holidays…): a question closer to those than to any rule's question-like
text is not covered, whatever words it shares with a rule. Reference questions a rule
of this catalogue resembles are dropped, so a catalogue that does cover laptops keeps
its laptop questions.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources

import numpy as np

from tandem.meaning.parts import Nearest, Part, PartsIndex, Vectors
from tandem.meaning.port import Embedder
from tandem.storage.records import RuleRecord

WEIGHTS = {"title": 1.0, "example": 2.0, "answer": 2.0, "keywords": 1.0}
QUESTION_LIKE = frozenset(("title", "example"))
CATALOGUE_WINS = 0.9  # a reference question this close to a rule's text is dropped
__all__ = ["Closeness", "Nearest", "SemanticIndex", "elsewhere", "group_similar", "rule_parts"]


@cache
def elsewhere() -> tuple[str, ...]:
    """The shipped everyday questions that are no guardrail's business."""
    text = resources.files("tandem.rituals.guardrails").joinpath("elsewhere.txt").read_text("utf-8")
    return tuple(
        line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")
    )


@dataclass(frozen=True, slots=True)
class Closeness:
    """One question against the whole catalogue.

    Attributes:
        standing: per rule (in index order), how many standard deviations its closeness
            stands above the catalogue's median rule.
        similarity: the question's similarity to every embedded text (for ``nearest``).
        scope: the best similarity to a rule's question-like text minus the best to an
            everyday reference question (below zero: about something else).
    """

    standing: Vectors
    similarity: Vectors
    scope: float


def rule_parts(rule: RuleRecord, learned: Sequence[str] = ()) -> list[tuple[str, str]]:
    """The (part, text) pairs a rule is embedded as."""
    parts = [("title", rule.title)]
    parts += [("title", t.title) for t in rule.translations.values() if t.title]
    parts += [("example", e) for e in (*rule.examples, *learned) if e.strip()]
    parts.append(("answer", rule.answer))
    parts += [("answer", t.answer) for t in rule.translations.values() if t.answer]
    if rule.keywords:
        parts.append(("keywords", ", ".join(rule.keywords)))
    return [(part, text) for part, text in parts if text.strip()]


class SemanticIndex:
    """The catalogue's rules as vectors; built off the event loop (it embeds)."""

    def __init__(
        self,
        *,
        rules: Sequence[RuleRecord],
        embedder: Embedder,
        learned: Mapping[str, Sequence[str]] | None = None,
    ) -> None:
        self.embedder = embedder
        self.rule_ids = tuple(r.id for r in rules)
        self._parts = PartsIndex(
            count=len(rules),
            parts=[
                Part(owner=number, part=part, text=text)
                for number, rule in enumerate(rules)
                for part, text in rule_parts(rule, (learned or {}).get(rule.id, ()))
            ],
            weights=WEIGHTS,
            question_like=QUESTION_LIKE,
            embedder=embedder,
        )
        reference = embedder.queries(list(elsewhere()))
        asked = self._parts.vectors[self._parts.question_like]
        if len(asked) and len(reference):
            close = (reference @ asked.T).max(axis=1, initial=-1.0)
            reference = reference[close < CATALOGUE_WINS]
        self._reference = reference

    def __len__(self) -> int:
        return len(self.rule_ids)

    def closeness(self, question: Vectors) -> Closeness:
        """How close ``question`` (one embedded question) is to each rule."""
        similarity = self._parts.similarity(question)
        if not len(similarity):
            return Closeness(
                standing=np.zeros(len(self.rule_ids), np.float32), similarity=similarity, scope=-1.0
            )
        asked = similarity[self._parts.question_like]
        best_rule = float(asked.max()) if len(asked) else float(similarity.max())
        best_elsewhere = float((self._reference @ question).max()) if len(self._reference) else 0.0
        return Closeness(
            standing=self._parts.standing(similarity),
            similarity=similarity,
            scope=best_rule - best_elsewhere,
        )

    def nearest(self, closeness: Closeness, rule: int) -> Nearest | None:
        """The text of rule number ``rule`` the question came closest to."""
        return self._parts.nearest(closeness.similarity, rule)


SAME_QUESTION = 0.92  # two questions this close ask the same thing (e5's scale)


def group_similar(vectors: Vectors, *, threshold: float = SAME_QUESTION) -> list[list[int]]:
    """Rows that ask the same thing, grouped (each group in row order, the groups in the
    order of their first row): a row joins the first group whose first row is this close."""
    groups: list[list[int]] = []
    for row in range(len(vectors)):
        for group in groups:
            if float(vectors[group[0]] @ vectors[row]) >= threshold:
                group.append(row)
                break
        else:
            groups.append([row])
    return groups
