"""The timed half of stand-ups: prompts, reminders and cut-off summaries, each sent once.

:meth:`StandupEngine.run_due` looks at every stand-up of every tenant this process
can reach, works out from the rows alone what fell due in the grace window, and
hands it to :class:`~tandem.rituals.common.delivery.Deliveries`. It is safe to call at any
time, as often as wanted, from any number of processes: the scheduler calls it at
each due instant and once a minute, and tests call it after moving the clock.
"""

from __future__ import annotations

import logging
from datetime import date, datetime, timedelta

from tandem.bot.cards import Reply
from tandem.bot.i18n import Translator
from tandem.bot.types import TenantKey
from tandem.rituals.common.delivery import Dropped, Over, Tally
from tandem.rituals.common.sweep import SweepEngine
from tandem.rituals.standup import timing
from tandem.rituals.standup.service import StandupService
from tandem.rituals.standup.timing import Due, DueKind
from tandem.storage.records import (
    DeliveryKey,
    DeliveryView,
    StandupMemberView,
    StandupView,
    TenantRef,
)
from tandem.storage.repositories import people

log = logging.getLogger(__name__)
CHANNEL = "#channel"
LOOK_BACK = timedelta(hours=24)


def occurrence_key(*, standup_id: int, run_date: date, slot: int) -> str:
    """The delivery key of a run: ``standup:12:2026-11-23:0``."""
    return f"standup:{standup_id}:{run_date.isoformat()}:{slot}"


def delivery_key(standup: StandupView, due: Due) -> DeliveryKey:
    """Who gets what for which run."""
    return DeliveryKey(
        key=occurrence_key(standup_id=standup.id, run_date=due.run_date, slot=due.slot),
        recipient=due.member.email if due.member else CHANNEL,
        kind=due.delivery_kind,
    )


