"""Alembic, run from inside the package: ``tandem db upgrade`` and at start.

Alembic is imported only when the schema is behind: the revision a database is at is
read with a plain query, and the revisions the package ships are read from the
migration files' ``revision`` / ``down_revision`` lines, so a process starting on a
schema at head never loads Alembic.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, text
from sqlalchemy.exc import DBAPIError

from tandem.storage.database import Database

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS = Path(__file__).parent / "migrations"
_PG_MIGRATION_LOCK = 7_401_001
_REVISION = re.compile(r'^(revision|down_revision)\s*(?::[^=]*)?=\s*"?([^"\n]*?)"?\s*$', re.M)


def alembic_config() -> Config:
    """An Alembic configuration pointing at the packaged migrations."""
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


@cache
def shipped_revisions() -> dict[str, str | None]:
    """Each revision the package ships, with the one it follows (None for the first)."""
    found: dict[str, str | None] = {}
    for path in sorted((MIGRATIONS / "versions").glob("*.py")):
        values = dict(_REVISION.findall(path.read_text("utf-8")))
        if "revision" in values:
            down = values.get("down_revision")
            found[values["revision"]] = None if down in (None, "None") else down
    return found


def head_revision() -> str | None:
    """The newest revision the package ships."""
    revisions = shipped_revisions()
    heads = set(revisions) - {down for down in revisions.values() if down}
    return next(iter(heads), None) if len(heads) == 1 else None


def known_revision(revision: str) -> bool:
    """Whether ``revision`` is one this package ships."""
    return revision in shipped_revisions()


def _upgrade(connection: Connection, revision: str) -> None:
    from alembic import command

    if connection.dialect.name == "postgresql":
        # Several replicas may start together: one migrates, the others wait.
        connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _PG_MIGRATION_LOCK})
    config = alembic_config()
    config.attributes["connection"] = connection
    command.upgrade(config, revision)


def _current(connection: Connection) -> str | None:
    if not connection.dialect.has_table(connection, "alembic_version"):
        return None
    try:
        row = connection.execute(text("SELECT version_num FROM alembic_version")).first()
    except DBAPIError:  # dropped between the two statements
        return None
    return str(row[0]) if row else None


async def upgrade(*, database: Database, revision: str = "head") -> None:
    """Bring the schema to ``revision`` (the newest by default).

    At head already (the usual start), nothing but one query runs.
    """
    if revision == "head" and await current_revision(database=database) == head_revision():
        return
    async with database.engine.begin() as connection:
        await connection.run_sync(_upgrade, revision)


async def current_revision(*, database: Database) -> str | None:
    """The revision the database is at, or None if it was never migrated."""
    async with database.engine.connect() as connection:
        return await connection.run_sync(_current)
