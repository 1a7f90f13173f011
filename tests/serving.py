"""Tandem's server in the test process, wired as ``tandem serve`` wires it, with one adapter.

A ``test.`` action is registered so tests can see neutral events arrive.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from aiohttp import web
from aiohttp.test_utils import TestClient, TestServer

from tandem.bot.cards import Reply
from tandem.bot.clock import Clock
from tandem.bot.dispatcher import ActionContext, ActionSpec
from tandem.bot.settings import Settings
from tandem.bot.types import ActionSubmitted
from tandem.runtime import Runtime, build_runtime, prepare

Routes = TypeVar("Routes")


@dataclass
class Served(Generic[Routes]):
    """The test client, the runtime, the adapter's routes and the ``test.`` events seen."""

    http: TestClient[Any, Any]
    runtime: Runtime
    routes: Routes
    submitted: list[ActionSubmitted] = field(default_factory=list)


@asynccontextmanager
async def serve_in_process(
    settings: Settings,
    *,
    mount: Callable[[web.Application], Routes],
    plug: Callable[[Routes, Runtime], Awaitable[None]],
    echo: str,
    clock: Clock | None = None,
    host: str = "127.0.0.1",
) -> AsyncIterator[Served[Routes]]:
    """Mount the adapter's routes, plug the adapter in at start-up, serve on a free port.

    Args:
        echo: the form input the ``test.`` action answers with ("Received <value>").
        clock: the runtime's clock (the system's by default).
        host: the address listened on (``0.0.0.0`` to be reached from another address).
    """
    runtime = build_runtime(settings=settings, clock=clock)
    submitted: list[ActionSubmitted] = []

    async def record(ctx: ActionContext) -> Reply:
        submitted.append(ctx.event)
        return Reply(text=f"Received {ctx.event.inputs.get(echo, '')}")

    runtime.dispatcher.add_action(ActionSpec(prefix="test.", handler=record))
    web_app = web.Application()
    routes = mount(web_app)

    async def start(_app: web.Application) -> None:
        await prepare(runtime)
        await plug(routes, runtime)

    async def stop(_app: web.Application) -> None:
        await runtime.database.dispose()

    web_app.on_startup.append(start)
    web_app.on_cleanup.append(stop)
    async with TestClient(TestServer(web_app, host=host)) as http:
        yield Served(http=http, runtime=runtime, routes=routes, submitted=submitted)
