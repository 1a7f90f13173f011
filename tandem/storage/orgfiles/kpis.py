"""The KPI file (YAML): the indicators marketing and IT answer for together.

::

    kpis:
      - slug: lcp-home
        name: {en: Home page load (LCP), fr: Chargement de la page d'accueil (LCP)}
        unit: ms               # %, ms, s, count, or a currency's code (EUR)
        better: lower          # lower | higher
        target: 2500
        alert: 4000            # crossing it raises a blocker (optional)
        topic: web-performance # RACI topic: its Responsible owns the KPI
        expect_every: 1d       # a value is expected every 12h, 1d, 1w… (optional)
"""

from __future__ import annotations

import math
import re
from collections.abc import Set
from typing import Any

import yaml
from babel.numbers import list_currencies

from tandem.storage.orgfiles.problems import FileRejected, Problem
from tandem.storage.orgfiles.yamlsafe import LINE, LineLoader, refuse_aliases
from tandem.storage.records import KpiRecord

KIND = "kpis"
PLAIN_UNITS = ("%", "ms", "s", "count")
BETTER = ("lower", "higher")
LOCALES = ("en", "fr")
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
EVERY = re.compile(r"^(\d{1,4})\s*([hdw])$")
_HOURS = {"h": 1, "d": 24, "w": 24 * 7}
_KEYS = {"slug", "name", "unit", "better", "target", "alert", "topic", "expect_every"}


def is_unit(unit: str) -> bool:
    """Whether ``unit`` is one a KPI may have: ``%``, ``ms``, ``s``, ``count`` or a
    currency's ISO 4217 code (``EUR``)."""
    return unit in PLAIN_UNITS or (len(unit) == 3 and unit in list_currencies())


def every_hours(text: str) -> int | None:
    """``12h``, ``1d``, ``2w`` as hours; None when ``text`` is not such a period."""
    found = EVERY.match(text.strip().lower())
    if found is None or int(found.group(1)) < 1:
        return None
    return int(found.group(1)) * _HOURS[found.group(2)]


def every_text(hours: int) -> str:
    """Hours as the file writes them: ``1w``, ``1d``, ``12h``."""
    for suffix in ("w", "d"):
        if hours % _HOURS[suffix] == 0:
            return f"{hours // _HOURS[suffix]}{suffix}"
    return f"{hours}h"


def _number(value: Any, *, key: str, line: int, problems: list[Problem]) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        problems.append(Problem(line, f"{key} {value!r} is not a number"))
        return None
    return float(value)


def _names(value: Any, *, line: int, problems: list[Problem]) -> dict[str, str]:
    if isinstance(value, str) and value.strip():
        return {"en": " ".join(value.split())}
    if not isinstance(value, dict):
        problems.append(Problem(line, "'name' is missing: write {en: …, fr: …}"))
        return {}
    names: dict[str, str] = {}
    for locale, text in value.items():
        if locale == LINE:
            continue
        if locale not in LOCALES:
            problems.append(Problem(line, f"name in {locale!r}: use {', '.join(LOCALES)}"))
        elif not isinstance(text, str) or not text.strip():
            problems.append(Problem(line, f"the {locale} name must be a text"))
        elif len(text) > 200:
            problems.append(Problem(line, f"the {locale} name is longer than 200 characters"))
        else:
            names[locale] = " ".join(text.split())
    if not names and not any(p.line == line for p in problems):
        problems.append(Problem(line, "'name' is missing: write {en: …, fr: …}"))
    return names


