"""A KPI's numbers as people type and read them: values with their unit, in each
language's way of writing numbers, trends, arrows and a Unicode sparkline."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from babel.numbers import format_currency, format_decimal, get_currency_symbol

from tandem.bot.i18n import Translator
from tandem.storage.records import KpiRecord, KpiValueView

MAX_VALUE_TEXT = 40
BARS = "▁▂▃▄▅▆▇█"
UP, DOWN, FLAT = "↑", "↓", "→"
_SYMBOLS = {"%": "%", "ms": "ms", "s": "s", "sec": "s", "€": "EUR", "$": "USD", "£": "GBP"}
_TYPED = re.compile(
    r"^(?P<before>[^\d\s+\-.,]*)\s*(?P<number>[+\-−]?\d[\d\s\u00a0\u202f.,']*)\s*(?P<after>\S*)$"
)
_SPACES = re.compile(r"[\s\u00a0\u202f']")


@dataclass(frozen=True, slots=True)
class Typed:
    """A value read from what someone typed, in the KPI's unit."""

    value: float
    converted_from: str | None = None
    """The unit it was typed in when it was converted (``s`` typed for a ``ms`` KPI)."""


@dataclass(frozen=True, slots=True)
class NotANumber:
    """What was typed is not a number."""


@dataclass(frozen=True, slots=True)
class OtherUnit:
    """A number in a unit the KPI is not measured in (``2.4%`` for a load time)."""

    unit: str


def read_value(text: str, *, unit: str, locale: str) -> Typed | NotANumber | OtherUnit:
    """The number ``text`` says, in ``unit``.

    Accepts ``2.4``, ``2,4`` (a French decimal comma), ``2 400``, ``2,400`` (an English
    thousands separator, for an English reader), a unit before or after (``2.4%``,
    ``2400 ms``, ``40 €``, ``EUR 40``); seconds typed for a KPI in milliseconds (and the
    other way round) are converted.
    """
    typed = _TYPED.match(text.strip()) if len(text) <= MAX_VALUE_TEXT else None
    if typed is None:
        return NotANumber()
    marks = [m for m in (typed["before"], typed["after"]) if m]
    if len(marks) > 1:
        return NotANumber()
    given = _unit_of(marks[0]) if marks else None
    if marks and given is None:
        return NotANumber()
    number = _number(typed["number"], locale=locale)
    if number is None:
        return NotANumber()
    if given is None or given == unit:
        return Typed(value=number)
    if {given, unit} == {"s", "ms"}:
        return Typed(value=number * 1000 if unit == "ms" else number / 1000, converted_from=given)
    return OtherUnit(unit=given)


def _unit_of(mark: str) -> str | None:
    if mark.lower() in _SYMBOLS:
        return _SYMBOLS[mark.lower()]
    if len(mark) == 3 and mark.isalpha():
        return mark.upper()
    return None


def _number(text: str, *, locale: str) -> float | None:
    bare = _SPACES.sub("", text).replace("−", "-")
    if "," in bare and "." in bare:  # the last one is the decimal separator
        decimal = "," if bare.rfind(",") > bare.rfind(".") else "."
        bare = bare.replace("." if decimal == "," else ",", "")
        bare = bare.replace(",", ".")
    elif "," in bare:
        groups = bare.lstrip("+-").split(",")
        thousands = locale == "en" and all(len(g) == 3 for g in groups[1:]) and len(groups[0]) <= 3
        bare = bare.replace(",", "") if thousands else bare.replace(",", ".", 1)
    try:
        number = float(bare)
    except ValueError:
        return None
    return number


def show_number(value: float, *, locale: str) -> str:
    """A number as the reader's language writes it (``2,500.5``, ``2 500,5``)."""
    return str(format_decimal(value, locale=locale))


def show_value(value: float, *, unit: str, t: Translator) -> str:
    """A value with its unit: ``2,640 ms``, ``2,4 %``, ``€40.00``, ``12``."""
    if unit == "count":
        return show_number(value, locale=t.locale)
    if unit in ("%", "ms", "s"):
        return t(f"kpi.unit.{_UNIT_KEYS[unit]}", value=show_number(value, locale=t.locale))
    return str(format_currency(value, unit, locale=t.locale))


_UNIT_KEYS = {"%": "percent", "ms": "ms", "s": "s"}


def show_change(change: float, *, unit: str, t: Translator) -> str:
    """A difference with its sign: ``+160 ms``, ``−0.3 pt`` (points for a percentage)."""
    sign = "+" if change > 0 else "−" if change < 0 else "±"
    size = abs(change)
    if unit == "%":
        shown = t("kpi.unit.points", value=show_number(size, locale=t.locale))
    elif unit in ("ms", "s", "count"):
        shown = show_value(size, unit=unit, t=t)
    else:
        symbol = get_currency_symbol(unit, locale=t.locale)
        shown = f"{show_number(size, locale=t.locale)} {symbol}"
    return f"{sign}{shown}"


def show_every(t: Translator, hours: int) -> str:
    """How often a value is expected: ``every day``, ``every 12 hours``, ``every 2 weeks``."""
    if hours % (24 * 7) == 0:
        return t.plural("kpi.every.weeks", count=hours // (24 * 7))
    if hours % 24 == 0:
        return t.plural("kpi.every.days", count=hours // 24)
    return t.plural("kpi.every.hours", count=hours)


def latest(values: Sequence[KpiValueView]) -> KpiValueView | None:
    """The most recent value (values come oldest first)."""
    return values[-1] if values else None


def change_over(values: Sequence[KpiValueView], *, now: datetime, days: int) -> float | None:
    """How much the latest value moved since ``days`` days ago: the latest minus the last
    value given at or before then; None when there is no value that old, or none since."""
    since = now - timedelta(days=days)
    last = latest(values)
    before = [v for v in values if v.at <= since]
    if last is None or not before or last.at <= since:
        return None
    return last.value - before[-1].value


def arrow(change: float | None) -> str:
    """Which way the number went: ``↑``, ``↓``, or ``→`` (unchanged or unknown)."""
    if change is None or change == 0:
        return FLAT
    return UP if change > 0 else DOWN


def status(kpi: KpiRecord, value: float) -> str:
    """``ok`` (the target is met), ``off`` (missed) or ``alert`` (past the threshold)."""
    if kpi.lower_is_better:
        if kpi.alert is not None and value >= kpi.alert:
            return "alert"
        return "ok" if value <= kpi.target else "off"
    if kpi.alert is not None and value <= kpi.alert:
        return "alert"
    return "ok" if value >= kpi.target else "off"


def daily(values: Sequence[KpiValueView], *, since: datetime, timezone: str) -> list[float]:
    """The last value of each day (in ``timezone``) from ``since`` on, oldest first."""
    zone = ZoneInfo(timezone)
    by_day: dict[object, float] = {}
    for value in values:
        if value.at >= since:
            by_day[value.at.astimezone(zone).date()] = value.value
    return list(by_day.values())


def sparkline(numbers: Sequence[float]) -> str:
    """``▁▃▅█``: each number as a bar between the smallest and the largest."""
    if not numbers:
        return ""
    low, high = min(numbers), max(numbers)
    if high == low:
        return BARS[len(BARS) // 2] * len(numbers)
    scale = (len(BARS) - 1) / (high - low)
    return "".join(BARS[round((n - low) * scale)] for n in numbers)
