"""Teams end to end: the real botbuilder code, the Bot Framework connector replaced by a fake.

Activities are posted to ``/api/messages`` as Teams posts them; their
``serviceUrl`` is a local aiohttp fake that records what the bot sends back.
"""

from __future__ import annotations

import asyncio
import itertools
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import Any

import pytest
from aiohttp.test_utils import TestClient

from tandem.adapters.teams import cloud
from tandem.adapters.teams.cloud import TeamsAdapter
from tandem.bot.cards import Reply
from tandem.bot.clock import Clock
from tandem.bot.settings import Settings
from tandem.bot.types import ActionSubmitted, ConversationRef, Platform, TenantKey, User
from tandem.runtime import Runtime
from tandem.storage.database import Database
from tandem.storage.migrate import upgrade
from tandem.storage.models import Person
from tandem.storage.orgfiles.service import FileKind, import_file
from tandem.storage.repositories import people, teams, tenants
from tests.conftest import NOW, import_fixtures
from tests.serving import serve_in_process
from tests.teamsfake.connector import FakeConnector, Sent

TENANT = "72f988bf-86f1-41af-91ab-2d7cd011db47"
OTHER_TENANT = "0d2b6b1e-0000-4000-8000-00000000abcd"
HUGO = ("29:1hugo", "aad-hugo-0001", "Hugo Bernard", "hugo.bernard@example.com")
SAM = ("29:1sam", "aad-sam-0001", "Sam Okafor", "sam.okafor@example.com")
_ids = itertools.count(1)


def message(
    connector: FakeConnector,
    *,
    who: tuple[str, str, str, str],
    text: str = "",
    conversation: str = "a:1personal-hugo",
    kind: str = "personal",
    tenant: str = TENANT,
    locale: str = "en-US",
    value: dict[str, Any] | None = None,
    team: str | None = None,
) -> dict[str, Any]:
    user_id, aad, name, _ = who
    channel_data: dict[str, Any] = {"tenant": {"id": tenant}}
    if team:
        channel_data["team"] = {"id": team}
        channel_data["channel"] = {"id": conversation}
    activity: dict[str, Any] = {
        "type": "message",
        "id": f"msg-{next(_ids)}",
        "timestamp": "2026-11-23T09:30:00.000Z",
        "localTimestamp": "2026-11-23T10:30:00.000+01:00",
        "localTimezone": "Europe/Paris",
        "channelId": "msteams",
        "serviceUrl": connector.service_url,
        "from": {"id": user_id, "name": name, "aadObjectId": aad},
        "conversation": {"id": conversation, "conversationType": kind, "tenantId": tenant},
        "recipient": {"id": "28:tandem-bot", "name": "Tandem"},
        "text": text,
        "locale": locale,
        "channelData": channel_data,
    }
    if value is not None:
        activity["value"] = value
        activity["replyToId"] = "card-activity-1"
    return activity


@dataclass
class TeamsBot:
    http: TestClient[Any, Any]
    connector: FakeConnector
    runtime: Runtime
    routes: cloud.TeamsRoutes
    submitted: list[ActionSubmitted]

    async def post(self, activity: dict[str, Any], **headers: str) -> int:
        response = await self.http.post("/api/messages", json=activity, headers=headers)
        return response.status

    @property
    def adapter(self) -> TeamsAdapter:
        assert self.routes.adapter is not None
        return self.routes.adapter


def card_of(sent: Sent) -> dict[str, Any]:
    (attachment,) = sent.activity["attachments"]
    assert attachment["contentType"] == "application/vnd.microsoft.card.adaptive"
    return dict(attachment["content"])


def facts(sent: Sent) -> dict[str, str]:
    return {
        f["title"]: f["value"]
        for block in card_of(sent)["body"]
        if block["type"] == "FactSet"
        for f in block["facts"]
    }


@asynccontextmanager
async def serve_teams(
    database_url: str,
    connector: FakeConnector,
    *,
    clock: Clock | None = None,
    host: str = "127.0.0.1",
    **extra: str,
) -> AsyncIterator[TeamsBot]:
    """Tandem's server with the Teams adapter, as ``tandem serve`` wires it."""
    values: dict[str, Any] = {"TANDEM_DATABASE_URL": database_url, "TANDEM_DEMO": False, **extra}
    settings = Settings(**values)

    async def plug(routes: cloud.TeamsRoutes, runtime: Runtime) -> None:
        adapter = TeamsAdapter(
            settings=settings,
            dispatcher=runtime.dispatcher,
            database=runtime.database,
            clock=runtime.clock,
        )
        routes.adapter = adapter
        runtime.ports.add(platform=Platform.TEAMS.value, port=adapter.port)

    async with serve_in_process(
        settings, mount=cloud.mount, plug=plug, echo="why", clock=clock, host=host
    ) as served:
        yield TeamsBot(served.http, connector, served.runtime, served.routes, served.submitted)


