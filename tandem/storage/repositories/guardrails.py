"""Guardrail rules and the tools catalogue of a tenant (stored now, answered later)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from datetime import date

from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from tandem.storage.models import CatalogueEntry, GuardrailRule
from tandem.storage.records import ImportCounts, RuleRecord, RuleText, TenantRef, ToolRecord
from tandem.storage.repositories.tenants import bump_raci_revision


def _rule_record(row: GuardrailRule) -> RuleRecord:
    return RuleRecord(
        id=row.rule_key,
        title=row.title,
        topic=row.topic_slug,
        sensitivity=row.sensitivity,
        verdict=row.verdict,
        answer=row.answer,
        conditions=tuple(row.conditions),
        examples=tuple(row.examples),
        keywords=tuple(row.keywords),
        review_every_days=row.review_every_days,
        last_reviewed=row.last_reviewed,
        translations={
            locale: RuleText(
                title=text["title"], answer=text["answer"], conditions=tuple(text["conditions"])
            )
            for locale, text in (row.translations or {}).items()
        },
    )


def _tool_record(row: CatalogueEntry) -> ToolRecord:
    return ToolRecord(
        name=row.name,
        status=row.status,
        aliases=tuple(row.aliases),
        note=row.note,
        translations={
            locale: str(text.get("note", "")) for locale, text in (row.translations or {}).items()
        },
    )


async def list_rules(session: AsyncSession, *, tenant: TenantRef) -> list[RuleRecord]:
    """Every rule of ``tenant``, in catalogue order."""
    statement = (
        select(GuardrailRule)
        .where(GuardrailRule.tenant_id == tenant.id)
        .order_by(col(GuardrailRule.position), col(GuardrailRule.rule_key))
    )
    return [_rule_record(row) for row in (await session.exec(statement)).all()]


async def list_tools(session: AsyncSession, *, tenant: TenantRef) -> list[ToolRecord]:
    """The tools catalogue of ``tenant``, in catalogue order."""
    statement = (
        select(CatalogueEntry)
        .where(CatalogueEntry.tenant_id == tenant.id)
        .order_by(col(CatalogueEntry.position), col(CatalogueEntry.name))
    )
    return [_tool_record(row) for row in (await session.exec(statement)).all()]


async def upsert_rules(
    session: AsyncSession, *, tenant: TenantRef, records: Iterable[RuleRecord]
) -> ImportCounts:
    """Make the tenant's rules those of ``records``: created or updated by id, and the rules
    the file no longer has removed (the file is the whole catalogue)."""
    statement = select(GuardrailRule).where(GuardrailRule.tenant_id == tenant.id)
    existing = {row.rule_key: row for row in (await session.exec(statement)).all()}
    created = updated = unchanged = 0
    kept = list(records)
    for position, record in enumerate(kept):
        row = existing.get(record.id)
        if row is not None and row.last_reviewed and record.last_reviewed:
            # a review marked in chat since the file was written is kept
            record = replace(record, last_reviewed=max(row.last_reviewed, record.last_reviewed))
        if row is not None and _rule_record(row) == record and row.position == position:
            unchanged += 1
            continue
        if row is None:
            row = GuardrailRule(
                tenant_id=tenant.id,
                rule_key=record.id,
                title="",
                topic_slug="",
                sensitivity="",
                verdict="",
                answer="",
            )
            created += 1
        else:
            updated += 1
        row.title, row.topic_slug = record.title, record.topic
        row.sensitivity, row.verdict, row.answer = record.sensitivity, record.verdict, record.answer
        row.conditions, row.examples = list(record.conditions), list(record.examples)
        row.keywords = list(record.keywords)
        row.review_every_days, row.last_reviewed = record.review_every_days, record.last_reviewed
        row.translations = {
            locale: {"title": t.title, "answer": t.answer, "conditions": list(t.conditions)}
            for locale, t in record.translations.items()
        }
        row.position = position
        session.add(row)
    named = {r.id for r in kept}
    removed = [row for key, row in existing.items() if key not in named]
    for row in removed:
        await session.delete(row)
    await session.flush()
    if created or updated or removed:
        await bump_raci_revision(session, tenant=tenant)  # the matchers read it
    return ImportCounts(created=created, updated=updated, unchanged=unchanged, removed=len(removed))


async def upsert_tools(
    session: AsyncSession, *, tenant: TenantRef, records: Iterable[ToolRecord]
) -> ImportCounts:
    """Make the tenant's tools those of ``records`` (by name; those not named are removed)."""
    statement = select(CatalogueEntry).where(CatalogueEntry.tenant_id == tenant.id)
    existing = {row.name: row for row in (await session.exec(statement)).all()}
    created = updated = unchanged = 0
    kept = list(records)
    for position, record in enumerate(kept):
        row = existing.get(record.name)
        if row is not None and _tool_record(row) == record and row.position == position:
            unchanged += 1
            continue
        if row is None:
            row = CatalogueEntry(tenant_id=tenant.id, name=record.name, status=record.status)
            created += 1
        else:
            updated += 1
        row.status, row.aliases, row.note = record.status, list(record.aliases), record.note
        row.translations = {locale: {"note": note} for locale, note in record.translations.items()}
        row.position = position
        session.add(row)
    named = {r.name for r in kept}
    removed = [row for key, row in existing.items() if key not in named]
    for row in removed:
        await session.delete(row)
    await session.flush()
    if created or updated or removed:
        await bump_raci_revision(session, tenant=tenant)  # the matchers read it
    return ImportCounts(created=created, updated=updated, unchanged=unchanged, removed=len(removed))


async def mark_reviewed(
    session: AsyncSession, *, tenant: TenantRef, rule_id: str, on: date
) -> RuleRecord | None:
    """Record that a rule was reviewed on ``on``; None when ``tenant`` has no such rule."""
    row = (
        await session.exec(
            select(GuardrailRule).where(
                GuardrailRule.tenant_id == tenant.id, GuardrailRule.rule_key == rule_id
            )
        )
    ).first()
    if row is None:
        return None
    row.last_reviewed = on
    session.add(row)
    await session.flush()
    return _rule_record(row)
