"""Finding the RACI topic a whole question is about: names first, then meaning.

The names matcher (:mod:`tandem.rituals.common.topic_match`) is right about terms, aliases and
typos ("dns", "noms de domaine", "cookeis"), and never guesses. A whole question as people
type it ("who do I ask about the banner asking visitors to accept cookies?") names
something in other words: then each topic's title, aliases and description, embedded
once, say which topic the question means, the names matcher's answer counting as a
head start. The guardrail catalogue knows more words than the matrix ("a pixel", "a list
of leads"): when a rule answers the question, its topic gets a head start too. A topic is
named only when it stands clearly above the others; otherwise the closest are offered and
nobody is named: a wrong owner is worse than a choice.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from tandem.bot.text import fold
from tandem.rituals.common.topic_match import TopicMatch, TopicMatcher, tokens
from tandem.storage.records import TenantRef, TopicKeys

if TYPE_CHECKING:
    from tandem.meaning.parts import PartsIndex, Vectors
    from tandem.meaning.port import Embedder

WEIGHTS = {"title": 1.0, "aliases": 1.0, "description": 2.0}
WHOLE_QUESTION = 3  # significant words from which a query is read for its meaning
# Calibrated on tests/data/who_owns_questions.yaml and who_owns_demo_questions.yaml.
NAMED = 1.0  # what the names matcher's confident topic adds to its standing in meaning
SUGGESTED = 0.6  # what a topic the names matcher suggests adds
SURE = 2.0  # standard deviations above the median topic (with the names' share)
LEAD = 0.6  # ahead of the next topic by at least this
SUGGEST = 1.5  # topics this close are suggested
# What the guardrail rules say adds to a topic's standing (same calibration sets, with the
# fixtures' and the demo's catalogues): the topic of the rule that answers the question,
# or of each rule offered to pick from.
RULE_ANSWERS = 1.2
RULE_OFFERED = 0.8


@dataclass(frozen=True, slots=True)
class RuleHint:
    """The topics of the guardrail rules a question falls under."""

    answers: str | None = None
    offered: tuple[str, ...] = ()


RuleHints = Callable[[TenantRef, str, "Vectors"], Awaitable[RuleHint]]
"""Asks the guardrail catalogue which rules' topics ``question`` (embedded) falls under."""


class TopicFinder:
    """A tenant's topics, by name and (with a model) by meaning."""

    def __init__(self, *, topics: Sequence[TopicKeys], embedder: Embedder | None = None) -> None:
        self.names = TopicMatcher(topics=topics)
        self.slugs = self.names.slugs
        self.embedder = embedder if topics else None
        self._topics = tuple(topics)
        self._meaning: PartsIndex | None = None

    def wants_meaning(self, query: str) -> bool:
        """Whether ``query`` is a whole question worth embedding (a term is not)."""
        return self.embedder is not None and len(tokens(fold(query))) >= WHOLE_QUESTION

    def understand(self, query: str) -> Vectors | None:
        """``query`` embedded when it is a whole question, the topics embedded on first
        use (blocking, CPU: call it in a thread); None for a term."""
        if self.embedder is None or not self.wants_meaning(query):
            return None
        if self._meaning is None:
            from tandem.meaning.parts import Part, PartsIndex

            parts = []
            for number, topic in enumerate(self._topics):
                parts.append(Part(owner=number, part="title", text=topic.title))
                if topic.aliases:
                    parts.append(Part(owner=number, part="aliases", text=", ".join(topic.aliases)))
                if topic.description:
                    parts.append(Part(owner=number, part="description", text=topic.description))
            self._meaning = PartsIndex(
                count=len(self._topics),
                parts=parts,
                weights=WEIGHTS,
                question_like=frozenset(),
                embedder=self.embedder,
            )
        found: Vectors = self.embedder.queries([query])[0]
        return found

    def match(
        self, query: str, *, meaning: Vectors | None = None, rules: RuleHint | None = None
    ) -> TopicMatch:
        """The topic ``query`` is about, or suggestions; ``meaning`` is what
        :meth:`understand` made of it, ``rules`` what the guardrail rules say of it."""
        found = self.names.match(query)
        if self._meaning is None or meaning is None or not self.wants_meaning(query):
            return found
        import numpy as np

        combined = self._meaning.standing(self._meaning.similarity(meaning)).astype(float)
        if found.slug is not None:
            combined[self.slugs.index(found.slug)] += NAMED
        for slug in found.suggestions:
            combined[self.slugs.index(slug)] += SUGGESTED
        # Two topics the names fit equally ("landing page cookies") stay a choice: the rules
        # do not break a tie the asker's own words made.
        for slug, bonus in _rule_bonus(None if found.ambiguous else rules):
            if slug in self.slugs:
                combined[self.slugs.index(slug)] += bonus
        order = [int(i) for i in np.argsort(-combined, kind="stable")]
        best = order[0]
        lead = float(combined[best] - combined[order[1]]) if len(order) > 1 else float("inf")
        if float(combined[best]) >= SURE and lead >= LEAD:
            return TopicMatch(slug=self.slugs[best])
        close = [self.slugs[i] for i in order[:3] if float(combined[i]) >= SUGGEST]
        return TopicMatch(
            slug=None,
            suggestions=_unique([*close, *found.suggestions]),
            ambiguous=found.ambiguous or (len(close) > 1 and float(combined[order[1]]) >= SURE),
        )


def _rule_bonus(rules: RuleHint | None) -> list[tuple[str, float]]:
    if rules is None:
        return []
    if rules.answers is not None:
        return [(rules.answers, RULE_ANSWERS)]
    return [(slug, RULE_OFFERED) for slug in dict.fromkeys(rules.offered)]


def _unique(slugs: Sequence[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(slugs))[:3]
