"""A tenant's every row in one text file, to move it to another database or keep it aside.

``tandem export all`` writes the archive and ``tandem import all`` loads it. The tables
are read from the SQLModel metadata, so a table added later is archived without a line
here: every table but :data:`NOT_TENANT_ROWS` carries ``tenant_id`` (the models' rule),
and its foreign keys say how its rows hang together.

The format is JSON Lines, UTF-8. The first line is the header::

    {"format": "tandem-archive", "version": 1, "tandem": "0.1.0", "schema": "0007",
     "exported_at": "2026-11-23T09:30:00Z", "source": "sqlite",
     "tenant": {"id": 1, "key": "acme", …}, "rows": {"person": 14, …}}

``schema`` is the source database's Alembic revision; ``rows`` counts the lines of each
table that follow (a cut file is caught). Then one line per row, parents before
children and by id: ``{"table": "person", "row": {"id": 3, "email": …}}``, every column
but ``tenant_id``. Instants are UTC ISO 8601 (``…Z``), days ``YYYY-MM-DD``, JSON
columns as they are. The file holds credentials (a Slack installation's bot token):
a move needs them. They are written as the database stores them, encrypted when
``TANDEM_SECRET_KEY`` was set (``storage/cipher.py``): an export needs no key, the
archive gives away no more than the database does, and the target reads them with the
same key.

An import is one transaction. Ids are kept where the target has them free (a move
into a new database: cards already in chat, delivery claims and ``/blocker show 12``
keep pointing at the same rows); a table whose ids are taken there (other tenants)
is renumbered above both databases' ids, so that an old id never names another row,
and delivery keys that embed an id are rewritten.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any, TypeVar

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    Float,
    Integer,
    String,
    Table,
    TypeDecorator,
    bindparam,
    delete,
    func,
    insert,
    select,
    text,
    update,
)
from sqlalchemy.exc import DataError, IntegrityError
from sqlalchemy.ext.asyncio import AsyncConnection
from sqlmodel import SQLModel

from tandem import __version__
from tandem.bot.types import TenantKey
from tandem.storage import models
from tandem.storage.database import Database
from tandem.storage.migrate import current_revision, head_revision, known_revision
from tandem.storage.orgfiles.service import UnknownTenant
from tandem.storage.timestamps import utc

FORMAT = "tandem-archive"
VERSION = 1
"""Bumped when the layout of the file changes (not when the schema does: ``schema`` says)."""

NOT_TENANT_ROWS = frozenset({models.Tenant.__tablename__, models.SlackOAuthState.__tablename__})
"""Tables whose rows belong to no one tenant: the tenants themselves, pending OAuth installs."""

TENANT_COLUMN = "tenant_id"
_IDENTITY_COLUMNS = frozenset({"id", "key", "platform", "workspace_id"})
"""Columns of the tenant row that come from the key it is imported under, not the file."""

# Delivery keys that name a row by its id (DEVELOPERS.md, "Scheduled sends"): the table
# each names. When that table is renumbered, the key is rewritten so that what was sent
# before the move is known to be sent after it.
DELIVERY_KEY_IDS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"^(standup:)(\d+)(:.*)$"), models.Standup.__tablename__),
    (re.compile(r"^(blocker:digest:)(\d+)(:.*)$"), models.Person.__tablename__),
    (re.compile(r"^(blocker:)(\d+)(:.*)$"), models.Blocker.__tablename__),
    (re.compile(r"^(guardrail:review:)(\d+)(:.*)$"), models.GuardrailRule.__tablename__),
    (re.compile(r"^(guardrail:approval:)(\d+)(:.*)$"), models.ApprovalRequest.__tablename__),
    (re.compile(r"^(planning:occurrence:)(\d+)(:.*)$"), models.PlanningOccurrence.__tablename__),
    (re.compile(r"^(planning:session:)(\d+)(:.*)$"), models.PlanningSession.__tablename__),
    (re.compile(r"^(kpi:stale:)(\d+)(:.*)$"), models.Kpi.__tablename__),
)
_ID_CHUNK = 500
T = TypeVar("T")
TENANTS: Table = SQLModel.metadata.tables[models.Tenant.__tablename__]
STANDUPS: Table = SQLModel.metadata.tables[models.Standup.__tablename__]


class ArchiveRejected(ValueError):
    """The file cannot be imported here (malformed, another format or schema); nothing changed."""


class TenantNotEmpty(Exception):
    """The tenant already has rows in the target; an import would mix two histories."""

    def __init__(self, *, tenant: str, rows: Mapping[str, int]) -> None:
        self.tenant = tenant
        self.rows = dict(rows)
        listed = ", ".join(f"{name} {count}" for name, count in self.rows.items())
        super().__init__(f"tenant {tenant} already has data here ({listed})")


@dataclass(frozen=True, slots=True)
class Archive:
    """A read and checked archive: values are Python values again (datetimes, dates)."""

    header: dict[str, Any]
    tenant: dict[str, Any]
    rows: dict[str, list[dict[str, Any]]]
    """By table name, every table of this schema, in insertion order."""

    @property
    def key(self) -> TenantKey:
        """The tenant key the archive was exported from."""
        return TenantKey.parse(str(self.tenant["key"]))


@dataclass(frozen=True, slots=True)
class ImportReport:
    """What ``import all`` did."""

    tenant: str
    rows: dict[str, int]
    renumbered: tuple[str, ...]
    """Tables whose ids were taken in the target, so their rows got new ones."""
    replaced: int
    """Rows of the tenant deleted first (``--replace``)."""
    live_original: str | None = None
    """The tenant the archive was exported from, when it is in this database too: the
    copy's stand-ups were imported paused, so no summary is posted twice."""
    paused: tuple[str, ...] = ()
    """The stand-ups imported paused (those that were running in the archive)."""

    def describe(self) -> str:
        """A line an operator reads."""
        total = sum(self.rows.values())
        tables = ", ".join(f"{name} {count}" for name, count in self.rows.items() if count)
        line = f"tenant {self.tenant}: {total} rows imported ({tables or 'none'})"
        if self.replaced:
            line += f", after deleting its {self.replaced} rows"
        if not self.renumbered:
            line += "; ids kept"
        else:
            line += (
                f"; ids renumbered in {', '.join(self.renumbered)} (taken in this database): "
                "buttons on messages sent before the move, and such ids people noted, "
                "no longer find these rows"
            )
        if self.live_original and self.paused:
            line += (
                f"\nwarning: {self.live_original}, which this archive was exported from, is in "
                f"this database too: this copy's stand-ups ({', '.join(self.paused)}) are "
                "paused, so the same channels do not get each summary twice; an admin of "
                f"{self.tenant} resumes one with /standup resume NAME"
            )
        return line


