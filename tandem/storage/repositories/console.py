"""The terminal's mailbox: what ``tandem chat`` sent, for each person to read in theirs.

A person reads the direct messages addressed to them (``dm:EMAIL``) and the posts of the
channels they are in. A channel's members, in the terminal, are the people Tandem added to
it (a planning session's channel), the members and owner of every stand-up that posts in
it; a channel with none of these (an IT or escalation channel) is read by everyone of the
tenant.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from datetime import datetime
from typing import Any

from sqlalchemy import and_, not_, or_, union, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from tandem.storage.models import (
    ConsoleMember,
    ConsoleMessage,
    ConsoleReader,
    Person,
    Standup,
    StandupMember,
)
from tandem.storage.records import ConsoleMessageView, TenantRef
from tandem.storage.timestamps import utc

DIRECT = "direct"


def _view(row: ConsoleMessage) -> ConsoleMessageView:
    assert row.id is not None
    return ConsoleMessageView(
        id=row.id,
        conversation_id=row.conversation_id,
        conversation_kind=row.conversation_kind,
        thread=row.thread,
        replaces=row.replaces,
        reply=dict(row.reply),
        sent_at=utc(row.sent_at),
    )


async def post_message(
    session: AsyncSession,
    *,
    tenant: TenantRef,
    conversation_id: str,
    conversation_kind: str,
    thread: str | None,
    reply: Mapping[str, Any],
    at: datetime,
    replaces: int | None = None,
) -> int:
    """Keep a message (or the new version of message ``replaces`` of this tenant; one of
    another tenant, or none, makes it a message of its own); returns its id."""
    if replaces is not None:
        owned = (
            await session.exec(
                select(ConsoleMessage.id).where(
                    ConsoleMessage.tenant_id == tenant.id, ConsoleMessage.id == replaces
                )
            )
        ).first()
        replaces = owned
    row = ConsoleMessage(
        tenant_id=tenant.id,
        conversation_id=conversation_id,
        conversation_kind=conversation_kind,
        thread=thread,
        replaces=replaces,
        reply=dict(reply),
        sent_at=at,
    )
    session.add(row)
    await session.flush()
    assert row.id is not None
    return row.id


def _readable_by(tenant: TenantRef, email: str) -> Any:
    """The condition a message meets when ``email`` reads it (module docstring)."""
    live = and_(col(Standup.tenant_id) == tenant.id, col(Standup.deleted).is_(False))
    added = select(ConsoleMember.channel_id).where(
        ConsoleMember.tenant_id == tenant.id, ConsoleMember.email == email
    )
    in_standup = (
        select(Standup.channel_id)
        .join(StandupMember, col(StandupMember.standup_id) == Standup.id)
        .join(Person, col(Person.id) == StandupMember.person_id)
        .where(live, Person.email == email)
    )
    owns = select(Standup.channel_id).where(live, Standup.owner_email == email)
    with_members = union(
        select(ConsoleMember.channel_id).where(ConsoleMember.tenant_id == tenant.id),
        select(Standup.channel_id).where(live),
    )
    conversation = col(ConsoleMessage.conversation_id)
    return or_(
        and_(col(ConsoleMessage.conversation_kind) == DIRECT, conversation == f"dm:{email}"),
        and_(
            col(ConsoleMessage.conversation_kind) != DIRECT,
            or_(
                conversation.in_(added),
                conversation.in_(in_standup),
                conversation.in_(owns),
                not_(conversation.in_(with_members)),
            ),
        ),
    )


async def messages_for(
    session: AsyncSession,
    *,
    tenant: TenantRef,
    email: str,
    after: int,
    since: datetime | None = None,
    limit: int = 500,
) -> list[ConsoleMessageView]:
    """The messages ``email`` reads whose id is above ``after`` (or sent at ``since`` or
    later, to catch one committed late), oldest first."""
    newer = col(ConsoleMessage.id) > after
    if since is not None:
        newer = or_(newer, col(ConsoleMessage.sent_at) >= since)
    rows = await session.exec(
        select(ConsoleMessage)
        .where(ConsoleMessage.tenant_id == tenant.id, newer, _readable_by(tenant, email))
        .order_by(col(ConsoleMessage.id))
        .limit(limit)
    )
    return [_view(row) for row in rows]


async def last_seen(session: AsyncSession, *, tenant: TenantRef, email: str) -> int:
    """The id of the last message ``email`` was shown (0: none yet)."""
    found = (
        await session.exec(
            select(ConsoleReader.last_seen).where(
                ConsoleReader.tenant_id == tenant.id, ConsoleReader.email == email
            )
        )
    ).first()
    return found or 0


async def mark_seen(
    session: AsyncSession, *, tenant: TenantRef, email: str, upto: int, at: datetime
) -> None:
    """``email`` was shown every message up to id ``upto`` (never moves back)."""
    insert = pg_insert if session.get_bind().dialect.name == "postgresql" else sqlite_insert
    await session.exec(
        insert(ConsoleReader)
        .values(tenant_id=tenant.id, email=email, last_seen=0, read_at=at)
        .on_conflict_do_nothing(index_elements=["tenant_id", "email"])
    )
    await session.exec(
        update(ConsoleReader)
        .where(
            col(ConsoleReader.tenant_id) == tenant.id,
            col(ConsoleReader.email) == email,
            col(ConsoleReader.last_seen) < upto,
        )
        .values(last_seen=upto, read_at=at)
    )


async def add_members(
    session: AsyncSession,
    *,
    tenant: TenantRef,
    channel_id: str,
    emails: Collection[str],
    at: datetime,
) -> None:
    """Add people to a channel (those in it already stay as they are)."""
    insert = pg_insert if session.get_bind().dialect.name == "postgresql" else sqlite_insert
    for email in dict.fromkeys(emails):
        await session.exec(
            insert(ConsoleMember)
            .values(tenant_id=tenant.id, channel_id=channel_id, email=email, added_at=at)
            .on_conflict_do_nothing(index_elements=["tenant_id", "channel_id", "email"])
        )
