"""The people file: ``email,name,department,role,timezone,locale[,admin]``."""

from __future__ import annotations

import re

from tandem.bot.i18n import CATALOGUES
from tandem.bot.timefmt import is_valid_timezone
from tandem.storage.orgfiles.csvfiles import read_rows, write_rows
from tandem.storage.orgfiles.problems import FileRejected, Problem
from tandem.storage.records import PersonRecord

COLUMNS = ("email", "name", "department", "role", "timezone", "locale")
OPTIONAL = ("admin",)
EMAIL = re.compile(r"^[^@\s;,]+@[^@\s;,]+\.[^@\s;,]+$")
LOCALE = re.compile(r"^[a-z]{2,3}([-_][A-Za-z]{2,4})?$")
_YES = {"yes", "y", "true", "1", "oui"}
_NO = {"", "no", "n", "false", "0", "non"}


def _language(locale: str) -> str:
    return locale.replace("_", "-").split("-", 1)[0].lower()


def parse_people(*, text: str) -> list[PersonRecord]:
    """Parse and check a people file; raises :class:`FileRejected` listing every problem."""
    rows, problems = read_rows(text=text, required=COLUMNS, optional=OPTIONAL)
    records: list[PersonRecord] = []
    first_line: dict[str, int] = {}
    for line, row in rows:
        email = row["email"].lower()
        if not EMAIL.match(email):
            problems.append(Problem(line, f"{row['email']!r} is not an email address"))
        elif email in first_line:
            problems.append(Problem(line, f"{email} already appears on line {first_line[email]}"))
        else:
            first_line[email] = line
        if not row["name"]:
            problems.append(Problem(line, "the name is empty"))
        if not is_valid_timezone(row["timezone"]):
            problems.append(
                Problem(line, f"unknown timezone {row['timezone']!r} (use e.g. Europe/Paris)")
            )
        if not LOCALE.match(row["locale"]):
            problems.append(Problem(line, f"{row['locale']!r} is not a language (use en or fr)"))
        elif _language(row["locale"]) not in CATALOGUES:
            problems.append(
                Problem(
                    line,
                    f"Tandem does not speak {row['locale']!r} yet: use "
                    + " or ".join(sorted(CATALOGUES)),
                )
            )
        admin = row.get("admin", "").lower()
        if admin not in _YES | _NO:
            problems.append(Problem(line, f"admin must be yes or no, not {row['admin']!r}"))
        records.append(
            PersonRecord(
                email=email,
                name=row["name"],
                department=row["department"],
                role=row["role"],
                timezone=row["timezone"],
                locale=row["locale"].replace("_", "-"),
                is_admin=admin in _YES,
            )
        )
    if not rows and not problems:
        problems.append(Problem(None, "the file has a header but no people"))
    if problems:
        raise FileRejected(kind="people", problems=problems)
    return records


def write_people(*, records: list[PersonRecord]) -> str:
    """The people file; the ``admin`` column only when someone is an admin."""
    with_admin = any(r.is_admin for r in records)
    columns = [*COLUMNS, *OPTIONAL] if with_admin else list(COLUMNS)
    rows = []
    for r in records:
        row = [r.email, r.name, r.department, r.role, r.timezone, r.locale]
        if with_admin:
            row.append("yes" if r.is_admin else "")
        rows.append(row)
    return write_rows(columns=columns, rows=rows)
