"""Neutral, typed, frozen values that every adapter and ritual speaks."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import StrEnum

_PLAIN_KEY = re.compile(r"^[a-z0-9][a-z0-9_.-]{0,62}$")
_SLACK_ID = re.compile(r"^[A-Z0-9]{2,32}$")
_TEAMS_ID = re.compile(r"^[0-9a-fA-F-]{8,64}$")


class Platform(StrEnum):
    """Where a tenant lives."""

    SLACK = "slack"
    TEAMS = "teams"
    LOCAL = "local"


class TenantKeyError(ValueError):
    """A tenant key that an admin typed does not have a known shape."""


@dataclass(frozen=True, slots=True)
class TenantKey:
    """A tenant named the way an admin types it: ``slack:T123``, ``teams:<id>`` or ``demo``."""

    platform: Platform
    workspace: str

    @classmethod
    def parse(cls, text: str) -> TenantKey:
        """Parse a typed key; raises :class:`TenantKeyError` with a readable reason."""
        raw = text.strip()
        prefix, sep, rest = raw.partition(":")
        if sep:
            if prefix == Platform.SLACK and _SLACK_ID.match(rest):
                return cls(Platform.SLACK, rest)
            if prefix == Platform.TEAMS and _TEAMS_ID.match(rest):
                return cls(Platform.TEAMS, rest.lower())
            raise TenantKeyError(
                f"{raw!r} is not a tenant key: use slack:<team_id>, teams:<tenantId> "
                "or a plain name such as demo"
            )
        if _PLAIN_KEY.match(raw):
            return cls(Platform.LOCAL, raw)
        raise TenantKeyError(
            f"{raw!r} is not a tenant key: a plain name is lower-case letters, digits, "
            "'-', '_' or '.', such as demo"
        )

    def __str__(self) -> str:
        if self.platform is Platform.LOCAL:
            return self.workspace
        return f"{self.platform.value}:{self.workspace}"


@dataclass(frozen=True, slots=True)
class User:
    """Someone talking to the bot, as the platform names them."""

    tenant: TenantKey
    platform_user_id: str
    display_name: str = ""
    email: str | None = None
    timezone: str | None = None
    locale: str | None = None


class ConversationKind(StrEnum):
    """What sort of conversation a message lives in."""

    DIRECT = "direct"
    CHANNEL = "channel"
    GROUP = "group"


@dataclass(frozen=True, slots=True)
class ConversationRef:
    """An address we can store and send to later.

    ``reference`` holds what a platform needs for proactive messages (for Teams,
    the serialised ConversationReference), as an opaque string.
    """

    tenant: TenantKey
    id: str
    kind: ConversationKind = ConversationKind.DIRECT
    thread: str | None = None
    reference: str | None = None


@dataclass(frozen=True, slots=True)
class MessageRef:
    """A message that was sent, so that it can be updated in place."""

    conversation: ConversationRef
    id: str


@dataclass(frozen=True, slots=True)
class Actor:
    """The person behind a :class:`User`, as Tandem knows them in this tenant."""

    tenant: TenantKey
    email: str | None
    name: str
    locale: str
    timezone: str
    is_admin: bool = False
    known: bool = True


class MentionKind(StrEnum):
    """What a mention names: a person or a channel (the sign it is written with)."""

    PERSON = "@"
    CHANNEL = "#"


@dataclass(frozen=True, slots=True)
class Mention:
    """A person or a channel picked in a message, as the platform identified them.

    In neutral text a mention is written :attr:`token`, the sign, the id and the name
    between invisible separators (``U+2063``): readable as one word, never typed by
    anyone (typed separators are dropped before a ritual reads the text).
    """

    kind: MentionKind
    id: str
    name: str = ""

    @property
    def token(self) -> str:
        """The mention as it stands in neutral text."""
        mark = MENTION_MARK
        name = self.name.replace(mark, "")
        return f"{self.kind.value}{mark}{self.id.replace(mark, '')}|{name}{mark}"


MENTION_MARK = "\u2063"


@dataclass(frozen=True, slots=True)
class CommandInvoked:
    """A command such as ``/who-owns dns``; ``text`` is what follows the command.

    ``mentions`` are the people and channels the adapter found picked in ``text``, where
    they stand as :attr:`Mention.token`.
    """

    user: User
    conversation: ConversationRef
    command: str
    text: str = ""
    mentions: tuple[Mention, ...] = ()


@dataclass(frozen=True, slots=True)
class MessageReceived:
    """Free text sent to the bot (a DM, a mention, a terminal line), ``mentions`` as in
    :class:`CommandInvoked`."""

    user: User
    conversation: ConversationRef
    text: str
    mentions: tuple[Mention, ...] = ()


@dataclass(frozen=True, slots=True)
class ActionSubmitted:
    """A button click, form or modal submission, or Adaptive Card submit."""

    user: User
    conversation: ConversationRef
    action_id: str
    value: str = ""
    inputs: dict[str, str] = field(default_factory=dict)
    message: MessageRef | None = None


@dataclass(frozen=True, slots=True)
class Installed:
    """The bot was installed, or a member joined a conversation it is in."""

    user: User
    conversation: ConversationRef


@dataclass(frozen=True, slots=True)
class HomeOpened:
    """The user opened Tandem's home (Slack's App Home tab)."""

    user: User
    conversation: ConversationRef


Event = CommandInvoked | MessageReceived | ActionSubmitted | Installed | HomeOpened
