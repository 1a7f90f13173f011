"""Neutral replies and cards to Block Kit, within Slack's limits."""

from __future__ import annotations

import re
from typing import Any

from tandem.bot.cards import Button, ButtonStyle, Card, Reply
from tandem.bot.i18n import Translator
from tandem.bot.mentions import as_names, render_mentions
from tandem.bot.types import Mention, MentionKind

MAX_BLOCKS = 50  # in a message; App Home takes 100
MAX_HOME_BLOCKS = 100
MAX_TEXT = 2900
MAX_FIELD = 1900
SHARE_ACTION = "tandem.share"


MODAL_LABEL = 24  # a modal's title, submit and close labels, in UTF-16 code units


def _cut(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def utf16_length(text: str) -> int:
    """How long Slack finds ``text``: in UTF-16 code units (an emoji often counts two)."""
    return len(text.encode("utf-16-le")) // 2


def cut_words(text: str, limit: int) -> str:
    """``text`` within ``limit`` UTF-16 code units: when too long, cut after the last whole
    word that fits, with an ellipsis (mid-word only when the first word alone is too long)."""
    if utf16_length(text) <= limit:
        return text
    room, used, end = limit - 1, 0, 0  # one unit for the ellipsis
    while used + utf16_length(text[end]) <= room:
        used += utf16_length(text[end])
        end += 1
    head = text[:end]
    if not text[end].isspace() and any(c.isspace() for c in head):
        head = head[: max(i for i, c in enumerate(head) if c.isspace())]
    return head.rstrip(" ,;:—–-") + "…"


# What Slack itself writes for a person or a channel picked in a typed line, in texts kept
# from before mentions were read as neutral ones (a blocker's text): kept as is.
# Everything else in angle brackets (``<!channel>``, ``<!here>``, ``<!subteam^…>``, a link
# ``<https://…|label>`` that hides where it goes) is shown as typed, never acted on.
_SLACK_PERSON = re.compile(r"[UW][A-Z0-9]+")
_SLACK_CHANNEL = re.compile(r"[CG][A-Z0-9]+")
_PERSON_OR_CHANNEL = re.compile(r"(<(?:@[UW][A-Z0-9]+|#C[A-Z0-9]+)(?:\|[^<>|]*)?>)")


def _escape(text: str) -> str:
    """Text for mrkdwn: ``&``, ``<`` and ``>`` escaped (Slack's three), so nothing typed
    pings a channel or disguises a link; then Tandem's own mentions as Slack's."""
    parts = _PERSON_OR_CHANNEL.split(text)
    escaped = "".join(
        part if index % 2 else part.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        for index, part in enumerate(parts)
    )
    return _mentions(escaped)


def _slack_mention(found: Mention) -> str:
    """A neutral mention as Slack's (a person notified, a channel linked); an id that is
    not Slack's as its name."""
    if found.kind is MentionKind.PERSON and _SLACK_PERSON.fullmatch(found.id):
        return f"<@{found.id}>"
    if found.kind is MentionKind.CHANNEL and _SLACK_CHANNEL.fullmatch(found.id):
        return f"<#{found.id}>"
    return f"{found.kind.value}{found.name}"


def _mentions(text: str) -> str:
    return render_mentions(text, _slack_mention)


def _button(button: Button, index: int) -> dict[str, Any]:
    element: dict[str, Any] = {
        "type": "button",
        "text": {"type": "plain_text", "text": _cut(button.label, 75), "emoji": True},
        "action_id": _cut(button.action_id, 240) or f"tandem.button.{index}",
        "value": _cut(button.value, 2000),
    }
    if button.style is not ButtonStyle.DEFAULT:
        element["style"] = button.style.value
    return element


def card_blocks(
    card: Card,
    *,
    extra_buttons: tuple[Button, ...] = (),
    locale: str = "en",
    max_blocks: int = MAX_BLOCKS,
) -> list[dict[str, Any]]:
    """A card as blocks: header, body, fields (ten a section), buttons, footer.

    Within ``max_blocks`` (Slack refuses a longer message and cuts a longer App Home
    without a word): fields that do not fit are left out, and a line says how many.
    """
    blocks: list[dict[str, Any]] = [
        {"type": "header", "text": {"type": "plain_text", "text": _cut(as_names(card.title), 150)}}
    ]
    if card.body:
        blocks.append(
            {
                "type": "section",
                "text": {"type": "mrkdwn", "text": _cut(_escape(card.body), MAX_TEXT)},
            }
        )
    fields = [
        {"type": "mrkdwn", "text": _cut(f"*{_escape(f.label)}*\n{_escape(f.value)}", MAX_FIELD)}
        for f in card.fields
    ]
    sections = [fields[start : start + 10] for start in range(0, len(fields), 10)]
    others = len(blocks) + bool(card.footer) + bool(card.buttons or extra_buttons or card.form)
    left_out = 0
    if others + len(sections) > max_blocks:
        kept = max(max_blocks - others - 1, 0)  # one block says how many are left out
        left_out = sum(len(section) for section in sections[kept:])
        sections = sections[:kept]
    blocks.extend({"type": "section", "fields": section} for section in sections)
    if left_out:
        more = Translator(locale=locale)("cards.more", count=left_out)
        blocks.append({"type": "context", "elements": [{"type": "mrkdwn", "text": more}]})
    opener: tuple[Button, ...] = ()
    if card.form is not None and card.form.open_action:
        opener = (
            Button(
                label=card.form.open_label,
                action_id=card.form.open_action,
                value=card.form.submit.value,
                style=ButtonStyle.PRIMARY,
            ),
        )
    buttons = (*opener, *card.buttons, *extra_buttons)
    if buttons:
        blocks.append(
            {"type": "actions", "elements": [_button(b, i) for i, b in enumerate(buttons[:25])]}
        )
    if card.footer:
        blocks.append(
            {
                "type": "context",
                "elements": [{"type": "mrkdwn", "text": _cut(_escape(card.footer), MAX_TEXT)}],
            }
        )
    return blocks


def message(
    reply: Reply, *, share_label: str | None = None, share_value: str = ""
) -> dict[str, Any]:
    """``text`` (the fallback, used in notifications) and ``blocks`` for a reply.

    With ``share_label``, an ephemeral card gets a button that posts it to the channel.
    """
    payload: dict[str, Any] = {"text": _cut(_escape(reply.text), 3000)}
    if reply.card is not None:
        extra: tuple[Button, ...] = ()
        if share_label and reply.ephemeral:
            extra = (Button(label=share_label, action_id=SHARE_ACTION, value=share_value),)
        payload["blocks"] = card_blocks(reply.card, extra_buttons=extra, locale=reply.locale)
    return payload


def home_view(reply: Reply) -> dict[str, Any]:
    """The App Home tab."""
    blocks = (
        card_blocks(reply.card, locale=reply.locale, max_blocks=MAX_HOME_BLOCKS)
        if reply.card
        else [
            {
                "type": "section",
                "text": {"type": "mrkdwn", "text": _cut(_escape(reply.text), MAX_TEXT)},
            }
        ]
    )
    return {"type": "home", "blocks": blocks}


def modal_view(card: Card, *, close: str) -> dict[str, Any]:
    """The card's form as a modal; its inputs come back, by input id, in a view submission
    whose ``callback_id`` is the form's submit action and ``private_metadata`` its value."""
    assert card.form is not None, "only a card with a form opens as a modal"
    form = card.form
    blocks: list[dict[str, Any]] = []
    if card.body:
        blocks.append(
            {
                "type": "section",
                "text": {"type": "mrkdwn", "text": _cut(_escape(card.body), MAX_TEXT)},
            }
        )
    blocks.extend(
        {
            "type": "section",
            "fields": [
                {
                    "type": "mrkdwn",
                    "text": _cut(f"*{_escape(f.label)}*\n{_escape(f.value)}", MAX_FIELD),
                }
            ],
        }
        for f in card.fields[:20]
    )
    for item in form.inputs:
        element: dict[str, Any] = {
            "type": "plain_text_input",
            "action_id": "value",
            "multiline": item.multiline,
        }
        if item.initial:
            element["initial_value"] = item.initial
        blocks.append(
            {
                "type": "input",
                "block_id": item.id,
                "optional": item.optional,
                "label": {"type": "plain_text", "text": _cut(item.label, 2000)},
                "element": element,
            }
        )
    return {
        "type": "modal",
        "callback_id": _cut(form.submit.action_id, 255),
        "private_metadata": _cut(form.submit.value, 3000),
        "title": {"type": "plain_text", "text": cut_words(as_names(card.title), MODAL_LABEL)},
        "submit": {"type": "plain_text", "text": cut_words(form.submit.label, MODAL_LABEL)},
        "close": {"type": "plain_text", "text": cut_words(close, MODAL_LABEL)},
        "blocks": blocks,
    }
