"""Slack slash commands at increasing rates against real ``tandem serve`` processes (run by hand).

    .venv/bin/python -m benchmarks.load [--rates 10,25,50,100,200,400] [--duration 6]
        [--database-url postgresql://…]

Signed ``/who-owns`` and ``/guardrail`` commands (the shared fixtures' topics, aliases
and the guardrail questions that a rule covers, from people of the fixtures, in English
and French) are sent open-loop (on a fixed schedule, whatever the answers, so the
latency includes queueing) by a second process, for ``--duration`` seconds at each rate,
to three targets in turn (each first warmed up for ``--warmup`` seconds at 5/s):

* ``bare aiohttp``: a bare aiohttp handler in its own process that acknowledges with 200
  and posts a fixed answer to the ``response_url``, as Tandem does: the floor of this
  harness on this machine, in the same run;
* ``1 replica``: one ``tandem serve``;
* ``2 replicas``: two ``tandem serve`` on the same database, the sender alternating
  between them (client-side round-robin, standing in for a load balancer).

Tandem acknowledges a slash command at once (an empty 200) and sends the answer to the
command's ``response_url``, which is what the person waits for; the sender serves those
URLs itself and measures from the instant each request was due to the instant its answer
arrived. An error is a refused or failed request, an answer that did not come within
``--drain`` seconds of the last request, or an answer saying something went wrong.

Runs on PostgreSQL: ``--database-url`` or ``TEST_DATABASE_URL`` (a server on which a
scratch database is created and dropped), else it runs itself under
``scripts/with-postgres``. Slack's Web API (``users.info`` for each person's profile) is
the fake, served by this process. A target whose p99 passes 5 s or whose errors pass 10 %
is not pushed to higher rates.
"""

from __future__ import annotations

import argparse
import asyncio
import collections
import csv
import json
import math
import os
import random
import sys
import tempfile
import time
import uuid
from collections.abc import Sequence
from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import aiohttp
import asyncpg
import yaml
from aiohttp import web
from sqlalchemy.engine import make_url

from tandem.bot.i18n import CATALOGUES
from tandem.storage.database import Database
from tandem.storage.migrate import upgrade
from tests.conftest import FIXTURES, import_fixtures
from tests.replicas import start_replicas
from tests.slackfake.api import FakeSlackApi
from tests.slackfake.signing import command_body, signed_headers

ROOT = Path(__file__).resolve().parents[1]
SECRET = "load-benchmark-signing-secret"
TEAM = "T0LOAD001"
TOKEN = "xoxb-load"
TARGET_P99 = 0.300
ERROR_KEYS = ("error.internal", "error.unavailable", "error.unknown_person")


# -- what is sent ------------------------------------------------------------------------


def people() -> list[tuple[str, str, str, str, str]]:
    """(Slack user id, email, name, timezone, Slack locale) of the fixtures' people."""
    with (FIXTURES / "people.csv").open(newline="") as source:
        rows = list(csv.DictReader(source))
    return [
        (
            f"U{index:08d}",
            row["email"],
            row["name"],
            row["timezone"],
            "fr-FR" if row["locale"] == "fr" else "en-US",
        )
        for index, row in enumerate(rows)
    ]


def commands(*, seed: int = 7) -> list[dict[str, str]]:
    """A shuffled mix of ``/who-owns`` (slugs, aliases, a few typos) and ``/guardrail``
    (questions a rule covers), each from one of the fixtures' people.

    Questions whose answer needs an approval are left out: on Slack that answer is the
    request form, opened as a modal (``views.open``), not a message to the ``response_url``.
    """
    rng = random.Random(seed)
    with (FIXTURES / "raci.csv").open(newline="") as source:
        topics = list(csv.DictReader(source))
    lookups = [t["topic"] for t in topics]
    lookups += [alias for t in topics for alias in t["aliases"].split(";") if alias]
    lookups += [word[:2] + word[3] + word[2] + word[4:] for word in lookups if len(word) > 6][:8]
    questions = yaml.safe_load((ROOT / "tests" / "data" / "guardrail_questions.yaml").read_text())
    catalogue = yaml.safe_load((FIXTURES / "guardrails.yaml").read_text())
    modal = {r["id"] for r in catalogue["guardrails"] if r["verdict"] == "approval"}
    modal |= {f"tool: {t['name']}" for t in catalogue["tools"] if t["status"] == "under-review"}
    covered = [
        q["question"]
        for q in questions["questions"]
        if q["expect"] != "uncovered" and q["expect"] not in modal
    ]
    users = [user_id for user_id, *_ in people()]
    mix = [("/who-owns", text) for text in lookups] + [("/guardrail", q) for q in covered]
    rng.shuffle(mix)
    return [{"command": c, "text": t, "user": rng.choice(users)} for c, t in mix]


