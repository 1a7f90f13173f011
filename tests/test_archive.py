"""Moving a tenant between databases: `tandem export all` then `tandem import all`.

The source is always a SQLite file in which the shared fixtures' organisation lived a
little: a stand-up with answers, a blocker, an approval, an uncovered question, a
planning session, a Slack installation... The target is the ``database`` fixture, so
the PostgreSQL run moves SQLite to PostgreSQL.
"""

from __future__ import annotations

import asyncio
import json
import stat
from collections.abc import AsyncIterator, Mapping
from concurrent.futures import ThreadPoolExecutor
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlmodel import SQLModel

from tandem.bot.cards import Reply
from tandem.bot.clock import FixedClock
from tandem.bot.settings import Settings
from tandem.bot.types import Platform, TenantKey
from tandem.runtime import Runtime
from tandem.storage import archive
from tandem.storage.archive import ArchiveRejected, TenantNotEmpty, export_tenant, import_tenant
from tandem.storage.cipher import TokenCipher
from tandem.storage.database import Database
from tandem.storage.orgfiles.service import FileKind, UnknownTenant, import_file
from tandem.storage.repositories import api_tokens, console, kpis, slack, teams, tenants
from tandem.storage.repositories.slack import SlackInstallationRecord
from tests.cli import Ran
from tests.cli import tandem as run_cli
from tests.conftest import FIXTURE_FILES, NOW, import_fixtures
from tests.harness import Chat, chat_runtime
from tests.recording_port import RecordingPort

SAM = "sam.okafor@example.com"  # London, marketing: the stand-up's lead, organises planning
HUGO = "hugo.bernard@example.com"  # Paris, French, marketing
ANA = "ana.silva@example.com"  # Responsible for domain names
MAYA = "maya.chen@example.com"
NADIA = "nadia.roux@example.com"  # CIO, Accountable for domain names and customer data
INES = "ines.lambert@example.com"  # a PM
THOMAS = "thomas.girard@example.com"
BOT_TOKEN = "xoxb-acme-secret-token"
KPIS_FILE = (Path(__file__).parent / "data" / "kpis.yaml").read_text("utf-8")
OTHER_PEOPLE = (
    "email,name,department,role,timezone,locale\nbo.lee@other.example,Bo Lee,it,Admin,UTC,en\n"
)


def at(hour: int, minute: int = 0, day: int = 23) -> datetime:
    return datetime(2026, 11, day, hour, minute, tzinfo=UTC)


@dataclass(frozen=True)
class Source:
    """What the source database held, as people read it, and its archive."""

    text: str
    ana_card: Reply
    """The blocker card Ana received before the move, with its buttons."""
    blocker_id: int
    who_owns_dns: str
    standups: str


