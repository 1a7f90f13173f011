"""What every process does to its database first: migrate it if it is behind, and import
the demo organisation into an empty one when the demo is on."""

from __future__ import annotations

import logging
from datetime import datetime

from tandem import demo
from tandem.bot.types import TenantKey
from tandem.storage.database import Database
from tandem.storage.migrate import upgrade
from tandem.storage.orgfiles.service import FileKind, import_file
from tandem.storage.repositories import people, tenants

log = logging.getLogger("tandem")


async def prepare_database(*, database: Database, demo_enabled: bool, at: datetime) -> None:
    """Migrate the schema, then import the demo organisation into an empty database.

    Raises:
        DatabaseUnreachable: the database cannot be reached; nothing was done.
    """
    await database.reach()
    await upgrade(database=database)
    if not demo_enabled:
        return
    key = TenantKey.parse(demo.TENANT)
    async with database.session() as session:
        existing = await tenants.find_tenant(session, key=key)
        if existing and await people.count_people(session, tenant=existing):
            return
    for kind in FileKind:
        report = await import_file(
            database=database, tenant=key, kind=kind, text=demo.read(kind), at=at
        )
        log.info("demo organisation imported: %s", report.describe())
