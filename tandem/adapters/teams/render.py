"""Neutral replies and cards to Adaptive Cards 1.5, with a text fallback."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from botbuilder.schema import Activity, ActivityTypes, Attachment

from tandem.adapters.teams.inbound import CARD_ACTION, CARD_VALUE
from tandem.bot.cards import ButtonStyle, Card, Field, Reply
from tandem.bot.mentions import as_names

CONTENT_TYPE = "application/vnd.microsoft.card.adaptive"
_STYLES = {ButtonStyle.PRIMARY: "positive", ButtonStyle.DANGER: "destructive"}


def adaptive_card(card: Card) -> dict[str, Any]:
    """A card as an Adaptive Card (version 1.5); mentions show as ``@Name``."""
    return _adaptive_card(_plain_names(card))


def _plain_names(card: Card) -> Card:
    return replace(
        card,
        title=as_names(card.title),
        body=as_names(card.body),
        footer=as_names(card.footer),
        fields=tuple(Field(label=as_names(f.label), value=as_names(f.value)) for f in card.fields),
    )


def _adaptive_card(card: Card) -> dict[str, Any]:
    body: list[dict[str, Any]] = [
        {
            "type": "TextBlock",
            "text": card.title,
            "weight": "Bolder",
            "size": "Medium",
            "wrap": True,
        }
    ]
    if card.body:
        body.append({"type": "TextBlock", "text": card.body, "wrap": True})
    if card.fields:
        body.append(
            {
                "type": "FactSet",
                "facts": [{"title": f.label, "value": f.value} for f in card.fields],
            }
        )
    form_inputs = card.form.inputs if card.form else ()
    for item in form_inputs:
        body.append(
            {
                "type": "Input.Text",
                "id": item.id,
                "label": item.label,
                "isMultiline": item.multiline,
                "isRequired": not item.optional,
                "value": item.initial,
            }
        )
    if card.footer:
        body.append(
            {
                "type": "TextBlock",
                "text": card.footer,
                "isSubtle": True,
                "size": "Small",
                "wrap": True,
            }
        )
    actions = []
    buttons = (card.form.submit, *card.buttons) if card.form else card.buttons
    for button in buttons:
        action: dict[str, Any] = {
            "type": "Action.Submit",
            "title": button.label,
            "data": {CARD_ACTION: button.action_id, CARD_VALUE: button.value},
        }
        if button.style in _STYLES:
            action["style"] = _STYLES[button.style]
        actions.append(action)
    content: dict[str, Any] = {
        "type": "AdaptiveCard",
        "$schema": "http://adaptivecards.io/schemas/adaptive-card.json",
        "version": "1.5",
        "body": body,
        "fallbackText": card.fallback_text(),
    }
    if actions:
        content["actions"] = actions
    return content


def activity(reply: Reply) -> Activity:
    """A message activity: the card as an attachment, else the text."""
    if reply.card is None:
        return Activity(type=ActivityTypes.message, text=as_names(reply.text))
    return Activity(
        type=ActivityTypes.message,
        summary=as_names(reply.text)[:200],
        attachments=[Attachment(content_type=CONTENT_TYPE, content=adaptive_card(reply.card))],
    )
