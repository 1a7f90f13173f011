"""The questions a member is asked, and which answers are blockers."""

from __future__ import annotations

from tandem.bot.i18n import Translator
from tandem.bot.text import fold
from tandem.storage.records import StandupSettings

DEFAULT_KEYS = ("standup.q.yesterday", "standup.q.today", "standup.q.blockers")
DEFAULT_BLOCKERS = 2
_BLOCKER_WORDS = ("block", "bloqu", "obstacle", "imped", "stuck", "frein", "coinc")
_NOTHING = {
    "",
    "none",
    "no",
    "nope",
    "nothing",
    "n a",
    "na",
    "nil",
    "no blockers",
    "no blocker",
    "none today",
    "nothing today",
    "nothing blocking",
    "not blocked",
    "all good",
    "rien",
    "non",
    "aucun",
    "aucune",
    "ras",
    "rien a signaler",
    "pas de blocage",
    "aucun blocage",
    "pas bloque",
    "pas bloquee",
    "rien de bloquant",
}


def questions_for(settings: StandupSettings, *, t: Translator) -> tuple[str, ...]:
    """The stand-up's questions in the reader's language (defaults are translated)."""
    if settings.questions:
        return settings.questions
    return tuple(t(key) for key in DEFAULT_KEYS)


def blockers_index(settings: StandupSettings) -> int | None:
    """Which question asks for blockers: the default third, or a custom one naming them."""
    if not settings.questions:
        return DEFAULT_BLOCKERS
    for index, question in enumerate(settings.questions):
        if any(word in fold(question) for word in _BLOCKER_WORDS):
            return index
    return None


def blocker_text(settings: StandupSettings, answers: tuple[str, ...]) -> str | None:
    """The blocker an answer reports, or None when it says "none", "rien" or nothing."""
    index = blockers_index(settings)
    if index is None or index >= len(answers):
        return None
    text = answers[index].strip()
    if fold(text).rstrip(" .!") in _NOTHING:
        return None
    return text
