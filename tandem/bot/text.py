"""Cleaning what people type before anything reads it."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection

# Controls, zero-width and direction marks, and the invisible operators (U+2060–2064):
# U+2063 marks Tandem's own mentions, so nobody may type one.
MAX_TYPED = 2000
"""The longest text a person may type for Tandem to keep (a blocker, a stand-up answer):
longer is refused with a message saying so, never cut silently."""

_CONTROL = re.compile(
    r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u2069\ufeff]"
)
_SPACES = re.compile(r"\s+")


def clean_input(text: str, *, keep: Collection[str] = ()) -> tuple[str, bool]:
    """Drop control and invisible characters and squeeze spaces.

    ``keep`` are pieces of ``text`` kept whole: the tokens of the mentions an adapter
    found (their invisible separators are Tandem's, every other one is dropped).

    Returns:
        The cleaned text and whether anything unreadable was removed.
    """
    normalised = unicodedata.normalize("NFC", text).replace("\t", " ")
    pieces = [normalised]
    if keep:
        tokens = {unicodedata.normalize("NFC", token) for token in keep if token}
        kept = "|".join(re.escape(token) for token in sorted(tokens, key=len, reverse=True))
        pieces = re.split(f"({kept})", normalised) if kept else pieces
    removed = False
    for index in range(0, len(pieces), 2):  # odd indexes are kept tokens
        stripped = _CONTROL.sub("", pieces[index])
        removed = removed or stripped != pieces[index]
        pieces[index] = stripped
    return _SPACES.sub(" ", "".join(pieces)).strip(), removed


def clean_field(text: str) -> str:
    """A form field as typed, lines kept: controls and invisible characters dropped."""
    return _CONTROL.sub("", unicodedata.normalize("NFC", text).replace("\t", " "))


_NON_WORD = re.compile(r"[^\w]+")


def fold(text: str) -> str:
    """Lower-case, accent-free, punctuation-free text for comparing names.

    ``"Noms de Domaine!"`` and ``"noms-de-domaine"`` both fold to ``"noms de domaine"``.
    """
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _NON_WORD.sub(" ", bare.replace("_", " ")).strip()
