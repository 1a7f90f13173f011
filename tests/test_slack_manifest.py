"""``tandem manifest slack`` prints a manifest Slack accepts, listing every command."""

from __future__ import annotations

import yaml

from tandem.adapters.slack.bolt_app import BOT_SCOPES
from tandem.bot.settings import Settings
from tandem.runtime import build_runtime
from tests.cli import tandem


def manifest(*args: str) -> dict[str, object]:
    result = tandem(["manifest", "slack", *args], env={})
    assert result.returncode == 0, result.stderr
    return dict(yaml.safe_load(result.stdout))


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
