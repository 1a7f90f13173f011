"""Alembic environment: runs on the connection Tandem hands it (async engines)."""

from __future__ import annotations

import asyncio

from alembic import context
from sqlalchemy import Connection
from sqlmodel import SQLModel

from tandem.storage import models  # noqa: F401  (registers the tables)
from tandem.storage.database import Database

target_metadata = SQLModel.metadata


def _run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


async def _run_from_url(url: str) -> None:
    database = Database(url=url)
    try:
        async with database.engine.begin() as connection:
            await connection.run_sync(_run)
    finally:
        await database.dispose()


def run_migrations_online() -> None:
    """Use the connection given in ``config.attributes``, else ``sqlalchemy.url``."""
    connection = context.config.attributes.get("connection")
    if connection is not None:
        _run(connection)
        return
    url = context.config.get_main_option("sqlalchemy.url")
    if not url:
        raise RuntimeError("no connection and no sqlalchemy.url given to Alembic")
    asyncio.run(_run_from_url(url))


if context.is_offline_mode():
    raise RuntimeError("Tandem migrations run online only: use `tandem db upgrade`")
run_migrations_online()
