"""Teams activities to neutral events, on activities shaped as Teams sends them
(tests/payloads/teams), through the pure translations of the Teams adapter."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from tandem.adapters.teams.inbound import (
    card_action,
    card_action_event,
    conversation_kind,
    message_event,
    neutral_text,
    person_key,
    teams_account,
    tenant_key,
    welcomes,
    with_person_ids,
)
from tandem.bot.mentions import PERSON_TOKEN, TYPED_USER, as_names
from tandem.bot.types import (
    ActionSubmitted,
    ConversationKind,
    ConversationRef,
    Mention,
    MentionKind,
    MessageReceived,
    User,
)

PAYLOADS = Path(__file__).parent / "payloads" / "teams"
BOT = "28:0c5b2a6e-5b6f-4d8a-9b7e-1f2a3b4c5d6e"
HUGO_AAD = "6f0c9d1e-2b7a-4c55-9a1e-0d5e2f7b8c91"
ANA_AAD = "1d4b7e2a-8c3f-4a6b-9e0d-7f5a2c1b3e84"
ANA_TEAMS = "29:1Ana-Silva-51b7a0"
KEY = tenant_key(tenant_id="72F988BF-86F1-41AF-91AB-2D7CD011DB47")
HUGO = User(tenant=KEY, platform_user_id=HUGO_AAD, display_name="Hugo Bernard")


def activity(name: str) -> dict[str, Any]:
    return dict(json.loads((PAYLOADS / name).read_text("utf-8")))


def where(sent: dict[str, Any]) -> ConversationRef:
    conversation = sent["conversation"]
    return ConversationRef(
        tenant=KEY,
        id=conversation["id"],
        kind=conversation_kind(conversation.get("conversationType")),
    )


def test_a_channel_message_drops_the_bots_mention_and_keeps_the_person_picked() -> None:
    sent = activity("message_channel_mention.json")
    event = message_event(sent, user=HUGO, where=where(sent))
    assert isinstance(event, MessageReceived)
    ana = Mention(MentionKind.PERSON, ANA_TEAMS, "Ana Silva")
    assert event.mentions == (ana,)
    assert event.text == f"/blocker waiting for {ana.token} on the DNS record"
    assert as_names(event.text) == "/blocker waiting for @Ana Silva on the DNS record"
    assert event.conversation.kind is ConversationKind.CHANNEL
    assert "<at" not in event.text


def test_a_person_picked_is_named_by_their_entra_id_once_looked_up() -> None:
    sent = activity("message_channel_mention.json")
    event = message_event(sent, user=HUGO, where=where(sent))
    assert isinstance(event, MessageReceived) and teams_account(ANA_TEAMS)
    named = with_person_ids(event, {ANA_TEAMS: ANA_AAD})
    ana = Mention(MentionKind.PERSON, ANA_AAD, "Ana Silva")
    assert named.mentions == (ana,)
    assert named.text == f"/blocker waiting for {ana.token} on the DNS record"
    assert with_person_ids(event, {}) == event
    # a list of people read word by word keeps her whole, the space in her name and all
    listed = re.findall(rf"{PERSON_TOKEN.pattern}|[^\s,;]+", f"{ana.token}, sam@example.com")
    assert listed == [ana.token, "sam@example.com"]


def test_mentions_without_their_entity_are_dropped_as_before() -> None:
    assert neutral_text("<at>Tandem</at> who-owns dns") == neutral_text("who-owns dns")
    assert neutral_text("<at>Tandem</at> who-owns dns").text == "who-owns dns"


def test_a_person_without_an_entra_id_is_named_by_their_teams_id() -> None:
    entities = [{"type": "mention", "text": "<at>Sam</at>", "mentioned": {"id": "29:1sam"}}]
    typed = neutral_text("ask <at>Sam</at>", entities=entities, bot_id=BOT)
    (sam,) = typed.mentions
    assert (sam.id, sam.name) == ("29:1sam", "Sam")
    found = TYPED_USER.match(sam.token)
    assert found is not None and found.group(1) == "29:1sam"


def test_a_tag_reads_as_its_name_and_a_channel_as_a_channel() -> None:
    entities = [
        {"type": "mention", "text": "<at>IT</at>", "mentioned": {"id": "tag1", "type": "tag"}},
        {
            "type": "mention",
            "text": "<at>General</at>",
            "mentioned": {"id": "19:general@thread.tacv2", "name": "General"},
        },
    ]
    typed = neutral_text("<at>IT</at> in <at>General</at>", entities=entities, bot_id=BOT)
    general = Mention(MentionKind.CHANNEL, "19:general@thread.tacv2", "General")
    assert typed.mentions == (general,)
    assert typed.text == f"@IT in {general.token}"


def test_a_card_submitted_is_an_action_on_the_card_message() -> None:
    sent = activity("message_card_submit.json")
    event = message_event(sent, user=HUGO, where=where(sent))
    assert isinstance(event, ActionSubmitted)
    assert (event.action_id, event.value) == ("blocker.resolved:12", "12")
    assert event.inputs == {"note": "Record added by the registrar"}
    assert event.message is not None and event.message.id == "1764494100877"
    assert event.conversation.kind is ConversationKind.DIRECT


def test_an_action_execute_invoke_is_an_action() -> None:
    sent = activity("invoke_card_action.json")
    event = card_action_event(sent, user=HUGO, where=where(sent))
    assert event is not None
    assert (event.action_id, event.value, event.inputs) == (
        "raci.show:web-performance",
        "web-performance",
        {},
    )
    foreign = {**sent, "value": {"action": {"type": "Action.Execute", "data": {"x": 1}}}}
    assert card_action(foreign) is None
    assert card_action({**sent, "name": "fileConsent/invoke"}) is None


@pytest.mark.parametrize(
    ("name", "change", "welcomed"),
    [
        ("conversation_update.json", {}, True),
        ("conversation_update.json", {"membersAdded": [{"id": "29:1someone"}]}, False),
        ("conversation_update.json", {"membersAdded": [None]}, False),
        ("installation_update.json", {}, True),
        ("installation_update.json", {"action": "add-upgrade"}, True),
        ("installation_update.json", {"action": "remove"}, False),
        ("message_card_submit.json", {}, False),
    ],
)
def test_tandem_says_hello_when_it_is_added(
    name: str, change: dict[str, Any], welcomed: bool
) -> None:
    assert welcomes({**activity(name), **change}) is welcomed


def test_people_are_named_by_their_entra_id() -> None:
    sent = activity("installation_update.json")
    assert person_key(sent["from"]) == HUGO_AAD
    assert person_key({"id": "29:1sam"}) == "29:1sam"
    assert str(KEY) == "teams:72f988bf-86f1-41af-91ab-2d7cd011db47"
