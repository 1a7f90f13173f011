"""When stand-ups ask and close, across timezones and daylight-saving changes."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from tandem.rituals.standup import timing
from tandem.rituals.standup.timing import DueKind
from tandem.storage.records import (
    ChannelAddress,
    StandupMemberView,
    StandupSettings,
    StandupView,
)


def member(email: str, zone: str, **extra: object) -> StandupMemberView:
    return StandupMemberView(
        person_id=abs(hash(email)) % 10_000,
        email=email,
        name=email.split("@")[0].title(),
        timezone=zone,
        locale="en",
        **extra,  # type: ignore[arg-type]
    )


def standup(
    *members: StandupMemberView,
    zone: str = "Europe/Paris",
    slots: tuple[tuple[str, str], ...] = (("09:30", "12:00"),),
    days: tuple[int, ...] = (0, 1, 2, 3, 4),
    reminders: tuple[int, ...] = (60,),
    holidays: tuple[date, ...] = (),
) -> StandupView:
    return StandupView(
        id=1,
        settings=StandupSettings(
            name="Daily",
            member_emails=tuple(m.email for m in members),
            questions=(),
            days=days,
            slots=slots,
            timezone=zone,
            reminders=reminders,
            holidays=holidays,
        ),
        channel=ChannelAddress(id="C1"),
        owner_email=members[0].email,
        members=members,
    )


def utc(year: int, month: int, day: int, hour: int, minute: int) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=UTC)


@pytest.mark.parametrize(
    ("zone", "day", "expected"),
    [
        # Europe/Paris: CET (+1) in winter, CEST (+2) from the last Sunday of March.
        ("Europe/Paris", date(2027, 3, 26), utc(2027, 3, 26, 8, 30)),  # Friday before
        ("Europe/Paris", date(2027, 3, 29), utc(2027, 3, 29, 7, 30)),  # Monday after
        ("Europe/Paris", date(2026, 10, 23), utc(2026, 10, 23, 7, 30)),  # Friday before
        ("Europe/Paris", date(2026, 10, 26), utc(2026, 10, 26, 8, 30)),  # Monday after
        # America/New_York: EST (-5) / EDT (-4), changes on 14 March and 7 November 2027.
        ("America/New_York", date(2027, 3, 12), utc(2027, 3, 12, 14, 30)),
        ("America/New_York", date(2027, 3, 15), utc(2027, 3, 15, 13, 30)),
        ("America/New_York", date(2026, 10, 30), utc(2026, 10, 30, 13, 30)),
        ("America/New_York", date(2026, 11, 2), utc(2026, 11, 2, 14, 30)),
    ],
)
def test_the_prompt_stays_at_0930_local_across_both_changes(
    zone: str, day: date, expected: datetime
) -> None:
    ana = member("ana@example.com", zone)
    assert timing.prompt_at(standup(ana, zone=zone), ana, day, 0) == expected


def test_the_weeks_between_the_european_and_american_changes() -> None:
    """Between 14 and 28 March 2027 New York is one hour closer to Paris than usual."""
    maya = member("maya@example.com", "America/New_York")
    camille = member("camille@example.com", "Europe/Paris")
    team = standup(camille, maya)
    gap = {
        day: timing.prompt_at(team, maya, day, 0) - timing.prompt_at(team, camille, day, 0)
        for day in (date(2027, 3, 12), date(2027, 3, 22), date(2027, 3, 29))
    }
    assert gap == {
        date(2027, 3, 12): timedelta(hours=6),
        date(2027, 3, 22): timedelta(hours=5),
        date(2027, 3, 29): timedelta(hours=6),
    }


def test_a_local_time_that_does_not_exist_is_moved_forward_by_the_gap() -> None:
    # Sunday 28 March 2027 in Paris: 02:00 jumps to 03:00, so 02:30 never happens.
    night = member("night@example.com", "Europe/Paris", work_days=tuple(range(7)))
    team = standup(night, slots=(("02:30", "06:00"),), days=tuple(range(7)))
    asked = timing.prompt_at(team, night, date(2027, 3, 28), 0)
    assert asked == utc(2027, 3, 28, 1, 30)  # 03:30 CEST, an hour after 02:00
    assert asked.astimezone(ZoneInfo("Europe/Paris")).strftime("%H:%M") == "03:30"


def test_a_local_time_that_happens_twice_is_asked_once_the_first_time() -> None:
    # Sunday 1 November 2026 in New York: 01:00-02:00 happens twice (EDT then EST).
    night = member("night@example.com", "America/New_York", work_days=tuple(range(7)))
    team = standup(
        night, slots=(("01:30", "06:00"),), days=tuple(range(7)), zone="America/New_York"
    )
    asked = timing.prompt_at(team, night, date(2026, 11, 1), 0)
    assert asked == utc(2026, 11, 1, 5, 30)  # 01:30 EDT, the first one
    prompts = [
        d
        for d in timing.occurrences(team, utc(2026, 11, 1, 0, 0), utc(2026, 11, 1, 12, 0))
        if d.kind is DueKind.PROMPT
    ]
    assert [d.at for d in prompts] == [asked]


def test_a_team_over_lisbon_paris_london_and_new_york() -> None:
    people = [
        member("ana@example.com", "Europe/Lisbon"),
        member("camille@example.com", "Europe/Paris"),
        member("sam@example.com", "Europe/London"),
        member("maya@example.com", "America/New_York"),
    ]
    team = standup(*people, zone="America/New_York", slots=(("09:30", "12:00"),))
    monday = date(2026, 11, 23)
    due = timing.occurrences(team, utc(2026, 11, 23, 0, 0), utc(2026, 11, 23, 23, 59))
    prompts = {d.member.email: d.at for d in due if d.kind is DueKind.PROMPT and d.member}
    assert prompts == {
        "camille@example.com": utc(2026, 11, 23, 8, 30),
        "ana@example.com": utc(2026, 11, 23, 9, 30),
        "sam@example.com": utc(2026, 11, 23, 9, 30),
        "maya@example.com": utc(2026, 11, 23, 14, 30),
    }
    (summary,) = [d for d in due if d.kind is DueKind.SUMMARY]
    assert summary.at == utc(2026, 11, 23, 17, 0) and summary.run_date == monday
    reminders = {d.member.email for d in due if d.kind is DueKind.REMINDER and d.member}
    assert reminders == {p.email for p in people}  # 11:00 New York is after every prompt


def test_days_off_holidays_and_working_days() -> None:
    away = member(
        "away@example.com", "Europe/Paris", away=((date(2026, 11, 23), date(2026, 11, 24)),)
    )
    four_days = member("four@example.com", "Europe/Paris", work_days=(0, 1, 2, 3))
    regular = member("regular@example.com", "Europe/Paris")
    team = standup(away, four_days, regular, holidays=(date(2026, 11, 25),))
    week = timing.occurrences(team, utc(2026, 11, 22, 0, 0), utc(2026, 11, 29, 0, 0))
    asked = {
        (d.member.email, d.run_date.day) for d in week if d.kind is DueKind.PROMPT and d.member
    }
    assert {day for email, day in asked if email == "away@example.com"} == {26, 27}
    assert {day for email, day in asked if email == "four@example.com"} == {23, 24, 26}
    assert {day for email, day in asked if email == "regular@example.com"} == {23, 24, 26, 27}
    summaries = sorted(d.run_date.day for d in week if d.kind is DueKind.SUMMARY)
    assert summaries == [23, 24, 26, 27]  # no run on the holiday, none at the weekend


def test_several_slots_a_day_and_a_night_shift_closing_the_next_morning() -> None:
    nurse = member("nurse@example.com", "Europe/Paris")
    team = standup(nurse, slots=(("07:00", "09:00"), ("22:00", "02:00")), days=tuple(range(7)))
    assert timing.cutoff_at(team, date(2026, 11, 23), 1) == utc(2026, 11, 24, 1, 0)
    day = timing.occurrences(team, utc(2026, 11, 23, 0, 0), utc(2026, 11, 24, 2, 0))
    kinds = [(d.kind.value, d.slot) for d in day if d.run_date == date(2026, 11, 23)]
    assert kinds == [
        ("prompt", 0),
        ("reminder", 0),
        ("summary", 0),
        ("prompt", 1),
        ("reminder", 1),
        ("summary", 1),
    ]


def test_the_run_a_member_answers_now() -> None:
    sam = member("sam@example.com", "Europe/London")
    team = standup(sam)
    monday = date(2026, 11, 23)
    # Before Monday's question: Monday's run is the one to answer early.
    assert timing.current_run(team, sam, utc(2026, 11, 23, 7, 0)) == (monday, 0)
    # After it (even after the cut-off): still Monday's, late.
    assert timing.current_run(team, sam, utc(2026, 11, 23, 18, 0)) == (monday, 0)
    # Friday evening, after the cut-off: Friday's, late, the day it closed.
    assert timing.current_run(team, sam, utc(2026, 11, 27, 20, 0)) == (date(2026, 11, 27), 0)
    # Saturday: none (Friday's is over), and the next question is Monday's.
    assert timing.current_run(team, sam, utc(2026, 11, 28, 10, 0)) is None
    assert timing.next_prompt(team, sam, utc(2026, 11, 28, 10, 0)) == utc(2026, 11, 30, 9, 30)


def test_an_answer_on_a_day_off_is_taken_for_that_day_while_its_run_is_open() -> None:
    sam = member("sam@example.com", "Europe/London")  # works Monday to Friday
    team = standup(sam, zone="Europe/London", days=tuple(range(7)))
    saturday = date(2026, 11, 28)
    # Not asked on Saturday, but the daily run is open: an answer counts for Saturday.
    assert not timing.member_asked(sam, saturday)
    assert timing.current_run(team, sam, utc(2026, 11, 28, 10, 0)) == (saturday, 0)
    # Before Saturday's run opens and after it closes, none: Friday's closed yesterday.
    assert timing.current_run(team, sam, utc(2026, 11, 28, 8, 0)) is None
    assert timing.current_run(team, sam, utc(2026, 11, 28, 13, 0)) is None
    # Nobody asks them on Saturday all the same.
    due = timing.occurrences(team, utc(2026, 11, 28, 0, 0), utc(2026, 11, 29, 0, 0))
    assert [d.kind for d in due] == [DueKind.SUMMARY]


def test_a_night_shift_answered_after_midnight_is_the_night_s_run() -> None:
    nurse = member("nurse@example.com", "Europe/Paris")
    team = standup(nurse, slots=(("22:00", "02:00"),), days=tuple(range(7)))
    # 00:30 in Paris on Tuesday: Monday night's run is open until 02:00.
    assert timing.current_run(team, nurse, utc(2026, 11, 23, 23, 30)) == (date(2026, 11, 23), 0)


def test_an_open_run_across_new_year_and_a_daylight_saving_night() -> None:
    sam = member("sam@example.com", "Europe/London", work_days=tuple(range(7)))
    team = standup(sam, zone="UTC", slots=(("21:59", "02:59"),), days=tuple(range(7)))
    assert timing.current_run(team, sam, utc(2026, 12, 31, 23, 59)) == (date(2026, 12, 31), 0)
    assert timing.current_run(team, sam, utc(2027, 1, 1, 0, 1)) == (date(2026, 12, 31), 0)
    spring = standup(sam, zone="Europe/Paris", slots=(("00:30", "04:00"),), days=tuple(range(7)))
    # 01:59 CET, then 03:00 CEST a minute later: the run of 28 March stays open.
    assert timing.current_run(spring, sam, utc(2027, 3, 28, 0, 59)) == (date(2027, 3, 28), 0)
    assert timing.current_run(spring, sam, utc(2027, 3, 28, 1, 1)) == (date(2027, 3, 28), 0)
