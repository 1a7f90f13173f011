"""Requests into the bot, signed the way Slack signs them (v0 HMAC-SHA256)."""

from __future__ import annotations

import hashlib
import hmac
import json
import time
from typing import Any
from urllib.parse import urlencode


def signed_headers(
    *,
    body: str,
    secret: str,
    timestamp: int | None = None,
    content_type: str = "application/x-www-form-urlencoded",
) -> dict[str, str]:
    """Slack's signature headers for ``body``."""
    stamp = int(time.time()) if timestamp is None else timestamp
    base = f"v0:{stamp}:{body}".encode()
    digest = hmac.new(secret.encode(), base, hashlib.sha256).hexdigest()
    return {
        "X-Slack-Request-Timestamp": str(stamp),
        "X-Slack-Signature": f"v0={digest}",
        "Content-Type": content_type,
    }


def command_body(
    *,
    command: str,
    text: str,
    team_id: str,
    user_id: str,
    response_url: str,
    channel_id: str = "C0LAN2Q65",
    trigger_id: str = "13345224609.738474920.8088930838d88f008e0",
    enterprise_id: str | None = None,
) -> str:
    """A slash command as Slack posts it (form-encoded)."""
    fields = {
        "token": "gIkuvaNzQIHg97ATvDxqgjtO",
        "team_id": team_id,
        "team_domain": "acme",
        "channel_id": channel_id,
        "channel_name": "marketing-it",
        "user_id": user_id,
        "user_name": "someone",
        "command": command,
        "text": text,
        "api_app_id": "A123",
        "is_enterprise_install": "false",
        "response_url": response_url,
        "trigger_id": trigger_id,
    }
    if enterprise_id:
        fields["enterprise_id"] = enterprise_id
    return urlencode(fields)


def event_body(
    *,
    team_id: str,
    event: dict[str, Any],
    event_id: str,
    api_app_id: str = "A123",
    enterprise_id: str | None = None,
) -> str:
    """An ``event_callback`` envelope (JSON)."""
    return json.dumps(
        {
            "token": "ZZZZZZWSxiZZZ2yIvs3peJ",
            "team_id": team_id,
            "enterprise_id": enterprise_id,
            "api_app_id": api_app_id,
            "event": event,
            "type": "event_callback",
            "event_id": event_id,
            "event_time": int(time.time()),
            "authorizations": [
                {
                    "enterprise_id": enterprise_id,
                    "team_id": team_id,
                    "user_id": "U0LAN0Z89",
                    "is_bot": True,
                    "is_enterprise_install": False,
                }
            ],
        }
    )


def interaction_body(*, payload: dict[str, Any]) -> str:
    """An interactivity payload (block actions, view submission), form-encoded."""
    return urlencode({"payload": json.dumps(payload)})
