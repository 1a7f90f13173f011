"""The tables. Every row but the tenant itself carries ``tenant_id``.

Times are stored as UTC; the schema is created and changed only by Alembic
migrations (``storage/migrations``), which a test keeps in step with these models.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import JSON, Column, DateTime, Index, Text, UniqueConstraint
from sqlmodel import Field, SQLModel


def utcnow() -> datetime:
    """The current instant, timezone-aware UTC."""
    return datetime.now(UTC)


def _maybe_utc() -> Any:
    return Field(default=None, sa_column=Column(DateTime(timezone=True), nullable=True))


def _utc_column(*, nullable: bool = False) -> Any:
    return Field(
        default_factory=utcnow, sa_column=Column(DateTime(timezone=True), nullable=nullable)
    )


class Tenant(SQLModel, table=True):
    """A Slack workspace, a Teams tenant, or a plain local name such as ``demo``."""

    __tablename__ = "tenant"

    id: int | None = Field(default=None, primary_key=True)
    key: str = Field(max_length=120, unique=True)
    platform: str = Field(max_length=16)
    workspace_id: str = Field(max_length=100)
    enterprise_id: str | None = Field(default=None, max_length=100)
    name: str = Field(default="", max_length=200)
    disabled: bool = Field(default=False)
    raci_revision: int = Field(default=0)
    created_at: datetime = _utc_column()


class Person(SQLModel, table=True):
    """Someone in the organisation, imported from the people file."""

    __tablename__ = "person"
    __table_args__ = (UniqueConstraint("tenant_id", "email", name="uq_person_tenant_email"),)

    id: int | None = Field(default=None, primary_key=True)
    tenant_id: int = Field(foreign_key="tenant.id", index=True)
    email: str = Field(max_length=254)
    name: str = Field(max_length=200)
    department: str = Field(default="", max_length=100)
    role: str = Field(default="", max_length=200)
    timezone: str = Field(default="UTC", max_length=64)
    locale: str = Field(default="en", max_length=16)
    is_admin: bool = Field(default=False)


class PlatformIdentity(SQLModel, table=True):
    """A person's id on a platform (Slack user id, Teams AAD object id)."""

    __tablename__ = "platform_identity"
    __table_args__ = (
        UniqueConstraint(
            "tenant_id", "platform", "platform_user_id", name="uq_identity_tenant_platform_user"
        ),
    )

    id: int | None = Field(default=None, primary_key=True)
    tenant_id: int = Field(foreign_key="tenant.id", index=True)
    person_id: int = Field(foreign_key="person.id", index=True)
    platform: str = Field(max_length=16)
    platform_user_id: str = Field(max_length=128)


class RaciTopic(SQLModel, table=True):
    """A topic of the RACI matrix."""

    __tablename__ = "raci_topic"
    __table_args__ = (UniqueConstraint("tenant_id", "slug", name="uq_topic_tenant_slug"),)

    id: int | None = Field(default=None, primary_key=True)
    tenant_id: int = Field(foreign_key="tenant.id", index=True)
    slug: str = Field(max_length=80)
    title: str = Field(max_length=200)
    description: str = Field(default="", max_length=2000)
    translations: dict[str, Any] = Field(
        default_factory=dict, sa_column=Column(JSON, nullable=False, server_default="{}")
    )
    """By locale: ``{"fr": {"title": …, "description": …}}``."""
    position: int = Field(default=0)


class RaciAlias(SQLModel, table=True):
    """Another name of a topic (English, French, a product name…)."""

    __tablename__ = "raci_alias"
    __table_args__ = (Index("ix_raci_alias_tenant_topic", "tenant_id", "topic_id"),)

    id: int | None = Field(default=None, primary_key=True)
    tenant_id: int = Field(foreign_key="tenant.id")
    topic_id: int = Field(foreign_key="raci_topic.id")
    alias: str = Field(max_length=200)
    position: int = Field(default=0)


class RaciAssignment(SQLModel, table=True):
    """One person in one role (R, A, C or I) for one topic."""

    __tablename__ = "raci_assignment"
    __table_args__ = (
        UniqueConstraint("topic_id", "role", "person_id", name="uq_assignment_topic_role_person"),
        Index("ix_raci_assignment_tenant_topic", "tenant_id", "topic_id"),
    )

    id: int | None = Field(default=None, primary_key=True)
    tenant_id: int = Field(foreign_key="tenant.id")
    topic_id: int = Field(foreign_key="raci_topic.id")
    person_id: int = Field(foreign_key="person.id", index=True)
    role: str = Field(max_length=12)
    position: int = Field(default=0)