def tenant_tables() -> list[Table]:
    """Every table whose rows belong to a tenant, parents before children.

    Raises:
        RuntimeError: a table has no ``tenant_id`` and is not one of :data:`NOT_TENANT_ROWS`,
            or is not shaped the way an archive needs (an integer ``id``, foreign keys to
            archived tables); an archive without it would be silently incomplete.
    """
    found: list[Table] = []
    for table in SQLModel.metadata.sorted_tables:
        if table.name in NOT_TENANT_ROWS:
            continue
        if TENANT_COLUMN not in table.c:
            raise RuntimeError(f"table {table.name} has no {TENANT_COLUMN}: archive it or not?")
        primary = list(table.primary_key.columns)
        if len(primary) != 1 or primary[0].name != "id" or not isinstance(primary[0].type, Integer):
            raise RuntimeError(f"table {table.name}: an archive needs an integer id")
        found.append(table)
    names = {t.name for t in found} | {models.Tenant.__tablename__}
    for table in found:
        for fk in table.foreign_keys:
            if fk.column.table.name not in names or fk.column.name != "id":
                raise RuntimeError(f"{table.name}.{fk.parent.name} refers to {fk.target_fullname}")
    return found


def _references(table: Table) -> dict[str, str]:
    """Each foreign-key column of ``table`` and the table it names."""
    return {fk.parent.name: fk.column.table.name for fk in table.foreign_keys}


# -- values ------------------------------------------------------------------------------


def _instant(value: datetime) -> str:
    return utc(value).isoformat().replace("+00:00", "Z")


def _encode(value: Any) -> Any:
    if isinstance(value, datetime):
        return _instant(value)
    if isinstance(value, date):
        return value.isoformat()
    return value


