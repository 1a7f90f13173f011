"""A person's own messages in their ``tandem chat``: what arrived while it was closed, then
what arrives while it is open (other chats on the same database included), in order."""

from __future__ import annotations

import asyncio
import logging
from datetime import timedelta

from tandem.adapters.console.adapter import ConsoleAdapter, channel_header
from tandem.adapters.console.mailbox import Mailbox
from tandem.adapters.console.picks import Picks
from tandem.adapters.console.render import choices, render_reply
from tandem.adapters.console.stored import load_reply
from tandem.bot.i18n import Translator
from tandem.bot.types import ConversationKind, ConversationRef, MessageRef, User
from tandem.storage.records import ConsoleMessageView

log = logging.getLogger(__name__)

LATE = timedelta(seconds=30)
"""How long after it was sent a message committed late (PostgreSQL hands ids out before
commit) is still looked for."""


class Inbox:
    """Shows ``me`` the messages they read, once each, and numbers their cards' buttons."""

    def __init__(
        self, *, mailbox: Mailbox, adapter: ConsoleAdapter, me: User, picks: Picks
    ) -> None:
        self._mailbox = mailbox
        self._adapter = adapter
        self._me = me
        self._email = me.email or me.platform_user_id
        self._picks = picks
        self._t = Translator(locale=me.locale)
        self._cursor = 0
        self._shown: set[int] = set()
        self._opened = mailbox.now()
        self._lock = asyncio.Lock()

    async def open(self) -> int:
        """Show what arrived while the chat was closed, under how many there are."""
        async with self._lock:
            self._opened = self._mailbox.now()
            self._cursor = await self._mailbox.last_seen(email=self._email)
            waiting = await self._mailbox.unread(email=self._email, after=self._cursor)
            if waiting:
                self._adapter.write(self._t.plural("chat.away", count=len(waiting)))
            await self._show(waiting)
            return len(waiting)

    async def check(self) -> int:
        """Show what arrived since the last look; how many messages that was."""
        async with self._lock:
            since = max(self._opened, self._mailbox.now() - LATE)
            found = await self._mailbox.unread(email=self._email, after=self._cursor, since=since)
            new = [message for message in found if message.id not in self._shown]
            await self._show(new)
            return len(new)

    async def watch(self, *, every: float = 1.0) -> None:
        """Look every ``every`` seconds until cancelled."""
        while True:
            await asyncio.sleep(every)
            try:
                await self.check()
            except Exception as error:  # the database away for a moment: look again later
                log.warning("could not read the terminal's messages: %s", type(error).__name__)

    async def _show(self, messages: list[ConsoleMessageView]) -> None:
        for message in messages:
            await self._show_one(message)
            self._shown.add(message.id)
        if messages:
            self._cursor = max(self._cursor, *(m.id for m in messages))
            await self._mailbox.mark_seen(email=self._email, upto=self._cursor)

    async def _show_one(self, message: ConsoleMessageView) -> None:
        reply = load_reply(message.reply)
        conversation = ConversationRef(
            tenant=self._me.tenant,
            id=message.conversation_id,
            kind=ConversationKind(message.conversation_kind),
            thread=message.thread,
        )
        lines = []
        if conversation.kind is not ConversationKind.DIRECT:
            lines.append(channel_header(conversation, t=self._t))
        if message.replaces is not None:
            lines.append(self._t("chat.updated", id=message.replaces))
        buttons = choices(reply.card) if reply.card is not None else ()
        ref = MessageRef(conversation=conversation, id=str(message.replaces or message.id))
        first = self._picks.offer(buttons, message=ref)
        lines.append(render_reply(reply, buttons=buttons if reply.card else None, first=first))
        await self._adapter.show(reply=reply, text="\n".join(lines))
