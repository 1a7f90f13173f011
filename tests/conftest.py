"""Shared fixtures: a fresh database per test, on SQLite always and PostgreSQL when asked.

PostgreSQL runs when ``TEST_DATABASE_URL`` points at a server (see
``scripts/with-postgres``); each test gets a database of its own, dropped after.
The schema is migrated once per session (per xdist worker) and copied for each test:
a file copy on SQLite, ``CREATE DATABASE … TEMPLATE`` on PostgreSQL.
With ``TANDEM_REQUIRE_POSTGRES=1`` (set by ``.ci/run``), a PostgreSQL test that
cannot run fails instead of being skipped.
"""

from __future__ import annotations

import asyncio
import os
import shutil
import uuid
from collections.abc import AsyncIterator, Coroutine, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import asynccontextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import asyncpg
import pytest
from sqlalchemy.engine import make_url

from tandem.bot.clock import FixedClock
from tandem.bot.settings import Settings
from tandem.bot.types import TenantKey
from tandem.storage.database import Database
from tandem.storage.migrate import upgrade
from tandem.storage.orgfiles.service import FileKind, import_file

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(os.environ.get("TANDEM_FIXTURES", ROOT.parent / "shared" / "fixtures"))
FIXTURE_FILES = {
    FileKind.PEOPLE: FIXTURES / "people.csv",
    FileKind.RACI: FIXTURES / "raci.csv",
    FileKind.GUARDRAILS: FIXTURES / "guardrails.yaml",
}
NOW = datetime(2026, 11, 23, 9, 30, tzinfo=UTC)


def pytest_xdist_auto_num_workers(config: pytest.Config) -> int:
    """``-n auto``: one worker more than the machine has cores. Many tests wait on real
    processes (a server starting, a chat answering, a stand-up's closing minute) and a
    third worker uses that wait: the whole suite took 516 s with 3 workers on 2 cores
    where it took 594 s with 2."""
    return (os.cpu_count() or 1) + 1


def _pg_admin_url() -> str | None:
    return os.environ.get("TEST_DATABASE_URL") or None


async def _pg_execute(admin_url: str, statement: str) -> None:
    url = make_url(admin_url).set(drivername="postgresql")
    connection = await asyncpg.connect(url.render_as_string(hide_password=False))
    try:
        await connection.execute(statement)
    finally:
        await connection.close()


def _run_aside(work: Coroutine[Any, Any, None]) -> None:
    """Run ``work`` to the end in a thread of its own: session fixtures may be first asked
    for from inside a test's running event loop."""
    with ThreadPoolExecutor(max_workers=1) as pool:
        pool.submit(asyncio.run, work).result()


async def _migrate(url: str) -> None:
    database = Database(url=url)
    try:
        await upgrade(database=database)
    finally:
        await database.dispose()


@pytest.fixture(scope="session")
def _sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A SQLite file migrated once per test session (per worker): tests get a copy."""
    path = tmp_path_factory.mktemp("template") / "tandem.db"
    _run_aside(_migrate(f"sqlite:///{path}"))
    return path


@pytest.fixture(scope="session")
def _postgres_template() -> Iterator[str | None]:
    """A PostgreSQL database migrated once per test session (per worker), or None
    without a server: each test's database is made from it with ``CREATE DATABASE …
    TEMPLATE``, which copies files instead of running the migrations again."""
    admin = _pg_admin_url()
    if admin is None:
        yield None
        return
    name = f"tandem_template_{uuid.uuid4().hex[:12]}"
    _run_aside(_pg_execute(admin, f'CREATE DATABASE "{name}"'))
    try:
        _run_aside(_migrate(make_url(admin).set(database=name).render_as_string(False)))
        yield name
    finally:
        _run_aside(_pg_execute(admin, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


@pytest.fixture(params=["sqlite", "postgresql"])
async def database_url(
    request: pytest.FixtureRequest, tmp_path: Path, _sqlite_template: Path
) -> AsyncIterator[str]:
    """A migrated, empty database's URL (a copy of the session's template)."""
    if request.param == "sqlite":
        path = tmp_path / "tandem.db"
        shutil.copyfile(_sqlite_template, path)
        yield f"sqlite:///{path}"
        return
    template = request.getfixturevalue("_postgres_template")
    async with _postgres_database(template=template) as url:
        yield url


@pytest.fixture(params=["sqlite", "postgresql"])
async def empty_database_url(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[str]:
    """An empty database's URL, never migrated (for what migrations themselves do)."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'tandem.db'}"
        return
    async with _postgres_database(template=None) as url:
        yield url


@pytest.fixture(params=["postgresql"])
async def postgres_url(_postgres_template: str | None) -> AsyncIterator[str]:
    """A migrated PostgreSQL database's URL, for what SQLite cannot do (replicas, outages)."""
    async with _postgres_database(template=_postgres_template) as url:
        yield url


@asynccontextmanager
async def _postgres_database(*, template: str | None) -> AsyncIterator[str]:
    admin = _pg_admin_url()
    if admin is None:
        if os.environ.get("TANDEM_REQUIRE_POSTGRES") == "1":
            pytest.fail("TEST_DATABASE_URL is not set but PostgreSQL tests are required")
        pytest.skip("PostgreSQL: set TEST_DATABASE_URL (scripts/with-postgres does)")
    name = f"tandem_test_{uuid.uuid4().hex[:12]}"
    copy = f' TEMPLATE "{template}"' if template else ""
    await _pg_execute(admin, f'CREATE DATABASE "{name}"{copy}')
    try:
        yield make_url(admin).set(database=name).render_as_string(hide_password=False)
    finally:
        await _pg_execute(admin, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
async def database(database_url: str) -> AsyncIterator[Database]:
    """A migrated, empty database."""
    db = Database(url=database_url)
    try:
        yield db
    finally:
        await db.dispose()


@pytest.fixture
def clock() -> FixedClock:
    """A clock standing still at a Monday morning, UTC."""
    return FixedClock(at=NOW)


@pytest.fixture
def settings(database_url: str) -> Settings:
    """Settings for a runtime on the test database, demo import off."""
    return Settings(TANDEM_DATABASE_URL=database_url, TANDEM_DEMO=False)


async def import_fixtures(database: Database, tenant: str, *, at: datetime = NOW) -> TenantKey:
    """Import ``../shared/fixtures`` as they are into ``tenant``."""
    key = TenantKey.parse(tenant)
    for kind, path in FIXTURE_FILES.items():
        await import_file(
            database=database, tenant=key, kind=kind, text=path.read_text("utf-8"), at=at
        )
    return key