def _decode(table: Table, name: str, value: Any) -> Any:
    """The Python value of a column read from the file; raises ValueError with why not."""
    column = table.c[name]
    kind = column.type
    if isinstance(kind, TypeDecorator):  # SQLModel's AutoString
        kind = kind.impl_instance
    if value is None:
        if not column.nullable:
            raise ValueError("may not be null")
        return None
    if isinstance(kind, DateTime):
        moment = _parsed(datetime.fromisoformat, value, "an ISO 8601 instant")
        if moment.tzinfo is None:
            raise ValueError(f"{value!r} has no UTC offset")
        return moment.astimezone(UTC)
    if isinstance(kind, Date):
        return _parsed(date.fromisoformat, value, "a YYYY-MM-DD day")
    if isinstance(kind, Boolean):
        fits, what = isinstance(value, bool), "true or false"
    elif isinstance(kind, Integer):
        fits, what = isinstance(value, int) and not isinstance(value, bool), "a whole number"
    elif isinstance(kind, Float):  # a KPI's value, target, threshold
        fits = isinstance(value, int | float) and not isinstance(value, bool)
        what = "a number"
    elif isinstance(kind, String):
        fits, what = isinstance(value, str), "text"
    elif isinstance(kind, JSON):
        fits, what = True, "JSON"
    else:
        raise ValueError(f"this Tandem cannot read a {kind!r} column")
    if not fits:
        raise ValueError(f"{value!r} is not {what}")
    return value


def _parsed(parse: Callable[[str], T], value: object, what: str) -> T:
    try:
        if isinstance(value, str):
            return parse(value)
    except ValueError:
        pass
    raise ValueError(f"{value!r} is not {what}")


# -- export ------------------------------------------------------------------------------


async def export_tenant(*, database: Database, tenant: TenantKey, at: datetime) -> str:
    """Every row of ``tenant``, as the archive's text (see the module's docstring).

    Read in one snapshot, so that rows written meanwhile cannot leave a child without
    its parent.

    Raises:
        UnknownTenant: no tenant has that key.
    """
    tables = tenant_tables()
    schema = await current_revision(database=database)
    async with database.session() as session:
        if database.is_sqlite:
            connection = await session.connection()
            await connection.exec_driver_sql("BEGIN")  # the driver starts none for reads
        else:
            connection = await session.connection(
                execution_options={"isolation_level": "REPEATABLE READ"}
            )
        found = (
            (await connection.execute(select(TENANTS).where(TENANTS.c.key == str(tenant))))
            .mappings()
            .first()
        )
        if found is None:
            raise UnknownTenant(str(tenant))
        rows: dict[str, list[dict[str, Any]]] = {}
        for table in tables:
            result = await connection.execute(
                select(table).where(table.c[TENANT_COLUMN] == found["id"]).order_by(table.c.id)
            )
            rows[table.name] = [
                {name: _encode(value) for name, value in row.items() if name != TENANT_COLUMN}
                for row in result.mappings()
            ]
    header = {
        "format": FORMAT,
        "version": VERSION,
        "tandem": __version__,
        "schema": schema,
        "exported_at": _instant(at),
        "source": "sqlite" if database.is_sqlite else "postgresql",
        "tenant": {name: _encode(value) for name, value in found.items()},
        "rows": {name: len(table_rows) for name, table_rows in rows.items()},
    }
    lines = [_dumps(header)]
    for name, table_rows in rows.items():
        lines.extend(_dumps({"table": name, "row": row}) for row in table_rows)
    return "\n".join(lines) + "\n"


def _dumps(value: Mapping[str, Any]) -> str:
    return json.dumps(value, ensure_ascii=False)


# -- reading -----------------------------------------------------------------------------


def _schema_problem(schema: object) -> str | None:
    """Why an archive of schema revision ``schema`` cannot be loaded by this Tandem."""
    head = head_revision()
    if schema == head:
        return None
    known = isinstance(schema, str) and bool(schema) and known_revision(schema)
    if not known:
        return (
            f"it was exported at schema revision {schema!r}, which this Tandem "
            f"({__version__}, revision {head}) does not know: it comes from a newer Tandem; "
            "upgrade Tandem here to that version and import it again"
        )
    return (
        f"it was exported at schema revision {schema} and this Tandem's is {head}: start "
        "the source once with this Tandem version (its start migrates the database) and "
        "export again"
    )


