"""SQLite serves one process: a second ``tandem serve`` on the same file says so and stops,
while the first keeps serving; the terminal chat may still use the file beside it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.test_serve import _free_port, _status, serving


def test_a_second_server_on_the_same_sqlite_file_is_refused(tmp_path: Path) -> None:
    with serving(tmp_path) as first:
        env = {k: v for k, v in os.environ.items() if not k.startswith(("TANDEM_", "SLACK_"))}
        env.update(
            TANDEM_DATABASE_URL=f"sqlite:///{tmp_path / 'tandem.db'}",
            TANDEM_PORT=str(_free_port()),
            HOME=str(tmp_path),
        )
        second = subprocess.run(
            [sys.executable, "-m", "tandem", "serve"],
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert second.returncode == 1
        assert "another `tandem serve` is already using the SQLite database" in second.stderr
        assert "PostgreSQL" in second.stderr
        assert "Traceback" not in second.stderr
        assert _status(f"{first.base}/healthz") == 200  # the first one is untouched
        chat = subprocess.run(
            [sys.executable, "-m", "tandem", "chat", "--as", "ravi.patel@lumen.example"],
            env=env,
            input="/who-owns dns\n",
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert chat.returncode == 0, chat.stderr
        assert "Domain" in chat.stdout
