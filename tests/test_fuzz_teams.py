"""Teams' inbound surface, fuzzed: the real botbuilder adapter, open mode, a fake connector.

Tandem serves Teams in process as in ``test_teams_e2e.py`` (no app id: botbuilder checks no
token, as with the Agents Playground); replies go to the activity's ``serviceUrl``, the
fake Bot Framework connector. Hypothesis makes messages (any text, any command, mentions
and entities), Adaptive Card submits and ``adaptiveCard/action`` invokes carrying our action
ids with mutated data, ``fileConsent/invoke`` answers, conversation updates, unknown kinds,
then drops keys and puts values of the wrong type.

For every activity:

- the HTTP status is never a 5xx, and no turn fails (botbuilder's ``on_turn_error`` logs
  it, the person reads nothing);
- nothing sent to the connector, nor the card an invoke answers with, shows a traceback,
  a file path, an exception's name or the internal-error message;
- an activity that was refused (a 4xx, no answer, or help or an error for answer) wrote no
  row but those every activity writes: its conversation's reference, kept fresh for later
  sends, and the row of its tenant the first time an organisation talks to Tandem (the
  reference belongs to it).
"""

from __future__ import annotations

import asyncio
import base64
import json
from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlmodel import col, select

from tandem.storage.database import Database
from tandem.storage.migrate import upgrade
from tandem.storage.models import PlatformIdentity, Tenant
from tests.conftest import import_fixtures
from tests.fuzzing import (
    FUZZ_MORE,
    Crashes,
    action_ids,
    action_values,
    arguments,
    changed,
    crash_signs,
    form_inputs,
    garbled,
    harmless,
    json_values,
    mutated,
    mutated_json,
    piece,
    rejection_signs,
    row_counts,
    run,
    strings,
    taught_lines,
)
from tests.teamsfake.connector import FakeConnector
from tests.test_teams_e2e import HUGO, SAM, TENANT, TeamsBot, message, serve_teams

# Rows every activity writes, refused or not (see the module's docstring). Two more are
# checked apart: a ``tenant`` row may appear only for the organisation the activity names,
# and a ``platform_identity`` only for its sender (the first time a person talks to Tandem
# under that id, whatever they say, their id is linked to their person: the fixture has the
# people talk once, but the fuzzer also sends them without their AAD object id).
# ``slack_event_seen`` holds the seen-once claims, among them the welcome of an install,
# which is claimed before the welcome is sent whatever the activity says afterwards.
EVERY_ACTIVITY = ("teams_reference", "tenant", "platform_identity", "slack_event_seen")
OTHER_TENANT = "0d2b6b1e-0000-4000-8000-00000000abcd"
STRANGER = ("29:1stranger", "aad-stranger", "Sky Stranger", "sky@nowhere.example")
PEOPLE = st.sampled_from([HUGO, SAM, STRANGER])
TENANTS = st.sampled_from([TENANT] * 8 + [OTHER_TENANT, TENANT.upper()])
LOCALES = st.sampled_from(["en-US", "fr-FR", "fr", "de-DE", "", "xx"])
KINDS = st.sampled_from(["personal", "personal", "channel", "groupChat", "meeting", ""])
# Where an unauthenticated caller may ask Tandem to write: never off this machine.
HOSTILE_URLS = st.sampled_from(
    [
        "https://attacker.example/",
        "http://169.254.169.254/latest/",
        "http://10.0.0.7:8080/",
        "https://smba.trafficmanager.net/amer/",
        "http://[::ffff:93.184.216.34]/",
        "http://127.0.0.1.attacker.example/",
        "file:///etc/passwd",
        "gopher://127.0.0.1/",
        "",
    ]
)


@dataclass
class Fuzzed:
    bot: TeamsBot
    loop: asyncio.AbstractEventLoop
    commands: tuple[str, ...]
    crashes: Crashes


async def tenant_keys(database: Database) -> set[str]:
    async with database.engine.connect() as connection:
        return set((await connection.execute(select(col(Tenant.key)))).scalars())


async def identities(database: Database) -> set[str]:
    async with database.engine.connect() as connection:
        found = await connection.execute(select(col(PlatformIdentity.platform_user_id)))
        return set(found.scalars())


