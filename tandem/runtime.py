"""The runtime: storage, the dispatcher, every ritual and its engine, wired in plain sight.

``build_runtime`` is what ``tandem serve`` and ``tandem chat`` run on; the light
commands of the command line (``who-owns``, ``guardrail``, ``import``, ``export``) open
the database alone and never load this module.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import timedelta

from tandem.bot.clock import Clock, SystemClock
from tandem.bot.dispatcher import Dispatcher
from tandem.bot.port import PlatformPorts
from tandem.bot.settings import Settings
from tandem.meaning.choose import embedder_for
from tandem.meaning.rerank import Reranker
from tandem.ops.metrics import Metrics
from tandem.rituals.blockers.engine import BlockerEngine
from tandem.rituals.blockers.ritual import BlockerRitual
from tandem.rituals.blockers.service import BlockerService
from tandem.rituals.common.delivery import Deliveries, RetryPolicy
from tandem.rituals.common.directory import Directory
from tandem.rituals.guardrails.engine import GuardrailEngine
from tandem.rituals.guardrails.ritual import GuardrailRitual
from tandem.rituals.guardrails.service import GuardrailService
from tandem.rituals.kpi.breach import BreachWatch
from tandem.rituals.kpi.ritual import KpiRitual
from tandem.rituals.kpi.service import KpiService
from tandem.rituals.kpi.stale import KpiEngine
from tandem.rituals.planning.engine import PlanningEngine
from tandem.rituals.planning.ritual import PlanningRitual
from tandem.rituals.planning.service import PlanningService
from tandem.rituals.raci import RaciRitual
from tandem.rituals.standup.engine import StandupEngine
from tandem.rituals.standup.ritual import StandupRitual
from tandem.rituals.standup.service import StandupService
from tandem.storage.database import Database
from tandem.storage.startup import prepare_database


@dataclass
class Runtime:
    """Everything one Tandem process uses, built once and passed explicitly."""

    settings: Settings
    clock: Clock
    database: Database
    directory: Directory
    dispatcher: Dispatcher
    raci: RaciRitual
    ports: PlatformPorts
    standups: StandupService
    standup_ritual: StandupRitual
    standup_engine: StandupEngine
    blockers: BlockerService
    blocker_engine: BlockerEngine
    guardrails: GuardrailService
    guardrail_engine: GuardrailEngine
    planning: PlanningService
    planning_engine: PlanningEngine
    kpi_engine: KpiEngine
    deliveries: tuple[Deliveries, ...]
    """Each engine's; at shutdown they hand back what they hold unsent."""
    metrics: Metrics
    """This process's Prometheus metrics (``GET /metrics``), fed by the dispatcher, the
    deliveries and the adapters."""

    @property
    def engines(
        self,
    ) -> tuple[StandupEngine, BlockerEngine, GuardrailEngine, PlanningEngine, KpiEngine]:
        """The timed rituals' engines, which the scheduler runs."""
        return (
            self.standup_engine,
            self.blocker_engine,
            self.guardrail_engine,
            self.planning_engine,
            self.kpi_engine,
        )


