"""Reaching a person or a channel of a tenant through whichever platform serves it here."""

from __future__ import annotations

import logging

from tandem.bot.cards import Reply
from tandem.bot.port import ChatPort, Ports
from tandem.bot.types import MessageRef, TenantKey, User
from tandem.storage.database import Database
from tandem.storage.records import StandupMemberView, TenantRef
from tandem.storage.repositories import people, tenants

log = logging.getLogger(__name__)


class Unreachable(LookupError):
    """No port, or no platform user, for a person."""


class Reach:
    """Finds the port of a tenant and the platform user of a person (remembering it).

    A person found by email is linked in the database once, and kept in memory for the
    process, so a fan-out does not look the same person up (a rate-limited platform call
    on Slack) or write the same link again for each message.
    """

    def __init__(self, *, database: Database, ports: Ports, remember: int = 50_000) -> None:
        self._database = database
        self._ports = ports
        self._found: dict[tuple[str, str], str] = {}
        self._remember = remember

    def port(self, key: TenantKey) -> ChatPort:
        """The port that reaches the tenant; raises :class:`Unreachable` when none runs here."""
        port = self._ports.port(tenant=key)
        if port is None:
            raise Unreachable(f"no chat platform reaches {key} from this process")
        return port

    async def user_of(
        self, *, key: TenantKey, tenant: TenantRef, member: StandupMemberView
    ) -> User:
        """The platform user to DM: a known identity, else looked up by email and remembered."""
        platform = key.platform.value
        known = member.identity(platform) or self._found.get((str(key), member.email))
        if known:
            return User(
                tenant=key,
                platform_user_id=known,
                display_name=member.name,
                email=member.email,
                timezone=member.timezone,
                locale=member.locale,
            )
        found = await self.port(key).find_user(tenant=key, email=member.email)
        if found is None or not found.platform_user_id:
            raise Unreachable(f"{member.email} has no {platform} account Tandem can reach yet")
        async with self._database.session() as session:
            await people.link_identity(
                session,
                tenant=tenant,
                email=member.email,
                platform=platform,
                platform_user_id=found.platform_user_id,
            )
        if len(self._found) >= self._remember:
            self._found.pop(next(iter(self._found)))
        self._found[(str(key), member.email)] = found.platform_user_id
        return found

    async def dm(
        self, *, key: TenantKey, tenant: TenantRef, member: StandupMemberView, reply: Reply
    ) -> MessageRef:
        """Send ``reply`` to ``member`` directly; raises what the platform raises."""
        user = await self.user_of(key=key, tenant=tenant, member=member)
        port = self.port(key)
        return await port.send(conversation=await port.open_dm(user=user), reply=reply)

    async def tell(
        self, *, key: TenantKey, tenant: TenantRef, member: StandupMemberView, reply: Reply
    ) -> bool:
        """Like :meth:`dm` for a notice that must not fail its caller: False when not sent."""
        try:
            await self.dm(key=key, tenant=tenant, member=member, reply=reply)
        except Exception as error:
            log.warning("could not tell %s: %s", member.email, type(error).__name__)
            return False
        return True


async def reachable_tenants(
    *, database: Database, reach: Reach
) -> list[tuple[TenantKey, TenantRef]]:
    """Every tenant a platform of this process reaches (the scheduler's sweeps go over them)."""
    async with database.session() as session:
        every = await tenants.all_tenants(session)
    found = []
    for ref in every:
        key = TenantKey.parse(ref.key)
        try:
            reach.port(key)
        except Unreachable:
            continue
        found.append((key, ref))
    return found
