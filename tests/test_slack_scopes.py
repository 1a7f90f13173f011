"""A workspace that installed Tandem before its manifest asked for a scope is named at
start, with the scopes it lacks and how an admin grants them."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import pytest
from slack_sdk.oauth.installation_store import Installation

from tandem.adapters.slack.bolt_app import SlackAdapter
from tandem.adapters.slack.installation_store import DatabaseInstallationStore
from tandem.bot.settings import Settings
from tandem.runtime import build_runtime
from tandem.storage.cipher import TokenCipher
from tandem.storage.database import Database
from tests.slackfake.api import FakeSlackApi
from tests.slackfake.scopes import manifest_scopes

TEAM = "T061EG9R6"
OTHER_TEAM = "T0OTHER01"
OLD_SCOPES = manifest_scopes() - {"channels:manage", "groups:write"}


def warnings(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [
        r.getMessage()
        for r in caplog.records
        if r.levelno == logging.WARNING and "lacks the scopes" in r.getMessage()
    ]


@asynccontextmanager
async def adapter(
    database_url: str, api: FakeSlackApi, **slack: str
) -> AsyncIterator[SlackAdapter]:
    """Tandem's Slack adapter on the test database, its Web API the fake."""
    values: dict[str, Any] = {
        "TANDEM_DATABASE_URL": database_url,
        "TANDEM_DEMO": False,
        "SLACK_SIGNING_SECRET": "secret",
        "SLACK_API_URL": api.base_url,
        **slack,
    }
    settings = Settings(**values)
    runtime = build_runtime(settings=settings)
    built = SlackAdapter(
        settings=settings,
        dispatcher=runtime.dispatcher,
        database=runtime.database,
        clock=runtime.clock,
    )
    try:
        yield built
    finally:
        await built.stop()
        await runtime.database.dispose()


async def test_a_bot_token_granted_an_older_manifest_is_told_to_reinstall_at_start(
    database_url: str, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.WARNING)
    async with FakeSlackApi() as api:
        api.add_workspace(team_id=TEAM, bot_token="xoxb-acme", scopes=OLD_SCOPES)
        async with adapter(database_url, api, SLACK_BOT_TOKEN="xoxb-acme") as slack:
            await slack.start()  # the check runs aside: start does not wait for Slack
            for _ in range(500):
                if warnings(caplog):
                    break
                await asyncio.sleep(0.01)
            (warning,) = warnings(caplog)
            assert "channels:manage, groups:write in workspace slack:T061EG9R6" in warning
            assert "Reinstall to Workspace" in warning
            assert "tandem manifest slack" in warning

            api.grant(bot_token="xoxb-acme", scopes=manifest_scopes())  # an admin reinstalled
            caplog.clear()
            await slack.check_scopes()
            assert warnings(caplog) == []


async def test_oauth_installations_lacking_scopes_are_named_in_one_warning(
    database_url: str, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.WARNING)
    database = Database(url=database_url)
    store = DatabaseInstallationStore(database=database, cipher=TokenCipher())
    for team, scopes in ((TEAM, OLD_SCOPES), (OTHER_TEAM, manifest_scopes())):
        await store.async_save(
            Installation(
                app_id="A123",
                team_id=team,
                team_name=f"Team {team}",
                bot_token=f"xoxb-{team}",
                bot_id="BBOT",
                bot_user_id="UBOT",
                bot_scopes=sorted(scopes),
                user_id="UINSTALLER",
            )
        )
    await database.dispose()
    async with (
        FakeSlackApi() as api,
        adapter(
            database_url, api, SLACK_CLIENT_ID="111.222", SLACK_CLIENT_SECRET="client-secret"
        ) as slack,
    ):
        await slack.check_scopes()
    (warning,) = warnings(caplog)
    assert "channels:manage, groups:write in workspace slack:T061EG9R6" in warning
    assert OTHER_TEAM not in warning
    assert "open /slack/install again" in warning
