"""APScheduler does the timing; the rows are the truth.

Each timed ritual has an engine (stand-ups; blocker escalations and digests). At
start the engines catch up (inside their grace window) and one job is added per
instant something is due in the next hours; the jobs are rebuilt from the rows
whenever a schedule changes, and a sweep every minute picks up retries and
changes made by other replicas. No job store is trusted: every job only asks the
engines to send what is due, which they do once.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Sequence
from datetime import UTC, datetime, timedelta
from typing import Any, Protocol

from apscheduler.schedulers.asyncio import AsyncIOScheduler
from apscheduler.triggers.date import DateTrigger
from apscheduler.triggers.interval import IntervalTrigger

from tandem.rituals.common.delivery import Tally

log = logging.getLogger(__name__)
DUE_PREFIX = "due:"
SWEEP = "sweep"


class Engine(Protocol):
    """What a timed ritual gives the scheduler."""

    grace: timedelta

    async def run_due(self, *, catch_up: bool = False) -> Tally:
        """Send what is due and not sent yet (safe to call at any time, from any process)."""
        ...

    async def upcoming(self, *, horizon: timedelta) -> list[datetime]:
        """The instants something falls due within ``horizon``."""
        ...


class Timekeeper:
    """Owns the AsyncIOScheduler of one process."""

    def __init__(
        self,
        *,
        engines: Sequence[Engine],
        horizon: timedelta = timedelta(hours=6),
        sweep_every: timedelta = timedelta(minutes=1),
        on_stop: Sequence[Callable[[], Awaitable[None]]] = (),
        drain: timedelta = timedelta(seconds=10),
    ) -> None:
        """``on_stop`` runs after the last sweep has finished or been cut off (the
        deliveries hand back what they hold); ``drain`` is how long a sweep under way at
        shutdown may take to finish."""
        self._engines = tuple(engines)
        self._on_stop = tuple(on_stop)
        self._drain = drain
        self._horizon = horizon
        self._sweep_every = sweep_every
        self.scheduler: Any = AsyncIOScheduler(timezone=UTC)
        self._running: set[asyncio.Task[Any]] = set()
        self._catching_up: asyncio.Future[None] | None = None
        self._rebuilding = asyncio.Lock()

    async def start(self) -> None:
        """Schedule what is due and the periodic sweep, and catch up in the background:
        a replica starting on a large backlog answers health checks (and people) at once,
        and shares the backlog with the replicas already running."""
        self._catching_up = asyncio.ensure_future(self._tracked(self._rebuild_and_catch_up()))
        self.scheduler.start()
        self.scheduler.add_job(
            self._sweep,
            IntervalTrigger(seconds=self._sweep_every.total_seconds(), timezone=UTC),
            id=SWEEP,
            coalesce=True,
            max_instances=1,
            replace_existing=True,
        )

    def pause(self) -> None:
        """Start no new job (shutting down); what runs goes on until :meth:`stop`."""
        if self.scheduler.running:
            self.scheduler.pause()

    async def stop(self) -> None:
        """Stop taking work: a sweep under way gets ``drain`` to finish, then is cut off,
        and what was claimed but not sent is handed back (``on_stop``)."""
        if self.scheduler.running:
            self.scheduler.shutdown(wait=False)
            await asyncio.sleep(0)  # the asyncio scheduler shuts down on the loop's next turn
        if self._running:
            _, late = await asyncio.wait(list(self._running), timeout=self._drain.total_seconds())
            # A sweep cut off mid-query would keep its connection (and the process) alive.
            for task in late:
                task.cancel()
            await asyncio.gather(*late, return_exceptions=True)
            if late:
                log.warning("a scheduled sweep was cut off at shutdown; its sends are handed back")
        for hook in self._on_stop:
            try:
                await hook()
            except Exception:
                log.exception("could not hand back scheduled sends at shutdown")

    async def rebuild(self) -> None:
        """Jobs for every due instant within the horizon, from the rows as they are now.

        One rebuild at a time: the last one to run has read the rows last."""
        async with self._rebuilding:
            await self._rebuild()

    async def _rebuild(self) -> None:
        instants: set[datetime] = set()
        for engine in self._engines:
            instants.update(await engine.upcoming(horizon=self._horizon))
        wanted = {DUE_PREFIX + moment.isoformat(): moment for moment in instants}
        for job in self.scheduler.get_jobs():
            if job.id.startswith(DUE_PREFIX) and job.id not in wanted:
                job.remove()
        grace = int(max(engine.grace for engine in self._engines).total_seconds())
        for job_id, moment in wanted.items():
            if self.scheduler.get_job(job_id) is None:
                self.scheduler.add_job(
                    self._due,
                    DateTrigger(run_date=moment, timezone=UTC),
                    id=job_id,
                    misfire_grace_time=grace,
                    coalesce=True,
                )

    def due_instants(self) -> list[datetime]:
        """The instants jobs are waiting for (for logs and tests)."""
        return sorted(
            job.next_run_time.astimezone(UTC)
            for job in self.scheduler.get_jobs()
            if job.id.startswith(DUE_PREFIX) and job.next_run_time is not None
        )

    async def _run_all(self, *, catch_up: bool = False) -> Tally:
        total = Tally()
        for engine in self._engines:
            try:
                total.add(await engine.run_due(catch_up=catch_up))
            except Exception:  # one ritual's failure does not stop the others
                log.exception("a scheduled sweep failed")
        return total

    async def _rebuild_and_catch_up(self) -> None:
        try:
            await self.rebuild()
        except Exception:  # the sweep rebuilds again within a minute
            log.exception("could not schedule the jobs at start")
        tally = await self._run_all(catch_up=True)
        if tally.sent or tally.skipped:
            log.info("caught up at start: %d sent, %d missed (skipped)", tally.sent, tally.skipped)

    async def _due(self) -> None:
        await self._tracked(self._run_all())

    async def _sweep(self) -> None:
        await self._tracked(self._run_all())
        await self.rebuild()

    async def _tracked(self, work: Awaitable[Any]) -> None:
        task = asyncio.ensure_future(work)
        self._running.add(task)
        try:
            await task
        finally:
            self._running.discard(task)
