"""The README's set-up examples, run as a reader pastes them."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from tests.test_terminal_e2e import run

README = Path(__file__).parent.parent / "README.md"


def shell_block_after(marker: str) -> str:
    """The first ``sh`` block of the README after the sentence holding ``marker``."""
    text = README.read_text("utf-8")
    found = re.search(r"```sh\n(.*?)```", text[text.index(marker) :], re.S)
    assert found, f"no sh block after {marker!r}"
    return found.group(1)


def fresh_install(tmp_path: Path, *, demo: bool) -> dict[str, str]:
    """The environment of a fresh install on its embedded SQLite file."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TANDEM_", "SLACK_"))}
    env.update(
        TANDEM_DATABASE_URL=f"sqlite:///{tmp_path / 'tandem.db'}",
        TANDEM_DEMO="true" if demo else "false",
        HOME=str(tmp_path),
        XDG_STATE_HOME=str(tmp_path / "state"),
    )
    return env


def test_the_chat_examples_work_in_the_demo_organisation_on_any_day(tmp_path: Path) -> None:
    """Every command of the README's ``text`` blocks, typed by a demo user: each does what
    it says (no date gone by, no topic the demo lacks), whatever today is."""
    text = README.read_text("utf-8")
    blocks = re.findall(r"```text\n(.*?)```", text, re.S)
    commands = [line for block in blocks for line in block.splitlines() if line.startswith("/")]
    assert commands, "the README shows no command"
    said = run(
        ["chat", "--as", "ravi.patel@lumen.example"],
        env=fresh_install(tmp_path, demo=True),
        stdin="\n".join(commands) + "\n",
    )
    assert said.returncode == 0, said.stderr
    for refusal in ("already past", "not a date", "I don't know", "Did you mean", "Traceback"):
        assert refusal not in said.stdout, said.stdout
    scheduled = [c for c in commands if c.startswith("/planning new")]
    assert said.stdout.count("scheduled:") == len(scheduled), said.stdout


def test_the_agents_playground_meets_the_demo_organisation(tmp_path: Path) -> None:
    """The Playground's tenant and user as the README names them, the demo's files
    imported there with the README's own commands: Alex Wilber asks, Tandem answers.
    (On the embedded SQLite database of a fresh install: the commands are the point.)"""
    env = fresh_install(tmp_path, demo=False)
    block = shell_block_after("Its tenant is `teams:")
    tenant = re.search(r"^tenant=(\S+)$", block, re.M)
    assert tenant is not None and tenant.group(1).startswith("teams:")
    script = block.replace(".venv/bin/", f"{Path(sys.executable).parent}/").replace(
        "/tmp/people.csv", str(tmp_path / "people.csv")
    )
    done = subprocess.run(
        ["bash", "-euo", "pipefail", "-c", script],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    said = run(
        ["chat", "--as", "alexw@example.com", "--tenant", tenant.group(1)],
        env=env,
        stdin="/who-owns dns\n",
    )
    assert said.returncode == 0, said.stderr
    assert "Domain names and DNS (domain-names)" in said.stdout


def test_the_guardrail_check_runs_on_the_demo_and_refuses_another_catalogues_file(
    tmp_path: Path,
) -> None:
    env = fresh_install(tmp_path, demo=True)
    demo = Path(__file__).parent.parent / "tandem" / "demo" / "guardrail_questions.yaml"
    assert "`tandem/demo/guardrail_questions.yaml` is the" in README.read_text("utf-8")
    checked = run(["guardrail", "--check", str(demo), "--tenant", "demo"], env=env)
    assert checked.returncode == 0, checked.stderr
    assert re.search(r"^hit rate: \d+/26 ", checked.stdout, re.M), checked.stdout
    shared = Path(__file__).parent / "data" / "guardrail_questions.yaml"
    refused = run(["guardrail", "--check", str(shared), "--tenant", "demo"], env=env)
    assert refused.returncode == 1
    assert "is it written for another catalogue? Nothing was checked." in refused.stderr
    assert "form-basic-contact" in refused.stderr and "hit rate" not in refused.stdout
