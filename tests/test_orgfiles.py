"""Importing and exporting an organisation's files: as is, idempotent, all or nothing."""

from __future__ import annotations

import pytest

from tandem.bot.types import TenantKey
from tandem.rituals.guardrails.check import parse_questions
from tandem.storage.database import Database
from tandem.storage.orgfiles.guardrails import parse_guardrails
from tandem.storage.orgfiles.people import parse_people
from tandem.storage.orgfiles.problems import FileRejected
from tandem.storage.orgfiles.raci import parse_raci
from tandem.storage.orgfiles.service import FileKind, export_file, import_file
from tests.conftest import FIXTURE_FILES, NOW, import_fixtures

RACI_HEADER = "topic,title,aliases,responsible,accountable,consulted,informed,description\n"


async def _export_all(database: Database, tenant: TenantKey) -> dict[FileKind, str]:
    return {
        kind: await export_file(database=database, tenant=tenant, kind=kind) for kind in FileKind
    }


async def test_the_shared_fixtures_import_as_they_are(database: Database) -> None:
    tenant = await import_fixtures(database, "acme")
    people = parse_people(
        text=await export_file(database=database, tenant=tenant, kind=FileKind.PEOPLE)
    )
    assert {p.email for p in people} == {
        p.email for p in parse_people(text=FIXTURE_FILES[FileKind.PEOPLE].read_text("utf-8"))
    }
    exported_raci = await export_file(database=database, tenant=tenant, kind=FileKind.RACI)
    known = {p.email for p in people}
    original = parse_raci(text=FIXTURE_FILES[FileKind.RACI].read_text("utf-8"), known_people=known)
    assert parse_raci(text=exported_raci, known_people=known) == original
    slugs = {t.slug for t in original}
    exported_rules = await export_file(database=database, tenant=tenant, kind=FileKind.GUARDRAILS)
    fixture_rules = FIXTURE_FILES[FileKind.GUARDRAILS].read_text("utf-8")
    assert parse_guardrails(text=exported_rules, known_topics=slugs) == parse_guardrails(
        text=fixture_rules, known_topics=slugs
    )


async def test_importing_twice_changes_nothing(database: Database) -> None:
    tenant = await import_fixtures(database, "acme")
    before = await _export_all(database, tenant)
    for kind, path in FIXTURE_FILES.items():
        report = await import_file(
            database=database, tenant=tenant, kind=kind, text=path.read_text("utf-8"), at=NOW
        )
        for counts in report.counts.values():
            assert counts.created == counts.updated == 0, report.describe()
            assert counts.unchanged > 0
    assert await _export_all(database, tenant) == before


async def test_a_bad_raci_file_is_rejected_whole_with_every_problem_by_line(
    database: Database,
) -> None:
    tenant = await import_fixtures(database, "acme")
    before = await _export_all(database, tenant)
    bad = (
        RACI_HEADER
        + "domain-names,Domains,dns,nobody@example.com,nadia.roux@example.com,,,changed\n"
        + "crm,CRM,,omar.haddad@example.com,nadia.roux@example.com,,,ok\n"
        + "crm,CRM again,,omar.haddad@example.com,nadia.roux@example.com,,,dup\n"
        + "web,Web,,thomas.girard@example.com,,,,no accountable\n"
    )
    with pytest.raises(FileRejected) as rejected:
        await import_file(database=database, tenant=tenant, kind=FileKind.RACI, text=bad, at=NOW)
    messages = [str(p) for p in rejected.value.problems]
    assert "line 2: unknown person nobody@example.com in column responsible" in messages
    assert "line 4: duplicate topic 'crm' (first on line 3)" in messages
    assert any(m.startswith("line 5:") and "exactly one accountable" in m for m in messages)
    assert await _export_all(database, tenant) == before


async def test_a_bad_people_file_names_each_line_and_keeps_everyone(database: Database) -> None:
    tenant = await import_fixtures(database, "acme")
    before = await _export_all(database, tenant)
    bad = (
        "email,name,department,role,timezone,locale\n"
        "ana.silva@example.com,Ana Silva,it,Network Engineer,Europe/Lisbonne,en\n"
        "new.person@example.com,New Person,it,Intern,Europe/Paris,fr\n"
        "not-an-email,Someone,it,Intern,Europe/Paris,fr\n"
        "new.person@example.com,Twice,it,Intern,Europe/Paris,fr\n"
    )
    with pytest.raises(FileRejected) as rejected:
        await import_file(database=database, tenant=tenant, kind=FileKind.PEOPLE, text=bad, at=NOW)
    text = rejected.value.describe()
    assert "line 2: unknown timezone 'Europe/Lisbonne'" in text
    assert "line 4: 'not-an-email' is not an email address" in text
    assert "line 5: new.person@example.com already appears on line 3" in text
    assert await _export_all(database, tenant) == before


async def test_a_rejected_file_does_not_even_create_its_tenant(database: Database) -> None:
    with pytest.raises(FileRejected):
        await import_file(
            database=database,
            tenant=TenantKey.parse("slack:T0NEW"),
            kind=FileKind.PEOPLE,
            text="email,name\nx@y.z,X\n",
            at=NOW,
        )
    from tandem.storage.orgfiles.service import UnknownTenant

    with pytest.raises(UnknownTenant):
        await export_file(
            database=database, tenant=TenantKey.parse("slack:T0NEW"), kind=FileKind.PEOPLE
        )


