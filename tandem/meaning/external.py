"""A stronger model an operator names: any sentence-transformers model (the optional
extra ``tandem[meaning]``), downloaded once into Tandem's data folder on first use. Only
for deployments with a network; the shipped default needs none."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from tandem.meaning.port import Vectors


class ModelUnavailable(RuntimeError):
    """The named model cannot be used here (the extra is missing, or it failed to load)."""


class SentenceTransformerEmbedder:
    """A sentence-transformers model by name (``intfloat/multilingual-e5-base``…).

    e5-family models expect ``query:`` and ``passage:`` prefixes; they are added when the
    name says e5.
    """

    def __init__(self, *, model: str, cache: Path) -> None:
        self._model_name = model
        self._cache = cache
        self._model: Any = None
        prefixed = "e5" in model.lower()
        self._query_prefix = "query: " if prefixed else ""
        self._passage_prefix = "passage: " if prefixed else ""

    @property
    def name(self) -> str:
        """The model's name."""
        return f"sentence-transformers:{self._model_name}"

    def _loaded(self) -> Any:
        if self._model is None:
            try:
                from sentence_transformers import SentenceTransformer
            except ImportError as error:
                raise ModelUnavailable(
                    "TANDEM_MEANING_MODEL names a sentence-transformers model, but the "
                    "extra is not installed: pip install 'tandem[meaning]'"
                ) from error
            self._model = SentenceTransformer(self._model_name, cache_folder=str(self._cache))
        return self._model

    def _embed(self, texts: Sequence[str], prefix: str) -> Vectors:
        import numpy as np

        found = self._loaded().encode(
            [prefix + t for t in texts], normalize_embeddings=True, convert_to_numpy=True
        )
        return np.asarray(found, dtype=np.float32).reshape(len(texts), -1)

    def queries(self, texts: Sequence[str]) -> Vectors:
        """Embed questions."""
        return self._embed(texts, self._query_prefix)

    def passages(self, texts: Sequence[str]) -> Vectors:
        """Embed statements."""
        return self._embed(texts, self._passage_prefix)
