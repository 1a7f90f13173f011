"""``tandem serve``: one aiohttp server for Slack, Teams, health and metrics, the runtime
started with it and the scheduler of timed rituals.

Each platform's SDK is imported only when that platform is served: slack-bolt when
Slack is configured, botbuilder when ``/api/messages`` is (``Settings.teams_endpoint``).
"""

from __future__ import annotations

import logging
import shutil
import sys
from collections.abc import AsyncIterator
from datetime import timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from tandem import __version__, demo
from tandem.bot.dispatcher import ANSWERS_LOGGER
from tandem.bot.settings import Settings
from tandem.bot.types import Platform, TenantKey
from tandem.ops.metrics import Metrics
from tandem.runtime import Runtime, build_runtime, prepare
from tandem.storage.cipher import SecretKeyProblem, TokenCipher
from tandem.storage.repositories import people, tenants
from tandem.storage.rotation import check_at_start

if TYPE_CHECKING:
    from tandem.adapters.api.kpis import KpiApiRoutes
    from tandem.adapters.slack.bolt_app import SlackRoutes
    from tandem.adapters.teams.cloud import TeamsRoutes
    from tandem.ops.health import Readiness

log = logging.getLogger("tandem")
IN_FLIGHT_SECONDS = 10.0
"""At shutdown, how long requests under way may take to finish once the server stops
listening (aiohttp's ``shutdown_timeout``)."""


def serve(*, settings: Settings, port: int) -> None:
    """Serve until SIGTERM or SIGINT."""
    from aiohttp import web

    from tandem.ops import web as ops_web
    from tandem.ops.health import Readiness

    logging.getLogger(ANSWERS_LOGGER).setLevel(logging.NOTSET)  # a line per command answered
    app = web.Application()
    readiness, metrics = Readiness(), Metrics()
    ops_web.mount(app, readiness=readiness, metrics=metrics)  # /healthz, /readyz, /metrics
    from tandem.adapters.api import kpis as kpi_api

    api_routes = kpi_api.mount(app)  # KPI values pushed by scripts, with a token
    slack_routes = None
    if settings.slack_configured:
        from tandem.adapters.slack import bolt_app

        slack_routes = bolt_app.mount(app, settings=settings)
    teams_routes = None
    served, why = settings.teams_endpoint()
    if served:
        from tandem.adapters.teams import cloud

        teams_routes = cloud.mount(app)
    else:
        log.info("Teams: /api/messages is not served: %s", why)
    app.cleanup_ctx.append(
        lambda _app: serving(
            settings,
            port,
            slack_routes=slack_routes,
            teams_routes=teams_routes,
            readiness=readiness,
            metrics=metrics,
            api_routes=api_routes,
        )
    )
    web.run_app(
        app,
        host=settings.host,
        port=port,
        print=None,
        handle_signals=True,
        shutdown_timeout=IN_FLIGHT_SECONDS,
    )


