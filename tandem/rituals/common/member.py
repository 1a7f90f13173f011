"""Who is acting: the actor as a person of their tenant, as the rituals' commands need it."""

from __future__ import annotations

from dataclasses import dataclass

from tandem.bot.mentions import TYPED_USER
from tandem.bot.types import Actor, TenantKey
from tandem.storage.database import Database
from tandem.storage.records import ContactView, TenantRef
from tandem.storage.repositories import people, tenants


@dataclass(frozen=True, slots=True)
class Member:
    """The actor as a person of the tenant, with their week, time off and platform ids."""

    key: TenantKey
    tenant: TenantRef
    person: ContactView
    admin: bool


async def member_of(*, database: Database, actor: Actor) -> Member | None:
    """The person behind ``actor`` in their tenant; None for someone the tenant's people
    file does not have (or a tenant not installed)."""
    if not actor.known or actor.email is None:
        return None
    async with database.session() as session:
        tenant = await tenants.find_tenant(session, key=actor.tenant)
        if tenant is None:
            return None
        found = await people.contacts(session, tenant=tenant, emails=[actor.email])
    person = next(iter(found.values()), None)
    if person is None:
        return None
    return Member(
        key=actor.tenant, tenant=tenant, person=person, admin=actor.is_admin or person.is_admin
    )


async def person_named(*, database: Database, member: Member, token: str) -> ContactView | None:
    """Someone of ``member``'s tenant named by email or picked from the menu (a mention)."""
    token = token.strip().strip(",;")
    async with database.session() as session:
        mention = TYPED_USER.match(token)
        if mention:
            found = await people.find_person_by_identity(
                session,
                tenant=member.tenant,
                platform=member.key.platform.value,
                platform_user_id=mention.group(1),
            )
            email = found.email if found else ""
        else:
            email = token.lower()
        contacts = await people.contacts(session, tenant=member.tenant, emails=[email])
    return next(iter(contacts.values()), None)
