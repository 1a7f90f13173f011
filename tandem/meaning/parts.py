"""Things (rules, topics…) read in several parts, and how close a question is to each.

Each thing is embedded as a few texts, each of a named part (a rule's title, examples,
answer; a topic's title, aliases, description). A question's closeness to a thing is the
weighted mean, over the thing's parts, of its best similarity within each part. Raw
similarities of a small multilingual model are crowded together (0.78 to 0.92 for
everything), so they are read relative to the others: how far a thing stands out above
the typical one, in standard deviations (its *standing*).

Building embeds (blocking, CPU): callers build off the event loop.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from tandem.meaning.port import Embedder

Vectors = npt.NDArray[np.float32]
_Ints = npt.NDArray[np.int64]
MIN_SPREAD = 0.01  # below it, similarities do not tell things apart


@dataclass(frozen=True, slots=True)
class Part:
    """One text of one thing (``owner`` is the thing's number)."""

    owner: int
    part: str
    text: str


@dataclass(frozen=True, slots=True)
class Nearest:
    """The text of a thing a question came closest to."""

    part: str
    text: str
    similarity: float


class PartsIndex:
    """Things as weighted parts of embedded text.

    Args:
        count: how many things (owners are numbered from 0).
        parts: their texts; a thing may lack a part (its other parts then count).
        weights: each part's weight in a thing's closeness.
        question_like: the parts written as questions are (embedded as questions).
    """

    def __init__(
        self,
        *,
        count: int,
        parts: Sequence[Part],
        weights: Mapping[str, float],
        question_like: frozenset[str],
        embedder: Embedder,
    ) -> None:
        self.count = count
        self.embedder = embedder
        kept = [p for p in parts if p.text.strip() and p.part in weights]
        self._owners = np.array([p.owner for p in kept], dtype=np.int64)
        self._parts = tuple(p.part for p in kept)
        self._texts = tuple(p.text for p in kept)
        self.question_like = np.array([p.part in question_like for p in kept], dtype=bool)
        asked = [i for i, p in enumerate(kept) if p.part in question_like]
        told = [i for i, p in enumerate(kept) if p.part not in question_like]
        self.vectors = np.zeros((len(kept), 0), dtype=np.float32)
        if kept:
            as_questions = embedder.queries([kept[i].text for i in asked])
            as_statements = embedder.passages([kept[i].text for i in told])
            width = as_questions.shape[1] if asked else as_statements.shape[1]
            self.vectors = np.zeros((len(kept), width), dtype=np.float32)
            if asked:
                self.vectors[asked] = as_questions
            if told:
                self.vectors[told] = as_statements
        self._segments: list[tuple[float, _Ints, _Ints, _Ints]] = []
        for part, weight in weights.items():
            chosen = [i for i, p in enumerate(kept) if p.part == part]
            if not chosen:
                continue
            ordered = np.array(sorted(chosen, key=lambda i: kept[i].owner), dtype=np.int64)
            owning = self._owners[ordered]
            starts = np.flatnonzero(np.r_[True, owning[1:] != owning[:-1]])
            self._segments.append((weight, ordered, starts, owning[starts]))

    def __len__(self) -> int:
        return len(self._texts)

    def similarity(self, question: Vectors) -> Vectors:
        """The question's similarity to every text."""
        if not len(self._texts):
            return np.zeros(0, dtype=np.float32)
        found: Vectors = self.vectors @ question
        return found

    def standing(self, similarity: Vectors) -> Vectors:
        """Per thing, how many standard deviations its closeness stands above the median
        thing's (things without any text stand at the bottom)."""
        total = np.zeros(self.count, dtype=np.float64)
        weight = np.zeros(self.count, dtype=np.float64)
        for part_weight, ordered, starts, owning in self._segments:
            total[owning] += part_weight * np.maximum.reduceat(similarity[ordered], starts)
            weight[owning] += part_weight
        if not weight.any():
            return np.zeros(self.count, dtype=np.float32)
        closeness = np.where(weight > 0, total / np.maximum(weight, 1e-9), 0.0)
        present = closeness[weight > 0]
        spread = float(present.std()) if len(present) > 2 else 0.0
        found = (closeness - float(np.median(present))) / max(spread, MIN_SPREAD)
        return np.where(weight > 0, found, found.min(initial=0.0)).astype(np.float32)

    def nearest(self, similarity: Vectors, owner: int) -> Nearest | None:
        """The text of thing ``owner`` the question came closest to."""
        mine = np.flatnonzero(self._owners == owner)
        if not len(mine):
            return None
        best = int(mine[int(np.argmax(similarity[mine]))])
        return Nearest(
            part=self._parts[best],
            text=self._texts[best],
            similarity=round(float(similarity[best]), 3),
        )
