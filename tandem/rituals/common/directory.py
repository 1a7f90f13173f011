"""Who is talking: platform users resolved to tenants and imported people."""

from __future__ import annotations

from tandem.bot.i18n import supported_locale
from tandem.bot.timefmt import is_valid_timezone
from tandem.bot.types import Actor, TenantKey, User
from tandem.storage.database import Database
from tandem.storage.records import TenantRef
from tandem.storage.repositories import people, tenants


class Directory:
    """Resolves tenants and actors; the dispatcher's :class:`ActorResolver`."""

    def __init__(self, *, database: Database) -> None:
        self._database = database

    async def tenant(self, *, key: TenantKey) -> TenantRef | None:
        """The stored tenant for ``key``, or None if Tandem has nothing for it."""
        async with self._database.session() as session:
            return await tenants.find_tenant(session, key=key)

    async def resolve(self, *, user: User) -> Actor:
        """The person behind ``user``: by platform id first, then by email (and linked)."""
        platform = user.tenant.platform.value
        async with self._database.session() as session:
            tenant = await tenants.find_tenant(session, key=user.tenant)
            person = None
            if tenant is not None:
                person = await people.find_person_by_identity(
                    session,
                    tenant=tenant,
                    platform=platform,
                    platform_user_id=user.platform_user_id,
                )
                if person is None and user.email:
                    person = await people.find_person(session, tenant=tenant, email=user.email)
                    if person is not None:
                        await people.link_identity(
                            session,
                            tenant=tenant,
                            email=person.email,
                            platform=platform,
                            platform_user_id=user.platform_user_id,
                        )
        platform_tz = user.timezone if user.timezone and is_valid_timezone(user.timezone) else None
        if person is None:
            return Actor(
                tenant=user.tenant,
                email=user.email,
                name=user.display_name or user.platform_user_id,
                locale=supported_locale(user.locale),
                timezone=platform_tz or "UTC",
                known=False,
            )
        return Actor(
            tenant=user.tenant,
            email=person.email,
            name=person.name,
            locale=supported_locale(person.locale or user.locale),
            timezone=platform_tz or person.timezone,
            is_admin=person.is_admin,
        )