class RaciChange(SQLModel, table=True):
    """Who changed which role of a topic, when, from what to what."""

    __tablename__ = "raci_change"
    __table_args__ = (Index("ix_raci_change_tenant_topic", "tenant_id", "topic_id"),)

    id: int | None = Field(default=None, primary_key=True)
    tenant_id: int = Field(foreign_key="tenant.id")
    topic_id: int = Field(foreign_key="raci_topic.id")
    role: str = Field(max_length=12)
    before: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    after: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    changed_by: str | None = Field(default=None, max_length=254)
    source: str = Field(default="chat", max_length=16)
    changed_at: datetime = _utc_column()


class GuardrailRule(SQLModel, table=True):
    """A rule IT defined once: what marketing may do, on which conditions."""

    __tablename__ = "guardrail_rule"
    __table_args__ = (UniqueConstraint("tenant_id", "rule_key", name="uq_rule_tenant_key"),)

    id: int | None = Field(default=None, primary_key=True)
    tenant_id: int = Field(foreign_key="tenant.id", index=True)
    rule_key: str = Field(max_length=80)
    title: str = Field(max_length=300)
    topic_slug: str = Field(max_length=80)
    sensitivity: str = Field(max_length=16)
    verdict: str = Field(max_length=16)
    answer: str = Field(max_length=4000)
    conditions: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    examples: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    keywords: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    review_every_days: int | None = Field(default=None)
    last_reviewed: date | None = Field(default=None)
    translations: dict[str, Any] = Field(
        default_factory=dict, sa_column=Column(JSON, nullable=False, server_default="{}")
    )
    position: int = Field(default=0)


class CatalogueEntry(SQLModel, table=True):
    """A tool or module in the catalogue, with its status."""

    __tablename__ = "catalogue_entry"
    __table_args__ = (UniqueConstraint("tenant_id", "name", name="uq_catalogue_tenant_name"),)

    id: int | None = Field(default=None, primary_key=True)
    tenant_id: int = Field(foreign_key="tenant.id", index=True)
    name: str = Field(max_length=200)
    aliases: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    status: str = Field(max_length=16)
    note: str = Field(default="", max_length=2000)
    translations: dict[str, Any] = Field(
        default_factory=dict, sa_column=Column(JSON, nullable=False, server_default="{}")
    )
    """The note by locale: ``{"fr": {"note": …}}``."""
    position: int = Field(default=0)


class SlackInstallation(SQLModel, table=True):
    """The bot token and ids of Tandem in one Slack workspace (or Enterprise Grid org)."""

    __tablename__ = "slack_installation"
    __table_args__ = (UniqueConstraint("tenant_id", name="uq_slack_installation_tenant"),)

    id: int | None = Field(default=None, primary_key=True)
    tenant_id: int = Field(foreign_key="tenant.id")
    app_id: str | None = Field(default=None, max_length=32)
    enterprise_id: str | None = Field(default=None, max_length=32)
    team_id: str | None = Field(default=None, max_length=32)
    is_enterprise_install: bool = Field(default=False)
    bot_token: str = Field(max_length=1000)
    """As stored: ``fernet:…`` when encrypted with the operator's key (a token of 255
    characters takes 427), else plain text (``storage/cipher.py``)."""
    bot_id: str | None = Field(default=None, max_length=32)
    bot_user_id: str | None = Field(default=None, max_length=32)
    bot_scopes: str = Field(default="", max_length=2000)
    installer_user_id: str | None = Field(default=None, max_length=32)
    installed_at: datetime = _utc_column()


class SlackEventSeen(SQLModel, table=True):
    """An event Slack delivered, kept a while so its retries are not handled twice."""

    __tablename__ = "slack_event_seen"
    __table_args__ = (UniqueConstraint("tenant_id", "event_id", name="uq_slack_event_tenant_id"),)

    id: int | None = Field(default=None, primary_key=True)
    tenant_id: int = Field(foreign_key="tenant.id")
    event_id: str = Field(max_length=64)
    seen_at: datetime = _utc_column()


class SlackOAuthState(SQLModel, table=True):
    """A pending OAuth install (no tenant yet: the workspace is not known before Slack answers)."""

    __tablename__ = "slack_oauth_state"

    state: str = Field(primary_key=True, max_length=64)
    expires_at: datetime = _utc_column()


