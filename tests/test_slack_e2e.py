"""Slack end to end: the real slack-bolt code, Slack's Web API replaced by a local fake.

Requests into the bot are signed with Slack's v0 HMAC scheme; the bot's Web API
client points at ``FakeSlackApi`` through ``SLACK_API_URL``.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import re
import time
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
from aiohttp.test_utils import TestClient

from tandem.adapters.slack import bolt_app
from tandem.adapters.slack.bolt_app import SlackAdapter
from tandem.bot.clock import Clock
from tandem.bot.settings import Settings
from tandem.bot.types import ActionSubmitted, Platform, TenantKey
from tandem.runtime import Runtime
from tandem.storage.database import Database
from tandem.storage.migrate import upgrade
from tandem.storage.orgfiles.service import FileKind, export_file, import_file
from tandem.storage.repositories import tenants
from tests.conftest import NOW, import_fixtures
from tests.serving import serve_in_process
from tests.slackfake.api import Call, FakeSlackApi
from tests.slackfake.signing import command_body, event_body, interaction_body, signed_headers

SECRET = "8f742231b10e8888abcd99yyyzzz85a5"
TEAM = "T061EG9R6"
OTHER_TEAM = "T0OTHER01"
HUGO = "UHUGO0001"  # French, marketing
SAM = "USAM00001"  # English
NADIA = "UNADIA001"  # French, Accountable for domain-names
PEOPLE = [
    (HUGO, "hugo.bernard@example.com", "Hugo Bernard", "Europe/Paris", "fr-FR"),
    (SAM, "sam.okafor@example.com", "Sam Okafor", "Europe/London", "en-GB"),
    (NADIA, "nadia.roux@example.com", "Nadia Roux", "Europe/Paris", "fr-FR"),
]


def recorded(name: str) -> dict[str, Any]:
    """A payload recorded from Slack (tests/payloads/slack)."""
    return dict(json.loads((Path(__file__).parent / "payloads" / "slack" / name).read_text()))


_CLICKS = itertools.count(1)


@dataclass
class SlackBot:
    """Tandem serving Slack on a test server, and what it said to the fake Slack API."""

    http: TestClient[Any, Any]
    api: FakeSlackApi
    submitted: list[ActionSubmitted] = field(default_factory=list)
    runtime: Runtime | None = None

    async def post(self, body: str, *, content_type: str, **header: str) -> int:
        headers = signed_headers(body=body, secret=SECRET, content_type=content_type)
        headers.update(header)
        response = await self.http.post("/slack/events", data=body, headers=headers)
        return response.status

    async def command(
        self,
        text: str,
        *,
        user: str = HUGO,
        team: str = TEAM,
        name: str = "r1",
        command: str = "/who-owns",
        channel: str = "C0LAN2Q65",
    ) -> int:
        body = command_body(
            command=command,
            text=text,
            team_id=team,
            user_id=user,
            response_url=self.api.response_url(name),
            channel_id=channel,
        )
        return await self.post(body, content_type="application/x-www-form-urlencoded")

    async def event(
        self, event: dict[str, Any], *, event_id: str, team: str = TEAM, **header: str
    ) -> int:
        body = event_body(team_id=team, event=event, event_id=event_id)
        return await self.post(body, content_type="application/json", **header)

    async def interaction(self, payload: dict[str, Any]) -> int:
        """Post a click or a submission; each gets an ``action_ts`` of its own, as Slack
        gives every click (two clicks are two requests, not one replayed)."""
        payload = dict(payload)
        if payload.get("type") == "block_actions" and isinstance(payload.get("actions"), list):
            stamp = f"{time.time():.6f}{next(_CLICKS)}"
            payload["actions"] = [
                {**a, "action_ts": a.get("action_ts", stamp)} if isinstance(a, dict) else a
                for a in payload["actions"]
            ]
        body = interaction_body(payload=payload)
        return await self.post(body, content_type="application/x-www-form-urlencoded")

    async def wait_for(self, found: Callable[[], list[Call]], count: int = 1) -> list[Call]:
        """The calls once ``count`` of them arrived (bounded: 15 s)."""
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline:
            calls = found()
            if len(calls) >= count:
                await asyncio.sleep(0.2)  # let anything extra arrive, to be counted too
                return found()
            await asyncio.sleep(0.02)
        raise AssertionError(f"expected {count} call(s), got {found()}")

    def responses(self, name: str = "r1") -> list[Call]:
        return [c for c in self.api.calls_to("response_url") if c.params.get("name") == name]


def settings_for(database_url: str, api: FakeSlackApi, **slack: str) -> Settings:
    """Test settings: the test database, Slack's Web API at the fake."""
    values: dict[str, Any] = {
        "TANDEM_DATABASE_URL": database_url,
        "TANDEM_DEMO": False,
        "SLACK_SIGNING_SECRET": SECRET,
        "SLACK_API_URL": api.base_url,
        **slack,
    }
    return Settings(**values)


