"""The async engine and sessions: aiosqlite by default, asyncpg for PostgreSQL."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager, suppress
from pathlib import Path
from typing import Any

from sqlalchemy import event
from sqlalchemy import exc as sa_exc
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import AsyncEngine, async_sessionmaker, create_async_engine
from sqlalchemy.pool import AsyncAdaptedQueuePool
from sqlmodel.ext.asyncio.session import AsyncSession

from tandem.bot.unavailable import DatabaseUnreachable, ServiceUnavailable

CONNECT_TIMEOUT = 5.0  # seconds to reach PostgreSQL before saying it is away
DEFAULT_PORTS = {"postgresql": 5432}
COMMAND_TIMEOUT = 60.0  # seconds a statement may take before the connection is given up
BUSY_TIMEOUT = 2.0
"""Seconds a SQLite statement waits for a lock another process holds on the file before
the database is said to be away (the person is asked to try again): another process's
transactions take milliseconds; one that holds the file longer is not waited out."""


def is_unreachable(error: BaseException) -> bool:
    """Whether ``error`` says the database cannot be reached (as opposed to a bad query
    or a constraint): refused or dropped connections, timeouts, an exhausted pool."""
    if isinstance(error, sa_exc.DBAPIError):
        return error.connection_invalidated or isinstance(
            error, sa_exc.OperationalError | sa_exc.InterfaceError
        )
    return isinstance(error, OSError | TimeoutError | sa_exc.TimeoutError)


def _why(error: BaseException) -> str:
    """What a failed connection says, in a few words (the driver's error, not SQLAlchemy's
    wrapping of it, nor a traceback)."""
    if isinstance(error, sa_exc.DBAPIError) and error.orig is not None:
        error = error.orig
    if isinstance(error, ConnectionRefusedError):
        return "connection refused"
    if isinstance(error, TimeoutError):
        return f"no answer within {CONNECT_TIMEOUT:g} s"
    lines = str(error).strip().splitlines()
    return f"{type(error).__name__}: {lines[0]}" if lines else type(error).__name__


def async_url(url: str) -> str:
    """Pick the async driver for a database URL typed without one."""
    parsed = make_url(url)
    backend = parsed.get_backend_name()
    if backend == "sqlite" and parsed.drivername != "sqlite+aiosqlite":
        parsed = parsed.set(drivername="sqlite+aiosqlite")
    elif backend in {"postgresql", "postgres"} and parsed.drivername in {
        "postgresql",
        "postgres",
        "postgresql+psycopg2",
    }:
        parsed = parsed.set(drivername="postgresql+asyncpg")
    return parsed.render_as_string(hide_password=False)


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")  # with WAL: durable commits, fewer fsyncs
    cursor.execute(f"PRAGMA busy_timeout={int(BUSY_TIMEOUT * 1000)}")
    cursor.close()


class Database:
    """One engine per process, created by ``runtime.py`` (or a light command) and handed
    to whoever needs it."""

    def __init__(self, *, url: str) -> None:
        self.url = async_url(url)
        parsed = make_url(self.url)
        self.is_sqlite = parsed.get_backend_name() == "sqlite"
        if self.is_sqlite and parsed.database and parsed.database != ":memory:":
            Path(parsed.database).expanduser().parent.mkdir(parents=True, exist_ok=True)
        if self.is_sqlite:
            # One connection: SQLite has one writer, and writers queued on its file lock
            # sleep in its busy handler; queued on the pool they resume at once, in order.
            self.engine: AsyncEngine = create_async_engine(
                self.url, poolclass=AsyncAdaptedQueuePool, pool_size=1, max_overflow=0
            )
        else:
            self.engine = create_async_engine(
                self.url,
                pool_pre_ping=True,
                connect_args={"timeout": CONNECT_TIMEOUT, "command_timeout": COMMAND_TIMEOUT},
            )
        if self.is_sqlite:
            event.listen(self.engine.sync_engine, "connect", _sqlite_pragmas)
        self._sessions = async_sessionmaker(
            self.engine, class_=AsyncSession, expire_on_commit=False
        )

    @asynccontextmanager
    async def session(self) -> AsyncIterator[AsyncSession]:
        """A unit of work: committed when the block ends, rolled back if it raises.

        Raises:
            ServiceUnavailable: the database could not be reached; nothing was changed.
        """
        try:
            async with self._sessions() as session:
                try:
                    yield session
                    await session.commit()
                except BaseException as error:
                    if is_unreachable(error):
                        with suppress(Exception):  # the connection is gone anyway
                            await session.rollback()
                    else:
                        await session.rollback()
                    raise
        except ServiceUnavailable:
            raise
        except Exception as error:
            if is_unreachable(error):
                raise ServiceUnavailable(f"database unreachable: {type(error).__name__}") from error
            raise

    async def reach(self) -> None:
        """Open one connection, so that a database out of reach is said in one line.

        Raises:
            DatabaseUnreachable: naming where it was looked for and why it did not answer.
        """
        try:
            async with self.engine.connect():
                pass
        except Exception as error:
            raise DatabaseUnreachable(
                f"cannot reach the database at {self.where()} ({_why(error)}); "
                "is it running, and is TANDEM_DATABASE_URL right?"
            ) from error

    def where(self) -> str:
        """Where the database is: ``host:port`` (PostgreSQL), or the SQLite file."""
        parsed = make_url(self.url)
        if self.is_sqlite:
            return parsed.database or ":memory:"
        host = parsed.host or "localhost"
        return f"{host}:{parsed.port or DEFAULT_PORTS.get(parsed.get_backend_name(), '')}"

    async def dispose(self) -> None:
        """Close every pooled connection."""
        await self.engine.dispose()

    def describe(self) -> str:
        """The URL without its password, for logs."""
        return make_url(self.url).render_as_string(hide_password=True)
