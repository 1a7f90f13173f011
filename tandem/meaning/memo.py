"""Embeddings remembered per process, so that rebuilding an index after one rule changed
embeds only that rule's texts."""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tandem.meaning.port import Embedder, Vectors

LIMIT = 50_000  # texts; about 75 MB of 384-dimension vectors at the very most


class Remembered:
    """An :class:`Embedder` that embeds each distinct text once (least recently used
    texts are forgotten beyond ``limit``)."""

    def __init__(self, embedder: Embedder, *, limit: int = LIMIT) -> None:
        self._embedder = embedder
        self._limit = limit
        self._known: OrderedDict[tuple[bool, str], Vectors] = OrderedDict()
        self._lock = threading.Lock()

    @property
    def name(self) -> str:
        """The model's name."""
        return self._embedder.name

    def _embed(self, texts: Sequence[str], *, query: bool) -> Vectors:
        rows: list[Vectors | None] = []
        missing: list[str] = []
        with self._lock:
            for text in texts:
                row = self._known.get((query, text))
                if row is not None:
                    self._known.move_to_end((query, text))
                else:
                    missing.append(text)
                rows.append(row)
        if missing:
            unique = list(dict.fromkeys(missing))
            made = self._embedder.queries(unique) if query else self._embedder.passages(unique)
            fresh = dict(zip(unique, made, strict=True))
            with self._lock:
                for text, row in fresh.items():
                    self._known[(query, text)] = row
                while len(self._known) > self._limit:
                    self._known.popitem(last=False)
            rows = [fresh[t] if r is None else r for t, r in zip(texts, rows, strict=True)]
        if not rows:
            return self._embedder.queries([]) if query else self._embedder.passages([])
        import numpy as np

        return np.stack([r for r in rows if r is not None])

    def queries(self, texts: Sequence[str]) -> Vectors:
        """Embed questions, each distinct one once."""
        return self._embed(texts, query=True)

    def passages(self, texts: Sequence[str]) -> Vectors:
        """Embed statements, each distinct one once."""
        return self._embed(texts, query=False)
