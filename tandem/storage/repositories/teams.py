"""Teams conversation references: one per conversation, and one per person's personal chat."""

from __future__ import annotations

import hashlib
from datetime import datetime, timedelta

from sqlalchemy.exc import IntegrityError
from sqlmodel import col, delete, select
from sqlmodel.ext.asyncio.session import AsyncSession

from tandem.storage.models import SlackEventSeen, TeamsReference
from tandem.storage.records import TenantRef

CONVERSATION = "conversation"
PERSONAL = "personal"


async def save_reference(
    session: AsyncSession, *, tenant: TenantRef, kind: str, key: str, reference: str, at: datetime
) -> None:
    """Keep (or refresh) the reference to a conversation (``kind`` conversation) or a
    person's personal chat (``kind`` personal, keyed by their AAD object id or user id)."""
    statement = select(TeamsReference).where(
        TeamsReference.tenant_id == tenant.id,
        TeamsReference.kind == kind,
        TeamsReference.key == key,
    )
    row = (await session.exec(statement)).first()
    if row is None:
        row = TeamsReference(tenant_id=tenant.id, kind=kind, key=key, reference=reference)
    elif row.reference == reference:
        return
    row.reference, row.updated_at = reference, at
    session.add(row)
    await session.flush()


async def find_reference(
    session: AsyncSession, *, tenant: TenantRef, kind: str, key: str
) -> str | None:
    """The stored reference, or None."""
    statement = select(TeamsReference.reference).where(
        TeamsReference.tenant_id == tenant.id,
        TeamsReference.kind == kind,
        TeamsReference.key == key,
    )
    return (await session.exec(statement)).first()


async def any_reference(session: AsyncSession, *, tenant: TenantRef) -> str | None:
    """The most recent reference of the tenant (its service URL starts new chats)."""
    statement = (
        select(TeamsReference.reference)
        .where(TeamsReference.tenant_id == tenant.id)
        .order_by(col(TeamsReference.updated_at).desc())
        .limit(1)
    )
    return (await session.exec(statement)).first()


WELCOME_KEPT = timedelta(hours=1)


async def claim_welcome(
    session: AsyncSession, *, tenant: TenantRef, conversation_id: str, at: datetime
) -> bool:
    """True the first time within the hour that Tandem is installed in a conversation.

    Teams announces one install twice (``installationUpdate`` and ``conversationUpdate``),
    possibly to two replicas: the claim is a row of the platforms' seen-once table (named
    for Slack, its first user), so the welcome is sent once.
    """
    await session.exec(
        delete(SlackEventSeen).where(
            col(SlackEventSeen.tenant_id) == tenant.id,
            col(SlackEventSeen.event_id).startswith("welcome:"),
            col(SlackEventSeen.seen_at) < at - WELCOME_KEPT,
        )
    )
    key = "welcome:" + hashlib.sha256(conversation_id.encode()).hexdigest()[:48]
    try:
        async with session.begin_nested():
            session.add(SlackEventSeen(tenant_id=tenant.id, event_id=key, seen_at=at))
        return True
    except IntegrityError:
        return False