def error_prefixes() -> list[str]:
    """How Tandem's "something went wrong" answers begin, in every language."""
    return [
        messages[key].split("{")[0][:40] for messages in CATALOGUES.values() for key in ERROR_KEYS
    ]


# -- the sender (a process of its own) -------------------------------------------------------


def percentile(values: Sequence[float], share: float) -> float:
    """Nearest-rank percentile of sorted ``values`` (``nan`` when there are none)."""
    if not values:
        return float("nan")
    return values[min(len(values), max(1, math.ceil(share * len(values)))) - 1]


async def send_load(
    *,
    targets: list[str],
    rate: float,
    duration: float,
    drain: float,
    mix: list[dict[str, str]],
) -> dict[str, Any]:
    """Send ``rate`` commands of ``mix`` a second for ``duration`` s, round-robin over
    ``targets``; wait up to ``drain`` s after the last for the answers; return the figures."""
    loop = asyncio.get_running_loop()
    answers: dict[str, tuple[float, str]] = {}
    awaiting: set[str] = set()
    all_sent = False
    settled = asyncio.Event()
    errors_text = error_prefixes()

    def settle(name: str) -> None:
        awaiting.discard(name)
        if all_sent and not awaiting:
            settled.set()

    async def respond(request: web.Request) -> web.Response:
        body = await request.json()
        name = request.match_info["name"]
        answers[name] = (loop.time(), str(body.get("text") or ""))
        settle(name)
        return web.Response(text="ok")

    receiver = web.Application()
    receiver.router.add_post("/respond/{name}", respond)
    runner = web.AppRunner(receiver, access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    respond_base = f"http://127.0.0.1:{runner.addresses[0][1]}/respond/"

    total = max(1, round(rate * duration))
    due: dict[str, float] = {}
    lags: list[float] = []
    acks: list[float] = []
    failures: collections.Counter[str] = collections.Counter()

    async def send(http: aiohttp.ClientSession, index: int, at: float) -> None:
        item = mix[index % len(mix)]
        name = f"r{index}"
        due[name] = at
        awaiting.add(name)
        body = command_body(
            command=item["command"],
            text=item["text"],
            team_id=TEAM,
            user_id=item["user"],
            response_url=respond_base + name,
        )
        target = targets[index % len(targets)]
        lags.append(loop.time() - at)
        try:
            async with http.post(
                f"{target}/slack/events",
                data=body,
                headers=signed_headers(body=body, secret=SECRET),
            ) as response:
                await response.read()
                if response.status != 200:
                    failures[f"HTTP {response.status}"] += 1
                    due.pop(name)
                    settle(name)
                    return
            acks.append(loop.time() - at)
        except (aiohttp.ClientError, TimeoutError) as error:
            failures[type(error).__name__] += 1
            due.pop(name)
            settle(name)

    connector = aiohttp.TCPConnector(limit=0)
    timeout = aiohttp.ClientTimeout(total=30)
    async with aiohttp.ClientSession(connector=connector, timeout=timeout) as http:
        start = loop.time() + 0.2
        sending: set[asyncio.Task[None]] = set()
        for index in range(total):
            at = start + index / rate
            delay = at - loop.time()
            if delay > 0:
                await asyncio.sleep(delay)
            task = asyncio.create_task(send(http, index, at))
            sending.add(task)
            task.add_done_callback(sending.discard)
        deadline = start + (total - 1) / rate + drain
        with suppress(TimeoutError):
            async with asyncio.timeout(deadline - loop.time()):
                if sending:
                    await asyncio.wait(sending)
                all_sent = True
                settle("")
                await settled.wait()
        for task in list(sending):
            task.cancel()
    await runner.cleanup()

    latencies: list[float] = []
    wrong = 0
    samples: dict[str, str] = {}
    for name, at in due.items():
        if name not in answers:
            continue
        arrived, text = answers[name]
        if any(text.startswith(prefix) for prefix in errors_text):
            wrong += 1
            continue
        latencies.append(arrived - at)
        samples.setdefault(mix[int(name[1:]) % len(mix)]["command"], text[:100])
    unanswered = [name for name in due if name not in answers]
    if unanswered:
        failures["no answer"] = len(unanswered)
    for name in unanswered[:3]:
        item = mix[int(name[1:]) % len(mix)]
        samples[f"{item['command']} {item['text']!r} (no answer)"] = ""
    if wrong:
        failures["error answer"] = wrong
    latencies.sort()
    acks.sort()
    lags.sort()
    last = max((answers[n][0] for n in due if n in answers), default=start)
    return {
        "sent": total,
        "answered": len(latencies),
        "errors": sum(failures.values()),
        "failures": dict(failures),
        "throughput": len(latencies) / max(last - start, 1e-9),
        "p50": percentile(latencies, 0.50),
        "p99": percentile(latencies, 0.99),
        "ack_p99": percentile(acks, 0.99),
        "lag_p99": percentile(lags, 0.99),
        "samples": samples,
    }


# -- the baseline (a process of its own) -----------------------------------------------------


async def serve_baseline() -> None:
    """Acknowledge with 200 and post a fixed answer to the ``response_url``, until SIGTERM."""
    import signal

    http = aiohttp.ClientSession()
    pending: set[asyncio.Task[None]] = set()

    async def answer(url: str) -> None:
        async with http.post(url, json={"response_type": "ephemeral", "text": "ok"}) as reply:
            await reply.read()

    async def events(request: web.Request) -> web.Response:
        form = await request.post()
        task = asyncio.create_task(answer(str(form["response_url"])))
        pending.add(task)
        task.add_done_callback(pending.discard)
        return web.Response(status=200)

    async def healthz(_request: web.Request) -> web.Response:
        return web.json_response({"status": "ok"})

    app = web.Application()
    app.router.add_post("/slack/events", events)
    app.router.add_get("/healthz", healthz)
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    print(f"PORT {runner.addresses[0][1]}", flush=True)
    stop = asyncio.Event()
    for sig in (signal.SIGTERM, signal.SIGINT):
        asyncio.get_running_loop().add_signal_handler(sig, stop.set)
    await stop.wait()
    await runner.cleanup()
    await http.close()


# -- the run ----------------------------------------------------------------------------------


@dataclass
class Step:
    """One rate against one target."""

    rate: float
    figures: dict[str, Any] | None  # None: not run (the target was saturated before)


async def one_step(
    targets: list[str], *, rate: float, duration: float, drain: float, requests: Path
) -> dict[str, Any]:
    """Run the sender process once and read its figures."""
    sender = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "benchmarks.load",
        "send",
        "--targets",
        ",".join(targets),
        "--rate",
        str(rate),
        "--duration",
        str(duration),
        "--drain",
        str(drain),
        "--requests",
        str(requests),
        stdout=asyncio.subprocess.PIPE,
        cwd=ROOT,
    )
    out, _ = await sender.communicate()
    if sender.returncode != 0:
        raise SystemExit(f"the sender failed (exit {sender.returncode})")
    figures: dict[str, Any] = json.loads(out.decode().strip().splitlines()[-1])
    return figures


