"""Mentions in neutral text: each adapter renders them its way.

Rituals write :func:`mention` into message text; Slack renders ``<@U123>`` (a
notification), other surfaces ``@Name``.
"""

from __future__ import annotations

import re
from collections.abc import Callable

_TOKEN = re.compile(r"\u2063@([^|\u2063]+)\|([^\u2063]*)\u2063")

# How a person or a channel arrives in typed text when picked from Slack's menu:
# ``<@U123|name>``, ``<#C123|name>`` (group 1 the id; for a channel, group 2 its name).
TYPED_USER = re.compile(r"^<@([A-Z0-9]+)(?:\|[^>]*)?>$")
TYPED_CHANNEL = re.compile(r"^<#([A-Z0-9]+)(?:\|([^>]*))?>$")


def mention(*, user_id: str, name: str) -> str:
    """A mention of the platform user ``user_id`` (shown as ``name`` where it cannot ping)."""
    return f"\u2063@{user_id}|{name}\u2063"


def render_mentions(text: str, render: Callable[[str, str], str]) -> str:
    """Replace each mention with ``render(user_id, name)``."""
    return _TOKEN.sub(lambda m: render(m.group(1), m.group(2)), text)


def as_names(text: str) -> str:
    """Mentions as ``@Name``."""
    return render_mentions(text, lambda _uid, name: f"@{name}")
