"""The port every sentence-embedding model is used through."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:  # numpy is imported when a model first embeds, not at start
    import numpy as np
    import numpy.typing as npt

    Vectors = npt.NDArray[np.float32]
    """One L2-normalised row a text: the dot product of two rows is their cosine similarity."""


class Embedder(Protocol):
    """Turns texts into vectors whose closeness is closeness in meaning.

    Questions and the texts they are compared with may be embedded differently (e5-style
    models prefix ``query:`` and ``passage:``): ``queries`` for what people ask, and for
    questions kept as examples, ``passages`` for statements (a rule's answer, a topic's
    description). Calls are blocking and CPU-bound: callers run them off the event loop.
    """

    @property
    def name(self) -> str:
        """Which model, for logs, caches and ``--json`` (``builtin:e5-small-q4``…)."""
        ...

    def queries(self, texts: Sequence[str]) -> Vectors:
        """Embed questions."""
        ...

    def passages(self, texts: Sequence[str]) -> Vectors:
        """Embed statements."""
        ...
