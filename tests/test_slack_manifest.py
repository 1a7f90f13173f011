"""``tandem manifest slack`` prints a manifest Slack accepts, listing every command."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import yaml

from tandem.adapters.slack.scopes import BOT_SCOPES
from tandem.bot.settings import Settings
from tandem.runtime import build_runtime
from tests.cli import tandem

SCHEMA = Path(__file__).parent / "schemas" / "slack-manifest-1.0.0.schema.json"


def manifest(*args: str) -> dict[str, object]:
    """The manifest printed, checked against Slack's own schema."""
    result = tandem(["manifest", "slack", *args], env={})
    assert result.returncode == 0, result.stderr
    data = dict(yaml.safe_load(result.stdout))
    jsonschema.Draft7Validator(json.loads(SCHEMA.read_text("utf-8"))).validate(data)
    return data


def test_the_manifest_lists_every_command_the_dispatcher_knows() -> None:
    data = manifest("--url", "https://tandem.acme.example/")
    known = {
        f"/{spec.name}"
        for spec in build_runtime(
            settings=Settings(TANDEM_DATABASE_URL="sqlite:///:memory:", TANDEM_DEMO=False)
        ).dispatcher.commands
        if spec.name != "help"
    }
    features = data["features"]
    assert isinstance(features, dict)
    commands = {c["command"]: c for c in features["slash_commands"]}
    assert set(commands) == known
    assert {"/who-owns", "/guardrail", "/standup", "/blocker", "/planning", "/tandem"} <= known
    for command in commands.values():
        assert command["url"] == "https://tandem.acme.example/slack/events"
        assert 0 < len(command["description"]) <= 100
    settings = data["settings"]
    assert isinstance(settings, dict)
    assert (
        settings["event_subscriptions"]["request_url"] == "https://tandem.acme.example/slack/events"
    )
    assert settings["socket_mode_enabled"] is False
    oauth = data["oauth_config"]
    assert isinstance(oauth, dict)
    assert oauth["scopes"]["bot"] == list(BOT_SCOPES)
    assert "files:write" in oauth["scopes"]["bot"]  # calendar invites are uploaded as files
    # a scheduled send retried after a crash looks for its message before posting again
    assert {"im:history", "channels:history", "groups:history"} <= set(oauth["scopes"]["bot"])
    assert oauth["redirect_urls"] == ["https://tandem.acme.example/slack/oauth_redirect"]


def test_socket_mode_needs_no_public_url() -> None:
    data = manifest("--socket-mode")
    settings = data["settings"]
    assert isinstance(settings, dict)
    assert settings["socket_mode_enabled"] is True
    assert "request_url" not in settings["event_subscriptions"]
    features = data["features"]
    assert isinstance(features, dict)
    assert all("url" not in c for c in features["slash_commands"])
    oauth = data["oauth_config"]
    assert isinstance(oauth, dict)
    assert oauth["scopes"]["bot"] == list(BOT_SCOPES)


def test_a_socket_mode_manifest_names_no_url_unless_oauth_installs_are_asked() -> None:
    """An example redirect URL pasted at api.slack.com/apps would be Slack's to send
    installs to: Socket Mode has none, unless installs in many workspaces need one."""
    printed = tandem(["manifest", "slack", "--socket-mode"], env={})
    assert printed.returncode == 0, printed.stderr
    assert "http" not in printed.stdout  # no URL at all, example or not
    socket = manifest("--socket-mode")["oauth_config"]
    assert isinstance(socket, dict) and "redirect_urls" not in socket

    oauth = manifest("--socket-mode", "--oauth", "--url", "https://tandem.acme.example")
    assert oauth["oauth_config"] == {
        "redirect_urls": ["https://tandem.acme.example/slack/oauth_redirect"],
        "scopes": {"bot": list(BOT_SCOPES)},
    }
    settings = oauth["settings"]
    assert isinstance(settings, dict)
    assert "request_url" not in settings["event_subscriptions"]  # events still by socket

    no_url = tandem(["manifest", "slack", "--socket-mode", "--oauth"], env={})
    assert no_url.returncode == 2
    assert "OAuth installs need the public URL Slack redirects to" in no_url.stderr
