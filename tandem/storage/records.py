"""Plain records that cross the storage boundary (no ORM objects leak out)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum
from typing import Any


@dataclass(frozen=True, slots=True)
class TenantRef:
    """A resolved tenant: what every repository call takes first."""

    id: int
    key: str
    disabled: bool = False


class Role(StrEnum):
    """The four RACI roles."""

    RESPONSIBLE = "responsible"
    ACCOUNTABLE = "accountable"
    CONSULTED = "consulted"
    INFORMED = "informed"


ROLES: tuple[Role, ...] = tuple(Role)


@dataclass(frozen=True, slots=True)
class PersonRecord:
    """A line of the people file."""

    email: str
    name: str
    department: str = ""
    role: str = ""
    timezone: str = "UTC"
    locale: str = "en"
    is_admin: bool = False


@dataclass(frozen=True, slots=True)
class TopicText:
    """A topic's words in another language (the RACI file's ``title_fr``, ``description_fr``)."""

    title: str = ""
    description: str = ""


def _in_locale(base: str, translated: str | None) -> str:
    return translated or base


class _TopicWords:
    """A topic's title and description as a reader of a language sees them (a mixin of the
    topic's record and view)."""

    __slots__ = ()
    title: str
    description: str
    translations: Mapping[str, TopicText]

    def title_in(self, locale: str) -> str:
        """The title a reader of ``locale`` sees (the file's own when not translated)."""
        text = self.translations.get(locale)
        return _in_locale(self.title, text.title if text else None)

    def description_in(self, locale: str) -> str:
        """The description a reader of ``locale`` sees."""
        text = self.translations.get(locale)
        return _in_locale(self.description, text.description if text else None)


@dataclass(frozen=True, slots=True)
class TopicRecord(_TopicWords):
    """A line of the RACI file: a topic, its aliases and its people by email
    (``translations`` by locale, e.g. ``fr``)."""

    slug: str
    title: str
    aliases: tuple[str, ...] = ()
    responsible: tuple[str, ...] = ()
    accountable: tuple[str, ...] = ()
    consulted: tuple[str, ...] = ()
    informed: tuple[str, ...] = ()
    description: str = ""
    translations: Mapping[str, TopicText] = field(default_factory=dict)

    def people(self, role: Role) -> tuple[str, ...]:
        """The emails in ``role``."""
        return tuple(getattr(self, role.value))


@dataclass(frozen=True, slots=True)
class ToolRecord:
    """An entry of the tools catalogue."""

    name: str
    status: str
    aliases: tuple[str, ...] = ()
    note: str = ""
    translations: Mapping[str, str] = field(default_factory=dict)
    """The note in other languages, by locale."""

    def note_in(self, locale: str) -> str:
        """The note a reader of ``locale`` sees (the file's own when not translated)."""
        return _in_locale(self.note, self.translations.get(locale))


@dataclass(frozen=True, slots=True)
class RuleText:
    """A rule's words in another language."""

    title: str
    answer: str
    conditions: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class RuleRecord:
    """A guardrail rule (``translations`` by locale, e.g. ``fr``)."""

    id: str
    title: str
    topic: str
    sensitivity: str
    verdict: str
    answer: str
    conditions: tuple[str, ...] = ()
    examples: tuple[str, ...] = ()
    keywords: tuple[str, ...] = ()
    review_every_days: int | None = None
    last_reviewed: date | None = None
    translations: Mapping[str, RuleText] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class PersonView:
    """A person as shown to others."""

    email: str
    name: str
    department: str
    role: str


@dataclass(frozen=True, slots=True)
class TopicKeys:
    """What the topic matcher needs of a topic: its names."""

    slug: str
    title: str
    aliases: tuple[str, ...]
    description: str = ""
    translations: Mapping[str, str] = field(default_factory=dict)
    """The title by locale."""

    def title_in(self, locale: str) -> str:
        """The title a reader of ``locale`` sees."""
        return _in_locale(self.title, self.translations.get(locale))


@dataclass(frozen=True, slots=True)
class ChangeView:
    """One recorded change of a topic's role."""

    role: Role
    before: tuple[str, ...]
    after: tuple[str, ...]
    changed_by: str | None
    source: str
    changed_at: datetime


@dataclass(frozen=True, slots=True)
class TopicView(_TopicWords):
    """A topic with its people in each role, as a lookup shows it."""

    slug: str
    title: str
    description: str
    aliases: tuple[str, ...]
    roles: dict[Role, tuple[PersonView, ...]] = field(default_factory=dict)
    last_change: ChangeView | None = None
    translations: Mapping[str, TopicText] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class ImportCounts:
    """What an import did."""

    created: int = 0
    updated: int = 0
    unchanged: int = 0
    removed: int = 0


