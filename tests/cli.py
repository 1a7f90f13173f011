"""The ``tandem`` command line run in the test process through Click's ``CliRunner``.

Most command-line tests check what a command prints and changes, which a new Python
process per call proves nothing more about and costs a second each. The few where the
process itself is the point (the installed script, a fresh install, ``serve`` and its
signals, replicas) start real processes instead (``tests/replicas.py``, ``test_serve.py``).
"""

from __future__ import annotations

import contextlib
import os
import traceback
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from click.testing import CliRunner

from tandem.app import cli

CLEARED = ("TANDEM_", "SLACK_", "MICROSOFT_")
"""Settings of the developer's own environment that a test never inherits."""


@dataclass(frozen=True)
class Ran:
    """What a command printed and returned, as ``subprocess.CompletedProcess`` has it."""

    returncode: int
    stdout: str
    stderr: str


def tandem(
    args: list[str],
    *,
    env: Mapping[str, str],
    stdin: str = "",
    cwd: Path | None = None,
) -> Ran:
    """``tandem ARGS`` with ``env`` as its environment (on top of the test process's, the
    ``CLEARED`` settings removed) and ``stdin`` piped in. An exception the command let
    out is printed to ``stderr`` as the real process would print it."""
    overrides: dict[str, str | None] = {
        key: None for key in os.environ if key.startswith(CLEARED) and key not in env
    }
    overrides.update(env)
    runner = CliRunner()
    with contextlib.chdir(cwd) if cwd else contextlib.nullcontext():
        result = runner.invoke(cli, args, input=stdin, env=overrides, prog_name="tandem")
    stderr = result.stderr
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        assert result.exc_info is not None
        stderr += "".join(traceback.format_exception(*result.exc_info))
    return Ran(returncode=result.exit_code, stdout=result.stdout, stderr=stderr)
