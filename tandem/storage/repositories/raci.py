"""The RACI matrix of a tenant: topics, aliases, assignments and their history."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import datetime

from sqlmodel import col, delete, select
from sqlmodel.ext.asyncio.session import AsyncSession

from tandem.storage.models import Person, RaciAlias, RaciAssignment, RaciChange, RaciTopic
from tandem.storage.records import (
    ROLES,
    ChangeView,
    ImportCounts,
    PersonView,
    Role,
    TenantRef,
    TopicKeys,
    TopicRecord,
    TopicText,
    TopicView,
)
from tandem.storage.repositories.people import people_by_email
from tandem.storage.repositories.tenants import bump_raci_revision


def _person_view(person: Person) -> PersonView:
    return PersonView(
        email=person.email, name=person.name, department=person.department, role=person.role
    )


def _change_view(row: RaciChange) -> ChangeView:
    return ChangeView(
        role=Role(row.role),
        before=tuple(row.before),
        after=tuple(row.after),
        changed_by=row.changed_by,
        source=row.source,
        changed_at=row.changed_at,
    )


async def _topic_row(session: AsyncSession, *, tenant: TenantRef, slug: str) -> RaciTopic | None:
    statement = select(RaciTopic).where(RaciTopic.tenant_id == tenant.id, RaciTopic.slug == slug)
    return (await session.exec(statement)).first()


async def _aliases(session: AsyncSession, *, tenant: TenantRef) -> dict[int, list[str]]:
    statement = (
        select(RaciAlias)
        .where(RaciAlias.tenant_id == tenant.id)
        .order_by(col(RaciAlias.topic_id), col(RaciAlias.position))
    )
    found: dict[int, list[str]] = defaultdict(list)
    for row in (await session.exec(statement)).all():
        found[row.topic_id].append(row.alias)
    return found


async def _assignments(
    session: AsyncSession, *, tenant: TenantRef, topic_ids: Sequence[int] | None = None
) -> dict[int, dict[Role, list[Person]]]:
    statement = (
        select(RaciAssignment, Person)
        .join(Person, col(Person.id) == col(RaciAssignment.person_id))
        .where(RaciAssignment.tenant_id == tenant.id, Person.tenant_id == tenant.id)
        .order_by(col(RaciAssignment.topic_id), col(RaciAssignment.position))
    )
    if topic_ids is not None:
        statement = statement.where(col(RaciAssignment.topic_id).in_(topic_ids))
    found: dict[int, dict[Role, list[Person]]] = defaultdict(lambda: defaultdict(list))
    for assignment, person in (await session.exec(statement)).all():
        found[assignment.topic_id][Role(assignment.role)].append(person)
    return found


async def _ordered_topics(session: AsyncSession, *, tenant: TenantRef) -> Sequence[RaciTopic]:
    statement = (
        select(RaciTopic)
        .where(RaciTopic.tenant_id == tenant.id)
        .order_by(col(RaciTopic.position), col(RaciTopic.slug))
    )
    return (await session.exec(statement)).all()


async def topic_keys(session: AsyncSession, *, tenant: TenantRef) -> list[TopicKeys]:
    """Every topic's names, for the matcher."""
    topics = await _ordered_topics(session, tenant=tenant)
    aliases = await _aliases(session, tenant=tenant)
    return [
        TopicKeys(
            slug=t.slug,
            title=t.title,
            aliases=tuple(aliases.get(t.id or 0, ())),
            description=t.description,
            translations={loc: text.title for loc, text in _texts(t).items() if text.title},
        )
        for t in topics
    ]


async def get_topic(session: AsyncSession, *, tenant: TenantRef, slug: str) -> TopicView | None:
    """A topic with its people in each role and its last change, or None."""
    topic = await _topic_row(session, tenant=tenant, slug=slug)
    if topic is None or topic.id is None:
        return None
    people = (await _assignments(session, tenant=tenant, topic_ids=[topic.id])).get(topic.id, {})
    aliases = (
        await session.exec(
            select(RaciAlias.alias)
            .where(RaciAlias.tenant_id == tenant.id, RaciAlias.topic_id == topic.id)
            .order_by(col(RaciAlias.position))
        )
    ).all()
    history = await topic_history(session, tenant=tenant, slug=slug, limit=1)
    return TopicView(
        slug=topic.slug,
        title=topic.title,
        description=topic.description,
        aliases=tuple(aliases),
        roles={role: tuple(_person_view(p) for p in people.get(role, ())) for role in ROLES},
        last_change=history[0] if history else None,
        translations=_texts(topic),
    )


def _texts(topic: RaciTopic) -> dict[str, TopicText]:
    return {
        locale: TopicText(
            title=str(text.get("title", "")), description=str(text.get("description", ""))
        )
        for locale, text in (topic.translations or {}).items()
    }


def _stored_texts(record: TopicRecord) -> dict[str, dict[str, str]]:
    return {
        locale: {"title": text.title, "description": text.description}
        for locale, text in record.translations.items()
    }


async def export_topics(session: AsyncSession, *, tenant: TenantRef) -> list[TopicRecord]:
    """The whole matrix as records, in file order."""
    topics = await _ordered_topics(session, tenant=tenant)
    aliases = await _aliases(session, tenant=tenant)
    people = await _assignments(session, tenant=tenant)
    records = []
    for topic in topics:
        assert topic.id is not None
        roles = people.get(topic.id, {})
        records.append(
            TopicRecord(
                slug=topic.slug,
                title=topic.title,
                aliases=tuple(aliases.get(topic.id, ())),
                description=topic.description,
                translations=_texts(topic),
                **{r.value: tuple(p.email for p in roles.get(r, ())) for r in ROLES},
            )
        )
    return records