@asynccontextmanager
async def serve_slack(
    settings: Settings, api: FakeSlackApi, *, clock: Clock | None = None
) -> AsyncIterator[SlackBot]:
    """Tandem's server with the Slack adapter, as ``tandem serve`` wires it."""

    plugged: list[SlackAdapter] = []

    async def plug(routes: bolt_app.SlackRoutes, runtime: Runtime) -> None:
        adapter = SlackAdapter(
            settings=settings,
            dispatcher=runtime.dispatcher,
            database=runtime.database,
            clock=runtime.clock,
        )
        plugged.append(adapter)
        routes.adapter = adapter
        runtime.ports.add(platform=Platform.SLACK.value, port=adapter.port)

    async with serve_in_process(
        settings,
        mount=lambda web_app: bolt_app.mount(web_app, settings=settings),
        plug=plug,
        echo="what",
        clock=clock,
    ) as served:
        yield SlackBot(
            http=served.http, api=api, submitted=served.submitted, runtime=served.runtime
        )
    for adapter in plugged:
        await adapter.stop()


async def import_into(database_url: str, tenant: str) -> None:
    database = Database(url=database_url)
    await upgrade(database=database)
    await import_fixtures(database, tenant)
    await database.dispose()


@asynccontextmanager
async def one_workspace(
    database_url: str, *, clock: Clock | None = None
) -> AsyncIterator[SlackBot]:
    """One workspace with a bot token, its people in the fake, the shared fixtures imported."""
    async with FakeSlackApi() as api:
        api.add_workspace(team_id=TEAM, bot_token="xoxb-acme", bot_user_id="U0LAN0Z89")
        for user_id, email, name, tz, locale in PEOPLE:
            api.add_user(
                team_id=TEAM, user_id=user_id, email=email, real_name=name, tz=tz, locale=locale
            )
        await import_into(database_url, f"slack:{TEAM}")
        settings = settings_for(database_url, api, SLACK_BOT_TOKEN="xoxb-acme")
        async with serve_slack(settings, api, clock=clock) as bot:
            yield bot


@pytest.fixture
async def slack(database_url: str) -> AsyncIterator[SlackBot]:
    """One workspace with a bot token, the shared fixtures imported into it."""
    async with one_workspace(database_url) as bot:
        yield bot


def _fields(call: Call) -> dict[str, str]:
    fields: dict[str, str] = {}
    for block in call.params.get("blocks") or []:
        for item in block.get("fields", []):
            label, _, value = item["text"].partition("\n")
            fields[label.strip("*")] = value
    return fields


async def test_who_owns_from_a_french_user_answers_in_french_block_kit(slack: SlackBot) -> None:
    assert await slack.command("dns") == 200
    (answer,) = await slack.wait_for(slack.responses)
    assert answer.params["response_type"] == "ephemeral"
    assert answer.params["blocks"][0]["text"]["text"] == "Domain names and DNS (domain-names)"
    assert _fields(answer)["Responsable"] == "Ana Silva (Network Engineer)"
    assert _fields(answer)["Approbateur"] == "Nadia Roux (CIO)"
    buttons = [e for b in answer.params["blocks"] if b["type"] == "actions" for e in b["elements"]]
    assert [b["text"]["text"] for b in buttons] == ["Partager dans le canal"]
    assert "Responsable" in answer.params["text"]  # the notification fallback


async def test_share_posts_for_everyone(slack: SlackBot) -> None:
    await slack.command("dns share", user=SAM)
    (answer,) = await slack.wait_for(slack.responses)
    assert answer.params["response_type"] == "in_channel"
    assert _fields(answer)["Responsible"] == "Ana Silva (Network Engineer)"


async def test_an_unknown_subcommand_gets_help_and_an_unknown_topic_names_nobody(
    slack: SlackBot,
) -> None:
    await slack.command("payroll", user=SAM)
    (answer,) = await slack.wait_for(slack.responses)
    assert "I know no topic matching “payroll”" in answer.params["text"]
    assert "Ana Silva" not in json.dumps(answer.params)


