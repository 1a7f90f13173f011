"""What a number typed in the terminal clicks: the buttons of the last card shown."""

from __future__ import annotations

from dataclasses import dataclass

from tandem.bot.cards import Button
from tandem.bot.types import MessageRef


@dataclass
class Picks:
    """The numbered buttons of the last card with buttons shown, and the message it is
    (None for the answer to what was typed, which is no message kept)."""

    buttons: tuple[Button, ...] = ()
    message: MessageRef | None = None

    def offer(self, buttons: tuple[Button, ...], *, message: MessageRef | None = None) -> None:
        """Number ``buttons`` from now on (``()``: a number is text again)."""
        self.buttons = buttons
        self.message = message

    def pick(self, text: str) -> Button | None:
        """The button ``text`` numbers, if it is one of them."""
        if text.isdigit() and 1 <= int(text) <= len(self.buttons):
            return self.buttons[int(text) - 1]
        return None
