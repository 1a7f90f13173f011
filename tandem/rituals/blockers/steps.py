"""When a blocker climbs: pure functions of the blocker, the people's calendars and an instant.

- Not acknowledged ``ack_hours`` working hours after it was routed (counted in the
  owner's calendar): the topic's Accountable is told, at the start of their
  working time if the moment falls outside it. Each routing starts a new clock.
- Not resolved ``resolve_days`` working days after it was raised (counted in the
  calendar of the person it waits on: its owner, else its reporter): each PM is
  told at their own working time, and the escalation channel at once.
  Acknowledging does not stop this clock.
- From then on, while it stays open, the last level reached is reminded once per
  working day, at the start of each one's working day.

After a gap in the sweeps (a restart, a replica down) several steps may be due at once;
only the one the blocker is at now goes out (``moment_over``).
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import IntEnum

from tandem.rituals.blockers.policy import EscalationPolicy
from tandem.rituals.common.working_time import Calendar, local_date
from tandem.storage.records import BlockerView, DeliveryKey, StandupMemberView

CHANNEL = "#channel"
ESCALATE = "escalate"
REMIND = "remind"
REMINDER_LOOK_BACK = timedelta(days=4)
REMINDER_LOOK_AHEAD = timedelta(days=10)
OVERTAKEN = "the blocker's next escalation step is due"
STEP_GOES_OUT = "the escalation step it repeats goes out to them now"
PAST_GRACE = "a daily reminder past the grace window"


class Level(IntEnum):
    """How far a blocker has climbed."""

    OWNER = 0
    ACCOUNTABLE = 1
    PM = 2


@dataclass(frozen=True, slots=True)
class Contact:
    """Someone a step may reach, with their working calendar."""

    email: str
    calendar: Calendar


@dataclass(frozen=True, slots=True)
class Step:
    """One send: to whom, what, when (UTC), and the level it brings the blocker to."""

    key: DeliveryKey
    at: datetime
    level: Level

    @property
    def reminder(self) -> bool:
        """A daily reminder of the last level, not a climb."""
        return self.key.kind == REMIND


@dataclass(frozen=True, slots=True)
class Plan:
    """The steps due by now (reminders: only each recipient's latest) and the next instant
    something falls due (None: nothing more will, unless the blocker changes)."""

    due: tuple[Step, ...]
    next_check: datetime | None


@dataclass(frozen=True, slots=True)
class Parties:
    """Who a blocker's steps concern, as the rows say now."""

    waits_on: Calendar
    owner: Calendar | None
    accountable: Contact | None
    pms: Sequence[Contact]
    channel: bool


def _key(blocker: BlockerView, step: str) -> str:
    return f"blocker:{blocker.id}:{step}"


def ack_deadline(blocker: BlockerView, policy: EscalationPolicy, owner: Calendar) -> datetime:
    """When the owner's acknowledgement is overdue."""
    assert blocker.routed_at is not None
    return owner.add_hours(blocker.routed_at, policy.ack_hours)


def resolve_deadline(
    blocker: BlockerView, policy: EscalationPolicy, waits_on: Calendar
) -> datetime:
    """When the blocker's resolution is overdue."""
    return waits_on.add_days(blocker.created_at, policy.resolve_days)


def calendar(policy: EscalationPolicy, person: StandupMemberView) -> Calendar:
    """A person's calendar (timezone, working days, days away) under ``policy``'s hours."""
    return policy.hours.calendar(
        timezone=person.timezone, work_days=person.work_days, away=person.away
    )


def plan(blocker: BlockerView, parties: Parties, *, now: datetime) -> Plan:
    """Every step due by ``now`` that the blocker's state still calls for, and the next one."""
    if not blocker.is_open:
        return Plan(due=(), next_check=None)
    policy = EscalationPolicy.of(blocker.policy)
    due: list[Step] = []
    later: list[datetime] = []

    def consider(step: Step) -> None:
        if step.at <= now:
            due.append(step)
        else:
            later.append(step.at)

    accountable = parties.accountable
    if (
        blocker.owner_email
        and blocker.routed_at is not None
        and blocker.acknowledged_at is None
        and parties.owner is not None
        and accountable is not None
        and accountable.email != blocker.owner_email
    ):
        deadline = ack_deadline(blocker, policy, parties.owner)
        consider(
            Step(
                key=DeliveryKey(
                    key=_key(blocker, f"ack:{blocker.routing}"),
                    recipient=accountable.email,
                    kind=ESCALATE,
                ),
                at=accountable.calendar.next_open(deadline),
                level=Level.ACCOUNTABLE,
            )
        )
    deadline = resolve_deadline(blocker, policy, parties.waits_on)
    last: list[tuple[str, datetime, Calendar]] = [
        (pm.email, pm.calendar.next_open(deadline), pm.calendar) for pm in parties.pms
    ]
    if parties.channel:
        last.append((CHANNEL, deadline, parties.waits_on))
    level = Level.PM
    if not last and accountable is not None and accountable.email != blocker.owner_email:
        last = [(accountable.email, accountable.calendar.next_open(deadline), accountable.calendar)]
        level = Level.ACCOUNTABLE
    for recipient, at, their in last:
        consider(
            Step(
                key=DeliveryKey(key=_key(blocker, "resolve"), recipient=recipient, kind=ESCALATE),
                at=at,
                level=level,
            )
        )
        # Only the latest reminder due and the next one matter: look a few days around now.
        since = max(at, now - REMINDER_LOOK_BACK)
        starts = their.day_starts_after(since, until=max(now, at) + REMINDER_LOOK_AHEAD)
        past = [s for s in starts if s <= now]
        upcoming = [s for s in starts if s > now]
        if past:
            latest = past[-1]
            day = local_date(latest, their.timezone).isoformat()
            due.append(
                Step(
                    key=DeliveryKey(
                        key=_key(blocker, f"remind:{day}"), recipient=recipient, kind=REMIND
                    ),
                    at=latest,
                    level=level,
                )
            )
        # Nobody works in the window (a long absence): look again at its end.
        later.append(upcoming[0] if upcoming else max(now, at) + REMINDER_LOOK_AHEAD)
    return Plan(due=tuple(due), next_check=min(later) if later else None)


def moment_over(
    *,
    blocker: BlockerView,
    due: Sequence[Step],
    unsent: Collection[DeliveryKey],
    now: datetime,
    grace: timedelta,
) -> list[tuple[Step, str]]:
    """Of a blocker's steps due (``plan(...).due``), those not worth sending any more, each
    with why; ``unsent`` holds the keys of the sends that have not gone out yet.

    - The Accountable's step is over once the last level's step is due: the blocker is
      there now, and only that step goes out.
    - A daily reminder is over past the grace window (the next working day brings the next
      one), and while the step it repeats has not gone out to the same person: that step
      goes out instead, saying more.

    The last level's step itself is never over: whoever it reaches should hear of it.
    """
    resolve = _key(blocker, "resolve")
    last_level_due = any(step.key.key == resolve and step.at <= now for step in due)
    over: list[tuple[Step, str]] = []
    for step in due:
        if step.reminder:
            repeated = DeliveryKey(key=resolve, recipient=step.key.recipient, kind=ESCALATE)
            if step.at < now - grace:
                over.append((step, PAST_GRACE))
            elif repeated in unsent:
                over.append((step, STEP_GOES_OUT))
        elif last_level_due and step.key.key != resolve:
            over.append((step, OVERTAKEN))
    return over
