"""The guardrails catalogue (YAML): ``tools`` (status of each tool) and ``guardrails`` (rules)."""

from __future__ import annotations

import re
from collections.abc import Iterator, Set
from datetime import date
from typing import Any

import yaml

from tandem.storage.orgfiles.problems import FileRejected, Problem
from tandem.storage.orgfiles.yamlsafe import LINE, LineLoader, refuse_aliases
from tandem.storage.records import RuleRecord, RuleText, ToolRecord

TOOL_STATUSES = ("approved", "limited", "under-review", "banned")
VERDICTS = ("allowed", "conditional", "approval", "forbidden")
SENSITIVITIES = ("public", "basic", "personal", "sensitive")
RULE_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_TOOL_KEYS = {"name", "aliases", "status", "note", "translations"}
_RULE_KEYS = {
    "id",
    "title",
    "topic",
    "sensitivity",
    "verdict",
    "answer",
    "conditions",
    "examples",
    "keywords",
    "review_every_days",
    "last_reviewed",
    "translations",
}
_TEXT_KEYS = {"title", "answer", "conditions"}
LOCALES = ("en", "fr")


def _strings(value: Any, *, what: str, line: int, problems: list[Problem]) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(v, str | int | float) for v in value):
        problems.append(Problem(line, f"{what} must be a list of texts"))
        return ()
    return tuple(str(v).strip() for v in value if str(v).strip())


def _text(item: dict[str, Any], key: str, *, line: int, problems: list[Problem]) -> str:
    value = item.get(key)
    if value is None or (isinstance(value, str) and not value.strip()):
        problems.append(Problem(line, f"{key!r} is missing"))
        return ""
    if not isinstance(value, str):
        problems.append(Problem(line, f"{key!r} must be a text"))
        return ""
    return value.strip()


def _choice(item: dict[str, Any], key: str, choices: tuple[str, ...], **kw: Any) -> str:
    value = _text(item, key, **kw)
    if value and value not in choices:
        kw["problems"].append(
            Problem(kw["line"], f"{key} {value!r} is not one of {', '.join(choices)}")
        )
    return value


def _unknown_keys(item: dict[str, Any], allowed: set[str], line: int) -> list[Problem]:
    return [Problem(line, f"unknown field {key!r}") for key in sorted(set(item) - allowed - {LINE})]


def _parse_tool(item: Any, *, seen: dict[str, int], problems: list[Problem]) -> ToolRecord | None:
    if not isinstance(item, dict):
        problems.append(Problem(None, "each entry of 'tools' must be a mapping"))
        return None
    line = int(item[LINE])
    problems.extend(_unknown_keys(item, _TOOL_KEYS, line))
    name = _text(item, "name", line=line, problems=problems)
    status = _choice(item, "status", TOOL_STATUSES, line=line, problems=problems)
    if name.casefold() in seen:
        problems.append(
            Problem(line, f"duplicate tool {name!r} (first on line {seen[name.casefold()]})")
        )
    seen.setdefault(name.casefold(), line)
    note = item.get("note") or ""
    return ToolRecord(
        name=name,
        status=status,
        aliases=_strings(item.get("aliases"), what="aliases", line=line, problems=problems),
        note=str(note).strip(),
        translations=_tool_translations(item.get("translations"), line=line, problems=problems),
    )


def _translated(
    value: Any, *, keys: set[str], line: int, problems: list[Problem]
) -> Iterator[tuple[str, dict[str, Any], int]]:
    """Each ``(locale, texts, line)`` of a ``translations: {fr: {...}}`` mapping whose
    language is known, its unknown keys reported; what is malformed is reported, skipped."""
    if value is None:
        return
    if not isinstance(value, dict):
        problems.append(Problem(line, "translations must map a language (en, fr) to texts"))
        return
    for locale, texts in value.items():
        if locale == LINE:
            continue
        if locale not in LOCALES or not isinstance(texts, dict):
            problems.append(
                Problem(line, f"translation {locale!r} must be one of {', '.join(LOCALES)}")
            )
            continue
        at = int(texts.get(LINE, line))
        problems.extend(_unknown_keys(texts, keys, at))
        yield locale, texts, at


def _tool_translations(value: Any, *, line: int, problems: list[Problem]) -> dict[str, str]:
    """``translations: {fr: {note}}``: a tool's note in other languages."""
    return {
        locale: _text(texts, "note", line=at, problems=problems)
        for locale, texts, at in _translated(value, keys={"note"}, line=line, problems=problems)
    }


def _translations(
    value: Any, *, conditional: bool, line: int, problems: list[Problem]
) -> dict[str, RuleText]:
    """``translations: {fr: {title, answer, conditions}}``: the rule in other languages."""
    found: dict[str, RuleText] = {}
    for locale, texts, at in _translated(value, keys=_TEXT_KEYS, line=line, problems=problems):
        conditions = _strings(
            texts.get("conditions"), what="conditions", line=at, problems=problems
        )
        if conditional and not conditions:
            problems.append(Problem(at, f"the {locale} translation needs the conditions too"))
        found[locale] = RuleText(
            title=_text(texts, "title", line=at, problems=problems),
            answer=" ".join(_text(texts, "answer", line=at, problems=problems).split()),
            conditions=conditions,
        )
    return found


