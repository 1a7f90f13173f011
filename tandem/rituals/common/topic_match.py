"""Finding the RACI topic a person means, or saying plainly that none fits.

Pure and fast: an index built once per tenant revision, then each lookup is a
dictionary hit for exact names, or a small token scoring with typo tolerance
(RapidFuzz) for everything else. The matcher never guesses: it answers one
topic only when it is clearly the best, and otherwise offers suggestions.
"""

from __future__ import annotations

import bisect
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

from tandem.bot.text import fold
from tandem.storage.records import TopicKeys

_ENGLISH_STOPWORDS = (
    "a an and are about do does for how i in is it's me my of on or our please "
    "the this to we what which who whom owns own owner owners with "
    "at be by from has have not still"
)
_FRENCH_STOPWORDS = (
    "au aux c ce d de des du en est et l la le les ma mes mon nos notre ou pour "
    "qu que qui quoi s sur un une "
    "avec ces cette dans il ils elle ne nous on pas par se sont toujours vous"
)
STOPWORDS = frozenset(f"{_ENGLISH_STOPWORDS} {_FRENCH_STOPWORDS}".split(" "))
CONFIDENT = 0.8
MARGIN = 0.15
SUGGEST = 0.34
MAX_TOKENS = 24
UNUSED_PENALTY = 0.3
SPELLING_FALLBACK_LIMIT = 2_000  # names; above it, suggestions come from words only


@dataclass(frozen=True, slots=True)
class TopicMatch:
    """The outcome of a lookup.

    Attributes:
        slug: the topic, only when the match is confident.
        suggestions: close topics to offer when there is no confident match.
        ambiguous: several topics fit about equally well.
    """

    slug: str | None
    suggestions: tuple[str, ...] = ()
    ambiguous: bool = False


def tokens(text: str) -> tuple[str, ...]:
    """Significant words of a folded text (stop words dropped unless nothing remains)."""
    words = text.split()[:MAX_TOKENS]
    kept = tuple(w for w in words if w not in STOPWORDS)
    return kept or tuple(words)


def _max_edits(word: str) -> int:
    """How many typing mistakes a word of this length may carry and still be recognised."""
    if len(word) < 3:
        return 0
    return 1 if len(word) < 8 else 2


def _deletions(word: str, depth: int) -> set[str]:
    """``word`` with up to ``depth`` letters removed (the symmetric-delete trick)."""
    found = {word}
    frontier = {word}
    for _ in range(depth):
        frontier = {w[:i] + w[i + 1 :] for w in frontier for i in range(len(w)) if len(w) > 1}
        found |= frontier
    return found