class StandupEngine(SweepEngine[StandupService]):
    """Works out what is due and sends it through the stand-up service: everything due
    in the grace window and not sent yet, and what failed again.

    With ``catch_up`` (at start), occurrences older than the grace window that
    nobody sent are recorded as skipped and logged, never sent late. Within it, a
    prompt or reminder whose cut-off has passed is recorded as skipped too, and each
    member gets one message of a run however long the gap (``timing.moment_over``).
    """

    WHAT = "stand-up"
    TENANT_CONCURRENCY = 128

    async def _tenant(self, key: TenantKey, tenant: TenantRef, *, catch_up: bool) -> Tally:
        now = self._clock.now()
        live = [s for s in await self._service.standups(tenant=tenant) if not s.paused]
        by_id = {s.id: s for s in live}
        tally = Tally()
        due = await self._worth_sending(tenant, live, now, tally)
        if catch_up:
            missed = [
                (delivery_key(standup, item), item.at)
                for standup in live
                for item in timing.occurrences(standup, now - LOOK_BACK, now - self.grace)
                if timing.owed(standup, item)
            ]
            tally.skipped += await self._deliveries.skip(tenant=tenant, missed=missed)

        async def perform(delivery: DeliveryView) -> str | Dropped | None:
            return await self._perform(key, tenant, by_id, delivery)

        async def give_up(delivery: DeliveryView, reason: str) -> None:
            await self._report_failure(key, tenant, by_id, delivery, reason)

        sent = await self._deliveries.deliver(
            tenant=tenant, due=due, perform=perform, give_up=give_up, family="standup:"
        )
        tally.add(sent)
        return tally

    async def _worth_sending(
        self, tenant: TenantRef, live: list[StandupView], now: datetime, tally: Tally
    ) -> list[tuple[DeliveryKey, datetime]]:
        """What fell due in the grace window, less what is not worth sending any more
        (recorded as skipped): a reminder after its cut-off, two messages to one person."""
        planned = [
            (standup, item)
            for standup in live
            for item in timing.occurrences(standup, now - self.grace, now)
            if timing.owed(standup, item)
        ]
        due = [(delivery_key(standup, item), item.at) for standup, item in planned]
        if not due:
            return due
        fresh = {k for k, _ in await self._deliveries.unclaimed(tenant=tenant, wanted=due)}
        over: list[Over] = []
        for standup in live:
            pending = [
                item
                for owner, item in planned
                if owner is standup and delivery_key(standup, item) in fresh
            ]
            over.extend(
                Over(key=delivery_key(standup, item), at=item.at, why=why)
                for item, why in timing.moment_over(standup=standup, pending=pending, now=now)
            )
        if over:
            tally.skipped += await self._deliveries.drop(tenant=tenant, over=over)
            dropped = {o.key for o in over}
            due = [(k, at) for k, at in due if k not in dropped]
        return due

    async def _standup_of(
        self, tenant: TenantRef, by_id: dict[int, StandupView], delivery: DeliveryView
    ) -> tuple[StandupView, date, int] | None:
        parts = delivery.key.key.split(":")
        if len(parts) != 4 or parts[0] != "standup":
            return None
        standup_id, run_date, slot = int(parts[1]), date.fromisoformat(parts[2]), int(parts[3])
        standup = by_id.get(standup_id) or await self._service.standup(
            tenant=tenant, standup_id=standup_id
        )
        if standup is None or standup.deleted or standup.paused:
            return None
        if slot >= len(standup.settings.slots):
            return None
        return standup, run_date, slot

    async def _perform(
        self,
        key: TenantKey,
        tenant: TenantRef,
        by_id: dict[int, StandupView],
        delivery: DeliveryView,
    ) -> str | Dropped | None:
        found = await self._standup_of(tenant, by_id, delivery)
        if found is None:
            return None  # deleted or paused since: nothing to send
        standup, run_date, slot = found
        kind = delivery.key.kind
        if kind == DueKind.SUMMARY.value:
            return await self._service.post_summary(
                key=key, tenant=tenant, standup=standup, run_date=run_date, slot=slot
            )
        if timing.cutoff_at(standup, run_date, slot) <= self._clock.now():
            return Dropped(timing.CUT_OFF_PASSED)  # a retry that came too late
        member = next((m for m in standup.members if m.email == delivery.key.recipient), None)
        if member is None or not timing.member_asked(member, run_date):
            return None  # left the stand-up, or went away, since
        return await self._service.prompt(
            key=key,
            tenant=tenant,
            standup=standup,
            member=member,
            run_date=run_date,
            slot=slot,
            reminder=kind.startswith(DueKind.REMINDER.value),
        )

    async def _report_failure(
        self,
        key: TenantKey,
        tenant: TenantRef,
        by_id: dict[int, StandupView],
        delivery: DeliveryView,
        reason: str,
    ) -> None:
        """Tell the stand-up's owner what could not be sent, so someone can act on it."""
        found = await self._standup_of(tenant, by_id, delivery)
        if found is None:
            return
        standup = found[0]
        owner = next((m for m in standup.members if m.email == standup.owner_email), None)
        if owner is None:
            async with self._database.session() as session:
                person = await people.find_person(session, tenant=tenant, email=standup.owner_email)
            if person is None or person.id is None:
                return
            owner = StandupMemberView(
                person_id=person.id,
                email=person.email,
                name=person.name,
                timezone=person.timezone,
                locale=person.locale,
            )
        t = Translator(locale=owner.locale)
        what = t(f"standup.failed.{delivery.key.kind.split(':')[0]}")
        text = t(
            "standup.failed",
            what=what,
            who=delivery.key.recipient if delivery.key.recipient != CHANNEL else standup.name,
            name=standup.name,
            reason=reason.split(":")[0],
        )
        user = await self._service.user_of(key=key, tenant=tenant, member=owner)
        port = self._service.port(key)
        dm = await port.open_dm(user=user)
        await port.send(conversation=dm, reply=Reply(text=text, ephemeral=False, locale=t.locale))

    async def upcoming(self, *, horizon: timedelta) -> list[datetime]:
        """Every instant something is due within ``horizon``, for the scheduler's jobs."""
        now = self._clock.now()
        instants: set[datetime] = set()
        for _key, tenant in await self._reachable():
            for standup in await self._service.standups(tenant=tenant):
                if standup.paused:
                    continue
                instants.update(d.at for d in timing.occurrences(standup, now, now + horizon))
        return sorted(instants)