def _parse_kpi(
    item: Any, *, seen: dict[str, int], known_topics: Set[str], problems: list[Problem]
) -> KpiRecord | None:
    if not isinstance(item, dict):
        problems.append(Problem(None, "each entry of 'kpis' must be a mapping"))
        return None
    line = int(item[LINE])
    problems.extend(
        Problem(line, f"unknown field {key!r}") for key in sorted(set(item) - _KEYS - {LINE})
    )
    slug = str(item.get("slug") or "").strip()
    if not SLUG.match(slug) or len(slug) > 80:
        problems.append(Problem(line, f"slug {slug!r} must be lower-case words joined by '-'"))
    elif slug in seen:
        problems.append(Problem(line, f"duplicate KPI {slug!r} (first on line {seen[slug]})"))
    seen.setdefault(slug, line)
    names = _names(item.get("name"), line=line, problems=problems)
    unit = str(item.get("unit") or "").strip()
    if not is_unit(unit):
        problems.append(
            Problem(line, f"unit {unit!r} is not one of %, ms, s, count or a currency (EUR)")
        )
    better = str(item.get("better") or "").strip()
    if better not in BETTER:
        problems.append(Problem(line, f"better {better!r} is not one of {', '.join(BETTER)}"))
    target = _number(item.get("target"), key="target", line=line, problems=problems)
    alert = None
    if item.get("alert") is not None:
        alert = _number(item.get("alert"), key="alert", line=line, problems=problems)
    wrong_side = (
        alert is not None
        and target is not None
        and ((better == "lower" and alert <= target) or (better == "higher" and alert >= target))
    )
    if wrong_side:
        side = "above" if better == "lower" else "below"
        why = f"alert {alert:g} must be {side} the target {target:g} ({better} is better)"
        problems.append(Problem(line, why))
    topic = str(item.get("topic") or "").strip()
    if not topic:
        problems.append(Problem(line, "'topic' is missing: the RACI topic that owns the KPI"))
    elif topic not in known_topics:
        problems.append(Problem(line, f"unknown RACI topic {topic!r}; import the RACI file first"))
    hours = None
    if item.get("expect_every") is not None:
        hours = every_hours(str(item["expect_every"]))
        if hours is None:
            problems.append(
                Problem(
                    line,
                    f"expect_every {item['expect_every']!r} is not a period such as 12h, 1d or 1w",
                )
            )
    if target is None:
        return None
    return KpiRecord(
        slug=slug,
        names=names,
        unit=unit,
        better=better,
        target=target,
        topic=topic,
        alert=alert,
        expect_every_hours=hours,
    )


def parse_kpis(*, text: str, known_topics: Set[str]) -> list[KpiRecord]:
    """Parse and check a KPI file against the tenant's RACI topics.

    Raises:
        FileRejected: listing every problem by line.
    """
    refuse_aliases(text=text, kind=KIND)
    try:
        document = yaml.load(text, Loader=LineLoader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark
        raise FileRejected(
            kind=KIND,
            problems=[Problem(mark.line + 1 if mark else None, f"not valid YAML: {error.problem}")],
        ) from None
    except yaml.YAMLError as error:
        problem = Problem(None, f"not valid YAML: {error}")
        raise FileRejected(kind=KIND, problems=[problem]) from None
    if not isinstance(document, dict) or not isinstance(document.get("kpis"), list):
        raise FileRejected(kind=KIND, problems=[Problem(None, "the file must have a 'kpis' list")])
    problems = [
        Problem(1, f"unknown section {key!r}") for key in sorted(set(document) - {"kpis", LINE})
    ]
    if not document["kpis"]:
        problems.append(Problem(None, "the file has no KPIs"))
    seen: dict[str, int] = {}
    records = [
        _parse_kpi(item, seen=seen, known_topics=known_topics, problems=problems)
        for item in document["kpis"]
    ]
    if problems:
        raise FileRejected(kind=KIND, problems=problems)
    return [r for r in records if r]


def _plain(number: float) -> int | float:
    return int(number) if number.is_integer() else number


def write_kpis(*, records: list[KpiRecord]) -> str:
    """The KPIs as YAML, in the import format."""
    document = {
        "kpis": [
            {
                "slug": r.slug,
                "name": dict(r.names),
                "unit": r.unit,
                "better": r.better,
                "target": _plain(r.target),
                **({"alert": _plain(r.alert)} if r.alert is not None else {}),
                "topic": r.topic,
                **(
                    {"expect_every": every_text(r.expect_every_hours)}
                    if r.expect_every_hours
                    else {}
                ),
            }
            for r in records
        ]
    }
    return yaml.safe_dump(document, sort_keys=False, allow_unicode=True, width=100)