@pytest.mark.parametrize(
    "tamper",
    ["forged", "stale", "unsigned"],
)
async def test_forged_stale_and_unsigned_requests_get_401_and_touch_nothing(
    slack: SlackBot, tamper: str
) -> None:
    body = command_body(
        command="/who-owns",
        text="dns",
        team_id=TEAM,
        user_id=HUGO,
        response_url=slack.api.response_url("r1"),
    )
    if tamper == "forged":
        headers = signed_headers(body=body, secret="not-the-secret")
    elif tamper == "stale":
        headers = signed_headers(body=body, secret=SECRET, timestamp=int(time.time()) - 6 * 60)
    else:
        headers = {"Content-Type": "application/x-www-form-urlencoded"}
    response = await slack.http.post("/slack/events", data=body, headers=headers)
    assert response.status == 401
    await asyncio.sleep(0.3)
    assert slack.api.calls == []


async def test_a_button_click_reaches_the_dispatcher(slack: SlackBot) -> None:
    payload = recorded("block_actions.json")
    payload["user"]["id"] = SAM
    payload["response_url"] = slack.api.response_url("click")
    assert await slack.interaction(payload) == 200
    (answer,) = await slack.wait_for(lambda: slack.responses("click"))
    assert answer.params["blocks"][0]["text"]["text"].endswith("(web-performance)")
    assert _fields(answer)["Accountable"] == "Daniel Weber (Chief Digital Officer)"


async def test_a_modal_submission_reaches_the_dispatcher_as_a_neutral_event(
    slack: SlackBot,
) -> None:
    payload = recorded("view_submission.json")
    payload["user"]["id"] = SAM
    assert await slack.interaction(payload) == 200
    (posted,) = await slack.wait_for(lambda: slack.api.calls_to("chat.postMessage"))
    assert posted.params["text"] == "Received A LinkedIn tag"
    (event,) = slack.submitted
    assert event.action_id == "test.request"
    assert event.inputs == {"what": "A LinkedIn tag", "how_long": "3m"}
    assert event.user.email == "sam.okafor@example.com"
    assert str(event.user.tenant) == f"slack:{TEAM}"


async def test_a_mention_is_answered_in_its_thread(slack: SlackBot) -> None:
    event = {
        "type": "app_mention",
        "text": "<@U0LAN0Z89> who owns dns?",
        "user": SAM,
        "ts": "1515449522.000016",
        "channel": "C0LAN2Q65",
    }
    assert await slack.event(event, event_id="Ev1") == 200
    (posted,) = await slack.wait_for(lambda: slack.api.calls_to("chat.postMessage"))
    assert posted.params["channel"] == "C0LAN2Q65"
    assert posted.params["thread_ts"] == "1515449522.000016"
    assert _fields(posted)["Responsible"] == "Ana Silva (Network Engineer)"


async def test_a_retried_event_is_handled_once(slack: SlackBot) -> None:
    event = {
        "type": "message",
        "channel_type": "im",
        "text": "/who-owns noms de domaine",
        "user": HUGO,
        "ts": "1355517523.000005",
        "channel": "D024BE91L",
    }
    assert await slack.event(event, event_id="Ev0PV52K21") == 200
    await slack.wait_for(lambda: slack.api.calls_to("chat.postMessage"))
    retry = {"X-Slack-Retry-Num": "1", "X-Slack-Retry-Reason": "http_timeout"}
    assert await slack.event(event, event_id="Ev0PV52K21", **retry) == 200
    await asyncio.sleep(0.5)
    assert len(slack.api.calls_to("chat.postMessage")) == 1


async def test_a_429_is_retried_after_its_delay_and_the_message_arrives_once(
    slack: SlackBot,
) -> None:
    slack.api.fail_next("chat.postMessage", status=429, retry_after=1)
    event = {
        "type": "message",
        "channel_type": "im",
        "text": "help",
        "user": SAM,
        "ts": "1.2",
        "channel": "D1",
    }
    started = time.monotonic()
    assert await slack.event(event, event_id="Ev429") == 200
    calls = await slack.wait_for(lambda: slack.api.calls_to("chat.postMessage"), count=2)
    assert [c.failed for c in calls] == [True, False]
    assert time.monotonic() - started >= 1.0  # waited for Retry-After
    assert "What you can ask Tandem" in calls[1].params["text"]


