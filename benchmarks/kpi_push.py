"""KPI values pushed over HTTP by many tenants against a real ``tandem serve`` (run by hand).

    .venv/bin/python -m benchmarks.kpi_push [--values 10000] [--tenants 10]
        [--concurrency 20] [--database-url sqlite:///…|postgresql://…]

Each tenant has the shared fixtures' organisation, the three KPIs of
``tests/data/kpis.yaml`` and a token; ``--values`` values (each for an instant of its
own, within target, so that none replaces another or raises a blocker) are pushed with
``POST /api/v1/kpis/SLUG/values``, ``--concurrency`` at a time, spread over the tenants.
The same requests then go to a bare aiohttp handler in its own process that reads the
JSON body and answers 201: the floor of this harness on this machine, in the same run.
It prints each target's throughput (values a second) and latency (p50, p99), and
Tandem's throughput as a share of the bare handler's.

A SQLite file in a scratch folder by default; ``--database-url`` names another database
(a PostgreSQL one must be empty: it is migrated and filled).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import sys
import tempfile
import time
from contextlib import suppress
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import aiohttp
from aiohttp import web

from tandem.bot.types import TenantKey
from tandem.storage.database import Database
from tandem.storage.migrate import upgrade
from tandem.storage.orgfiles.service import FileKind, import_file
from tandem.storage.repositories import api_tokens, tenants
from tests.conftest import import_fixtures
from tests.replicas import free_port, start_replicas

ROOT = Path(__file__).resolve().parents[1]
KPIS = (ROOT / "tests" / "data" / "kpis.yaml").read_text("utf-8")
JSON = {"Content-Type": "application/json"}
SLUGS = ("lcp-home", "conversion-rate", "cost-per-lead")
WITHIN = {"lcp-home": 2400.0, "conversion-rate": 2.8, "cost-per-lead": 35.0}


@dataclass(frozen=True)
class Push:
    """One request: to which KPI, with which token, what body."""

    slug: str
    token: str
    body: bytes


async def prepare(database_url: str, *, tenant_count: int) -> list[str]:
    """Migrate, fill ``tenant_count`` tenants; their tokens."""
    database = Database(url=database_url)
    tokens = []
    try:
        await upgrade(database=database)
        now = datetime.now(UTC)
        for n in range(tenant_count):
            key = await import_fixtures(database, f"bench{n}")
            await import_file(database=database, tenant=key, kind=FileKind.KPIS, text=KPIS, at=now)
            async with database.session() as session:
                ref = await tenants.find_tenant(session, key=TenantKey.parse(f"bench{n}"))
                assert ref is not None
                token = await api_tokens.create_token(session, tenant=ref, name="bench", at=now)
                assert token is not None
                tokens.append(token)
    finally:
        await database.dispose()
    return tokens


def requests(tokens: list[str], *, count: int) -> list[Push]:
    """``count`` pushes spread over the tenants and their KPIs, each at an instant of its own."""
    start = datetime.now(UTC) - timedelta(days=1)
    made = []
    for index in range(count):
        slug = SLUGS[index % len(SLUGS)]
        at = start - timedelta(seconds=index)
        body = {"value": WITHIN[slug], "at": at.isoformat().replace("+00:00", "Z")}
        made.append(
            Push(slug=slug, token=tokens[index % len(tokens)], body=json.dumps(body).encode())
        )
    return made


async def push_all(base: str, pushes: list[Push], *, concurrency: int) -> dict[str, float]:
    """Send every push, ``concurrency`` at a time; throughput and latencies."""
    latencies: list[float] = []
    failed = 0
    queue = iter(pushes)

    async def worker(session: aiohttp.ClientSession) -> None:
        nonlocal failed
        for push in queue:
            started = time.perf_counter()
            async with session.post(
                f"{base}/api/v1/kpis/{push.slug}/values",
                data=push.body,
                headers={
                    "Authorization": f"Bearer {push.token}",
                    "Content-Type": "application/json",
                },
            ) as response:
                await response.read()
                if response.status != 201:
                    failed += 1
            latencies.append(time.perf_counter() - started)

    connector = aiohttp.TCPConnector(limit=concurrency)
    async with aiohttp.ClientSession(connector=connector) as session:
        began = time.perf_counter()
        await asyncio.gather(*(worker(session) for _ in range(concurrency)))
        took = time.perf_counter() - began
    latencies.sort()
    return {
        "per_second": len(pushes) / took,
        "p50_ms": statistics.median(latencies) * 1000,
        "p99_ms": latencies[int(len(latencies) * 0.99) - 1] * 1000,
        "failed": failed,
    }


async def serve_baseline(port: int) -> None:
    """A bare aiohttp handler: read the JSON body, answer 201 with it."""

    async def handle(request: web.Request) -> web.Response:
        body = await request.json()
        return web.json_response({"kpi": request.match_info["slug"], **body}, status=201)

    app = web.Application()
    app.router.add_post("/api/v1/kpis/{slug}/values", handle)

    async def health(_request: web.Request) -> web.Response:
        return web.json_response({"ok": True})

    app.router.add_get("/healthz", health)
    runner = web.AppRunner(app)
    await runner.setup()
    await web.TCPSite(runner, "127.0.0.1", port).start()
    await asyncio.Event().wait()


async def baseline_figures(pushes: list[Push], *, concurrency: int) -> dict[str, float]:
    port = free_port()
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "benchmarks.kpi_push", "baseline", "--port", str(port), cwd=ROOT
    )
    try:
        async with aiohttp.ClientSession() as session:
            for _ in range(100):
                with suppress(aiohttp.ClientError):
                    async with session.get(f"http://127.0.0.1:{port}/healthz") as response:
                        if response.status == 200:
                            break
                await asyncio.sleep(0.1)
        return await push_all(f"http://127.0.0.1:{port}", pushes, concurrency=concurrency)
    finally:
        process.terminate()
        await asyncio.wait_for(process.wait(), timeout=10)


async def run(args: argparse.Namespace) -> None:
    folder = Path(tempfile.mkdtemp(prefix="tandem-kpi-push-"))
    url = args.database_url or f"sqlite:///{folder / 'tandem.db'}"
    tokens = await prepare(url, tenant_count=args.tenants)
    pushes = requests(tokens, count=args.values)
    async with start_replicas(
        count=1, database_url=url, workdir=folder, env={"TANDEM_DEMO": "0"}
    ) as (replica,):
        tandem = await push_all(
            f"http://127.0.0.1:{replica.port}", pushes, concurrency=args.concurrency
        )
    bare = await baseline_figures(pushes, concurrency=args.concurrency)
    engine = url.split(":")[0]
    print(f"{args.values} values, {args.tenants} tenants, {args.concurrency} at once, {engine}")
    for name, figures in (("bare aiohttp", bare), ("tandem serve", tandem)):
        print(
            f"  {name:13} {figures['per_second']:8.0f} values/s  p50 {figures['p50_ms']:6.1f} ms"
            f"  p99 {figures['p99_ms']:6.1f} ms  failed {figures['failed']:.0f}"
        )
    print(f"  tandem / bare: {tandem['per_second'] / bare['per_second']:.1%}")
    print(f"load average after: {os.getloadavg()[0]:.1f}; replica log in {folder}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    sub = parser.add_subparsers(dest="mode")
    baseline = sub.add_parser("baseline", help="(internal) the bare aiohttp handler")
    baseline.add_argument("--port", type=int, required=True)
    parser.add_argument("--values", type=int, default=10_000)
    parser.add_argument("--tenants", type=int, default=10)
    parser.add_argument("--concurrency", type=int, default=20)
    parser.add_argument("--database-url", default=None)
    args = parser.parse_args()
    if args.mode == "baseline":
        with suppress(KeyboardInterrupt):
            asyncio.run(serve_baseline(args.port))
        return
    asyncio.run(run(args))


if __name__ == "__main__":
    main()