def ms(seconds: float) -> str:
    return "-" if seconds != seconds else f"{seconds * 1000:,.0f}"  # nan: nothing measured


def cpu_seconds(pids: list[int]) -> float:
    """User and system CPU time used so far by processes ``pids`` (from ``/proc``)."""
    total = 0
    for pid in pids:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        total += int(fields[11]) + int(fields[12])  # utime, stime
    return total / os.sysconf("SC_CLK_TCK")


async def ladder(
    label: str, targets: list[str], pids: list[int], args: argparse.Namespace, requests: Path
) -> list[Step]:
    """Every rate in turn against ``targets`` (served by processes ``pids``), printing each
    row as it comes. Rates up to 50/s are always run; above, not once saturated."""
    steps: list[Step] = []
    saturated = False
    if args.warmup > 0:  # caches filled and connections opened, as in a process serving already
        await one_step(targets, rate=5, duration=args.warmup, drain=args.drain, requests=requests)
    for rate in args.rates:
        if saturated and rate > 50:
            steps.append(Step(rate=rate, figures=None))
            continue
        cpu = cpu_seconds(pids)
        figures = await one_step(
            targets, rate=rate, duration=args.duration, drain=args.drain, requests=requests
        )
        figures["cpu"] = (cpu_seconds(pids) - cpu) / max(figures["answered"], 1)
        steps.append(Step(rate=rate, figures=figures))
        failures = ", ".join(f"{k} {v}" for k, v in figures["failures"].items())
        print(
            f"{label:<13} {rate:>6g} {figures['throughput']:>9.1f} {ms(figures['p50']):>8} "
            f"{ms(figures['p99']):>8} {figures['errors']:>7} {ms(figures['ack_p99']):>9} "
            f"{ms(figures['lag_p99']):>8} {figures['cpu'] * 1000:>8.1f}  {failures}",
            flush=True,
        )
        if args.show_answers and figures["samples"]:
            for command, text in figures["samples"].items():
                print(f"{'':13}   e.g. {command}: {text!r}")
        saturated = saturated or figures["p99"] > 5 or figures["errors"] > 0.1 * figures["sent"]
        await asyncio.sleep(1)
    return steps


