"""Operating ``tandem serve``: what an operator's probes, scraper and log collector see.

Real ``tandem serve`` processes on loopback (``tests/replicas.py``), Slack's Web API
and the Teams connector faked in this process; a few checks run in-process where the
real process cannot get into the state (a database that never answers).
"""

from __future__ import annotations

import asyncio
import inspect
import json
import logging
import signal
import sys
import time
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import aiohttp
from aiohttp import web
from aiohttp.test_utils import TestClient, TestServer
from prometheus_client.parser import text_string_to_metric_families
from sqlalchemy import text
from sqlalchemy.engine import make_url

from tandem.adapters.teams.retry import with_retries
from tandem.bot.clock import FixedClock
from tandem.bot.settings import Settings
from tandem.bot.types import Platform
from tandem.ops import web as ops_web
from tandem.ops.health import Readiness
from tandem.ops.logs import JsonFormatter, Redactor
from tandem.ops.metrics import Metrics
from tandem.storage.database import Database
from tandem.storage.migrate import alembic_config, head_revision, upgrade
from tests.conftest import import_fixtures
from tests.harness import Chat, chat_runtime
from tests.recording_port import RecordingPort
from tests.replicas import Replica, free_port, start_replicas
from tests.slackfake.api import FakeSlackApi
from tests.slackfake.signing import command_body, event_body, signed_headers
from tests.tcpproxy import Proxy
from tests.teamsfake.connector import FakeConnector
from tests.test_slack_e2e import PEOPLE, SAM, SECRET, TEAM
from tests.test_teams_e2e import HUGO as TEAMS_HUGO
from tests.test_teams_e2e import TENANT as TEAMS_TENANT
from tests.test_teams_e2e import message as teams_message

BOT_TOKEN = "xoxb-acme-0123456789-secret"
WAIT = 20.0  # seconds anything may take on a slow machine before a test gives up


# -- helpers --------------------------------------------------------------------------------


async def get(url: str, **headers: str) -> tuple[int, str, dict[str, str]]:
    """A GET: its status, body and headers (status 0 while nothing listens)."""
    try:
        async with (
            aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=10)) as http,
            http.get(url, headers=headers) as response,
        ):
            return response.status, await response.text(), dict(response.headers)
    except aiohttp.ClientConnectionError:
        return 0, "", {}


def sample(exposition: str, name: str, **labels: str) -> float | None:
    """The value of one sample of a Prometheus text exposition, None when absent."""
    for family in text_string_to_metric_families(exposition):
        for found in family.samples:
            if found.name == name and found.labels == labels:
                return float(found.value)
    return None


async def eventually(check: Callable[[], Any], *, what: str) -> Any:
    """Poll ``check`` (a function or a coroutine function) until it returns something
    truthy, for up to ``WAIT`` seconds."""
    deadline = time.monotonic() + WAIT
    while time.monotonic() < deadline:
        found = check()
        if inspect.isawaitable(found):
            found = await found
        if found:
            return found
        await asyncio.sleep(0.05)
    raise AssertionError(f"still waiting for {what}")


def json_lines(replica: Replica) -> list[dict[str, Any]]:
    """Every line the process wrote, each parsed as JSON (the launcher's own line aside)."""
    lines = [line for line in replica.log_text().splitlines() if not line.startswith("--- ")]
    assert lines
    return [json.loads(line) for line in lines]


async def set_revision(database_url: str, revision: str) -> None:
    """Make the database say it is at ``revision`` (as a restore from an old backup would)."""
    database = Database(url=database_url)
    try:
        async with database.engine.begin() as connection:
            await connection.execute(
                text("UPDATE alembic_version SET version_num = :revision"), {"revision": revision}
            )
    finally:
        await database.dispose()


def previous_revision() -> str:
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config()).get_revision("head")
    assert head is not None and isinstance(head.down_revision, str)
    return head.down_revision


