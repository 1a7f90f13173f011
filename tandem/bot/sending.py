"""Which scheduled send a message belongs to, so an adapter can tell whether it went out.

A scheduled send (a stand-up prompt, a summary, a reminder) is claimed in the
database before it goes out and marked sent after. A process killed in between
leaves the question open: did the platform get the message? The delivery layer
runs each attempt inside :func:`scheduled_send`; every message the attempt posts
carries a stable marker (the delivery's id and the message's rank in the attempt).
On a later attempt (``look_since`` set), an adapter that can read a conversation's
history looks for the marker first and returns the message found instead of
posting it again. Adapters that cannot read history post again (at least once).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from datetime import datetime


@dataclass
class ScheduledSend:
    """One attempt at one scheduled send.

    Attributes:
        delivery: the delivery's id, stable across attempts and processes.
        look_since: when a previous attempt may have posted (the claim's time): look
            for its messages before posting; None on a first attempt.
    """

    delivery: int
    look_since: datetime | None
    _posted: int = field(default=0, repr=False)

    def next_marker(self) -> str:
        """The marker of the next message this attempt posts (``d12.0``, ``d12.1``…)."""
        marker = f"d{self.delivery}.{self._posted}"
        self._posted += 1
        return marker


_current: ContextVar[ScheduledSend | None] = ContextVar("tandem_scheduled_send", default=None)


@contextmanager
def scheduled_send(*, delivery: int, look_since: datetime | None) -> Iterator[ScheduledSend]:
    """Run the block as one attempt of a scheduled send (tasks it starts inherit it)."""
    send = ScheduledSend(delivery=delivery, look_since=look_since)
    token = _current.set(send)
    try:
        yield send
    finally:
        _current.reset(token)


def current_send() -> ScheduledSend | None:
    """The scheduled send being attempted here, or None for an answer to a person."""
    return _current.get()
