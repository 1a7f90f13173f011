"""``POST /api/v1/kpis/{slug}/values``: a script or a CI job gives a KPI's value.

::

    curl -H "Authorization: Bearer $TOKEN" -H "Content-Type: application/json" \\
         -d '{"value": 2.4, "at": "2027-01-12T09:00:00Z"}' \\
         https://tandem.example.com/api/v1/kpis/conversion-rate/values

The token (``tandem token create --tenant KEY --name NAME``) says which tenant is
asking: a KPI of another tenant is not found there. ``at`` is optional (now); a value for
an instant already stored replaces it, and the answer says which it replaced. A value
past the KPI's alert threshold raises its blocker, as a value typed in chat does.

Answers are JSON: ``201`` with what was recorded; ``401`` for a missing, wrong or revoked
token; ``404`` for a KPI the tenant does not have; ``400`` for a body that is not
``{"value": NUMBER, "at": INSTANT}``, an instant without its offset or to come;
``413`` for a body over 64 KiB.
"""

from __future__ import annotations

import json
import logging
import math
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from aiohttp import web

from tandem.bot.types import TenantKey
from tandem.rituals.kpi.breach import BreachWatch
from tandem.runtime import Runtime
from tandem.storage.repositories import api_tokens, kpis

log = logging.getLogger(__name__)
PATH = "/api/v1/kpis/{slug}/values"
MAX_BODY = 64 * 1024
SKEW = timedelta(minutes=5)
"""How far ahead of this server's clock a sender's ``at`` may be (their clock may run fast)."""
SOURCE = "api"


def _error(status: int, message: str, **headers: str) -> web.Response:
    return web.json_response({"error": message}, status=status, headers=headers or None)


@dataclass
class KpiApiRoutes:
    """The route, mounted before the server starts; the runtime is plugged in at start."""

    runtime: Runtime | None = None

    async def handle(self, request: web.Request) -> web.Response:
        """Record one value; see the module's docstring for the answers."""
        runtime = self.runtime
        if runtime is None:
            return _error(503, "Tandem is starting; try again in a moment")
        scheme, _, token = request.headers.get("Authorization", "").partition(" ")
        if scheme.lower() != "bearer" or not token.strip():
            return _error(401, "send the token as Authorization: Bearer TOKEN", **_CHALLENGE)
        if (request.content_length or 0) > MAX_BODY:
            return _error(413, f"the body is over {MAX_BODY // 1024} KiB")
        body = await request.content.read(MAX_BODY + 1)
        if len(body) > MAX_BODY:
            return _error(413, f"the body is over {MAX_BODY // 1024} KiB")
        read = _read(body, now=runtime.clock.now())
        slug = request.match_info["slug"]
        now = runtime.clock.now()
        async with runtime.database.session() as session:  # one unit of work
            found = await api_tokens.holder(session, token=token.strip())
            if found is None:
                return _error(401, "this token is unknown or revoked", **_CHALLENGE)
            tenant, sender = found
            if isinstance(read, str):
                return _error(400, read)
            kpi = await kpis.get_kpi(session, tenant=tenant, slug=slug)
            if kpi is None:
                return _error(404, f"no KPI {slug[:80]!r} here")
            value, at = read
            recorded = await kpis.record_value(
                session,
                tenant=tenant,
                kpi_id=kpi.id,
                at=at,
                value=value,
                source=SOURCE,
                sent_by=sender,
                recorded_at=now,
            )
        breach = await BreachWatch(database=runtime.database, blockers=runtime.blockers).check(
            key=TenantKey.parse(tenant.key), tenant=tenant, kpi=kpi, sender=sender, now=now
        )
        replaced = recorded.replaced
        answer: dict[str, Any] = {
            "kpi": kpi.slug,
            "at": recorded.value.at.isoformat().replace("+00:00", "Z"),
            "value": recorded.value.value,
            "replaced": (
                {"value": replaced.value, "by": replaced.sent_by} if replaced is not None else None
            ),
            "blocker": (
                {"id": breach.blocker_id, "status": breach.outcome.value}
                if breach is not None
                else None
            ),
        }
        return web.json_response(answer, status=201)


_CHALLENGE = {"WWW-Authenticate": 'Bearer realm="tandem"'}


def _read(body: bytes, *, now: datetime) -> tuple[float, datetime] | str:
    """The value and its instant, or what is wrong with the body."""
    try:
        document = json.loads(body)
    except (ValueError, RecursionError):
        return 'the body is not JSON: send {"value": 2.4, "at": "2027-01-12T09:00:00Z"}'
    if not isinstance(document, dict) or set(document) - {"value", "at"}:
        return 'send {"value": NUMBER} and optionally "at": an instant such as 2027-01-12T09:00:00Z'
    value = document.get("value")
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        return f"value {str(value)[:40]!r} is not a number"
    at = document.get("at")
    if at is None:
        return float(value), now
    if not isinstance(at, str):
        return "at must be an instant such as 2027-01-12T09:00:00Z"
    try:
        moment = datetime.fromisoformat(at.replace("Z", "+00:00"))
    except ValueError:
        return f"at {at[:40]!r} is not an instant such as 2027-01-12T09:00:00Z"
    if moment.tzinfo is None:
        return f"at {at[:40]!r} has no offset: add Z (UTC) or +01:00"
    if moment > now + SKEW:
        return f"at {at[:40]!r} is in the future"
    return float(value), moment.astimezone(UTC)


def mount(app: web.Application) -> KpiApiRoutes:
    """Add the route to ``app``; plug the runtime into what it returns once started."""
    routes = KpiApiRoutes()
    app.router.add_post(PATH, routes.handle)
    return routes
