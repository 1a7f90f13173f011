"""A chat platform for tests of the local tenant: everything sent is kept, in order.

It stands where Slack or Teams would: the rituals reach it only through the port.
"""

from __future__ import annotations

import asyncio
import itertools
from collections.abc import Sequence
from dataclasses import dataclass, field

from tandem.adapters.console.render import render_reply
from tandem.bot.cards import Reply
from tandem.bot.port import Profile
from tandem.bot.types import ConversationKind, ConversationRef, MessageRef, TenantKey, User


@dataclass
class Posted:
    """A message as the platform holds it (updates replace ``reply``)."""

    id: str
    conversation: ConversationRef
    reply: Reply
    updates: int = 0

    @property
    def text(self) -> str:
        """What a reader sees, as the terminal renders it."""
        return render_reply(self.reply)


@dataclass
class RecordingPort:
    """Implements ChatPort; ``fail`` makes the next sends raise, as a platform outage would."""

    messages: list[Posted] = field(default_factory=list)
    fail: int = 0
    hold: asyncio.Event | None = None  # while set to an unset event, sends wait for it
    _ids: itertools.count[int] = field(default_factory=lambda: itertools.count(1))

    async def send(self, *, conversation: ConversationRef, reply: Reply) -> MessageRef:
        if self.hold is not None:
            await self.hold.wait()
        if self.fail:
            self.fail -= 1
            raise ConnectionError("platform unavailable")
        posted = Posted(id=str(next(self._ids)), conversation=conversation, reply=reply)
        self.messages.append(posted)
        return MessageRef(conversation=conversation, id=posted.id)

    async def update(self, *, message: MessageRef, reply: Reply) -> None:
        for posted in self.messages:
            if posted.id == message.id:
                posted.reply = reply
                posted.updates += 1
                return
        raise LookupError(f"no message {message.id}")

    async def open_dm(self, *, user: User) -> ConversationRef:
        return ConversationRef(tenant=user.tenant, id=f"dm:{user.platform_user_id}")

    async def invite(self, *, conversation: ConversationRef, users: Sequence[User]) -> bool:
        return False

    async def profile(self, *, user: User) -> Profile:
        return Profile(email=user.email, name=user.display_name, timezone=None, locale=None)

    async def members(self, *, conversation: ConversationRef) -> list[User] | None:
        return None

    async def find_user(self, *, tenant: TenantKey, email: str) -> User | None:
        return User(tenant=tenant, platform_user_id=email, email=email)

    def dms(self, email: str) -> list[Posted]:
        """What ``email`` received in their DM."""
        return [
            m
            for m in self.messages
            if m.conversation.kind is ConversationKind.DIRECT and m.conversation.id == f"dm:{email}"
        ]

    def channel(self, channel_id: str, *, thread: bool | None = None) -> list[Posted]:
        """Messages in a channel: all, only in threads (True) or only top level (False)."""
        return [
            m
            for m in self.messages
            if m.conversation.id == channel_id
            and m.conversation.kind is not ConversationKind.DIRECT
            and (thread is None or bool(m.conversation.thread) == thread)
        ]