async def _live_a_little(runtime: Runtime) -> Source:
    """The shared fixtures in acme, used the way people use Tandem."""
    clock = runtime.clock
    assert isinstance(clock, FixedClock)
    other = TenantKey.parse("slack:T0OTHER")  # first, so that acme's ids do not start at 1
    await import_file(
        database=runtime.database, tenant=other, kind=FileKind.PEOPLE, text=OTHER_PEOPLE, at=NOW
    )
    key = await import_fixtures(runtime.database, "acme")
    await import_file(
        database=runtime.database, tenant=key, kind=FileKind.KPIS, text=KPIS_FILE, at=NOW
    )
    port = RecordingPort()
    runtime.ports.add(platform=Platform.LOCAL.value, port=port)
    chat = Chat(runtime=runtime, tenant=key)
    await chat.make_admin(NADIA)

    clock.set(at=at(6))
    setup = (
        f"/standup setup Marketing-IT daily; members: {SAM}, {ANA}, {MAYA}, {HUGO}; "
        "days: mon-fri; times: 09:30-12:00; timezone: America/New_York; channel: marketing-it"
    )
    assert "is set up" in (await chat.say(SAM, setup)).text
    assert "away from" in (await chat.say(ANA, "/standup away 2026-12-21 2027-01-02")).text
    await chat.say(MAYA, "/standup workdays mon-thu")
    clock.set(at=at(8, 30))
    assert (await runtime.standup_engine.run_due()).sent == 1  # 09:30 in Paris: Hugo
    (prompt,) = port.dms(HUGO)
    await chat.submit(HUGO, prompt.reply, {"q0": "Brief", "q1": "Campagne", "q2": "rien"})

    clock.set(at=NOW)
    raised = await chat.say(HUGO, "/blocker waiting for the DNS record of the spring subdomain")
    assert "Ana Silva" in raised.text
    (ana_card,) = [m.reply for m in port.dms(ANA) if "Hugo Bernard is blocked" in m.text]
    async with runtime.database.session() as session:
        ref = await tenants.find_tenant(session, key=key)
        assert ref is not None
        blocker_id = int(raised.text.split("n°")[1].split()[0])
        await slack.save_installation(
            session,
            tenant=ref,
            record=SlackInstallationRecord(bot_token=BOT_TOKEN, team_id="T0ACME", bot_id="B1"),
            cipher=TokenCipher(),
        )
        await slack.claim_event(session, tenant=ref, event_id="Ev0ACME", at=NOW)
        await teams.save_reference(
            session, tenant=ref, kind="user", key=SAM, reference='{"conversation": {}}', at=NOW
        )
        # what the terminal kept for Ana's chat: a card, its update, her read mark
        shown = await console.post_message(
            session,
            tenant=ref,
            conversation_id=f"dm:{ANA}",
            conversation_kind="direct",
            thread=None,
            reply={"text": "Hugo Bernard is blocked"},
            at=NOW,
        )
        await console.post_message(
            session,
            tenant=ref,
            conversation_id=f"dm:{ANA}",
            conversation_kind="direct",
            thread=None,
            reply={"text": "Hugo Bernard is blocked (seen)"},
            at=NOW,
            replaces=shown,
        )
        await console.mark_seen(session, tenant=ref, email=ANA, upto=shown, at=NOW)
        await console.add_members(session, tenant=ref, channel_id="planning", emails=[ANA], at=NOW)
        assert await api_tokens.create_token(session, tenant=ref, name="lighthouse-ci", at=NOW)
        lcp = await kpis.get_kpi(session, tenant=ref, slug="lcp-home")
        assert lcp is not None
        await kpis.record_value(
            session,
            tenant=ref,
            kpi_id=lcp.id,
            at=NOW,
            value=2640.5,
            source="chat",
            sent_by=THOMAS,
            recorded_at=NOW,
        )
    await chat.say(NADIA, f"/who-owns set dns consulted {THOMAS}")
    await chat.say(NADIA, "/tandem escalation ack 4h; resolve 2d; channel #it-escalations")
    await chat.say(INES, "/blocker digest mon,thu 10:00")

    assert "I won't guess" in (await chat.say(SAM, "/guardrail can I book a meeting room?")).text
    answer = await chat.say(SAM, "/guardrail can I export the leads from the CRM to a spreadsheet?")
    form = await chat.click(SAM, answer, "Request approval")
    sent = await chat.submit(SAM, form, {"what": "Export leads", "why": "Calls", "how_long": "2w"})
    assert "Request #1 sent to Nadia Roux" in sent.text

    assert "Ana Silva" in (await chat.say(NADIA, f"/planning pool add {ANA}")).text
    planned = await chat.say(
        SAM,
        '/planning new "Q1 campaign planning" 2027-01-12 14:00 60min '
        "topics: landing-pages, tracking-consent",
    )
    assert "Planning #1 scheduled" in planned.text

    text = await export_tenant(database=runtime.database, tenant=key, at=NOW)
    return Source(
        text=text,
        ana_card=ana_card,
        blocker_id=blocker_id,
        who_owns_dns=await chat.read(SAM, "/who-owns dns"),
        standups=await chat.read(SAM, "/standup list"),
    )


@pytest.fixture(scope="session")
def source(tmp_path_factory: pytest.TempPathFactory) -> Source:
    """Built once, on its own event loop (a thread), in a SQLite file."""
    url = f"sqlite:///{tmp_path_factory.mktemp('source') / 'source.db'}"

    async def build() -> Source:
        settings = Settings(TANDEM_DATABASE_URL=url, TANDEM_DEMO=False)
        async with chat_runtime(settings=settings, clock=FixedClock(at=NOW)) as runtime:
            return await _live_a_little(runtime)

    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, build()).result()


