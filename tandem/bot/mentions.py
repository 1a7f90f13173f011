"""Mentions in neutral text: each adapter reads them from its platform and renders them
its way.

A mention stands in text as :attr:`~tandem.bot.types.Mention.token`: ``@`` (a person) or
``#`` (a channel), then the platform's id and the name between invisible separators.
Rituals write :func:`mention` into message text; Slack renders a person as a
notification, other surfaces as ``@Name``. What people pick from a platform's menu
reaches rituals in the same form, read with :data:`TYPED_USER` and :data:`TYPED_CHANNEL`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from tandem.bot.types import MENTION_MARK, Mention, MentionKind

_M = re.escape(MENTION_MARK)
_BODY = rf"{_M}([^|{_M}\s]+)\|([^{_M}]*){_M}"
_TOKEN = re.compile(rf"([@#]){_BODY}")
# Written before mentions took the sign first (a console reply stored then reads the same).
_EARLIER = re.compile(rf"{_M}@([^|{_M}]+)\|([^{_M}]*){_M}")

CHANNEL_TOKEN = re.compile(rf"#{_M}[^|{_M}\s]+\|[^{_M}]*{_M}")
"""A channel picked, anywhere in a text (no groups)."""
PERSON_TOKEN = re.compile(rf"@{_M}[^|{_M}\s]+\|[^{_M}]*{_M}")
"""A person picked, anywhere in a text (no groups): one token, spaces in the name and all,
for a list of people read word by word."""
TYPED_USER = re.compile(rf"^@{_BODY}$")
"""A person picked in typed text, alone: group 1 their platform id, group 2 their name."""
TYPED_CHANNEL = re.compile(rf"^#{_BODY}$")
"""A channel picked in typed text, alone: group 1 its platform id, group 2 its name."""


@dataclass(frozen=True, slots=True)
class NeutralText:
    """Typed text with a platform's mentions written as neutral ones, and those mentions
    (what an adapter puts in :class:`~tandem.bot.types.CommandInvoked` and
    :class:`~tandem.bot.types.MessageReceived`)."""

    text: str
    mentions: tuple[Mention, ...] = ()


def mention(*, user_id: str, name: str) -> str:
    """A mention of the platform user ``user_id`` (shown as ``name`` where it cannot ping)."""
    return Mention(MentionKind.PERSON, user_id, name).token


def mentions_in(text: str) -> tuple[Mention, ...]:
    """The mentions written in ``text``, in order."""
    return tuple(
        Mention(MentionKind(found.group(1)), found.group(2), found.group(3))
        for found in _TOKEN.finditer(text)
    )


def render_mentions(text: str, render: Callable[[Mention], str]) -> str:
    """Replace each mention with ``render(mention)``."""
    text = _TOKEN.sub(
        lambda m: render(Mention(MentionKind(m.group(1)), m.group(2), m.group(3))), text
    )
    return _EARLIER.sub(lambda m: render(Mention(MentionKind.PERSON, m.group(1), m.group(2))), text)


def _name(found: Mention) -> str:
    return f"{found.kind.value}{found.name or found.id}"


def as_names(text: str) -> str:
    """Mentions as ``@Name`` and ``#channel``."""
    return render_mentions(text, _name)