async def test_the_app_home_lists_what_the_user_can_do(slack: SlackBot) -> None:
    event = {"type": "app_home_opened", "user": HUGO, "channel": "D024BE91L", "tab": "home"}
    assert await slack.event(event, event_id="EvHome") == 200
    (published,) = await slack.wait_for(lambda: slack.api.calls_to("views.publish"))
    assert published.params["user_id"] == HUGO
    text = json.dumps(published.params["view"], ensure_ascii=False)
    assert "/who-owns" in text and "Ce que vous pouvez faire" in text
    assert "Vos points de blocage ouverts" in text and "Aucun." in text


async def test_uninstall_disables_the_tenant_and_keeps_its_data(
    slack: SlackBot, database_url: str
) -> None:
    assert await slack.event({"type": "app_uninstalled"}, event_id="EvGone") == 200
    database = Database(url=database_url)
    try:
        for _ in range(100):
            async with database.session() as session:
                ref = await tenants.find_tenant(session, key=TenantKey.parse(f"slack:{TEAM}"))
            if ref and ref.disabled:
                break
            await asyncio.sleep(0.05)
        assert ref is not None and ref.disabled
        raci = await export_file(
            database=database, tenant=TenantKey.parse(f"slack:{TEAM}"), kind=FileKind.RACI
        )
        assert "domain-names" in raci
    finally:
        await database.dispose()


async def test_a_payload_naming_another_workspace_is_dropped(slack: SlackBot) -> None:
    slack.api.add_workspace(team_id=OTHER_TEAM, bot_token="xoxb-other")
    assert await slack.command("dns", team=OTHER_TEAM, name="forged") == 200
    await asyncio.sleep(0.5)
    assert slack.responses("forged") == []
    assert slack.api.calls_to("users.info") == []


async def test_a_ritual_command_without_words_explains_itself(slack: SlackBot) -> None:
    await slack.command("", command="/planning", user=SAM, name="planning")
    await slack.command("", command="/tandem", user=HUGO, name="tandem")
    (planning,) = await slack.wait_for(lambda: slack.responses("planning"))
    (tandem,) = await slack.wait_for(lambda: slack.responses("tandem"))
    assert "Schedule a marketing planning session" in planning.params["text"]
    assert "Ce que vous pouvez demander à Tandem" in tandem.params["text"]


async def test_a_timezone_changed_in_slack_is_picked_up(slack: SlackBot) -> None:
    await slack.command("set dns responsible thomas.girard@example.com", user=NADIA, name="edit")
    (edit,) = await slack.wait_for(lambda: slack.responses("edit"))
    assert edit.params["response_type"] == "in_channel"  # a change is announced
    assert "désormais Thomas Girard" in edit.params["text"]
    await slack.command("dns", user=SAM, name="london")
    (london,) = await slack.wait_for(lambda: slack.responses("london"))
    assert "Greenwich Mean Time by Nadia Roux" in london.params["text"]
    slack.api.set_user_tz(team_id=TEAM, user_id=SAM, tz="America/New_York")
    change = {"type": "user_change", "user": {"id": SAM, "tz": "America/New_York"}}
    assert await slack.event(change, event_id="EvTz") == 200
    await asyncio.sleep(0.3)
    await slack.command("dns", user=SAM, name="newyork")
    (newyork,) = await slack.wait_for(lambda: slack.responses("newyork"))
    assert "Eastern Standard Time by Nadia Roux" in newyork.params["text"]


