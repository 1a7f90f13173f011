"""The KPI file and the KPIs' storage: imported as is, exported back, rejected whole by
line, values kept with who sent them, one tenant never reading another's."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from tandem import demo
from tandem.bot.types import TenantKey
from tandem.storage.database import Database
from tandem.storage.orgfiles.kpis import parse_kpis
from tandem.storage.orgfiles.problems import FileRejected
from tandem.storage.orgfiles.service import FileKind, export_file, import_file
from tandem.storage.records import TenantRef
from tandem.storage.repositories import kpis, tenants
from tandem.storage.repositories.ownership import NotInTenant
from tests.cli import tandem
from tests.conftest import FIXTURE_FILES, NOW, import_fixtures

KPIS = (Path(__file__).parent / "data" / "kpis.yaml").read_text("utf-8")
TOPICS = {"web-performance", "analytics-kpis"}


async def import_kpis(database: Database, key: TenantKey, text: str = KPIS) -> str:
    report = await import_file(database=database, tenant=key, kind=FileKind.KPIS, text=text, at=NOW)
    return report.describe()


async def ref(database: Database, key: TenantKey) -> TenantRef:
    async with database.session() as session:
        found = await tenants.find_tenant(session, key=key)
    assert found is not None
    return found


async def test_a_kpi_file_imports_exports_and_imports_again_unchanged(database: Database) -> None:
    key = await import_fixtures(database, "acme")
    assert "kpis: 3 created, 0 updated, 0 unchanged" in await import_kpis(database, key)
    exported = await export_file(database=database, tenant=key, kind=FileKind.KPIS)
    assert parse_kpis(text=exported, known_topics=TOPICS) == parse_kpis(
        text=KPIS, known_topics=TOPICS
    )
    assert "kpis: 0 created, 0 updated, 3 unchanged" in await import_kpis(database, key, exported)
    (lcp, *_) = parse_kpis(text=exported, known_topics=TOPICS)
    assert lcp.name_in("fr") == "Chargement de la page d'accueil (LCP)"
    assert (lcp.unit, lcp.better, lcp.target, lcp.alert) == ("ms", "lower", 2500, 4000)
    assert lcp.expect_every_hours == 24


async def test_a_bad_kpi_file_is_rejected_whole_with_every_problem_by_line(
    database: Database,
) -> None:
    key = await import_fixtures(database, "acme")
    await import_kpis(database, key)
    before = await export_file(database=database, tenant=key, kind=FileKind.KPIS)
    bad = """kpis:
  - slug: lcp-home
    name: {en: Changed name}
    unit: ms
    better: lower
    target: 2000
    topic: web-performance
  - slug: Conversion Rate
    name: {de: Konversionsrate}
    unit: percent
    better: more
    target: high
    topic: payroll
  - slug: lcp-home
    name: Again
    unit: ms
    better: lower
    target: 2500
    alert: 1000
    topic: web-performance
    expect_every: sometimes
    colour: red
