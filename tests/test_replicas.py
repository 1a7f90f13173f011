"""Replicas of ``tandem serve`` on one database answer Slack alike, and survive ``kill -9``.

Two real processes on PostgreSQL (one on SQLite, which is single-process), their
Slack Web API the fake served by this test's own event loop.
"""

from __future__ import annotations

import asyncio
import time
from pathlib import Path
from typing import Any

import aiohttp

from tandem.storage.database import Database
from tandem.storage.migrate import upgrade
from tests.conftest import import_fixtures
from tests.replicas import Replica, start_replicas
from tests.slackfake.api import Call, FakeSlackApi
from tests.slackfake.signing import command_body, signed_headers

SECRET = "replica-signing-secret"
TEAM = "T0REPLICA"
TOKEN = "xoxb-replicas"
SAM = "USAM00001"


async def ask(http: aiohttp.ClientSession, replica: Replica, api: FakeSlackApi, name: str) -> int:
    """``/who-owns dns`` from Sam, signed as Slack signs it, answered at ``name``."""
    body = command_body(
        command="/who-owns",
        text="dns",
        team_id=TEAM,
        user_id=SAM,
        response_url=api.response_url(name),
    )
    async with http.post(
        f"{replica.base}/slack/events", data=body, headers=signed_headers(body=body, secret=SECRET)
    ) as response:
        return response.status


async def answer(api: FakeSlackApi, name: str) -> dict[str, Any]:
    """What was posted to the response URL ``name`` (waits up to 15 s)."""
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline:
        calls: list[Call] = [
            c for c in api.calls_to("response_url") if c.params.get("name") == name
        ]
        if calls:
            assert len(calls) == 1
            return {k: v for k, v in calls[0].params.items() if k != "name"}
        await asyncio.sleep(0.05)
    raise AssertionError(f"no answer at {name}")


async def test_replicas_answer_who_owns_alike_and_one_comes_back_after_kill_9(
    database_url: str, tmp_path: Path
) -> None:
    database = Database(url=database_url)
    await upgrade(database=database)
    await import_fixtures(database, f"slack:{TEAM}")
    await database.dispose()
    count = 1 if database_url.startswith("sqlite") else 2
    async with FakeSlackApi() as api:
        api.add_workspace(team_id=TEAM, bot_token=TOKEN)
        api.add_user(
            team_id=TEAM,
            user_id=SAM,
            email="sam.okafor@example.com",
            real_name="Sam Okafor",
            tz="Europe/London",
        )
        slack = {
            "SLACK_BOT_TOKEN": TOKEN,
            "SLACK_SIGNING_SECRET": SECRET,
            "SLACK_API_URL": api.base_url,
            "TANDEM_DEMO": "0",
        }
        async with (
            start_replicas(
                count=count, database_url=database_url, workdir=tmp_path, env=slack
            ) as replicas,
            aiohttp.ClientSession() as http,
        ):
            assert len({r.port for r in replicas}) == count
            for replica in replicas:
                async with http.get(f"{replica.base}/healthz") as health:
                    assert health.status == 200
                assert await ask(http, replica, api, replica.name) == 200
            answers = [await answer(api, r.name) for r in replicas]
            assert "Ana Silva" in str(answers[0]["blocks"])
            assert all(a == answers[0] for a in answers)

            first = replicas[0]
            await first.kill()
            assert not first.alive
            await first.restart()
            assert first.alive
            assert await ask(http, first, api, "after-restart") == 200
            assert await answer(api, "after-restart") == answers[0]
        assert not any(r.alive for r in replicas)
    logs = [r.log_text() for r in replicas]
    assert all("Traceback" not in log for log in logs), logs
    assert logs[0].count(f"--- {replicas[0].name} starting") == 2
