"""Scheduled sends that go out once: claimed, sent, retried with backoff, reported.

A ritual lists what is due as (delivery key, due instant) pairs and gives a
``perform`` function that sends one; :class:`Deliveries` does the rest. The
unique key in the delivery table is what keeps a restart, a retried job or a
second replica from sending twice.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from tandem.bot.clock import Clock
from tandem.bot.logcontext import bind_tenant
from tandem.bot.sending import scheduled_send
from tandem.bot.types import TenantKey
from tandem.storage.database import Database
from tandem.storage.records import DeliveryKey, DeliveryView, TenantRef
from tandem.storage.repositories import deliveries

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Dropped:
    """What ``perform`` returns for a send whose moment is over (a reminder after its
    cut-off, an escalation step the next one has overtaken): recorded as skipped, not sent.

    ``why`` says so in the log, for an operator (``the stand-up's cut-off has passed``).
    """

    why: str


@dataclass(frozen=True, slots=True)
class Over:
    """A send due and not sent yet whose moment is over: it is recorded as skipped."""

    key: DeliveryKey
    at: datetime
    why: str


Perform = Callable[[DeliveryView], Awaitable[str | Dropped | None]]
"""Sends one delivery; returns the message id, None when there was nothing to send, or
:class:`Dropped` when its moment has passed since it was planned (a retry, a slow fan-out)."""


@dataclass(frozen=True, slots=True)
class RetryPolicy:
    """How often and how late a failed send is tried again."""

    attempts: int = 4
    first_delay: timedelta = timedelta(seconds=30)
    factor: int = 4
    lease: timedelta = timedelta(minutes=5)

    def next_try(self, *, attempts_made: int, now: datetime) -> datetime | None:
        """When to try again after ``attempts_made`` failures, or None to give up."""
        if attempts_made >= self.attempts:
            return None
        return now + self.first_delay * int(self.factor ** max(attempts_made - 1, 0))


@dataclass
class Tally:
    """What one sweep did."""

    sent: int = 0
    empty: int = 0
    retried: int = 0
    failed: int = 0
    skipped: int = 0

    def add(self, other: Tally) -> None:
        """Sum another tally into this one."""
        self.sent += other.sent
        self.empty += other.empty
        self.retried += other.retried
        self.failed += other.failed
        self.skipped += other.skipped


GiveUp = Callable[[DeliveryView, str], Awaitable[None]]
OnOutcome = Callable[[str, str], None]
"""Told of each scheduled send's outcome: (family, outcome), e.g. ("standup", "sent");
outcomes are ``sent``, ``empty``, ``retry``, ``failed`` and ``skipped``."""


def family_of(key: DeliveryKey) -> str:
    """The ritual a delivery belongs to, from its key (``standup:…`` gives ``standup``)."""
    return key.key.split(":", 1)[0]


class Deliveries:
    """Claims, sends and retries the deliveries of one tenant at a time.

    Sends are recorded as sent in small batches (every ``flush_every``), not one
    transaction each: a fan-out of thousands is not held up by the database. A process
    killed in between leaves those few claimed; once the lease ends another attempt runs,
    and on platforms that can tell (Slack) it finds what did go out instead of posting it
    again (see :mod:`tandem.bot.sending`).
    """

    def __init__(
        self,
        *,
        database: Database,
        clock: Clock,
        policy: RetryPolicy | None = None,
        concurrency: int = 4,
        claim_batch: int = 32,
        flush_every: float = 0.05,
        on_outcome: OnOutcome | None = None,
    ) -> None:
        self._database = database
        self._on_outcome = on_outcome
        self._clock = clock
        self._policy = policy or RetryPolicy()
        self._concurrency = concurrency
        self._claim_batch = claim_batch
        self._flush_every = flush_every
        self._sent: dict[int, tuple[TenantRef, list[tuple[int, str]]]] = {}
        self._queued: dict[int, set[int]] = {}  # tenant id -> deliveries held by this process
        self._tenants: dict[int, TenantRef] = {}
        self._flusher: asyncio.Task[None] | None = None

    async def skip(
        self, *, tenant: TenantRef, missed: Sequence[tuple[DeliveryKey, datetime]]
    ) -> int:
        """Record occurrences missed beyond the grace window, so none is sent late."""
        won = await self._claim_skipped(tenant, await self._unclaimed(tenant, missed))
        for item in won:
            log.warning(
                "missed while Tandem was down, outside the grace window, not sent: %s %s %s",
                item.key.key,
                item.key.kind,
                item.due_at.isoformat(),
            )
            self._outcome(item.key, "skipped")
        return len(won)

    async def drop(self, *, tenant: TenantRef, over: Sequence[Over]) -> int:
        """Record sends whose moment is over as skipped, so none goes out late or is tried
        again; one log line (info) per reason says how many. Returns how many were recorded
        here (those claimed before, sent or not, are left as they are)."""
        wanted = {o.key: o for o in over}
        won = await self._claim_skipped(
            tenant, await self._unclaimed(tenant, [(o.key, o.at) for o in over])
        )
        reasons: dict[str, list[DeliveryView]] = {}
        for item in won:
            reasons.setdefault(wanted[item.key].why, []).append(item)
            self._outcome(item.key, "skipped")
        for why, items in reasons.items():
            _log_dropped(why, items)
        return len(won)

    async def _claim_skipped(
        self, tenant: TenantRef, fresh: Sequence[tuple[DeliveryKey, datetime]]
    ) -> Sequence[DeliveryView]:
        """Claim ``fresh`` (unclaimed) sends as skipped; those this process won."""
        if not fresh:
            return []
        now = self._clock.now()
        async with self._database.session() as session:
            return await deliveries.claim(
                session,
                tenant=tenant,
                wanted=fresh,
                at=now,
                lease_until=now,
                status=deliveries.SKIPPED,
            )

    async def unclaimed(
        self, *, tenant: TenantRef, wanted: Sequence[tuple[DeliveryKey, datetime]]
    ) -> list[tuple[DeliveryKey, datetime]]:
        """Those of ``wanted`` nobody has claimed yet (not sent, not being sent, not skipped)."""
        return await self._unclaimed(tenant, wanted)

    def _outcome(self, key: DeliveryKey, outcome: str) -> None:
        if self._on_outcome is None:
            return
        try:
            self._on_outcome(family_of(key), outcome)
        except Exception:  # counting never stops a send
            log.exception("the deliveries' outcome hook failed")

    async def _unclaimed(
        self, tenant: TenantRef, wanted: Sequence[tuple[DeliveryKey, datetime]]
    ) -> list[tuple[DeliveryKey, datetime]]:
        async with self._database.session() as session:
            known = await deliveries.claimed(
                session, tenant=tenant, keys=[k.key for k, _ in wanted]
            )
        return [(k, due) for k, due in wanted if k not in known]

    async def deliver(
        self,
        *,
        tenant: TenantRef,
        due: Sequence[tuple[DeliveryKey, datetime]],
        perform: Perform,
        give_up: GiveUp,
        family: str,
    ) -> Tally:
        """Claim what is due and not claimed yet, send it, and retry what is due for a retry.

        ``family`` is the key prefix of the calling ritual's deliveries (``standup:``):
        only those are retried here. Fresh sends are claimed a batch at a time as the
        previous batch goes out, so replicas share a large fan-out and a process that
        dies holds back only a batch.
        """
        queued = self._queued.setdefault(tenant.id, set())
        self._tenants[tenant.id] = tenant
        await self._hold(tenant, queued)
        fresh = await self._unclaimed(tenant, due)
        now = self._clock.now()
        async with self._database.session() as session:
            retries = await deliveries.due_retries(session, tenant=tenant, at=now, family=family)
        leased: list[DeliveryView] = []
        for item in retries:
            if item.id in queued:
                continue
            async with self._database.session() as session:
                if await deliveries.lease(
                    session,
                    tenant=tenant,
                    delivery_id=item.id,
                    at=now,
                    until=now + self._policy.lease,
                ):
                    leased.append(item)
        tally = Tally(retried=len(leased))
        gate = asyncio.Semaphore(self._concurrency)

        async def one(item: DeliveryView, *, again: bool) -> None:
            try:
                async with gate:
                    await self._attempt(tenant, item, perform, give_up, tally, again=again)
            except asyncio.CancelledError:  # shutting down: held, for release() to hand back
                raise
            except BaseException:
                queued.discard(item.id)
                raise
            queued.discard(item.id)

        async def send_all(items: Sequence[DeliveryView], *, again: bool) -> None:
            queued.update(item.id for item in items)
            await asyncio.gather(*(one(item, again=again) for item in items))

        await send_all(leased, again=True)
        for start in range(0, len(fresh), self._claim_batch):
            await self._hold(tenant, queued)
            now = self._clock.now()
            async with self._database.session() as session:
                won = await deliveries.claim(
                    session,
                    tenant=tenant,
                    wanted=fresh[start : start + self._claim_batch],
                    at=now,
                    lease_until=now + self._policy.lease,
                )
            await send_all(won, again=False)
        await self.flush()
        return tally

    async def _hold(self, tenant: TenantRef, queued: set[int]) -> None:
        """Extend the lease of what this process still holds (a long fan-out)."""
        if not queued:
            return
        async with self._database.session() as session:
            await deliveries.extend_lease(
                session,
                tenant=tenant,
                delivery_ids=sorted(queued),
                until=self._clock.now() + self._policy.lease,
            )

    async def release(self) -> None:
        """Record what was sent and hand back what this process holds unsent, so another
        replica (or the next start) sends it at once instead of after the lease.

        Called at shutdown, once the sweeps have stopped; a send cut off mid-flight is
        handed back too, and its next attempt looks for it before posting again.
        """
        await self.flush()
        now = self._clock.now()
        for tenant_id, held in list(self._queued.items()):
            if held:
                async with self._database.session() as session:
                    await deliveries.extend_lease(
                        session,
                        tenant=self._tenants[tenant_id],
                        delivery_ids=sorted(held),
                        until=now,
                    )
                log.info("handed back %d unsent scheduled messages", len(held))
                held.clear()

    def _record_sent(self, tenant: TenantRef, delivery_id: int, message_id: str) -> None:
        self._sent.setdefault(tenant.id, (tenant, []))[1].append((delivery_id, message_id))
        if self._flusher is None or self._flusher.done():
            self._flusher = asyncio.create_task(self._flush_soon())

    async def _flush_soon(self) -> None:
        await asyncio.sleep(self._flush_every)
        try:
            await self.flush()
        except Exception:  # they stay claimed: sent again once their lease ends
            log.exception("could not record sent deliveries")

    async def flush(self) -> None:
        """Record as sent everything sent so far."""
        while self._sent:
            batch, self._sent = self._sent, {}
            now = self._clock.now()
            async with self._database.session() as session:
                for tenant, sent in batch.values():
                    await deliveries.mark_sent(session, tenant=tenant, sent=sent, at=now)

    async def _attempt(
        self,
        tenant: TenantRef,
        item: DeliveryView,
        perform: Perform,
        give_up: GiveUp,
        tally: Tally,
        *,
        again: bool,
    ) -> None:
        try:
            with scheduled_send(delivery=item.id, look_since=item.claimed_at if again else None):
                message_id = await perform(item)
        except Exception as error:
            reason = f"{type(error).__name__}: {error}"[:500]
            retry_at = self._policy.next_try(attempts_made=item.attempts + 1, now=self._clock.now())
            async with self._database.session() as session:
                await deliveries.mark_attempt_failed(
                    session, tenant=tenant, delivery_id=item.id, error=reason, retry_at=retry_at
                )
            self._outcome(item.key, "retry" if retry_at else "failed")
            if retry_at is None:
                tally.failed += 1
                log.error(
                    "gave up sending %s %s to %s after %d attempts: %s",
                    item.key.kind,
                    item.key.key,
                    item.key.recipient,
                    item.attempts + 1,
                    type(error).__name__,
                )
                try:
                    await give_up(item, reason)
                except Exception:
                    log.exception("could not report a failed delivery")
            else:
                log.warning(
                    "sending %s %s failed (%s); retry at %s",
                    item.key.kind,
                    item.key.key,
                    type(error).__name__,
                    retry_at.isoformat(),
                )
            return
        if isinstance(message_id, Dropped):
            async with self._database.session() as session:
                await deliveries.mark_skipped(
                    session, tenant=tenant, delivery_id=item.id, at=self._clock.now()
                )
            tally.skipped += 1
            self._outcome(item.key, "skipped")
            _log_dropped(message_id.why, [item])
            return
        self._record_sent(tenant, item.id, message_id or "")
        if message_id is None:
            tally.empty += 1
        else:
            tally.sent += 1
        self._outcome(item.key, "empty" if message_id is None else "sent")


def _log_dropped(why: str, items: Sequence[DeliveryView]) -> None:
    shown = ", ".join(f"{i.key.kind} {i.key.key} to {i.key.recipient}" for i in items[:5])
    more = f" and {len(items) - 5} more" if len(items) > 5 else ""
    log.info(
        "not sent, recorded as skipped: %d scheduled message(s) whose moment is over (%s): %s%s",
        len(items),
        why,
        shown,
        more,
    )


TenantWork = Callable[[TenantKey, TenantRef], Awaitable[Tally]]


async def sweep_tenants(
    *, tenants: Sequence[tuple[TenantKey, TenantRef]], work: TenantWork, concurrency: int, what: str
) -> Tally:
    """Run one engine's ``work`` over ``tenants``, ``concurrency`` at a time, adding up the
    tallies; a tenant that fails is logged (as ``what``) and does not stop the others."""
    total = Tally()
    gate = asyncio.Semaphore(concurrency)

    async def one(key: TenantKey, tenant: TenantRef) -> None:
        bind_tenant(str(key))  # this task's logs name the tenant
        async with gate:
            try:
                total.add(await work(key, tenant))
            except Exception:
                log.exception("%s sweep failed for a tenant", what)

    await asyncio.gather(*(one(key, ref) for key, ref in tenants))
    return total