@asynccontextmanager
async def slack_workspace(database_url: str) -> AsyncIterator[FakeSlackApi]:
    """The fake Slack Web API with one workspace and its people; their files imported."""
    async with FakeSlackApi() as api:
        api.add_workspace(team_id=TEAM, bot_token=BOT_TOKEN, bot_user_id="U0LAN0Z89")
        for user_id, email, name, tz, locale in PEOPLE:
            api.add_user(
                team_id=TEAM, user_id=user_id, email=email, real_name=name, tz=tz, locale=locale
            )
        database = Database(url=database_url)
        await upgrade(database=database)
        await import_fixtures(database, f"slack:{TEAM}")
        await database.dispose()
        yield api


async def post_signed(base: str, body: str, *, content_type: str, **headers: str) -> int:
    signed = signed_headers(body=body, secret=SECRET, content_type=content_type)
    async with (
        aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=10)) as http,
        http.post(f"{base}/slack/events", data=body, headers={**signed, **headers}) as response,
    ):
        return response.status


# -- /readyz ----------------------------------------------------------------------------------


async def test_readyz_says_ready_on_a_migrated_database(database_url: str, tmp_path: Path) -> None:
    async with start_replicas(count=1, database_url=database_url, workdir=tmp_path) as (tandem,):
        status, body, _ = await get(f"{tandem.base}/readyz")
        assert status == 200, body
        assert json.loads(body)["status"] == "ready"
        assert json.loads(body)["revision"] == head_revision()
        assert (await get(f"{tandem.base}/healthz"))[0] == 200


async def test_readyz_says_migrations_behind_until_the_schema_is_current(
    database_url: str, tmp_path: Path
) -> None:
    async with start_replicas(count=1, database_url=database_url, workdir=tmp_path) as (tandem,):
        assert (await get(f"{tandem.base}/readyz"))[0] == 200
        await set_revision(database_url, previous_revision())  # a restore from an old backup
        status, body, _ = await get(f"{tandem.base}/readyz")
        assert status == 503
        assert json.loads(body) | {"version": None} == {
            "status": "migrations behind",
            "revision": previous_revision(),
            "head": head_revision(),
            "version": None,
        }
        assert (await get(f"{tandem.base}/healthz"))[0] == 200  # up, just not to be sent work
        await set_revision(database_url, str(head_revision()))
        assert (await get(f"{tandem.base}/readyz"))[0] == 200
    assert "not ready: migrations behind" in tandem.log_text()


async def test_readyz_follows_the_database_going_away_and_coming_back(
    postgres_url: str, tmp_path: Path
) -> None:
    parsed = make_url(postgres_url)
    assert parsed.host and parsed.port
    async with Proxy(target_host=parsed.host, target_port=parsed.port) as proxy:
        through = parsed.set(port=proxy.port).render_as_string(hide_password=False)
        async with start_replicas(count=1, database_url=through, workdir=tmp_path) as (tandem,):
            assert (await get(f"{tandem.base}/readyz"))[0] == 200
            await proxy.cut()
            status, body, _ = await get(f"{tandem.base}/readyz")
            assert status == 503 and json.loads(body)["status"] == "database unreachable"
            assert (await get(f"{tandem.base}/healthz"))[0] == 200
            await proxy.restore()

            async def ready() -> bool:
                return (await get(f"{tandem.base}/readyz"))[0] == 200

            await eventually(ready, what="/readyz once the database is back")
    text_log = tandem.log_text()
    assert "not ready: database unreachable" in text_log
    assert text_log.count("ready: the database answers") == 2  # at start, and once back


@asynccontextmanager
async def ops_server(readiness: Readiness, metrics: Metrics) -> AsyncIterator[TestClient[Any, Any]]:
    """Only the operator's routes, on a test server."""
    app = web.Application()
    ops_web.mount(app, readiness=readiness, metrics=metrics)
    async with TestClient(TestServer(app)) as http:
        yield http


