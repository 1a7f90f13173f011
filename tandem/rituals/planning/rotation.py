"""Who from IT represents each topic of a meeting: pure choice, no database, no clock.

For each topic, the IT people Responsible or Consulted for it (in the matrix's order) are
the candidates; one already picked for another topic covers it too. Topics with no
available candidate are covered by one person of the rotation pool. Among the available,
the one picked least often (then longest ago, then first in the matrix) is chosen, so
the load levels out over sessions. People away, busy in another meeting, or who declined
this one are skipped, and the reasons are kept to tell the organiser.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime

POOL = "pool"
RACI = "raci"
_NEVER = datetime.min.replace(tzinfo=UTC)


@dataclass(frozen=True, slots=True)
class Pick:
    """Someone chosen for some topics of the meeting."""

    email: str
    topics: tuple[str, ...]
    via: str


@dataclass(frozen=True, slots=True)
class Choice:
    """The picks, the topics left without anyone, and who was skipped and why."""

    picks: tuple[Pick, ...] = ()
    uncovered: tuple[str, ...] = ()
    skipped: tuple[tuple[str, str], ...] = ()


@dataclass(slots=True)
class _Open:
    email: str
    topics: list[str] = field(default_factory=list)
    via: str = RACI


def choose(
    *,
    topics: Sequence[str],
    holders: Mapping[str, Sequence[str]],
    pool: Sequence[str],
    unavailable: Mapping[str, str],
    present: Mapping[str, tuple[tuple[str, ...], str]],
    load: Mapping[str, tuple[int, datetime | None]],
) -> Choice:
    """Pick representatives for the topics nobody ``present`` covers yet.

    Args:
        topics: the meeting's topics, in order.
        holders: per topic, its IT Responsible then Consulted, in the matrix's order.
        pool: the rotation pool, in the order it was set.
        unavailable: who may not be picked, with why (away, busy, declined).
        present: who is already invited and still expected, with the topics they
            cover and how they were picked.
        load: how often and when each person was last picked.

    Returns:
        The new picks only (``present`` are not repeated).
    """
    counts = {email: used for email, (used, _) in load.items()}
    last = {email: when or _NEVER for email, (_, when) in load.items()}
    covering: dict[str, _Open] = {
        email: _Open(email=email, topics=list(covered), via=via)
        for email, (covered, via) in present.items()
    }
    new: dict[str, _Open] = {}
    skipped: dict[str, str] = {}
    for_pool: list[str] = []

    def least(options: Sequence[str]) -> str:
        return min(
            options,
            key=lambda e: (counts.get(e, 0), last.get(e, _NEVER), options.index(e)),
        )

    for topic in topics:
        if any(topic in held.topics for held in covering.values()):
            continue
        candidates = list(dict.fromkeys(holders.get(topic, ())))
        taken = next((e for e in candidates if e in covering and covering[e].via != POOL), None)
        if taken is not None:
            covering[taken].topics.append(topic)
            continue
        for email in candidates:
            if email in unavailable:
                skipped.setdefault(email, unavailable[email])
        available = [e for e in candidates if e not in unavailable]
        if not available:
            for_pool.append(topic)
            continue
        email = least(available)
        counts[email] = counts.get(email, 0) + 1
        chosen = _Open(email=email, topics=[topic])
        covering[email] = new[email] = chosen
    if for_pool:
        drawn = next((o for o in covering.values() if o.via == POOL), None)
        if drawn is None:
            for email in pool:
                if email in unavailable:
                    skipped.setdefault(email, unavailable[email])
            available = [e for e in dict.fromkeys(pool) if e not in unavailable]
            available = [e for e in available if e not in covering]
            if available:
                drawn = _Open(email=least(available), via=POOL)
                covering[drawn.email] = new[drawn.email] = drawn
        if drawn is not None:
            drawn.topics.extend(for_pool)
            for_pool = []
    return Choice(
        picks=tuple(Pick(email=o.email, topics=tuple(o.topics), via=o.via) for o in new.values()),
        uncovered=tuple(for_pool),
        skipped=tuple(skipped.items()),
    )