def read_archive(*, text: str) -> Archive:
    """Parse and check a whole archive before anything is written.

    Checks the header (format, version, schema revision), that every line is a row of a
    known table with exactly its columns and values of their types, that the counts
    match (a cut file), that ids are unique and every foreign key names a row in the file.

    Raises:
        ArchiveRejected: with the first problem found, by line.
    """
    lines = text.splitlines()
    if not lines or not lines[0].strip():
        raise ArchiveRejected("the file is empty: not a Tandem archive")
    try:
        header = json.loads(lines[0])
    except json.JSONDecodeError:
        header = None
    if not isinstance(header, dict) or header.get("format") != FORMAT:
        raise ArchiveRejected("line 1 is not a Tandem archive header (made by `tandem export all`)")
    version = header.get("version")
    if version != VERSION:
        raise ArchiveRejected(
            f"archive format version {version!r}: this Tandem ({__version__}) reads "
            f"version {VERSION} only"
        )
    problem = _schema_problem(header.get("schema"))
    if problem:
        raise ArchiveRejected(f"the file cannot be imported here: {problem}")
    tables = {table.name: table for table in tenant_tables()}
    counts = header.get("rows")
    tenant_row = header.get("tenant")
    if not isinstance(counts, dict) or set(counts) != set(tables):
        raise ArchiveRejected("line 1: the header's row counts do not list this schema's tables")
    if not isinstance(tenant_row, dict):
        raise ArchiveRejected("line 1: the header names no tenant")
    tenant = _decode_row(TENANTS, tenant_row, line=1)
    try:
        TenantKey.parse(str(tenant["key"]))
    except ValueError as error:
        raise ArchiveRejected(f"line 1: {error}") from None
    rows: dict[str, list[dict[str, Any]]] = {name: [] for name in tables}
    seen: dict[str, set[int]] = {name: set() for name in tables}
    seen[TENANTS.name] = {tenant["id"]}
    for number, line in enumerate(lines[1:], start=2):
        if not line.strip():
            continue
        try:
            entry = json.loads(line)
        except json.JSONDecodeError as error:
            raise ArchiveRejected(f"line {number}: not JSON ({error.msg})") from None
        if not isinstance(entry, dict) or set(entry) != {"table", "row"}:
            raise ArchiveRejected(f"line {number}: not a {{'table', 'row'}} object")
        name, row = entry["table"], entry["row"]
        table = tables.get(name) if isinstance(name, str) else None
        if table is None:
            raise ArchiveRejected(f"line {number}: unknown table {name!r}")
        values = _decode_row(table, row, line=number, skip={TENANT_COLUMN})
        for column, parent in _references(table).items():
            value = values.get(column)
            if column != TENANT_COLUMN and value is not None and value not in seen[parent]:
                raise ArchiveRejected(
                    f"line {number}: {name} {values['id']} has {column} {value}, "
                    f"and no {parent} row before it has that id"
                )
        if values["id"] in seen[name]:
            raise ArchiveRejected(f"line {number}: a second {name} row with id {values['id']}")
        seen[name].add(values["id"])
        rows[name].append(values)
    for name, table_rows in rows.items():
        expected = counts[name]
        if len(table_rows) != expected:
            raise ArchiveRejected(
                f"the header announces {expected!r} {name} rows and the file has "
                f"{len(table_rows)}: the file is cut or was edited"
            )
    return Archive(header=header, tenant=tenant, rows=rows)


def _decode_row(
    table: Table, row: object, *, line: int, skip: frozenset[str] | set[str] = frozenset()
) -> dict[str, Any]:
    if not isinstance(row, dict):
        raise ArchiveRejected(f"line {line}: the {table.name} row is not an object")
    columns = {column.name for column in table.columns if column.name not in skip}
    if set(row) != columns:
        missing = sorted(columns - set(row))
        extra = sorted(set(row) - columns)
        raise ArchiveRejected(
            f"line {line}: the {table.name} row does not have this schema's columns"
            + (f" (missing {', '.join(missing)})" if missing else "")
            + (f" (unknown {', '.join(extra)})" if extra else "")
        )
    values: dict[str, Any] = {}
    for name, value in row.items():
        try:
            values[name] = _decode(table, name, value)
        except ValueError as error:
            raise ArchiveRejected(f"line {line}: {table.name}.{name}: {error}") from None
    if values.get("id") is None:
        raise ArchiveRejected(f"line {line}: the {table.name} row has no id")
    return values


# -- import ------------------------------------------------------------------------------


