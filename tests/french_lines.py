"""Is every line a French reader's chat printed French? Each line is taken apart as the
terminal draws it (a card's columns, a button's label, a channel's header), and each part
must be a line of a French catalogue message (its placeholders read as anything), or be
made of French catalogue messages, dates written in French and data: what people typed
and what the organisation's files hold (names, topics, rules written in English only).
"""

from __future__ import annotations

import csv
import re
import string
from collections.abc import Collection, Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cache
from pathlib import Path

import yaml
from babel.dates import get_day_names, get_month_names

from tandem.bot.i18n.fr import MESSAGES
from tandem.bot.timefmt import format_day, format_instant, format_meeting

_LETTER = re.compile(r"[^\W\d_]")
_WORD = re.compile(r"[^\W\d_]{2,}")
_COLUMNS = re.compile(r"\s{2,}")
_BUTTON = re.compile(r"^\[\d+\] ")
_CHANNEL = re.compile(r"^\[#[\w-]+\]$")
_RULE = re.compile(r"^─+$")


def _template(line: str) -> tuple[str, re.Pattern[str]] | None:
    """A catalogue line as a regex (each placeholder: anything), with its longest piece of
    text (a line without it cannot be this one); None when the line has no words of its
    own (``{name} ({topic})`` would read any line as French)."""
    parts = []
    pieces = []
    for text, placeholder, _spec, _conversion in string.Formatter().parse(line):
        parts.append(re.escape(text))
        pieces.append(text)
        if placeholder is not None:
            parts.append(".+?")
    if len(_LETTER.findall("".join(pieces))) < 2:
        return None
    return max(pieces, key=len), re.compile("".join(parts))


def _alone(text: str) -> re.Pattern[str]:
    """``text`` where it is not part of a longer word."""
    return re.compile(rf"(?<!\w){re.escape(text)}(?!\w)")


@dataclass(frozen=True)
class _Catalogue:
    templates: tuple[tuple[str, re.Pattern[str]], ...]
    """Every French catalogue line with placeholders."""
    plain: tuple[tuple[str, re.Pattern[str]], ...]
    """Those without, longest first: a line may put several together."""

    def matches(self, text: str) -> bool:
        """Whether ``text`` is one catalogue line, its placeholders filled."""
        return any(piece in text and line.fullmatch(text) for piece, line in self.templates)


@cache
def _catalogue() -> _Catalogue:
    templates: dict[str, tuple[str, re.Pattern[str]]] = {}
    plain: set[str] = set()
    for message in MESSAGES.values():
        for line in message.splitlines():
            line = line.strip()
            if "{" in line:
                found = _template(line)
                if found is not None:
                    templates[line] = found
            elif _LETTER.search(line):
                plain.add(line)
    return _Catalogue(
        templates=tuple(templates.values()),
        plain=tuple((text, _alone(text)) for text in sorted(plain, key=len, reverse=True)),
    )


def _date_pattern() -> re.Pattern[str]:
    """Instants, days and meetings as Tandem writes them in French (any day, any hour)."""
    months = {*get_month_names("wide", locale="fr").values()}
    months |= {*get_month_names("abbreviated", locale="fr").values()}
    days = {*get_day_names("wide", locale="fr").values()}
    at = datetime(2027, 1, 11, 8, 30, tzinfo=UTC)
    examples = (
        format_instant(moment=at, timezone="Europe/Paris", locale="fr"),
        format_day(day=at.date(), locale="fr"),
        format_meeting(moment=at, timezone="Europe/Paris", locale="fr"),
    )
    names = sorted(months | days, key=len, reverse=True)
    name = re.compile("|".join(rf"\b{re.escape(n)}(?!\w)" for n in names))
    alternatives = []
    for example in examples:
        pieces = re.split(r"(\d+)", name.sub("\0", example))
        pattern = "".join(r"\d+" if piece.isdigit() else re.escape(piece) for piece in pieces)
        alternatives.append(pattern.replace("\0", "(?:" + "|".join(map(re.escape, names)) + ")"))
    return re.compile("|".join(alternatives))


def organisation_data(*files: Path) -> set[str]:
    """Every value of the organisation's CSV and YAML files: names, emails, topics, rules
    and tools as their authors wrote them (English only in the shared fixtures)."""
    found: set[str] = set()

    def walk(value: object) -> Iterator[str]:
        if isinstance(value, str):
            yield value
        elif isinstance(value, dict):
            for item in value.values():
                yield from walk(item)
        elif isinstance(value, list):
            for item in value:
                yield from walk(item)

    for path in files:
        text = path.read_text("utf-8")
        if path.suffix == ".csv":
            found.update(cell for row in csv.reader(text.splitlines()) for cell in row)
        else:
            found.update(walk(yaml.safe_load(text)))
    return {value.strip() for value in found if _LETTER.search(value)}


def _parts(line: str) -> list[str]:
    """What the terminal put together in ``line``: a card's columns, a button's label."""
    line = _BUTTON.sub("", line.strip().removeprefix("• "))
    return [part for part in _COLUMNS.split(line) if part]


def _without(text: str, pieces: Iterable[tuple[str, re.Pattern[str]]]) -> str:
    """``text`` with each of ``pieces`` found in it (as words) taken out."""
    for piece, alone in pieces:
        if piece in text:
            text = alone.sub("\0", text)
    return text


def not_french(printed: str, *, data: Collection[str]) -> list[str]:
    """The lines of ``printed`` that hold something neither French nor data, each with
    what was left of it once the French and the data were taken out."""
    catalogue = _catalogue()
    dates = _date_pattern()
    known = [(d, _alone(d)) for d in sorted({d for d in data if d}, key=len, reverse=True)]
    strays = []
    for line in printed.splitlines():
        text = line.strip()
        if not text or _RULE.match(text) or _CHANNEL.match(text):
            continue
        for part in _parts(text):
            if catalogue.matches(part):
                continue
            dated = dates.sub("\0", part)
            # the data taken out first, or the French first: each may hold the other's words
            rests = [_without(dated, (*known, *catalogue.plain))]
            rests.append(_without(dated, (*catalogue.plain, *known)))
            if all(_WORD.search(rest) and not catalogue.matches(rest) for rest in rests):
                strays.append(f"{text}  ←  {rests[0].replace(chr(0), '…')}")
                break
    return strays
