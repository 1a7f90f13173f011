"""When a stand-up asks, reminds and closes: pure functions of its rows and an instant.

A run belongs to a date in the stand-up's timezone (the channel's). Each member
is asked at the slot's local time *in their own timezone* on that date; the
run closes at the slot's cut-off in the stand-up's timezone. Local times that
do not exist (spring forward) are moved forward by the gap; local times that
happen twice (fall back) are taken the first time.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum

from tandem.rituals.common.working_time import at_local, local_date, parse_clock
from tandem.storage.records import StandupMemberView, StandupView

__all__ = ["at_local", "local_date", "parse_clock"]  # re-exported: stand-up code reads them here

# Member timezones sit at most 26 hours from the stand-up's; look this many days around.
_SPREAD_DAYS = 2


class DueKind(StrEnum):
    """What is due."""

    PROMPT = "prompt"
    REMINDER = "reminder"
    SUMMARY = "summary"


@dataclass(frozen=True, slots=True)
class Due:
    """Something a stand-up must do at ``at`` (UTC)."""

    at: datetime
    kind: DueKind
    run_date: date
    slot: int
    member: StandupMemberView | None = None
    minutes_before: int = 0

    @property
    def delivery_kind(self) -> str:
        """The kind as a delivery row names it (each reminder is its own)."""
        if self.kind is DueKind.REMINDER:
            return f"reminder:{self.minutes_before}"
        return self.kind.value


def runs_on(standup: StandupView, day: date) -> bool:
    """Whether the stand-up meets on ``day`` (its weekdays, minus the team's holidays)."""
    return day.weekday() in standup.settings.days and day not in standup.settings.holidays


def member_asked(member: StandupMemberView, day: date) -> bool:
    """Whether a member is asked on ``day``: a working day of theirs, not away."""
    return day.weekday() in member.work_days and not member.is_away(day)


def prompt_at(standup: StandupView, member: StandupMemberView, day: date, slot: int) -> datetime:
    """When ``member`` is asked for the run of ``day``: the slot's time in their timezone."""
    ask, _ = standup.settings.slots[slot]
    return at_local(day, parse_clock(ask), member.timezone)


def cutoff_at(standup: StandupView, day: date, slot: int) -> datetime:
    """When the run of ``day`` closes: the cut-off in the stand-up's timezone.

    A cut-off earlier than the ask time (a night shift, 22:00 to 02:00) is the next day.
    """
    ask, cutoff = (parse_clock(t) for t in standup.settings.slots[slot])
    closing_day = day + timedelta(days=1) if cutoff <= ask else day
    return at_local(closing_day, cutoff, standup.settings.timezone)


def _days(standup: StandupView, start: datetime, end: datetime) -> Iterator[date]:
    first = local_date(start, standup.settings.timezone) - timedelta(days=_SPREAD_DAYS)
    last = local_date(end, standup.settings.timezone) + timedelta(days=_SPREAD_DAYS)
    day = first
    while day <= last:
        if runs_on(standup, day):
            yield day
        day += timedelta(days=1)


def owed(standup: StandupView, item: Due) -> bool:
    """Whether ``item`` belongs to a run still open when the stand-up was set up: a run over
    before it existed owes no prompt, no reminder and no summary."""
    created = standup.created_at
    return created is None or cutoff_at(standup, item.run_date, item.slot) > created


def occurrences(standup: StandupView, start: datetime, end: datetime) -> list[Due]:
    """Everything the stand-up does in ``(start, end]``, in time order."""
    found: list[Due] = []
    for day in _days(standup, start, end):
        for slot in range(len(standup.settings.slots)):
            closing = cutoff_at(standup, day, slot)
            if start < closing <= end:
                found.append(Due(at=closing, kind=DueKind.SUMMARY, run_date=day, slot=slot))
            for member in standup.members:
                if not member_asked(member, day):
                    continue
                asked = prompt_at(standup, member, day, slot)
                if start < asked <= end:
                    found.append(
                        Due(at=asked, kind=DueKind.PROMPT, run_date=day, slot=slot, member=member)
                    )
                for minutes in standup.settings.reminders:
                    reminder = closing - timedelta(minutes=minutes)
                    if asked < reminder and start < reminder <= end:
                        found.append(
                            Due(
                                at=reminder,
                                kind=DueKind.REMINDER,
                                run_date=day,
                                slot=slot,
                                member=member,
                                minutes_before=minutes,
                            )
                        )
    found.sort(key=lambda due: (due.at, due.kind.value, due.member.email if due.member else ""))
    return found


CUT_OFF_PASSED = "the stand-up's cut-off has passed"
PROMPT_GOES_OUT = "the member's first prompt of the run goes out now"
LATER_REMINDER = "a later reminder of the run is due"


def moment_over(
    *, standup: StandupView, pending: Sequence[Due], now: datetime
) -> list[tuple[Due, str]]:
    """Of the stand-up's sends due by ``now`` and not sent yet, those not worth sending
    any more, each with why (after a gap in the sweeps: a restart, a replica down).

    A prompt or a reminder is over once its run's cut-off has passed: the summary is what
    matters then (the summary itself is never over). Of what is left for one member's run,
    one message goes out: the prompt when it has not gone out yet, else the latest reminder.
    """
    over: list[tuple[Due, str]] = []
    runs: dict[tuple[date, int, str], list[Due]] = {}
    for due in pending:
        if due.member is None:
            continue
        if cutoff_at(standup, due.run_date, due.slot) <= now:
            over.append((due, CUT_OFF_PASSED))
        else:
            runs.setdefault((due.run_date, due.slot, due.member.email), []).append(due)
    for items in runs.values():
        prompt = next((due for due in items if due.kind is DueKind.PROMPT), None)
        kept = prompt or max(items, key=lambda due: due.at)
        why = PROMPT_GOES_OUT if prompt else LATER_REMINDER
        over.extend((due, why) for due in items if due is not kept)
    return over


def current_run(
    standup: StandupView, member: StandupMemberView, now: datetime
) -> tuple[date, int] | None:
    """The run a member answers now.

    In order: a run open now (asked, cut-off not passed), also on a day the member is
    not asked (a day off or away: an answer given anyway is taken for that run); else
    today's run still to be asked of them; else the latest run they were asked, late, on
    the day it closed (a night shift's until the end of the morning it closed); on a later
    day with nothing asked (a weekend), none: what closed on Friday is not offered on
    Saturday.
    """
    opened: tuple[datetime, date, int] | None = None
    latest: tuple[datetime, date, int] | None = None
    upcoming: tuple[datetime, date, int] | None = None
    today = local_date(now, member.timezone)
    for day in _days(standup, now - timedelta(days=8), now):
        asked_that_day = member_asked(member, day)
        for slot in range(len(standup.settings.slots)):
            asked = prompt_at(standup, member, day, slot)
            is_open = asked <= now < cutoff_at(standup, day, slot)
            if is_open and (opened is None or asked > opened[0]):
                opened = (asked, day, slot)
            if not asked_that_day:
                continue
            if asked <= now and (latest is None or asked > latest[0]):
                latest = (asked, day, slot)
            elif asked > now and day == today and (upcoming is None or asked < upcoming[0]):
                upcoming = (asked, day, slot)
    if opened is not None:
        return opened[1], opened[2]
    if upcoming is not None and (latest is None or local_date(latest[0], member.timezone) != today):
        return upcoming[1], upcoming[2]
    if latest is None:
        return None
    _, day, slot = latest
    if local_date(cutoff_at(standup, day, slot), member.timezone) != today:
        return None  # closed on a day gone by: nothing is asked today (a weekend, a day off)
    return day, slot


def next_prompt(
    standup: StandupView, member: StandupMemberView, after: datetime
) -> datetime | None:
    """When the member is next asked (within five weeks), or None."""
    for due in occurrences(standup, after, after + timedelta(days=35)):
        if due.kind is DueKind.PROMPT and due.member and due.member.email == member.email:
            return due.at
    return None