async def test_readyz_says_the_database_is_unreachable_when_nothing_answers() -> None:
    closed = Database(url=f"postgresql://tandem:hunter22@127.0.0.1:{free_port()}/tandem")
    readiness, metrics = Readiness(), Metrics(process=False)
    async with ops_server(readiness, metrics) as http:
        response = await http.get("/readyz")
        assert response.status == 503
        assert (await response.json())["status"] == "starting"
        readiness.serve(database=closed)
        response = await http.get("/readyz", headers={"X-Request-Id": "probe-17"})
        assert response.status == 503
        body = await response.json()
        assert body["status"] == "database unreachable" and body["reason"]
        assert response.headers["X-Request-Id"] == "probe-17"
        assert (await http.get("/healthz")).status == 200
        readiness.stop()
        response = await http.get("/readyz")
        assert (response.status, (await response.json())["status"]) == (503, "shutting down")
        exposition = await (await http.get("/metrics")).text()
    await closed.dispose()
    # the probes are counted as what they were: 503s are errors, the rest went fine
    assert sample(exposition, "tandem_http_requests_total", platform="other", outcome="error") == 3
    assert sample(exposition, "tandem_http_requests_total", platform="other", outcome="ok") == 1


# -- /metrics and the JSON log lines ---------------------------------------------------------


async def test_a_signed_slack_who_owns_is_counted_timed_and_logged_without_its_text(
    database_url: str, tmp_path: Path
) -> None:
    async with slack_workspace(database_url) as api:
        env = {
            "SLACK_BOT_TOKEN": BOT_TOKEN,
            "SLACK_SIGNING_SECRET": SECRET,
            "SLACK_API_URL": api.base_url,
            "TANDEM_LOG_FORMAT": "json",
            "TANDEM_DEMO": "false",
        }
        async with start_replicas(
            count=1, database_url=database_url, workdir=tmp_path, env=env
        ) as (tandem,):
            body = command_body(
                command="/who-owns",
                text="dns",
                team_id=TEAM,
                user_id=SAM,
                response_url=api.response_url("r1"),
            )
            form = "application/x-www-form-urlencoded"
            assert (
                await post_signed(
                    tandem.base, body, content_type=form, **{"X-Request-Id": "req-who-owns-1"}
                )
                == 200
            )
            (answer,) = await eventually(lambda: api.calls_to("response_url"), what="the answer")
            assert "Ana Silva" in json.dumps(answer.params)

            # A DM whose answer Slack first refuses with 429: waited out, then sent.
            api.fail_next("chat.postMessage", status=429, retry_after=1)
            event = {
                "type": "message",
                "channel_type": "im",
                "text": "who-owns dns",
                "user": SAM,
                "ts": "1.2",
                "channel": "D1",
            }
            dm = event_body(team_id=TEAM, event=event, event_id="Ev0OPS1")
            assert await post_signed(tandem.base, dm, content_type="application/json") == 200
            await eventually(
                lambda: [c for c in api.calls_to("chat.postMessage") if not c.failed],
                what="the DM's answer",
            )
            # Unsigned: refused.
            async with (
                aiohttp.ClientSession() as http,
                http.post(
                    f"{tandem.base}/slack/events", data=body, headers={"Content-Type": form}
                ) as refused,
            ):
                assert refused.status == 401

            async def scraped() -> str | None:
                status, exposition, headers = await get(f"{tandem.base}/metrics")
                assert status == 200 and headers["Content-Type"].startswith("text/plain")
                done = sample(
                    exposition, "tandem_command_duration_seconds_count", command="who-owns"
                )
                return exposition if done == 2 else None

            exposition = await eventually(scraped, what="both commands in the metrics")
    requests = "tandem_http_requests_total"
    assert sample(exposition, requests, platform="slack", outcome="ok") == 2
    assert sample(exposition, requests, platform="slack", outcome="rejected") == 1
    assert (
        sample(exposition, "tandem_command_duration_seconds_bucket", command="who-owns", le="+Inf")
        == 2
    )
    assert sample(exposition, "tandem_platform_rate_limited_total", platform="slack") == 1
    assert (
        sample(exposition, "tandem_platform_retries_total", platform="slack", reason="rate_limited")
        == 1
    )

    lines = json_lines(tandem)  # every line is a JSON object
    assert all({"time", "level", "logger", "message"} <= line.keys() for line in lines)
    assert all(line["time"].endswith("Z") for line in lines)
    answered = [line for line in lines if line["logger"] == "tandem.answers"]
    first = next(line for line in answered if line.get("request_id") == "req-who-owns-1")
    assert first["tenant"] == f"slack:{TEAM}" and first["message"].startswith("who-owns answered")
    assert all(line["tenant"] == f"slack:{TEAM}" and line["request_id"] for line in answered)
    log = tandem.log_text()
    assert BOT_TOKEN not in log and SECRET not in log
    assert not [line for line in lines if "dns" in json.dumps(line).lower()]  # what was typed
    assert "without a valid signature" in log  # the unsigned request, its body left out
    assert "Traceback" not in log


