"""KPI values from CSV (`tandem import kpi-values`): checked whole, problems by line,
kept with who measured them, a value for an instant already stored replacing it."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from tandem.bot.clock import FixedClock
from tandem.bot.settings import Settings
from tandem.bot.types import TenantKey
from tandem.storage.orgfiles.kpi_values import export_kpi_values, import_kpi_values
from tandem.storage.orgfiles.problems import FileRejected
from tandem.storage.orgfiles.service import FileKind, UnknownTenant, import_file
from tests.cli import tandem
from tests.conftest import FIXTURE_FILES, NOW, import_fixtures
from tests.harness import Chat, chat_runtime

KPIS = (Path(__file__).parent / "data" / "kpis.yaml").read_text("utf-8")
SAM = "sam.okafor@example.com"
VALUES = """kpi,at,value,by
lcp-home,2026-11-20,2710,lighthouse-ci
lcp-home,2026-11-21T09:00:00Z,2650.5,lighthouse-ci
conversion-rate,2026-11-22T10:00:00+01:00,2.4,
"""


@pytest.fixture
async def chat(settings: Settings, clock: FixedClock) -> AsyncIterator[Chat]:
    async with chat_runtime(settings=settings, clock=clock) as runtime:
        key = await import_fixtures(runtime.database, "acme")
        await import_file(
            database=runtime.database, tenant=key, kind=FileKind.KPIS, text=KPIS, at=NOW
        )
        yield Chat(runtime=runtime, tenant=key)


async def test_values_imported_show_with_who_measured_them_and_export_as_imported(
    chat: Chat,
) -> None:
    database, key = chat.runtime.database, chat.tenant
    report = await import_kpi_values(
        database=database, tenant=key, text=VALUES, at=NOW, by="november.csv"
    )
    assert report.describe() == (
        "tenant acme: kpi values: 3 recorded, 0 replacing a value stored for the same "
        "instant, 0 unchanged"
    )
    shown = await chat.read(SAM, "/kpi show lcp-home")
    assert "2,650.5 ms, imported by lighthouse-ci" in shown
    assert "2,710 ms, imported by lighthouse-ci" in shown
    assert "2.4%, imported by november.csv" in await chat.read(SAM, "/kpi show conversion-rate")

    exported = await export_kpi_values(database=database, tenant=key)
    assert exported.splitlines() == [
        "kpi,at,value,by",
        "lcp-home,2026-11-20T12:00:00Z,2710,lighthouse-ci",
        "lcp-home,2026-11-21T09:00:00Z,2650.5,lighthouse-ci",
        "conversion-rate,2026-11-22T09:00:00Z,2.4,november.csv",
    ]
    again = await import_kpi_values(
        database=database,
        tenant=key,
        text=exported.replace("2650.5", "2600"),
        at=NOW,
        by="again.csv",
    )
    assert "0 recorded, 1 replacing a value stored for the same instant, 2 unchanged" in (
        again.describe()
    )


async def test_a_french_spreadsheet_s_semicolons_and_decimal_commas_are_read(chat: Chat) -> None:
    text = "kpi;at;value\nconversion-rate;2026-11-22;2,4\n"
    await import_kpi_values(
        database=chat.runtime.database, tenant=chat.tenant, text=text, at=NOW, by="fr.csv"
    )
    assert "2,4 %, importée par fr.csv" in await chat.read(
        "thomas.girard@example.com", "/indicateur voir conversion-rate"
    )


async def test_a_bad_values_file_is_rejected_whole_with_every_problem_by_line(chat: Chat) -> None:
    bad = """kpi,at,value
lcp-home,2026-11-20,2710
payroll,2026-11-20,12
lcp-home,2026-11-24,2600
lcp-home,2026-11-23T10:00:00Z,2600
lcp-home,2026-11-20T09:00:00,2600
lcp-home,yesterday,2600
lcp-home,2026-11-19,2.4%
lcp-home,2026-11-19,nan
lcp-home,2026-11-20T12:00:00Z,2700
"""
    with pytest.raises(FileRejected) as rejected:
        await import_kpi_values(
            database=chat.runtime.database, tenant=chat.tenant, text=bad, at=NOW, by="bad.csv"
        )
    assert [str(p) for p in rejected.value.problems] == [
        "line 3: unknown KPI 'payroll'; import the KPI file first",
        "line 4: 2026-11-24 is in the future",
        "line 5: 2026-11-23T10:00:00Z is in the future",
        "line 6: '2026-11-20T09:00:00' has no offset: add Z (UTC) or +01:00",
        "line 7: 'yesterday' is not a day (YYYY-MM-DD) or an instant (2026-11-20T09:00:00Z)",
        "line 8: '2.4%' is not a number: write the number alone in ms",
        "line 9: 'nan' is not a number: write the number alone in ms",
        "line 10: a second value for lcp-home at 2026-11-20T12:00:00Z (first on line 2)",
    ]
    assert "No value in the last 30 days." in await chat.read(SAM, "/kpi show lcp-home")


async def test_values_go_to_their_own_tenant_only(chat: Chat) -> None:
    database = chat.runtime.database
    globex = await import_fixtures(database, "globex")
    with pytest.raises(FileRejected) as rejected:  # globex has no KPIs
        await import_kpi_values(database=database, tenant=globex, text=VALUES, at=NOW, by="x")
    assert "line 2: unknown KPI 'lcp-home'; import the KPI file first" in str(rejected.value)
    with pytest.raises(UnknownTenant):
        await import_kpi_values(
            database=database, tenant=TenantKey.parse("nobody"), text=VALUES, at=NOW, by="x"
        )
    await import_file(database=database, tenant=globex, kind=FileKind.KPIS, text=KPIS, at=NOW)
    await import_kpi_values(database=database, tenant=globex, text=VALUES, at=NOW, by="globex")
    assert await export_kpi_values(database=database, tenant=chat.tenant) == "kpi,at,value,by\n"
    assert "No value in the last 30 days." in await chat.read(SAM, "/kpi show lcp-home")


def test_the_command_line_imports_and_exports_kpi_values(tmp_path: Path) -> None:
    env = {
        "TANDEM_DATABASE_URL": f"sqlite:///{tmp_path / 'cli.db'}",
        "HOME": str(tmp_path),
        "XDG_STATE_HOME": str(tmp_path / "state"),
    }
    kpi_file, values = tmp_path / "kpis.yaml", tmp_path / "values.csv"
    kpi_file.write_text(KPIS, encoding="utf-8")
    for kind, path in (*FIXTURE_FILES.items(), (FileKind.KPIS, kpi_file)):
        imported = tandem(["import", kind.value, str(path), "--tenant", "acme"], env=env)
        assert imported.returncode == 0, imported.stderr
    values.write_text(VALUES.replace("2026-11-2", "2026-10-2"), encoding="utf-8")
    done = tandem(["import", "kpi-values", str(values), "--tenant", "acme"], env=env)
    assert done.returncode == 0, done.stderr
    assert "tenant acme: kpi values: 3 recorded" in done.stdout
    exported = tandem(["export", "kpi-values", "--tenant", "acme"], env=env)
    assert "conversion-rate,2026-10-22T09:00:00Z,2.4,values.csv" in exported.stdout
    values.write_text("kpi,at,value\nlcp-home,2026-10-20,fast\n", encoding="utf-8")
    refused = tandem(["import", "kpi-values", str(values), "--tenant", "acme"], env=env)
    assert refused.returncode == 1
    assert "line 2: 'fast' is not a number" in refused.stderr