@asynccontextmanager
async def chatting(database: Database, key: str) -> AsyncIterator[tuple[Chat, RecordingPort]]:
    """Tandem running on ``database`` (already migrated), people of ``key`` talking to it."""
    settings = Settings(TANDEM_DATABASE_URL=database.url, TANDEM_DEMO=False)
    async with chat_runtime(settings=settings, clock=FixedClock(at=NOW)) as runtime:
        port = RecordingPort()
        runtime.ports.add(platform=Platform.LOCAL.value, port=port)
        yield Chat(runtime=runtime, tenant=TenantKey.parse(key)), port


def without_ids(text: str) -> dict[str, Any]:
    """The archive's tenant and rows, each id replaced by its rank in its table (and each
    foreign key and delivery key by the rank of the row it names)."""
    read = archive.read_archive(text=text)
    ranks = {
        name: {old: rank for rank, old in enumerate(sorted(row["id"] for row in rows))}
        for name, rows in read.rows.items()
    }
    rows: dict[str, list[dict[str, Any]]] = {}
    for table in archive.tenant_tables():
        references = {
            fk.parent.name: fk.column.table.name
            for fk in table.foreign_keys
            if fk.parent.name != archive.TENANT_COLUMN
        }
        rows[table.name] = []
        for row in read.rows[table.name]:
            ranked = {**row, "id": ranks[table.name][row["id"]]}
            for column, parent in references.items():
                if ranked[column] is not None:
                    ranked[column] = ranks[parent][ranked[column]]
            if table.name == "delivery":
                ranked["key"] = archive.renumber_delivery_key(ranked["key"], ids=ranks)
            rows[table.name].append(ranked)
    tenant = {k: v for k, v in read.tenant.items() if k not in {"id", "raci_revision"}}
    return {"tenant": tenant, "rows": rows}


def header(text: str) -> dict[str, Any]:
    value = json.loads(text.splitlines()[0])
    assert isinstance(value, dict)
    return value


def with_header(text: str, **changes: Any) -> str:
    lines = text.splitlines()
    lines[0] = json.dumps({**header(text), **changes})
    return "\n".join(lines) + "\n"


async def tenant_exists(database: Database, key: str) -> bool:
    async with database.session() as session:
        return await tenants.find_tenant(session, key=TenantKey.parse(key)) is not None


# -- what an archive covers ----------------------------------------------------------------


def test_every_table_is_archived_or_named_as_no_tenants() -> None:
    archived = {table.name for table in archive.tenant_tables()}
    everything = set(SQLModel.metadata.tables)
    assert everything == archived | archive.NOT_TENANT_ROWS
    assert not archived & archive.NOT_TENANT_ROWS


def test_the_source_has_rows_in_every_tenant_table(source: Source) -> None:
    """So that the move of every table is tested; a new table needs a row in the story."""
    counts = header(source.text)["rows"]
    assert set(counts) == {table.name for table in archive.tenant_tables()}
    assert [name for name, count in counts.items() if not count] == []


def test_the_header_says_what_and_whence(source: Source) -> None:
    first = header(source.text)
    assert first["format"] == "tandem-archive" and first["version"] == 1
    assert first["schema"] and first["tandem"] and first["source"] == "sqlite"
    assert first["exported_at"] == "2026-11-23T09:30:00Z"
    assert first["tenant"]["key"] == "acme"
    assert BOT_TOKEN in source.text  # a move carries the Slack installation


def test_another_tenant_of_the_source_is_not_exported(source: Source) -> None:
    assert "bo.lee@other.example" not in source.text
    assert "T0OTHER" not in source.text


def test_every_delivery_key_names_a_row_the_archive_knows(source: Source) -> None:
    keys = [
        json.loads(line)["row"]["key"]
        for line in source.text.splitlines()[1:]
        if json.loads(line)["table"] == "delivery"
    ]
    assert keys and all(archive.delivery_key_names(key) for key in keys), keys


