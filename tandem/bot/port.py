"""The adapter port: the only way rituals reach a chat platform."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from tandem.bot.cards import Reply
from tandem.bot.types import ConversationRef, MessageRef, TenantKey, User


class MissingPermission(Exception):
    """The platform refused a call because Tandem's app was not granted a permission it
    needs there (a Slack scope added since the workspace installed it): an admin must
    reinstall or approve it. ``needed`` names the permissions as the platform does."""

    def __init__(self, *, needed: tuple[str, ...]) -> None:
        super().__init__(", ".join(needed))
        self.needed = needed


@dataclass(frozen=True, slots=True)
class Profile:
    """What a platform tells about a user."""

    email: str | None
    name: str
    timezone: str | None
    locale: str | None


class ChatPort(Protocol):
    """Implemented by every adapter (Slack, Teams, console, in-memory for tests)."""

    async def send(self, *, conversation: ConversationRef, reply: Reply) -> MessageRef:
        """Post ``reply`` to ``conversation``; returns a reference for later updates."""
        ...

    async def update(self, *, message: MessageRef, reply: Reply) -> None:
        """Replace a message that was sent earlier."""
        ...

    async def open_dm(self, *, user: User) -> ConversationRef:
        """The direct conversation with ``user``, opened if needed."""
        ...

    async def invite(self, *, conversation: ConversationRef, users: Sequence[User]) -> bool:
        """Add ``users`` to ``conversation``; False where the platform does not allow it
        (Teams), so the ritual sends a message with a way to join instead. Raises
        :class:`MissingPermission` when the app lacks the permission to add people."""
        ...

    async def profile(self, *, user: User) -> Profile:
        """The user's profile as the platform knows it."""
        ...

    async def find_user(self, *, tenant: TenantKey, email: str) -> User | None:
        """The platform user with ``email``, where the platform can look one up; else None."""
        ...

    async def members(self, *, conversation: ConversationRef) -> list[User] | None:
        """The people in a channel (bots left out), or None where the platform cannot say."""
        ...


class Ports(Protocol):
    """The port that reaches each tenant: its platform's, or None when none runs here."""

    def port(self, *, tenant: TenantKey) -> ChatPort | None:
        """The port for ``tenant``'s platform, if this process has one."""
        ...


class PlatformPorts:
    """:class:`Ports` by platform, as ``tandem serve`` and ``tandem chat`` wire them."""

    def __init__(self) -> None:
        self._ports: dict[str, ChatPort] = {}
        self._only: dict[str, TenantKey] = {}

    def add(self, *, platform: str, port: ChatPort, only: TenantKey | None = None) -> None:
        """Send to ``platform``'s tenants through ``port``; to tenant ``only`` alone when
        given (a terminal chat shows its own tenant's traffic, never another's)."""
        self._ports[platform] = port
        if only is None:
            self._only.pop(platform, None)
        else:
            self._only[platform] = only

    def port(self, *, tenant: TenantKey) -> ChatPort | None:
        platform = tenant.platform.value
        only = self._only.get(platform)
        if only is not None and only != tenant:
            return None
        return self._ports.get(platform)
