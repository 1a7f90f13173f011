"""Plain records that cross the storage boundary (no ORM objects leak out)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum


@dataclass(frozen=True, slots=True)
class TenantRef:
    """A resolved tenant: what every repository call takes first."""

    id: int
    key: str
    disabled: bool = False


class Role(StrEnum):
    """The four RACI roles."""

    RESPONSIBLE = "responsible"
    ACCOUNTABLE = "accountable"
    CONSULTED = "consulted"
    INFORMED = "informed"


ROLES: tuple[Role, ...] = tuple(Role)


@dataclass(frozen=True, slots=True)
class PersonRecord:
    """A line of the people file."""

    email: str
    name: str
    department: str = ""
    role: str = ""
    timezone: str = "UTC"
    locale: str = "en"
    is_admin: bool = False


@dataclass(frozen=True, slots=True)
class TopicRecord:
    """A line of the RACI file: a topic, its aliases and its people by email."""

    slug: str
    title: str
    aliases: tuple[str, ...] = ()
    responsible: tuple[str, ...] = ()
    accountable: tuple[str, ...] = ()
    consulted: tuple[str, ...] = ()
    informed: tuple[str, ...] = ()
    description: str = ""

    def people(self, role: Role) -> tuple[str, ...]:
        """The emails in ``role``."""
        return tuple(getattr(self, role.value))


@dataclass(frozen=True, slots=True)
class ToolRecord:
    """An entry of the tools catalogue."""

    name: str
    status: str
    aliases: tuple[str, ...] = ()
    note: str = ""


@dataclass(frozen=True, slots=True)
class RuleRecord:
    """A guardrail rule."""

    id: str
    title: str
    topic: str
    sensitivity: str
    verdict: str
    answer: str
    conditions: tuple[str, ...] = ()
    examples: tuple[str, ...] = ()
    keywords: tuple[str, ...] = ()
    review_every_days: int | None = None
    last_reviewed: date | None = None


@dataclass(frozen=True, slots=True)
class PersonView:
    """A person as shown to others."""

    email: str
    name: str
    department: str
    role: str


@dataclass(frozen=True, slots=True)
class TopicKeys:
    """What the topic matcher needs of a topic: its names."""

    slug: str
    title: str
    aliases: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class ChangeView:
    """One recorded change of a topic's role."""

    role: Role
    before: tuple[str, ...]
    after: tuple[str, ...]
    changed_by: str | None
    source: str
    changed_at: datetime


@dataclass(frozen=True, slots=True)
class TopicView:
    """A topic with its people in each role, as a lookup shows it."""

    slug: str
    title: str
    description: str
    aliases: tuple[str, ...]
    roles: dict[Role, tuple[PersonView, ...]] = field(default_factory=dict)
    last_change: ChangeView | None = None


@dataclass(frozen=True, slots=True)
class ImportCounts:
    """What an import did."""

    created: int = 0
    updated: int = 0
    unchanged: int = 0
