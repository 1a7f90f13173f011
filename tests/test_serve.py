"""``tandem serve`` starts on SQLite with the demo organisation and answers health checks."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path
from urllib.error import HTTPError
from urllib.request import Request, urlopen


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _post_status(url: str) -> int:
    """The HTTP status of an unsigned POST, 0 while nothing listens."""
    try:
        with urlopen(Request(url, data=b"{}", method="POST"), timeout=5) as response:
            return int(response.status)
    except HTTPError as error:
        return int(error.code)
    except OSError:
        return 0


def test_serve_with_slack_mounts_slack_and_verifies_requests(tmp_path: Path) -> None:
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TANDEM_", "SLACK_"))}
    env.update(
        TANDEM_DATABASE_URL=f"sqlite:///{tmp_path / 'tandem.db'}",
        TANDEM_PORT=str(port),
        HOME=str(tmp_path),
        SLACK_BOT_TOKEN="xoxb-test",
        SLACK_SIGNING_SECRET="secret",
        SLACK_API_URL="http://127.0.0.1:9/api/",
    )
    log = tmp_path / "serve.log"
    with log.open("w") as sink:
        process = subprocess.Popen(
            [sys.executable, "-m", "tandem", "serve"], env=env, stdout=sink, stderr=sink
        )
        try:
            status = 0
            for _ in range(300):
                status = _post_status(f"http://127.0.0.1:{port}/slack/events")
                if status not in (0, 503) or process.poll() is not None:
                    break
                time.sleep(0.1)
            assert status == 401, log.read_text()  # unsigned: refused, nothing handled
        finally:
            process.send_signal(signal.SIGINT)
            process.wait(timeout=20)
    assert "Slack: events, commands and interactivity at /slack/events" in log.read_text()


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
            slack_status = _post_status(f"http://127.0.0.1:{port}/slack/events")
            teams_status = _post_status(f"http://127.0.0.1:{port}/api/messages")
        finally:
            process.send_signal(signal.SIGINT)
            process.wait(timeout=20)
    text = log.read_text()
    assert slack_status == 404  # no Slack settings: no Slack route
    assert teams_status == 415  # the Bot Framework endpoint is there and wants JSON
    assert "demo organisation imported" in text
    assert "tandem chat --as" in text and "@lumen.example" in text
    assert "Traceback" not in text
