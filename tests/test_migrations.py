"""The schema is made by Alembic alone and matches what the models declare."""

from __future__ import annotations

from typing import Any

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, inspect
from sqlmodel import SQLModel

from tandem.storage.database import Database
from tandem.storage.migrate import (
    alembic_config,
    current_revision,
    head_revision,
    known_revision,
    shipped_revisions,
    upgrade,
)


def _diff(connection: Connection) -> list[Any]:
    context = MigrationContext.configure(connection, opts={"compare_type": True})
    return list(compare_metadata(context, SQLModel.metadata))


def _tables(connection: Connection) -> set[str]:
    return set(inspect(connection).get_table_names())


async def test_upgrade_on_an_empty_database_gives_the_declared_schema(
    empty_database_url: str,
) -> None:
    database = Database(url=empty_database_url)
    try:
        assert await current_revision(database=database) is None
        await upgrade(database=database)
        assert await current_revision(database=database) == head_revision()
        async with database.engine.connect() as connection:
            tables = await connection.run_sync(_tables)
            diff = await connection.run_sync(_diff)
        assert set(SQLModel.metadata.tables) <= tables
        assert diff == [], f"models and migrations differ: {diff}"
        await upgrade(database=database)  # a second run at head changes nothing
        assert await current_revision(database=database) == head_revision()
    finally:
        await database.dispose()


def test_the_revisions_read_without_alembic_are_alembic_s() -> None:
    scripts = ScriptDirectory.from_config(alembic_config())
    assert head_revision() == scripts.get_current_head()
    assert shipped_revisions() == {
        script.revision: script.down_revision for script in scripts.walk_revisions()
    }
    assert known_revision("0001") and not known_revision("9999")
