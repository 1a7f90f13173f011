"""Slack payloads to neutral values: pure functions, tested on recorded payloads."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from tandem.bot.types import ConversationKind, ConversationRef, Platform, TenantKey

SHARE_WORDS = frozenset({"share", "partager", "partage"})
_MENTION = re.compile(r"<@[A-Z0-9]+(?:\|[^>]*)?>")


def tenant_key(*, team_id: str | None, enterprise_id: str | None) -> TenantKey:
    """``slack:<team_id>``; an org-wide Enterprise Grid install has only its enterprise id."""
    workspace = team_id or enterprise_id
    if not workspace:
        raise ValueError("a Slack request without team or enterprise id")
    return TenantKey(Platform.SLACK, workspace)


def split_share(text: str) -> tuple[str, bool]:
    """``dns share`` → ("dns", True): the user asks for a reply everyone sees."""
    words = text.split()
    if words and words[-1].casefold() in SHARE_WORDS:
        return " ".join(words[:-1]), True
    return text.strip(), False


def strip_mentions(text: str) -> str:
    """``<@U0BOT> who owns dns?`` → ``who owns dns?``."""
    return _MENTION.sub(" ", text).strip()


def conversation(
    *,
    tenant: TenantKey,
    channel_id: str,
    channel_type: str | None = None,
    thread: str | None = None,
) -> ConversationRef:
    """A neutral address for a Slack channel, DM or group."""
    if channel_type == "im" or channel_id.startswith("D"):
        kind = ConversationKind.DIRECT
    elif channel_type in {"mpim", "group"} or channel_id.startswith("G"):
        kind = ConversationKind.GROUP
    else:
        kind = ConversationKind.CHANNEL
    return ConversationRef(tenant=tenant, id=channel_id, kind=kind, thread=thread)


def payload_team(body: Mapping[str, Any]) -> tuple[str | None, str | None]:
    """The (team id, enterprise id) a payload says it comes from, whatever its kind."""
    team = body.get("team_id") or (body.get("team") or {}).get("id")
    if not team:
        team = (body.get("user") or {}).get("team_id")
    enterprise = body.get("enterprise_id") or (body.get("enterprise") or {}).get("id")
    return team, enterprise


def view_inputs(view: Mapping[str, Any]) -> dict[str, str]:
    """The values of a submitted modal, by block id, as text."""
    values: dict[str, str] = {}
    for block_id, actions in ((view.get("state") or {}).get("values") or {}).items():
        for action in actions.values():
            value = action.get("value")
            if value is None:
                value = (action.get("selected_option") or {}).get("value")
            if value is None and "selected_date" in action:
                value = action["selected_date"]
            values[block_id] = "" if value is None else str(value)
    return values
