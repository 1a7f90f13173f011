"""Wall-clock times in a timezone, the organisation's working hours, and working hours
counted in one person's calendar.

Pure functions. Local times that do not exist (spring forward) are moved forward
by the gap; local times that happen twice (fall back) are taken the first time.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

MAX_DAYS = 3660  # a calendar with no working day at all is treated as always open


def parse_clock(text: str) -> time:
    """``09:30`` → 09:30; raises ValueError for anything else."""
    hours, sep, minutes = text.strip().partition(":")
    if not sep or not hours.isdigit() or not minutes.isdigit() or len(minutes) != 2:
        raise ValueError(text)
    return time(int(hours), int(minutes))


def at_local(day: date, moment: time, zone: str) -> datetime:
    """The UTC instant of ``moment`` on ``day`` in ``zone``.

    A wall time skipped by a daylight-saving change is moved forward by the gap
    (02:30 becomes 03:30); one that happens twice is taken the first time.
    """
    # PEP 495: with fold=0 a skipped wall time takes the offset from before the change,
    # which lands the gap later; a repeated one takes its first occurrence.
    return datetime.combine(day, moment, tzinfo=ZoneInfo(zone)).astimezone(UTC)


def local_date(moment: datetime, zone: str) -> date:
    """The calendar date of an instant in ``zone``."""
    return moment.astimezone(ZoneInfo(zone)).date()


@dataclass(frozen=True, slots=True)
class WorkingHours:
    """When the organisation's working day starts and ends, in each person's own timezone
    (an admin sets them with ``/tandem escalation hours: 09:00-17:00``)."""

    start: time = time(9)
    end: time = time(17)

    @classmethod
    def read(cls, stored: Mapping[str, Any]) -> WorkingHours:
        """The hours of stored settings (``day_start``, ``day_end``; 09:00–17:00 where
        missing); raises ValueError when one is not a time of day."""
        return cls(
            start=parse_clock(str(stored.get("day_start", "09:00"))),
            end=parse_clock(str(stored.get("day_end", "17:00"))),
        )

    def as_dict(self) -> dict[str, str]:
        """As stored, beside the rest of the settings: ``{"day_start": "09:00", …}``."""
        return {"day_start": self.start.strftime("%H:%M"), "day_end": self.end.strftime("%H:%M")}

    def calendar(
        self, *, timezone: str, work_days: Iterable[int], away: tuple[tuple[date, date], ...]
    ) -> Calendar:
        """One person's calendar (timezone, working weekdays, days away) under these hours."""
        return Calendar(
            timezone=timezone,
            work_days=frozenset(work_days),
            start=self.start,
            end=self.end,
            away=away,
        )


@dataclass(frozen=True, slots=True)
class Calendar:
    """When one person works: their timezone, working weekdays (0 is Monday), day
    start and end, and the days they are away."""

    timezone: str
    work_days: frozenset[int] = frozenset(range(5))
    start: time = time(9)
    end: time = time(17)
    away: tuple[tuple[date, date], ...] = ()

    def works_on(self, day: date) -> bool:
        """A working weekday of theirs, not a day away."""
        if not self.work_days:
            return True
        return day.weekday() in self.work_days and not any(a <= day <= b for a, b in self.away)

    def _bounds(self, day: date) -> tuple[datetime, datetime]:
        return at_local(day, self.start, self.timezone), at_local(day, self.end, self.timezone)

    def next_open(self, moment: datetime) -> datetime:
        """``moment`` if it falls in working hours, else when the next working day starts."""
        day = local_date(moment, self.timezone)
        for _ in range(MAX_DAYS):
            if self.works_on(day):
                opens, closes = self._bounds(day)
                if moment < closes:
                    return max(moment, opens)
            day += timedelta(days=1)
        return moment

    def add_hours(self, moment: datetime, hours: float) -> datetime:
        """The instant ``hours`` working hours after ``moment``."""
        left = timedelta(hours=hours)
        current = self.next_open(moment)
        for _ in range(MAX_DAYS):
            _, closes = self._bounds(local_date(current, self.timezone))
            if current + left <= closes:
                return current + left
            left -= closes - current
            current = self.next_open(closes)
        return moment + timedelta(hours=hours)

    def add_days(self, moment: datetime, days: int) -> datetime:
        """The same working time of day, ``days`` working days after ``moment``."""
        current = self.next_open(moment)
        local = current.astimezone(ZoneInfo(self.timezone))
        day, count = local.date(), 0
        for _ in range(MAX_DAYS):
            if count >= days:
                break
            day += timedelta(days=1)
            count += self.works_on(day)
        return self.next_open(at_local(day, local.time().replace(tzinfo=None), self.timezone))

    def day_starts_after(self, moment: datetime, *, until: datetime) -> list[datetime]:
        """When each of the person's working days starts, after ``moment`` up to ``until``."""
        found: list[datetime] = []
        day = local_date(moment, self.timezone)
        last = local_date(until, self.timezone)
        while day <= last and len(found) < MAX_DAYS:
            if self.works_on(day):
                opens, _ = self._bounds(day)
                if moment < opens <= until:
                    found.append(opens)
            day += timedelta(days=1)
        return found
