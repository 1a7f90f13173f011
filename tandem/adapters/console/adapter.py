"""The adapter port over a terminal: everything "sent" is printed."""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from typing import TextIO

from tandem.adapters.console.render import render_reply
from tandem.bot.cards import Reply
from tandem.bot.port import Profile
from tandem.bot.types import ConversationKind, ConversationRef, MessageRef, TenantKey, User


class ConsoleAdapter:
    """Implements :class:`tandem.bot.port.ChatPort` by writing to a text stream."""

    def __init__(self, *, out: TextIO, me: User) -> None:
        self._out = out
        self._me = me
        self._ids = itertools.count(1)

    def write(self, text: str) -> None:
        """Print ``text`` followed by a blank line."""
        self._out.write(text.rstrip() + "\n\n")
        self._out.flush()

    async def send(self, *, conversation: ConversationRef, reply: Reply) -> MessageRef:
        if conversation.kind is not ConversationKind.DIRECT:
            where = f"#{conversation.id}"
            self.write(
                f"[{where} · thread {conversation.thread}]" if conversation.thread else f"[{where}]"
            )
        elif conversation.id != f"dm:{self._me.platform_user_id}":
            self.write(f"[to {conversation.id.removeprefix('dm:')}]")
        self.write(render_reply(reply))
        return MessageRef(conversation=conversation, id=str(next(self._ids)))

    async def update(self, *, message: MessageRef, reply: Reply) -> None:
        self.write(f"(message {message.id} updated)\n{render_reply(reply)}")

    async def open_dm(self, *, user: User) -> ConversationRef:
        return ConversationRef(tenant=user.tenant, id=f"dm:{user.platform_user_id}")

    async def invite(self, *, conversation: ConversationRef, users: Sequence[User]) -> bool:
        names = ", ".join(u.display_name or u.platform_user_id for u in users)
        self.write(f"(invited {names} to #{conversation.id})")
        return True

    async def members(self, *, conversation: ConversationRef) -> list[User] | None:
        """A terminal has no channel members."""
        return None

    async def find_user(self, *, tenant: TenantKey, email: str) -> User | None:
        """In the terminal a person's id is their email."""
        return User(tenant=tenant, platform_user_id=email, email=email)

    async def profile(self, *, user: User) -> Profile:
        return Profile(
            email=user.email,
            name=user.display_name,
            timezone=user.timezone,
            locale=user.locale,
        )
