"""The container files, checked without Docker: compose.yaml runs two replicas of Tandem on
one PostgreSQL with health checks, and the image's own health check tells a serving
Tandem (exit 0) from a stopped one (exit 1)."""

from __future__ import annotations

import asyncio
import json
import sys
from pathlib import Path
from typing import Any

import yaml

from tests.replicas import start_replicas

ROOT = Path(__file__).resolve().parents[1]


def dockerfile_stages() -> list[list[tuple[str, str]]]:
    """The Dockerfile's instructions, (KEYWORD, arguments), one list per stage."""
    text = (ROOT / "Dockerfile").read_text().replace("\\\n", " ")
    stages: list[list[tuple[str, str]]] = []
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        keyword, _, arguments = line.partition(" ")
        if keyword.upper() == "FROM":
            stages.append([])
        stages[-1].append((keyword.upper(), arguments.strip()))
    return stages


def final_stage() -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for keyword, arguments in dockerfile_stages()[-1]:
        found.setdefault(keyword, []).append(arguments)
    return found


def health_command() -> list[str]:
    """The image's ``HEALTHCHECK`` command (exec form), run by this test's Python."""
    (check,) = final_stage()["HEALTHCHECK"]
    command = json.loads(check.split(" CMD ", 1)[1])
    assert isinstance(command, list) and command[0] == "python"
    return [sys.executable, *command[1:]]


def test_the_image_is_slim_unprivileged_and_serves_on_3978_on_every_interface() -> None:
    stages = dockerfile_stages()
    assert len(stages) == 2  # built in one stage, copied into a clean one
    assert all(stage[0] == ("FROM", stages[0][0][1].split(" ")[0]) for stage in stages[1:])
    assert stages[0][0][1].startswith("python:3.12-slim")
    final = final_stage()
    (user,) = final["USER"]
    assert user.split(":")[0] not in {"0", "root"}
    assert final["EXPOSE"] == ["3978"]
    environment = " ".join(final["ENV"])
    assert "TANDEM_HOST=0.0.0.0" in environment and "TANDEM_LOG_FORMAT=json" in environment
    assert final["ENTRYPOINT"] == ['["tandem"]'] and final["CMD"] == ['["serve"]']
    assert "curl" not in " ".join(health_command())
    ignored = (ROOT / ".dockerignore").read_text().split()
    assert ignored[ignored.index("*") + 1 :][:3] == ["!pyproject.toml", "!README.md", "!tandem/"]


def test_compose_runs_two_replicas_on_one_healthy_postgresql_after_migrating() -> None:
    compose: dict[str, Any] = yaml.safe_load((ROOT / "compose.yaml").read_text())
    services: dict[str, dict[str, Any]] = compose["services"]
    postgres = services["postgres"]
    assert postgres["image"] == "postgres:15"
    assert "pg_isready" in " ".join(postgres["healthcheck"]["test"])
    (volume,) = postgres["volumes"]
    assert volume.split(":")[0] in compose["volumes"]

    tandems = {name: s for name, s in services.items() if s.get("image", "").startswith("tandem")}
    replicas = {name: s for name, s in tandems.items() if "command" not in s}
    (migrate,) = (s for s in tandems.values() if s.get("command") == ["db", "upgrade"])
    assert migrate["depends_on"]["postgres"]["condition"] == "service_healthy"
    assert len(replicas) == 2
    ports = set()
    for replica in replicas.values():
        url = replica["environment"]["TANDEM_DATABASE_URL"]
        assert url.startswith("postgresql://") and "@postgres:5432/" in url
        assert replica["env_file"] == ".env"
        assert replica["depends_on"]["postgres"]["condition"] == "service_healthy"
        migrated = [d for d, c in replica["depends_on"].items() if d != "postgres"]
        assert [replica["depends_on"][d]["condition"] for d in migrated] == [
            "service_completed_successfully"
        ]
        (published,) = replica["ports"]
        host, port, inside = published.split(":")
        assert host == "127.0.0.1" and inside == "3978"
        ports.add(port)
    assert len(ports) == 2


async def test_the_image_health_check_passes_while_tandem_serves_and_fails_once_stopped(
    tmp_path: Path,
) -> None:
    async def check(port: int) -> int:
        process = await asyncio.create_subprocess_exec(
            *health_command(),
            env={"TANDEM_PORT": str(port)},
            stdout=asyncio.subprocess.DEVNULL,
            stderr=asyncio.subprocess.DEVNULL,
        )
        return await process.wait()

    async with start_replicas(
        count=1, database_url=f"sqlite:///{tmp_path / 'tandem.db'}", workdir=tmp_path
    ) as (tandem,):
        assert await check(tandem.port) == 0
        assert await tandem.terminate() == 0
        assert await check(tandem.port) == 1
