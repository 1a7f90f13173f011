"""The Slack app manifest, generated from the commands the dispatcher knows."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import yaml

from tandem.adapters.slack.bolt_app import BOT_EVENTS, EVENTS_PATH, REDIRECT_PATH
from tandem.adapters.slack.scopes import BOT_SCOPES
from tandem.bot.dispatcher import CommandSpec
from tandem.bot.i18n import Translator

HIDDEN = frozenset({"help"})  # Slack shows its own help; /tandem is ours
USAGE_HINTS = {
    "who-owns": "TOPIC [share]",
    "guardrail": "QUESTION",
    "standup": "[skip | away FROM TO | setup]",
    "blocker": "TEXT [#topic]",
    "planning": "new | list",
    "kpi": "[show KPI | set KPI VALUE [DATE]]",
    "tandem": "[help]",
}


DEFAULT_URL = "https://tandem.example.com"


def slack_manifest(
    *,
    commands: Sequence[CommandSpec],
    url: str | None,
    socket_mode: bool,
    oauth: bool = False,
) -> dict[str, Any]:
    """The manifest as a dictionary; ``url`` is the public base URL (``https://host``).

    Over HTTP every request URL is under ``url`` (an example URL when None), and so is
    the OAuth redirect. In Socket Mode nothing is: the manifest names no URL at all, unless
    ``oauth`` (installs in many workspaces) asks for the redirect, which then needs ``url``.
    """
    if socket_mode and oauth and not url:
        raise ValueError("OAuth installs need the public URL of the redirect")
    base = (url or DEFAULT_URL).rstrip("/")
    t = Translator(locale="en")
    slash = [
        {
            "command": f"/{spec.name}",
            "description": t(f"help.cmd.{spec.name}")[:100],
            "usage_hint": USAGE_HINTS.get(spec.name, ""),
            "should_escape": False,
            **({} if socket_mode else {"url": base + EVENTS_PATH}),
        }
        for spec in commands
        if spec.name not in HIDDEN
    ]
    interactivity: dict[str, Any] = {"is_enabled": True}
    events: dict[str, Any] = {"bot_events": list(BOT_EVENTS)}
    if not socket_mode:
        interactivity["request_url"] = base + EVENTS_PATH
        events["request_url"] = base + EVENTS_PATH
    return {
        "display_information": {
            "name": "Tandem",
            "description": "Marketing/IT collaboration rituals: RACI, guardrails, stand-ups.",
            "background_color": "#2c2d30",
        },
        "features": {
            "app_home": {
                "home_tab_enabled": True,
                "messages_tab_enabled": True,
                "messages_tab_read_only_enabled": False,
            },
            "bot_user": {"display_name": "Tandem", "always_online": True},
            "slash_commands": slash,
        },
        "oauth_config": {
            **({"redirect_urls": [base + REDIRECT_PATH]} if oauth or not socket_mode else {}),
            "scopes": {"bot": list(BOT_SCOPES)},
        },
        "settings": {
            "event_subscriptions": events,
            "interactivity": interactivity,
            "org_deploy_enabled": False,
            "socket_mode_enabled": socket_mode,
            "token_rotation_enabled": False,
        },
    }


def slack_manifest_yaml(
    *,
    commands: Sequence[CommandSpec],
    url: str | None,
    socket_mode: bool,
    oauth: bool = False,
) -> str:
    """The manifest as YAML, ready to paste at api.slack.com/apps."""
    manifest = slack_manifest(commands=commands, url=url, socket_mode=socket_mode, oauth=oauth)
    return yaml.safe_dump(manifest, sort_keys=False, allow_unicode=True)