class TeamsReference(SQLModel, table=True):
    """A Bot Framework ConversationReference, kept to message a chat or a person later."""

    __tablename__ = "teams_reference"
    __table_args__ = (
        UniqueConstraint("tenant_id", "kind", "key", name="uq_teams_reference_tenant_kind_key"),
    )

    id: int | None = Field(default=None, primary_key=True)
    tenant_id: int = Field(foreign_key="tenant.id")
    kind: str = Field(max_length=16)
    key: str = Field(max_length=255)
    reference: str = Field(max_length=8000)
    updated_at: datetime = _utc_column()


class Standup(SQLModel, table=True):
    """A team's stand-up: who is asked what, when, and where the answers go."""

    __tablename__ = "standup"
    __table_args__ = (Index("ix_standup_tenant", "tenant_id"),)

    id: int | None = Field(default=None, primary_key=True)
    tenant_id: int = Field(foreign_key="tenant.id")
    name: str = Field(max_length=80)
    channel_id: str = Field(max_length=255)
    channel_kind: str = Field(default="channel", max_length=16)
    channel_reference: str | None = Field(default=None, max_length=8000)
    owner_email: str = Field(max_length=254)
    timezone: str = Field(max_length=64)
    questions: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    days: list[int] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    slots: list[list[str]] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    reminders: list[int] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    holidays: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    optional: bool = Field(default=False)
    blockers_question: int | None = Field(default=None)
    """The index of the question whose answers are blockers; None: no question is."""
    paused: bool = Field(default=False)
    deleted: bool = Field(default=False)
    revision: int = Field(default=0)
    created_at: datetime = _utc_column()


class StandupMember(SQLModel, table=True):
    """A person asked by a stand-up."""

    __tablename__ = "standup_member"
    __table_args__ = (
        UniqueConstraint("standup_id", "person_id", name="uq_standup_member"),
        Index("ix_standup_member_tenant_standup", "tenant_id", "standup_id"),
    )

    id: int | None = Field(default=None, primary_key=True)
    tenant_id: int = Field(foreign_key="tenant.id")
    standup_id: int = Field(foreign_key="standup.id")
    person_id: int = Field(foreign_key="person.id", index=True)


class StandupRun(SQLModel, table=True):
    """One occurrence of a stand-up: a date (in the stand-up's timezone) and a slot."""

    __tablename__ = "standup_run"
    __table_args__ = (
        UniqueConstraint("standup_id", "run_date", "slot", name="uq_standup_run"),
        Index("ix_standup_run_tenant_standup", "tenant_id", "standup_id"),
    )

    id: int | None = Field(default=None, primary_key=True)
    tenant_id: int = Field(foreign_key="tenant.id")
    standup_id: int = Field(foreign_key="standup.id")
    run_date: date
    slot: int = Field(default=0)
    cutoff_at: datetime = _utc_column()
    thread_id: str | None = Field(default=None, max_length=255)
    summary_id: str | None = Field(default=None, max_length=255)
    closed: bool = Field(default=False)


class StandupAnswer(SQLModel, table=True):
    """A member's answers to one run (or their skip)."""

    __tablename__ = "standup_answer"
    __table_args__ = (
        UniqueConstraint("run_id", "person_id", name="uq_standup_answer"),
        Index("ix_standup_answer_tenant_person", "tenant_id", "person_id"),
    )

    id: int | None = Field(default=None, primary_key=True)
    tenant_id: int = Field(foreign_key="tenant.id")
    run_id: int = Field(foreign_key="standup_run.id", index=True)
    person_id: int = Field(foreign_key="person.id")
    answers: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    complete: bool = Field(default=False)
    skipped: bool = Field(default=False)
    late: bool = Field(default=False)
    message_id: str | None = Field(default=None, max_length=255)
    answered_at: datetime = _utc_column()
    updated_at: datetime = _utc_column()


class TimeOff(SQLModel, table=True):
    """Days a person is away (inclusive), in their own calendar."""

    __tablename__ = "time_off"
    __table_args__ = (Index("ix_time_off_tenant_person", "tenant_id", "person_id"),)

    id: int | None = Field(default=None, primary_key=True)
    tenant_id: int = Field(foreign_key="tenant.id")
    person_id: int = Field(foreign_key="person.id")
    first_day: date
    last_day: date


