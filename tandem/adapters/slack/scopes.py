"""The bot scopes Tandem's Slack app asks for, and those an installation lacks.

A workspace grants the scopes the manifest asked for when the app was installed there.
Scopes added to the manifest later reach it only when an admin reinstalls the app (or
approves them); until then Slack answers ``missing_scope`` to the calls needing them.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping
from typing import Any

log = logging.getLogger(__name__)

BOT_SCOPES = (
    "app_mentions:read",
    "channels:history",
    "channels:manage",  # conversations.invite, public channel: IT people join the planning
    "channels:read",
    "chat:write",
    "commands",
    "files:write",
    "groups:history",
    "groups:read",
    "groups:write",  # conversations.invite, private channel
    "im:history",
    "im:write",
    "users:read",
    "users:read.email",
)
SCOPES_HEADER = "x-oauth-scopes"
REINSTALL = (
    "update the Slack app's scopes (api.slack.com/apps → the app → App Manifest: paste "
    "`tandem manifest slack`'s output), then have a workspace admin reinstall it "
    "(OAuth & Permissions → Reinstall to Workspace; with OAuth, open /slack/install again)"
)
NAMED_WORKSPACES = 10


def scope_list(scopes: str | Iterable[str]) -> frozenset[str]:
    """Scopes as Slack writes them (``"a,b"``) or as a list, as a set."""
    items = scopes.split(",") if isinstance(scopes, str) else scopes
    return frozenset(s.strip() for s in items if s.strip())


def missing_scopes(granted: str | Iterable[str]) -> tuple[str, ...]:
    """The manifest's scopes not in ``granted``, in the manifest's order."""
    have = scope_list(granted)
    return tuple(s for s in BOT_SCOPES if s not in have)


def granted_by(headers: Mapping[str, Any]) -> frozenset[str] | None:
    """The scopes a Web API answer says its token holds (Slack's ``x-oauth-scopes``
    header), or None when it does not say."""
    for name, value in headers.items():
        if name.lower() == SCOPES_HEADER:
            return scope_list(value[0] if isinstance(value, list) else str(value))
    return None


def warn_if_missing(lacking: Mapping[str, tuple[str, ...]]) -> None:
    """One warning naming the scopes missing and the workspaces missing them (``lacking``:
    workspace → its missing scopes), with the step that grants them; nothing when none is."""
    lacking = {workspace: scopes for workspace, scopes in lacking.items() if scopes}
    if not lacking:
        return
    scopes = [s for s in BOT_SCOPES if any(s in missing for missing in lacking.values())]
    named = sorted(lacking)
    workspaces = ", ".join(named[:NAMED_WORKSPACES])
    if len(named) > NAMED_WORKSPACES:
        workspaces += f" and {len(named) - NAMED_WORKSPACES} more"
    log.warning(
        "Slack: Tandem lacks the scopes %s in %s %s, so Slack refuses what needs them "
        "(such as adding IT people to a planning channel): %s",
        ", ".join(scopes),
        "workspace" if len(named) == 1 else "workspaces",
        workspaces,
        REINSTALL,
    )