def renumber_delivery_key(key: str, *, ids: Mapping[str, Mapping[int, int]]) -> str:
    """``key`` with the row id it embeds (if any) replaced by that row's new id."""
    for pattern, table in DELIVERY_KEY_IDS:
        match = pattern.match(key)
        if match:
            old = int(match.group(2))
            return f"{match.group(1)}{ids[table].get(old, old)}{match.group(3)}"
    return key


def delivery_key_names(key: str) -> str | None:
    """The table whose row a delivery key names by id, or None if the key is not known."""
    return next((table for pattern, table in DELIVERY_KEY_IDS if pattern.match(key)), None)


async def import_tenant(
    *,
    database: Database,
    text: str,
    tenant: TenantKey | None = None,
    replace: bool = False,
) -> ImportReport:
    """Load an archive into ``database`` (at the newest schema) in one transaction.

    Args:
        database: the target, migrated to head.
        text: the archive, as ``export_tenant`` wrote it.
        tenant: the key to import under; the archive's own by default.
        replace: delete the tenant's rows first (in the same transaction) instead of
            refusing when it has some.

    Raises:
        ArchiveRejected: the file is malformed, of another format, or of another schema
            revision than the target's.
        TenantNotEmpty: the tenant has rows in the target and ``replace`` is false.
    """
    archive = read_archive(text=text)
    schema = await current_revision(database=database)
    if archive.header["schema"] != schema:
        raise ArchiveRejected(
            f"the file is at schema revision {archive.header['schema']} and this database "
            f"at {schema}: run `tandem db upgrade` here (with this Tandem) and try again"
        )
    key = tenant or archive.key
    try:
        async with database.session() as session:
            connection = await session.connection()
            return await _load(connection, archive=archive, key=key, replace=replace)
    except (IntegrityError, DataError) as error:
        reason = str(error.orig).strip().splitlines()[0]
        raise ArchiveRejected(
            f"the database refused a row of the file ({reason}); nothing was changed"
        ) from error


async def _load(
    connection: AsyncConnection, *, archive: Archive, key: TenantKey, replace: bool
) -> ImportReport:
    tables = tenant_tables()
    tenant_id = await _target_tenant(connection, key=key, archive=archive)
    held = await _row_counts(connection, tables=tables, tenant_id=tenant_id)
    replaced = sum(held.values())
    if replaced and not replace:
        raise TenantNotEmpty(tenant=str(key), rows={n: c for n, c in held.items() if c})
    for table in reversed(tables):
        if held[table.name]:
            await connection.execute(delete(table).where(table.c[TENANT_COLUMN] == tenant_id))
    ids: dict[str, dict[int, int]] = {TENANTS.name: {archive.tenant["id"]: tenant_id}}
    for table in tables:  # all first: a delivery key may name a row of a later table
        old = [row["id"] for row in archive.rows[table.name]]
        ids[table.name] = await _new_ids(connection, table=table, old=old)
    renumbered = [t.name for t in tables if any(o != n for o, n in ids[t.name].items())]
    kept = [t for t in tables if ids[t.name] and t.name not in renumbered]
    for table in tables:
        rows = archive.rows[table.name]
        if rows:
            await connection.execute(
                insert(table),
                [_remapped(table, row, ids=ids, tenant_id=tenant_id) for row in rows],
            )
    if connection.dialect.name == "postgresql":
        for table in kept:  # explicit ids leave the sequence behind
            await _advance_sequence(connection, table=table, floor=0)
    live_original = key != archive.key and await _has_tenant(connection, key=archive.key)
    paused: tuple[str, ...] = ()
    if live_original:  # a copy beside its original: its stand-ups would post twice
        running = (
            (STANDUPS.c[TENANT_COLUMN] == tenant_id)
            & STANDUPS.c.paused.is_(False)
            & STANDUPS.c.deleted.is_(False)
        )
        found = await connection.execute(
            update(STANDUPS).where(running).values(paused=True).returning(STANDUPS.c.name)
        )
        paused = tuple(sorted(str(name) for name in found.scalars()))
    return ImportReport(
        tenant=str(key),
        rows={name: len(rows) for name, rows in archive.rows.items()},
        renumbered=tuple(renumbered),
        replaced=replaced,
        live_original=str(archive.key) if live_original else None,
        paused=paused,
    )