async def test_a_teams_message_throttled_by_the_connector_is_counted(tmp_path: Path) -> None:
    database_url = f"sqlite:///{tmp_path / 'tandem.db'}"
    database = Database(url=database_url)
    await upgrade(database=database)
    await import_fixtures(database, f"teams:{TEAMS_TENANT}")
    await database.dispose()
    async with FakeConnector() as connector:
        user_id, aad, name, email = TEAMS_HUGO
        connector.add_member(user_id=user_id, aad=aad, name=name, email=email)
        connector.throttle("reply", times=1)
        env = {"TANDEM_LOG_FORMAT": "json", "TANDEM_DEMO": "false"}
        async with start_replicas(
            count=1, database_url=database_url, workdir=tmp_path, env=env
        ) as (tandem,):
            activity = teams_message(connector, who=TEAMS_HUGO, text="who-owns dns")
            async with (
                aiohttp.ClientSession() as http,
                http.post(f"{tandem.base}/api/messages", json=activity) as response,
            ):
                assert response.status in (200, 201)
            assert [c.failed for c in connector.calls if c.kind == "reply"] == [True, False]
            exposition = (await get(f"{tandem.base}/metrics"))[1]
    assert sample(exposition, "tandem_http_requests_total", platform="teams", outcome="ok") == 1
    assert sample(exposition, "tandem_platform_rate_limited_total", platform="teams") == 1
    assert (
        sample(exposition, "tandem_platform_retries_total", platform="teams", reason="rate_limited")
        == 1
    )
    assert sample(exposition, "tandem_command_duration_seconds_count", command="who-owns") == 1
    (answered,) = [line for line in json_lines(tandem) if line["logger"] == "tandem.answers"]
    assert answered["tenant"] == f"teams:{TEAMS_TENANT}" and answered["request_id"]


async def test_scheduled_sends_are_counted_by_outcome(
    settings: Settings, clock: FixedClock
) -> None:
    from datetime import UTC, datetime

    clock.set(at=datetime(2026, 11, 23, 6, tzinfo=UTC))
    async with chat_runtime(settings=settings, clock=clock) as runtime:
        tenant = await import_fixtures(runtime.database, "acme")
        port = RecordingPort()
        runtime.ports.add(platform=Platform.LOCAL.value, port=port)
        chat = Chat(runtime=runtime, tenant=tenant)
        hugo = "hugo.bernard@example.com"  # Paris: asked at 08:30 UTC
        setup = (
            f"/standup setup Ops daily; members: {hugo}; days: mon-fri; "
            "times: 09:30-12:00; timezone: Europe/Paris; channel: marketing-it"
        )
        assert "is set up" in (await chat.say("sam.okafor@example.com", setup)).text
        port.fail = 1  # the platform is down for the first attempt
        clock.set(at=datetime(2026, 11, 23, 8, 30, tzinfo=UTC))
        await runtime.standup_engine.run_due()
        clock.set(at=datetime(2026, 11, 23, 8, 31, tzinfo=UTC))  # the retry, 30 s later
        await runtime.standup_engine.run_due()
        metrics = runtime.metrics.registry

        def sends(outcome: str) -> float | None:
            labels = {"family": "standup", "outcome": outcome}
            return metrics.get_sample_value("tandem_scheduled_sends_total", labels)

        assert (sends("retry"), sends("sent")) == (1, 1)
        assert sends("failed") is None
        timed = metrics.get_sample_value(
            "tandem_command_duration_seconds_count", {"command": "standup"}
        )
        assert timed == 1


