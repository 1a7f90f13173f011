"""Memory of one ``tandem serve`` replica, idle and after a large stand-up (run by hand).

    .venv/bin/python -m benchmarks.memory [--tenants 100] [--members 100]
        [--per-workspace 10] [--database-url postgresql://…]

Writes ``--tenants`` tenants of ``--members`` people, each a Slack workspace (its bot
token in its installation row) with a stand-up that asked a minute ago, paused (as
``benchmarks/standup_fanout.py`` builds them), straight into a PostgreSQL database. Then
starts one real ``tandem serve`` on it (multi-workspace Slack: OAuth settings), its Slack
Web API the fake in a process of its own (``tests.slackfake.server``, one workspace a
tenant, Slack's limits as token buckets: ``--per-workspace`` messages a second per
workspace, one a second per conversation), and reads its RSS (``VmRSS``) and peak
(``VmHWM``) from ``/proc`` once idle; resumes every stand-up at once and lets the replica
find them at its next sweep (every 2 s here) and send every prompt. Prints the RSS and
peak once every prompt has reached Slack and again after 10 s idle, the prompts sent
and the time from the resumption to the last prompt.

The calendar is fixed: the stand-ups ask at 09:00 UTC on Monday 23 November 2026
(``benchmarks/standup_fanout.py``'s ``DUE``) and the replica runs under libfaketime
(Debian package ``faketime``) from a minute later, whatever the real day. The run
fails (exit 1) when not every prompt went out: then no growth figure is printed.

Runs on PostgreSQL: ``--database-url`` or ``TEST_DATABASE_URL`` (a server on which a
scratch database is created and dropped), else it runs itself under
``scripts/with-postgres``.
"""

from __future__ import annotations

import argparse
import asyncio
import glob
import os
import sys
import tempfile
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

import aiohttp
from sqlalchemy.engine import make_url

from benchmarks.load import execute
from benchmarks.standup_fanout import DUE, populate_tenant
from tandem.bot.types import TenantKey
from tandem.storage.database import Database
from tandem.storage.migrate import upgrade
from tandem.storage.repositories import standups, tenants
from tests.replicas import start_replicas

ROOT = Path(__file__).resolve().parents[1]
SWEEP_SECONDS = 2


def faketime_env(*, start: datetime) -> dict[str, str]:
    """The environment that starts a process's clock at ``start`` (libfaketime)."""
    found = sorted(glob.glob("/usr/lib/*/faketime/libfaketime.so.1"))
    if not found:
        raise SystemExit("libfaketime not found: install Debian's faketime package")
    return {
        "LD_PRELOAD": found[0],
        "FAKETIME": f"@{start.astimezone(UTC):%Y-%m-%d %H:%M:%S}",
        "TZ": "UTC",
    }


def memory(pid: int) -> tuple[float, float]:
    """(VmRSS, VmHWM) of process ``pid``, in MiB."""
    found: dict[str, float] = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        key, _, value = line.partition(":")
        if key in {"VmRSS", "VmHWM"}:
            found[key] = int(value.split()[0]) / 1024
    return found["VmRSS"], found["VmHWM"]


async def start_fake(
    *, workspaces: int, per_workspace: float
) -> tuple[asyncio.subprocess.Process, str]:
    """The fake Slack Web API in its own process, and its base URL."""
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "tests.slackfake.server",
        "--workspaces",
        str(workspaces),
        "--per-workspace",
        str(per_workspace),
        stdout=asyncio.subprocess.PIPE,
        cwd=ROOT,
    )
    assert process.stdout is not None
    line = (await process.stdout.readline()).decode().split()
    if len(line) != 2 or line[0] != "PORT":
        process.kill()
        raise SystemExit("the fake Slack API did not start")
    return process, f"http://127.0.0.1:{line[1]}/api/"


async def posts(http: aiohttp.ClientSession, base_url: str) -> dict[str, int]:
    """What the fake Slack API received so far."""
    async with http.get(base_url.replace("/api/", "/_stats")) as response:
        return dict(await response.json())


async def populate(database: Database, *, tenants_count: int, members: int, due: datetime) -> None:
    """Every tenant of ``benchmarks/standup_fanout.py``, its stand-up paused, eight at a time."""
    gate = asyncio.Semaphore(8)

    async def one(index: int) -> None:
        async with gate:
            await populate_tenant(database, index=index, members=members, due=due, paused=True)

    await asyncio.gather(*(one(index) for index in range(tenants_count)))


async def resume_all(database: Database, *, tenants_count: int) -> None:
    """Resume every tenant's stand-up, in one transaction: all fall due at once."""
    async with database.session() as session:
        for index in range(tenants_count):
            tenant = await tenants.find_tenant(session, key=TenantKey.parse(f"slack:T{index:06d}"))
            assert tenant is not None
            for standup in await standups.list_standups(session, tenant=tenant):
                await standups.set_state(
                    session, tenant=tenant, standup_id=standup.id, paused=False
                )


