"""A tenant's guardrail catalogue, read and indexed for matching."""

from __future__ import annotations

from tandem.rituals.guardrails.matcher import GuardrailIndex
from tandem.rituals.org import Org, load_org
from tandem.storage.database import Database
from tandem.storage.records import TenantRef
from tandem.storage.repositories import guardrails


async def load_index(
    *, database: Database, tenant: TenantRef, org: Org | None = None
) -> GuardrailIndex:
    """The tenant's rules and tools, indexed with its RACI topics (``org``'s, or read)."""
    async with database.session() as session:
        rules = await guardrails.list_rules(session, tenant=tenant)
        tools = await guardrails.list_tools(session, tenant=tenant)
    topics = (org or await load_org(database=database, tenant=tenant)).topics
    return GuardrailIndex(rules=rules, tools=tools, topics=topics)