async def serving(
    settings: Settings,
    port: int,
    *,
    slack_routes: SlackRoutes | None,
    teams_routes: TeamsRoutes | None,
    readiness: Readiness,
    metrics: Metrics,
    api_routes: KpiApiRoutes | None = None,
) -> AsyncIterator[None]:
    """Everything ``tandem serve`` runs, started with the server and stopped with it.

    Adapters are built here, inside the running loop, and plugged into the routes
    mounted before the server started; then the scheduler of timed rituals starts, and
    ``/readyz`` says ready. Stopping goes the other way: not ready, the scheduler, the
    adapters, the database.

    Raises:
        SecretKeyProblem: ``TANDEM_SECRET_KEY`` is malformed, or does not decrypt the Slack
            bot tokens stored (nothing was started).
    """
    from tandem.ops.shutdown import stop_gently_on_sigterm
    from tandem.scheduler import Timekeeper

    cipher = TokenCipher(keys=settings.secret_keys)  # a malformed key: before anything
    runtime = build_runtime(settings=settings, metrics=metrics)
    await prepare(runtime)
    try:
        await check_at_start(database=runtime.database, cipher=cipher)
    except SecretKeyProblem:
        await runtime.database.dispose()
        raise
    slack = None
    if slack_routes is not None:
        from tandem.adapters.slack.bolt_app import SlackAdapter

        slack = SlackAdapter(
            settings=settings,
            dispatcher=runtime.dispatcher,
            database=runtime.database,
            clock=runtime.clock,
            calls=metrics.platform(name=Platform.SLACK.value),
        )
        slack_routes.adapter = slack
        runtime.ports.add(platform=Platform.SLACK.value, port=slack.port)
        await slack.start()
    if teams_routes is not None:
        from tandem.adapters.teams.cloud import TeamsAdapter

        teams = TeamsAdapter(
            settings=settings,
            dispatcher=runtime.dispatcher,
            database=runtime.database,
            clock=runtime.clock,
            calls=metrics.platform(name=Platform.TEAMS.value),
        )
        teams_routes.adapter = teams
        runtime.ports.add(platform=Platform.TEAMS.value, port=teams.port)
    if api_routes is not None:
        api_routes.runtime = runtime
    timekeeper = Timekeeper(
        engines=runtime.engines,
        sweep_every=timedelta(seconds=settings.sweep_seconds),
        on_stop=[held.release for held in runtime.deliveries],
    )
    runtime.standup_ritual.on_change(timekeeper.rebuild)
    runtime.blockers.on_change(timekeeper.rebuild)
    runtime.guardrails.on_change(timekeeper.rebuild)
    runtime.planning.on_change(timekeeper.rebuild)
    await timekeeper.start()
    readiness.serve(database=runtime.database)
    stop_gently_on_sigterm(
        readiness=readiness,
        delay=settings.shutdown_delay_seconds,
        first=[timekeeper.pause],  # no new sweep starts while the delay runs
    )
    await _announce(runtime, port, slack=slack is not None, teams=teams_routes is not None)
    try:
        yield
    finally:
        readiness.stop()
        await timekeeper.stop()
        if slack is not None:
            await slack.stop()
        await runtime.database.dispose()
        log.info("Tandem stopped")


def _tandem_command() -> str:
    """How to run ``tandem`` from here: on the PATH, else the script beside this Python."""
    if shutil.which("tandem"):
        return "tandem"
    script = Path(sys.executable).parent / "tandem"
    if script.exists():
        try:
            return str(script.relative_to(Path.cwd()))
        except ValueError:
            return str(script)
    return f"{sys.executable} -m tandem"


async def _announce(runtime: Runtime, port: int, *, slack: bool, teams: bool) -> None:
    example = "EMAIL"
    key = TenantKey.parse(demo.TENANT)
    async with runtime.database.session() as session:
        tenant = await tenants.find_tenant(session, key=key)
        if tenant:
            everyone = await people.list_people(session, tenant=tenant)
            english = sorted(
                (not p.is_admin, p.name, p.email) for p in everyone if p.locale == "en"
            )
            example = english[0][2] if english else example
            french = next((p.email for p in everyone if p.locale.startswith("fr")), None)
    log.info(
        "Tandem %s is up on http://%s:%d (database %s); health at /healthz",
        __version__,
        runtime.settings.host,
        port,
        runtime.database.describe(),
    )
    if slack:
        log.info("Slack: events, commands and interactivity at /slack/events")
    else:
        log.info("No Slack app configured (see `tandem manifest slack` and the README).")
    if teams:
        log.info(
            "Teams: Bot Framework endpoint at /api/messages (try it locally with "
            "`agentsplayground -e http://localhost:%d/api/messages -c msteams`)",
            port,
        )
    command = _tandem_command()
    log.info("Talk to Tandem in another terminal:  %s chat --as %s", command, example)
    if tenant and french:
        log.info(
            "…or in French:  %s chat --as %s   then type /who-owns domain-names", command, french
        )
