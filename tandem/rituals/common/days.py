"""Days of the week as people type them, in English and French (``mon-fri``, ``lun,mer``,
``du lundi au vendredi``, ``weekdays``), and as they are written back to a reader."""

from __future__ import annotations

import re
import unicodedata

from tandem.bot.i18n import Translator
from tandem.bot.text import fold

_DAY_NAMES = {
    **{name: i for i, name in enumerate(("mon", "tue", "wed", "thu", "fri", "sat", "sun"))},
    **{name: i for i, name in enumerate(("lun", "mar", "mer", "jeu", "ven", "sam", "dim"))},
    **{
        name: i
        for i, name in enumerate(
            ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
        )
    },
    **{
        name: i
        for i, name in enumerate(
            ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")
        )
    },
}
_DAY_SETS = {
    "weekdays": (0, 1, 2, 3, 4),
    "workdays": (0, 1, 2, 3, 4),
    "semaine": (0, 1, 2, 3, 4),
    "daily": (0, 1, 2, 3, 4, 5, 6),
    "everyday": (0, 1, 2, 3, 4, 5, 6),
    "tous": (0, 1, 2, 3, 4, 5, 6),
    "touslesjours": (0, 1, 2, 3, 4, 5, 6),
    "quotidien": (0, 1, 2, 3, 4, 5, 6),
    "chaquejour": (0, 1, 2, 3, 4, 5, 6),
}


def _plain(text: str) -> str:
    """Lower case without accents, keeping the ``-`` and ``,`` that days are written with."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c)).strip()


def parse_days(text: str) -> tuple[int, ...]:
    """``mon-fri``, ``lun,mer``, ``weekdays``… as weekday numbers (0 is Monday).

    Raises:
        ValueError: a day that cannot be read (its message: the first 60 characters).
    """
    folded = fold(text).replace(" ", "")
    if folded in _DAY_SETS:
        return _DAY_SETS[folded]
    days: set[int] = set()
    spaced = re.sub(r"\s*-\s*", "-", _plain(text).replace(".", ""))
    spaced = re.sub(r"\bdu\s+(\w+)\s+au\s+(\w+)", r"\1-\2", spaced)  # du lundi au vendredi
    spaced = re.sub(r"\b(\w+)\s+(?:to|au|a)\s+(\w+)", r"\1-\2", spaced)  # mon to fri
    spaced = re.sub(r"\b(?:et|and)\b", ",", spaced)
    for part in filter(None, re.split(r"[,/;\s]+", spaced)):
        start, dash, end = part.partition("-")
        if start not in _DAY_NAMES or (dash and end not in _DAY_NAMES):
            raise ValueError(text[:60])
        first = _DAY_NAMES[start]
        last = _DAY_NAMES[end] if dash else first
        day = first
        while True:
            days.add(day)
            if day == last:
                break
            day = (day + 1) % 7
    if not days:
        raise ValueError(text[:60])
    return tuple(sorted(days))


def days_text(days: tuple[int, ...], *, t: Translator) -> str:
    """Days as typed back, in the reader's language: ``mon-fri`` (``lun-ven``) for runs of
    three or more, else a list; every day is ``daily`` (``tous les jours``)."""
    codes = t("days.short").split()
    ordered = sorted(set(days))
    if ordered == list(range(7)):
        return t("days.every")
    groups: list[list[int]] = []
    for day in ordered:
        if groups and groups[-1][-1] == day - 1:
            groups[-1].append(day)
        else:
            groups.append([day])
    parts = []
    for group in groups:
        if len(group) >= 3:
            parts.append(f"{codes[group[0]]}-{codes[group[-1]]}")
        else:
            parts.extend(codes[d] for d in group)
    return ",".join(parts)
