"""The schema is made by Alembic alone and matches what the models declare."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, create_engine, inspect, text
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


def test_stand_ups_set_up_before_0011_keep_the_question_their_blockers_come_from(
    tmp_path: Path,
) -> None:
    """A stand-up of the default questions keeps the third; a French one's 'Blocages ?' is
    its blockers question now (the old guess missed it); one naming none has none."""
    url = f"sqlite:///{tmp_path / 'old.db'}"
    config = alembic_config()
    config.set_main_option("sqlalchemy.url", url)
    command.upgrade(config, "0010")
    engine = create_engine(url)
    columns = (
        "tenant_id, name, channel_id, channel_kind, owner_email, timezone, questions, days, "
        "slots, reminders, holidays, optional, paused, deleted, revision, created_at"
    )
    with engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO tenant (id, key, platform, workspace_id, name, disabled, "
                "raci_revision, created_at) VALUES (1, 'acme', 'local', 'acme', '', 0, 0, "
                "'2026-11-23 08:00:00')"
            )
        )
        for name, questions in (
            ("default", "[]"),
            ("french", '["Hier ?", "Aujourd\'\'hui ?", "Blocages ?"]'),
            ("none", '["Done?", "Next?"]'),
        ):
            connection.execute(
                text(
                    f"INSERT INTO standup ({columns}) VALUES (1, '{name}', 'c', 'channel', "
                    f"'a@x.com', 'UTC', '{questions}', '[]', '[]', '[]', '[]', 0, 0, 0, 0, "
                    "'2026-11-23 08:00:00')"
                )
            )
    command.upgrade(config, "head")
    with engine.connect() as connection:
        rows = connection.execute(text("SELECT name, blockers_question FROM standup")).all()
        found: dict[str, int | None] = {name: index for name, index in rows}
    engine.dispose()
    assert found == {"default": 2, "french": 2, "none": None}