async def exchange(fuzzed: Fuzzed, activity: Any) -> None:
    """Post one activity and check the three properties."""
    bot = fuzzed.bot
    database = bot.runtime.database
    fuzzed.crashes.take()
    before = await row_counts(database, exclude=EVERY_ACTIVITY)
    keys_before, identities_before = await tenant_keys(database), await identities(database)
    start = len(bot.connector.calls)
    whole_before = await row_counts(database)
    response = await bot.http.post("/api/messages", json=activity)
    status, answer = response.status, await response.text()
    await asyncio.sleep(0)  # botbuilder answers after the turn: nothing is left running
    shown = json.dumps(activity, ensure_ascii=False)[:400]
    assert status < 500, f"{status} ({answer[:200]}) for {shown}"
    crashed = fuzzed.crashes.take()
    assert not crashed, f"{crashed} for {shown}"
    said = [list(strings(call.activity)) for call in bot.connector.calls[start:]]
    if answer.startswith("{"):  # an invoke's answer: the card shown in place
        said.append(list(strings(json.loads(answer))))
    for texts in said:
        for text in texts:
            assert not crash_signs(text), f"{crash_signs(text)} sent for {shown}: {text}"
    if isinstance(activity, dict) and activity.get("serviceUrl") != bot.connector.service_url:
        # a serviceUrl off this machine (or none): refused before anything is read or written
        assert 400 <= status < 500, f"{status} for {shown}"
        assert bot.connector.calls[start:] == [], f"called for {shown}"
        assert not changed(whole_before, await row_counts(database)), f"rows for {shown}"
    upload = _upload_url(activity)
    if upload is not None and not upload.startswith(bot.connector.upload_url("")):
        assert 400 <= status < 500, f"{status}: an upload to {upload!r} was not refused"
    after = await row_counts(database, exclude=EVERY_ACTIVITY)
    refused = status >= 400 or not said or any(rejection_signs(t) for ts in said for t in ts)
    if refused:
        assert not changed(before, after), (
            f"rows written for a refused activity ({status}, {said}): {changed(before, after)}"
        )
    named = {f"teams:{t}".lower() for t in strings(activity.get("channelData") or {})}
    conversation = activity.get("conversation")
    if isinstance(conversation, dict):
        named |= {f"teams:{conversation.get('tenantId')}".lower()}
    new = await tenant_keys(database) - keys_before
    assert new <= named, f"tenants {new} created for {shown}"
    sender = activity.get("from")
    senders = set(strings(sender)) if isinstance(sender, dict) else set()
    linked = await identities(database) - identities_before
    assert linked <= senders, f"identities {linked} linked for {shown}"


def _upload_url(activity: Any) -> str | None:
    """Where an accepted file consent asks Tandem to upload, if the activity is one."""
    if not isinstance(activity, dict) or activity.get("name") != "fileConsent/invoke":
        return None
    value = activity.get("value")
    if not isinstance(value, dict) or value.get("action") != "accept":
        return None
    info = value.get("uploadInfo")
    url = info.get("uploadUrl") if isinstance(info, dict) else None
    return url if isinstance(url, str) else None


@pytest.fixture
async def fuzzed(database_url: str) -> AsyncIterator[Fuzzed]:
    database = Database(url=database_url)
    await upgrade(database=database)
    await import_fixtures(database, f"teams:{TENANT}")
    await database.dispose()
    async with FakeConnector() as connector:
        for user_id, aad, name, email in (HUGO, SAM):
            connector.add_member(user_id=user_id, aad=aad, name=name, email=email)
        async with serve_teams(database_url, connector) as bot:
            for who in (HUGO, SAM):  # everyone has talked to Tandem once
                assert await bot.post(message(connector, who=who, text="who-owns dns")) < 300
            commands = tuple(spec.name for spec in bot.runtime.dispatcher.commands)
            with Crashes() as crashes:
                yield Fuzzed(bot, asyncio.get_running_loop(), commands, crashes)


def texts(commands: tuple[str, ...]) -> st.SearchStrategy[str]:
    """A taught command line with words changed, a command with any words, or anything."""
    taught = mutated(taught_lines(commands)).map(lambda line: line.lstrip("/"))
    command = st.tuples(st.sampled_from(commands), arguments).map(" ".join)
    return st.one_of(taught, command, taught, command, arguments, st.lists(piece).map(" ".join))


def card_data() -> st.SearchStrategy[dict[str, Any]]:
    """What an Adaptive Card sends back: our action ids, values and inputs, mutated."""
    return st.builds(
        lambda action_id, value, inputs: {"action_id": action_id, "value": value, **inputs},
        action_ids,
        action_values,
        form_inputs,
    )


