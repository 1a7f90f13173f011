"""Teams activities to neutral values: pure functions."""

from __future__ import annotations

import re
from typing import Any

from tandem.bot.types import ConversationKind, Platform, TenantKey

_MENTION = re.compile(r"<at>[^<]*</at>", re.IGNORECASE)
CARD_ACTION = "action_id"
CARD_VALUE = "value"


def strip_mentions(text: str) -> str:
    """``<at>Tandem</at> who-owns dns`` → ``who-owns dns``."""
    return " ".join(_MENTION.sub(" ", text or "").split())


def tenant_key(*, tenant_id: str | None) -> TenantKey:
    """``teams:<tenantId>``."""
    if not tenant_id:
        raise ValueError("a Teams activity without a tenant id")
    return TenantKey(Platform.TEAMS, tenant_id.lower())


def activity_tenant(*, channel_data: Any, conversation_tenant: str | None) -> str | None:
    """The tenant id an activity carries (channel data first, then the conversation)."""
    if isinstance(channel_data, dict):
        tenant = channel_data.get("tenant")
        found = tenant.get("id") if isinstance(tenant, dict) else None
        if found and isinstance(found, str):
            return found
    return conversation_tenant


def conversation_kind(conversation_type: str | None) -> ConversationKind:
    """Teams' ``personal`` / ``channel`` / ``groupChat``."""
    if conversation_type == "channel":
        return ConversationKind.CHANNEL
    if conversation_type == "groupChat":
        return ConversationKind.GROUP
    return ConversationKind.DIRECT


def card_submission(value: Any) -> tuple[str, str, dict[str, str]] | None:
    """An Adaptive Card submit's data as (action id, value, inputs), or None."""
    if not isinstance(value, dict):
        return None
    data = value.get("action") if isinstance(value.get("action"), dict) else value
    data = data.get("data", data) if isinstance(data, dict) else data
    if not isinstance(data, dict) or CARD_ACTION not in data:
        return None
    inputs = {
        str(k): "" if v is None else str(v)
        for k, v in data.items()
        if k not in {CARD_ACTION, CARD_VALUE, "msteams"}
    }
    return str(data[CARD_ACTION]), str(data.get(CARD_VALUE, "")), inputs
