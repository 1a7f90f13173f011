"""A stand-up's settings read from typed text or a form, and written back for editing.

Typed: ``/standup setup Daily sync; members: a@x.com, b@x.com; days: mon-fri;
times: 09:30-12:00; timezone: Europe/Paris; reminders: 60; questions: A | B | C``.
A form gives the same keys as separate inputs. Keys and day names are accepted
in English and French. Problems come back as :class:`SettingsProblem` with a
message key for the translator, never as a traceback.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import date

from tandem.bot.text import fold
from tandem.bot.timefmt import is_valid_timezone
from tandem.rituals.standup.timing import parse_clock
from tandem.storage.records import StandupSettings

FIELDS = (
    "name",
    "members",
    "questions",
    "days",
    "times",
    "timezone",
    "reminders",
    "holidays",
    "optional",
)
_KEYS = {
    "name": "name",
    "nom": "name",
    "members": "members",
    "membres": "members",
    "questions": "questions",
    "days": "days",
    "jours": "days",
    "times": "times",
    "time": "times",
    "heures": "times",
    "heure": "times",
    "timezone": "timezone",
    "tz": "timezone",
    "fuseau": "timezone",
    "reminders": "reminders",
    "reminder": "reminders",
    "rappels": "reminders",
    "rappel": "reminders",
    "holidays": "holidays",
    "feries": "holidays",
    "conges": "holidays",
    "optional": "optional",
    "facultatif": "optional",
    "channel": "channel",
    "canal": "channel",
}
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
}
_YES = {"yes", "y", "true", "on", "oui", "o", "vrai", "1"}
_NO = {"no", "n", "false", "off", "non", "faux", "0", ""}
_NONE = {"none", "no", "aucun", "aucune", "non", "0", "-"}
_SEGMENT = re.compile(r"[;\n]")
_SLOT = re.compile(r"^(\d{1,2}:\d{2})\s*(?:-|–|to|à|a)\s*(\d{1,2}:\d{2})$")
DEFAULT_DAYS = (0, 1, 2, 3, 4)
DEFAULT_SLOTS = (("09:30", "12:00"),)
DEFAULT_REMINDERS = (60,)
MAX_QUESTIONS = 8
MAX_SLOTS = 6


class SettingsProblem(ValueError):
    """Settings a lead typed that cannot be used; ``key`` and ``values`` feed the translator."""

    def __init__(self, key: str, **values: str) -> None:
        super().__init__(key)
        self.key = key
        self.values = values


@dataclass(frozen=True, slots=True)
class Draft:
    """Typed settings, before members are resolved to people."""

    name: str = ""
    members: tuple[str, ...] = ()
    questions: tuple[str, ...] = ()
    days: tuple[int, ...] = DEFAULT_DAYS
    slots: tuple[tuple[str, str], ...] = DEFAULT_SLOTS
    timezone: str = ""
    reminders: tuple[int, ...] = DEFAULT_REMINDERS
    holidays: tuple[date, ...] = ()
    optional: bool = False
    channel: str = ""
    given: frozenset[str] = field(default_factory=frozenset)

    def settings(self, *, member_emails: tuple[str, ...], timezone: str) -> StandupSettings:
        """The stored form, once members are known."""
        return StandupSettings(
            name=self.name,
            member_emails=member_emails,
            questions=self.questions,
            days=self.days,
            slots=self.slots,
            timezone=self.timezone or timezone,
            reminders=self.reminders,
            holidays=self.holidays,
            optional=self.optional,
        )


def split_text(text: str, *, name_first: bool = True) -> dict[str, str]:
    """``Name; key: value; …`` into raw values by canonical key.

    With ``name_first`` a first segment that is not ``key: value`` is the name.
    """
    values: dict[str, str] = {}
    for index, segment in enumerate(_SEGMENT.split(text)):
        segment = segment.strip()
        if not segment:
            continue
        key, sep, value = segment.partition(":")
        canonical = _KEYS.get(fold(key).replace(" ", "")) if sep else None
        if canonical is None:
            if name_first and index == 0 and "name" not in values:
                values["name"] = segment
                continue
            raise SettingsProblem("standup.setup.bad_segment", segment=segment[:60])
        values[canonical] = value.strip()
    return values


def _plain(text: str) -> str:
    """Lower case without accents, keeping the ``-`` and ``,`` that days are written with."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c)).strip()


def parse_days(text: str) -> tuple[int, ...]:
    """``mon-fri``, ``lun,mer``, ``weekdays``… as weekday numbers (0 is Monday).

    Raises:
        SettingsProblem: a day that cannot be read.
    """
    folded = fold(text).replace(" ", "")
    if folded in _DAY_SETS:
        return _DAY_SETS[folded]
    days: set[int] = set()
    spaced = re.sub(r"\s*-\s*", "-", _plain(text).replace(".", ""))
    for part in filter(None, re.split(r"[,/;\s]+", spaced)):
        start, dash, end = part.partition("-")
        if start not in _DAY_NAMES or (dash and end not in _DAY_NAMES):
            raise SettingsProblem("standup.setup.bad_days", value=text[:60])
        first = _DAY_NAMES[start]
        last = _DAY_NAMES[end] if dash else first
        day = first
        while True:
            days.add(day)
            if day == last:
                break
            day = (day + 1) % 7
    if not days:
        raise SettingsProblem("standup.setup.bad_days", value=text[:60])
    return tuple(sorted(days))


