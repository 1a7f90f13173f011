"""Slack payloads to neutral values and neutral cards to Block Kit, on recorded payloads."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tandem.adapters.slack.inbound import (
    conversation,
    payload_team,
    split_share,
    strip_mentions,
    tenant_key,
    view_inputs,
)
from tandem.adapters.slack.render import SHARE_ACTION, card_blocks, home_view, message, modal_view
from tandem.bot.cards import Button, Card, Field, Form, Input, Reply
from tandem.bot.types import ConversationKind, Platform

PAYLOADS = Path(__file__).parent / "payloads" / "slack"


def payload(name: str) -> dict[str, Any]:
    return dict(json.loads((PAYLOADS / name).read_text("utf-8")))


def test_mentions_are_stripped_before_reading() -> None:
    event = payload("app_mention.json")["event"]
    assert strip_mentions(event["text"]) == "who owns dns?"
    assert strip_mentions("<@U0LAN0Z89|tandem>   /who-owns cms") == "/who-owns cms"


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