@st.composite
def activities(draw: st.DrawFn, fuzzed: Fuzzed) -> dict[str, Any]:
    connector = fuzzed.bot.connector
    who, kind = draw(PEOPLE), draw(KINDS)
    activity = message(
        connector,
        who=who,
        text=draw(texts(fuzzed.commands)),
        tenant=draw(TENANTS),
        locale=draw(LOCALES),
        kind=kind,
        conversation="19:general@thread.tacv2" if kind == "channel" else "a:1personal",
        team="19:team@thread.tacv2" if kind == "channel" else None,
    )
    shape = draw(
        st.sampled_from(
            ["text", "text", "mention", "submit", "execute", "consent", "update", "other"]
        )
    )
    if shape == "mention":
        activity["text"] = f"<at>Tandem</at> {activity['text']}"
        activity["entities"] = [
            {"type": "mention", "text": "<at>Tandem</at>", "mentioned": {"id": "28:tandem-bot"}},
            *draw(st.lists(st.dictionaries(garbled, json_values, max_size=3), max_size=2)),
        ]
    elif shape == "submit":  # Action.Submit: a message carrying the card's data
        activity["value"] = draw(card_data())
        activity["replyToId"] = "card-activity-1"
    elif shape == "execute":  # Action.Execute: an invoke answered with the card in place
        activity.update(
            type="invoke",
            name="adaptiveCard/action",
            value={
                "action": {"type": "Action.Execute", "verb": "x", "data": draw(card_data())},
                "trigger": "manual",
            },
        )
    elif shape == "consent":
        name = draw(st.sampled_from(["invite.ics", "", "a/b.ics"]))
        content = draw(st.sampled_from([b"BEGIN:VCALENDAR", b"", b"x" * 10]))
        accepted = draw(st.booleans())
        value: dict[str, Any] = {
            "type": "fileUpload",
            "action": "accept" if accepted else "decline",
            "context": {"name": name, "content": base64.b64encode(content).decode()},
        }
        if accepted:
            value["uploadInfo"] = {
                "name": name,
                "uploadUrl": draw(st.sampled_from([connector.upload_url("f")] * 3) | HOSTILE_URLS),
                "contentUrl": "https://contoso.sharepoint.com/x",
                "uniqueId": "1",
                "fileType": "ics",
            }
        activity.update(type="invoke", name="fileConsent/invoke", value=value)
    elif shape == "update":
        activity.update(type="conversationUpdate", text=None)
        activity["membersAdded"] = draw(
            st.sampled_from([[{"id": "28:tandem-bot"}], [{"id": "29:1someone"}], []])
        )
    else:
        activity["type"] = draw(
            st.sampled_from(["invoke", "event", "typing", "messageReaction", "installationUpdate"])
            | garbled
        )
        activity["name"] = draw(st.sampled_from(["task/fetch", "composeExtension/query", ""]))
        activity["action"] = draw(st.sampled_from(["add", "remove", ""]))
    # serviceUrl stays the fake's, or one Tandem must refuse to write to (checked apart)
    mutations = mutated_json(activity, keep=frozenset({"serviceUrl"}))
    drawn = dict(draw(st.just(activity) | mutations))
    if draw(st.integers(0, 7)) == 0:
        drawn["serviceUrl"] = draw(HOSTILE_URLS)
    return drawn


def harmless_activity(activity: dict[str, Any]) -> bool:
    return all(harmless(text) for text in strings(activity))


def broken(connector: FakeConnector) -> list[dict[str, Any]]:
    """Activities the fuzzer once broke, replayed first on every run (the fix in brackets)."""
    hugo = message(connector, who=HUGO, text="who-owns dns")
    bare = {"serviceUrl": connector.service_url, "conversation": {"id": "a:1personal"}}
    sender = {"from": {"id": "29:1hugo"}, "recipient": {"id": "28:tandem-bot"}}
    return [
        {**bare, **sender, "type": "message", "timestamp": []},  # 500 in botbuilder [400]
        {**bare, **sender, "type": "invoke"},  # botbuilder's 501 [400: not an invoke we declare]
        {**bare, **sender, "type": "invoke", "channelData": {"tenant": True}},  # turn failed [ok]
        {**hugo, "from": None},  # a message from nobody failed the turn [400]
        {**hugo, "from": {"id": "29:1sam", "aadObjectId": []}},  # Sam linked to "[]" [400]
        {**hugo, "conversation": {"id": ""}},  # the reply had nowhere to go: turn failed [400]
        {**hugo, "type": "conversationUpdate", "membersAdded": [{"id": "x"}], "recipient": None},
        {**hugo, "type": "installationUpdate", "action": "add", "id": "{}"},  # (the fake's 404)
        {**hugo, "type": "conversationUpdate", "membersAdded": [None]},  # turn failed [ok]
    ]


def test_activities(fuzzed: Fuzzed) -> None:
    @FUZZ_MORE
    @given(activity=activities(fuzzed).filter(harmless_activity))
    def activity(activity: dict[str, Any]) -> None:
        run(fuzzed.loop, exchange(fuzzed, activity))

    for known in broken(fuzzed.bot.connector):
        run(fuzzed.loop, exchange(fuzzed, known))
    activity()