async def prepare_database(admin: str) -> str:
    """A scratch database on ``admin``'s server, migrated, the fixtures imported for the team."""
    name = f"tandem_load_{uuid.uuid4().hex[:10]}"
    await execute(admin, f'CREATE DATABASE "{name}"')
    url = make_url(admin).set(database=name).render_as_string(hide_password=False)
    database = Database(url=url)
    await upgrade(database=database)
    await import_fixtures(database, f"slack:{TEAM}")
    await database.dispose()
    return url


async def execute(admin: str, statement: str) -> None:
    """One statement on the server of ``admin`` (``CREATE``/``DROP DATABASE``)."""
    url = make_url(admin).set(drivername="postgresql").render_as_string(hide_password=False)
    connection = await asyncpg.connect(url)
    try:
        await connection.execute(statement)
    finally:
        await connection.close()


async def run(args: argparse.Namespace, admin: str) -> None:
    folder = Path(tempfile.mkdtemp(prefix="tandem-load-"))
    requests = folder / "requests.json"
    requests.write_text(json.dumps(commands()))
    url = await prepare_database(admin)
    results: dict[str, list[Step]] = {}
    try:
        async with FakeSlackApi(keep_calls=False) as api:
            api.add_workspace(team_id=TEAM, bot_token=TOKEN)
            for user_id, email, name, tz, locale in people():
                api.add_user(
                    team_id=TEAM, user_id=user_id, email=email, real_name=name, tz=tz, locale=locale
                )
            env = {
                "SLACK_BOT_TOKEN": TOKEN,
                "SLACK_SIGNING_SECRET": SECRET,
                "SLACK_API_URL": api.base_url,
                "TANDEM_DEMO": "0",
            }
            print(
                f"{os.cpu_count()} cores (load average {os.getloadavg()[0]:.1f} before); "
                f"PostgreSQL; {len(commands())} distinct commands; {args.duration:g} s per "
                "rate, open-loop;\nlatency: request due -> answer at response_url (ms); "
                "CPU/cmd: the target processes' CPU ms per answer"
            )
            print(
                f"{'target':<13} {'rate/s':>6} {'achieved':>9} {'p50':>8} {'p99':>8} "
                f"{'errors':>7} {'ack p99':>9} {'lag p99':>8} {'CPU/cmd':>8}"
            )
            baseline = await asyncio.create_subprocess_exec(
                sys.executable,
                "-m",
                "benchmarks.load",
                "baseline",
                stdout=asyncio.subprocess.PIPE,
                cwd=ROOT,
            )
            assert baseline.stdout is not None
            port = (await baseline.stdout.readline()).decode().split()[1]
            try:
                results["bare aiohttp"] = await ladder(
                    "bare aiohttp", [f"http://127.0.0.1:{port}"], [baseline.pid], args, requests
                )
            finally:
                baseline.terminate()
                await baseline.wait()
            async with start_replicas(
                count=1, database_url=url, workdir=folder / "one", env=env
            ) as one:
                results["1 replica"] = await ladder(
                    "1 replica", [one[0].base], [one[0].pid or 0], args, requests
                )
            async with start_replicas(
                count=2, database_url=url, workdir=folder / "two", env=env
            ) as two:
                results["2 replicas"] = await ladder(
                    "2 replicas", [r.base for r in two], [r.pid or 0 for r in two], args, requests
                )
    finally:
        await execute(admin, f'DROP DATABASE IF EXISTS "{make_url(url).database}" WITH (FORCE)')
    summarise(results, folder)


