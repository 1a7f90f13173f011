"""The RACI file: ``topic,title,aliases,responsible,accountable,consulted,informed,description``.

Lists (aliases, people) are separated by ``;``; people are named by email and
must already be in the tenant's people. Optional columns give a topic's words in another
language, shown to its readers: ``title_fr``, ``description_fr`` (and ``title_en``,
``description_en`` for a file written in French).
"""

from __future__ import annotations

import re
from collections.abc import Set

from tandem.bot.text import fold
from tandem.storage.orgfiles.csvfiles import read_rows, split_list, write_rows
from tandem.storage.orgfiles.problems import FileRejected, Problem
from tandem.storage.records import ROLES, Role, TopicRecord, TopicText

COLUMNS = (
    "topic",
    "title",
    "aliases",
    "responsible",
    "accountable",
    "consulted",
    "informed",
    "description",
)
LOCALES = ("en", "fr")
TRANSLATED = tuple(f"{part}_{locale}" for locale in LOCALES for part in ("title", "description"))
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def _translations(row: dict[str, str]) -> dict[str, TopicText]:
    found = {}
    for locale in LOCALES:
        title, description = row.get(f"title_{locale}", ""), row.get(f"description_{locale}", "")
        if title or description:
            found[locale] = TopicText(title=title, description=description)
    return found


def parse_raci(*, text: str, known_people: Set[str]) -> list[TopicRecord]:
    """Parse and check a RACI file against the tenant's people (lower-case emails).

    Raises:
        FileRejected: listing every problem by line; nothing is returned partly.
    """
    rows, problems = read_rows(text=text, required=COLUMNS, optional=TRANSLATED)
    records: list[TopicRecord] = []
    topic_line: dict[str, int] = {}
    name_owner: dict[str, tuple[str, int]] = {}
    for line, row in rows:
        slug = row["topic"]
        if not SLUG.match(slug):
            problems.append(Problem(line, f"topic {slug!r} must be lower-case words joined by '-'"))
        elif slug in topic_line:
            problems.append(
                Problem(line, f"duplicate topic {slug!r} (first on line {topic_line[slug]})")
            )
            continue
        topic_line[slug] = line
        if not row["title"]:
            problems.append(Problem(line, f"topic {slug!r} has no title"))
        aliases = split_list(row["aliases"])
        for name in (slug, row["title"], *aliases):
            key = fold(name)
            if not key:
                continue
            owner = name_owner.get(key)
            if owner and owner[0] != slug:
                problems.append(
                    Problem(
                        line,
                        f"{name!r} already names topic {owner[0]!r} (line {owner[1]}); "
                        "a name can point to one topic only",
                    )
                )
            else:
                name_owner[key] = (slug, line)
        people = {role: tuple(e.lower() for e in split_list(row[role.value])) for role in ROLES}
        for role, emails in people.items():
            for email in emails:
                if email not in known_people:
                    problems.append(Problem(line, f"unknown person {email} in column {role.value}"))
            if len(set(emails)) != len(emails):
                problems.append(Problem(line, f"someone appears twice in column {role.value}"))
        if len(people[Role.ACCOUNTABLE]) != 1:
            problems.append(
                Problem(
                    line,
                    f"topic {slug!r} needs exactly one accountable, "
                    f"not {len(people[Role.ACCOUNTABLE])}",
                )
            )
        if not people[Role.RESPONSIBLE]:
            problems.append(Problem(line, f"topic {slug!r} needs at least one responsible"))
        records.append(
            TopicRecord(
                slug=slug,
                title=row["title"],
                aliases=aliases,
                description=row["description"],
                translations=_translations(row),
                **{role.value: emails for role, emails in people.items()},
            )
        )
    if not rows and not problems:
        problems.append(Problem(None, "the file has a header but no topics"))
    if problems:
        raise FileRejected(kind="RACI", problems=problems)
    return records


def write_raci(*, records: list[TopicRecord]) -> str:
    """The RACI file, in the import format (with the translation columns its topics use)."""
    locales = [loc for loc in LOCALES if any(loc in r.translations for r in records)]
    extra = [f"{part}_{loc}" for loc in locales for part in ("title", "description")]

    def translated(record: TopicRecord) -> list[str]:
        texts = [record.translations.get(loc, TopicText()) for loc in locales]
        return [value for text in texts for value in (text.title, text.description)]

    return write_rows(
        columns=(*COLUMNS, *extra),
        rows=[
            [
                r.slug,
                r.title,
                ";".join(r.aliases),
                *(";".join(r.people(role)) for role in ROLES),
                r.description,
                *translated(r),
            ]
            for r in records
        ],
    )
