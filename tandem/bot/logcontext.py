"""What the work under way is about, for the logs: the request being served, the tenant.

The HTTP server binds the request id while it serves a request; whoever learns the
tenant (the dispatcher, a scheduled sweep) binds it. Both are context variables, so
they follow the work into the tasks it starts and never leak into another request's.
The JSON log format (:mod:`tandem.ops.logs`) writes them on every line.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

_request_id: ContextVar[str | None] = ContextVar("tandem_request_id", default=None)
_tenant: ContextVar[str | None] = ContextVar("tandem_tenant", default=None)


@contextmanager
def serving_request(request_id: str) -> Iterator[None]:
    """The block serves ``request_id``, for a tenant not known yet (until bound). Both are
    put back as they were when it ends: one connection serves several requests in turn."""
    request_token = _request_id.set(request_id)
    tenant_token = _tenant.set(None)
    try:
        yield
    finally:
        _tenant.reset(tenant_token)
        _request_id.reset(request_token)


def bind_tenant(tenant: str) -> None:
    """From here on, in this task and the tasks it starts, the work is for ``tenant``
    (its key, such as ``slack:T061EG9R6``)."""
    _tenant.set(tenant)


def current_request_id() -> str | None:
    """The request being served, if any."""
    return _request_id.get()


def current_tenant() -> str | None:
    """The tenant the work is for, once known."""
    return _tenant.get()
