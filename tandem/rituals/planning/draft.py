"""A planning session read from typed text or a form, checked before anything is stored.

Typed: ``/planning new "Q1 campaign planning" 2027-01-12 14:00 60min topics: landing-pages,
tracking-consent every other week 6 times``; the day may also be ``tomorrow`` or a weekday
(``tuesday``, ``mardi``: the next one to come, never today). The form gives the same
parts as separate inputs. Words are accepted in English and French. Problems come back as
:class:`DraftProblem` with a message key for the translator, never as a traceback.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from tandem.bot.text import fold
from tandem.rituals.common.working_time import at_local

MAX_TITLE = 200
MAX_TOPICS = 8
MAX_COUNT = 52
MAX_MINUTES = 8 * 60
DEFAULT_MINUTES = 60
MAX_AHEAD_DAYS = 2 * 366

_QUOTED = re.compile(r"^\s*[\"“«]\s*(?P<title>[^\"”»]*?)\s*[\"”»]\s*(?P<rest>.*)$", re.S)
_DATE = re.compile(r"\b(\d{4}-\d{1,2}-\d{1,2}|\d{1,2}/\d{1,2}/\d{4})\b")
_CLOCK = re.compile(r"^(\d{1,2})(?::|h)(\d{2})?$")
_DURATION = re.compile(r"^(?:(\d{1,2})h(\d{2})?|(\d{1,6})\s*(?:min|mins|minutes|mn|m))$")
_TOPICS = re.compile(r"\b(?:topics?|sujets?|themes?)\s*:", re.I)
_EVERY = re.compile(
    r"\b(?:every|each|chaque|toutes?\s+les|tous\s+les|weekly|biweekly|hebdomadaire)\b.*$", re.I
)
_COUNT = re.compile(r"\b(?:x\s*(\d{1,3})|(\d{1,3})\s*(?:times|fois|sessions?|occurrences?))\b")
_WEEKDAYS = {
    **{d: i for i, d in enumerate(("monday", "tuesday", "wednesday", "thursday", "friday"))},
    "saturday": 5,
    "sunday": 6,
    **{d: i for i, d in enumerate(("lundi", "mardi", "mercredi", "jeudi", "vendredi"))},
    "samedi": 5,
    "dimanche": 6,
}
_RELATIVE = {"tomorrow": 1, "demain": 1}
_NUMBERS = {"other": 2, "second": 2, "deux": 2, "2": 2, "three": 3, "trois": 3, "four": 4}


class DraftProblem(ValueError):
    """Something typed that cannot make a session; ``key`` and ``values`` feed the
    translator."""

    def __init__(self, key: str, **values: str) -> None:
        super().__init__(key)
        self.key = key
        self.values = values


@dataclass(frozen=True, slots=True)
class Parts:
    """The session as typed, part by part, before checking (also a form's inputs)."""

    title: str = ""
    day: str = ""
    clock: str = ""
    duration: str = ""
    topics: str = ""
    repeat: str = ""


@dataclass(frozen=True, slots=True)
class Draft:
    """A checked session: the organiser's wall time, topics as typed (resolved later)."""

    title: str
    day: date
    clock: time
    minutes: int
    topics: tuple[str, ...]
    every_weeks: int = 0
    count: int | None = None

    def starts_at(self, *, timezone: str) -> datetime:
        """The first meeting's start, in UTC."""
        return at_local(self.day, self.clock, timezone)


def split(text: str) -> Parts:
    """Cut a typed command into its parts; what cannot be told apart stays in the title."""
    rest = text.strip()
    title = ""
    quoted = _QUOTED.match(rest)
    if quoted:
        title, rest = quoted["title"], quoted["rest"]
    topics = repeat = ""
    found = _TOPICS.search(rest)
    if found:
        rest, topics = rest[: found.start()], rest[found.end() :]
        every = _EVERY.search(topics)
        count = _COUNT.search(topics)
        cut = min(m.start() for m in (every, count) if m) if (every or count) else len(topics)
        topics, repeat = topics[:cut], topics[cut:]
    every = _EVERY.search(rest)
    if every:
        rest, repeat = rest[: every.start()], rest[every.start() :] + " " + repeat
    day = clock = duration = ""
    words: list[str] = []
    for word in rest.split():
        folded = word.casefold()
        if not day and (_DATE.fullmatch(word) or _is_relative_day(word)):
            day = word
        elif not clock and day and _CLOCK.match(folded):
            clock = word
        elif not duration and _DURATION.match(folded):
            duration = word
        elif not day:
            words.append(word)
        else:
            repeat = f"{word} {repeat}"
    return Parts(
        title=title or " ".join(words),
        day=day,
        clock=clock,
        duration=duration,
        topics=topics.strip(" ,;"),
        repeat=repeat.strip(),
    )


def _is_relative_day(word: str) -> bool:
    folded = fold(word).strip(",")
    return folded in _RELATIVE or folded in _WEEKDAYS


def parse_day(text: str, *, today: date | None = None) -> date:
    """``2027-01-12`` or ``12/01/2027`` (day first); with ``today``, also ``tomorrow``
    (``demain``) and a weekday (``tuesday``, ``mardi``), the next one after today."""
    text = text.strip()
    folded = fold(text).strip(",")
    if today is not None and folded in _RELATIVE:
        return today + timedelta(days=_RELATIVE[folded])
    if today is not None and folded in _WEEKDAYS:
        return today + timedelta(days=(_WEEKDAYS[folded] - today.weekday() - 1) % 7 + 1)
    try:
        if "/" in text:
            day, month, year = (int(p) for p in text.split("/"))
            return date(year, month, day)
        return date.fromisoformat("-".join(p.zfill(2) for p in text.split("-")))
    except ValueError:
        raise DraftProblem("planning.draft.bad_date", text=text[:40]) from None


def parse_clock(text: str) -> time:
    """``14:00``, ``14h``, ``14h30``."""
    found = _CLOCK.match(text.strip().casefold())
    if found is None or int(found[1]) > 23 or int(found[2] or 0) > 59:
        raise DraftProblem("planning.draft.bad_time", text=text[:40])
    return time(int(found[1]), int(found[2] or 0))


def parse_minutes(text: str) -> int:
    """``60min``, ``90``, ``1h``, ``1h30``; an hour when empty."""
    folded = text.casefold().replace(" ", "")
    if not folded:
        return DEFAULT_MINUTES
    if folded.isdigit():
        folded += "min"
    found = _DURATION.match(folded)
    if found is None:
        raise DraftProblem("planning.draft.bad_duration", text=text[:40])
    minutes = int(found[3]) if found[3] else int(found[1]) * 60 + int(found[2] or 0)
    if not 5 <= minutes <= MAX_MINUTES:
        raise DraftProblem("planning.draft.bad_duration", text=text[:40])
    return minutes


def parse_repeat(text: str, *, day: date) -> tuple[int, int | None]:
    """``every other Tuesday`` → (2, None); ``weekly 6 times`` → (1, 6); empty → (0, None).

    A weekday named must be the first meeting's weekday.
    """
    folded = fold(text)
    if not folded:
        return 0, None
    count_found = _COUNT.search(folded)
    count = int(count_found[1] or count_found[2]) if count_found else None
    if count_found:
        folded = (folded[: count_found.start()] + folded[count_found.end() :]).strip()
    every = 0
    if folded:
        words = re.findall(r"[a-z0-9]+", folded)
        if "biweekly" in words:
            every = 2
        elif any(w in words for w in ("every", "each", "chaque", "toutes", "tous", "weekly")) or (
            "hebdomadaire" in words
        ):
            every = 1
            for word in words:
                if word in _NUMBERS:
                    every = _NUMBERS[word]
                elif word.isdigit() and 1 <= int(word) <= 8:
                    every = int(word)
        else:
            raise DraftProblem("planning.draft.bad_repeat", text=text[:60])
        named = [_WEEKDAYS[w] for w in words if w in _WEEKDAYS]
        if named and named[0] != day.weekday():
            raise DraftProblem("planning.draft.wrong_weekday", text=text[:60], day=day.isoformat())
    elif count is not None:
        every = 1
    if count is not None and not 1 <= count <= MAX_COUNT:
        raise DraftProblem("planning.draft.bad_count", limit=str(MAX_COUNT))
    if every == 0:
        return 0, None
    return every, count


def check(parts: Parts, *, timezone: str, now: datetime) -> Draft:
    """A draft from its parts; raises :class:`DraftProblem` for the first problem found."""
    title = " ".join(parts.title.split())
    if not title:
        raise DraftProblem("planning.draft.no_title")
    if len(title) > MAX_TITLE:
        raise DraftProblem("planning.draft.title_too_long", limit=str(MAX_TITLE))
    if not parts.day.strip():
        raise DraftProblem("planning.draft.no_date")
    day = parse_day(parts.day, today=now.astimezone(ZoneInfo(timezone)).date())
    if not parts.clock.strip():
        raise DraftProblem("planning.draft.no_time")
    clock = parse_clock(parts.clock)
    minutes = parse_minutes(parts.duration)
    topics = tuple(
        dict.fromkeys(
            t.strip() for t in re.split(r"[,;]|\bet\b|\band\b", parts.topics) if t.strip()
        )
    )
    if not topics:
        raise DraftProblem("planning.draft.no_topics")
    if len(topics) > MAX_TOPICS:
        raise DraftProblem("planning.draft.too_many_topics", limit=str(MAX_TOPICS))
    every, count = parse_repeat(parts.repeat, day=day)
    draft = Draft(
        title=title,
        day=day,
        clock=clock,
        minutes=minutes,
        topics=topics,
        every_weeks=every,
        count=count,
    )
    starts = draft.starts_at(timezone=timezone)
    if starts <= now:
        raise DraftProblem("planning.draft.past", when=f"{day.isoformat()} {clock:%H:%M}")
    if starts - now > timedelta(days=MAX_AHEAD_DAYS):
        raise DraftProblem("planning.draft.too_far", when=day.isoformat())
    return draft
