"""The PM digest: open blockers by age and topic, what was resolved, how fast, and
which topics keep producing blockers."""

from __future__ import annotations

import math
import statistics
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from tandem.bot.cards import Card, Field
from tandem.bot.i18n import Translator
from tandem.bot.timefmt import format_instant
from tandem.rituals.blockers import cards
from tandem.rituals.common import wording
from tandem.storage.records import BlockerView, StandupMemberView, TopicRecord

WINDOW = timedelta(days=30)
RECURRING = 3  # blockers in the window that make a topic "keep producing blockers"
MAX_LINES = 15


@dataclass(frozen=True, slots=True)
class Digest:
    """The figures of one digest."""

    open: tuple[BlockerView, ...]
    by_topic: tuple[tuple[str | None, int], ...]
    resolved: tuple[BlockerView, ...]
    since: datetime
    median: timedelta | None
    p90: timedelta | None
    resolved_in_window: int
    recurring: tuple[tuple[str, int], ...]


def percentile(values: Sequence[timedelta], share: float) -> timedelta | None:
    """The nearest-rank percentile (``share`` 0.9 for the 90th)."""
    if not values:
        return None
    ordered = sorted(values)
    return ordered[max(math.ceil(share * len(ordered)) - 1, 0)]


def build(
    *,
    open_blockers: Sequence[BlockerView],
    resolved_recently: Sequence[BlockerView],
    since: datetime,
    now: datetime,
) -> Digest:
    """The digest of a tenant's blockers at ``now``.

    Args:
        open_blockers: every open blocker.
        resolved_recently: blockers resolved in the last 30 days (or since ``since``
            if that is earlier).
        since: when the previous digest went out; what was resolved after it is listed.
        now: the digest's instant.
    """
    oldest_first = tuple(sorted(open_blockers, key=lambda b: (b.created_at, b.id)))
    topics = Counter(b.topic_slug for b in oldest_first)
    window = [b for b in resolved_recently if b.resolved_at and b.resolved_at >= now - WINDOW]
    durations = [b.resolved_at - b.created_at for b in window if b.resolved_at]
    raised = Counter(
        b.topic_slug
        for b in (*oldest_first, *window)
        if b.topic_slug and b.created_at >= now - WINDOW
    )
    return Digest(
        open=oldest_first,
        by_topic=tuple(sorted(topics.items(), key=lambda item: (-item[1], item[0] or ""))),
        resolved=tuple(
            sorted(
                (b for b in resolved_recently if b.resolved_at and b.resolved_at >= since),
                key=lambda b: (b.resolved_at or now, b.id),
            )
        ),
        since=since,
        median=(
            timedelta(seconds=statistics.median(d.total_seconds() for d in durations))
            if durations
            else None
        ),
        p90=percentile(durations, 0.9),
        resolved_in_window=len(durations),
        recurring=tuple(
            sorted(
                ((slug, n) for slug, n in raised.items() if n >= RECURRING),
                key=lambda item: (-item[1], item[0]),
            )
        ),
    )


def duration(t: Translator, delta: timedelta) -> str:
    """``2 d 4 h``, ``5 h``, ``35 min``."""
    minutes = int(delta.total_seconds() // 60)
    days, rest = divmod(minutes, 24 * 60)
    hours, minutes = divmod(rest, 60)
    if days:
        return t("blocker.duration.days", days=days, hours=hours)
    if hours:
        return t("blocker.duration.hours", hours=hours)
    return t("blocker.duration.minutes", minutes=minutes)


def _capped(t: Translator, lines: list[str]) -> str:
    if len(lines) <= MAX_LINES:
        return "\n".join(lines)
    return "\n".join([*lines[:MAX_LINES], t("blocker.digest.more", count=len(lines) - MAX_LINES)])


def card(
    t: Translator,
    *,
    digest: Digest,
    people: Mapping[str, StandupMemberView],
    topics: Mapping[str, TopicRecord],
    timezone: str,
    now: datetime,
) -> Card:
    """The digest as a PM reads it, in their language and timezone."""
    since = format_instant(moment=digest.since, timezone=timezone, locale=t.locale)
    fields: list[Field] = []
    if digest.open:
        lines = [
            cards.list_lines(t, found=[b], people=people, now=now)
            + f" · {wording.topic_title(topics, b.topic_slug, t)}"
            for b in digest.open
        ]
        fields.append(Field(label=t("blocker.digest.open"), value=_capped(t, lines)))
        fields.append(
            Field(
                label=t("blocker.digest.by_topic"),
                value=" · ".join(
                    f"{wording.topic_title(topics, slug, t)}: {count}"
                    for slug, count in digest.by_topic
                ),
            )
        )
    else:
        fields.append(Field(label=t("blocker.digest.open"), value=t("blocker.digest.none_open")))
    resolved = [
        t(
            "blocker.digest.resolved_line",
            id=b.id,
            text=wording.short(b.text, 60),
            by=wording.who(people, b.resolved_by, t),
            took=duration(t, (b.resolved_at or now) - b.created_at),
        )
        for b in digest.resolved
    ]
    fields.append(
        Field(
            label=t("blocker.digest.resolved", since=since),
            value=_capped(t, resolved) if resolved else t("blocker.digest.none_resolved"),
        )
    )
    if digest.median is not None and digest.p90 is not None:
        speed = t.plural(
            "blocker.digest.speed_value",
            count=digest.resolved_in_window,
            median=duration(t, digest.median),
            p90=duration(t, digest.p90),
        )
    else:
        speed = t("blocker.digest.speed_none")
    fields.append(Field(label=t("blocker.digest.speed"), value=speed))
    if digest.recurring:
        fields.append(
            Field(
                label=t("blocker.digest.recurring"),
                value="\n".join(
                    t(
                        "blocker.digest.recurring_line",
                        topic=wording.topic_title(topics, slug, t),
                        count=count,
                    )
                    for slug, count in digest.recurring
                ),
            )
        )
    return Card(
        title=t(
            "blocker.digest.title",
            open=t.plural("blocker.digest.open_count", count=len(digest.open)),
            resolved=t.plural("blocker.digest.resolved_count", count=len(digest.resolved)),
        ),
        fields=tuple(fields),
        footer=t("blocker.digest.footer"),
    )
