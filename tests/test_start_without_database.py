"""Started while its PostgreSQL is out of reach, a ``tandem`` command says so in one line
naming where it looked (one JSON object with ``TANDEM_LOG_FORMAT=json``), never the
password nor a traceback, and exits non-zero: real processes, as an operator runs them."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.replicas import CLEARED, free_port

PASSWORD = "hunter22-not-for-logs"


def start(args: list[str], *, home: Path, **settings: str) -> subprocess.CompletedProcess[str]:
    """``tandem ARGS`` on a PostgreSQL URL where nothing listens, to the end."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(CLEARED)}
    env.update(HOME=str(home), **settings)
    return subprocess.run(
        [sys.executable, "-m", "tandem", *args],
        env=env,
        cwd=home,
        capture_output=True,
        text=True,
        timeout=60,
    )


@pytest.mark.parametrize(
    "args", [["serve"], ["chat", "--as", "ravi.patel@lumen.example"], ["who-owns", "dns"]]
)
def test_a_database_out_of_reach_is_one_line_naming_where(tmp_path: Path, args: list[str]) -> None:
    port = free_port()
    url = f"postgresql://tandem:{PASSWORD}@127.0.0.1:{port}/tandem"
    ran = start(args, home=tmp_path, TANDEM_DATABASE_URL=url, TANDEM_PORT=str(free_port()))
    assert ran.returncode != 0
    output = ran.stdout + ran.stderr
    (line,) = output.splitlines()
    assert f"cannot reach the database at 127.0.0.1:{port} (connection refused)" in line
    assert PASSWORD not in output and "Traceback" not in output


def test_a_database_out_of_reach_is_one_json_object(tmp_path: Path) -> None:
    port = free_port()
    ran = start(
        ["serve"],
        home=tmp_path,
        TANDEM_DATABASE_URL=f"postgresql://tandem:{PASSWORD}@127.0.0.1:{port}/tandem",
        TANDEM_PORT=str(free_port()),
        TANDEM_LOG_FORMAT="json",
    )
    assert ran.returncode != 0
    output = ran.stdout + ran.stderr
    (line,) = output.splitlines()
    said = json.loads(line)
    assert said["level"] == "ERROR"
    assert f"127.0.0.1:{port}" in said["message"] and "exception" not in said
    assert PASSWORD not in output
