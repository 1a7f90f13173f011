"""``tandem serve`` starts on SQLite with the demo organisation, mounts Slack and Teams,
and answers health checks: the real process, on loopback."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.error import HTTPError
from urllib.request import Request, urlopen


@dataclass
class Server:
    base: str
    log: Path


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _status(url: str, *, post: bool = False) -> int:
    """The HTTP status of a GET (or an unsigned POST), 0 while nothing listens."""
    request = Request(url, data=b"{}", method="POST") if post else Request(url)
    try:
        with urlopen(request, timeout=5) as response:
            return int(response.status)
    except HTTPError as error:
        return int(error.code)
    except OSError:
        return 0


@contextmanager
def serving(tmp_path: Path, **settings: str) -> Iterator[Server]:
    """``tandem serve`` on a fresh SQLite file and a free port, ready when health says so."""
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TANDEM_", "SLACK_"))}
    env.update(
        TANDEM_DATABASE_URL=f"sqlite:///{tmp_path / 'tandem.db'}",
        TANDEM_PORT=str(port),
        HOME=str(tmp_path),
        **settings,
    )
    log = tmp_path / "serve.log"
    server = Server(base=f"http://127.0.0.1:{port}", log=log)
    with log.open("w") as sink:
        process = subprocess.Popen(
            [sys.executable, "-m", "tandem", "serve"], env=env, stdout=sink, stderr=sink
        )
        try:
            for _ in range(300):  # up to 30 s on a slow machine
                if _status(f"{server.base}/healthz") == 200 or process.poll() is not None:
                    break
                time.sleep(0.1)
            assert _status(f"{server.base}/healthz") == 200, log.read_text()
            yield server
        finally:
            process.send_signal(signal.SIGINT)
            process.wait(timeout=20)


def test_serve_starts_imports_the_demo_and_says_how_to_talk(tmp_path: Path) -> None:
    with serving(tmp_path) as server:
        with urlopen(f"{server.base}/healthz", timeout=5) as response:
            assert b'"status": "ok"' in response.read()
        slack_status = _status(f"{server.base}/slack/events", post=True)
        teams_status = _status(f"{server.base}/api/messages", post=True)
    text = server.log.read_text()
    assert slack_status == 404  # no Slack settings: no Slack route
    assert teams_status == 415  # the Bot Framework endpoint is there and wants JSON
    assert "demo organisation imported" in text
    assert "tandem chat --as" in text and "@lumen.example" in text
    assert "Traceback" not in text


def _imported(log: str) -> set[str]:
    """The top-level packages a process imported, from its ``-X importtime`` lines."""
    return {
        line.split("|")[-1].strip().split(".")[0]
        for line in log.splitlines()
        if line.startswith("import time:")
    }


def test_serve_with_slack_mounts_slack_and_verifies_requests(tmp_path: Path) -> None:
    with serving(
        tmp_path,
        SLACK_BOT_TOKEN="xoxb-test",
        SLACK_SIGNING_SECRET="secret",
        SLACK_API_URL="http://127.0.0.1:9/api/",
        PYTHONPROFILEIMPORTTIME="1",
    ) as server:
        # unsigned: refused, nothing handled
        assert _status(f"{server.base}/slack/events", post=True) == 401
        # Slack only, no Microsoft app id: no open Bot Framework endpoint beside it
        assert _status(f"{server.base}/api/messages", post=True) == 404
        assert _status(f"{server.base}/healthz") == 200
    text = server.log.read_text()
    assert "Slack: events, commands and interactivity at /slack/events" in text
    assert "Teams: /api/messages is not served: no Microsoft app id" in text
    assert "TANDEM_TEAMS_PLAYGROUND=true" in text
    # A lean process: what it does not serve or need is never loaded.
    imported = _imported(text)
    assert {"slack_bolt", "tandem", "alembic"} <= imported  # a fresh database: migrated
    assert not imported & {"botbuilder", "botframework", "icalendar"}
    with serving(tmp_path, SLACK_BOT_TOKEN="xoxb-test", PYTHONPROFILEIMPORTTIME="1"):
        pass  # the same database, at head: Alembic stays unloaded
    assert "alembic" not in _imported(server.log.read_text())


def test_serve_lean_on_a_fresh_install_loads_what_it_serves(tmp_path: Path) -> None:
    with serving(tmp_path, PYTHONPROFILEIMPORTTIME="1", TANDEM_DEMO="false"):
        pass
    imported = _imported((tmp_path / "serve.log").read_text())
    assert "botbuilder" in imported  # the Agents Playground endpoint
    assert not imported & {"slack_bolt", "slack_sdk", "icalendar"}


def test_the_open_teams_endpoint_is_never_served_off_loopback(tmp_path: Path) -> None:
    with serving(tmp_path, TANDEM_HOST="0.0.0.0") as server:
        assert _status(f"{server.base}/api/messages", post=True) == 404
    assert "served only on a loopback address, not on 0.0.0.0" in server.log.read_text()
