"""Approval requests, their history and the cards sent about them; uncovered questions."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import func, update
from sqlmodel import col, or_, select
from sqlmodel.ext.asyncio.session import AsyncSession

from tandem.storage.models import (
    ApprovalEvent,
    ApprovalMessage,
    ApprovalRequest,
    GuardrailQuestion,
)
from tandem.storage.records import (
    ApprovalEventView,
    ApprovalMessageView,
    ApprovalView,
    QuestionView,
    TenantRef,
)
from tandem.storage.timestamps import utc

PENDING = "pending"


def _view(row: ApprovalRequest) -> ApprovalView:
    assert row.id is not None
    return ApprovalView(
        id=row.id,
        rule_key=row.rule_key,
        rule_title=row.rule_title,
        topic_slug=row.topic_slug,
        what=row.what,
        requester_email=row.requester_email,
        approver_email=row.approver_email,
        created_at=utc(row.created_at),
        status=row.status,
        tool_name=row.tool_name,
        question=row.question,
        why=row.why,
        how_long=row.how_long,
        escalated_to=row.escalated_to,
        decided_at=utc(row.decided_at) if row.decided_at else None,
        decided_by=row.decided_by,
        reason=row.reason,
        level=row.level,
        next_check_at=utc(row.next_check_at) if row.next_check_at else None,
    )


async def add_request(
    session: AsyncSession,
    *,
    tenant: TenantRef,
    rule_key: str,
    rule_title: str,
    topic_slug: str,
    requester_email: str,
    approver_email: str,
    what: str,
    why: str,
    how_long: str,
    question: str,
    tool_name: str | None,
    at: datetime,
    next_check_at: datetime | None,
) -> ApprovalView:
    """Record a new request (pending), with its first event."""
    row = ApprovalRequest(
        tenant_id=tenant.id,
        rule_key=rule_key,
        rule_title=rule_title,
        topic_slug=topic_slug,
        requester_email=requester_email,
        approver_email=approver_email,
        what=what,
        why=why,
        how_long=how_long,
        question=question,
        tool_name=tool_name,
        created_at=at,
        next_check_at=next_check_at,
    )
    session.add(row)
    await session.flush()
    assert row.id is not None
    await add_event(
        session,
        tenant=tenant,
        request_id=row.id,
        kind="requested",
        actor_email=requester_email,
        detail=what,
        at=at,
    )
    return _view(row)


async def get_request(
    session: AsyncSession, *, tenant: TenantRef, request_id: int
) -> ApprovalView | None:
    """One request of ``tenant``, or None (another tenant's id finds nothing)."""
    row = (
        await session.exec(
            select(ApprovalRequest).where(
                ApprovalRequest.tenant_id == tenant.id, ApprovalRequest.id == request_id
            )
        )
    ).first()
    return _view(row) if row else None


async def list_requests(
    session: AsyncSession,
    *,
    tenant: TenantRef,
    decider: str | None = None,
    requester: str | None = None,
    status: str | None = None,
    limit: int = 50,
) -> list[ApprovalView]:
    """Requests of ``tenant``, newest first: those ``decider`` may decide, those
    ``requester`` asked, of one status."""
    statement = select(ApprovalRequest).where(ApprovalRequest.tenant_id == tenant.id)
    if decider is not None:
        statement = statement.where(
            or_(
                col(ApprovalRequest.approver_email) == decider,
                col(ApprovalRequest.escalated_to) == decider,
            )
        )
    if requester is not None:
        statement = statement.where(ApprovalRequest.requester_email == requester)
    if status is not None:
        statement = statement.where(ApprovalRequest.status == status)
    statement = statement.order_by(col(ApprovalRequest.id).desc()).limit(limit)
    return [_view(r) for r in (await session.exec(statement)).all()]


async def close_request(
    session: AsyncSession,
    *,
    tenant: TenantRef,
    request_id: int,
    status: str,
    by: str,
    at: datetime,
    reason: str = "",
) -> bool:
    """Decide or withdraw a pending request; False when it was no longer pending.

    One conditional update: of two people deciding at once, only the first counts.
    """
    result = await session.exec(
        update(ApprovalRequest)
        .where(
            col(ApprovalRequest.tenant_id) == tenant.id,
            col(ApprovalRequest.id) == request_id,
            col(ApprovalRequest.status) == PENDING,
        )
        .values(status=status, decided_by=by, decided_at=at, reason=reason, next_check_at=None)
    )
    if not result.rowcount:
        return False
    await add_event(
        session,
        tenant=tenant,
        request_id=request_id,
        kind=status,
        actor_email=by,
        detail=reason,
        at=at,
    )
    return True


async def escalate_request(
    session: AsyncSession, *, tenant: TenantRef, request_id: int, to: str, at: datetime
) -> bool:
    """Record that a pending request went up to ``to``; False if it already had."""
    result = await session.exec(
        update(ApprovalRequest)
        .where(
            col(ApprovalRequest.tenant_id) == tenant.id,
            col(ApprovalRequest.id) == request_id,
            col(ApprovalRequest.status) == PENDING,
            col(ApprovalRequest.level) < 1,
        )
        .values(level=1, escalated_to=to)
    )
    if not result.rowcount:
        return False
    await add_event(
        session,
        tenant=tenant,
        request_id=request_id,
        kind="escalated",
        actor_email=None,
        detail=to,
        at=at,
    )
    return True


async def add_event(
    session: AsyncSession,
    *,
    tenant: TenantRef,
    request_id: int,
    kind: str,
    actor_email: str | None,
    detail: str,
    at: datetime,
) -> None:
    """Keep something that happened to a request (a question, an answer, a reminder)."""
    session.add(
        ApprovalEvent(
            tenant_id=tenant.id,
            request_id=request_id,
            kind=kind,
            actor_email=actor_email,
            detail=detail,
            at=at,
        )
    )


async def request_events(
    session: AsyncSession, *, tenant: TenantRef, request_id: int
) -> list[ApprovalEventView]:
    """What happened to a request, oldest first."""
    rows = (
        await session.exec(
            select(ApprovalEvent)
            .where(ApprovalEvent.tenant_id == tenant.id, ApprovalEvent.request_id == request_id)
            .order_by(col(ApprovalEvent.at), col(ApprovalEvent.id))
        )
    ).all()
    return [
        ApprovalEventView(kind=r.kind, at=utc(r.at), actor_email=r.actor_email, detail=r.detail)
        for r in rows
    ]


async def set_request_check(
    session: AsyncSession, *, tenant: TenantRef, request_id: int, at: datetime | None
) -> None:
    """When a pending request may next have a reminder or escalation due."""
    await session.exec(
        update(ApprovalRequest)
        .where(
            col(ApprovalRequest.tenant_id) == tenant.id,
            col(ApprovalRequest.id) == request_id,
            col(ApprovalRequest.status) == PENDING,
        )
        .values(next_check_at=at)
    )


async def due_requests(
    session: AsyncSession, *, tenant: TenantRef, at: datetime, limit: int = 5000
) -> list[ApprovalView]:
    """Pending requests whose next step may be due at ``at``."""
    rows = (
        await session.exec(
            select(ApprovalRequest)
            .where(
                ApprovalRequest.tenant_id == tenant.id,
                ApprovalRequest.status == PENDING,
                col(ApprovalRequest.next_check_at) <= at,
            )
            .order_by(col(ApprovalRequest.next_check_at))
            .limit(limit)
        )
    ).all()
    return [_view(r) for r in rows]


async def next_request_checks(
    session: AsyncSession, *, tenant: TenantRef, start: datetime, end: datetime
) -> list[datetime]:
    """The distinct instants pending requests next need a look, between two instants."""
    rows = (
        await session.exec(
            select(col(ApprovalRequest.next_check_at))
            .where(
                ApprovalRequest.tenant_id == tenant.id,
                ApprovalRequest.status == PENDING,
                col(ApprovalRequest.next_check_at) > start,
                col(ApprovalRequest.next_check_at) <= end,
            )
            .distinct()
        )
    ).all()
    return sorted(utc(moment) for moment in rows if moment is not None)


async def save_message(
    session: AsyncSession,
    *,
    tenant: TenantRef,
    request_id: int,
    recipient_email: str,
    conversation_id: str,
    conversation_kind: str,
    reference: str | None,
    message_id: str,
) -> None:
    """Remember a card sent about a request, to update it when the request changes."""
    session.add(
        ApprovalMessage(
            tenant_id=tenant.id,
            request_id=request_id,
            recipient_email=recipient_email,
            conversation_id=conversation_id,
            conversation_kind=conversation_kind,
            reference=reference,
            message_id=message_id,
        )
    )


async def request_messages(
    session: AsyncSession, *, tenant: TenantRef, request_id: int
) -> list[ApprovalMessageView]:
    """Every card sent about a request, in the order sent."""
    rows = (
        await session.exec(
            select(ApprovalMessage)
            .where(ApprovalMessage.tenant_id == tenant.id, ApprovalMessage.request_id == request_id)
            .order_by(col(ApprovalMessage.id))
        )
    ).all()
    return [
        ApprovalMessageView(
            recipient_email=r.recipient_email,
            conversation_id=r.conversation_id,
            conversation_kind=r.conversation_kind,
            reference=r.reference,
            message_id=r.message_id,
        )
        for r in rows
    ]


def _question(row: GuardrailQuestion) -> QuestionView:
    assert row.id is not None
    return QuestionView(
        id=row.id,
        text=row.text,
        asker_email=row.asker_email,
        asked_at=utc(row.asked_at),
        routed_to=row.routed_to,
        closest_rule=row.closest_rule,
        closed_at=utc(row.closed_at) if row.closed_at else None,
        closed_by=row.closed_by,
        answered_rule=row.answered_rule,
    )


async def add_question(
    session: AsyncSession,
    *,
    tenant: TenantRef,
    text: str,
    asker_email: str,
    routed_to: str,
    closest_rule: str | None,
    at: datetime,
) -> QuestionView:
    """Record a question no rule covered."""
    row = GuardrailQuestion(
        tenant_id=tenant.id,
        text=text,
        asker_email=asker_email,
        routed_to=routed_to,
        closest_rule=closest_rule,
        asked_at=at,
    )
    session.add(row)
    await session.flush()
    return _question(row)


async def list_questions(
    session: AsyncSession, *, tenant: TenantRef, open_only: bool = True, limit: int = 50
) -> list[QuestionView]:
    """Uncovered questions of ``tenant``, newest first (the open ones by default)."""
    statement = select(GuardrailQuestion).where(GuardrailQuestion.tenant_id == tenant.id)
    if open_only:
        statement = statement.where(col(GuardrailQuestion.closed_at).is_(None))
    statement = statement.order_by(col(GuardrailQuestion.id).desc()).limit(limit)
    return [_question(r) for r in (await session.exec(statement)).all()]


async def get_question(
    session: AsyncSession, *, tenant: TenantRef, question_id: int
) -> QuestionView | None:
    """One uncovered question of ``tenant``."""
    row = (
        await session.exec(
            select(GuardrailQuestion).where(
                GuardrailQuestion.tenant_id == tenant.id, GuardrailQuestion.id == question_id
            )
        )
    ).first()
    return _question(row) if row is not None else None


async def file_question(
    session: AsyncSession,
    *,
    tenant: TenantRef,
    question_id: int,
    rule_key: str,
    by: str,
    at: datetime,
) -> bool:
    """File an uncovered question under a rule (closing it if open); False if it is not
    the tenant's."""
    result = await session.exec(
        update(GuardrailQuestion)
        .where(
            col(GuardrailQuestion.tenant_id) == tenant.id,
            col(GuardrailQuestion.id) == question_id,
        )
        .values(
            answered_rule=rule_key,
            closed_at=func.coalesce(col(GuardrailQuestion.closed_at), at),
            closed_by=func.coalesce(col(GuardrailQuestion.closed_by), by),
        )
    )
    return bool(result.rowcount)


async def learned_examples(
    session: AsyncSession, *, tenant: TenantRef, per_rule: int = 50
) -> dict[str, list[str]]:
    """The questions IT filed under each rule of ``tenant``, newest first."""
    rows = (
        await session.exec(
            select(GuardrailQuestion.answered_rule, GuardrailQuestion.text)
            .where(
                GuardrailQuestion.tenant_id == tenant.id,
                col(GuardrailQuestion.answered_rule).is_not(None),
            )
            .order_by(col(GuardrailQuestion.id).desc())
        )
    ).all()
    found: dict[str, list[str]] = {}
    for rule_key, text in rows:
        if rule_key is None:
            continue
        texts = found.setdefault(rule_key, [])
        if len(texts) < per_rule and text not in texts:
            texts.append(text)
    return found


async def close_questions(
    session: AsyncSession, *, tenant: TenantRef, ids: Sequence[int], by: str, at: datetime
) -> int:
    """Mark uncovered questions as dealt with; how many were open."""
    if not ids:
        return 0
    result = await session.exec(
        update(GuardrailQuestion)
        .where(
            col(GuardrailQuestion.tenant_id) == tenant.id,
            col(GuardrailQuestion.id).in_(list(ids)),
            col(GuardrailQuestion.closed_at).is_(None),
        )
        .values(closed_at=at, closed_by=by)
    )
    return int(result.rowcount or 0)