class WorkWeek(SQLModel, table=True):
    """A person's working days when they are not Monday to Friday."""

    __tablename__ = "work_week"
    __table_args__ = (UniqueConstraint("tenant_id", "person_id", name="uq_work_week_person"),)

    id: int | None = Field(default=None, primary_key=True)
    tenant_id: int = Field(foreign_key="tenant.id")
    person_id: int = Field(foreign_key="person.id")
    days: list[int] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))


class Blocker(SQLModel, table=True):
    """Something in someone's way, raised from a stand-up answer or ``/blocker``.

    ``owner_email`` is who has it now (None while it waits for a topic); ``level``
    how far it climbed (0 the owner, 1 the Accountable, 2 the PMs); ``policy`` the
    escalation policy in force when it was raised; ``next_check_at`` the next
    instant a step may fall due, which the escalation sweep reads through an index.
    """

    __tablename__ = "blocker"
    __table_args__ = (
        Index("ix_blocker_tenant_status_check", "tenant_id", "status", "next_check_at"),
        Index("ix_blocker_tenant_resolved", "tenant_id", "resolved_at"),
    )

    id: int | None = Field(default=None, primary_key=True)
    tenant_id: int = Field(foreign_key="tenant.id")
    text: str = Field(max_length=4000)
    reporter_email: str = Field(max_length=254)
    source: str = Field(max_length=16)
    standup_run_id: int | None = Field(default=None, foreign_key="standup_run.id")
    topic_slug: str | None = Field(default=None, max_length=80)
    status: str = Field(default="open", max_length=16)
    created_at: datetime = _utc_column()
    owner_email: str | None = Field(default=None, max_length=254)
    routing: int = Field(default=0)
    routed_at: datetime | None = Field(
        default=None, sa_column=Column(DateTime(timezone=True), nullable=True)
    )
    acknowledged_at: datetime | None = Field(
        default=None, sa_column=Column(DateTime(timezone=True), nullable=True)
    )
    resolved_at: datetime | None = Field(
        default=None, sa_column=Column(DateTime(timezone=True), nullable=True)
    )
    resolved_by: str | None = Field(default=None, max_length=254)
    resolution: str = Field(default="", max_length=2000)
    level: int = Field(default=0)
    declined_by: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    policy: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    next_check_at: datetime | None = Field(
        default=None, sa_column=Column(DateTime(timezone=True), nullable=True)
    )


class BlockerEvent(SQLModel, table=True):
    """What happened to a blocker: routed, acknowledged, escalated, resolved… by whom, when."""

    __tablename__ = "blocker_event"
    __table_args__ = (Index("ix_blocker_event_tenant_blocker", "tenant_id", "blocker_id"),)

    id: int | None = Field(default=None, primary_key=True)
    tenant_id: int = Field(foreign_key="tenant.id")
    blocker_id: int = Field(foreign_key="blocker.id")
    kind: str = Field(max_length=16)
    actor_email: str | None = Field(default=None, max_length=254)
    target_email: str | None = Field(default=None, max_length=254)
    detail: str = Field(default="", max_length=2000)
    at: datetime = _utc_column()


class EscalationPolicy(SQLModel, table=True):
    """A tenant's escalation delays and channel, as an admin set them."""

    __tablename__ = "escalation_policy"
    __table_args__ = (UniqueConstraint("tenant_id", name="uq_escalation_policy_tenant"),)

    id: int | None = Field(default=None, primary_key=True)
    tenant_id: int = Field(foreign_key="tenant.id")
    settings: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    updated_by: str | None = Field(default=None, max_length=254)
    updated_at: datetime = _utc_column()


class PmSetting(SQLModel, table=True):
    """A person's PM role and digest schedule, where it differs from the people file."""

    __tablename__ = "pm_setting"
    __table_args__ = (UniqueConstraint("tenant_id", "person_id", name="uq_pm_setting_person"),)

    id: int | None = Field(default=None, primary_key=True)
    tenant_id: int = Field(foreign_key="tenant.id")
    person_id: int = Field(foreign_key="person.id")
    is_pm: bool | None = Field(default=None)
    days: list[int] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    at_time: str = Field(default="09:00", max_length=5)
    last_digest_at: datetime | None = Field(
        default=None, sa_column=Column(DateTime(timezone=True), nullable=True)
    )


