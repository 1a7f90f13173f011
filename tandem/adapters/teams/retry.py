"""Throttled calls to the Bot Framework connector, retried with backoff and jitter."""

from __future__ import annotations

import asyncio
import logging
import random
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

from tandem.adapters.calls import CallObserver, retry_reason

log = logging.getLogger(__name__)
T = TypeVar("T")
RETRIED = frozenset({412, 429, 502, 504})
ATTEMPTS = 6


def _status_and_wait(error: BaseException) -> tuple[int | None, float | None]:
    response: Any = getattr(error, "response", None)
    status = getattr(response, "status_code", None) or getattr(response, "status", None)
    headers = getattr(response, "headers", None) or {}
    retry_after = headers.get("Retry-After") if hasattr(headers, "get") else None
    try:
        wait = float(retry_after) if retry_after is not None else None
    except ValueError:
        wait = None
    return (int(status) if status else None), wait


async def with_retries(
    call: Callable[[], Awaitable[T]],
    *,
    base_delay: float = 0.5,
    observer: CallObserver | None = None,
) -> T:
    """Run ``call``; on 429, 412, 502 or 504 wait (``Retry-After`` or backoff) and try again.

    Gives up after a few attempts by raising the last error, so the caller knows.
    ``observer`` is told of each 429 and each retry.
    """
    for attempt in range(ATTEMPTS):
        try:
            return await call()
        except Exception as error:
            status, wait = _status_and_wait(error)
            if observer is not None and status == 429:
                observer.rate_limited()
            if status not in RETRIED or attempt == ATTEMPTS - 1:
                raise
            if observer is not None:
                observer.retried(reason=retry_reason(status))
            delay = wait if wait is not None else base_delay * 2**attempt
            delay += random.uniform(0, base_delay / 2)
            log.warning("Teams connector answered %s; retrying in %.1f s", status, delay)
            await asyncio.sleep(delay)
    raise AssertionError("unreachable")