@pytest.fixture
async def connector() -> AsyncIterator[FakeConnector]:
    async with FakeConnector() as fake:
        for user_id, aad, name, email in (HUGO, SAM):
            fake.add_member(user_id=user_id, aad=aad, name=name, email=email)
        yield fake


@pytest.fixture
async def teams_bot(database_url: str, connector: FakeConnector) -> AsyncIterator[TeamsBot]:
    database = Database(url=database_url)
    await upgrade(database=database)
    await import_fixtures(database, f"teams:{TENANT}")
    await database.dispose()
    async with serve_teams(database_url, connector) as bot:
        yield bot


async def test_who_owns_in_a_personal_chat_answers_in_french(teams_bot: TeamsBot) -> None:
    status = await teams_bot.post(message(teams_bot.connector, who=HUGO, text="who-owns dns"))
    assert status in (200, 201)
    (reply,) = teams_bot.connector.of("reply")
    assert reply.conversation_id == "a:1personal-hugo"
    card = card_of(reply)
    assert card["version"] == "1.5"
    assert card["body"][0]["text"] == "Domain names and DNS (domain-names)"
    assert facts(reply)["Responsable"] == "Ana Silva (Network Engineer)"
    assert "Responsable" in card["fallbackText"]


async def test_a_mention_in_a_channel_is_stripped_and_answered(teams_bot: TeamsBot) -> None:
    activity = message(
        teams_bot.connector,
        who=SAM,
        text="<at>Tandem</at> /who-owns dns",
        conversation="19:general@thread.tacv2;messageid=1700",
        kind="channel",
        team="19:team@thread.tacv2",
    )
    activity["entities"] = [
        {"type": "mention", "text": "<at>Tandem</at>", "mentioned": {"id": "28:tandem-bot"}}
    ]
    await teams_bot.post(activity)
    (reply,) = teams_bot.connector.of("reply")
    assert reply.conversation_id.startswith("19:general@thread.tacv2")
    assert facts(reply)["Responsible"] == "Ana Silva (Network Engineer)"


async def test_a_person_picked_in_teams_is_read_by_tandem(teams_bot: TeamsBot) -> None:
    # Sam has talked to Tandem before; Hugo, an admin, names him a PM by picking him in a
    # channel. Teams' mention entity gives only his Teams account id, never his Entra id.
    await teams_bot.post(message(teams_bot.connector, who=SAM, text="who-owns dns"))
    async with teams_bot.runtime.database.session() as session:
        tenant = await tenants.find_tenant(session, key=TenantKey.parse(f"teams:{TENANT}"))
        assert tenant is not None
        hugo = await people.find_person(session, tenant=tenant, email=HUGO[3])
        assert isinstance(hugo, Person)
        hugo.is_admin = True
        session.add(hugo)
    activity = message(
        teams_bot.connector,
        who=HUGO,
        text='<at>Tandem</at> /blocker pm add <at id="1">Sam Okafor</at>',
        conversation="19:general@thread.tacv2;messageid=1701",
        kind="channel",
        team="19:team@thread.tacv2",
    )
    activity["entities"] = [
        {"type": "mention", "text": "<at>Tandem</at>", "mentioned": {"id": "28:tandem-bot"}},
        {
            "type": "mention",
            "text": '<at id="1">Sam Okafor</at>',
            "mentioned": {"id": SAM[0], "name": "Sam Okafor"},
        },
    ]
    await teams_bot.post(activity)
    answer = teams_bot.connector.of("reply")[-1]
    assert answer.activity["text"].startswith("Sam Okafor est PM désormais")  # Hugo reads French


async def test_unknown_text_gets_help_in_the_users_language(teams_bot: TeamsBot) -> None:
    await teams_bot.post(message(teams_bot.connector, who=HUGO, text="bonjour"))
    (reply,) = teams_bot.connector.of("reply")
    card = card_of(reply)
    assert "Je ne connais pas la commande « /bonjour »" in card["body"][1]["text"]
    # French readers see each command with its French name beside it
    assert "/who-owns (ou qui-gère)" in {f["title"] for f in facts_list(card)}


def facts_list(card: dict[str, Any]) -> list[dict[str, str]]:
    return [f for b in card["body"] if b["type"] == "FactSet" for f in b["facts"]]


