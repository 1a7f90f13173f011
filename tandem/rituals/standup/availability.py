"""When a member is not asked: time away (declared, listed, taken back) and the days of
the week they work."""

from __future__ import annotations

import re
from datetime import date

from tandem.bot.cards import Card, Reply
from tandem.bot.dispatcher import CommandContext
from tandem.bot.i18n import Translator
from tandem.bot.text import fold
from tandem.rituals.common.days import days_text
from tandem.rituals.standup import settings_text, timing
from tandem.rituals.standup.desk import Desk, Me
from tandem.rituals.standup.settings_text import SettingsProblem
from tandem.storage.repositories import availability

MAX_AWAY_DAYS = 366
AWAY_LIST = frozenset({"list", "liste", "show", "voir"})
AWAY_CANCEL = frozenset({"cancel", "annuler", "remove", "supprimer"})


class Availability:
    """``/standup away`` and ``/standup workdays``."""

    def __init__(self, *, desk: Desk) -> None:
        self._desk = desk

    async def away(self, ctx: CommandContext, rest: str) -> Reply:
        """``/standup away FIRST [LAST]``; ``away list`` and ``away cancel DAY`` show and take
        back one's time away."""
        t = ctx.t
        me = await self._desk.me(ctx.actor)
        if me is None:
            return self._desk.unknown(t)
        head, _, tail = rest.strip().partition(" ")
        if fold(head) in AWAY_LIST or not rest.strip():
            return await self._away_list(t, me, ctx.actor.timezone, usage=not rest.strip())
        if fold(head) in AWAY_CANCEL:
            return await self._away_cancel(t, me, ctx.actor.timezone, tail.strip())
        parts = [
            p for p in re.split(r"[\s,]+|\.\.|→", rest) if p and fold(p) not in {"to", "au", "a"}
        ]
        try:
            days = [date.fromisoformat(p) for p in parts]
        except ValueError:
            return Reply(text=t("standup.away.usage"))
        if not 1 <= len(days) <= 2:
            return Reply(text=t("standup.away.usage"))
        first, last = days[0], days[-1]
        today = timing.local_date(self._desk.service.now(), ctx.actor.timezone)
        if last < first:
            return Reply(text=t("standup.away.order"))
        if last < today:
            return Reply(text=t("standup.away.past"))
        if (last - first).days > MAX_AWAY_DAYS:
            return Reply(text=t("standup.away.too_long", days=MAX_AWAY_DAYS))
        async with self._desk.database.session() as session:
            await availability.add_time_off(
                session, tenant=me.tenant, person_id=me.person_id, first=first, last=last
            )
        await self._desk.changed()
        return Reply(text=t("standup.away.done", first=first.isoformat(), last=last.isoformat()))

    async def _away_list(self, t: Translator, me: Me, timezone: str, *, usage: bool) -> Reply:
        today = timing.local_date(self._desk.service.now(), timezone)
        async with self._desk.database.session() as session:
            found = await availability.time_off(
                session, tenant=me.tenant, person_ids=[me.person_id], since=today
            )
        periods = found.get(me.person_id, [])
        if not periods:
            text = t("standup.away.list.none")
            return Reply(text=text + ("\n" + t("standup.away.usage") if usage else ""))
        lines = [
            t("standup.away.list.line", first=first.isoformat(), last=last.isoformat())
            for first, last in periods
        ]
        card = Card(
            title=t("standup.away.list.title"),
            body="\n".join(lines),
            footer=t("standup.away.list.footer"),
        )
        return Reply.of_card(card)

    async def _away_cancel(self, t: Translator, me: Me, timezone: str, text: str) -> Reply:
        try:
            day = date.fromisoformat(text)
        except ValueError:
            return Reply(text=t("standup.away.cancel_usage"))
        today = timing.local_date(self._desk.service.now(), timezone)
        async with self._desk.database.session() as session:
            cancelled = await availability.cancel_time_off(
                session, tenant=me.tenant, person_id=me.person_id, day=day, since=today
            )
        if cancelled is None:
            return Reply(text=t("standup.away.not_found", day=day.isoformat()))
        await self._desk.changed()
        first, last = cancelled
        return Reply(
            text=t("standup.away.cancelled", first=first.isoformat(), last=last.isoformat())
        )

    async def workdays(self, ctx: CommandContext, rest: str) -> Reply:
        """``/standup workdays mon-thu``: the member is asked on those days only."""
        t = ctx.t
        me = await self._desk.me(ctx.actor)
        if me is None:
            return self._desk.unknown(t)
        try:
            days = settings_text.read({"name": "_", "members": "_", "days": rest}).days
        except SettingsProblem:
            return Reply(text=t("standup.workdays.usage"))
        if not rest:
            return Reply(text=t("standup.workdays.usage"))
        async with self._desk.database.session() as session:
            await availability.set_work_days(
                session, tenant=me.tenant, person_id=me.person_id, days=days
            )
        await self._desk.changed()
        return Reply(text=t("standup.workdays.done", days=days_text(days, t=t)))
