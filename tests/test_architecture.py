"""The neutral core stays neutral: no platform SDK or HTTP server in bot/ or rituals/."""

from __future__ import annotations

import ast
import inspect
import re
from pathlib import Path

import pytest

import tandem
from tandem.storage.repositories import (
    approvals,
    availability,
    blockers,
    deliveries,
    escalation,
    guardrails,
    people,
    planning,
    raci,
    slack,
    standups,
    teams,
    tenants,
)

PACKAGE = Path(tandem.__file__).parent
FORBIDDEN = (
    "slack_bolt",
    "slack_sdk",
    "botbuilder",
    "aiohttp",
    "microsoft_agents",
    "prometheus_client",  # metrics reach the core as plain callables
)


def imported_modules(path: Path) -> set[str]:
    """Every module a Python file imports, at any depth of the file."""
    tree = ast.parse(path.read_text("utf-8"), filename=str(path))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name | ast.Attribute)
            and getattr(node.func, "id", getattr(node.func, "attr", "")) == "import_module"
            and node.args
            and isinstance(node.args[0], ast.Constant)
        ):
            found.add(str(node.args[0].value))
    return found


@pytest.mark.parametrize("layer", ["bot", "rituals"])
def test_neutral_layers_import_no_platform_sdk(layer: str) -> None:
    files = sorted((PACKAGE / layer).rglob("*.py"))
    assert files, f"no Python files under {layer}/"
    offenders = {
        f"{path.relative_to(PACKAGE)} imports {module}"
        for path in files
        for module in imported_modules(path)
        if module.split(".")[0] in FORBIDDEN
    }
    assert not offenders, sorted(offenders)


def test_guard_sees_a_forbidden_import(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text(
        "def f():\n    from slack_bolt.async_app import AsyncApp\n    return AsyncApp\n"
    )
    assert "slack_bolt.async_app" in imported_modules(sample)


REPOSITORIES = [
    approvals,
    people,
    raci,
    guardrails,
    slack,
    teams,
    standups,
    availability,
    blockers,
    deliveries,
    escalation,
    planning,
]
# The scheduler's sweep lists tenants once, then works through each by calls that take it.
CROSS_TENANT_READS = {"all_tenants"}


@pytest.mark.parametrize("module", REPOSITORIES)
def test_every_repository_query_takes_the_tenant(module: object) -> None:
    for name, function in inspect.getmembers(module, inspect.iscoroutinefunction):
        if name.startswith("_") or function.__module__ != getattr(module, "__name__", None):
            continue
        parameter = inspect.signature(function).parameters.get("tenant")
        assert parameter is not None, f"{module.__name__}.{name} takes no tenant"  # type: ignore[attr-defined]
        assert parameter.kind is inspect.Parameter.KEYWORD_ONLY


def test_tenant_repository_looks_up_by_key_or_tenant() -> None:
    for name, function in inspect.getmembers(tenants, inspect.iscoroutinefunction):
        if function.__module__ != tenants.__name__ or name in CROSS_TENANT_READS:
            continue
        parameters = inspect.signature(function).parameters
        assert "key" in parameters or "tenant" in parameters, name


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _top_level_imports(path: Path, modules: set[str]) -> set[str]:
    """The modules of the package ``path`` imports at its top level, those imported for type
    checking included (a cycle there is still two modules that need each other)."""
    tree = ast.parse(path.read_text("utf-8"), filename=str(path))
    found: set[str] = set()
    statements = list(tree.body)
    while statements:
        node = statements.pop()
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            statements.extend(node.body)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            for alias in node.names:
                whole = f"{node.module}.{alias.name}"
                found.add(whole if whole in modules else node.module)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return {name for name in found if name in modules}


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The groups of modules that import each other, directly or around a loop."""
    reaches = {name: set(graph[name]) for name in graph}
    changed = True
    while changed:
        changed = False
        for found in reaches.values():
            more = set().union(*(reaches[other] for other in found)) - found
            if more:
                found |= more
                changed = True
    groups = {frozenset({a, *(b for b in reaches[a] if a in reaches[b])}) for a in graph}
    return sorted(sorted(group) for group in groups if len(group) > 1)


def test_no_two_modules_import_each_other() -> None:
    paths = {_module_name(p): p for p in PACKAGE.rglob("*.py")}
    graph = {name: _top_level_imports(path, set(paths)) - {name} for name, path in paths.items()}
    assert _cycles(graph) == []


def test_the_cycle_guard_sees_a_cycle() -> None:
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


# Slack's ``<@U…>``, ``<#C…|name>`` (and ``<!here>``) and Teams' ``<at>Name</at>``: the
# adapters turn them into neutral mentions (``tandem.bot.mentions``) before the core reads.
PLATFORM_MENTIONS = re.compile(r"<[@#!][A-Z\[(^]|<@>|<at>", re.IGNORECASE)
# Still reading Slack's syntax, to be moved to neutral mentions by the stand-up's owner.
MENTIONS_PENDING = {"rituals/standup/members.py", "rituals/standup/settings_text.py"}


def platform_mentions(path: Path) -> list[str]:
    """The lines of a file that write or read a platform's mention syntax."""
    lines = path.read_text("utf-8").splitlines()
    found = enumerate(lines, 1)
    return [f"{number}: {line.strip()}" for number, line in found if PLATFORM_MENTIONS.search(line)]


@pytest.mark.parametrize("layer", ["bot", "rituals"])
def test_neutral_layers_never_see_a_platforms_mention_syntax(layer: str) -> None:
    offenders = {
        f"{path.relative_to(PACKAGE)}:{line}"
        for path in sorted((PACKAGE / layer).rglob("*.py"))
        if path.relative_to(PACKAGE).as_posix() not in MENTIONS_PENDING
        for line in platform_mentions(path)
    }
    assert not offenders, sorted(offenders)


def test_mention_guard_sees_slack_and_teams_syntax(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text(
        'A = re.compile(r"^<@([A-Z0-9]+)>$")\nB = "<#C123|general>"\nC = "<at>Tandem</at>"\n'
        'D = "a <b>bold</b> word, a@b.c"\n'
    )
    assert [line[0] for line in platform_mentions(sample)] == ["1", "2", "3"]