def line(label: str, figures: tuple[float, float]) -> str:
    return f"{label:<34} RSS {figures[0]:7.1f} MiB   peak (VmHWM) {figures[1]:7.1f} MiB"


async def run(args: argparse.Namespace, admin: str) -> bool:
    """The benchmark; False when not every prompt went out."""
    name = f"tandem_memory_{uuid.uuid4().hex[:10]}"
    await execute(admin, f'CREATE DATABASE "{name}"')
    url = make_url(admin).set(database=name).render_as_string(hide_password=False)
    folder = Path(tempfile.mkdtemp(prefix="tandem-memory-"))
    expected = args.tenants * args.members
    fake: asyncio.subprocess.Process | None = None
    database = Database(url=url)
    try:
        due = DUE  # a Monday: every member is asked
        await upgrade(database=database)
        started = time.monotonic()
        await populate(database, tenants_count=args.tenants, members=args.members, due=due)
        print(
            f"set-up: {args.tenants} tenants x {args.members} people, each tenant a Slack "
            f"workspace with a stand-up (paused), written in {time.monotonic() - started:.0f} s"
        )
        fake, base_url = await start_fake(workspaces=args.tenants, per_workspace=args.per_workspace)
        env = {
            "SLACK_CLIENT_ID": "1.2",
            "SLACK_CLIENT_SECRET": "bench",
            "SLACK_SIGNING_SECRET": "bench",
            "SLACK_API_URL": base_url,
            "TANDEM_DEMO": "0",
            "TANDEM_SWEEP_SECONDS": str(SWEEP_SECONDS),
            **faketime_env(start=due + timedelta(minutes=1)),
        }
        starting = time.monotonic()
        async with (
            start_replicas(
                count=1, database_url=url, workdir=folder, env=env, start_within=600
            ) as (replica,),
            aiohttp.ClientSession() as http,
        ):
            assert replica.pid is not None
            print(
                f"one replica on PostgreSQL answered /healthz {time.monotonic() - starting:.0f} s "
                f"after it was started; Slack: {args.per_workspace:g} msg/s per workspace"
            )
            await asyncio.sleep(5)
            idle = memory(replica.pid)
            print(line("idle after start", idle))

            before = (await posts(http, base_url))["posts"]
            await resume_all(database, tenants_count=args.tenants)
            resumed = time.monotonic()
            sent = 0
            while time.monotonic() < resumed + args.timeout and replica.alive:
                sent = (await posts(http, base_url))["posts"] - before
                if sent >= expected:
                    break
                await asyncio.sleep(0.25)
            took = time.monotonic() - resumed
            after = memory(replica.pid)
            stats = await posts(http, base_url)
            print(
                f"prompts sent: {sent:,} of {expected:,} in {took:.1f} s from the stand-ups' "
                f"resumption ({sent / took:,.0f}/s, sweep every {SWEEP_SECONDS} s; "
                f"429s answered: {stats['rejected']:,}; most to one DM: "
                f"{stats['most_to_one_channel']})"
            )
            print(line("after the stand-up", after))
            if sent < expected:
                print(
                    f"FAILED: only {sent:,} of {expected:,} prompts went out within "
                    f"{args.timeout:.0f} s; the memory figures above measure less work than "
                    f"asked, so no growth is reported (log: {replica.log})"
                )
                return False
            await asyncio.sleep(10)
            print(line("10 s later", memory(replica.pid)))
            print(
                f"growth: {after[0] - idle[0]:+.1f} MiB RSS, {after[1] - idle[1]:+.1f} MiB peak "
                f"= {(after[1] - idle[1]) * 1024 / max(expected, 1):.1f} KiB a person served"
            )
            log = replica.log_text()
            failed = log.count("sweep failed for a tenant")
            if failed:
                print(f"the replica logged {failed} failed tenant sweeps (retried at the next)")
            if "Traceback" in log:
                print(f"the replica logged a traceback: see {replica.log}")
            return True
    finally:
        await database.dispose()
        if fake is not None:
            fake.terminate()
            await fake.wait()
        await execute(admin, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--tenants", type=int, default=100)
    parser.add_argument("--members", type=int, default=100)
    parser.add_argument("--per-workspace", type=float, default=10.0)
    parser.add_argument("--timeout", type=float, default=300.0, help="seconds to wait for sends")
    parser.add_argument("--database-url", default=None, help="a PostgreSQL server's URL")
    args = parser.parse_args()
    admin = args.database_url or os.environ.get("TEST_DATABASE_URL")
    if not admin:
        script = ROOT / "scripts" / "with-postgres"
        os.execv(script, [str(script), sys.executable, "-m", "benchmarks.memory", *sys.argv[1:]])
    started = time.monotonic()
    done = asyncio.run(run(args, admin))
    print(f"took {time.monotonic() - started:.0f} s")
    if not done:
        sys.exit(1)


if __name__ == "__main__":
    main()