@pytest.mark.parametrize(
    ("key", "table", "renumbered"),
    [
        ("standup:12:2026-11-23:0", "standup", "standup:112:2026-11-23:0"),
        ("blocker:12:ack:0", "blocker", "blocker:112:ack:0"),
        ("blocker:12:remind:2026-11-25", "blocker", "blocker:112:remind:2026-11-25"),
        ("blocker:digest:12:2026-11-26", "person", "blocker:digest:112:2026-11-26"),
        ("guardrail:review:12:2026-11-30", "guardrail_rule", "guardrail:review:112:2026-11-30"),
        ("guardrail:approval:12:remind", "approval_request", "guardrail:approval:112:remind"),
        ("planning:occurrence:12:remind", "planning_occurrence", "planning:occurrence:112:remind"),
        ("planning:session:12:open:3", "planning_session", "planning:session:112:open:3"),
    ],
)
def test_delivery_keys_follow_their_row_when_it_is_renumbered(
    key: str, table: str, renumbered: str
) -> None:
    assert archive.delivery_key_names(key) == table
    ids: Mapping[str, Mapping[int, int]] = {name: {12: 112} for _, name in archive.DELIVERY_KEY_IDS}
    assert archive.renumber_delivery_key(key, ids=ids) == renumbered


# -- moving --------------------------------------------------------------------------------


async def test_into_a_new_database_everything_keeps_its_id_and_old_cards_still_work(
    source: Source, database: Database
) -> None:
    report = await import_tenant(database=database, text=source.text)
    assert report.renumbered == () and "ids kept" in report.describe()
    again = await export_tenant(database=database, tenant=TenantKey.parse("acme"), at=NOW)
    assert archive.read_archive(text=again).rows == archive.read_archive(text=source.text).rows
    assert without_ids(again) == without_ids(source.text)

    async with chatting(database, "acme") as (chat, port):
        assert await chat.read(SAM, "/who-owns dns") == source.who_owns_dns
        assert await chat.read(SAM, "/standup list") == source.standups
        # Ana's card from before the move acts on the same blocker.
        acknowledged = await chat.click(ANA, source.ana_card, "Acknowledge")
        assert f"You acknowledged blocker #{source.blocker_id}" in acknowledged.text
        assert "Ana Silva a pris en charge votre blocage" in port.dms(HUGO)[-1].text
        # New rows get new ids (on PostgreSQL, the sequences were moved past the kept ids).
        raised = await chat.say(SAM, "/blocker the CMS is down #landing-pages")
        assert f"Blocker #{source.blocker_id + 1} is recorded" in raised.text
        planned = await chat.say(
            SAM, '/planning new "Email sync" 2027-02-02 10:00 45min topics: landing-pages'
        )
        assert "Planning #2 scheduled" in planned.text


async def test_beside_another_tenant_the_rows_are_renumbered_and_the_other_is_untouched(
    source: Source, database: Database
) -> None:
    # The bystander holds the very ids of the archive.
    await import_tenant(database=database, text=source.text, tenant=TenantKey.parse("globex"))
    bystander = await export_tenant(database=database, tenant=TenantKey.parse("globex"), at=NOW)

    report = await import_tenant(database=database, text=source.text)
    assert "blocker" in report.renumbered and "person" in report.renumbered
    assert "ids renumbered in" in report.describe()
    moved = await export_tenant(database=database, tenant=TenantKey.parse("acme"), at=NOW)
    assert without_ids(moved) == without_ids(source.text)
    assert await export_tenant(database=database, tenant=TenantKey.parse("globex"), at=NOW) == (
        bystander
    )

    async with chatting(database, "acme") as (chat, _port):
        assert await chat.read(SAM, "/who-owns dns") == source.who_owns_dns
        assert await chat.read(SAM, "/standup list") == source.standups
        # Blocker #N of the card is globex's now: the old card finds nothing, never another row.
        clicked = await chat.click(ANA, source.ana_card, "Acknowledge")
        assert f"I can't find blocker {source.blocker_id} here" in clicked.text
        listed = await chat.read(ANA, "/blocker list mine")
        assert "waiting for the DNS record of the spring subdomain" in listed
    async with chatting(database, "globex") as (chat, _port):
        assert "the DNS record" in await chat.read(HUGO, f"/blocker show {source.blocker_id}")