async def test_an_adaptive_card_submit_reaches_the_dispatcher(teams_bot: TeamsBot) -> None:
    value = {"action_id": "test.approve", "value": "42", "why": "Launch on Monday"}
    await teams_bot.post(message(teams_bot.connector, who=SAM, value=value))
    (event,) = teams_bot.submitted
    assert (event.action_id, event.value) == ("test.approve", "42")
    assert event.inputs == {"why": "Launch on Monday"}
    assert event.user.email == "sam.okafor@example.com"
    assert event.message is not None and event.message.id == "card-activity-1"
    (reply,) = teams_bot.connector.of("reply")
    assert reply.activity["text"] == "Received Launch on Monday"


async def test_a_suggestion_button_shows_the_topic(teams_bot: TeamsBot) -> None:
    await teams_bot.post(message(teams_bot.connector, who=SAM, text="who-owns web"))
    (suggestions,) = teams_bot.connector.of("reply")
    action = next(
        a for a in card_of(suggestions)["actions"] if a["data"]["action_id"].endswith("performance")
    )
    await teams_bot.post(message(teams_bot.connector, who=SAM, value=action["data"]))
    shown = teams_bot.connector.of("reply")[-1]
    assert facts(shown)["Accountable"] == "Daniel Weber (Chief Digital Officer)"


async def test_install_welcomes_once_and_keeps_references(teams_bot: TeamsBot) -> None:
    activity = message(teams_bot.connector, who=HUGO)
    activity.update(type="conversationUpdate", text=None)
    activity["membersAdded"] = [{"id": "28:tandem-bot"}]
    await teams_bot.post(activity)
    # Teams announces the same install a second time, as installationUpdate
    installed = message(teams_bot.connector, who=HUGO)
    installed.update(type="installationUpdate", text=None, action="add")
    await teams_bot.post(installed)
    (welcome,) = teams_bot.connector.of("reply") + teams_bot.connector.of("send")
    assert card_of(welcome)["body"][0]["text"] == "Ce que vous pouvez demander à Tandem"
    async with teams_bot.runtime.database.session() as session:
        tenant = await tenants.find_tenant(session, key=TenantKey.parse(f"teams:{TENANT}"))
        assert tenant is not None
        stored = await teams.find_reference(
            session, tenant=tenant, kind=teams.PERSONAL, key="aad-hugo-0001"
        )
    assert stored is not None and "a:1personal-hugo" in stored


async def test_a_proactive_message_after_a_restart_uses_the_stored_reference(
    database_url: str, connector: FakeConnector
) -> None:
    database = Database(url=database_url)
    await upgrade(database=database)
    await import_fixtures(database, f"teams:{TENANT}")
    await database.dispose()
    async with serve_teams(database_url, connector) as first:
        await first.post(message(connector, who=HUGO, text="help"))
    assert len(connector.of("reply")) == 1
    async with serve_teams(database_url, connector) as restarted:  # a new process, same database
        hugo = User(tenant=TenantKey.parse(f"teams:{TENANT}"), platform_user_id="aad-hugo-0001")
        dm = await restarted.adapter.port.open_dm(user=hugo)
        sent = await restarted.adapter.port.send(
            conversation=dm, reply=Reply(text="Your stand-up is ready")
        )
        await restarted.adapter.port.update(message=sent, reply=Reply(text="Answered, thanks"))
        by_id = await restarted.adapter.port.send(
            conversation=ConversationRef(tenant=dm.tenant, id="a:1personal-hugo"),
            reply=Reply(text="Again"),
        )
    (_help, proactive, again) = connector.posted("a:1personal-hugo")
    assert proactive.activity["text"] == "Your stand-up is ready"
    (update,) = connector.of("update")
    assert (update.activity_id, update.activity["text"]) == (sent.id, "Answered, thanks")
    assert again.activity["text"] == "Again" and by_id.id


async def test_a_one_to_one_chat_is_created_for_someone_never_met(
    teams_bot: TeamsBot,
) -> None:
    await teams_bot.post(message(teams_bot.connector, who=HUGO, text="help"))
    sam = User(tenant=TenantKey.parse(f"teams:{TENANT}"), platform_user_id="29:1sam")
    dm = await teams_bot.adapter.port.open_dm(user=sam)
    (created,) = teams_bot.connector.of("create")
    assert created.activity["members"] == [{"id": "29:1sam"}]
    assert created.activity["channelData"] == {"tenant": {"id": TENANT}}
    await teams_bot.adapter.port.send(conversation=dm, reply=Reply(text="Hello Sam"))
    assert teams_bot.connector.posted(dm.id)[-1].activity["text"] == "Hello Sam"


async def test_invite_is_reported_as_not_possible(teams_bot: TeamsBot) -> None:
    where = ConversationRef(tenant=TenantKey.parse(f"teams:{TENANT}"), id="19:x@thread.tacv2")
    assert await teams_bot.adapter.port.invite(conversation=where, users=[]) is False


