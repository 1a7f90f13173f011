"""One tenant never sees another's data, through any repository function."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from collections.abc import Awaitable, Callable
from datetime import UTC, date, datetime, timedelta
from typing import Any, TypeVar

import pytest
from sqlmodel import select

from tandem.bot.types import TenantKey
from tandem.storage import repositories
from tandem.storage.cipher import TokenCipher
from tandem.storage.database import Database
from tandem.storage.models import RaciTopic
from tandem.storage.orgfiles.service import FileKind, export_file, import_file
from tandem.storage.records import (
    ChannelAddress,
    DeliveryKey,
    KpiRecord,
    PersonRecord,
    Role,
    RuleRecord,
    StandupSettings,
    TenantRef,
    ToolRecord,
    TopicRecord,
)
from tandem.storage.repositories import (
    api_tokens,
    approvals,
    availability,
    blockers,
    console,
    deliveries,
    escalation,
    guardrails,
    kpis,
    ownership,
    people,
    planning,
    raci,
    slack,
    standups,
    teams,
    tenants,
)
from tandem.storage.repositories.ownership import NotInTenant
from tandem.storage.repositories.slack import SlackInstallationRecord
from tests.conftest import NOW, import_fixtures

MEETING = datetime(2027, 1, 12, 14, 0, tzinfo=UTC)
CIPHER = TokenCipher(keys=["uateaefePijXL83dXSQDjdw01_C1oK22wnhREd24qm8="])  # a test key
OTHER_PEOPLE = (
    "email,name,department,role,timezone,locale\n"
    "ana.silva@example.com,Ana Other,it,Intern,America/Sao_Paulo,en\n"
    "bo.lee@other.example,Bo Lee,it,Admin,Asia/Seoul,en\n"
)
OTHER_RACI = (
    "topic,title,aliases,responsible,accountable,consulted,informed,description\n"
    "domain-names,Other domains,dns,bo.lee@other.example,bo.lee@other.example,,,Theirs.\n"
)


async def _ref(database: Database, key: TenantKey) -> TenantRef:
    async with database.session() as session:
        found = await tenants.find_tenant(session, key=key)
    assert found is not None
    return found


@pytest.fixture
async def two_tenants(database: Database) -> tuple[TenantRef, TenantRef, TenantRef]:
    """acme (the shared fixtures), slack:T0OTHER (same slug, other owners), and an empty one."""
    acme = await import_fixtures(database, "acme")
    other = TenantKey.parse("slack:T0OTHER")
    await import_file(
        database=database, tenant=other, kind=FileKind.PEOPLE, text=OTHER_PEOPLE, at=NOW
    )
    await import_file(database=database, tenant=other, kind=FileKind.RACI, text=OTHER_RACI, at=NOW)
    async with database.session() as session:
        empty = await tenants.ensure_tenant(session, key=TenantKey.parse("teams:0000aaaa-bbbb"))
    return await _ref(database, acme), await _ref(database, other), empty


T = TypeVar("T")


def some(value: T | None) -> T:
    """The value, which the check expects to be there."""
    assert value is not None
    return value


Check = Callable[[Any, TenantRef, TenantRef, TenantRef], Awaitable[None]]
CHECKS: dict[str, Check] = {}


def check(name: str) -> Callable[[Check], Check]:
    def register(function: Check) -> Check:
        CHECKS[name] = function
        return function

    return register


@check("people.find_person")
async def _(s: Any, acme: TenantRef, other: TenantRef, empty: TenantRef) -> None:
    assert (
        some(await people.find_person(s, tenant=other, email="ana.silva@example.com")).name
        == "Ana Other"
    )
    assert await people.find_person(s, tenant=other, email="nadia.roux@example.com") is None
    assert await people.find_person(s, tenant=empty, email="ana.silva@example.com") is None


@check("people.people_by_email")
async def _(s: Any, acme: TenantRef, other: TenantRef, empty: TenantRef) -> None:
    found = await people.people_by_email(
        s, tenant=other, emails=["ana.silva@example.com", "nadia.roux@example.com"]
    )
    assert {e: p.name for e, p in found.items()} == {"ana.silva@example.com": "Ana Other"}
    assert await people.people_by_email(s, tenant=empty, emails=["ana.silva@example.com"]) == {}


@check("people.list_people")
async def _(s: Any, acme: TenantRef, other: TenantRef, empty: TenantRef) -> None:
    assert {p.email for p in await people.list_people(s, tenant=other)} == {
        "ana.silva@example.com",
        "bo.lee@other.example",
    }
    assert await people.list_people(s, tenant=empty) == []


@check("people.count_people")
async def _(s: Any, acme: TenantRef, other: TenantRef, empty: TenantRef) -> None:
    assert await people.count_people(s, tenant=acme) == 15
    assert await people.count_people(s, tenant=other) == 2
    assert await people.count_people(s, tenant=empty) == 0


@check("people.upsert_people")
async def _(s: Any, acme: TenantRef, other: TenantRef, empty: TenantRef) -> None:
    record = PersonRecord(email="ana.silva@example.com", name="Ana Renamed", timezone="UTC")
    counts = await people.upsert_people(s, tenant=other, records=[record])
    assert counts.updated == 1
    assert (
        some(await people.find_person(s, tenant=acme, email="ana.silva@example.com")).name
        == "Ana Silva"
    )
    assert (await people.upsert_people(s, tenant=empty, records=[record])).created == 1


@check("people.link_identity")
async def _(s: Any, acme: TenantRef, other: TenantRef, empty: TenantRef) -> None:
    assert await people.link_identity(
        s, tenant=acme, email="ana.silva@example.com", platform="slack", platform_user_id="U1"
    )
    assert not await people.link_identity(
        s, tenant=other, email="nadia.roux@example.com", platform="slack", platform_user_id="U1"
    )


@check("people.find_person_by_identity")
async def _(s: Any, acme: TenantRef, other: TenantRef, empty: TenantRef) -> None:
    await people.link_identity(
        s, tenant=acme, email="ana.silva@example.com", platform="slack", platform_user_id="U9"
    )
    await people.link_identity(
        s, tenant=other, email="ana.silva@example.com", platform="slack", platform_user_id="U9"
    )
    mine = await people.find_person_by_identity(
        s, tenant=acme, platform="slack", platform_user_id="U9"
    )
    theirs = await people.find_person_by_identity(
        s, tenant=other, platform="slack", platform_user_id="U9"
    )
    assert (some(mine).name, some(theirs).name) == ("Ana Silva", "Ana Other")
    assert (
        await people.find_person_by_identity(
            s, tenant=empty, platform="slack", platform_user_id="U9"
        )
        is None
    )


@check("raci.topic_keys")
async def _(s: Any, acme: TenantRef, other: TenantRef, empty: TenantRef) -> None:
    keys = await raci.topic_keys(s, tenant=other)
    assert [(k.slug, k.title, k.aliases) for k in keys] == [
        ("domain-names", "Other domains", ("dns",))
    ]
    assert await raci.topic_keys(s, tenant=empty) == []


@check("raci.get_topic")
async def _(s: Any, acme: TenantRef, other: TenantRef, empty: TenantRef) -> None:
    theirs = some(await raci.get_topic(s, tenant=other, slug="domain-names"))
    mine = some(await raci.get_topic(s, tenant=acme, slug="domain-names"))
    assert [p.email for p in theirs.roles[Role.RESPONSIBLE]] == ["bo.lee@other.example"]
    assert [p.name for p in mine.roles[Role.RESPONSIBLE]] == ["Ana Silva"]
    assert theirs.roles[Role.INFORMED] == ()
    assert await raci.get_topic(s, tenant=other, slug="customer-data") is None
    assert await raci.get_topic(s, tenant=empty, slug="domain-names") is None


@check("raci.export_topics")
async def _(s: Any, acme: TenantRef, other: TenantRef, empty: TenantRef) -> None:
    exported = await raci.export_topics(s, tenant=other)
    assert [(t.slug, t.accountable) for t in exported] == [
        ("domain-names", ("bo.lee@other.example",))
    ]
    assert await raci.export_topics(s, tenant=empty) == []


@check("raci.set_role")
async def _(s: Any, acme: TenantRef, other: TenantRef, empty: TenantRef) -> None:
    change = await raci.set_role(
        s,
        tenant=other,
        slug="domain-names",
        role=Role.CONSULTED,
        emails=["ana.silva@example.com"],
        changed_by="bo.lee@other.example",
        at=NOW,
    )
    assert change is not None
    mine = some(await raci.get_topic(s, tenant=acme, slug="domain-names"))
    assert [p.email for p in mine.roles[Role.CONSULTED]] == ["camille.durand@example.com"]
    with pytest.raises(LookupError):  # acme's people are not the other tenant's
        await raci.set_role(
            s,
            tenant=other,
            slug="domain-names",
            role=Role.INFORMED,
            emails=["nadia.roux@example.com"],
            changed_by="bo.lee@other.example",
            at=NOW,
        )
    with pytest.raises(LookupError):
        await raci.set_role(
            s,
            tenant=empty,
            slug="domain-names",
            role=Role.INFORMED,
            emails=[],
            changed_by="x",
            at=NOW,
        )


@check("raci.topic_history")
async def _(s: Any, acme: TenantRef, other: TenantRef, empty: TenantRef) -> None:
    await raci.set_role(
        s,
        tenant=acme,
        slug="domain-names",
        role=Role.INFORMED,
        emails=["nadia.roux@example.com"],
        changed_by="nadia.roux@example.com",
        at=NOW,
    )
    assert len(await raci.topic_history(s, tenant=acme, slug="domain-names")) == 1
    assert await raci.topic_history(s, tenant=other, slug="domain-names") == []
    assert await raci.topic_history(s, tenant=empty, slug="domain-names") == []


@check("raci.upsert_topics")
async def _(s: Any, acme: TenantRef, other: TenantRef, empty: TenantRef) -> None:
    record = TopicRecord(
        slug="domain-names",
        title="Renamed elsewhere",
        responsible=("ana.silva@example.com",),
        accountable=("bo.lee@other.example",),
    )
    assert (await raci.upsert_topics(s, tenant=other, records=[record], at=NOW)).updated == 1
    assert (
        some(await raci.get_topic(s, tenant=acme, slug="domain-names")).title
        == "Domain names and DNS"
    )


@check("guardrails.list_rules")
async def _(s: Any, acme: TenantRef, other: TenantRef, empty: TenantRef) -> None:
    assert len(await guardrails.list_rules(s, tenant=acme)) == 18
    assert await guardrails.list_rules(s, tenant=other) == []


@check("guardrails.list_tools")
async def _(s: Any, acme: TenantRef, other: TenantRef, empty: TenantRef) -> None:
    assert len(await guardrails.list_tools(s, tenant=acme)) == 10
    assert await guardrails.list_tools(s, tenant=other) == []


@check("guardrails.upsert_rules")
async def _(s: Any, acme: TenantRef, other: TenantRef, empty: TenantRef) -> None:
    rule = RuleRecord(
        id="new-domain",
        title="Their rule",
        topic="domain-names",
        sensitivity="public",
        verdict="forbidden",
        answer="No.",
    )
    assert (await guardrails.upsert_rules(s, tenant=other, records=[rule])).created == 1
    mine = {r.id: r for r in await guardrails.list_rules(s, tenant=acme)}
    assert mine["new-domain"].verdict == "approval"


@check("guardrails.upsert_tools")
async def _(s: Any, acme: TenantRef, other: TenantRef, empty: TenantRef) -> None:
    tool = ToolRecord(name="Mailchimp", status="approved")
    assert (await guardrails.upsert_tools(s, tenant=other, records=[tool])).created == 1
    mine = {t.name: t for t in await guardrails.list_tools(s, tenant=acme)}
    assert mine["Mailchimp"].status == "banned"


@check("guardrails.mark_reviewed")
async def _(s: Any, acme: TenantRef, other: TenantRef, empty: TenantRef) -> None:
    assert (
        await guardrails.mark_reviewed(s, tenant=other, rule_id="new-domain", on=NOW.date()) is None
    )
    mine = {r.id: r for r in await guardrails.list_rules(s, tenant=acme)}
    assert mine["new-domain"].last_reviewed != NOW.date()


async def _request(s: Any, tenant: TenantRef) -> int:
    found = await approvals.add_request(
        s,
        tenant=tenant,
        rule_key="new-domain",
        rule_title="Registering a domain name",
        topic_slug="domain-names",
        requester_email="hugo.bernard@example.com",
        approver_email="nadia.roux@example.com",
        what="buy spring.example",
        why="campaign",
        how_long="3 months",
        question="",
        tool_name=None,
        at=NOW,
        next_check_at=NOW,
    )
    return found.id


@check("approvals.add_request")
async def _(s: Any, acme: TenantRef, other: TenantRef, empty: TenantRef) -> None:
    request_id = await _request(s, other)
    assert await approvals.list_requests(s, tenant=acme) == []
    assert [r.id for r in await approvals.list_requests(s, tenant=other)] == [request_id]


@check("approvals.get_request")
async def _(s: Any, acme: TenantRef, other: TenantRef, empty: TenantRef) -> None:
    request_id = await _request(s, acme)
    assert await approvals.get_request(s, tenant=other, request_id=request_id) is None
    assert some(await approvals.get_request(s, tenant=acme, request_id=request_id)).is_pending


@check("approvals.list_requests")
async def _(s: Any, acme: TenantRef, other: TenantRef, empty: TenantRef) -> None:
    await _request(s, acme)
    email = "nadia.roux@example.com"
    assert await approvals.list_requests(s, tenant=other, decider=email) == []
    assert len(await approvals.list_requests(s, tenant=acme, decider=email)) == 1


@check("approvals.close_request")
async def _(s: Any, acme: TenantRef, other: TenantRef, empty: TenantRef) -> None:
    request_id = await _request(s, acme)
    closed = await approvals.close_request(
        s, tenant=other, request_id=request_id, status="approved", by="x@y", at=NOW
    )
    assert closed is False
    assert some(await approvals.get_request(s, tenant=acme, request_id=request_id)).is_pending


@check("approvals.escalate_request")
async def _(s: Any, acme: TenantRef, other: TenantRef, empty: TenantRef) -> None:
    request_id = await _request(s, acme)
    assert not await approvals.escalate_request(
        s, tenant=other, request_id=request_id, to="x@y", at=NOW
    )
    assert some(await approvals.get_request(s, tenant=acme, request_id=request_id)).level == 0


@check("approvals.add_event")
async def _(s: Any, acme: TenantRef, other: TenantRef, empty: TenantRef) -> None:
    request_id = await _request(s, acme)
    await approvals.add_event(
        s, tenant=acme, request_id=request_id, kind="question", actor_email=None, detail="?", at=NOW
    )
    assert await approvals.request_events(s, tenant=other, request_id=request_id) == []


@check("approvals.request_events")
async def _(s: Any, acme: TenantRef, other: TenantRef, empty: TenantRef) -> None:
    request_id = await _request(s, acme)
    assert await approvals.request_events(s, tenant=other, request_id=request_id) == []
    kinds = [e.kind for e in await approvals.request_events(s, tenant=acme, request_id=request_id)]
    assert kinds == ["requested"]


@check("approvals.set_request_check")
async def _(s: Any, acme: TenantRef, other: TenantRef, empty: TenantRef) -> None:
    request_id = await _request(s, acme)
    await approvals.set_request_check(s, tenant=other, request_id=request_id, at=None)
    assert some(await approvals.get_request(s, tenant=acme, request_id=request_id)).next_check_at


@check("approvals.due_requests")
async def _(s: Any, acme: TenantRef, other: TenantRef, empty: TenantRef) -> None:
    await _request(s, acme)
    assert await approvals.due_requests(s, tenant=other, at=NOW) == []
    assert len(await approvals.due_requests(s, tenant=acme, at=NOW)) == 1


@check("approvals.next_request_checks")
async def _(s: Any, acme: TenantRef, other: TenantRef, empty: TenantRef) -> None:
    request_id = await _request(s, acme)
    later = NOW + timedelta(hours=1)
    await approvals.set_request_check(s, tenant=acme, request_id=request_id, at=later)
    window = {"start": NOW, "end": NOW + timedelta(days=1)}
    assert await approvals.next_request_checks(s, tenant=other, **window) == []
    assert await approvals.next_request_checks(s, tenant=acme, **window) == [later]


@check("approvals.save_message")
async def _(s: Any, acme: TenantRef, other: TenantRef, empty: TenantRef) -> None:
    request_id = await _request(s, acme)
    await approvals.save_message(
        s,
        tenant=acme,
        request_id=request_id,
        recipient_email="nadia.roux@example.com",
        conversation_id="D1",
        conversation_kind="direct",
        reference=None,
        message_id="1.2",
    )
    assert await approvals.request_messages(s, tenant=other, request_id=request_id) == []
    assert len(await approvals.request_messages(s, tenant=acme, request_id=request_id)) == 1


@check("approvals.request_messages")
async def _(s: Any, acme: TenantRef, other: TenantRef, empty: TenantRef) -> None:
    request_id = await _request(s, acme)
    assert await approvals.request_messages(s, tenant=other, request_id=request_id) == []


async def _question(s: Any, tenant: TenantRef) -> int:
    found = await approvals.add_question(
        s,
        tenant=tenant,
        text="can I book a room?",
        asker_email="hugo.bernard@example.com",
        routed_to="",
        closest_rule=None,
        at=NOW,
    )
    return found.id


@check("approvals.add_question")
async def _(s: Any, acme: TenantRef, other: TenantRef, empty: TenantRef) -> None:
    await _question(s, other)
    assert await approvals.list_questions(s, tenant=acme) == []


@check("approvals.list_questions")
async def _(s: Any, acme: TenantRef, other: TenantRef, empty: TenantRef) -> None:
    question_id = await _question(s, acme)
    assert await approvals.list_questions(s, tenant=other) == []
    assert [q.id for q in await approvals.list_questions(s, tenant=acme)] == [question_id]


@check("approvals.close_questions")
async def _(s: Any, acme: TenantRef, other: TenantRef, empty: TenantRef) -> None:
    question_id = await _question(s, acme)
    assert await approvals.close_questions(s, tenant=other, ids=[question_id], by="x", at=NOW) == 0
    assert len(await approvals.list_questions(s, tenant=acme)) == 1


@check("approvals.get_question")
async def _(s: Any, acme: TenantRef, other: TenantRef, empty: TenantRef) -> None:
    question_id = await _question(s, acme)
    assert await approvals.get_question(s, tenant=other, question_id=question_id) is None
    found = await approvals.get_question(s, tenant=acme, question_id=question_id)
    assert found is not None and found.text == "can I book a room?"


@check("approvals.file_question")
async def _(s: Any, acme: TenantRef, other: TenantRef, empty: TenantRef) -> None:
    question_id = await _question(s, acme)
    filed = await approvals.file_question(
        s, tenant=other, question_id=question_id, rule_key="rooms", by="x", at=NOW
    )
    assert not filed
    assert await approvals.learned_examples(s, tenant=acme) == {}
    assert len(await approvals.list_questions(s, tenant=acme)) == 1


@check("approvals.learned_examples")
async def _(s: Any, acme: TenantRef, other: TenantRef, empty: TenantRef) -> None:
    question_id = await _question(s, acme)
    filed = await approvals.file_question(
        s, tenant=acme, question_id=question_id, rule_key="rooms", by="x", at=NOW
    )
    assert filed
    assert await approvals.learned_examples(s, tenant=other) == {}
    assert await approvals.learned_examples(s, tenant=acme) == {"rooms": ["can I book a room?"]}


@check("tenants.find_tenant")
async def _(s: Any, acme: TenantRef, other: TenantRef, empty: TenantRef) -> None:
    assert (await tenants.find_tenant(s, key=TenantKey.parse("slack:T0OTHER"))) == other
    assert await tenants.find_tenant(s, key=TenantKey.parse("slack:T0NOBODY")) is None


@check("tenants.ensure_tenant")
async def _(s: Any, acme: TenantRef, other: TenantRef, empty: TenantRef) -> None:
    assert await tenants.ensure_tenant(s, key=TenantKey.parse("acme")) == acme
    created = await tenants.ensure_tenant(s, key=TenantKey.parse("slack:T0THIRD"))
    assert created.id not in {acme.id, other.id, empty.id}


@check("tenants.raci_revision")
async def _(s: Any, acme: TenantRef, other: TenantRef, empty: TenantRef) -> None:
    assert await tenants.raci_revision(s, tenant=empty) == 0
    assert await tenants.raci_revision(s, tenant=acme) > 0


@check("tenants.bump_raci_revision")
async def _(s: Any, acme: TenantRef, other: TenantRef, empty: TenantRef) -> None:
    before = await tenants.raci_revision(s, tenant=acme)
    await tenants.bump_raci_revision(s, tenant=other)
    assert await tenants.raci_revision(s, tenant=acme) == before


@check("tenants.set_disabled")
async def _(s: Any, acme: TenantRef, other: TenantRef, empty: TenantRef) -> None:
    await tenants.set_disabled(s, tenant=other, disabled=True)
    assert some(await tenants.find_tenant(s, key=TenantKey.parse("slack:T0OTHER"))).disabled
    assert not some(await tenants.find_tenant(s, key=TenantKey.parse("acme"))).disabled


@check("slack.save_installation")
async def _(s: Any, acme: TenantRef, other: TenantRef, empty: TenantRef) -> None:
    await slack.save_installation(
        s,
        tenant=other,
        record=SlackInstallationRecord(bot_token="xoxb-other", team_id="T0OTHER"),
        cipher=CIPHER,
    )
    assert await slack.find_installation(s, tenant=acme, cipher=CIPHER) is None
    assert await slack.find_installation(s, tenant=empty, cipher=CIPHER) is None


@check("slack.find_installation")
async def _(s: Any, acme: TenantRef, other: TenantRef, empty: TenantRef) -> None:
    await slack.save_installation(
        s, tenant=acme, record=SlackInstallationRecord(bot_token="xoxb-a"), cipher=CIPHER
    )
    await slack.save_installation(
        s, tenant=other, record=SlackInstallationRecord(bot_token="xoxb-o"), cipher=CIPHER
    )
    assert some(await slack.find_installation(s, tenant=other, cipher=CIPHER)).bot_token == "xoxb-o"
    assert some(await slack.find_installation(s, tenant=acme, cipher=CIPHER)).bot_token == "xoxb-a"


@check("slack.delete_installation")
async def _(s: Any, acme: TenantRef, other: TenantRef, empty: TenantRef) -> None:
    await slack.save_installation(
        s, tenant=acme, record=SlackInstallationRecord(bot_token="xoxb-a"), cipher=CIPHER
    )
    await slack.delete_installation(s, tenant=other)
    await slack.delete_installation(s, tenant=empty)
    assert some(await slack.find_installation(s, tenant=acme, cipher=CIPHER)).bot_token == "xoxb-a"


@check("slack.claim_event")
async def _(s: Any, acme: TenantRef, other: TenantRef, empty: TenantRef) -> None:
    assert await slack.claim_event(s, tenant=acme, event_id="Ev1", at=NOW)
    assert await slack.claim_event(s, tenant=other, event_id="Ev1", at=NOW)
    assert not await slack.claim_event(s, tenant=acme, event_id="Ev1", at=NOW)


@check("teams.claim_welcome")
async def _(s: Any, acme: TenantRef, other: TenantRef, empty: TenantRef) -> None:
    assert await teams.claim_welcome(s, tenant=acme, conversation_id="a:1", at=NOW)
    assert await teams.claim_welcome(s, tenant=other, conversation_id="a:1", at=NOW)
    assert not await teams.claim_welcome(s, tenant=acme, conversation_id="a:1", at=NOW)


@check("teams.save_reference")
async def _(s: Any, acme: TenantRef, other: TenantRef, empty: TenantRef) -> None:
    await teams.save_reference(
        s, tenant=other, kind="personal", key="aad-1", reference="{}", at=NOW
    )
    assert await teams.find_reference(s, tenant=acme, kind="personal", key="aad-1") is None


@check("teams.find_reference")
async def _(s: Any, acme: TenantRef, other: TenantRef, empty: TenantRef) -> None:
    await teams.save_reference(s, tenant=acme, kind="personal", key="aad-1", reference="A", at=NOW)
    await teams.save_reference(s, tenant=other, kind="personal", key="aad-1", reference="O", at=NOW)
    assert await teams.find_reference(s, tenant=acme, kind="personal", key="aad-1") == "A"
    assert await teams.find_reference(s, tenant=other, kind="personal", key="aad-1") == "O"
    assert await teams.find_reference(s, tenant=empty, kind="personal", key="aad-1") is None


@check("teams.any_reference")
async def _(s: Any, acme: TenantRef, other: TenantRef, empty: TenantRef) -> None:
    await teams.save_reference(
        s, tenant=acme, kind="conversation", key="a:1", reference="A", at=NOW
    )
    assert await teams.any_reference(s, tenant=other) is None
    assert await teams.any_reference(s, tenant=empty) is None
    assert await teams.any_reference(s, tenant=acme) == "A"


def _settings(name: str, *emails: str) -> StandupSettings:
    return StandupSettings(
        name=name,
        member_emails=emails,
        questions=(),
        days=(0, 1, 2, 3, 4),
        slots=(("09:30", "12:00"),),
        timezone="Europe/Paris",
    )


async def _standup(s: Any, tenant: TenantRef, name: str = "Daily") -> int:
    return await standups.create_standup(
        s,
        tenant=tenant,
        settings=_settings(name, "ana.silva@example.com"),
        channel=ChannelAddress(id="C1"),
        owner_email="ana.silva@example.com",
        at=NOW,
    )


async def _person_id(s: Any, tenant: TenantRef, email: str = "ana.silva@example.com") -> int:
    return some(some(await people.find_person(s, tenant=tenant, email=email)).id)


async def _run(s: Any, tenant: TenantRef) -> int:
    standup_id = await _standup(s, tenant)
    run = await standups.ensure_run(
        s, tenant=tenant, standup_id=standup_id, run_date=NOW.date(), slot=0, cutoff_at=NOW
    )
    return run.id


@check("tenants.all_tenants")
async def _(s: Any, acme: TenantRef, other: TenantRef, empty: TenantRef) -> None:
    assert {t.id for t in await tenants.all_tenants(s)} == {acme.id, other.id, empty.id}
    await tenants.set_disabled(s, tenant=other, disabled=True)
    assert other.id not in {t.id for t in await tenants.all_tenants(s)}


@check("standups.create_standup")
async def _(s: Any, acme: TenantRef, other: TenantRef, empty: TenantRef) -> None:
    await _standup(s, other)
    assert await standups.list_standups(s, tenant=acme) == []
    with pytest.raises(standups.UnknownPeople):  # people of another tenant are unknown here
        await standups.create_standup(
            s,
            tenant=empty,
            settings=_settings("X", "ana.silva@example.com"),
            channel=ChannelAddress(id="C1"),
            owner_email="x@example.com",
            at=NOW,
        )


@check("standups.list_standups")
async def _(s: Any, acme: TenantRef, other: TenantRef, empty: TenantRef) -> None:
    await _standup(s, acme, "Acme daily")
    await _standup(s, other, "Other daily")
    (mine,) = await standups.list_standups(s, tenant=other)
    assert mine.name == "Other daily"
    assert [m.name for m in mine.members] == ["Ana Other"]
    assert await standups.list_standups(s, tenant=empty) == []


@check("standups.get_standup")
async def _(s: Any, acme: TenantRef, other: TenantRef, empty: TenantRef) -> None:
    standup_id = await _standup(s, acme)
    assert await standups.get_standup(s, tenant=other, standup_id=standup_id) is None
    assert some(await standups.get_standup(s, tenant=acme, standup_id=standup_id)).name == "Daily"


@check("standups.update_standup")
async def _(s: Any, acme: TenantRef, other: TenantRef, empty: TenantRef) -> None:
    standup_id = await _standup(s, acme)
    changed = _settings("Hijacked", "ana.silva@example.com")
    assert not await standups.update_standup(
        s, tenant=other, standup_id=standup_id, settings=changed
    )
    assert some(await standups.get_standup(s, tenant=acme, standup_id=standup_id)).name == "Daily"


@check("standups.set_state")
async def _(s: Any, acme: TenantRef, other: TenantRef, empty: TenantRef) -> None:
    standup_id = await _standup(s, acme)
    assert not await standups.set_state(s, tenant=other, standup_id=standup_id, deleted=True)
    assert not some(await standups.get_standup(s, tenant=acme, standup_id=standup_id)).deleted


@check("standups.ensure_run")
async def _(s: Any, acme: TenantRef, other: TenantRef, empty: TenantRef) -> None:
    run_id = await _run(s, acme)
    assert await standups.get_run(s, tenant=other, run_id=run_id) is None


@check("standups.find_run")
async def _(s: Any, acme: TenantRef, other: TenantRef, empty: TenantRef) -> None:
    run_id = await _run(s, acme)
    run = some(await standups.get_run(s, tenant=acme, run_id=run_id))
    found = await standups.find_run(
        s, tenant=other, standup_id=run.standup_id, run_date=run.run_date, slot=0
    )
    assert found is None


@check("standups.get_run")
async def _(s: Any, acme: TenantRef, other: TenantRef, empty: TenantRef) -> None:
    run_id = await _run(s, acme)
    assert some(await standups.get_run(s, tenant=acme, run_id=run_id)).id == run_id
    assert await standups.get_run(s, tenant=empty, run_id=run_id) is None


@check("standups.update_run")
async def _(s: Any, acme: TenantRef, other: TenantRef, empty: TenantRef) -> None:
    run_id = await _run(s, acme)
    await standups.update_run(s, tenant=other, run_id=run_id, summary_id="stolen", closed=True)
    run = some(await standups.get_run(s, tenant=acme, run_id=run_id))
    assert (run.summary_id, run.closed) == (None, False)


@check("standups.runs_between")
async def _(s: Any, acme: TenantRef, other: TenantRef, empty: TenantRef) -> None:
    run_id = await _run(s, acme)
    run = some(await standups.get_run(s, tenant=acme, run_id=run_id))
    day = run.run_date
    assert (
        await standups.runs_between(s, tenant=other, standup_id=run.standup_id, first=day, last=day)
        == []
    )


@check("standups.save_answer")
async def _(s: Any, acme: TenantRef, other: TenantRef, empty: TenantRef) -> None:
    run_id = await _run(s, acme)
    ana = await _person_id(s, acme)
    await standups.save_answer(
        s, tenant=acme, run_id=run_id, person_id=ana, answers=["a"], complete=True, at=NOW
    )
    with pytest.raises(NotInTenant):  # another tenant's run and person
        await standups.save_answer(
            s, tenant=other, run_id=run_id, person_id=ana, answers=["x"], complete=True, at=NOW
        )
    (mine,) = await standups.run_answers(s, tenant=acme, run_id=run_id)
    assert mine.answers == ("a",)


@check("standups.set_answer_message")
async def _(s: Any, acme: TenantRef, other: TenantRef, empty: TenantRef) -> None:
    run_id = await _run(s, acme)
    answer = await standups.save_answer(
        s,
        tenant=acme,
        run_id=run_id,
        person_id=await _person_id(s, acme),
        answers=["a"],
        complete=True,
        at=NOW,
    )
    await standups.set_answer_message(s, tenant=other, answer_id=answer.id, message_id="m")
    (mine,) = await standups.run_answers(s, tenant=acme, run_id=run_id)
    assert mine.message_id is None


@check("standups.run_answers")
async def _(s: Any, acme: TenantRef, other: TenantRef, empty: TenantRef) -> None:
    run_id = await _run(s, acme)
    await standups.save_answer(
        s,
        tenant=acme,
        run_id=run_id,
        person_id=await _person_id(s, acme),
        answers=["a"],
        complete=True,
        at=NOW,
    )
    assert await standups.run_answers(s, tenant=other, run_id=run_id) == []


@check("standups.answers_of")
async def _(s: Any, acme: TenantRef, other: TenantRef, empty: TenantRef) -> None:
    run_id = await _run(s, acme)
    ana = await _person_id(s, acme)
    await standups.save_answer(
        s, tenant=acme, run_id=run_id, person_id=ana, answers=["a"], complete=True, at=NOW
    )
    day = NOW.date()
    assert await standups.answers_of(s, tenant=other, person_id=ana, first=day, last=day) == []
    assert len(await standups.answers_of(s, tenant=acme, person_id=ana, first=day, last=day)) == 1


@check("availability.add_time_off")
async def _(s: Any, acme: TenantRef, other: TenantRef, empty: TenantRef) -> None:
    ana = await _person_id(s, acme)
    with pytest.raises(NotInTenant):
        await availability.add_time_off(
            s, tenant=other, person_id=ana, first=NOW.date(), last=NOW.date()
        )
    assert await availability.time_off(s, tenant=acme, person_ids=[ana], since=NOW.date()) == {}


@check("availability.time_off")
async def _(s: Any, acme: TenantRef, other: TenantRef, empty: TenantRef) -> None:
    ana = await _person_id(s, acme)
    await availability.add_time_off(
        s, tenant=acme, person_id=ana, first=NOW.date(), last=NOW.date()
    )
    assert await availability.time_off(s, tenant=other, person_ids=[ana], since=NOW.date()) == {}
    assert await availability.time_off(s, tenant=acme, person_ids=[ana], since=NOW.date())


@check("availability.cancel_time_off")
async def _(s: Any, acme: TenantRef, other: TenantRef, empty: TenantRef) -> None:
    ana = await _person_id(s, acme)
    day = NOW.date()
    await availability.add_time_off(s, tenant=acme, person_id=ana, first=day, last=day)
    gone = await availability.cancel_time_off(s, tenant=other, person_id=ana, day=day, since=day)
    assert gone is None
    assert await availability.time_off(s, tenant=acme, person_ids=[ana], since=day)
    taken = await availability.cancel_time_off(s, tenant=acme, person_id=ana, day=day, since=day)
    assert taken == (day, day)


@check("availability.set_work_days")
async def _(s: Any, acme: TenantRef, other: TenantRef, empty: TenantRef) -> None:
    standup_id = await _standup(s, acme)
    ana = await _person_id(s, acme)
    with pytest.raises(NotInTenant):
        await availability.set_work_days(s, tenant=other, person_id=ana, days=[5, 6])
    standup = some(await standups.get_standup(s, tenant=acme, standup_id=standup_id))
    assert standup.members[0].work_days == (0, 1, 2, 3, 4)


async def _console_message(s: Any, tenant: TenantRef, to: str = "dm:ana.silva@example.com") -> int:
    kind = "direct" if to.startswith("dm:") else "channel"
    return await console.post_message(
        s,
        tenant=tenant,
        conversation_id=to,
        conversation_kind=kind,
        thread=None,
        reply={"text": "hello"},
        at=NOW,
    )


@check("console.post_message")
async def _(s: Any, acme: TenantRef, other: TenantRef, empty: TenantRef) -> None:
    theirs = await _console_message(s, acme)
    mine = await console.post_message(
        s,
        tenant=other,
        conversation_id="dm:ana.silva@example.com",
        conversation_kind="direct",
        thread=None,
        reply={"text": "an update of acme's message?"},
        at=NOW,
        replaces=theirs,
    )
    (kept,) = await console.messages_for(s, tenant=other, email="ana.silva@example.com", after=0)
    assert kept.id == mine and kept.replaces is None  # not an update of acme's message
    (acme_own,) = await console.messages_for(s, tenant=acme, email="ana.silva@example.com", after=0)
    assert acme_own.reply == {"text": "hello"}


@check("console.messages_for")
async def _(s: Any, acme: TenantRef, other: TenantRef, empty: TenantRef) -> None:
    await _console_message(s, acme)
    await _console_message(s, acme, to="it-escalations")
    ana = "ana.silva@example.com"
    assert await console.messages_for(s, tenant=other, email=ana, after=0, since=NOW) == []
    assert await console.messages_for(s, tenant=empty, email=ana, after=0) == []
    assert len(await console.messages_for(s, tenant=acme, email=ana, after=0)) == 2


@check("console.last_seen")
async def _(s: Any, acme: TenantRef, other: TenantRef, empty: TenantRef) -> None:
    ana = "ana.silva@example.com"
    await console.mark_seen(s, tenant=acme, email=ana, upto=await _console_message(s, acme), at=NOW)
    assert await console.last_seen(s, tenant=other, email=ana) == 0
    assert await console.last_seen(s, tenant=acme, email=ana) > 0


@check("console.mark_seen")
async def _(s: Any, acme: TenantRef, other: TenantRef, empty: TenantRef) -> None:
    ana = "ana.silva@example.com"
    await console.mark_seen(s, tenant=other, email=ana, upto=10**6, at=NOW)
    assert await console.last_seen(s, tenant=acme, email=ana) == 0
    assert await console.last_seen(s, tenant=other, email=ana) == 10**6


@check("console.add_members")
async def _(s: Any, acme: TenantRef, other: TenantRef, empty: TenantRef) -> None:
    await _console_message(s, acme, to="planning")
    await console.add_members(
        s, tenant=other, channel_id="planning", emails=["ana.silva@example.com"], at=NOW
    )
    # acme's channel still has no members of its own: everyone of acme reads it
    assert await console.messages_for(s, tenant=acme, email="nadia.roux@example.com", after=0)
    await console.add_members(
        s, tenant=acme, channel_id="planning", emails=["ana.silva@example.com"], at=NOW
    )
    assert not await console.messages_for(s, tenant=acme, email="nadia.roux@example.com", after=0)
    assert await console.messages_for(s, tenant=acme, email="ana.silva@example.com", after=0)


@check("blockers.add_blocker")
async def _(s: Any, acme: TenantRef, other: TenantRef, empty: TenantRef) -> None:
    await blockers.add_blocker(
        s,
        tenant=other,
        text="no CMS access",
        reporter_email="ana.silva@example.com",
        source="command",
        at=NOW,
    )
    assert await blockers.list_blockers(s, tenant=acme) == []


@check("blockers.list_blockers")
async def _(s: Any, acme: TenantRef, other: TenantRef, empty: TenantRef) -> None:
    await blockers.add_blocker(
        s,
        tenant=acme,
        text="no CMS access",
        reporter_email="ana.silva@example.com",
        source="command",
        at=NOW,
    )
    assert await blockers.list_blockers(s, tenant=other) == []
    assert len(await blockers.list_blockers(s, tenant=acme, status="open")) == 1


@check("blockers.withdraw_standup_blocker")
async def _(s: Any, acme: TenantRef, other: TenantRef, empty: TenantRef) -> None:
    run_id = await _run(s, acme)
    await blockers.add_blocker(
        s,
        tenant=acme,
        text="stuck",
        reporter_email="ana.silva@example.com",
        source="standup",
        at=NOW,
        standup_run_id=run_id,
    )
    await blockers.withdraw_standup_blocker(
        s, tenant=other, standup_run_id=run_id, reporter_email="ana.silva@example.com"
    )
    assert (await blockers.list_blockers(s, tenant=acme))[0].status == "open"


async def _open_blocker(s: Any, tenant: TenantRef) -> int:
    found = await blockers.add_blocker(
        s,
        tenant=tenant,
        text="no CMS access",
        reporter_email="ana.silva@example.com",
        source="command",
        at=NOW,
    )
    return found.id


@check("blockers.get_blocker")
async def _(s: Any, acme: TenantRef, other: TenantRef, empty: TenantRef) -> None:
    blocker_id = await _open_blocker(s, acme)
    assert await blockers.get_blocker(s, tenant=other, blocker_id=blocker_id) is None
    assert some(await blockers.get_blocker(s, tenant=acme, blocker_id=blocker_id)).is_open


@check("blockers.route_blocker")
async def _(s: Any, acme: TenantRef, other: TenantRef, empty: TenantRef) -> None:
    blocker_id = await _open_blocker(s, acme)
    moved = await blockers.route_blocker(
        s,
        tenant=other,
        blocker_id=blocker_id,
        topic_slug="domain-names",
        owner_email="bo.lee@other.example",
        at=NOW,
        next_check_at=NOW,
        kind="routed",
    )
    assert moved is None
    assert some(await blockers.get_blocker(s, tenant=acme, blocker_id=blocker_id)).routing == 0


@check("blockers.acknowledge_blocker")
async def _(s: Any, acme: TenantRef, other: TenantRef, empty: TenantRef) -> None:
    blocker_id = await _open_blocker(s, acme)
    assert (
        await blockers.acknowledge_blocker(
            s, tenant=other, blocker_id=blocker_id, by_email="x@y", at=NOW, next_check_at=None
        )
        is None
    )
    found = some(await blockers.get_blocker(s, tenant=acme, blocker_id=blocker_id))
    assert found.acknowledged_at is None


@check("blockers.resolve_blocker")
async def _(s: Any, acme: TenantRef, other: TenantRef, empty: TenantRef) -> None:
    blocker_id = await _open_blocker(s, acme)
    assert (
        await blockers.resolve_blocker(
            s, tenant=other, blocker_id=blocker_id, by_email="x@y", note="", at=NOW
        )
        is None
    )
    assert some(await blockers.get_blocker(s, tenant=acme, blocker_id=blocker_id)).is_open


@check("blockers.escalated")
async def _(s: Any, acme: TenantRef, other: TenantRef, empty: TenantRef) -> None:
    blocker_id = await _open_blocker(s, acme)
    assert not await blockers.escalated(
        s, tenant=other, blocker_id=blocker_id, level=2, at=NOW, recipients=["x@y"]
    )
    assert some(await blockers.get_blocker(s, tenant=acme, blocker_id=blocker_id)).level == 0


@check("blockers.set_next_check")
async def _(s: Any, acme: TenantRef, other: TenantRef, empty: TenantRef) -> None:
    blocker_id = await _open_blocker(s, acme)
    await blockers.set_next_check(s, tenant=other, checks={blocker_id: NOW})
    found = some(await blockers.get_blocker(s, tenant=acme, blocker_id=blocker_id))
    assert found.next_check_at is None


@check("blockers.blocker_events")
async def _(s: Any, acme: TenantRef, other: TenantRef, empty: TenantRef) -> None:
    blocker_id = await _open_blocker(s, acme)
    assert await blockers.blocker_events(s, tenant=other, blocker_id=blocker_id) == []
    events = await blockers.blocker_events(s, tenant=acme, blocker_id=blocker_id)
    assert [e.kind for e in events] == ["raised"]


@check("blockers.due_blockers")
async def _(s: Any, acme: TenantRef, other: TenantRef, empty: TenantRef) -> None:
    blocker_id = await _open_blocker(s, acme)
    await blockers.set_next_check(s, tenant=acme, checks={blocker_id: NOW})
    assert await blockers.due_blockers(s, tenant=other, at=NOW) == []
    assert [b.id for b in await blockers.due_blockers(s, tenant=acme, at=NOW)] == [blocker_id]


@check("blockers.next_checks")
async def _(s: Any, acme: TenantRef, other: TenantRef, empty: TenantRef) -> None:
    blocker_id = await _open_blocker(s, acme)
    later = NOW + timedelta(hours=1)
    await blockers.set_next_check(s, tenant=acme, checks={blocker_id: later})
    end = NOW + timedelta(hours=2)
    assert await blockers.next_checks(s, tenant=other, start=NOW, end=end) == []
    assert await blockers.next_checks(s, tenant=acme, start=NOW, end=end) == [later]


@check("escalation.get_policy")
async def _(s: Any, acme: TenantRef, other: TenantRef, empty: TenantRef) -> None:
    await escalation.set_policy(s, tenant=acme, settings={"ack_hours": 2}, by_email=None, at=NOW)
    assert await escalation.get_policy(s, tenant=other) is None
    assert some(await escalation.get_policy(s, tenant=acme))["ack_hours"] == 2


@check("escalation.set_policy")
async def _(s: Any, acme: TenantRef, other: TenantRef, empty: TenantRef) -> None:
    await escalation.set_policy(s, tenant=acme, settings={"ack_hours": 2}, by_email=None, at=NOW)
    await escalation.set_policy(s, tenant=other, settings={"ack_hours": 9}, by_email=None, at=NOW)
    assert some(await escalation.get_policy(s, tenant=acme))["ack_hours"] == 2


async def _id_of(s: Any, tenant: TenantRef, email: str) -> int:
    return some(some(await people.find_person(s, tenant=tenant, email=email)).id)


@check("escalation.save_pm_setting")
async def _(s: Any, acme: TenantRef, other: TenantRef, empty: TenantRef) -> None:
    ana = await _id_of(s, acme, "ana.silva@example.com")
    with pytest.raises(NotInTenant):
        await escalation.save_pm_setting(s, tenant=other, person_id=ana, is_pm=True)
    assert await escalation.pm_settings(s, tenant=acme) == {}


@check("escalation.pm_settings")
async def _(s: Any, acme: TenantRef, other: TenantRef, empty: TenantRef) -> None:
    ana = await _id_of(s, acme, "ana.silva@example.com")
    await escalation.save_pm_setting(s, tenant=acme, person_id=ana, is_pm=True)
    assert await escalation.pm_settings(s, tenant=other) == {}
    assert some((await escalation.pm_settings(s, tenant=acme)).get(ana)).is_pm is True


@check("escalation.mark_digest_sent")
async def _(s: Any, acme: TenantRef, other: TenantRef, empty: TenantRef) -> None:
    ana = await _id_of(s, acme, "ana.silva@example.com")
    with pytest.raises(NotInTenant):
        await escalation.mark_digest_sent(s, tenant=other, person_id=ana, at=NOW)
    assert await escalation.pm_settings(s, tenant=acme) == {}


@check("people.contacts")
async def _(s: Any, acme: TenantRef, other: TenantRef, empty: TenantRef) -> None:
    theirs = await people.contacts(s, tenant=other, emails=["ana.silva@example.com"])
    assert [c.name for c in theirs.values()] == ["Ana Other"]
    assert [c.timezone for c in theirs.values()] == ["America/Sao_Paulo"]
    ana = await _id_of(s, acme, "ana.silva@example.com")
    assert await people.contacts(s, tenant=other, person_ids=[ana]) == {}
    assert len(await people.contacts(s, tenant=empty)) == 0


KEY = DeliveryKey(key="standup:1:2026-11-23:0", recipient="ana.silva@example.com", kind="prompt")


@check("deliveries.claim")
async def _(s: Any, acme: TenantRef, other: TenantRef, empty: TenantRef) -> None:
    assert (
        len(await deliveries.claim(s, tenant=acme, wanted=[(KEY, NOW)], at=NOW, lease_until=NOW))
        == 1
    )
    # The same key in another tenant is another delivery.
    assert (
        len(await deliveries.claim(s, tenant=other, wanted=[(KEY, NOW)], at=NOW, lease_until=NOW))
        == 1
    )
    assert (
        await deliveries.claim(s, tenant=acme, wanted=[(KEY, NOW)], at=NOW, lease_until=NOW) == []
    )


@check("deliveries.claimed")
async def _(s: Any, acme: TenantRef, other: TenantRef, empty: TenantRef) -> None:
    await deliveries.claim(s, tenant=acme, wanted=[(KEY, NOW)], at=NOW, lease_until=NOW)
    assert await deliveries.claimed(s, tenant=other, keys=[KEY.key]) == set()
    assert await deliveries.claimed(s, tenant=acme, keys=[KEY.key]) == {KEY}


@check("deliveries.find_delivery")
async def _(s: Any, acme: TenantRef, other: TenantRef, empty: TenantRef) -> None:
    await deliveries.claim(s, tenant=acme, wanted=[(KEY, NOW)], at=NOW, lease_until=NOW)
    assert await deliveries.find_delivery(s, tenant=other, key=KEY) is None
    assert some(await deliveries.find_delivery(s, tenant=acme, key=KEY)).status == "claimed"


@check("deliveries.mark_sent")
async def _(s: Any, acme: TenantRef, other: TenantRef, empty: TenantRef) -> None:
    (mine,) = await deliveries.claim(s, tenant=acme, wanted=[(KEY, NOW)], at=NOW, lease_until=NOW)
    await deliveries.mark_sent(s, tenant=other, sent=[(mine.id, "m")], at=NOW)
    assert some(await deliveries.find_delivery(s, tenant=acme, key=KEY)).status == "claimed"


@check("deliveries.mark_attempt_failed")
async def _(s: Any, acme: TenantRef, other: TenantRef, empty: TenantRef) -> None:
    (mine,) = await deliveries.claim(s, tenant=acme, wanted=[(KEY, NOW)], at=NOW, lease_until=NOW)
    await deliveries.mark_attempt_failed(
        s, tenant=other, delivery_id=mine.id, error="boom", retry_at=None
    )
    assert some(await deliveries.find_delivery(s, tenant=acme, key=KEY)).attempts == 0


@check("deliveries.mark_skipped")
async def _(s: Any, acme: TenantRef, other: TenantRef, empty: TenantRef) -> None:
    (mine,) = await deliveries.claim(s, tenant=acme, wanted=[(KEY, NOW)], at=NOW, lease_until=NOW)
    await deliveries.mark_skipped(s, tenant=other, delivery_id=mine.id, at=NOW)
    assert some(await deliveries.find_delivery(s, tenant=acme, key=KEY)).status == "claimed"
    await deliveries.mark_skipped(s, tenant=acme, delivery_id=mine.id, at=NOW)
    assert some(await deliveries.find_delivery(s, tenant=acme, key=KEY)).status == "skipped"


@check("deliveries.lease")
async def _(s: Any, acme: TenantRef, other: TenantRef, empty: TenantRef) -> None:
    (mine,) = await deliveries.claim(s, tenant=acme, wanted=[(KEY, NOW)], at=NOW, lease_until=NOW)
    assert not await deliveries.lease(s, tenant=other, delivery_id=mine.id, at=NOW, until=NOW)
    assert await deliveries.lease(s, tenant=acme, delivery_id=mine.id, at=NOW, until=NOW)


@check("deliveries.extend_lease")
async def _(s: Any, acme: TenantRef, other: TenantRef, empty: TenantRef) -> None:
    (mine,) = await deliveries.claim(s, tenant=acme, wanted=[(KEY, NOW)], at=NOW, lease_until=NOW)
    later = NOW + timedelta(hours=1)
    await deliveries.extend_lease(s, tenant=other, delivery_ids=[mine.id], until=later)
    assert some(await deliveries.find_delivery(s, tenant=acme, key=KEY)).next_attempt_at == NOW
    await deliveries.extend_lease(s, tenant=acme, delivery_ids=[mine.id], until=later)
    assert some(await deliveries.find_delivery(s, tenant=acme, key=KEY)).next_attempt_at == later


@check("deliveries.due_retries")
async def _(s: Any, acme: TenantRef, other: TenantRef, empty: TenantRef) -> None:
    await deliveries.claim(s, tenant=acme, wanted=[(KEY, NOW)], at=NOW, lease_until=NOW)
    assert await deliveries.due_retries(s, tenant=other, at=NOW) == []
    assert len(await deliveries.due_retries(s, tenant=acme, at=NOW)) == 1


@check("deliveries.failures")
async def _(s: Any, acme: TenantRef, other: TenantRef, empty: TenantRef) -> None:
    (mine,) = await deliveries.claim(s, tenant=acme, wanted=[(KEY, NOW)], at=NOW, lease_until=NOW)
    await deliveries.mark_attempt_failed(
        s, tenant=acme, delivery_id=mine.id, error="x", retry_at=None
    )
    assert await deliveries.failures(s, tenant=other, since=NOW) == []
    assert len(await deliveries.failures(s, tenant=acme, since=NOW)) == 1


async def _session(s: Any, tenant: TenantRef, *, organiser: str = "sam.okafor@example.com") -> int:
    found = await planning.add_session(
        s,
        tenant=tenant,
        title="Q1 planning",
        organiser_email=organiser,
        timezone="Europe/London",
        first_day=date(2027, 1, 12),
        local_time="14:00",
        duration_minutes=60,
        topics=["domain-names"],
        at=NOW,
    )
    return found.id


async def _meeting(s: Any, tenant: TenantRef) -> tuple[int, int]:
    session_id = await _session(s, tenant)
    found = some(
        await planning.add_occurrence(
            s,
            tenant=tenant,
            session_id=session_id,
            number=1,
            starts_at=MEETING,
            ends_at=MEETING + timedelta(hours=1),
            uid=f"uid-{tenant.id}@tandem",
        )
    )
    return session_id, found.id


async def _invited(s: Any, tenant: TenantRef) -> tuple[int, int]:
    _session_id, occurrence_id = await _meeting(s, tenant)
    found = await planning.add_invite(
        s,
        tenant=tenant,
        occurrence_id=occurrence_id,
        email="ana.silva@example.com",
        topics=["domain-names"],
        via="raci",
        at=NOW,
    )
    return occurrence_id, found.id


@check("planning.add_session")
async def _(s: Any, acme: TenantRef, other: TenantRef, empty: TenantRef) -> None:
    await _session(s, other)
    assert await planning.list_sessions(s, tenant=acme) == []


@check("planning.get_session")
async def _(s: Any, acme: TenantRef, other: TenantRef, empty: TenantRef) -> None:
    session_id = await _session(s, acme)
    assert await planning.get_session(s, tenant=other, session_id=session_id) is None
    assert some(await planning.get_session(s, tenant=acme, session_id=session_id)).id == session_id


@check("planning.list_sessions")
async def _(s: Any, acme: TenantRef, other: TenantRef, empty: TenantRef) -> None:
    session_id = await _session(s, acme)
    assert await planning.list_sessions(s, tenant=other, status=None) == []
    assert [x.id for x in await planning.list_sessions(s, tenant=acme)] == [session_id]


@check("planning.cancel_session")
async def _(s: Any, acme: TenantRef, other: TenantRef, empty: TenantRef) -> None:
    session_id = await _session(s, acme)
    assert not await planning.cancel_session(s, tenant=other, session_id=session_id, at=NOW)
    assert some(await planning.get_session(s, tenant=acme, session_id=session_id)).is_scheduled


@check("planning.add_occurrence")
async def _(s: Any, acme: TenantRef, other: TenantRef, empty: TenantRef) -> None:
    session_id = await _session(s, acme)
    with pytest.raises(NotInTenant):
        await planning.add_occurrence(
            s,
            tenant=other,
            session_id=session_id,
            number=1,
            starts_at=MEETING,
            ends_at=MEETING + timedelta(hours=1),
            uid="x@tandem",
        )
    assert await planning.session_occurrences(s, tenant=acme, session_ids=[session_id]) == []


@check("planning.get_occurrence")
async def _(s: Any, acme: TenantRef, other: TenantRef, empty: TenantRef) -> None:
    _session_id, occurrence_id = await _meeting(s, acme)
    assert await planning.get_occurrence(s, tenant=other, occurrence_id=occurrence_id) is None
    assert some(await planning.get_occurrence(s, tenant=acme, occurrence_id=occurrence_id))


@check("planning.session_occurrences")
async def _(s: Any, acme: TenantRef, other: TenantRef, empty: TenantRef) -> None:
    session_id, occurrence_id = await _meeting(s, acme)
    assert await planning.session_occurrences(s, tenant=other, session_ids=[session_id]) == []
    found = await planning.session_occurrences(s, tenant=acme, session_ids=[session_id])
    assert [o.id for o in found] == [occurrence_id]


@check("planning.occurrences_between")
async def _(s: Any, acme: TenantRef, other: TenantRef, empty: TenantRef) -> None:
    await _meeting(s, acme)
    end = MEETING + timedelta(days=1)
    assert await planning.occurrences_between(s, tenant=other, start=NOW, end=end) == []
    assert len(await planning.occurrences_between(s, tenant=acme, start=NOW, end=end)) == 1


@check("planning.change_occurrence")
async def _(s: Any, acme: TenantRef, other: TenantRef, empty: TenantRef) -> None:
    _session_id, occurrence_id = await _meeting(s, acme)
    changed = await planning.change_occurrence(
        s, tenant=other, occurrence_id=occurrence_id, status="cancelled"
    )
    assert changed is None
    found = some(await planning.get_occurrence(s, tenant=acme, occurrence_id=occurrence_id))
    assert found.is_scheduled and found.sequence == 0


@check("planning.add_invite")
async def _(s: Any, acme: TenantRef, other: TenantRef, empty: TenantRef) -> None:
    _session_id, occurrence_id = await _meeting(s, acme)
    with pytest.raises(NotInTenant):
        await planning.add_invite(
            s,
            tenant=other,
            occurrence_id=occurrence_id,
            email="bo.lee@other.example",
            topics=[],
            via="raci",
            at=NOW,
        )
    assert await planning.occurrence_invites(s, tenant=acme, occurrence_ids=[occurrence_id]) == []


@check("planning.get_invite")
async def _(s: Any, acme: TenantRef, other: TenantRef, empty: TenantRef) -> None:
    _occurrence_id, invite_id = await _invited(s, acme)
    assert await planning.get_invite(s, tenant=other, invite_id=invite_id) is None
    assert some(await planning.get_invite(s, tenant=acme, invite_id=invite_id)).id == invite_id


@check("planning.occurrence_invites")
async def _(s: Any, acme: TenantRef, other: TenantRef, empty: TenantRef) -> None:
    occurrence_id, invite_id = await _invited(s, acme)
    assert await planning.occurrence_invites(s, tenant=other, occurrence_ids=[occurrence_id]) == []
    found = await planning.occurrence_invites(s, tenant=acme, occurrence_ids=[occurrence_id])
    assert [i.id for i in found] == [invite_id]


@check("planning.answer_invite")
async def _(s: Any, acme: TenantRef, other: TenantRef, empty: TenantRef) -> None:
    _occurrence_id, invite_id = await _invited(s, acme)
    assert not await planning.answer_invite(
        s, tenant=other, invite_id=invite_id, status="declined", at=NOW
    )
    assert some(await planning.get_invite(s, tenant=acme, invite_id=invite_id)).status == "invited"


@check("planning.set_invite_card")
async def _(s: Any, acme: TenantRef, other: TenantRef, empty: TenantRef) -> None:
    _occurrence_id, invite_id = await _invited(s, acme)
    await planning.set_invite_card(
        s, tenant=other, invite_id=invite_id, card=ChannelAddress(id="D1"), message_id="1"
    )
    assert some(await planning.get_invite(s, tenant=acme, invite_id=invite_id)).card is None


@check("planning.invite_load")
async def _(s: Any, acme: TenantRef, other: TenantRef, empty: TenantRef) -> None:
    await _invited(s, acme)
    ana = ["ana.silva@example.com"]
    assert await planning.invite_load(s, tenant=other, emails=ana) == {}
    assert (await planning.invite_load(s, tenant=acme, emails=ana))[ana[0]][0] == 1


@check("planning.busy")
async def _(s: Any, acme: TenantRef, other: TenantRef, empty: TenantRef) -> None:
    await _invited(s, acme)
    emails = ["ana.silva@example.com", "sam.okafor@example.com"]
    end = MEETING + timedelta(minutes=30)
    assert await planning.busy(s, tenant=other, emails=emails, start=MEETING, end=end) == set()
    assert await planning.busy(s, tenant=acme, emails=emails, start=MEETING, end=end) == set(emails)


@check("planning.pool")
async def _(s: Any, acme: TenantRef, other: TenantRef, empty: TenantRef) -> None:
    await planning.change_pool(s, tenant=acme, add=["ana.silva@example.com"], at=NOW)
    assert await planning.pool(s, tenant=other) == []
    assert await planning.pool(s, tenant=acme) == ["ana.silva@example.com"]


@check("planning.change_pool")
async def _(s: Any, acme: TenantRef, other: TenantRef, empty: TenantRef) -> None:
    await planning.change_pool(s, tenant=acme, add=["ana.silva@example.com"], at=NOW)
    after = await planning.change_pool(
        s, tenant=other, add=["bo.lee@other.example"], remove=["ana.silva@example.com"], at=NOW
    )
    assert after == ["bo.lee@other.example"]
    assert await planning.pool(s, tenant=acme) == ["ana.silva@example.com"]


@check("ownership.require_owned")
async def _(s: Any, acme: TenantRef, other: TenantRef, empty: TenantRef) -> None:
    mine = (await s.exec(select(RaciTopic.id).where(RaciTopic.tenant_id == acme.id))).first()
    await ownership.require_owned(s, tenant=acme, model=RaciTopic, row_id=mine)
    for stranger in (other, empty):
        with pytest.raises(NotInTenant):
            await ownership.require_owned(s, tenant=stranger, model=RaciTopic, row_id=mine)


# Repository functions that take no ``tenant``, and why each may not.
def _kpi(*, target: float) -> KpiRecord:
    return KpiRecord(
        slug="lcp-home",
        names={"en": "Home page load"},
        unit="ms",
        better="lower",
        target=target,
        topic="domain-names",
        alert=4000.0,
    )


async def _two_kpis(s: Any, acme: TenantRef, other: TenantRef) -> tuple[int, int]:
    """The same KPI slug in acme (target 2500) and in the other tenant (target 1000)."""
    await kpis.upsert_kpis(s, tenant=acme, records=[_kpi(target=2500.0)])
    await kpis.upsert_kpis(s, tenant=other, records=[_kpi(target=1000.0)])
    mine = some(await kpis.get_kpi(s, tenant=acme, slug="lcp-home"))
    theirs = some(await kpis.get_kpi(s, tenant=other, slug="lcp-home"))
    return mine.id, theirs.id


async def _value(s: Any, tenant: TenantRef, kpi_id: int, value: float) -> None:
    await kpis.record_value(
        s,
        tenant=tenant,
        kpi_id=kpi_id,
        at=NOW,
        value=value,
        source="chat",
        sent_by="someone",
        recorded_at=NOW,
    )


@check("kpis.upsert_kpis")
async def _(s: Any, acme: TenantRef, other: TenantRef, empty: TenantRef) -> None:
    await _two_kpis(s, acme, other)
    counts = await kpis.upsert_kpis(s, tenant=other, records=[_kpi(target=900.0)])
    assert counts.updated == 1
    assert some(await kpis.get_kpi(s, tenant=acme, slug="lcp-home")).target == 2500.0
    assert (await kpis.upsert_kpis(s, tenant=empty, records=[_kpi(target=1.0)])).created == 1


@check("kpis.list_kpis")
async def _(s: Any, acme: TenantRef, other: TenantRef, empty: TenantRef) -> None:
    await _two_kpis(s, acme, other)
    assert [k.target for k in await kpis.list_kpis(s, tenant=other)] == [1000.0]
    assert await kpis.list_kpis(s, tenant=empty) == []


@check("kpis.get_kpi")
async def _(s: Any, acme: TenantRef, other: TenantRef, empty: TenantRef) -> None:
    mine, theirs = await _two_kpis(s, acme, other)
    assert mine != theirs
    assert some(await kpis.get_kpi(s, tenant=other, slug="lcp-home")).target == 1000.0
    assert await kpis.get_kpi(s, tenant=empty, slug="lcp-home") is None


@check("kpis.record_value")
async def _(s: Any, acme: TenantRef, other: TenantRef, empty: TenantRef) -> None:
    mine, theirs = await _two_kpis(s, acme, other)
    with pytest.raises(NotInTenant):
        await _value(s, other, mine, 1.0)
    await _value(s, other, theirs, 2.0)
    assert await kpis.latest_value(s, tenant=acme, kpi_id=mine) is None


@check("kpis.latest_value")
async def _(s: Any, acme: TenantRef, other: TenantRef, empty: TenantRef) -> None:
    mine, theirs = await _two_kpis(s, acme, other)
    await _value(s, acme, mine, 3000.0)
    assert some(await kpis.latest_value(s, tenant=acme, kpi_id=mine)).value == 3000.0
    assert await kpis.latest_value(s, tenant=other, kpi_id=mine) is None
    assert await kpis.latest_value(s, tenant=other, kpi_id=theirs) is None


@check("kpis.history")
async def _(s: Any, acme: TenantRef, other: TenantRef, empty: TenantRef) -> None:
    mine, _theirs = await _two_kpis(s, acme, other)
    await _value(s, acme, mine, 3000.0)
    since = NOW - timedelta(days=30)
    assert len((await kpis.history(s, tenant=acme, kpi_ids=[mine], since=since))[mine]) == 1
    assert await kpis.history(s, tenant=other, kpi_ids=[mine], since=since) == {mine: []}


@check("kpis.lock_kpi")
async def _(s: Any, acme: TenantRef, other: TenantRef, empty: TenantRef) -> None:
    mine, theirs = await _two_kpis(s, acme, other)
    assert some(await kpis.lock_kpi(s, tenant=other, kpi_id=theirs)).target == 1000.0
    assert await kpis.lock_kpi(s, tenant=other, kpi_id=mine) is None


@check("kpis.set_breach")
async def _(s: Any, acme: TenantRef, other: TenantRef, empty: TenantRef) -> None:
    mine, theirs = await _two_kpis(s, acme, other)
    with pytest.raises(NotInTenant):  # (a blocker id must be a stored blocker's)
        await kpis.set_breach(s, tenant=other, kpi_id=mine, blocker_id=None)
    await kpis.set_breach(s, tenant=other, kpi_id=theirs, blocker_id=None)


@check("api_tokens.create_token")
async def _(s: Any, acme: TenantRef, other: TenantRef, empty: TenantRef) -> None:
    mine = some(await api_tokens.create_token(s, tenant=acme, name="ci", at=NOW))
    theirs = some(await api_tokens.create_token(s, tenant=other, name="ci", at=NOW))
    assert mine != theirs  # the same name in two tenants: two tokens
    assert await api_tokens.create_token(s, tenant=acme, name="ci", at=NOW) is None


@check("api_tokens.holder")
async def _(s: Any, acme: TenantRef, other: TenantRef, empty: TenantRef) -> None:
    mine = some(await api_tokens.create_token(s, tenant=acme, name="ci", at=NOW))
    theirs = some(await api_tokens.create_token(s, tenant=other, name="ci", at=NOW))
    assert some(await api_tokens.holder(s, token=mine))[0].id == acme.id
    assert some(await api_tokens.holder(s, token=theirs))[0].id == other.id


@check("api_tokens.revoke_token")
async def _(s: Any, acme: TenantRef, other: TenantRef, empty: TenantRef) -> None:
    mine = some(await api_tokens.create_token(s, tenant=acme, name="ci", at=NOW))
    assert not await api_tokens.revoke_token(s, tenant=other, name="ci", at=NOW)
    assert not await api_tokens.revoke_token(s, tenant=empty, name="ci", at=NOW)
    assert await api_tokens.holder(s, token=mine) is not None


@check("api_tokens.list_tokens")
async def _(s: Any, acme: TenantRef, other: TenantRef, empty: TenantRef) -> None:
    await api_tokens.create_token(s, tenant=acme, name="ci", at=NOW)
    assert [t.name for t in await api_tokens.list_tokens(s, tenant=acme)] == ["ci"]
    assert await api_tokens.list_tokens(s, tenant=other) == []


NO_TENANT_PARAMETER = {
    "tenants.find_tenant": "finds a tenant by the key an admin types: how a tenant is had",
    "tenants.ensure_tenant": "the same, creating the tenant on first contact",
    "tenants.all_tenants": "the scheduler's list of tenants, each then read by calls taking it",
    "oauth_states.issue_oauth_state": "Slack's OAuth state is made before any workspace is known",
    "oauth_states.consume_oauth_state": "and used up when Slack comes back, still before it is",
    "credentials.stored_tokens": "the start-up check and the key rotation read every tenant's "
    "token alike, to the operator, never to a tenant",
    "credentials.replace_token": "the key rotation re-encrypts every tenant's token in turn",
    "api_tokens.holder": "a pushed KPI value names no tenant: its token says which one asks",
}
# ...and those with no isolation check: they hold no tenant's data, or are the operator's
# sweeps over every tenant (checked in tests/test_secrets.py).
NO_ISOLATION_CHECK = {
    "oauth_states.issue_oauth_state",
    "oauth_states.consume_oauth_state",
    "credentials.stored_tokens",
    "credentials.replace_token",
}


def _repository_functions() -> dict[str, Callable[..., Any]]:
    """Every public async function of every module in ``tandem/storage/repositories``."""
    functions: dict[str, Callable[..., Any]] = {}
    for found in pkgutil.iter_modules(repositories.__path__):
        module = importlib.import_module(f"{repositories.__name__}.{found.name}")
        for name, function in inspect.getmembers(module, inspect.iscoroutinefunction):
            if not name.startswith("_") and function.__module__ == module.__name__:
                functions[f"{found.name}.{name}"] = function
    return functions


def test_every_repository_function_has_an_isolation_check() -> None:
    assert set(_repository_functions()) - NO_ISOLATION_CHECK == set(CHECKS)


def test_every_repository_function_takes_the_tenant_by_keyword() -> None:
    functions = _repository_functions()
    assert set(NO_TENANT_PARAMETER) <= set(functions)  # no excuse outlives its function
    for name, function in functions.items():
        parameter = inspect.signature(function).parameters.get("tenant")
        if name in NO_TENANT_PARAMETER:
            assert parameter is None, f"{name} takes a tenant now: drop its excuse"
            continue
        assert parameter is not None, f"{name} takes no tenant"
        assert parameter.kind is inspect.Parameter.KEYWORD_ONLY, f"{name}: tenant= by keyword"


@pytest.mark.parametrize("name", sorted(CHECKS))
async def test_the_other_tenant_sees_nothing_of_the_first(
    name: str, database: Database, two_tenants: tuple[TenantRef, TenantRef, TenantRef]
) -> None:
    acme_before = await export_file(
        database=database, tenant=TenantKey.parse("acme"), kind=FileKind.RACI
    )
    async with database.session() as session:
        await CHECKS[name](session, *two_tenants)
    acme_after = await export_file(
        database=database, tenant=TenantKey.parse("acme"), kind=FileKind.RACI
    )
    if name != "raci.topic_history":  # that check edits acme on purpose
        assert acme_after == acme_before