async def _has_tenant(connection: AsyncConnection, *, key: TenantKey) -> bool:
    found = await connection.execute(select(TENANTS.c.id).where(TENANTS.c.key == str(key)))
    return found.first() is not None


async def _target_tenant(connection: AsyncConnection, *, key: TenantKey, archive: Archive) -> int:
    """The target tenant's id, created (or updated) with the archive's attributes."""
    table = TENANTS
    values = {n: v for n, v in archive.tenant.items() if n not in _IDENTITY_COLUMNS}
    if key != archive.key:
        values["enterprise_id"] = None  # the archive's belongs to its own workspace
    lookup = select(table.c.id, table.c.raci_revision).where(table.c.key == str(key))
    if connection.dialect.name == "postgresql":
        lookup = lookup.with_for_update()  # two imports of one tenant: the second waits
    found = (await connection.execute(lookup)).first()
    if found is None:
        created = await connection.execute(
            insert(table)
            .values(key=str(key), platform=key.platform.value, workspace_id=key.workspace, **values)
            .returning(table.c.id)
        )
        return int(created.scalar_one())
    # A process serving this tenant caches its RACI matcher by this counter: move it on.
    values["raci_revision"] = max(int(found.raci_revision), int(values["raci_revision"])) + 1
    await connection.execute(update(table).where(table.c.id == found.id).values(**values))
    return int(found.id)


async def _row_counts(
    connection: AsyncConnection, *, tables: Sequence[Table], tenant_id: int
) -> dict[str, int]:
    counts: dict[str, int] = {}
    for table in tables:
        statement = (
            select(func.count()).select_from(table).where(table.c[TENANT_COLUMN] == tenant_id)
        )
        counts[table.name] = int((await connection.execute(statement)).scalar_one())
    return counts


async def _new_ids(connection: AsyncConnection, *, table: Table, old: list[int]) -> dict[int, int]:
    """Each old id's id in the target: the same when every one is free there, else new ones
    above every id of both databases, in the same order."""
    if not old:
        return {}
    taken = False
    for start in range(0, len(old), _ID_CHUNK):
        chunk = old[start : start + _ID_CHUNK]
        statement = select(func.count()).select_from(table).where(table.c.id.in_(chunk))
        if (await connection.execute(statement)).scalar_one():
            taken = True
            break
    if not taken:
        return {value: value for value in old}
    ordered = sorted(old)
    if connection.dialect.name == "postgresql":
        sequence = await _advance_sequence(connection, table=table, floor=ordered[-1])
        result = await connection.execute(
            text("SELECT nextval(CAST(:sequence AS regclass)) FROM generate_series(1, :n)"),
            {"sequence": sequence, "n": len(ordered)},
        )
        fresh = sorted(int(value) for value in result.scalars())
    else:
        highest = (await connection.execute(select(func.max(table.c.id)))).scalar_one()
        first = max(int(highest or 0), ordered[-1]) + 1
        fresh = list(range(first, first + len(ordered)))
    return dict(zip(ordered, fresh, strict=True))


async def _advance_sequence(connection: AsyncConnection, *, table: Table, floor: int) -> str:
    """Move a PostgreSQL id sequence past the table's ids and ``floor`` (never back)."""
    sequence = (
        await connection.execute(
            text("SELECT pg_get_serial_sequence(:table, 'id')"), {"table": table.name}
        )
    ).scalar_one()
    await connection.execute(
        text(
            "SELECT setval(CAST(:sequence AS regclass), GREATEST(:floor, "
            f'(SELECT COALESCE(MAX(id), 0) FROM "{table.name}"), '
            "COALESCE(pg_sequence_last_value(CAST(:sequence AS regclass)), 0), 1))"
        ).bindparams(bindparam("floor", type_=Integer)),
        {"sequence": sequence, "floor": floor},
    )
    return str(sequence)


def _remapped(
    table: Table, row: Mapping[str, Any], *, ids: Mapping[str, Mapping[int, int]], tenant_id: int
) -> dict[str, Any]:
    values = dict(row)
    values[TENANT_COLUMN] = tenant_id
    values["id"] = ids[table.name][row["id"]]
    for column, parent in _references(table).items():
        if column != TENANT_COLUMN and values.get(column) is not None:
            values[column] = ids[parent][values[column]]
    if table.name == models.Delivery.__tablename__:
        values["key"] = renumber_delivery_key(values["key"], ids=ids)
    return values