async def test_throttling_is_retried_and_nothing_is_dropped(teams_bot: TeamsBot) -> None:
    teams_bot.connector.throttle("reply", times=2)
    await teams_bot.post(message(teams_bot.connector, who=SAM, text="who-owns dns"))
    replies = [c for c in teams_bot.connector.calls if c.kind == "reply"]
    assert [c.failed for c in replies] == [True, True, False]
    assert facts(replies[-1])["Responsible"] == "Ana Silva (Network Engineer)"


async def test_two_tenants_see_only_their_own_data(teams_bot: TeamsBot, database_url: str) -> None:
    other_people = (
        "email,name,department,role,timezone,locale\n"
        "bo.lee@other.example,Bo Lee,it,Admin,Asia/Seoul,en\n"
    )
    other_raci = (
        "topic,title,aliases,responsible,accountable,consulted,informed,description\n"
        "domain-names,Their domains,dns,bo.lee@other.example,bo.lee@other.example,,,Theirs.\n"
    )
    key = TenantKey.parse(f"teams:{OTHER_TENANT}")
    database = teams_bot.runtime.database
    await import_file(
        database=database, tenant=key, kind=FileKind.PEOPLE, text=other_people, at=NOW
    )
    await import_file(database=database, tenant=key, kind=FileKind.RACI, text=other_raci, at=NOW)
    teams_bot.connector.add_member(
        user_id="29:1bo", aad="aad-bo", name="Bo Lee", email="bo.lee@other.example"
    )
    bo = ("29:1bo", "aad-bo", "Bo Lee", "bo.lee@other.example")
    await teams_bot.post(
        message(
            teams_bot.connector,
            who=bo,
            text="who-owns dns",
            tenant=OTHER_TENANT,
            conversation="a:1bo",
        )
    )
    await teams_bot.post(message(teams_bot.connector, who=SAM, text="who-owns dns"))
    theirs, ours = teams_bot.connector.of("reply")
    assert facts(theirs)["Responsible"] == "Bo Lee (Admin)"
    assert facts(ours)["Responsible"] == "Ana Silva (Network Engineer)"
    assert "Ana Silva" not in str(theirs.activity)


async def test_with_an_app_id_an_unauthenticated_post_gets_401_and_nothing_is_stored(
    database_url: str, connector: FakeConnector
) -> None:
    database = Database(url=database_url)
    await upgrade(database=database)
    await database.dispose()
    async with serve_teams(
        database_url,
        connector,
        MICROSOFT_APP_ID="11111111-2222-3333-4444-555555555555",
        MICROSOFT_APP_PASSWORD="secret",
    ) as bot:
        assert await bot.post(message(connector, who=HUGO, text="who-owns dns")) == 401
        forged = await bot.post(
            message(connector, who=HUGO, text="who-owns dns"), Authorization="Bearer not.a.jwt"
        )
        assert forged == 401
        await asyncio.sleep(0.2)
        async with bot.runtime.database.session() as session:
            assert (
                await tenants.find_tenant(session, key=TenantKey.parse(f"teams:{TENANT}")) is None
            )
    assert connector.calls == []


async def test_an_action_execute_invoke_answers_with_the_card_to_show_in_place(
    teams_bot: TeamsBot,
) -> None:
    activity = message(teams_bot.connector, who=SAM)
    activity.update(
        type="invoke",
        name="adaptiveCard/action",
        value={
            "action": {
                "type": "Action.Execute",
                "verb": "show",
                "data": {"action_id": "raci.show:web-performance", "value": "web-performance"},
            },
            "trigger": "manual",
        },
    )
    response = await teams_bot.http.post("/api/messages", json=activity)
    assert response.status == 200
    body = await response.json()
    assert body["type"] == "application/vnd.microsoft.card.adaptive"
    assert body["value"]["body"][0]["text"].endswith("(web-performance)")
    assert teams_bot.connector.of("reply") == []  # answered in the HTTP response, in place


async def test_an_activity_without_a_tenant_gets_a_clear_reply(teams_bot: TeamsBot) -> None:
    activity = message(teams_bot.connector, who=HUGO, text="who-owns dns", locale="fr-FR")
    activity["channelData"] = {}
    del activity["conversation"]["tenantId"]
    assert await teams_bot.post(activity) in (200, 201)
    (reply,) = teams_bot.connector.of("reply")
    assert reply.activity["text"].startswith("Tandem fonctionne au sein d'une organisation")


@pytest.mark.parametrize("body", ["{not json", '{"type": "message"}', "[]"])
async def test_a_malformed_activity_gets_a_4xx_not_a_500(teams_bot: TeamsBot, body: str) -> None:
    response = await teams_bot.http.post(
        "/api/messages", data=body, headers={"Content-Type": "application/json"}
    )
    assert response.status == 400
    assert teams_bot.connector.calls == []