async def topic_history(
    session: AsyncSession, *, tenant: TenantRef, slug: str, limit: int = 20
) -> list[ChangeView]:
    """The latest changes of a topic's roles, newest first."""
    statement = (
        select(RaciChange)
        .join(RaciTopic, col(RaciTopic.id) == col(RaciChange.topic_id))
        .where(
            RaciChange.tenant_id == tenant.id,
            RaciTopic.tenant_id == tenant.id,
            RaciTopic.slug == slug,
        )
        .order_by(col(RaciChange.changed_at).desc(), col(RaciChange.id).desc())
        .limit(limit)
    )
    return [_change_view(row) for row in (await session.exec(statement)).all()]


async def _replace_role(
    session: AsyncSession,
    *,
    tenant: TenantRef,
    topic: RaciTopic,
    role: Role,
    people: Sequence[Person],
) -> None:
    await session.exec(
        delete(RaciAssignment).where(
            col(RaciAssignment.tenant_id) == tenant.id,
            col(RaciAssignment.topic_id) == topic.id,
            col(RaciAssignment.role) == role.value,
        )
    )
    for position, person in enumerate(people):
        assert topic.id is not None and person.id is not None
        session.add(
            RaciAssignment(
                tenant_id=tenant.id,
                topic_id=topic.id,
                person_id=person.id,
                role=role.value,
                position=position,
            )
        )


async def set_role(
    session: AsyncSession,
    *,
    tenant: TenantRef,
    slug: str,
    role: Role,
    emails: Sequence[str],
    changed_by: str,
    at: datetime,
) -> ChangeView | None:
    """Put exactly ``emails`` in ``role`` for a topic, recording who did it and when.

    Returns the change, or None when the topic already had those people.
    Emails must name people of the tenant (checked by the caller).
    """
    topic = await _topic_row(session, tenant=tenant, slug=slug)
    if topic is None or topic.id is None:
        raise LookupError(slug)
    current = (await _assignments(session, tenant=tenant, topic_ids=[topic.id])).get(topic.id, {})
    before = tuple(p.email for p in current.get(role, ()))
    wanted = [e.strip().lower() for e in emails]
    if tuple(wanted) == before:
        return None
    found = await people_by_email(session, tenant=tenant, emails=wanted)
    missing = [e for e in wanted if e not in found]
    if missing:
        raise LookupError(", ".join(missing))
    await _replace_role(
        session, tenant=tenant, topic=topic, role=role, people=[found[e] for e in wanted]
    )
    change = RaciChange(
        tenant_id=tenant.id,
        topic_id=topic.id,
        role=role.value,
        before=list(before),
        after=wanted,
        changed_by=changed_by,
        source="chat",
        changed_at=at,
    )
    session.add(change)
    await bump_raci_revision(session, tenant=tenant)
    await session.flush()
    return _change_view(change)


async def upsert_topics(
    session: AsyncSession, *, tenant: TenantRef, records: Iterable[TopicRecord], at: datetime
) -> ImportCounts:
    """Create or update topics from a file; topics not named are left as they are.

    Each role that changes is recorded as a change made by an import. Every email
    must name a person of the tenant (the file validator checks this first).
    """
    records = list(records)
    everyone = await people_by_email(
        session,
        tenant=tenant,
        emails={e for r in records for role in ROLES for e in r.people(role)},
    )
    existing = {
        row.slug: row
        for row in (
            await session.exec(select(RaciTopic).where(RaciTopic.tenant_id == tenant.id))
        ).all()
    }
    aliases = await _aliases(session, tenant=tenant)
    assignments = await _assignments(session, tenant=tenant)
    created = updated = 0
    for position, record in enumerate(records):
        topic = existing.get(record.slug)
        is_new = topic is None
        changed = is_new
        if topic is None:
            topic = RaciTopic(tenant_id=tenant.id, slug=record.slug, title=record.title)
        for name, value in (
            ("title", record.title),
            ("description", record.description),
            ("translations", _stored_texts(record)),
            ("position", position),
        ):
            if getattr(topic, name) != value:
                setattr(topic, name, value)
                changed = True
        session.add(topic)
        await session.flush()
        assert topic.id is not None
        if tuple(aliases.get(topic.id, ())) != record.aliases:
            changed = True
            await session.exec(
                delete(RaciAlias).where(
                    col(RaciAlias.tenant_id) == tenant.id, col(RaciAlias.topic_id) == topic.id
                )
            )
            for alias_position, alias in enumerate(record.aliases):
                session.add(
                    RaciAlias(
                        tenant_id=tenant.id,
                        topic_id=topic.id,
                        alias=alias,
                        position=alias_position,
                    )
                )
        current = assignments.get(topic.id, {})
        for role in ROLES:
            before = tuple(p.email for p in current.get(role, ()))
            after = tuple(e.lower() for e in record.people(role))
            if before == after:
                continue
            changed = True
            await _replace_role(
                session, tenant=tenant, topic=topic, role=role, people=[everyone[e] for e in after]
            )
            if not is_new:
                session.add(
                    RaciChange(
                        tenant_id=tenant.id,
                        topic_id=topic.id,
                        role=role.value,
                        before=list(before),
                        after=list(after),
                        changed_by=None,
                        source="import",
                        changed_at=at,
                    )
                )
        if is_new:
            created += 1
        elif changed:
            updated += 1
    if created or updated:
        await bump_raci_revision(session, tenant=tenant)
    await session.flush()
    return ImportCounts(
        created=created, updated=updated, unchanged=len(records) - created - updated
    )