async def test_a_bad_guardrails_file_names_lines(database: Database) -> None:
    tenant = await import_fixtures(database, "acme")
    before = await _export_all(database, tenant)
    bad = """tools:
  - name: Canva
    status: maybe
guardrails:
  - id: some-rule
    title: A rule
    topic: payroll
    sensitivity: basic
    verdict: conditional
    answer: Go.
"""
    with pytest.raises(FileRejected) as rejected:
        await import_file(
            database=database, tenant=tenant, kind=FileKind.GUARDRAILS, text=bad, at=NOW
        )
    messages = [str(p) for p in rejected.value.problems]
    assert any(m.startswith("line 2:") and "status 'maybe'" in m for m in messages)
    assert "line 5: unknown RACI topic 'payroll'; import the RACI file first" in messages
    assert "line 5: a conditional rule needs its conditions listed" in messages
    assert await _export_all(database, tenant) == before


def test_broken_yaml_is_reported_with_its_line() -> None:
    with pytest.raises(FileRejected) as rejected:
        parse_guardrails(text="tools:\n  - name: [unclosed\n", known_topics=set())
    assert rejected.value.problems[0].line is not None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", "the file is empty"),
        ("email,name,department,role,timezone,locale,colour\n", "unknown column 'colour'"),
        ("email,name\n", "missing column 'timezone'"),
        ("email,name,department,role,timezone,locale\n", "header but no people"),
    ],
)
def test_people_file_shapes(text: str, expected: str) -> None:
    with pytest.raises(FileRejected) as rejected:
        parse_people(text=text)
    assert expected in rejected.value.describe()


def test_an_alias_may_name_one_topic_only() -> None:
    text = RACI_HEADER + "a-topic,A,dns,x@y.z,x@y.z,,,\n" + "b-topic,B,DNS;other,x@y.z,x@y.z,,,\n"
    with pytest.raises(FileRejected) as rejected:
        parse_raci(text=text, known_people={"x@y.z"})
    assert "line 3: 'DNS' already names topic 'a-topic' (line 2)" in rejected.value.describe()


BILLION_LAUGHS = "\n".join(
    ["a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    + [f"{chr(98 + n)}: &{chr(98 + n)} [{', '.join([f'*{chr(97 + n)}'] * 9)}]" for n in range(8)]
    + ["tools: *i", "guardrails: []"]
)


def test_a_yaml_alias_bomb_is_refused_at_once_naming_its_line() -> None:
    with pytest.raises(FileRejected) as rejected:
        parse_guardrails(text=BILLION_LAUGHS, known_topics=set())
    (problem,) = rejected.value.problems
    assert problem.line == 2 and "aliases (*a) are not accepted" in problem.message
    with pytest.raises(FileRejected) as questions:
        parse_questions(text="questions: &q [{question: a, expect: b}]\nmore: *q\n")
    assert questions.value.problems[0].line == 2


async def test_exported_cells_never_run_as_formulas_and_import_back_as_they_were(
    database: Database,
) -> None:
    tenant = TenantKey.parse("acme")
    people = (
        "email,name,department,role,timezone,locale\n"
        'eve@example.com,"=HYPERLINK(""https://evil.example"",""click"")",marketing,'
        "+33 call me,Europe/Paris,fr\n"
        "zed@example.com,''=quoted,it,@home,UTC,en\n"  # typed as a spreadsheet wants it
    )
    raci = RACI_HEADER + "web,Web site,,eve@example.com,zed@example.com,,,-5 days to launch\n"
    for kind, text in ((FileKind.PEOPLE, people), (FileKind.RACI, raci)):
        await import_file(database=database, tenant=tenant, kind=kind, text=text, at=NOW)
    exported_people = await export_file(database=database, tenant=tenant, kind=FileKind.PEOPLE)
    exported_raci = await export_file(database=database, tenant=tenant, kind=FileKind.RACI)
    cells = [cell for line in exported_people.splitlines()[1:] for cell in line.split(",")]
    assert not any(cell.lstrip('"').startswith(("=", "+", "-", "@")) for cell in cells)
    assert "'+33 call me" in exported_people and "'@home" in exported_people
    assert "''=quoted" in exported_people
    assert ",'-5 days to launch" in exported_raci
    names = {p.email: (p.name, p.role) for p in parse_people(text=exported_people)}
    assert names["eve@example.com"] == (
        '=HYPERLINK("https://evil.example","click")',
        "+33 call me",
    )
    assert names["zed@example.com"] == ("'=quoted", "@home")
    for kind, text in ((FileKind.PEOPLE, exported_people), (FileKind.RACI, exported_raci)):
        report = await import_file(database=database, tenant=tenant, kind=kind, text=text, at=NOW)
        for counts in report.counts.values():
            assert counts.created == counts.updated == 0, report.describe()


def test_a_language_tandem_does_not_speak_is_named_on_its_line() -> None:
    text = (
        "email,name,department,role,timezone,locale\n"
        "anna@example.com,Anna,it,Dev,Europe/Berlin,de\n"
        "marie@example.com,Marie,it,Dev,America/Montreal,fr_CA\n"
        "sam@example.com,Sam,it,Dev,Europe/London,en-GB\n"
    )
    with pytest.raises(FileRejected) as rejected:
        parse_people(text=text)
    assert rejected.value.describe().count("line ") == 1
    assert "line 2: Tandem does not speak 'de' yet: use en or fr" in rejected.value.describe()


def test_a_spreadsheet_saved_with_semicolons_reads_as_with_commas() -> None:
    """What a French spreadsheet saves as CSV: semicolons between cells."""
    commas = FIXTURE_FILES[FileKind.PEOPLE].read_text("utf-8")
    rows = [line.split(",") for line in commas.splitlines()]
    assert all(len(row) == len(rows[0]) for row in rows)  # no quoted commas to carry over
    semicolons = "\n".join(";".join(row) for row in rows) + "\n"
    assert parse_people(text=semicolons) == parse_people(text=commas)
