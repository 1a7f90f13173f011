"""The shell of every ritual's timed half: a sweep over each tenant this process reaches,
a few at a time, each tenant's work told by the ritual's own engine.

The scheduler calls :meth:`SweepEngine.run_due` at each due instant and once a minute,
and tests call it after moving the clock; what falls due for one tenant, and how it is
sent once, is each engine's ``_tenant``.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import ClassVar, Generic, Protocol, TypeVar

from tandem.bot.clock import Clock
from tandem.bot.types import TenantKey
from tandem.rituals.common.delivery import Deliveries, Tally, sweep_tenants
from tandem.rituals.common.reach import Reach, reachable_tenants
from tandem.storage.database import Database
from tandem.storage.records import TenantRef


class Reaching(Protocol):
    """A ritual's service: what it reaches people through."""

    @property
    def reach(self) -> Reach:
        """The platforms' ports, by tenant."""
        ...


ServiceT = TypeVar("ServiceT", bound=Reaching)


class SweepEngine(Generic[ServiceT]):
    """Sweeps the tenants for what is due; a ritual's engine says what, for one tenant."""

    WHAT: ClassVar[str]  # the ritual, as a failed tenant's log line names it
    TENANT_CONCURRENCY: ClassVar[int] = 32  # tenants worked on at once

    def __init__(
        self,
        *,
        database: Database,
        service: ServiceT,
        deliveries: Deliveries,
        clock: Clock,
        grace: timedelta,
        tenant_concurrency: int | None = None,
    ) -> None:
        self._database = database
        self._service = service
        self._deliveries = deliveries
        self._clock = clock
        self.grace = grace
        self._tenant_concurrency = (
            self.TENANT_CONCURRENCY if tenant_concurrency is None else tenant_concurrency
        )

    async def _reachable(self) -> list[tuple[TenantKey, TenantRef]]:
        return await reachable_tenants(database=self._database, reach=self._service.reach)

    async def run_due(self, *, catch_up: bool = False) -> Tally:
        """Send everything due and not sent yet, tenant by tenant; retry what failed
        (``catch_up``: the first sweep after a start). A tenant that fails is logged and
        does not stop the others."""

        async def work(key: TenantKey, tenant: TenantRef) -> Tally:
            return await self._tenant(key, tenant, catch_up=catch_up)

        return await sweep_tenants(
            tenants=await self._reachable(),
            work=work,
            concurrency=self._tenant_concurrency,
            what=self.WHAT,
        )

    async def _tenant(self, key: TenantKey, tenant: TenantRef, *, catch_up: bool) -> Tally:
        """What falls due for one tenant, sent once."""
        raise NotImplementedError

    async def upcoming(self, *, horizon: timedelta) -> list[datetime]:
        """The instants something falls due within ``horizon``, for the scheduler."""
        raise NotImplementedError