def summarise(results: dict[str, list[Step]], folder: Path) -> None:
    print()
    base = next((s.figures for s in results["bare aiohttp"] if s.rate == 50), None)
    for label, steps in results.items():
        fine = [
            s.rate
            for s in steps
            if s.figures and s.figures["p99"] < TARGET_P99 and s.figures["errors"] == 0
        ]
        at50 = next((s.figures for s in steps if s.rate == 50 and s.figures), None)
        ratio = ""
        if at50 and base and base["p99"] > 0:
            ratio = f" = {at50['p99'] / base['p99']:.1f} x the bare handler"
        highest = f"{max(fine):g}/s" if fine else "none"
        p99 = ms(at50["p99"]) + " ms" if at50 else "not run"
        print(
            f"{label:<13} highest rate with p99 < 300 ms and no error: {highest:>6};"
            f"  p99 at 50/s: {p99}{ratio}"
        )
    print(f"load average after: {os.getloadavg()[0]:.1f}; replica logs in {folder}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    sub = parser.add_subparsers(dest="mode")
    send = sub.add_parser("send", help="(internal) the sender process")
    send.add_argument("--targets", required=True)
    send.add_argument("--rate", type=float, required=True)
    send.add_argument("--duration", type=float, required=True)
    send.add_argument("--drain", type=float, required=True)
    send.add_argument("--requests", type=Path, required=True)
    sub.add_parser("baseline", help="(internal) the bare aiohttp handler")
    parser.add_argument("--rates", default="10,25,50,100,200,400")
    parser.add_argument("--duration", type=float, default=6.0, help="seconds at each rate")
    parser.add_argument("--drain", type=float, default=10.0, help="seconds to wait for answers")
    parser.add_argument(
        "--warmup", type=float, default=3.0, help="seconds at 5/s first, unmeasured"
    )
    parser.add_argument("--database-url", default=None, help="a PostgreSQL server's URL")
    parser.add_argument("--show-answers", action="store_true", help="print an answer of each")
    args = parser.parse_args()
    if args.mode == "send":
        figures = asyncio.run(
            send_load(
                targets=args.targets.split(","),
                rate=args.rate,
                duration=args.duration,
                drain=args.drain,
                mix=json.loads(args.requests.read_text()),
            )
        )
        print(json.dumps(figures))
        return
    if args.mode == "baseline":
        with suppress(KeyboardInterrupt):
            asyncio.run(serve_baseline())
        return
    args.rates = [float(r) for r in args.rates.split(",")]
    admin = args.database_url or os.environ.get("TEST_DATABASE_URL")
    if not admin:
        script = ROOT / "scripts" / "with-postgres"
        os.execv(script, [str(script), sys.executable, "-m", "benchmarks.load", *sys.argv[1:]])
    started = time.monotonic()
    asyncio.run(run(args, admin))
    print(f"took {time.monotonic() - started:.0f} s")


if __name__ == "__main__":
    main()
