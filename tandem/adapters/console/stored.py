"""A neutral reply as JSON and back, as the terminal's mailbox keeps it."""

from __future__ import annotations

import base64
from collections.abc import Mapping
from typing import Any

from tandem.bot.cards import Button, ButtonStyle, Card, Field, FileAttachment, Form, Input, Reply


def _button(button: Button) -> dict[str, str]:
    return {
        "label": button.label,
        "action_id": button.action_id,
        "value": button.value,
        "style": button.style.value,
    }


def _card(card: Card) -> dict[str, Any]:
    form = card.form
    return {
        "title": card.title,
        "body": card.body,
        "fields": [{"label": f.label, "value": f.value} for f in card.fields],
        "buttons": [_button(b) for b in card.buttons],
        "form": None
        if form is None
        else {
            "inputs": [
                {
                    "id": i.id,
                    "label": i.label,
                    "multiline": i.multiline,
                    "optional": i.optional,
                    "initial": i.initial,
                }
                for i in form.inputs
            ],
            "submit": _button(form.submit),
            "open_label": form.open_label,
            "open_action": form.open_action,
            "refused": list(form.refused),
        },
        "footer": card.footer,
    }


def dump_reply(reply: Reply) -> dict[str, Any]:
    """``reply`` as plain JSON values (files in base64)."""
    return {
        "text": reply.text,
        "card": None if reply.card is None else _card(reply.card),
        "ephemeral": reply.ephemeral,
        "locale": reply.locale,
        "files": [
            {
                "name": f.name,
                "mime": f.mime,
                "content": base64.b64encode(f.content).decode("ascii"),
                "title": f.title,
            }
            for f in reply.files
        ],
    }


def _load_button(data: Mapping[str, Any]) -> Button:
    return Button(
        label=str(data["label"]),
        action_id=str(data["action_id"]),
        value=str(data.get("value", "")),
        style=ButtonStyle(data.get("style", ButtonStyle.DEFAULT.value)),
    )


def _load_card(data: Mapping[str, Any]) -> Card:
    form_data = data.get("form")
    form = None
    if form_data is not None:
        form = Form(
            inputs=tuple(
                Input(
                    id=str(i["id"]),
                    label=str(i["label"]),
                    multiline=bool(i.get("multiline", False)),
                    optional=bool(i.get("optional", False)),
                    initial=str(i.get("initial", "")),
                )
                for i in form_data["inputs"]
            ),
            submit=_load_button(form_data["submit"]),
            open_label=str(form_data.get("open_label", "")),
            open_action=str(form_data.get("open_action", "")),
            refused=tuple(str(i) for i in form_data.get("refused", ())),
        )
    return Card(
        title=str(data["title"]),
        body=str(data.get("body", "")),
        fields=tuple(Field(label=str(f["label"]), value=str(f["value"])) for f in data["fields"]),
        buttons=tuple(_load_button(b) for b in data.get("buttons", ())),
        form=form,
        footer=str(data.get("footer", "")),
    )


def load_reply(data: Mapping[str, Any]) -> Reply:
    """The reply :func:`dump_reply` wrote."""
    card = data.get("card")
    return Reply(
        text=str(data.get("text", "")),
        card=None if card is None else _load_card(card),
        ephemeral=bool(data.get("ephemeral", True)),
        locale=str(data.get("locale", "en")),
        files=tuple(
            FileAttachment(
                name=str(f["name"]),
                mime=str(f["mime"]),
                content=base64.b64decode(f["content"]),
                title=str(f.get("title", "")),
            )
            for f in data.get("files", ())
        ),
    )