async def test_the_teams_connector_429s_and_retries_are_told_to_the_observer() -> None:
    metrics = Metrics(process=False)

    class Throttled(Exception):
        def __init__(self, status: int) -> None:
            super().__init__(f"HTTP {status}")
            self.response = type("Answer", (), {"status_code": status, "headers": {}})()

    answers: list[int] = [429, 502]

    async def call() -> str:
        if answers:
            raise Throttled(answers.pop(0))
        return "sent"

    observer = metrics.platform(name="teams")
    assert await with_retries(call, base_delay=0.001, observer=observer) == "sent"
    registry = metrics.registry
    assert (
        registry.get_sample_value("tandem_platform_rate_limited_total", {"platform": "teams"}) == 1
    )
    for reason in ("rate_limited", "server_error"):
        labels = {"platform": "teams", "reason": reason}
        assert registry.get_sample_value("tandem_platform_retries_total", labels) == 1


# -- log lines ---------------------------------------------------------------------------------


def test_a_json_line_carries_the_exception_as_one_field_and_masks_secrets() -> None:
    formatter = JsonFormatter(redact=Redactor(secrets=["s3cret-signing", None, "abc"]))
    try:
        raise ValueError("postgresql://tandem:hunter22@db:5432/tandem refused")
    except ValueError:
        record = logging.LogRecord(
            "tandem.test",
            logging.ERROR,
            __file__,
            1,
            "token %s, secret %s",
            ("xoxb-1234-5678-abcdef", "s3cret-signing"),
            sys.exc_info(),
        )
    line = formatter.format(record)
    assert "\n" not in line
    parsed = json.loads(line)
    assert parsed["level"] == "ERROR" and parsed["logger"] == "tandem.test"
    assert parsed["message"] == "token ***, secret ***"
    assert parsed["exception_type"] == "ValueError"
    assert "Traceback" in parsed["exception"] and "hunter22" not in parsed["exception"]
    assert "postgresql://tandem:***@db:5432" in parsed["exception"]
    assert "tenant" not in parsed and "request_id" not in parsed


# -- SIGTERM -------------------------------------------------------------------------------------


async def test_sigterm_turns_readyz_away_then_exits_cleanly(tmp_path: Path) -> None:
    env = {"TANDEM_LOG_FORMAT": "json", "TANDEM_SHUTDOWN_DELAY_SECONDS": "3"}
    async with start_replicas(
        count=1, database_url=f"sqlite:///{tmp_path / 'tandem.db'}", workdir=tmp_path, env=env
    ) as (tandem,):
        assert (await get(f"{tandem.base}/readyz"))[0] == 200  # a load balancer is watching
        assert tandem.process is not None
        tandem.process.send_signal(signal.SIGTERM)

        async def turned_away() -> str | None:
            status, body, _ = await get(f"{tandem.base}/readyz")
            if status == 0:  # already gone: the machine was too slow to see the 503
                return "gone"
            return json.loads(body)["status"] if status == 503 else None

        seen = await eventually(turned_away, what="/readyz to answer 503")
        await asyncio.wait_for(tandem.process.wait(), WAIT)  # it stops by itself
        assert await tandem.terminate() == 0
    if seen != "gone":
        assert seen == "shutting down"
    messages = [line["message"] for line in json_lines(tandem)]
    stopping = messages.index("shutting down: /readyz answers 503 from now on")
    assert stopping < messages.index("Tandem stopped")
    assert "Traceback" not in tandem.log_text()