class Delivery(SQLModel, table=True):
    """A scheduled send, claimed before it goes out so that it goes out once.

    ``key`` names the occurrence (``standup:12:2026-11-23:0``), ``recipient`` who
    gets it and ``kind`` what (prompt, reminder, summary…); the three are unique
    per tenant. ``status`` is claimed, sent, failed (given up) or skipped.
    """

    __tablename__ = "delivery"
    __table_args__ = (
        UniqueConstraint("tenant_id", "key", "recipient", "kind", name="uq_delivery"),
        Index("ix_delivery_status_next", "status", "next_attempt_at"),
    )

    id: int | None = Field(default=None, primary_key=True)
    tenant_id: int = Field(foreign_key="tenant.id")
    key: str = Field(max_length=120)
    recipient: str = Field(max_length=254)
    kind: str = Field(max_length=16)
    due_at: datetime = _utc_column()
    status: str = Field(default="claimed", max_length=16)
    attempts: int = Field(default=0)
    claimed_at: datetime = _utc_column()
    next_attempt_at: datetime = _utc_column()
    sent_at: datetime | None = Field(
        default=None, sa_column=Column(DateTime(timezone=True), nullable=True)
    )
    message_id: str | None = Field(default=None, max_length=255)
    error: str | None = Field(default=None, max_length=500)


class GuardrailQuestion(SQLModel, table=True):
    """A question no rule covered, recorded for IT to answer and to write the missing rule."""

    __tablename__ = "guardrail_question"
    __table_args__ = (Index("ix_guardrail_question_tenant_open", "tenant_id", "closed_at"),)

    id: int | None = Field(default=None, primary_key=True)
    tenant_id: int = Field(foreign_key="tenant.id")
    text: str = Field(max_length=4000)
    asker_email: str = Field(max_length=254)
    routed_to: str = Field(default="", max_length=254)
    closest_rule: str | None = Field(default=None, max_length=80)
    asked_at: datetime = _utc_column()
    closed_at: datetime | None = _maybe_utc()
    closed_by: str | None = Field(default=None, max_length=254)
    answered_rule: str | None = Field(default=None, max_length=80)
    """The rule IT filed the question under: it is then one of that rule's examples."""


class ApprovalRequest(SQLModel, table=True):
    """A request to do what a rule says needs approval, and its decision."""

    __tablename__ = "approval_request"
    __table_args__ = (
        Index("ix_approval_tenant_status_check", "tenant_id", "status", "next_check_at"),
    )

    id: int | None = Field(default=None, primary_key=True)
    tenant_id: int = Field(foreign_key="tenant.id")
    rule_key: str = Field(max_length=80)
    rule_title: str = Field(max_length=300)
    topic_slug: str = Field(max_length=80)
    tool_name: str | None = Field(default=None, max_length=200)
    question: str = Field(default="", max_length=4000)
    what: str = Field(max_length=2000)
    why: str = Field(default="", max_length=2000)
    how_long: str = Field(default="", max_length=200)
    requester_email: str = Field(max_length=254)
    approver_email: str = Field(max_length=254)
    escalated_to: str | None = Field(default=None, max_length=254)
    status: str = Field(default="pending", max_length=16)
    created_at: datetime = _utc_column()
    decided_at: datetime | None = _maybe_utc()
    decided_by: str | None = Field(default=None, max_length=254)
    reason: str = Field(default="", max_length=2000)
    level: int = Field(default=0)
    next_check_at: datetime | None = _maybe_utc()


class ApprovalEvent(SQLModel, table=True):
    """What happened to a request: asked, reminded, escalated, questioned, decided, withdrawn."""

    __tablename__ = "approval_event"
    __table_args__ = (Index("ix_approval_event_tenant_request", "tenant_id", "request_id"),)

    id: int | None = Field(default=None, primary_key=True)
    tenant_id: int = Field(foreign_key="tenant.id")
    request_id: int = Field(foreign_key="approval_request.id")
    kind: str = Field(max_length=16)
    actor_email: str | None = Field(default=None, max_length=254)
    detail: str = Field(default="", max_length=2000)
    at: datetime = _utc_column()


class ApprovalMessage(SQLModel, table=True):
    """A card about a request that someone received, so that it can be updated in place."""

    __tablename__ = "approval_message"
    __table_args__ = (Index("ix_approval_message_tenant_request", "tenant_id", "request_id"),)

    id: int | None = Field(default=None, primary_key=True)
    tenant_id: int = Field(foreign_key="tenant.id")
    request_id: int = Field(foreign_key="approval_request.id")
    recipient_email: str = Field(max_length=254)
    conversation_id: str = Field(max_length=400)
    conversation_kind: str = Field(max_length=16)
    reference: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    message_id: str = Field(max_length=400)


