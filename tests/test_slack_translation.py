"""Slack payloads to neutral values and neutral cards to Block Kit, on recorded payloads."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tandem.adapters.slack.inbound import (
    action_conversation,
    action_event,
    command_event,
    conversation,
    home_event,
    message_event,
    neutral_text,
    payload_team,
    read_by_tandem,
    split_share,
    tenant_key,
    view_event,
    view_inputs,
)
from tandem.adapters.slack.render import SHARE_ACTION, card_blocks, home_view, message, modal_view
from tandem.bot.cards import Button, Card, Field, Form, Input, Reply
from tandem.bot.mentions import TYPED_CHANNEL, TYPED_USER, NeutralText, as_names
from tandem.bot.types import ConversationKind, Mention, MentionKind, Platform, User

PAYLOADS = Path(__file__).parent / "payloads" / "slack"


def payload(name: str) -> dict[str, Any]:
    return dict(json.loads((PAYLOADS / name).read_text("utf-8")))


def test_the_bots_own_mention_is_dropped_before_reading() -> None:
    event = payload("app_mention.json")["event"]
    assert neutral_text(event["text"], addressed=True) == NeutralText("who owns dns?")
    addressed = neutral_text("<@U0LAN0Z89|tandem>   /who-owns cms", addressed=True)
    assert addressed.text == "/who-owns cms"
    assert neutral_text("ask <@UBOT> and <@UBOT>", bot_user_id="UBOT").text == "ask and"


def test_people_and_channels_picked_become_neutral_mentions() -> None:
    typed = neutral_text("waiting for <@U0ANA|ana> and <@W0BEN>; #general <#C0LAN2Q65|it-ops>")
    ana = Mention(MentionKind.PERSON, "U0ANA", "ana")
    ben = Mention(MentionKind.PERSON, "W0BEN", "")
    ops = Mention(MentionKind.CHANNEL, "C0LAN2Q65", "it-ops")
    assert typed.mentions == (ana, ben, ops)
    assert typed.text == f"waiting for {ana.token} and {ben.token}; #general {ops.token}"
    assert "<" not in typed.text and as_names(typed.text) == (
        "waiting for @ana and @W0BEN; #general #it-ops"
    )
    assert TYPED_USER.match(ana.token) and TYPED_CHANNEL.match(ops.token)
    assert neutral_text("<!here> &lt;@U0ANA&gt; <https://x.example|x>").mentions == ()


@pytest.mark.parametrize(
    ("name", "team"),
    [
        ("app_mention.json", "T061EG9R6"),
        ("block_actions.json", "T061EG9R6"),
        ("view_submission.json", "T061EG9R6"),
    ],
)
def test_every_payload_kind_says_its_workspace(name: str, team: str) -> None:
    assert payload_team(payload(name)) == (team, None)


def test_tenant_keys_for_workspaces_and_grid_orgs() -> None:
    assert str(tenant_key(team_id="T061EG9R6", enterprise_id=None)) == "slack:T061EG9R6"
    org = tenant_key(team_id=None, enterprise_id="E0AKF1A2B")
    assert (org.platform, org.workspace) == (Platform.SLACK, "E0AKF1A2B")
    with pytest.raises(ValueError):
        tenant_key(team_id=None, enterprise_id=None)


def test_direct_messages_channels_and_groups() -> None:
    key = tenant_key(team_id="T1", enterprise_id=None)
    im = payload("message_im.json")["event"]
    dm = conversation(tenant=key, channel_id=im["channel"], channel_type=im["channel_type"])
    assert dm.kind is ConversationKind.DIRECT
    assert conversation(tenant=key, channel_id="C0LAN2Q65").kind is ConversationKind.CHANNEL
    assert conversation(tenant=key, channel_id="G01", channel_type="mpim").kind is (
        ConversationKind.GROUP
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("dns share", ("dns", True)),
        ("noms de domaine partager", ("noms de domaine", True)),
        ("dns", ("dns", False)),
        ("", ("", False)),
        ("share", ("", True)),
    ],
)
def test_share_is_asked_with_a_last_word(text: str, expected: tuple[str, bool]) -> None:
    assert split_share(text) == expected


def test_modal_inputs_come_back_by_input_id() -> None:
    view = payload("view_submission.json")["view"]
    assert view_inputs(view) == {"what": "A LinkedIn tag", "how_long": "3m"}


def test_a_card_renders_as_blocks_within_slack_limits() -> None:
    card = Card(
        title="Domain names and DNS (domain-names)" * 10,
        body="Buying <domains> & DNS",
        fields=tuple(Field(label=f"Role {n}", value="Ana Silva") for n in range(12)),
        buttons=(Button(label="Show", action_id="raci.show:dns", value="dns"),),
        footer="Last changed",
    )
    blocks = card_blocks(card)
    assert blocks[0]["type"] == "header" and len(blocks[0]["text"]["text"]) <= 150
    assert blocks[1]["text"]["text"] == "Buying &lt;domains&gt; &amp; DNS"
    sections = [b for b in blocks if "fields" in b]
    assert [len(b["fields"]) for b in sections] == [10, 2]
    assert blocks[-2]["elements"][0]["action_id"] == "raci.show:dns"
    assert blocks[-1]["type"] == "context"


def test_an_ephemeral_card_offers_to_share_and_a_public_one_does_not() -> None:
    card = Card(title="T", fields=(Field(label="Responsible", value="Ana"),))
    private = message(
        Reply.of_card(card), share_label="Share in channel", share_value="who-owns dns"
    )
    share = private["blocks"][-1]["elements"][-1]
    assert (share["action_id"], share["value"]) == (SHARE_ACTION, "who-owns dns")
    public = message(Reply.of_card(card, ephemeral=False), share_label="Share in channel")
    assert all(b["type"] != "actions" for b in public["blocks"])
    assert message(Reply(text="plain"))["text"] == "plain"


def test_home_and_modal_views() -> None:
    home = home_view(Reply.of_card(Card(title="Tandem", fields=(Field(label="A", value="B"),))))
    assert home["type"] == "home" and home["blocks"][0]["type"] == "header"
    form = Form(
        inputs=(Input(id="what", label="What?"),),
        submit=Button(label="Send", action_id="guardrail.request", value="rule-1"),
        open_label="Fill in",
        open_action="guardrail.open",
    )
    card = Card(title="Request approval", form=form)
    modal = modal_view(card, close="Cancel")
    assert modal["callback_id"] == "guardrail.request"
    assert modal["private_metadata"] == "rule-1"
    assert modal["submit"]["text"] == "Send"
    # In a message, where inputs cannot sit, the form is a button that opens it.
    (actions,) = [b for b in card_blocks(card) if b["type"] == "actions"]
    assert [(e["action_id"], e["value"]) for e in actions["elements"]] == [
        ("guardrail.open", "rule-1")
    ]
    assert modal["blocks"][0]["block_id"] == "what"


@pytest.mark.parametrize(
    ("title", "shown"),
    [
        ("Request approval", "Request approval"),  # fits: as it is
        ("📝 Needs a quick approval", "📝 Needs a quick…"),  # 24 letters, 25 units: the emoji
        ("📝 Demande une validation rapide", "📝 Demande une…"),
        ("Planning: décliner l'invitation", "Planning: décliner…"),
        ("Anticonstitutionnellement-parlant", "Anticonstitutionnelleme…"),  # one word: cut in it
    ],
)
def test_a_modal_title_fits_slack_and_is_cut_after_a_whole_word(title: str, shown: str) -> None:
    """Slack refuses a modal whose title, submit or close label is over 24 UTF-16 code
    units (an emoji counts two): the modal would never open."""
    form = Form(
        inputs=(Input(id="what", label="What?"),),
        submit=Button(label="Envoyer la demande d'approbation", action_id="a", value="v"),
    )
    modal = modal_view(Card(title=title, form=form), close="Annuler et revenir plus tard")
    assert modal["title"]["text"] == shown
    assert modal["submit"]["text"] == "Envoyer la demande…"
    assert modal["close"]["text"] == "Annuler et revenir plus…"
    for label in (modal["title"], modal["submit"], modal["close"]):
        assert len(label["text"].encode("utf-16-le")) // 2 <= 24


# -- whole payloads to neutral events --------------------------------------------------------

KEY = tenant_key(team_id="T061EG9R6", enterprise_id=None)
HUGO = User(tenant=KEY, platform_user_id="U061F7AUR", display_name="Hugo Bernard")


def test_a_slash_command_is_a_neutral_command_with_what_was_picked() -> None:
    event, share = command_event(payload("slash_command.json"), user=HUGO)
    ana = Mention(MentionKind.PERSON, "U0ANA0001", "ana")
    dns = Mention(MentionKind.CHANNEL, "C0DNS0001", "dns-changes")
    assert (event.command, share, event.mentions) == ("blocker", False, (ana, dns))
    assert event.text == f"waiting for {ana.token} on the DNS record {dns.token}"
    assert (event.conversation.id, event.conversation.kind) == (
        "C0LAN2Q65",
        ConversationKind.CHANNEL,
    )
    assert event.user is HUGO


@pytest.mark.parametrize(
    ("channel_id", "channel_name", "kind"),
    [
        ("D024BE91L", "directmessage", ConversationKind.DIRECT),
        ("C0MPDM001", "mpdm-hugo--sam--ana-1", ConversationKind.GROUP),
        ("C0LAN2Q65", "marketing-it", ConversationKind.CHANNEL),
    ],
)
def test_a_slash_command_says_what_kind_of_conversation_it_came_from(
    channel_id: str, channel_name: str, kind: ConversationKind
) -> None:
    body = {**payload("slash_command.json"), "channel_id": channel_id, "channel_name": channel_name}
    event, _ = command_event(body, user=HUGO)
    assert (event.conversation.id, event.conversation.kind) == (channel_id, kind)


def test_a_slash_command_ending_with_share_asks_for_everyone_to_see() -> None:
    body = {**payload("slash_command.json"), "command": "/who-owns", "text": "dns share"}
    event, share = command_event(body, user=HUGO)
    assert (event.command, event.text, event.mentions, share) == ("who-owns", "dns", (), True)


def test_a_button_pressed_in_a_message_is_an_action_on_that_message() -> None:
    body = payload("block_actions.json")
    where = action_conversation(body, tenant=KEY)
    assert where is not None and (where.id, where.kind) == ("C0LAN2Q65", ConversationKind.CHANNEL)
    event = action_event(body, body["actions"][0], user=HUGO, where=where)
    assert (event.action_id, event.value) == ("raci.show:web-performance", "web-performance")
    assert event.message is not None and event.message.id == "1548261231.000200"


def test_a_menu_choice_in_app_home_is_an_action_with_the_option_chosen() -> None:
    body = payload("block_actions_home.json")
    assert action_conversation(body, tenant=KEY) is None  # answered in a DM opened for it
    dm = conversation(tenant=KEY, channel_id="D024BE91L", channel_type="im")
    event = action_event(body, body["actions"][0], user=HUGO, where=dm)
    assert (event.action_id, event.value, event.message) == ("raci.show", "domain-names", None)


def test_a_modal_submitted_is_its_forms_submit_action_with_the_inputs() -> None:
    dm = conversation(tenant=KEY, channel_id="D024BE91L", channel_type="im")
    event = view_event(payload("view_submission.json")["view"], user=HUGO, where=dm)
    assert (event.action_id, event.value) == ("test.request", "shhh-its-secret")
    assert event.inputs == {"what": "A LinkedIn tag", "how_long": "3m"}
    assert event.conversation.kind is ConversationKind.DIRECT


def test_a_direct_message_and_a_mention_are_free_text() -> None:
    received = message_event(payload("message_im.json")["event"], user=HUGO)
    assert received is not None
    assert (received.text, received.conversation.kind) == (
        "/who-owns noms de domaine",
        ConversationKind.DIRECT,
    )
    assert received.conversation.thread is None
    mentioned = message_event(payload("app_mention.json")["event"], user=HUGO, bot_user_id="U0X")
    assert mentioned is not None
    assert (mentioned.text, mentioned.conversation.thread) == ("who owns dns?", "1515449522.000016")


@pytest.mark.parametrize(
    "change",
    [{"subtype": "message_changed"}, {"bot_id": "B0LAN0Z89"}, {"channel_type": "channel"}],
)
def test_edits_bots_and_channel_messages_are_not_read(change: dict[str, str]) -> None:
    event = {**payload("message_im.json")["event"], **change}
    assert not read_by_tandem(event) and message_event(event, user=HUGO) is None


def test_app_home_opened_on_its_home_tab_only() -> None:
    event = payload("app_home_opened.json")["event"]
    opened = home_event(event, user=HUGO)
    assert opened is not None and opened.conversation.id == "D024BE91L"
    assert home_event({**event, "tab": "messages"}, user=HUGO) is None
