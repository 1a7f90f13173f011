"""Instants read back from the database are always timezone-aware UTC.

SQLite keeps no offset, so a stored UTC instant comes back naive; PostgreSQL
gives it back aware. Repositories pass every instant they return through :func:`utc`.
"""

from __future__ import annotations

from datetime import UTC, datetime


def utc(moment: datetime) -> datetime:
    """``moment`` as an aware UTC instant (naive values are UTC by construction)."""
    if moment.tzinfo is None:
        return moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC)


def utc_or_none(moment: datetime | None) -> datetime | None:
    """:func:`utc`, letting None through."""
    return None if moment is None else utc(moment)
