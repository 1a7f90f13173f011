"""Stand-up fan-out: every member of every tenant due in the same minute (run by hand).

    .venv/bin/python -m benchmarks.standup_fanout [--tenants 100] [--members 100]
        [--per-workspace 10] [--database-url URL]

Builds ``tenants`` Slack workspaces (one installation and bot token each) of
``members`` people whose stand-up asks at 09:00 UTC, then moves the clock to
09:00 and times one engine sweep sending every prompt through the real Slack
adapter to the fake Slack Web API, run in a separate process so that the
figures are Tandem's own. The fake enforces Slack's limits as token buckets
holding one second's worth ("short bursts"): about one message per second per
conversation (a DM each here, so not binding) and a cap per workspace
(``--per-workspace``, default 1 message per second, i.e. 60 a minute: the low
end, so that the limits, not this small machine, set the pace), answering 429
with ``Retry-After: 1`` beyond it.

Prints the prompts per second achieved as a ratio of what the limits allow (the
baseline; the target is at least 0.95), p50/p99 of how long after the due
instant each prompt went out, 429s, duplicates (must be 0, also after a
restart), and peak RSS.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import resource
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.request import urlopen

from tandem.adapters.slack.bolt_app import SlackAdapter
from tandem.bot.clock import FixedClock
from tandem.bot.settings import Settings
from tandem.bot.types import Platform, TenantKey
from tandem.runtime import build_runtime, prepare
from tandem.storage.cipher import TokenCipher
from tandem.storage.database import Database
from tandem.storage.orgfiles.service import FileKind, import_file
from tandem.storage.records import ChannelAddress, StandupSettings
from tandem.storage.repositories import people, slack, standups, tenants
from tandem.storage.repositories.slack import SlackInstallationRecord

DUE = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)  # a Monday


def start_fake(*, workspaces: int, per_workspace: float) -> tuple[subprocess.Popen[str], str]:
    """The fake Slack API in its own process; returns it and its base URL."""
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "tests.slackfake.server",
            "--workspaces",
            str(workspaces),
            "--per-workspace",
            str(per_workspace),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert process.stdout is not None
    line = process.stdout.readline().split()
    if len(line) != 2 or line[0] != "PORT":
        process.kill()
        raise SystemExit("the fake Slack API did not start")
    return process, f"http://127.0.0.1:{line[1]}/api/"


def stats(base_url: str) -> dict[str, int]:
    """What the fake received so far."""
    with urlopen(base_url.replace("/api/", "/_stats")) as response:
        return dict(json.loads(response.read()))


async def populate(
    database: Database, *, tenants_count: int, members: int, due: datetime = DUE
) -> None:
    """Tenants with people, a Slack installation, known Slack ids and one stand-up each
    (see :func:`populate_tenant`)."""
    for index in range(tenants_count):
        await populate_tenant(database, index=index, members=members, due=due)


async def populate_tenant(
    database: Database, *, index: int, members: int, due: datetime, paused: bool = False
) -> None:
    """Workspace ``index`` (team ``T00000i``, token ``xoxb-i``) with ``members`` people, an
    installation, known Slack ids and a stand-up created the day before that asks them
    every day at ``due`` (UTC, to the minute), ``paused`` or not."""
    created = due - timedelta(days=1)
    slot = (due.strftime("%H:%M"), (due + timedelta(hours=3)).strftime("%H:%M"))
    team = f"T{index:06d}"
    key = TenantKey.parse(f"slack:{team}")
    lines = ["email,name,department,role,timezone,locale"]
    lines += [f"m{j}@t{index}.example,Member {j},marketing,,UTC,en" for j in range(members)]
    await import_file(
        database=database,
        tenant=key,
        kind=FileKind.PEOPLE,
        text="\n".join(lines) + "\n",
        at=created,
    )
    async with database.session() as session:
        tenant = await tenants.ensure_tenant(session, key=key)
        await slack.save_installation(
            session,
            tenant=tenant,
            record=SlackInstallationRecord(bot_token=f"xoxb-{index}", team_id=team),
            cipher=TokenCipher(),  # the benchmark's Tandem runs without TANDEM_SECRET_KEY
        )
        for j in range(members):
            await people.link_identity(
                session,
                tenant=tenant,
                email=f"m{j}@t{index}.example",
                platform="slack",
                platform_user_id=f"U{index:04d}{j:04d}",
            )
        standup_id = await standups.create_standup(
            session,
            tenant=tenant,
            settings=StandupSettings(
                name="Daily",
                member_emails=tuple(f"m{j}@t{index}.example" for j in range(members)),
                questions=(),
                days=tuple(range(7)),
                slots=(slot,),
                timezone="UTC",
                reminders=(),
            ),
            channel=ChannelAddress(id=f"C{index:06d}"),
            owner_email=f"m0@t{index}.example",
            at=created,
        )
        if paused:
            await standups.set_state(session, tenant=tenant, standup_id=standup_id, paused=True)


class Timed:
    """The Slack port, noting when each send completed (benchmark instrumentation)."""

    def __init__(self, port: Any) -> None:
        self._port = port
        self.done: list[float] = []

    def __getattr__(self, name: str) -> Any:
        return getattr(self._port, name)

    async def send(self, **kwargs: Any) -> Any:
        sent = await self._port.send(**kwargs)
        self.done.append(time.perf_counter())
        return sent


async def run(args: argparse.Namespace) -> None:
    process, base_url = start_fake(workspaces=args.tenants, per_workspace=args.per_workspace)
    folder = tempfile.TemporaryDirectory()
    url = args.database_url or f"sqlite:///{Path(folder.name) / 'fanout.db'}"
    settings = Settings(
        TANDEM_DATABASE_URL=url,
        TANDEM_DEMO=False,
        SLACK_CLIENT_ID="1.2",
        SLACK_CLIENT_SECRET="bench",
        SLACK_SIGNING_SECRET="bench",
        SLACK_API_URL=base_url,
    )
    clock = FixedClock(at=DUE - timedelta(minutes=1))
    runtime = build_runtime(settings=settings, clock=clock)
    try:
        await prepare(runtime)
        started = time.perf_counter()
        await populate(runtime.database, tenants_count=args.tenants, members=args.members)
        print(
            f"set-up: {args.tenants} tenants x {args.members} members "
            f"in {time.perf_counter() - started:.1f} s ({runtime.database.describe()})"
        )
        adapter = SlackAdapter(
            settings=settings,
            dispatcher=runtime.dispatcher,
            database=runtime.database,
            clock=clock,
        )
        timed = Timed(adapter.port)
        runtime.ports.add(platform=Platform.SLACK.value, port=timed)
        total = args.tenants * args.members
        allowed = args.tenants * min(args.per_workspace, args.members)  # a DM each: per-channel
        ideal = total / allowed
        before = stats(base_url)

        clock.set(at=DUE)
        started = time.perf_counter()
        cpu = time.process_time()
        tally = await runtime.standup_engine.run_due()
        elapsed = time.perf_counter() - started
        cpu = time.process_time() - cpu
        after = stats(base_url)
        sent = after["posts"] - before["posts"]

        restarted = build_runtime(settings=settings, clock=clock)
        restarted.ports.add(platform=Platform.SLACK.value, port=adapter.port)
        again = await restarted.standup_engine.run_due(catch_up=True)
        await restarted.database.dispose()
        final = stats(base_url)
        await adapter.stop()

        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"limits: {args.per_workspace:g} msg/s per workspace, 1 msg/s per conversation")
        print(f"allowed by the limits: {allowed:,.0f} prompts/s (ideal {ideal:.2f} s)")
        delays = sorted(done - started for done in timed.done)
        if delays:
            p50 = delays[len(delays) // 2]
            p99 = delays[min(len(delays) - 1, int(len(delays) * 0.99))]
            print(f"prompt sent after the due instant: p50 {p50:.2f} s, p99 {p99:.2f} s")
        print(
            f"tandem fan-out: {tally.sent:,} prompts in {elapsed:.2f} s = "
            f"{tally.sent / elapsed:,.0f} prompts/s = {(tally.sent / elapsed) / allowed:.3f} "
            "of allowed (target >= 0.95)"
        )
        per_prompt = cpu / max(tally.sent, 1) * 1000
        print(f"CPU of the Tandem process: {cpu:.1f} s, {per_prompt:.2f} ms a prompt")
        rejected = after["rejected"] - before["rejected"]
        print(f"posts received by the fake: {sent:,}; 429s answered: {rejected:,}")
        print(
            f"duplicates: {max(0, final['most_to_one_channel'] - 1)} "
            f"(most posts to one conversation: {final['most_to_one_channel']}); "
            f"a restarted sweep sent {again.sent}"
        )
        print(f"peak RSS of the Tandem process: {rss:.0f} MiB")
    finally:
        await runtime.database.dispose()
        process.terminate()
        process.wait(timeout=10)
        folder.cleanup()


def main() -> None:
    logging.getLogger("tandem").setLevel(logging.ERROR)  # yesterday's runs were "missed"
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--tenants", type=int, default=100)
    parser.add_argument("--members", type=int, default=100)
    parser.add_argument("--per-workspace", type=float, default=1.0)
    parser.add_argument("--database-url", default=None)
    asyncio.run(run(parser.parse_args()))


if __name__ == "__main__":
    main()
