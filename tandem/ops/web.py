"""The operator's routes on the shared aiohttp server, and the middleware every request
goes through: ``/healthz`` (the process runs), ``/readyz`` (send it work),
``/metrics`` (Prometheus), a request id for the logs, and the request counter."""

from __future__ import annotations

import re
import uuid
from collections.abc import Awaitable, Callable

from aiohttp import web
from aiohttp.typedefs import Middleware

from tandem import __version__
from tandem.bot.logcontext import serving_request
from tandem.ops.health import Readiness
from tandem.ops.metrics import CONTENT_TYPE, Metrics

REQUEST_ID = "X-Request-Id"
_GIVEN_ID = re.compile(r"[A-Za-z0-9._:/+=-]{1,128}")
Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


def platform_of(path: str) -> str:
    """Which platform a request is from, by its path: ``slack``, ``teams`` or ``other``."""
    if path.startswith("/slack/"):
        return "slack"
    if path == "/api/messages":
        return "teams"
    return "other"


def request_id(given: str | None) -> str:
    """The caller's ``X-Request-Id`` when it is a sane token, else a new one."""
    if given and _GIVEN_ID.fullmatch(given):
        return given
    return uuid.uuid4().hex


def observed(*, metrics: Metrics) -> Middleware:
    """The middleware: each request gets an id (logs, and the response's ``X-Request-Id``)
    and is counted by platform and outcome."""

    @web.middleware
    async def middleware(request: web.Request, handler: Handler) -> web.StreamResponse:
        rid = request_id(request.headers.get(REQUEST_ID))
        platform = platform_of(request.path)
        with serving_request(rid):
            try:
                response = await handler(request)
            except web.HTTPException as answer:  # a 404, 405… raised by the router
                metrics.request(platform=platform, status=answer.status)
                answer.headers[REQUEST_ID] = rid
                raise
            except Exception:
                metrics.request(platform=platform, status=500)
                raise
        metrics.request(platform=platform, status=response.status)
        if not response.prepared:
            response.headers[REQUEST_ID] = rid
        return response

    return middleware


def mount(web_app: web.Application, *, readiness: Readiness, metrics: Metrics) -> None:
    """Add the middleware and the routes ``/healthz``, ``/readyz`` and ``/metrics``."""

    async def healthz(_request: web.Request) -> web.Response:
        return web.json_response({"status": "ok", "version": __version__})

    async def readyz(_request: web.Request) -> web.Response:
        verdict = await readiness.check()
        return web.json_response(
            {**verdict.as_json(), "version": __version__}, status=200 if verdict.ready else 503
        )

    async def metrics_page(_request: web.Request) -> web.Response:
        response = web.Response(body=metrics.exposition())
        response.headers["Content-Type"] = CONTENT_TYPE
        return response

    web_app.middlewares.append(observed(metrics=metrics))
    web_app.router.add_get("/healthz", healthz)
    web_app.router.add_get("/readyz", readyz)
    web_app.router.add_get("/metrics", metrics_page)
