"""The stand-up's front desk: who is asking, which stand-ups are theirs, the one they
name, whether they may change it, and who hears of a change."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from tandem.bot.cards import Reply
from tandem.bot.dispatcher import CommandContext
from tandem.bot.i18n import Translator
from tandem.bot.text import fold
from tandem.bot.types import Actor
from tandem.rituals.standup.service import StandupService
from tandem.storage.database import Database
from tandem.storage.records import StandupMemberView, StandupView, TenantRef
from tandem.storage.repositories import people

log = logging.getLogger(__name__)
Listener = Callable[[], Awaitable[None]]


@dataclass(frozen=True, slots=True)
class Me:
    """The actor in a tenant: who they are in the people file."""

    tenant: TenantRef
    person_id: int
    email: str


class Desk:
    """What every part of ``/standup`` asks first, and the listeners told of a change."""

    def __init__(self, *, database: Database, service: StandupService) -> None:
        self.database = database
        self.service = service
        self._listeners: list[Listener] = []

    def on_change(self, listener: Listener) -> None:
        """Call ``listener`` after a stand-up's schedule changed (the scheduler rebuilds)."""
        self._listeners.append(listener)

    async def changed(self) -> None:
        """Tell the listeners; one that fails is logged and the others still hear."""
        for listener in self._listeners:
            try:
                await listener()
            except Exception:
                log.exception("a stand-up change listener failed")

    async def me(self, actor: Actor) -> Me | None:
        """The actor as a person of the tenant, or None when the people file lacks them."""
        if not actor.known or actor.email is None:
            return None
        tenant = await self.service.tenant(actor.tenant)
        if tenant is None:
            return None
        async with self.database.session() as session:
            person = await people.find_person(session, tenant=tenant, email=actor.email)
        if person is None or person.id is None:
            return None
        return Me(tenant=tenant, person_id=person.id, email=person.email)

    @staticmethod
    def unknown(t: Translator) -> Reply:
        """What someone the people file lacks reads."""
        return Reply(text=t("standup.unknown_person"))

    async def mine(self, me: Me) -> list[tuple[StandupView, StandupMemberView]]:
        """The running stand-ups ``me`` is a member of, each with their membership."""
        found = await self.service.standups(tenant=me.tenant)
        return [
            (s, m) for s in found if not s.paused for m in s.members if m.person_id == me.person_id
        ]

    async def find(
        self, *, t: Translator, me: Me, name: str
    ) -> tuple[StandupView | None, Reply | None]:
        """The stand-up ``name`` means (whole, else the start of one name), or what to say."""
        found = await self.service.standups(tenant=me.tenant)
        if not found:
            return None, Reply(text=t("standup.none_yet"))
        if not name:
            return None, Reply(
                text=t("standup.which", names=t.list([f"“{s.name}”" for s in found]))
            )
        wanted = fold(name.strip("\"'“”«» "))
        match = [s for s in found if fold(s.name) == wanted] or [
            s for s in found if fold(s.name).startswith(wanted)
        ]
        if len(match) != 1:
            return None, Reply(
                text=t(
                    "standup.not_found",
                    name=name[:60],
                    names=t.list([f"“{s.name}”" for s in found]),
                )
            )
        return match[0], None

    @staticmethod
    def may_change(*, actor: Actor, me: Me, standup: StandupView) -> bool:
        """Its owner and the tenant's admins may change a stand-up."""
        return actor.is_admin or standup.owner_email == me.email

    async def owned(
        self, ctx: CommandContext, *, name: str
    ) -> tuple[Me | None, StandupView | None, Reply | None]:
        """The stand-up ``name`` means when the actor may change it, else what to say."""
        t = ctx.t
        me = await self.me(ctx.actor)
        if me is None:
            return None, None, self.unknown(t)
        standup, problem = await self.find(t=t, me=me, name=name)
        if standup is None:
            return me, None, problem
        if not self.may_change(actor=ctx.actor, me=me, standup=standup):
            return (
                me,
                None,
                Reply(text=t("standup.not_owner", name=standup.name, owner=standup.owner_email)),
            )
        return me, standup, None