class TopicMatcher:
    """Matches free text against one tenant's topic names."""

    def __init__(self, *, topics: Sequence[TopicKeys]) -> None:
        self.slugs: tuple[str, ...] = tuple(t.slug for t in topics)
        self.titles: dict[str, str] = {t.slug: t.title for t in topics}
        self._keys = {t.slug: t for t in topics}
        self._exact: dict[str, int] = {}
        self._key_topic: list[int] = []
        self._key_tokens: list[tuple[str, ...]] = []
        self._key_text: list[str] = []
        postings: dict[str, list[int]] = defaultdict(list)
        for index, topic in enumerate(topics):
            for name in (topic.slug, topic.title, *topic.aliases, *topic.translations.values()):
                folded = fold(name)
                if not folded:
                    continue
                words = tokens(folded)
                self._exact.setdefault(folded, index)
                self._exact.setdefault(" ".join(words), index)
                key = len(self._key_topic)
                self._key_topic.append(index)
                self._key_tokens.append(words)
                self._key_text.append(folded)
                for word in set(words):
                    postings[word].append(key)
        self._postings = dict(postings)
        self._vocabulary = sorted(self._postings)
        self._deletes: dict[str, list[str]] = defaultdict(list)
        for word in self._vocabulary:
            for variant in _deletions(word, max(_max_edits(word), 1 if len(word) >= 3 else 0)):
                self._deletes[variant].append(word)

    def title(self, slug: str, *, locale: str) -> str:
        """A topic's title as a reader of ``locale`` sees it (the slug if unknown)."""
        keys = self._keys.get(slug)
        return keys.title_in(locale) if keys else slug

    def match(self, query: str) -> TopicMatch:
        """The topic ``query`` names, or suggestions when it names none clearly."""
        folded = fold(query)
        if not folded:
            return TopicMatch(slug=None)
        words = tokens(folded)
        exact = self._exact.get(folded, self._exact.get(" ".join(words)))
        if exact is not None:
            return TopicMatch(slug=self.slugs[exact])
        scores = self._score(words)
        ranked = sorted(scores.items(), key=lambda item: (-item[1], item[0]))
        if ranked and ranked[0][1] >= CONFIDENT:
            best, best_score = ranked[0]
            runner_up = ranked[1][1] if len(ranked) > 1 else 0.0
            if best_score - runner_up >= MARGIN:
                return TopicMatch(slug=self.slugs[best])
            close = [self.slugs[i] for i, s in ranked if best_score - s < MARGIN][:5]
            return TopicMatch(slug=None, suggestions=tuple(close), ambiguous=True)
        suggestions = [self.slugs[i] for i, s in ranked if s >= SUGGEST][:3]
        if not suggestions and len(self._key_text) <= SPELLING_FALLBACK_LIMIT:
            suggestions = self._closest_by_spelling(folded)
        return TopicMatch(slug=None, suggestions=tuple(suggestions[:3]))

    def _score(self, words: Sequence[str]) -> dict[int, float]:
        """Per topic, how well its best name fits the query.

        A name's score is the share of its words the query covers, less a
        penalty for the query's recognised words it leaves out: words that name
        something else pull towards another topic; noise words do not count.
        """
        covered: dict[int, dict[str, tuple[int, float]]] = defaultdict(dict)
        recognised = 0
        for position, word in enumerate(words):
            similar = self._similar_words(word)
            recognised += bool(similar)
            for known, similarity in similar:
                for key in self._postings[known]:
                    best = covered[key]
                    if similarity > best.get(known, (0, 0.0))[1]:
                        best[known] = (position, similarity)
        scores: dict[int, float] = {}
        for key, found in covered.items():
            coverage = sum(s for _, s in found.values()) / len(self._key_tokens[key])
            used = len({position for position, _ in found.values()})
            score = coverage - UNUSED_PENALTY * (1 - used / recognised)
            topic = self._key_topic[key]
            if score > scores.get(topic, 0.0):
                scores[topic] = score
        return scores

    def _similar_words(self, word: str) -> list[tuple[str, float]]:
        """Known words close to ``word``: itself, typos of it, words it begins."""
        found: dict[str, float] = {}
        if word in self._postings:
            found[word] = 1.0
        edits = _max_edits(word)
        if edits:
            candidates = {c for v in _deletions(word, edits) for c in self._deletes.get(v, ())}
            for known in candidates:
                distance = OSA.distance(word, known, score_cutoff=edits)
                if distance > edits or known in found:
                    continue
                if len(word) == 3 and sorted(known) != sorted(word):
                    continue  # three letters: only a swap of two is a typo, not a new word
                found[known] = 1.0 - 0.12 * distance
        if len(word) >= 4:
            start = bisect.bisect_left(self._vocabulary, word)
            for known in self._vocabulary[start : start + 8]:
                if not known.startswith(word):
                    break
                found.setdefault(known, 0.85)
        return list(found.items())

    def _closest_by_spelling(self, folded: str) -> list[str]:
        """Topics whose names are spelt most like the query, for suggestions only."""
        picked: list[str] = []
        for _text, _score, key in process.extract(
            folded, self._key_text, scorer=fuzz.WRatio, limit=20, score_cutoff=62
        ):
            slug = self.slugs[self._key_topic[key]]
            if slug not in picked:
                picked.append(slug)
            if len(picked) >= 3:
                break
        return picked
