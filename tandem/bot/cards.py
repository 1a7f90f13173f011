"""Outbound messages: text with an optional neutral card, each with a plain-text fallback."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class ButtonStyle(StrEnum):
    """How a button looks where the platform has styles."""

    DEFAULT = "default"
    PRIMARY = "primary"
    DANGER = "danger"


@dataclass(frozen=True, slots=True)
class Field:
    """A labelled value on a card."""

    label: str
    value: str


@dataclass(frozen=True, slots=True)
class Button:
    """A button that comes back as an ``ActionSubmitted`` with this id and value."""

    label: str
    action_id: str
    value: str = ""
    style: ButtonStyle = ButtonStyle.DEFAULT


@dataclass(frozen=True, slots=True)
class Input:
    """A text input on a form."""

    id: str
    label: str
    multiline: bool = False
    optional: bool = False
    initial: str = ""


@dataclass(frozen=True, slots=True)
class Form:
    """Inputs filled in and sent back together.

    Where inputs can sit in a message (a Teams Adaptive Card) they are shown in the
    card with ``submit``. Where they cannot (Slack), the card shows a button
    (``open_label``, ``open_action``) whose answer carries the same form, which
    then opens as a dialog (a Slack modal). The terminal asks the inputs in turn.
    """

    inputs: tuple[Input, ...]
    submit: Button
    open_label: str = ""
    open_action: str = ""
    refused: tuple[str, ...] = ()
    """The ids of inputs whose value was refused when the form was sent back: a form shown
    again, as typed, asks these again (the terminal asks only these; each other input
    keeps its value)."""


@dataclass(frozen=True, slots=True)
class Card:
    """A neutral card that each adapter renders natively."""

    title: str
    body: str = ""
    fields: tuple[Field, ...] = ()
    buttons: tuple[Button, ...] = ()
    form: Form | None = None
    footer: str = ""

    def fallback_text(self) -> str:
        """The card as plain text, for notifications and text-only clients."""
        lines = [self.title]
        if self.body:
            lines.append(self.body)
        lines.extend(f"{f.label}: {f.value}" for f in self.fields)
        if self.footer:
            lines.append(self.footer)
        return "\n".join(lines)


@dataclass(frozen=True, slots=True)
class FileAttachment:
    """A file sent with a message, such as a calendar invite (``.ics``).

    Slack uploads it into the conversation; Teams asks the person's consent and then
    puts it in their OneDrive (the Bot Framework's file flow in personal chats); the
    terminal writes it to a folder and prints the path.
    """

    name: str
    mime: str
    content: bytes
    title: str = ""


@dataclass(frozen=True, slots=True)
class Reply:
    """What the bot says back. ``text`` is always readable on its own; ``files`` are sent
    with it, after the message (an update of the message leaves them out)."""

    text: str
    card: Card | None = None
    ephemeral: bool = True
    locale: str = "en"
    files: tuple[FileAttachment, ...] = ()

    @classmethod
    def of_card(cls, card: Card, *, ephemeral: bool = True, locale: str = "en") -> Reply:
        """A reply whose text is the card's plain-text fallback."""
        return cls(text=card.fallback_text(), card=card, ephemeral=ephemeral, locale=locale)