@dataclass(frozen=True, slots=True)
class StandupMemberView:
    """A member of a stand-up, with what the schedule needs of them."""

    person_id: int
    email: str
    name: str
    timezone: str
    locale: str
    work_days: tuple[int, ...] = (0, 1, 2, 3, 4)
    away: tuple[tuple[date, date], ...] = ()
    identities: tuple[tuple[str, str], ...] = ()

    def is_away(self, day: date) -> bool:
        """Whether ``day`` falls in one of the member's declared absences."""
        return any(first <= day <= last for first, last in self.away)

    def identity(self, platform: str) -> str | None:
        """The member's user id on ``platform``, when Tandem has seen it."""
        return next((uid for p, uid in self.identities if p == platform), None)


@dataclass(frozen=True, slots=True)
class ContactView(StandupMemberView):
    """A person with what reaching them at the right time needs, and their department."""

    department: str = ""
    is_admin: bool = False
    role: str = ""


@dataclass(frozen=True, slots=True)
class StandupSettings:
    """What a lead chooses for a stand-up (setup and edit)."""

    name: str
    member_emails: tuple[str, ...]
    questions: tuple[str, ...]
    days: tuple[int, ...]
    slots: tuple[tuple[str, str], ...]
    timezone: str
    reminders: tuple[int, ...] = (60,)
    holidays: tuple[date, ...] = ()
    optional: bool = False
    blockers: int | None = 2
    """Which question's answers are blockers (its index; None: no question does). The
    default is the third of the default questions; setup chooses for custom ones."""


@dataclass(frozen=True, slots=True)
class ChannelAddress:
    """Where a stand-up posts: the conversation id, its kind, and the platform reference."""

    id: str
    kind: str = "channel"
    reference: str | None = None


@dataclass(frozen=True, slots=True)
class StandupView:
    """A stored stand-up with its members."""

    id: int
    settings: StandupSettings
    channel: ChannelAddress
    owner_email: str
    members: tuple[StandupMemberView, ...]
    paused: bool = False
    deleted: bool = False
    revision: int = 0
    created_at: datetime | None = None
    """When it was set up: nothing before is owed, missed or counted."""

    @property
    def name(self) -> str:
        """The stand-up's name."""
        return self.settings.name


@dataclass(frozen=True, slots=True)
class RunView:
    """One occurrence of a stand-up."""

    id: int
    standup_id: int
    run_date: date
    slot: int
    cutoff_at: datetime
    thread_id: str | None
    summary_id: str | None
    closed: bool


@dataclass(frozen=True, slots=True)
class AnswerView:
    """A member's answers to a run."""

    id: int
    run_id: int
    person_id: int
    answers: tuple[str, ...]
    complete: bool
    skipped: bool
    late: bool
    message_id: str | None
    answered_at: datetime
    updated_at: datetime


@dataclass(frozen=True, slots=True)
class BlockerView:
    """A blocker as stored."""

    id: int
    text: str
    reporter_email: str
    source: str
    standup_run_id: int | None
    topic_slug: str | None
    status: str
    created_at: datetime
    owner_email: str | None = None
    routing: int = 0
    routed_at: datetime | None = None
    acknowledged_at: datetime | None = None
    resolved_at: datetime | None = None
    resolved_by: str | None = None
    resolution: str = ""
    level: int = 0
    declined_by: tuple[str, ...] = ()
    policy: dict[str, Any] = field(default_factory=dict)
    next_check_at: datetime | None = None

    @property
    def is_open(self) -> bool:
        """Neither resolved nor withdrawn."""
        return self.status == "open"


@dataclass(frozen=True, slots=True)
class BlockerEventView:
    """One thing that happened to a blocker."""

    kind: str
    at: datetime
    actor_email: str | None = None
    target_email: str | None = None
    detail: str = ""


@dataclass(frozen=True, slots=True)
class PmSettingView:
    """A person's stored PM role and digest schedule (``is_pm`` None: as the people file says)."""

    person_id: int
    is_pm: bool | None
    days: tuple[int, ...]
    at_time: str
    last_digest_at: datetime | None


@dataclass(frozen=True, slots=True)
class DeliveryKey:
    """Names one scheduled send: which occurrence, to whom, what."""

    key: str
    recipient: str
    kind: str


@dataclass(frozen=True, slots=True)
class DeliveryView:
    """A claimed send and how it went."""

    id: int
    key: DeliveryKey
    due_at: datetime
    status: str
    attempts: int
    claimed_at: datetime
    next_attempt_at: datetime
    message_id: str | None
    error: str | None


