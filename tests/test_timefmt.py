"""Instants are stored in UTC and shown in each reader's timezone, across DST changes."""

from __future__ import annotations

from datetime import UTC, datetime

from tandem.bot.timefmt import format_instant, is_valid_timezone


def test_paris_switches_to_summer_time_on_the_last_sunday_of_march() -> None:
    before = datetime(2026, 3, 29, 0, 30, tzinfo=UTC)  # 01:30 in Paris, winter time
    after = datetime(2026, 3, 29, 1, 30, tzinfo=UTC)  # 03:30 in Paris, summer time
    assert "01:30" in format_instant(moment=before, timezone="Europe/Paris", locale="fr")
    shown = format_instant(moment=after, timezone="Europe/Paris", locale="fr")
    assert "03:30" in shown and "été" in shown


def test_new_york_and_paris_change_on_different_weeks() -> None:
    # 2026-03-16: New York is already on daylight time, Paris not yet.
    moment = datetime(2026, 3, 16, 13, 0, tzinfo=UTC)
    assert "09:00" in format_instant(moment=moment, timezone="America/New_York", locale="en")
    assert "14:00" in format_instant(moment=moment, timezone="Europe/Paris", locale="en")


def test_autumn_change_shows_winter_time() -> None:
    moment = datetime(2026, 10, 25, 1, 30, tzinfo=UTC)  # after 03:00 CEST became 02:00 CET
    shown = format_instant(moment=moment, timezone="Europe/Paris", locale="en")
    assert "02:30" in shown and "Standard" in shown


def test_naive_instants_are_taken_as_utc_and_unknown_zones_fall_back_to_utc() -> None:
    naive = datetime(2026, 7, 1, 12, 0)
    assert "14:00" in format_instant(moment=naive, timezone="Europe/Paris", locale="en")
    assert "12:00" in format_instant(moment=naive, timezone="Mars/Olympus", locale="en")


def test_timezone_names_are_checked() -> None:
    assert is_valid_timezone("Europe/Lisbon")
    assert not is_valid_timezone("Europe/Lisbonne")
    assert not is_valid_timezone("")
    assert not is_valid_timezone("../etc/passwd")
