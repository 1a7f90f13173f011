"""The questions a member is asked, and which answers are blockers."""

from __future__ import annotations

from tandem.bot.i18n import Translator
from tandem.bot.text import fold
from tandem.storage.records import StandupSettings

DEFAULT_KEYS = ("standup.q.yesterday", "standup.q.today", "standup.q.blockers")
DEFAULT_BLOCKERS = 2
_BLOCKER_WORDS = (  # folded stems, English and French: blocked, blocage, bloquant, stuck…
    "block",
    "bloc",
    "obstacle",
    "imped",
    "stuck",
    "frein",
    "coinc",
    "empech",
    "hinder",
)
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


def default_blockers(questions: tuple[str, ...]) -> int | None:
    """Which question collects blockers when the lead does not say: the third of the
    default questions, else the first whose words name blockers in English or French
    ("Anything blocking you?", "Blocages ?", "Des obstacles ?"), else none. Setup stores
    the choice in the stand-up's settings, where the lead reads and changes it."""
    if not questions:
        return DEFAULT_BLOCKERS
    for index, question in enumerate(questions):
        if any(word in fold(question) for word in _BLOCKER_WORDS):
            return index
    return None


def blocker_text(settings: StandupSettings, answers: tuple[str, ...]) -> str | None:
    """The blocker an answer reports (to the question the settings name), or None when
    it says "none", "rien" or nothing."""
    index = settings.blockers
    if index is None or index >= len(answers):
        return None
    text = answers[index].strip()
    if fold(text).rstrip(" .!") in _NOTHING:
        return None
    return text
