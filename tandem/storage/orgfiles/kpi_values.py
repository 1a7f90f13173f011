"""KPI values from a CSV file: ``kpi,at,value[,by]``, all or nothing, problems by line.

``kpi`` is a KPI's slug; ``at`` an instant with its offset (``2026-11-20T09:00:00Z``,
``2026-11-20T10:00:00+01:00``) or a day (``2026-11-20``, kept at noon UTC); ``value`` a
number in the KPI's unit, written alone (``2.4``; ``2,4`` in a file separated by
semicolons, as a spreadsheet saves it in French); ``by`` who or what measured it (else the
file's name). A value already stored for the same instant is replaced, and the report
says how many were.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, time

from tandem.bot.types import TenantKey
from tandem.storage.database import Database
from tandem.storage.orgfiles.csvfiles import read_rows, write_rows
from tandem.storage.orgfiles.problems import FileRejected, Problem
from tandem.storage.orgfiles.service import UnknownTenant
from tandem.storage.records import KpiView
from tandem.storage.repositories import kpis, tenants

KIND = "kpi-values"
COLUMNS = ("kpi", "at", "value")
OPTIONAL = ("by",)
SOURCE = "import"
NOON = time(12, 0, tzinfo=UTC)
EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_NUMBER = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$")


@dataclass(frozen=True, slots=True)
class ValueLine:
    """A checked line of the file."""

    kpi_id: int
    at: datetime
    value: float
    by: str


def _instant(text: str, *, now: datetime) -> datetime | str:
    """The instant ``text`` names, or why it names none (or why it cannot be taken)."""
    try:
        day = date.fromisoformat(text)
    except ValueError:
        pass
    else:
        return f"{text} is in the future" if day > now.date() else datetime.combine(day, NOON)
    try:
        moment = datetime.fromisoformat(text.replace("Z", "+00:00").replace("z", "+00:00"))
    except ValueError:
        return f"{text!r} is not a day (YYYY-MM-DD) or an instant (2026-11-20T09:00:00Z)"
    if moment.tzinfo is None:
        return f"{text!r} has no offset: add Z (UTC) or +01:00"
    return f"{text} is in the future" if moment > now else moment.astimezone(UTC)


def _number(text: str, *, decimal_comma: bool) -> float | None:
    bare = text.replace(" ", "").replace("\u00a0", "").replace("\u202f", "")
    if decimal_comma:
        bare = bare.replace(",", ".")
    if not _NUMBER.match(bare):
        return None
    number = float(bare)
    return number if math.isfinite(number) else None


def parse_kpi_values(
    *, text: str, known: Mapping[str, KpiView], now: datetime, by: str
) -> list[ValueLine]:
    """Parse and check a values file against the tenant's KPIs (by slug).

    Raises:
        FileRejected: listing every problem by line.
    """
    rows, problems = read_rows(text=text, required=COLUMNS, optional=OPTIONAL)
    header = next((line for line in text.splitlines() if line.strip()), "")
    decimal_comma = ";" in header and "," not in header
    lines: list[ValueLine] = []
    first: dict[tuple[int, datetime], int] = {}
    for line, row in rows:
        kpi = known.get(row["kpi"].strip().lower())
        if kpi is None:
            problems.append(Problem(line, f"unknown KPI {row['kpi']!r}; import the KPI file first"))
        at = _instant(row["at"], now=now.astimezone(UTC))
        if isinstance(at, str):
            problems.append(Problem(line, at))
        value = _number(row["value"], decimal_comma=decimal_comma)
        if value is None:
            unit = f" in {kpi.unit}" if kpi else ""
            problems.append(
                Problem(line, f"{row['value']!r} is not a number: write the number alone{unit}")
            )
        source = (row.get("by") or "").strip() or by
        if kpi is None or isinstance(at, str) or value is None:
            continue
        if (kpi.id, at) in first:
            problems.append(
                Problem(
                    line,
                    f"a second value for {kpi.slug} at {row['at']} "
                    f"(first on line {first[(kpi.id, at)]})",
                )
            )
            continue
        first[(kpi.id, at)] = line
        lines.append(ValueLine(kpi_id=kpi.id, at=at, value=value, by=source[:254]))
    if not rows and not problems:
        problems.append(Problem(None, "the file has no values"))
    if problems:
        raise FileRejected(kind=KIND, problems=problems)
    return lines


@dataclass(frozen=True, slots=True)
class ValuesReport:
    """What a values import did."""

    tenant: str
    recorded: int
    replaced: int
    unchanged: int

    def describe(self) -> str:
        """A line a person reads."""
        return (
            f"tenant {self.tenant}: kpi values: {self.recorded} recorded, {self.replaced} "
            f"replacing a value stored for the same instant, {self.unchanged} unchanged"
        )


async def import_kpi_values(
    *, database: Database, tenant: TenantKey, text: str, at: datetime, by: str
) -> ValuesReport:
    """Check a whole values file, then store it in one transaction.

    Raises:
        UnknownTenant: no tenant has that key (its KPIs are imported first).
        FileRejected: the file has problems; nothing was stored.
    """
    async with database.session() as session:
        ref = await tenants.find_tenant(session, key=tenant)
        if ref is None:
            raise UnknownTenant(str(tenant))
        known = {k.slug: k for k in await kpis.list_kpis(session, tenant=ref)}
        lines = parse_kpi_values(text=text, known=known, now=at, by=by)
        created = updated = unchanged = 0
        for line in lines:
            recorded = await kpis.record_value(
                session,
                tenant=ref,
                kpi_id=line.kpi_id,
                at=line.at,
                value=line.value,
                source=SOURCE,
                sent_by=line.by,
                recorded_at=at,
            )
            before = recorded.replaced
            if before is None:
                created += 1
            elif before.value == line.value and before.sent_by == line.by:
                unchanged += 1
            else:
                updated += 1
    return ValuesReport(tenant=str(tenant), recorded=created, replaced=updated, unchanged=unchanged)


async def export_kpi_values(*, database: Database, tenant: TenantKey) -> str:
    """Every value of the tenant's KPIs, in the import format, oldest first.

    Raises:
        UnknownTenant: no tenant has that key.
    """
    async with database.session() as session:
        ref = await tenants.find_tenant(session, key=tenant)
        if ref is None:
            raise UnknownTenant(str(tenant))
        known = await kpis.list_kpis(session, tenant=ref)
        found = await kpis.history(
            session,
            tenant=ref,
            kpi_ids=[k.id for k in known],
            since=EPOCH,
        )
    rows = [
        (
            kpi.slug,
            value.at.isoformat().replace("+00:00", "Z"),
            repr(value.value).removesuffix(".0"),
            value.sent_by,
        )
        for kpi in known
        for value in found[kpi.id]
    ]
    return write_rows(columns=(*COLUMNS, *OPTIONAL), rows=rows)