"""
    with pytest.raises(FileRejected) as rejected:
        await import_kpis(database, key, bad)
    messages = [str(p) for p in rejected.value.problems]
    assert messages == [
        "line 8: better 'more' is not one of lower, higher",
        "line 8: name in 'de': use en, fr",
        "line 8: slug 'Conversion Rate' must be lower-case words joined by '-'",
        "line 8: target 'high' is not a number",
        "line 8: unit 'percent' is not one of %, ms, s, count or a currency (EUR)",
        "line 8: unknown RACI topic 'payroll'; import the RACI file first",
        "line 14: alert 1000 must be above the target 2500 (lower is better)",
        "line 14: duplicate KPI 'lcp-home' (first on line 2)",
        "line 14: expect_every 'sometimes' is not a period such as 12h, 1d or 1w",
        "line 14: unknown field 'colour'",
    ]
    assert rejected.value.describe().startswith("The kpis file was rejected, nothing was changed")
    assert await export_file(database=database, tenant=key, kind=FileKind.KPIS) == before


async def test_yaml_aliases_are_refused_before_anything_is_built(database: Database) -> None:
    key = await import_fixtures(database, "acme")
    text = KPIS.replace("target: 2500", "target: &t 2500").replace("target: 40", "target: *t")
    with pytest.raises(FileRejected) as rejected:
        await import_kpis(database, key, text)
    (problem,) = rejected.value.problems
    assert problem.line == 23 and "aliases (*t) are not accepted" in problem.message


def test_the_demo_kpis_are_named_in_both_languages_and_tied_to_the_demo_topics() -> None:
    from tandem.storage.orgfiles.raci import parse_raci

    people = {line.split(",")[0] for line in demo.read(FileKind.PEOPLE).splitlines()[1:]}
    topics = {t.slug for t in parse_raci(text=demo.read(FileKind.RACI), known_people=people)}
    found = parse_kpis(text=demo.read(FileKind.KPIS), known_topics=topics)
    assert 4 <= len(found) <= 6
    assert all(set(k.names) == {"en", "fr"} and k.alert is not None for k in found)


async def test_values_keep_who_sent_them_and_a_second_for_the_same_instant_replaces_it(
    database: Database,
) -> None:
    key = await import_fixtures(database, "acme")
    await import_kpis(database, key)
    tenant = await ref(database, key)
    async with database.session() as session:
        lcp = await kpis.get_kpi(session, tenant=tenant, slug="lcp-home")
        assert lcp is not None
        first = await kpis.record_value(
            session,
            tenant=tenant,
            kpi_id=lcp.id,
            at=NOW,
            value=2800,
            source="chat",
            sent_by="thomas.girard@example.com",
            recorded_at=NOW,
        )
        again = await kpis.record_value(
            session,
            tenant=tenant,
            kpi_id=lcp.id,
            at=NOW,
            value=2700,
            source="api",
            sent_by="lighthouse-ci",
            recorded_at=NOW + timedelta(minutes=5),
        )
        await kpis.record_value(
            session,
            tenant=tenant,
            kpi_id=lcp.id,
            at=NOW - timedelta(days=40),
            value=3100,
            source="chat",
            sent_by="thomas.girard@example.com",
            recorded_at=NOW,
        )
        found = await kpis.history(
            session, tenant=tenant, kpi_ids=[lcp.id], since=NOW - timedelta(days=30)
        )
    assert first.replaced is None
    assert again.replaced is not None and again.replaced.value == 2800
    assert [(v.value, v.source, v.sent_by) for v in found[lcp.id]] == [
        (3100, "chat", "thomas.girard@example.com"),  # the last before the 30 days
        (2700, "api", "lighthouse-ci"),
    ]


async def test_one_tenant_never_reads_or_writes_another_s_kpis(database: Database) -> None:
    acme = await import_fixtures(database, "acme")
    other = await import_fixtures(database, "globex")
    await import_kpis(database, acme)
    acme_ref, other_ref = await ref(database, acme), await ref(database, other)
    async with database.session() as session:
        lcp = await kpis.get_kpi(session, tenant=acme_ref, slug="lcp-home")
        assert lcp is not None
        assert await kpis.list_kpis(session, tenant=other_ref) == []
        assert await kpis.get_kpi(session, tenant=other_ref, slug="lcp-home") is None
        with pytest.raises(NotInTenant):
            await kpis.record_value(
                session,
                tenant=other_ref,
                kpi_id=lcp.id,
                at=NOW,
                value=1,
                source="chat",
                sent_by="x@example.com",
                recorded_at=NOW,
            )
    async with database.session() as session:
        await kpis.record_value(
            session,
            tenant=acme_ref,
            kpi_id=lcp.id,
            at=NOW,
            value=2600,
            source="chat",
            sent_by="thomas.girard@example.com",
            recorded_at=NOW,
        )
        assert await kpis.history(session, tenant=other_ref, kpi_ids=[lcp.id], since=NOW) == {
            lcp.id: []
        }
    assert "kpis: []" in await export_file(database=database, tenant=other, kind=FileKind.KPIS)


def test_the_command_line_imports_and_exports_kpis_and_names_each_bad_line(
    tmp_path: Path,
) -> None:
    env = {
        "TANDEM_DATABASE_URL": f"sqlite:///{tmp_path / 'cli.db'}",
        "HOME": str(tmp_path),
        "XDG_STATE_HOME": str(tmp_path / "state"),
    }
    for kind, path in FIXTURE_FILES.items():
        imported = tandem(["import", kind.value, str(path), "--tenant", "acme"], env=env)
        assert imported.returncode == 0, imported.stderr
    kpi_file = tmp_path / "kpis.yaml"
    kpi_file.write_text(KPIS, encoding="utf-8")
    done = tandem(["import", "kpis", str(kpi_file), "--tenant", "acme"], env=env)
    assert done.returncode == 0, done.stderr
    assert "tenant acme: kpis: 3 created" in done.stdout
    exported = tandem(["export", "kpis", "--tenant", "acme"], env=env)
    assert "slug: lcp-home" in exported.stdout and "expect_every: 1d" in exported.stdout
    kpi_file.write_text(KPIS.replace("unit: ms", "unit: furlongs"), encoding="utf-8")
    refused = tandem(["import", "kpis", str(kpi_file), "--tenant", "acme"], env=env)
    assert refused.returncode == 1
    assert "line 3: unit 'furlongs' is not one of %, ms, s, count" in refused.stderr
