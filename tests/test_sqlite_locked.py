"""Another process holds the SQLite file's write lock (a ``BEGIN EXCLUSIVE`` left open in
the ``sqlite3`` shell, a long import): Slack still gets its ack at once, the person is
told to try again through the response URL, ``/readyz`` says the database is locked,
and all is well again once the lock is given back."""

from __future__ import annotations

import asyncio
import json
import sqlite3
from pathlib import Path
from types import TracebackType

import pytest
from sqlalchemy.engine import make_url

from tests.replicas import start_replicas
from tests.test_ops import eventually, get
from tests.test_slack_e2e import SAM, one_workspace

POLITE = "I can't reach my database right now, so nothing was read or changed."
GIVEN_BACK_AFTER = 20.0
"""Seconds after which the lock is given back whatever the test does: long before
SQLite's old busy timeout (30 s) was waited out, so that waiting out a lock shows as an
answer given after the lock was gone."""

sqlite_only = pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)


def gave_up_on_the_database(caplog: pytest.LogCaptureFixture) -> bool:
    """Whether the bot has logged that it could not reach the database."""
    return any("database unreachable" in r.getMessage() for r in caplog.records)


class WriteLock:
    """The write lock of a SQLite file, taken by a connection of its own (as another
    process would) and given back at :meth:`release` or after ``GIVEN_BACK_AFTER``."""

    def __init__(self, *, database_url: str) -> None:
        path = make_url(database_url).database
        assert path
        self._path = Path(path)
        self._connection: sqlite3.Connection | None = None
        self._timer: asyncio.TimerHandle | None = None

    @property
    def held(self) -> bool:
        """Whether the lock is still taken."""
        return self._connection is not None

    def release(self) -> None:
        if self._connection is not None:
            self._connection.rollback()
            self._connection.close()
            self._connection = None
        if self._timer is not None:
            self._timer.cancel()

    async def __aenter__(self) -> WriteLock:
        self._connection = sqlite3.connect(self._path, isolation_level=None)
        self._connection.execute("BEGIN EXCLUSIVE")
        self._timer = asyncio.get_running_loop().call_later(GIVEN_BACK_AFTER, self.release)
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.release()


@sqlite_only
async def test_a_locked_sqlite_file_gets_the_ack_at_once_and_try_again_later(
    database_url: str, caplog: pytest.LogCaptureFixture
) -> None:
    async with one_workspace(database_url) as slack:
        async with WriteLock(database_url=database_url) as lock:
            status = await slack.command("waiting for the DNS record", command="/blocker", user=SAM)
            acked_while_locked = lock.held
            given_up_before_the_ack = gave_up_on_the_database(caplog)
            (answer,) = await slack.wait_for(slack.responses)
            answered_while_locked = lock.held
        assert status == 200
        assert acked_while_locked  # Slack was answered without waiting for the lock…
        assert not given_up_before_the_ack  # …nor for the database to be given up on
        assert gave_up_on_the_database(caplog)
        assert POLITE in answer.params["text"]
        assert answered_while_locked  # the wait for the database was bounded
        assert "Traceback" not in json.dumps(answer.params)

        await slack.command("waiting for the DNS record", command="/blocker", user=SAM, name="r2")
        (again,) = await slack.wait_for(lambda: slack.responses("r2"))
        assert POLITE not in again.params["text"]
        assert "Domain names" in again.params["text"]  # recorded and routed, once released


@sqlite_only
async def test_readyz_says_the_database_is_locked_while_another_process_holds_it(
    database_url: str, tmp_path: Path
) -> None:
    async with start_replicas(count=1, database_url=database_url, workdir=tmp_path) as (tandem,):
        assert (await get(f"{tandem.base}/readyz"))[0] == 200
        async with WriteLock(database_url=database_url) as lock:
            status, body, _ = await get(f"{tandem.base}/readyz")
            still_held = lock.held
        assert still_held
        assert status == 503, body
        assert json.loads(body)["status"] == "database locked"
        assert (await get(f"{tandem.base}/healthz"))[0] == 200  # up, just not to be sent work

        async def ready() -> bool:
            return (await get(f"{tandem.base}/readyz"))[0] == 200

        await eventually(ready, what="/readyz once the lock is given back")
    assert "not ready: database locked" in tandem.log_text()
