"""Neutral replies and cards to Adaptive Cards 1.5, with a text fallback; files as the
Bot Framework's file consent and file info cards."""

from __future__ import annotations

import base64
import logging
from dataclasses import replace
from typing import Any

from botbuilder.schema import Activity, ActivityTypes, Attachment

from tandem.adapters.teams.inbound import CARD_ACTION, CARD_VALUE
from tandem.bot.cards import ButtonStyle, Card, Field, FileAttachment, Reply
from tandem.bot.mentions import as_names

log = logging.getLogger(__name__)
CONTENT_TYPE = "application/vnd.microsoft.card.adaptive"
FILE_CONSENT = "application/vnd.microsoft.teams.card.file.consent"
FILE_INFO = "application/vnd.microsoft.teams.card.file.info"
# The file rides in the consent card (base64, until the person accepts it) and Teams caps a
# bot's message at about 100 KB counted in UTF-16: 24 KB of file stays well under it.
MAX_FILE_BYTES = 24 * 1024
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


def file_consents(files: tuple[FileAttachment, ...]) -> list[Activity]:
    """One message per file asking to save it in the person's OneDrive (personal chats only).

    The accept context carries the file itself (name, type, base64 content), so that the
    ``fileConsent/invoke`` that comes back holds all the upload needs. An empty file or one
    over :data:`MAX_FILE_BYTES` is left out, with a warning.
    """
    found = []
    for file in files:
        size = len(file.content)
        if not 0 < size <= MAX_FILE_BYTES:
            log.warning(
                "Teams: %s not offered (%d bytes; 1 to %d)", file.name, size, MAX_FILE_BYTES
            )
            continue
        content = {
            "description": file.title or file.name,
            "sizeInBytes": size,
            "acceptContext": {
                "name": file.name,
                "mime": file.mime,
                "content": base64.b64encode(file.content).decode("ascii"),
            },
            "declineContext": {"name": file.name},
        }
        found.append(
            Activity(
                type=ActivityTypes.message,
                attachments=[
                    Attachment(content_type=FILE_CONSENT, name=file.name, content=content)
                ],
            )
        )
    return found


def file_info(*, name: str, content_url: str, unique_id: str, file_type: str) -> Activity:
    """A message showing a file saved in the person's OneDrive, which they can open."""
    return Activity(
        type=ActivityTypes.message,
        attachments=[
            Attachment(
                content_type=FILE_INFO,
                content_url=content_url,
                name=name,
                content={"uniqueId": unique_id, "fileType": file_type},
            )
        ],
    )
