"""SIGTERM, the way a container platform stops a replica: not ready first, then exit.

aiohttp's own handler stops listening at once, so a load balancer polling ``/readyz``
would only see connections refused. Instead: ``/readyz`` answers 503 "shutting down",
the ``first`` hooks run (the scheduler stops taking new work), and after ``delay``
seconds (for the load balancer to notice) aiohttp's graceful exit runs the rest of the
shutdown. The delay is for whoever polls ``/readyz``: when nothing has asked it since
start, there is nobody to tell and the shutdown goes on at once. A second SIGTERM exits
without waiting; SIGINT (Ctrl-C) is left to aiohttp.
"""

from __future__ import annotations

import asyncio
import logging
import signal
from collections.abc import Callable, Sequence

from aiohttp import web

from tandem.ops.health import Readiness

log = logging.getLogger(__name__)


def _exit() -> None:
    raise web.GracefulExit()  # out of the event loop, as aiohttp's own handler does


def stop_gently_on_sigterm(
    *, readiness: Readiness, delay: float, first: Sequence[Callable[[], None]] = ()
) -> None:
    """Replace aiohttp's SIGTERM handler in the running loop (where signals allow it)."""
    loop = asyncio.get_running_loop()

    def on_sigterm() -> None:
        if readiness.stopping:  # told twice: no more waiting
            _exit()
        readiness.stop()
        for hook in first:
            try:
                hook()
            except Exception:
                log.exception("could not stop taking new work")
        wait = delay if readiness.asked else 0.0
        log.info("SIGTERM: stopping in %g s", wait)
        loop.call_later(wait, _exit)

    try:
        loop.add_signal_handler(signal.SIGTERM, on_sigterm)
    except (NotImplementedError, RuntimeError):  # no signals here (Windows, another thread)
        log.debug("SIGTERM handled by aiohttp: stops without the readiness delay")