def build_runtime(
    *, settings: Settings, clock: Clock | None = None, metrics: Metrics | None = None
) -> Runtime:
    """Wire the database, the directory, the dispatcher and every ritual (and the metrics
    they feed: ``metrics``, or new ones)."""
    clock = clock or SystemClock()
    metrics = metrics or Metrics()
    database = Database(url=settings.database_url)
    policy = RetryPolicy(lease=timedelta(seconds=settings.lease_seconds))
    made: list[Deliveries] = []

    def deliveries() -> Deliveries:
        made.append(
            Deliveries(
                database=database,
                clock=clock,
                policy=policy,
                on_outcome=metrics.scheduled_send,
            )
        )
        return made[-1]

    directory = Directory(database=database)
    dispatcher = Dispatcher(resolver=directory, clock=clock, observe=metrics.command_handled)
    embedder = embedder_for(settings.meaning_model)
    raci = RaciRitual(database=database, directory=directory, embedder=embedder)
    raci.register(dispatcher)
    ports = PlatformPorts()
    service = StandupService(database=database, ports=ports, clock=clock)
    standup_ritual = StandupRitual(database=database, service=service)
    standup_ritual.register(dispatcher)
    engine = StandupEngine(
        database=database,
        service=service,
        deliveries=deliveries(),
        clock=clock,
        grace=timedelta(minutes=settings.grace_minutes),
    )
    blocker_service = BlockerService(
        database=database,
        ports=ports,
        clock=clock,
        matchers=lambda tenant: raci.matcher(tenant=tenant),
    )
    blocker_engine = BlockerEngine(
        database=database,
        service=blocker_service,
        deliveries=deliveries(),
        clock=clock,
        grace=timedelta(minutes=settings.grace_minutes),
    )
    service.on_blocker(
        lambda key, tenant, blocker: blocker_service.from_standup(
            key=key, tenant=tenant, blocker=blocker
        )
    )
    BlockerRitual(database=database, service=blocker_service, engine=blocker_engine).register(
        dispatcher
    )
    guardrail_service = GuardrailService(
        database=database,
        clock=clock,
        reach=blocker_service.reach,
        orgs=lambda tenant: blocker_service.org(tenant=tenant),
        embedder=embedder,
        reranker=_reranker(settings),
    )
    guardrail_engine = GuardrailEngine(
        database=database,
        service=guardrail_service,
        deliveries=deliveries(),
        clock=clock,
        grace=timedelta(minutes=settings.grace_minutes),
    )
    GuardrailRitual(database=database, service=guardrail_service).register(dispatcher)
    raci.consult(rule_hints=guardrail_service.topic_hint)
    planning_service = PlanningService(
        database=database,
        reach=blocker_service.reach,
        clock=clock,
        matchers=lambda tenant: raci.matcher(tenant=tenant),
    )
    planning_engine = PlanningEngine(
        database=database,
        service=planning_service,
        deliveries=deliveries(),
        clock=clock,
        grace=timedelta(minutes=settings.grace_minutes),
    )
    PlanningRitual(database=database, service=planning_service).register(dispatcher)
    kpi_service = KpiService(database=database, reach=blocker_service.reach)
    KpiRitual(
        database=database,
        service=kpi_service,
        breaches=BreachWatch(database=database, blockers=blocker_service),
    ).register(dispatcher)
    kpi_engine = KpiEngine(
        database=database,
        service=kpi_service,
        deliveries=deliveries(),
        clock=clock,
        grace=timedelta(minutes=settings.grace_minutes),
    )
    return Runtime(
        settings=settings,
        clock=clock,
        database=database,
        directory=directory,
        dispatcher=dispatcher,
        raci=raci,
        ports=ports,
        standups=service,
        standup_ritual=standup_ritual,
        standup_engine=engine,
        blockers=blocker_service,
        blocker_engine=blocker_engine,
        guardrails=guardrail_service,
        guardrail_engine=guardrail_engine,
        planning=planning_service,
        planning_engine=planning_engine,
        kpi_engine=kpi_engine,
        deliveries=tuple(made),
        metrics=metrics,
    )


async def prepare(runtime: Runtime) -> None:
    """Migrate the schema, then import the demo organisation into an empty database."""
    await prepare_database(
        database=runtime.database,
        demo_enabled=runtime.settings.demo_enabled,
        at=runtime.clock.now(),
    )


def _reranker(settings: Settings) -> Reranker | None:
    """The language model that picks among close rules, when the operator names one."""
    if settings.rerank_url is None:
        return None
    from tandem.meaning.openai_rerank import OpenAICompatibleReranker

    return OpenAICompatibleReranker(
        url=settings.rerank_url, model=settings.rerank_model, api_key=settings.rerank_api_key
    )


@asynccontextmanager
async def running(settings: Settings) -> AsyncIterator[Runtime]:
    """A prepared runtime, disposed of at the end."""
    runtime = build_runtime(settings=settings)
    try:
        await prepare(runtime)
        yield runtime
    finally:
        await runtime.database.dispose()
