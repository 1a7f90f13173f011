"""Whether this process should be sent work (``/readyz``), as opposed to merely running.

Ready means: started, not shutting down, the database answers within a few seconds
(a SQLite file: and no other process holds its write lock), and its schema is at the
newest revision this version ships. Anything else is a reason a load balancer should
send the work to another replica.
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass, field
from typing import Any

from tandem.storage.database import Database
from tandem.storage.migrate import current_revision, head_revision, known_revision
from tandem.storage.sqlite_probe import sqlite_writable

log = logging.getLogger(__name__)
CHECK_TIMEOUT = 3.0
"""Seconds the database has to answer before the process is said not ready."""
LOCK_TIMEOUT = 1.0
"""Seconds a SQLite file's write lock may stay taken before the process is said not
ready (transactions hold it for milliseconds; writes give up after
:data:`tandem.storage.database.BUSY_TIMEOUT`)."""

READY = "ready"
STARTING = "starting"
SHUTTING_DOWN = "shutting down"
UNREACHABLE = "database unreachable"
LOCKED = "database locked"
BEHIND = "migrations behind"
UNKNOWN_SCHEMA = "database schema unknown to this version"


@dataclass(frozen=True, slots=True)
class Verdict:
    """The answer to "may I send you work?", with the reason when not."""

    status: str
    details: dict[str, Any] = field(default_factory=dict)

    @property
    def ready(self) -> bool:
        """Whether work may be sent here."""
        return self.status == READY

    def as_json(self) -> dict[str, Any]:
        """The body of ``/readyz``."""
        return {"status": self.status, **self.details}


class Readiness:
    """Decides ``/readyz``: not ready until :meth:`serve`, and again from :meth:`stop`."""

    def __init__(self, *, timeout: float = CHECK_TIMEOUT) -> None:
        self._timeout = timeout
        self._database: Database | None = None
        self._stopping = False
        self._last = STARTING
        self._asked = False

    def serve(self, *, database: Database) -> None:
        """Everything is started: from now on readiness depends on ``database``."""
        self._database = database

    def stop(self) -> None:
        """Shutting down: not ready any more, whatever the database says."""
        if not self._stopping:
            log.info("shutting down: /readyz answers 503 from now on")
        self._stopping = True

    @property
    def stopping(self) -> bool:
        """Whether :meth:`stop` was called."""
        return self._stopping

    @property
    def asked(self) -> bool:
        """Whether anything (a load balancer, an orchestrator) has asked since start."""
        return self._asked

    async def check(self) -> Verdict:
        """Ask the database its schema revision (a trivial query) and judge the answer."""
        self._asked = True
        verdict = await self._judge()
        if verdict.status != self._last:  # said once per change, not at every probe
            if verdict.ready:
                log.info("ready: the database answers and its schema is current")
            elif verdict.status not in (STARTING, SHUTTING_DOWN):
                log.warning("not ready: %s %s", verdict.status, verdict.details)
            self._last = verdict.status
        return verdict

    async def _judge(self) -> Verdict:
        if self._stopping:
            return Verdict(SHUTTING_DOWN)
        if self._database is None:
            return Verdict(STARTING)
        try:
            revision = await asyncio.wait_for(
                current_revision(database=self._database), timeout=self._timeout
            )
        except TimeoutError:
            return Verdict(UNREACHABLE, {"reason": f"no answer within {self._timeout:g} s"})
        except Exception as error:  # refused, reset, bad credentials: all mean "not here"
            return Verdict(UNREACHABLE, {"reason": type(error).__name__})
        if self._database.is_sqlite and not await sqlite_writable(
            url=self._database.url, wait=LOCK_TIMEOUT
        ):
            reason = f"the SQLite file's write lock stayed taken for {LOCK_TIMEOUT:g} s"
            return Verdict(LOCKED, {"reason": reason})
        head = head_revision()
        if revision == head:
            return Verdict(READY, {"revision": head})
        details = {"revision": revision, "head": head}
        if revision is not None and not known_revision(revision):
            return Verdict(UNKNOWN_SCHEMA, details)
        return Verdict(BEHIND, details)