def _parse_rule(
    item: Any, *, seen: dict[str, int], known_topics: Set[str], problems: list[Problem]
) -> RuleRecord | None:
    if not isinstance(item, dict):
        problems.append(Problem(None, "each entry of 'guardrails' must be a mapping"))
        return None
    line = int(item[LINE])
    problems.extend(_unknown_keys(item, _RULE_KEYS, line))
    rule_id = str(item.get("id") or "").strip()
    if not RULE_ID.match(rule_id):
        problems.append(
            Problem(line, f"rule id {rule_id!r} must be lower-case words joined by '-'")
        )
    elif rule_id in seen:
        problems.append(
            Problem(line, f"duplicate rule {rule_id!r} (first on line {seen[rule_id]})")
        )
    seen.setdefault(rule_id, line)
    topic = _text(item, "topic", line=line, problems=problems)
    if topic and topic not in known_topics:
        problems.append(Problem(line, f"unknown RACI topic {topic!r}; import the RACI file first"))
    verdict = _choice(item, "verdict", VERDICTS, line=line, problems=problems)
    conditions = _strings(item.get("conditions"), what="conditions", line=line, problems=problems)
    if verdict == "conditional" and not conditions:
        problems.append(Problem(line, "a conditional rule needs its conditions listed"))
    every = item.get("review_every_days")
    if every is not None and (not isinstance(every, int) or isinstance(every, bool) or every < 1):
        problems.append(Problem(line, "review_every_days must be a whole number of days"))
        every = None
    reviewed = item.get("last_reviewed")
    if reviewed is not None and not isinstance(reviewed, date):
        problems.append(Problem(line, f"last_reviewed {reviewed!r} is not a date (YYYY-MM-DD)"))
        reviewed = None
    return RuleRecord(
        id=rule_id,
        title=_text(item, "title", line=line, problems=problems),
        topic=topic,
        sensitivity=_choice(item, "sensitivity", SENSITIVITIES, line=line, problems=problems),
        verdict=verdict,
        answer=" ".join(_text(item, "answer", line=line, problems=problems).split()),
        conditions=conditions,
        examples=_strings(item.get("examples"), what="examples", line=line, problems=problems),
        keywords=_strings(item.get("keywords"), what="keywords", line=line, problems=problems),
        review_every_days=every,
        last_reviewed=reviewed,
        translations=_translations(
            item.get("translations"),
            conditional=verdict == "conditional",
            line=line,
            problems=problems,
        ),
    )


def parse_guardrails(
    *, text: str, known_topics: Set[str]
) -> tuple[list[ToolRecord], list[RuleRecord]]:
    """Parse and check a guardrails catalogue against the tenant's RACI topics.

    Raises:
        FileRejected: listing every problem by line.
    """
    refuse_aliases(text=text, kind="guardrails")
    try:
        document = yaml.load(text, Loader=LineLoader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark
        line = mark.line + 1 if mark else None
        raise FileRejected(
            kind="guardrails", problems=[Problem(line, f"not valid YAML: {error.problem}")]
        ) from None
    except yaml.YAMLError as error:
        raise FileRejected(
            kind="guardrails", problems=[Problem(None, f"not valid YAML: {error}")]
        ) from None
    if not isinstance(document, dict):
        raise FileRejected(
            kind="guardrails",
            problems=[Problem(None, "the file must have 'tools' and 'guardrails' sections")],
        )
    problems = _unknown_keys(document, {"tools", "guardrails"}, 1)
    tools_raw = document.get("tools") or []
    rules_raw = document.get("guardrails") or []
    if not isinstance(tools_raw, list) or not isinstance(rules_raw, list):
        problems.append(Problem(None, "'tools' and 'guardrails' must be lists"))
        raise FileRejected(kind="guardrails", problems=problems)
    if not tools_raw and not rules_raw:
        problems.append(Problem(None, "the file has no tools and no guardrails"))
    seen_tools: dict[str, int] = {}
    seen_rules: dict[str, int] = {}
    tools = [_parse_tool(item, seen=seen_tools, problems=problems) for item in tools_raw]
    rules = [
        _parse_rule(item, seen=seen_rules, known_topics=known_topics, problems=problems)
        for item in rules_raw
    ]
    if problems:
        raise FileRejected(kind="guardrails", problems=problems)
    return [t for t in tools if t], [r for r in rules if r]


def write_guardrails(*, tools: list[ToolRecord], rules: list[RuleRecord]) -> str:
    """The catalogue as YAML, in the import format."""
    document = {
        "tools": [
            {
                "name": t.name,
                "aliases": list(t.aliases),
                "status": t.status,
                "note": t.note,
                **(
                    {"translations": {loc: {"note": note} for loc, note in t.translations.items()}}
                    if t.translations
                    else {}
                ),
            }
            for t in tools
        ],
        "guardrails": [_rule_dict(r) for r in rules],
    }
    return yaml.safe_dump(document, sort_keys=False, allow_unicode=True, width=100)


def _rule_dict(rule: RuleRecord) -> dict[str, Any]:
    out: dict[str, Any] = {
        "id": rule.id,
        "title": rule.title,
        "topic": rule.topic,
        "sensitivity": rule.sensitivity,
        "verdict": rule.verdict,
        "answer": rule.answer,
    }
    if rule.conditions:
        out["conditions"] = list(rule.conditions)
    out["examples"] = list(rule.examples)
    out["keywords"] = list(rule.keywords)
    if rule.review_every_days is not None:
        out["review_every_days"] = rule.review_every_days
    if rule.last_reviewed is not None:
        out["last_reviewed"] = rule.last_reviewed
    if rule.translations:
        out["translations"] = {
            locale: {
                "title": text.title,
                "answer": text.answer,
                **({"conditions": list(text.conditions)} if text.conditions else {}),
            }
            for locale, text in rule.translations.items()
        }
    return out
