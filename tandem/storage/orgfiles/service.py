"""Importing and exporting a tenant's files, each import in one transaction."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from tandem.bot.types import TenantKey
from tandem.storage.database import Database
from tandem.storage.orgfiles.guardrails import parse_guardrails, write_guardrails
from tandem.storage.orgfiles.kinds import FileKind as FileKind  # re-exported
from tandem.storage.orgfiles.kpis import parse_kpis, write_kpis
from tandem.storage.orgfiles.people import parse_people, write_people
from tandem.storage.orgfiles.raci import parse_raci, write_raci
from tandem.storage.records import ImportCounts
from tandem.storage.repositories import guardrails, kpis, people, raci, tenants


@dataclass(frozen=True, slots=True)
class ImportReport:
    """What one import did, by kind of row."""

    tenant: str
    counts: dict[str, ImportCounts]

    def describe(self) -> str:
        """A line a person reads."""
        parts = [
            f"{what}: {c.created} created, {c.updated} updated, {c.unchanged} unchanged"
            + (f", {c.removed} removed" if c.removed else "")
            for what, c in self.counts.items()
        ]
        return f"tenant {self.tenant}: " + "; ".join(parts)


class UnknownTenant(LookupError):
    """No tenant has that key."""


async def import_file(
    *, database: Database, tenant: TenantKey, kind: FileKind, text: str, at: datetime
) -> ImportReport:
    """Check a whole file, then store it; a tenant that does not exist yet is created.

    Raises:
        FileRejected: the file has problems; nothing was stored (not even the tenant).
    """
    async with database.session() as session:
        ref = await tenants.ensure_tenant(session, key=tenant)
        counts: dict[str, ImportCounts]
        if kind is FileKind.PEOPLE:
            records = parse_people(text=text)
            counts = {"people": await people.upsert_people(session, tenant=ref, records=records)}
        elif kind is FileKind.RACI:
            known = {p.email for p in await people.list_people(session, tenant=ref)}
            topics = parse_raci(text=text, known_people=known)
            counts = {
                "topics": await raci.upsert_topics(session, tenant=ref, records=topics, at=at)
            }
        elif kind is FileKind.KPIS:
            slugs = {t.slug for t in await raci.topic_keys(session, tenant=ref)}
            found = parse_kpis(text=text, known_topics=slugs)
            counts = {"kpis": await kpis.upsert_kpis(session, tenant=ref, records=found)}
        else:
            slugs = {t.slug for t in await raci.topic_keys(session, tenant=ref)}
            tools, rules = parse_guardrails(text=text, known_topics=slugs)
            counts = {
                "tools": await guardrails.upsert_tools(session, tenant=ref, records=tools),
                "rules": await guardrails.upsert_rules(session, tenant=ref, records=rules),
            }
    return ImportReport(tenant=str(tenant), counts=counts)


async def export_file(*, database: Database, tenant: TenantKey, kind: FileKind) -> str:
    """The tenant's data as a file in the import format.

    Raises:
        UnknownTenant: no tenant has that key.
    """
    async with database.session() as session:
        ref = await tenants.find_tenant(session, key=tenant)
        if ref is None:
            raise UnknownTenant(str(tenant))
        if kind is FileKind.PEOPLE:
            return write_people(records=await people.list_people(session, tenant=ref))
        if kind is FileKind.RACI:
            return write_raci(records=await raci.export_topics(session, tenant=ref))
        if kind is FileKind.KPIS:
            return write_kpis(records=list(await kpis.list_kpis(session, tenant=ref)))
        return write_guardrails(
            tools=await guardrails.list_tools(session, tenant=ref),
            rules=await guardrails.list_rules(session, tenant=ref),
        )