def _slots(text: str) -> tuple[tuple[str, str], ...]:
    slots: list[tuple[str, str]] = []
    for part in filter(None, (p.strip() for p in text.split(","))):
        match = _SLOT.match(part)
        if match is None:
            raise SettingsProblem("standup.setup.bad_times", value=part[:40])
        try:
            ask, cutoff = (parse_clock(t) for t in match.groups())
        except ValueError:
            raise SettingsProblem("standup.setup.bad_times", value=part[:40]) from None
        if ask == cutoff:
            raise SettingsProblem("standup.setup.bad_times", value=part[:40])
        slots.append((ask.strftime("%H:%M"), cutoff.strftime("%H:%M")))
    if not slots or len(slots) > MAX_SLOTS:
        raise SettingsProblem("standup.setup.bad_times", value=text[:40])
    return tuple(slots)


def _reminders(text: str) -> tuple[int, ...]:
    if fold(text) in _NONE:
        return ()
    minutes: set[int] = set()
    for part in filter(None, (p.strip() for p in text.split(","))):
        match = re.fullmatch(r"(\d{1,4})\s*(min|m|h)?", fold(part).replace(" ", ""))
        if match is None:
            raise SettingsProblem("standup.setup.bad_reminders", value=part[:40])
        value = int(match.group(1)) * (60 if match.group(2) == "h" else 1)
        if not 1 <= value <= 24 * 60:
            raise SettingsProblem("standup.setup.bad_reminders", value=part[:40])
        minutes.add(value)
    return tuple(sorted(minutes, reverse=True))


def _holidays(text: str) -> tuple[date, ...]:
    if fold(text) in _NONE:
        return ()
    found: list[date] = []
    for part in filter(None, (p.strip() for p in re.split(r"[,\s]+", text))):
        try:
            found.append(date.fromisoformat(part))
        except ValueError:
            raise SettingsProblem("standup.setup.bad_date", value=part[:40]) from None
    return tuple(sorted(set(found)))


def _questions(text: str) -> tuple[str, ...]:
    parts = [p.strip() for p in re.split(r"\||\n", text)]
    questions = tuple(p[:300] for p in parts if p)
    if len(questions) > MAX_QUESTIONS:
        raise SettingsProblem("standup.setup.too_many_questions", limit=str(MAX_QUESTIONS))
    return questions


def _flag(text: str) -> bool:
    folded = fold(text)
    if folded in _YES:
        return True
    if folded in _NO:
        return False
    raise SettingsProblem("standup.setup.bad_flag", value=text[:40])


def members_of(text: str) -> tuple[str, ...]:
    """Member tokens: emails and mentions (``<@U123|sam>``, ``@sam``), in order, once each."""
    tokens = re.findall(r"<@[^>]+>|[^\s,;]+", text)
    return tuple(dict.fromkeys(t.strip() for t in tokens if t.strip()))


def read(values: Mapping[str, str], *, base: Draft | None = None) -> Draft:
    """Settings from raw values by key (typed or from a form) over ``base`` (for edits)."""
    draft = base or Draft()
    given = set(draft.given)
    changes: dict[str, object] = {}
    for key, raw in values.items():
        text = raw.strip()
        if key == "name":
            if not text:
                raise SettingsProblem("standup.setup.no_name")
            changes["name"] = text.strip("\"'“”«» ")[:80]
        elif key == "members":
            changes["members"] = members_of(text)
        elif key == "questions":
            changes["questions"] = _questions(text)
        elif key == "days":
            changes["days"] = parse_days(text) if text else DEFAULT_DAYS
        elif key == "times":
            changes["slots"] = _slots(text) if text else DEFAULT_SLOTS
        elif key == "timezone":
            if text and not is_valid_timezone(text):
                raise SettingsProblem("standup.setup.bad_timezone", value=text[:60])
            changes["timezone"] = text
        elif key == "reminders":
            changes["reminders"] = _reminders(text) if text else DEFAULT_REMINDERS
        elif key == "holidays":
            changes["holidays"] = _holidays(text)
        elif key == "optional":
            changes["optional"] = _flag(text)
        elif key == "channel":
            changes["channel"] = text
        given.add(key)
    draft = replace(draft, **changes, given=frozenset(given))  # type: ignore[arg-type]
    if not draft.name:
        raise SettingsProblem("standup.setup.no_name")
    if not draft.members:
        raise SettingsProblem("standup.setup.no_members")
    return draft


_DAY_CODES = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


def days_text(days: tuple[int, ...]) -> str:
    """Days as typed back: ``mon-fri`` for runs of three or more, else a list."""
    ordered = sorted(set(days))
    if ordered == list(range(7)):
        return "daily"
    groups: list[list[int]] = []
    for day in ordered:
        if groups and groups[-1][-1] == day - 1:
            groups[-1].append(day)
        else:
            groups.append([day])
    parts = []
    for group in groups:
        if len(group) >= 3:
            parts.append(f"{_DAY_CODES[group[0]]}-{_DAY_CODES[group[-1]]}")
        else:
            parts.extend(_DAY_CODES[d] for d in group)
    return ",".join(parts)


def as_values(settings: StandupSettings) -> dict[str, str]:
    """Settings written back as the raw values a form is prefilled with."""
    return {
        "name": settings.name,
        "members": ", ".join(settings.member_emails),
        "questions": "\n".join(settings.questions),
        "days": days_text(settings.days),
        "times": ", ".join(f"{ask}-{cutoff}" for ask, cutoff in settings.slots),
        "timezone": settings.timezone,
        "reminders": ", ".join(str(m) for m in settings.reminders) or "none",
        "holidays": ", ".join(d.isoformat() for d in settings.holidays),
        "optional": "yes" if settings.optional else "no",
    }


def draft_of(settings: StandupSettings) -> Draft:
    """A stored stand-up as a draft to edit."""
    return Draft(
        name=settings.name,
        members=settings.member_emails,
        questions=settings.questions,
        days=settings.days,
        slots=settings.slots,
        timezone=settings.timezone,
        reminders=settings.reminders,
        holidays=settings.holidays,
        optional=settings.optional,
    )
