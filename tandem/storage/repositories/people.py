"""People of a tenant and their platform identities."""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import asdict
from datetime import date

from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlmodel import col, func, select
from sqlmodel.ext.asyncio.session import AsyncSession

from tandem.storage.models import Person, PlatformIdentity, TimeOff, WorkWeek
from tandem.storage.records import ContactView, ImportCounts, PersonRecord, TenantRef

WEEKDAYS = (0, 1, 2, 3, 4)


def to_record(person: Person) -> PersonRecord:
    """The person as a plain record."""
    return PersonRecord(
        email=person.email,
        name=person.name,
        department=person.department,
        role=person.role,
        timezone=person.timezone,
        locale=person.locale,
        is_admin=person.is_admin,
    )


async def find_person(session: AsyncSession, *, tenant: TenantRef, email: str) -> Person | None:
    """The person with ``email`` (case-insensitive) in ``tenant``."""
    statement = select(Person).where(
        Person.tenant_id == tenant.id, Person.email == email.strip().lower()
    )
    return (await session.exec(statement)).first()


async def people_by_email(
    session: AsyncSession, *, tenant: TenantRef, emails: Iterable[str]
) -> dict[str, Person]:
    """The people of ``tenant`` among ``emails``, keyed by lower-case email."""
    wanted = {e.strip().lower() for e in emails}
    if not wanted:
        return {}
    statement = select(Person).where(Person.tenant_id == tenant.id, col(Person.email).in_(wanted))
    return {p.email: p for p in (await session.exec(statement)).all()}


async def contacts(
    session: AsyncSession,
    *,
    tenant: TenantRef,
    emails: Collection[str] | None = None,
    person_ids: Collection[int] | None = None,
) -> dict[int, ContactView]:
    """People by id, with their working week, time off and platform ids (four queries).

    With neither ``emails`` nor ``person_ids``, everyone in the tenant.
    """
    statement = select(Person).where(Person.tenant_id == tenant.id)
    if emails is not None:
        statement = statement.where(col(Person.email).in_({e.strip().lower() for e in emails}))
    if person_ids is not None:
        statement = statement.where(col(Person.id).in_(list(person_ids)))
    found = (await session.exec(statement.order_by(col(Person.name)))).all()
    ids = [p.id for p in found if p.id is not None]
    if not ids:
        return {}
    weeks = {
        w.person_id: tuple(w.days)
        for w in (
            await session.exec(
                select(WorkWeek).where(
                    WorkWeek.tenant_id == tenant.id, col(WorkWeek.person_id).in_(ids)
                )
            )
        ).all()
    }
    away: dict[int, list[tuple[date, date]]] = {}
    for off in (
        await session.exec(
            select(TimeOff)
            .where(TimeOff.tenant_id == tenant.id, col(TimeOff.person_id).in_(ids))
            .order_by(col(TimeOff.first_day))
        )
    ).all():
        away.setdefault(off.person_id, []).append((off.first_day, off.last_day))
    identities: dict[int, list[tuple[str, str]]] = {}
    for identity in (
        await session.exec(
            select(PlatformIdentity).where(
                PlatformIdentity.tenant_id == tenant.id,
                col(PlatformIdentity.person_id).in_(ids),
            )
        )
    ).all():
        identities.setdefault(identity.person_id, []).append(
            (identity.platform, identity.platform_user_id)
        )
    result: dict[int, ContactView] = {}
    for person in found:
        assert person.id is not None
        result[person.id] = ContactView(
            person_id=person.id,
            email=person.email,
            name=person.name,
            timezone=person.timezone,
            locale=person.locale,
            work_days=weeks.get(person.id, WEEKDAYS),
            away=tuple(away.get(person.id, ())),
            identities=tuple(identities.get(person.id, ())),
            department=person.department,
            is_admin=person.is_admin,
            role=person.role,
        )
    return result


async def list_people(session: AsyncSession, *, tenant: TenantRef) -> list[PersonRecord]:
    """Everyone in ``tenant``, by name."""
    statement = select(Person).where(Person.tenant_id == tenant.id).order_by(col(Person.name))
    return [to_record(p) for p in (await session.exec(statement)).all()]


async def count_people(session: AsyncSession, *, tenant: TenantRef) -> int:
    """How many people ``tenant`` has."""
    statement = select(func.count()).select_from(Person).where(Person.tenant_id == tenant.id)
    return int((await session.exec(statement)).one())


async def upsert_people(
    session: AsyncSession, *, tenant: TenantRef, records: Iterable[PersonRecord]
) -> ImportCounts:
    """Create or update people by email; people not named are left as they are."""
    records = list(records)
    existing = await people_by_email(session, tenant=tenant, emails=[r.email for r in records])
    created = updated = unchanged = 0
    for record in records:
        email = record.email.strip().lower()
        person = existing.get(email)
        if person is None:
            fields = {k: v for k, v in asdict(record).items() if k != "email"}
            session.add(Person(tenant_id=tenant.id, email=email, **fields))
            created += 1
            continue
        if to_record(person) == record:
            unchanged += 1
            continue
        for key, value in asdict(record).items():
            if key != "email":
                setattr(person, key, value)
        session.add(person)
        updated += 1
    await session.flush()
    return ImportCounts(created=created, updated=updated, unchanged=unchanged)


async def find_person_by_identity(
    session: AsyncSession, *, tenant: TenantRef, platform: str, platform_user_id: str
) -> Person | None:
    """The person linked to a platform user id in ``tenant``."""
    statement = (
        select(Person)
        .join(PlatformIdentity, col(PlatformIdentity.person_id) == col(Person.id))
        .where(
            PlatformIdentity.tenant_id == tenant.id,
            Person.tenant_id == tenant.id,
            PlatformIdentity.platform == platform,
            PlatformIdentity.platform_user_id == platform_user_id,
        )
    )
    return (await session.exec(statement)).first()


async def link_identity(
    session: AsyncSession,
    *,
    tenant: TenantRef,
    email: str,
    platform: str,
    platform_user_id: str,
) -> bool:
    """Link a platform user id to the person with ``email``; False if no such person."""
    person = await find_person(session, tenant=tenant, email=email)
    if person is None or person.id is None:
        return False
    current = await find_person_by_identity(
        session, tenant=tenant, platform=platform, platform_user_id=platform_user_id
    )
    if current is not None and current.id == person.id:
        return True
    statement = select(PlatformIdentity).where(
        PlatformIdentity.tenant_id == tenant.id,
        PlatformIdentity.platform == platform,
        PlatformIdentity.platform_user_id == platform_user_id,
    )
    row = (await session.exec(statement)).first()
    if row is None:
        # Two sends to the same person at once may both link them: the second is a no-op.
        insert = pg_insert if session.get_bind().dialect.name == "postgresql" else sqlite_insert
        await session.exec(
            insert(PlatformIdentity)
            .values(
                tenant_id=tenant.id,
                person_id=person.id,
                platform=platform,
                platform_user_id=platform_user_id,
            )
            .on_conflict_do_nothing(index_elements=["tenant_id", "platform", "platform_user_id"])
        )
        return True
    row.person_id = person.id
    session.add(row)
    await session.flush()
    return True
