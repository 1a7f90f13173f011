"""Which model ``TANDEM_MEANING_MODEL`` names, made once per process."""

from __future__ import annotations

import functools
from pathlib import Path
from typing import TYPE_CHECKING

from platformdirs import user_cache_dir

from tandem.meaning.memo import Remembered

if TYPE_CHECKING:
    from tandem.meaning.port import Embedder

BUILTIN = "builtin"
OFF = ("none", "off", "lexical")
EXTERNAL = "sentence-transformers:"


class UnknownModel(ValueError):
    """The setting names no model Tandem knows how to load."""


def check_setting(value: str) -> str:
    """``value`` if it names a model Tandem can use, else :class:`UnknownModel`."""
    clean = value.strip()
    if clean.lower() in (BUILTIN, *OFF) or (
        clean.startswith(EXTERNAL) and clean[len(EXTERNAL) :].strip()
    ):
        return clean
    raise UnknownModel(
        f"TANDEM_MEANING_MODEL={value!r}: use 'builtin' (the shipped model), 'none' "
        f"(words only) or '{EXTERNAL}<model name>'"
    )


@functools.cache
def embedder_for(setting: str) -> Embedder | None:
    """The process's embedder for ``setting`` (None: match on words only)."""
    value = check_setting(setting)
    if value.lower() in OFF:
        return None
    if value.lower() == BUILTIN:
        from tandem.meaning.builtin import BuiltinEmbedder

        return Remembered(BuiltinEmbedder())
    from tandem.meaning.external import SentenceTransformerEmbedder

    cache = Path(user_cache_dir("tandem", appauthor=False)) / "models"
    return Remembered(
        SentenceTransformerEmbedder(model=value[len(EXTERNAL) :].strip(), cache=cache)
    )
