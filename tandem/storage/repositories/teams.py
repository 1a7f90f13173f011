"""Teams conversation references: one per conversation, and one per person's personal chat."""

from __future__ import annotations

from datetime import datetime

from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from tandem.storage.models import TeamsReference
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