async def test_under_another_key_the_tenant_is_that_keys(
    source: Source, database: Database
) -> None:
    await import_tenant(database=database, text=source.text, tenant=TenantKey.parse("slack:T0NEW"))
    moved = header(
        await export_tenant(database=database, tenant=TenantKey.parse("slack:T0NEW"), at=NOW)
    )
    assert moved["tenant"]["key"] == "slack:T0NEW"
    assert moved["tenant"]["platform"] == "slack" and moved["tenant"]["workspace_id"] == "T0NEW"
    assert not await tenant_exists(database, "acme")
    async with chatting(database, "slack:T0NEW") as (chat, _port):
        assert await chat.read(SAM, "/who-owns dns") == source.who_owns_dns


async def test_a_copy_beside_its_original_is_imported_with_its_stand_ups_paused(
    source: Source, database: Database
) -> None:
    await import_tenant(database=database, text=source.text)
    copied = await import_tenant(
        database=database, text=source.text, tenant=TenantKey.parse("copy")
    )
    assert copied.paused == ("Marketing-IT daily",)
    assert "warning: acme, which this archive was exported from, is in this database too: " in (
        copied.describe()
    )
    assert "/standup resume NAME" in copied.describe()
    async with chatting(database, "copy") as (chat, _port):
        assert "paused" in await chat.read(SAM, "/standup list")
        assert "paused" not in source.standups
        await chat.read(SAM, "/standup resume Marketing-IT daily")
        assert await chat.read(SAM, "/standup list") == source.standups
    async with chatting(database, "acme") as (chat, _port):
        assert await chat.read(SAM, "/standup list") == source.standups  # the original runs


# -- refusals ------------------------------------------------------------------------------


async def test_a_tenant_with_data_is_refused_and_kept_unless_replaced(
    source: Source, database: Database
) -> None:
    await import_fixtures(database, "acme")
    async with chatting(database, "acme") as (chat, _port):
        await chat.say(SAM, "/blocker the target's own blocker #landing-pages")
    before = await export_tenant(database=database, tenant=TenantKey.parse("acme"), at=NOW)
    with pytest.raises(TenantNotEmpty) as refused:
        await import_tenant(database=database, text=source.text)
    assert "tenant acme already has data here (" in str(refused.value)
    assert refused.value.rows["person"] == 15
    assert await export_tenant(database=database, tenant=TenantKey.parse("acme"), at=NOW) == before

    report = await import_tenant(database=database, text=source.text, replace=True)
    assert report.replaced > 0 and "after deleting its" in report.describe()
    after = await export_tenant(database=database, tenant=TenantKey.parse("acme"), at=NOW)
    assert without_ids(after) == without_ids(source.text)
    assert "the target's own blocker" not in after


def _lines(text: str) -> list[str]:
    return text.splitlines()


def _cut(text: str) -> str:
    return "\n".join(_lines(text)[:-1]) + "\n"


def _bad_json(text: str) -> str:
    lines = _lines(text)
    lines[5] = lines[5][:-3]
    return "\n".join(lines)


def _unknown_table(text: str) -> str:
    return text + json.dumps({"table": "secret_table", "row": {"id": 1}}) + "\n"


def _orphan(text: str) -> str:
    """A stand-up member whose stand-up is not in the file."""
    lines = _lines(text)
    for number, line in enumerate(lines[1:], start=1):
        entry = json.loads(line)
        if entry["table"] == "standup_member":
            entry["row"]["standup_id"] = 999_999
            lines[number] = json.dumps(entry)
            break
    return "\n".join(lines) + "\n"


def _wrong_type(text: str) -> str:
    lines = _lines(text)
    for number, line in enumerate(lines[1:], start=1):
        entry = json.loads(line)
        if entry["table"] == "blocker":
            entry["row"]["created_at"] = "yesterday"
            lines[number] = json.dumps(entry)
            break
    return "\n".join(lines) + "\n"


