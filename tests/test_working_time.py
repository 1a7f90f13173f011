"""Working time in one person's calendar: hours and days counted across weekends, time
away and daylight-saving changes (Europe leaves summer time on 25 October 2026, the
United States on 1 November)."""

from __future__ import annotations

from datetime import UTC, date, datetime

from tandem.rituals.common.working_time import Calendar

LISBON = Calendar(timezone="Europe/Lisbon")
NEW_YORK = Calendar(timezone="America/New_York")


def utc(month: int, day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, month, day, hour, minute, tzinfo=UTC)


def test_hours_stop_at_the_end_of_the_day_and_resume_after_the_weekend_and_dst() -> None:
    # Friday 16:00 in Lisbon (UTC+1): one hour on Friday, three on Monday (now UTC+0).
    assert LISBON.add_hours(utc(10, 23, 15), 4) == utc(10, 26, 12)


def test_hours_counted_from_outside_working_time_start_at_the_next_opening() -> None:
    # Saturday night: Monday 09:00 + 2 h.
    assert LISBON.add_hours(utc(11, 21, 22), 2) == utc(11, 23, 11)
    # Before work on a Tuesday: 09:00 + 8 h is the end of that day, not the next.
    assert LISBON.add_hours(utc(11, 24, 6), 8) == utc(11, 24, 17)


def test_days_keep_the_time_of_day_and_skip_the_weekend() -> None:
    # Thursday 14:00 in New York + 2 working days = Monday 14:00, across the US change.
    assert NEW_YORK.add_days(utc(10, 29, 18), 2) == utc(11, 2, 19)


def test_time_away_and_other_working_weeks_are_not_working_time() -> None:
    away = Calendar(timezone="Europe/Lisbon", away=((date(2026, 11, 23), date(2026, 11, 24)),))
    assert away.next_open(utc(11, 23, 10)) == utc(11, 25, 9)
    four_days = Calendar(timezone="Europe/Lisbon", work_days=frozenset({0, 1, 2, 3}))
    assert four_days.add_days(utc(11, 26, 10), 1) == utc(11, 30, 10)


def test_the_starts_of_working_days_follow_the_local_clock_across_dst() -> None:
    paris = Calendar(timezone="Europe/Paris")
    starts = paris.day_starts_after(utc(10, 23, 8), until=utc(10, 27, 23))
    assert starts == [utc(10, 26, 8), utc(10, 27, 8)]  # 09:00 Paris is 08:00 UTC after the change
    assert paris.day_starts_after(utc(10, 22, 6), until=utc(10, 23, 7)) == [
        utc(10, 22, 7),  # 09:00 Paris summer time
        utc(10, 23, 7),
    ]