class PlanningSession(SQLModel, table=True):
    """A marketing planning session, once or every few weeks, with its topics.

    Its wall-clock time (``first_day`` at ``local_time``) is kept in the organiser's
    ``timezone``, so a recurring session stays at 14:00 for them across daylight saving.
    """

    __tablename__ = "planning_session"
    __table_args__ = (Index("ix_planning_session_tenant_status", "tenant_id", "status"),)

    id: int | None = Field(default=None, primary_key=True)
    tenant_id: int = Field(foreign_key="tenant.id")
    title: str = Field(max_length=200)
    organiser_email: str = Field(max_length=254)
    timezone: str = Field(max_length=64)
    first_day: date
    local_time: str = Field(max_length=5)
    duration_minutes: int
    every_weeks: int = Field(default=0)
    count: int | None = Field(default=None)
    topics: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    channel_id: str | None = Field(default=None, max_length=400)
    channel_kind: str | None = Field(default=None, max_length=16)
    channel_reference: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    status: str = Field(default="scheduled", max_length=16)
    created_at: datetime = _utc_column()
    cancelled_at: datetime | None = _maybe_utc()


class PlanningOccurrence(SQLModel, table=True):
    """One meeting of a session, with the calendar identity its invites share."""

    __tablename__ = "planning_occurrence"
    __table_args__ = (
        UniqueConstraint("session_id", "number", name="uq_planning_occurrence_number"),
        Index("ix_planning_occurrence_tenant_start", "tenant_id", "status", "starts_at"),
    )

    id: int | None = Field(default=None, primary_key=True)
    tenant_id: int = Field(foreign_key="tenant.id")
    session_id: int = Field(foreign_key="planning_session.id")
    number: int
    starts_at: datetime = _utc_column()
    ends_at: datetime = _utc_column()
    uid: str = Field(max_length=200)
    sequence: int = Field(default=0)
    status: str = Field(default="scheduled", max_length=16)


class PlanningInvite(SQLModel, table=True):
    """An IT representative invited to one occurrence, and their answer.

    ``topic`` is the session topic they stand for ("" when drawn from the pool for
    several); ``via`` says how they were chosen (raci, pool, proposed).
    """

    __tablename__ = "planning_invite"
    __table_args__ = (
        Index("ix_planning_invite_tenant_occurrence", "tenant_id", "occurrence_id"),
        Index("ix_planning_invite_tenant_email", "tenant_id", "email"),
    )

    id: int | None = Field(default=None, primary_key=True)
    tenant_id: int = Field(foreign_key="tenant.id")
    occurrence_id: int = Field(foreign_key="planning_occurrence.id")
    email: str = Field(max_length=254)
    topics: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    via: str = Field(default="raci", max_length=16)
    status: str = Field(default="invited", max_length=16)
    reason: str = Field(default="", max_length=2000)
    created_at: datetime = _utc_column()
    answered_at: datetime | None = _maybe_utc()
    conversation_id: str | None = Field(default=None, max_length=400)
    conversation_kind: str | None = Field(default=None, max_length=16)
    reference: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    message_id: str | None = Field(default=None, max_length=400)


class PlanningPoolMember(SQLModel, table=True):
    """Someone in the IT rotation pool, drawn from when no IT person holds the topics."""

    __tablename__ = "planning_pool"
    __table_args__ = (UniqueConstraint("tenant_id", "email", name="uq_planning_pool_email"),)

    id: int | None = Field(default=None, primary_key=True)
    tenant_id: int = Field(foreign_key="tenant.id")
    email: str = Field(max_length=254)
    added_at: datetime = _utc_column()


class ConsoleMessage(SQLModel, table=True):
    """A message the terminal adapter sent: each ``tandem chat --as PERSON`` shows those
    addressed to its person (``dm:EMAIL``) or to a channel they are in, also later.

    ``reply`` is the neutral reply as JSON (text, card, files); ``replaces`` names the
    message an update changed (the update is a row of its own, shown as such).
    """

    __tablename__ = "console_message"
    __table_args__ = (
        Index("ix_console_message_tenant_conversation", "tenant_id", "conversation_id", "id"),
    )

    id: int | None = Field(default=None, primary_key=True)
    tenant_id: int = Field(foreign_key="tenant.id")
    conversation_id: str = Field(max_length=400)
    conversation_kind: str = Field(default="direct", max_length=16)
    thread: str | None = Field(default=None, max_length=400)
    replaces: int | None = Field(default=None, foreign_key="console_message.id")
    reply: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    sent_at: datetime = _utc_column()


