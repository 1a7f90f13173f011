"""What a number typed in the terminal presses: the button shown beside that number.

Numbers are given once in a chat: each card shown takes the next free numbers for its
buttons, so a card arriving just before a press (a reminder) never changes what a number
the person already read means. A message shown again in a new version takes its earlier
numbers away (its buttons are those of the new version)."""

from __future__ import annotations

from dataclasses import dataclass

from tandem.bot.cards import Button
from tandem.bot.types import MessageRef


@dataclass(frozen=True, slots=True)
class Pressable:
    """A numbered button and the message it is on (None for the answer to what was typed,
    which is no message kept)."""

    button: Button
    message: MessageRef | None


@dataclass(frozen=True, slots=True)
class NotPressable:
    """A number typed that is beside no button one can press now; ``changed``: it was,
    on a message shown since in a new version."""

    number: int
    changed: bool


MAX_DIGITS = 6
"""A longer run of digits is text (an amount, a phone number), never a button."""


class Picks:
    """The buttons of the cards shown in one chat, each under its own number."""

    def __init__(self) -> None:
        self._pressable: dict[int, Pressable] = {}
        self._next = 1

    def offer(self, buttons: tuple[Button, ...], *, message: MessageRef | None = None) -> int:
        """Number ``buttons`` with the next free numbers; the first of them. A new version
        of ``message`` takes away the numbers its earlier version had."""
        if message is not None:
            for number, shown in list(self._pressable.items()):
                if shown.message is not None and _same(shown.message, message):
                    del self._pressable[number]
        first = self._next
        for number, button in enumerate(buttons, first):
            self._pressable[number] = Pressable(button=button, message=message)
        self._next += len(buttons)
        return first

    def pick(self, text: str) -> Pressable | NotPressable | None:
        """The button ``text`` numbers; :class:`NotPressable` when ``text`` is a number
        beside no button one can press (once buttons have been shown); None when ``text``
        is not a number, or no button was ever shown (a number is then text)."""
        if not text.isdigit() or len(text) > MAX_DIGITS or self._next == 1:
            return None
        number = int(text)
        shown = self._pressable.get(number)
        if shown is not None:
            return shown
        return NotPressable(number=number, changed=1 <= number < self._next)


def _same(one: MessageRef, other: MessageRef) -> bool:
    return one.id == other.id and one.conversation.id == other.conversation.id