async def test_two_workspaces_installed_by_oauth_see_their_own_data(
    database_url: str,
) -> None:
    other_raci = (
        "topic,title,aliases,responsible,accountable,consulted,informed,description\n"
        "domain-names,Their domains,dns,bo.lee@other.example,bo.lee@other.example,,,Theirs.\n"
    )
    async with FakeSlackApi() as api:
        api.add_oauth_code(code="code-acme", team_id=TEAM, bot_token="xoxb-acme")
        api.add_oauth_code(code="code-other", team_id=OTHER_TEAM, bot_token="xoxb-other")
        same_user = "U0SAMEID1"
        api.add_user(
            team_id=TEAM,
            user_id=same_user,
            email="sam.okafor@example.com",
            real_name="Sam Okafor",
            tz="Europe/London",
        )
        api.add_user(
            team_id=OTHER_TEAM,
            user_id=same_user,
            email="bo.lee@other.example",
            real_name="Bo Lee",
            tz="Asia/Seoul",
        )
        await import_into(database_url, f"slack:{TEAM}")
        database = Database(url=database_url)
        other = TenantKey.parse(f"slack:{OTHER_TEAM}")
        people = (
            "email,name,department,role,timezone,locale\n"
            "bo.lee@other.example,Bo Lee,it,Admin,Asia/Seoul,en\n"
        )
        await import_file(
            database=database, tenant=other, kind=FileKind.PEOPLE, text=people, at=NOW
        )
        await import_file(
            database=database, tenant=other, kind=FileKind.RACI, text=other_raci, at=NOW
        )
        await database.dispose()
        settings = settings_for(
            database_url, api, SLACK_CLIENT_ID="111.222", SLACK_CLIENT_SECRET="client-secret"
        )
        async with serve_slack(settings, api) as slack:
            for code in ("code-acme", "code-other"):
                start = await slack.http.get("/slack/install", allow_redirects=False)
                assert start.status in (200, 302)
                cookie = start.headers.get("Set-Cookie", "").split(";")[0]
                state = re.search(
                    r"state=([^&\"]+)", await start.text() + start.headers.get("Location", "")
                )
                assert state is not None
                done = await slack.http.get(
                    f"/slack/oauth_redirect?code={code}&state={state.group(1)}",
                    headers={"Cookie": cookie},
                )
                assert done.status == 200, await done.text()
            assert len(api.calls_to("oauth.v2.access")) == 2
            await slack.command("dns", user=same_user, team=TEAM, name="acme")
            await slack.command("dns", user=same_user, team=OTHER_TEAM, name="other")
            (acme,) = await slack.wait_for(lambda: slack.responses("acme"))
            (theirs,) = await slack.wait_for(lambda: slack.responses("other"))
            assert _fields(acme)["Responsible"] == "Ana Silva (Network Engineer)"
            assert _fields(theirs)["Responsible"] == "Bo Lee (Admin)"
            assert "Bo Lee" not in json.dumps(acme.params)
            assert "Ana Silva" not in json.dumps(theirs.params)
            tokens = {c.token for c in api.calls_to("users.info")}
            assert tokens == {"xoxb-acme", "xoxb-other"}


@pytest.mark.parametrize(
    ("body", "content_type", "expected"),
    [
        ("{not json", "application/json", 400),
        ("payload=%7Bbroken", "application/x-www-form-urlencoded", 400),
        ('{"type": "event_callback", "event": {}}', "application/json", 400),  # no workspace
    ],
)
async def test_a_malformed_but_signed_payload_is_refused_without_a_500(
    slack: SlackBot, body: str, content_type: str, expected: int
) -> None:
    assert await slack.post(body, content_type=content_type) == expected
    await asyncio.sleep(0.3)
    assert slack.api.calls_to("chat.postMessage") == []
    assert slack.responses() == []


@pytest.mark.parametrize("signed", [True, False])
async def test_deeply_nested_json_is_refused_without_a_500(slack: SlackBot, signed: bool) -> None:
    body = "[" * 50_000 + "]" * 50_000
    headers = signed_headers(
        body=body, secret=SECRET if signed else "not-the-secret", content_type="application/json"
    )
    response = await slack.http.post("/slack/events", data=body, headers=headers)
    assert response.status == (400 if signed else 401), (
        await response.text()
    )  # unsigned: not parsed
    interactive = "payload=" + quote('{"a":' * 20_000 + "1" + "}" * 20_000)
    assert await slack.post(interactive, content_type="application/x-www-form-urlencoded") == 400
    await asyncio.sleep(0.3)
    assert slack.api.calls == []


async def test_a_captured_command_sent_again_is_handled_once(slack: SlackBot) -> None:
    body = command_body(
        command="/blocker",
        text="waiting for the DNS change #domain-names",
        team_id=TEAM,
        user_id=HUGO,
        response_url=slack.api.response_url("replayed"),
    )
    headers = signed_headers(body=body, secret=SECRET)
    for _ in range(3):  # the same signed request, inside its five minutes
        response = await slack.http.post("/slack/events", data=body, headers=headers)
        assert response.status == 200
    retried = command_body(
        command="/blocker",
        text="waiting for the DNS change #domain-names",
        team_id=TEAM,
        user_id=HUGO,
        response_url=slack.api.response_url("retried"),
    )
    headers = {**signed_headers(body=retried, secret=SECRET), "X-Slack-Retry-Num": "1"}
    assert (await slack.http.post("/slack/events", data=retried, headers=headers)).status == 200
    await slack.wait_for(lambda: slack.responses("replayed"))
    await asyncio.sleep(0.5)
    assert len(slack.responses("replayed")) == 1
    assert slack.responses("retried") == []
    assert slack.runtime is not None
    async with slack.runtime.database.engine.connect() as connection:
        count = (await connection.exec_driver_sql("SELECT count(*) FROM blocker")).scalar()
    assert count == 1