class ConsoleMember(SQLModel, table=True):
    """Someone Tandem added to a channel in the terminal (``invite``)."""

    __tablename__ = "console_member"
    __table_args__ = (
        UniqueConstraint("tenant_id", "channel_id", "email", name="uq_console_member"),
    )

    id: int | None = Field(default=None, primary_key=True)
    tenant_id: int = Field(foreign_key="tenant.id")
    channel_id: str = Field(max_length=400)
    email: str = Field(max_length=254)
    added_at: datetime = _utc_column()


class ConsoleReader(SQLModel, table=True):
    """How far a person has read their terminal messages (the last message id shown)."""

    __tablename__ = "console_reader"
    __table_args__ = (UniqueConstraint("tenant_id", "email", name="uq_console_reader"),)

    id: int | None = Field(default=None, primary_key=True)
    tenant_id: int = Field(foreign_key="tenant.id")
    email: str = Field(max_length=254)
    last_seen: int = Field(default=0)
    read_at: datetime = _utc_column()


class Kpi(SQLModel, table=True):
    """A shared KPI: what is measured and in which unit, which way is better, its target
    and alert threshold, and the RACI topic whose Responsible owns it.

    ``names`` holds its name by language (``{"en": …, "fr": …}``); ``expect_every_hours``
    how often a value is expected (None: whenever); ``breach_blocker_id`` the one blocker
    its crossing of the alert threshold raised, while that blocker is open.
    """

    __tablename__ = "kpi"
    __table_args__ = (UniqueConstraint("tenant_id", "slug", name="uq_kpi_tenant_slug"),)

    id: int | None = Field(default=None, primary_key=True)
    tenant_id: int = Field(foreign_key="tenant.id", index=True)
    slug: str = Field(max_length=80)
    names: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    unit: str = Field(max_length=16)
    better: str = Field(max_length=8)
    target: float
    alert: float | None = Field(default=None)
    topic_slug: str = Field(max_length=80)
    expect_every_hours: int | None = Field(default=None)
    position: int = Field(default=0)
    breach_blocker_id: int | None = Field(default=None, foreign_key="blocker.id")


class KpiValue(SQLModel, table=True):
    """One value of a KPI at one instant (UTC), with who or what sent it and how.

    ``source`` is ``chat``, ``import``, ``api`` or ``url``; ``sent_by`` the person's email
    or the token's or job's name. A second value for the same instant replaces the first.
    """

    __tablename__ = "kpi_value"
    __table_args__ = (UniqueConstraint("tenant_id", "kpi_id", "at", name="uq_kpi_value_instant"),)

    id: int | None = Field(default=None, primary_key=True)
    tenant_id: int = Field(foreign_key="tenant.id")
    kpi_id: int = Field(foreign_key="kpi.id")
    at: datetime = _utc_column()
    value: float
    source: str = Field(max_length=16)
    sent_by: str = Field(max_length=254)
    recorded_at: datetime = _utc_column()


class ApiToken(SQLModel, table=True):
    """A token a script or a CI job sends KPI values with (``tandem token create``).

    Only its SHA-256 ``digest`` is kept (the token is printed once); ``revoked_at`` ends it
    and keeps the row, so that a name is never given to a second token. The digest is
    indexed, not unique: a tenant's archive imported twice into one database gives two
    tenants the same token, which is then refused (it would not say which tenant asks).
    """

    __tablename__ = "api_token"
    __table_args__ = (
        UniqueConstraint("tenant_id", "name", name="uq_api_token_tenant_name"),
        Index("ix_api_token_digest", "digest"),
    )

    id: int | None = Field(default=None, primary_key=True)
    tenant_id: int = Field(foreign_key="tenant.id")
    name: str = Field(max_length=80)
    digest: str = Field(max_length=64)
    created_at: datetime = _utc_column()
    revoked_at: datetime | None = Field(
        default=None, sa_column=Column(DateTime(timezone=True), nullable=True)
    )