def _duplicate_person(text: str) -> str:
    """Two people with one email: only the database can tell (a unique constraint)."""
    lines = _lines(text)
    people = [n for n, line in enumerate(lines[1:], start=1) if '"table": "person"' in line]
    first, second = (json.loads(lines[n]) for n in people[:2])
    second["row"]["email"] = first["row"]["email"]
    lines[people[1]] = json.dumps(second)
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize(
    ("spoil", "says"),
    [
        (lambda text: "", "the file is empty"),
        (lambda text: "name,email\nana,ana@example.com\n", "line 1 is not a Tandem archive"),
        (lambda text: with_header(text, version=2), "reads version 1 only"),
        (lambda text: with_header(text, schema="0006"), "start the source once with this Tandem"),
        (lambda text: with_header(text, schema="0099"), "which this Tandem"),
        (_cut, "the file is cut"),
        (_bad_json, "line 6: not JSON"),
        (_unknown_table, "unknown table 'secret_table'"),
        (_orphan, "and no standup row before it has that id"),
        (_wrong_type, "created_at"),
        (_duplicate_person, "the database refused a row of the file"),
    ],
    ids=[
        "empty",
        "csv",
        "newer-format",
        "older-schema",
        "unknown-schema",
        "cut",
        "bad-json",
        "unknown-table",
        "orphan",
        "wrong-type",
        "duplicate",
    ],
)
async def test_a_file_that_cannot_be_imported_writes_nothing(
    source: Source, database: Database, spoil: Any, says: str
) -> None:
    with pytest.raises(ArchiveRejected) as rejected:
        await import_tenant(database=database, text=spoil(source.text))
    assert says in str(rejected.value)
    assert not await tenant_exists(database, "acme")


async def test_exporting_a_tenant_that_does_not_exist_says_so(database: Database) -> None:
    with pytest.raises(UnknownTenant):
        await export_tenant(database=database, tenant=TenantKey.parse("nobody"), at=NOW)


# -- the command line ----------------------------------------------------------------------


def tandem(args: list[str], *, url: str, home: Path) -> Ran:
    """``tandem ARGS`` on the database at ``url`` (in this process, Click's runner)."""
    return run_cli(
        args,
        env={
            "TANDEM_DATABASE_URL": url,
            "HOME": str(home),
            "XDG_STATE_HOME": str(home / "state"),
        },
    )


def test_the_cli_moves_a_tenant_from_one_sqlite_file_to_another(tmp_path: Path) -> None:
    old = f"sqlite:///{tmp_path / 'old.db'}"
    new = f"sqlite:///{tmp_path / 'new.db'}"  # a fresh file: the demo is not imported first
    for kind, path in FIXTURE_FILES.items():
        done = tandem(["import", kind.value, str(path), "--tenant", "acme"], url=old, home=tmp_path)
        assert done.returncode == 0, done.stderr
    moved = tmp_path / "acme.tandem.jsonl"

    exported = tandem(
        ["export", "all", "--tenant", "acme", "-o", str(moved)], url=old, home=tmp_path
    )
    assert exported.returncode == 0, exported.stderr
    assert stat.S_IMODE(moved.stat().st_mode) == 0o600
    assert header(moved.read_text("utf-8"))["tenant"]["key"] == "acme"
    printed = tandem(["export", "all", "--tenant", "acme"], url=old, home=tmp_path)
    assert _lines(printed.stdout)[1:] == _lines(moved.read_text("utf-8"))[1:]

    imported = tandem(["import", "all", str(moved)], url=new, home=tmp_path)
    assert imported.returncode == 0, imported.stderr
    assert "tenant acme:" in imported.stdout and "ids kept" in imported.stdout
    owners = [
        tandem(["who-owns", "dns", "--tenant", "acme", "--json"], url=url, home=tmp_path).stdout
        for url in (old, new)
    ]
    assert owners[0] == owners[1] and "ana.silva@example.com" in owners[1]

    twice = tandem(["import", "all", str(moved)], url=new, home=tmp_path)
    assert twice.returncode != 0
    assert "tenant acme already has data here" in twice.stderr and "--replace" in twice.stderr
    replaced = tandem(["import", "all", str(moved), "--replace"], url=new, home=tmp_path)
    assert replaced.returncode == 0 and "after deleting its" in replaced.stdout

    bad = tmp_path / "people.csv"
    bad.write_text(FIXTURE_FILES[FileKind.PEOPLE].read_text("utf-8"), "utf-8")
    refused = tandem(["import", "all", str(bad), "--tenant", "other"], url=new, home=tmp_path)
    assert refused.returncode != 0
    assert "was not imported, nothing changed: line 1 is not a Tandem archive" in refused.stderr
    misused = tandem(["import", "people", str(bad), "--replace"], url=new, home=tmp_path)
    assert misused.returncode != 0 and "--replace goes with `import all` only" in misused.stderr
