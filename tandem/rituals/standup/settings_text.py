"""A stand-up's settings read from typed text or a form, and written back for editing.

Typed: ``/standup setup Daily sync; members: a@x.com, b@x.com; days: mon-fri;
times: 09:30-12:00; timezone: Europe/Paris; reminders: 60; questions: A | B | C;
blockers: 3`` (the question whose answers are blockers: its number or ``none``; by
default the one whose words name blockers, see :func:`questions.default_blockers`).
A form gives the same keys as separate inputs. Keys and day names are accepted
in English and French. Problems come back as :class:`SettingsProblem` with a
message key for the translator, never as a traceback.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import date

from tandem.bot.i18n import Translator
from tandem.bot.text import fold
from tandem.bot.timefmt import is_valid_timezone
from tandem.rituals.common.days import days_text, parse_days
from tandem.rituals.standup.questions import DEFAULT_BLOCKERS, DEFAULT_KEYS, default_blockers
from tandem.rituals.standup.timing import parse_clock
from tandem.storage.records import StandupSettings

FIELDS = (
    "name",
    "members",
    "questions",
    "blockers",
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
    "blockers": "blockers",
    "blocker": "blockers",
    "blocages": "blockers",
    "blocage": "blockers",
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
    """Settings a lead typed that cannot be used; ``key`` and ``values`` feed the translator;
    ``setting`` is the setting (a form's input) whose value was refused, when it is one."""

    def __init__(self, key: str, *, setting: str = "", **values: str) -> None:
        super().__init__(key)
        self.key = key
        self.setting = setting
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
    blockers: int | None = DEFAULT_BLOCKERS
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
            blockers=self.blockers,
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


def _days(text: str) -> tuple[int, ...]:
    try:
        return parse_days(text)
    except ValueError:
        raise SettingsProblem("standup.setup.bad_days", value=text[:60]) from None


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


def _blockers(text: str, questions: tuple[str, ...]) -> int | None:
    """The question ``text`` names (its number from 1, or its words), or None for none."""
    folded = fold(text)
    if folded in _NONE:
        return None
    count = len(questions) or len(DEFAULT_KEYS)
    if folded.isdigit() and 1 <= int(folded) <= count:
        return int(folded) - 1
    for index, question in enumerate(questions):
        if folded and folded == fold(question):
            return index
    raise SettingsProblem("standup.setup.bad_blockers", value=text[:60], count=str(count))


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
    blockers: str | None = None
    for key, raw in values.items():
        try:
            _read_one(key, raw.strip(), changes)
        except SettingsProblem as problem:
            problem.setting = problem.setting or key
            raise
        if key == "blockers":
            blockers = raw.strip()
        given.add(key)
    draft = replace(draft, **changes, given=frozenset(given))  # type: ignore[arg-type]
    if blockers:
        try:
            draft = replace(draft, blockers=_blockers(blockers, draft.questions))
        except SettingsProblem as problem:
            problem.setting = "blockers"
            raise
    elif "questions" in values:  # new questions, and no word of which one: the default
        draft = replace(draft, blockers=default_blockers(draft.questions))
    if not draft.name:
        raise SettingsProblem("standup.setup.no_name", setting="name")
    if not draft.members:
        raise SettingsProblem("standup.setup.no_members", setting="members")
    return draft


def _read_one(key: str, text: str, changes: dict[str, object]) -> None:
    """The setting ``key`` typed as ``text``, read into ``changes`` (blockers are read
    once the questions are known)."""
    if key == "name":
        if not text:
            raise SettingsProblem("standup.setup.no_name")
        changes["name"] = text.strip("\"'“”«» ")[:80]
    elif key == "members":
        changes["members"] = members_of(text)
    elif key == "questions":
        changes["questions"] = _questions(text)
    elif key == "days":
        changes["days"] = _days(text) if text else DEFAULT_DAYS
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


def as_values(settings: StandupSettings, *, t: Translator) -> dict[str, str]:
    """Settings written back as the raw values a form is prefilled with, in the reader's
    language (``lun-ven``, ``non``, ``aucun``), each of which :func:`read` takes back."""
    return {
        "name": settings.name,
        "members": ", ".join(settings.member_emails),
        "questions": "\n".join(settings.questions),
        "days": days_text(settings.days, t=t),
        "times": ", ".join(f"{ask}-{cutoff}" for ask, cutoff in settings.slots),
        "timezone": settings.timezone,
        "reminders": ", ".join(str(m) for m in settings.reminders) or t("standup.value.none"),
        "holidays": ", ".join(d.isoformat() for d in settings.holidays),
        "optional": t("standup.value.yes" if settings.optional else "standup.value.no"),
        "blockers": (
            t("standup.value.none") if settings.blockers is None else str(settings.blockers + 1)
        ),
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
        blockers=settings.blockers,
    )
