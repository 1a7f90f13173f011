"""What the people invited to a planning meeting should know before it: its topics' open
blockers, pending approvals and unanswered questions (the cards show it, the service
gathers it)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Agenda:
    """What the representatives should know before the meeting, on its topics."""

    blockers: tuple[tuple[int, str, str, str | None], ...] = ()  # id, topic, text, owner
    approvals: tuple[tuple[int, str, str, str], ...] = ()  # id, topic, what, requester
    questions: tuple[tuple[int, str], ...] = ()  # id, text