@dataclass(frozen=True, slots=True)
class ApprovalView:
    """A request for approval as stored."""

    id: int
    rule_key: str
    rule_title: str
    topic_slug: str
    what: str
    requester_email: str
    approver_email: str
    created_at: datetime
    status: str = "pending"
    tool_name: str | None = None
    question: str = ""
    why: str = ""
    how_long: str = ""
    escalated_to: str | None = None
    decided_at: datetime | None = None
    decided_by: str | None = None
    reason: str = ""
    level: int = 0
    next_check_at: datetime | None = None

    @property
    def is_pending(self) -> bool:
        """Not decided and not withdrawn."""
        return self.status == "pending"

    def deciders(self) -> tuple[str, ...]:
        """Who may decide: the approver, and whoever it was escalated to."""
        return tuple(e for e in (self.approver_email, self.escalated_to) if e)


@dataclass(frozen=True, slots=True)
class ApprovalEventView:
    """One thing that happened to a request."""

    kind: str
    at: datetime
    actor_email: str | None = None
    detail: str = ""


@dataclass(frozen=True, slots=True)
class ApprovalMessageView:
    """A card about a request that someone received."""

    recipient_email: str
    conversation_id: str
    conversation_kind: str
    reference: str | None
    message_id: str


@dataclass(frozen=True, slots=True)
class QuestionView:
    """A question no rule covered."""

    id: int
    text: str
    asker_email: str
    asked_at: datetime
    routed_to: str = ""
    closest_rule: str | None = None
    closed_at: datetime | None = None
    closed_by: str | None = None
    answered_rule: str | None = None


@dataclass(frozen=True, slots=True)
class PlanningSessionView:
    """A planning session as stored: when (in its organiser's timezone), what, where."""

    id: int
    title: str
    organiser_email: str
    timezone: str
    first_day: date
    local_time: str
    duration_minutes: int
    topics: tuple[str, ...]
    every_weeks: int = 0
    count: int | None = None
    channel: ChannelAddress | None = None
    status: str = "scheduled"
    created_at: datetime | None = None

    @property
    def recurring(self) -> bool:
        """Repeats every ``every_weeks`` weeks."""
        return self.every_weeks > 0

    @property
    def is_scheduled(self) -> bool:
        """Not cancelled."""
        return self.status == "scheduled"


@dataclass(frozen=True, slots=True)
class OccurrenceView:
    """One meeting of a session."""

    id: int
    session_id: int
    number: int
    starts_at: datetime
    ends_at: datetime
    uid: str
    sequence: int = 0
    status: str = "scheduled"

    @property
    def is_scheduled(self) -> bool:
        """Not cancelled."""
        return self.status == "scheduled"


@dataclass(frozen=True, slots=True)
class InviteView:
    """An IT representative invited to one occurrence, with their answer and their card."""

    id: int
    occurrence_id: int
    email: str
    topics: tuple[str, ...]
    via: str
    status: str
    created_at: datetime
    reason: str = ""
    answered_at: datetime | None = None
    card: ChannelAddress | None = None
    message_id: str | None = None

    @property
    def attending(self) -> bool:
        """Invited and not (yet) declined: still expected at the meeting."""
        return self.status in ("invited", "accepted")


@dataclass(frozen=True, slots=True)
class ConsoleMessageView:
    """A message the terminal adapter keeps for the people it is addressed to.

    ``reply`` is the neutral reply as JSON; ``replaces`` the message an update changed.
    """

    id: int
    conversation_id: str
    conversation_kind: str
    thread: str | None
    replaces: int | None
    reply: Mapping[str, Any]
    sent_at: datetime


@dataclass(frozen=True, slots=True)
class KpiRecord:
    """An entry of the KPI file: a shared indicator and who answers for it.

    ``names`` by language (``en``, ``fr``); ``unit`` is ``%``, ``ms``, ``s``, ``count`` or
    a currency's ISO code (``EUR``); ``better`` ``lower`` or ``higher``; ``alert`` the
    threshold whose crossing raises a blocker; ``topic`` the RACI topic whose Responsible
    owns it; ``expect_every_hours`` how often a value is expected (None: no rhythm).
    """

    slug: str
    names: Mapping[str, str]
    unit: str
    better: str
    target: float
    topic: str
    alert: float | None = None
    expect_every_hours: int | None = None

    def name_in(self, locale: str) -> str:
        """The name a reader of ``locale`` sees (English, else any, when not translated)."""
        return (
            self.names.get(locale)
            or self.names.get("en")
            or next(iter(self.names.values()), self.slug)
        )

    @property
    def lower_is_better(self) -> bool:
        """Whether a smaller value is the better one (a load time, a cost)."""
        return self.better == "lower"


@dataclass(frozen=True, slots=True)
class KpiView(KpiRecord):
    """A stored KPI: its definition, its id, and the blocker its last breach raised."""

    id: int = 0
    breach_blocker_id: int | None = None


@dataclass(frozen=True, slots=True)
class KpiValueView:
    """One value of a KPI: when it holds (UTC), what it is, who or what sent it."""

    id: int
    kpi_id: int
    at: datetime
    value: float
    source: str
    sent_by: str
    recorded_at: datetime
