"""``tandem serve`` starts on SQLite with the demo organisation and answers health checks."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path
from urllib.request import urlopen


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_serve_starts_imports_the_demo_and_says_how_to_talk(tmp_path: Path) -> None:
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TANDEM_", "SLACK_"))}
    env.update(
        TANDEM_DATABASE_URL=f"sqlite:///{tmp_path / 'tandem.db'}",
        TANDEM_PORT=str(port),
        HOME=str(tmp_path),
    )
    log = tmp_path / "serve.log"
    with log.open("w") as sink:
        process = subprocess.Popen(
            [sys.executable, "-m", "tandem", "serve"], env=env, stdout=sink, stderr=sink
        )
        try:
            body = b""
            for _ in range(300):  # up to 30 s on a slow machine
                try:
                    with urlopen(f"http://127.0.0.1:{port}/healthz", timeout=1) as response:
                        body = response.read()
                        break
                except OSError:
                    if process.poll() is not None:
                        break
                    time.sleep(0.1)
            assert b'"status": "ok"' in body, log.read_text()
        finally:
            process.send_signal(signal.SIGINT)
            process.wait(timeout=20)
    text = log.read_text()
    assert "demo organisation imported" in text
    assert "tandem chat --as" in text and "@lumen.example" in text
    assert "Traceback" not in text
