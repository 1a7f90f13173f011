"""The terminal's messages kept in the database, so that each person's chat shows its own.

Every ``tandem chat`` on the same database shares one mailbox per tenant: what a ritual
sends to Priya from Sam's chat is kept there, and Priya's chat shows it, now if it is
open or when she opens it. Which messages a person reads is
:mod:`tandem.storage.repositories.console`'s rule.
"""

from __future__ import annotations

from collections.abc import Collection
from datetime import datetime

from tandem.adapters.console.stored import dump_reply
from tandem.bot.cards import Reply
from tandem.bot.clock import Clock
from tandem.bot.types import ConversationRef
from tandem.storage.database import Database
from tandem.storage.records import ConsoleMessageView, TenantRef
from tandem.storage.repositories import console


class Mailbox:
    """One tenant's terminal messages."""

    def __init__(self, *, database: Database, tenant: TenantRef, clock: Clock) -> None:
        self._database = database
        self._tenant = tenant
        self._clock = clock

    def now(self) -> datetime:
        """The clock's instant."""
        return self._clock.now()

    async def post(
        self, *, conversation: ConversationRef, reply: Reply, replaces: int | None = None
    ) -> int:
        """Keep ``reply`` for ``conversation``'s readers; returns the message's id."""
        async with self._database.session() as session:
            return await console.post_message(
                session,
                tenant=self._tenant,
                conversation_id=conversation.id,
                conversation_kind=conversation.kind.value,
                thread=conversation.thread,
                reply=dump_reply(reply),
                at=self._clock.now(),
                replaces=replaces,
            )

    async def add_members(self, *, channel_id: str, emails: Collection[str]) -> None:
        """``emails`` read ``channel_id`` from now on."""
        async with self._database.session() as session:
            await console.add_members(
                session,
                tenant=self._tenant,
                channel_id=channel_id,
                emails=emails,
                at=self._clock.now(),
            )

    async def unread(
        self, *, email: str, after: int, since: datetime | None = None
    ) -> list[ConsoleMessageView]:
        """What ``email`` reads above message ``after`` (or sent since ``since``)."""
        async with self._database.session() as session:
            return await console.messages_for(
                session, tenant=self._tenant, email=email, after=after, since=since
            )

    async def last_seen(self, *, email: str) -> int:
        """The last message ``email`` was shown."""
        async with self._database.session() as session:
            return await console.last_seen(session, tenant=self._tenant, email=email)

    async def mark_seen(self, *, email: str, upto: int) -> None:
        """``email`` was shown everything up to message ``upto``."""
        async with self._database.session() as session:
            await console.mark_seen(
                session, tenant=self._tenant, email=email, upto=upto, at=self._clock.now()
            )
