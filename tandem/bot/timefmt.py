"""Instants shown in a person's own timezone and language (stored in UTC)."""

from __future__ import annotations

from datetime import UTC, date, datetime
from functools import cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from babel.dates import format_date, format_datetime

from tandem.bot.i18n import supported_locale

_PATTERNS = {"en": "d MMM y, HH:mm zzzz", "fr": "d MMM y 'à' HH:mm zzzz"}


def is_valid_timezone(name: str) -> bool:
    """Whether ``name`` is an IANA timezone this machine knows."""
    if not name or name != name.strip():
        return False
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return False
    return name in _known_timezones() or name == "UTC"


@cache
def _known_timezones() -> frozenset[str]:
    return frozenset(available_timezones())


def format_instant(*, moment: datetime, timezone: str, locale: str) -> str:
    """Format a UTC instant in ``timezone`` for a reader of ``locale``.

    Naive datetimes are taken as UTC, as everything is stored in UTC.
    """
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    try:
        zone = ZoneInfo(timezone)
    except (ZoneInfoNotFoundError, ValueError):
        zone = ZoneInfo("UTC")
    language = supported_locale(locale)
    local = moment.astimezone(zone)
    return str(format_datetime(local, _PATTERNS[language], tzinfo=zone, locale=language))


def format_day(*, day: date, locale: str) -> str:
    """A calendar day for a reader of ``locale`` (``2 Mar 2026``, ``2 mars 2026``)."""
    language = supported_locale(locale)
    return str(format_date(day, "d MMM y", locale=language))


_MEETING = {"en": "EEEE d MMMM y, HH:mm", "fr": "EEEE d MMMM y 'à' HH:mm"}


def format_meeting(*, moment: datetime, timezone: str, locale: str) -> str:
    """A meeting's start in ``timezone``, with its weekday and the zone's name:
    ``Tuesday 12 January 2027, 14:00 (Europe/London)``."""
    try:
        zone = ZoneInfo(timezone)
    except (ZoneInfoNotFoundError, ValueError):
        zone, timezone = ZoneInfo("UTC"), "UTC"
    language = supported_locale(locale)
    local = moment.astimezone(zone)
    shown = format_datetime(local, _MEETING[language], tzinfo=zone, locale=language)
    return f"{shown} ({timezone})"
