"""Blocker escalation at scale: one sweep and one PM digest over 50,000 open blockers.

    .venv/bin/python -m benchmarks.escalation [--tenants 100] [--blockers 500]
        [--due-share 0.1] [--database-url URL]

Builds ``tenants`` tenants of the demo organisation, each with ``blockers`` open
blockers (raised over the last 30 days, routed, half acknowledged, at every level)
and 100 resolved ones. A share of the open ones (``--due-share``) has its next
step due at the sweep's instant; the others are due later. Sends go to a port
that only counts them, so the figures are Tandem's own: planning, claiming the
delivery rows, recording the climbs.

Prints, each against its baseline measured in the same run:

- the sweep with steps due, against the same sweep when nothing is due (visiting
  every tenant: its people, topics and PMs);
- a second sweep at the same instant (must send nothing: every step went out once);
- building one PM digest (p50/p99 over repeated builds) against reading the
  tenant's open blockers alone;
- the query plans of the sweep's and the digest's blocker reads, which must use
  the blocker indexes (PostgreSQL: ``EXPLAIN``; SQLite: ``EXPLAIN QUERY PLAN``);
- peak RSS.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import resource
import statistics
import tempfile
import time
from collections.abc import Awaitable, Callable, Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import event, insert, text

from tandem import demo
from tandem.bot.cards import Reply
from tandem.bot.clock import FixedClock
from tandem.bot.port import Profile
from tandem.bot.settings import Settings
from tandem.bot.types import ConversationRef, MessageRef, Platform, TenantKey, User
from tandem.rituals.blockers.policy import EscalationPolicy
from tandem.runtime import Runtime, build_runtime, prepare
from tandem.storage.models import Blocker
from tandem.storage.orgfiles.service import FileKind, import_file
from tandem.storage.records import TenantRef
from tandem.storage.repositories import blockers, raci, tenants

SWEEP_AT = datetime(2026, 11, 24, 12, 0, tzinfo=UTC)  # a Tuesday: no digest is due
INDEXES = ("ix_blocker_tenant_status_check", "ix_blocker_tenant_resolved")


class CountingPort:
    """A platform that takes every message at once and counts it."""

    def __init__(self) -> None:
        self.sent = 0

    async def send(self, *, conversation: ConversationRef, reply: Reply) -> MessageRef:
        self.sent += 1
        return MessageRef(conversation=conversation, id=str(self.sent))

    async def update(self, *, message: MessageRef, reply: Reply) -> None:
        return None

    async def open_dm(self, *, user: User) -> ConversationRef:
        return ConversationRef(tenant=user.tenant, id=f"dm:{user.platform_user_id}")

    async def invite(self, *, conversation: ConversationRef, users: Sequence[User]) -> bool:
        return False

    async def profile(self, *, user: User) -> Profile:
        return Profile(email=user.email, name=user.display_name, timezone=None, locale=None)

    async def find_user(self, *, tenant: TenantKey, email: str) -> User | None:
        return User(tenant=tenant, platform_user_id=email, email=email)

    async def members(self, *, conversation: ConversationRef) -> list[User] | None:
        return None


async def populate(
    runtime: Runtime, *, tenants_count: int, per_tenant: int, due_share: float
) -> list[TenantRef]:
    """Tenants of the demo organisation with open and resolved blockers, in bulk."""
    rng = random.Random(7)
    policy = EscalationPolicy().as_dict()
    refs = []
    for number in range(tenants_count):
        key = TenantKey.parse(f"bench{number:03d}")
        for kind in (FileKind.PEOPLE, FileKind.RACI):
            await import_file(
                database=runtime.database, tenant=key, kind=kind, text=demo.read(kind), at=SWEEP_AT
            )
        async with runtime.database.session() as session:
            tenant = await tenants.find_tenant(session, key=key)
            assert tenant is not None
            topics = await raci.export_topics(session, tenant=tenant)
        refs.append(tenant)
        rows: list[dict[str, Any]] = []
        for index in range(per_tenant + 100):
            topic = rng.choice(topics)
            raised = SWEEP_AT - timedelta(minutes=rng.randint(60, 30 * 24 * 60))
            resolved = index >= per_tenant
            due = not resolved and rng.random() < due_share
            rows.append(
                {
                    "tenant_id": tenant.id,
                    "text": f"blocked on {topic.title.lower()} ({index})",
                    "reporter_email": "baptiste.leroy@lumen.example",
                    "source": "command",
                    "topic_slug": topic.slug,
                    "status": "resolved" if resolved else "open",
                    "created_at": raised,
                    "owner_email": topic.responsible[0] if topic.responsible else None,
                    "routing": 1,
                    "routed_at": raised,
                    "acknowledged_at": raised if rng.random() < 0.5 else None,
                    "resolved_at": (
                        raised + timedelta(hours=rng.randint(1, 200)) if resolved else None
                    ),
                    "resolved_by": topic.responsible[0] if resolved and topic.responsible else None,
                    "resolution": "",
                    "level": rng.choice((0, 1, 2)),
                    "declined_by": [],
                    "policy": policy,
                    "next_check_at": (
                        None
                        if resolved
                        else SWEEP_AT - timedelta(minutes=rng.randint(0, 59))
                        if due
                        else SWEEP_AT + timedelta(hours=rng.randint(1, 72))
                    ),
                }
            )
        async with runtime.database.session() as session:
            connection = await session.connection()
            await connection.execute(insert(Blocker), rows)
    if not runtime.database.is_sqlite:
        async with runtime.database.session() as session:
            await session.exec(text("ANALYZE blocker"))  # type: ignore[call-overload]
    return refs


def percentile(values: Sequence[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * share))]


async def timed(work: Callable[[], Awaitable[Any]], *, runs: int) -> list[float]:
    found = []
    for _ in range(runs):
        started = time.perf_counter()
        await work()
        found.append((time.perf_counter() - started) * 1000)
    return found


async def query_plans(runtime: Runtime, tenant: TenantRef) -> list[tuple[str, str, bool]]:
    """The plan of each blocker read the sweep and the digest make, and whether it uses
    a blocker index."""
    captured: list[tuple[str, Any]] = []
    engine = runtime.database.engine.sync_engine

    def capture(_conn: Any, _cursor: Any, statement: str, parameters: Any, *_: Any) -> None:
        if statement.lstrip().upper().startswith("SELECT") and "FROM blocker" in statement:
            captured.append((statement, parameters))

    event.listen(engine, "before_cursor_execute", capture)
    try:
        async with runtime.database.session() as session:
            await blockers.due_blockers(session, tenant=tenant, at=SWEEP_AT)
            await blockers.list_blockers(session, tenant=tenant, status="open")
            await blockers.list_blockers(
                session,
                tenant=tenant,
                status="resolved",
                resolved_since=SWEEP_AT - timedelta(days=30),
            )
    finally:
        event.remove(engine, "before_cursor_execute", capture)
    names = ("due_blockers (sweep)", "open blockers (digest)", "resolved since (digest)")
    plans = []
    async with runtime.database.session() as session:
        connection = await session.connection()
        for name, (statement, parameters) in zip(names, captured, strict=True):
            prefix = "EXPLAIN QUERY PLAN " if runtime.database.is_sqlite else "EXPLAIN "
            result = await connection.exec_driver_sql(prefix + statement, parameters)
            lines = [" ".join(str(c) for c in row) for row in result.all()]
            plan = " | ".join(lines)
            plans.append((name, plan, any(index in plan for index in INDEXES)))
    return plans


async def run(args: argparse.Namespace) -> None:
    folder = tempfile.TemporaryDirectory()
    url = args.database_url or f"sqlite:///{Path(folder.name) / 'escalation.db'}"
    settings = Settings(TANDEM_DATABASE_URL=url, TANDEM_DEMO=False)
    clock = FixedClock(at=SWEEP_AT)
    runtime = build_runtime(settings=settings, clock=clock)
    port = CountingPort()
    runtime.ports.add(platform=Platform.LOCAL.value, port=port)
    engine = runtime.blocker_engine
    try:
        await prepare(runtime)
        started = time.perf_counter()
        refs = await populate(
            runtime,
            tenants_count=args.tenants,
            per_tenant=args.blockers,
            due_share=args.due_share,
        )
        print(
            f"set-up: {args.tenants} tenants x {args.blockers} open blockers (+100 resolved "
            f"each) in {time.perf_counter() - started:.1f} s ({runtime.database.describe()})"
        )

        clock.set(at=SWEEP_AT - timedelta(hours=2))  # nothing due yet: the baseline
        started = time.perf_counter()
        idle = await engine.run_due()
        baseline = time.perf_counter() - started
        assert idle.sent == 0, idle

        clock.set(at=SWEEP_AT)
        async with runtime.database.session() as session:
            due = sum(
                [len(await blockers.due_blockers(session, tenant=ref, at=SWEEP_AT)) for ref in refs]
            )
        started = time.perf_counter()
        cpu = time.process_time()
        tally = await engine.run_due()
        elapsed = time.perf_counter() - started
        cpu = time.process_time() - cpu
        started = time.perf_counter()
        again = await engine.run_due()
        second = time.perf_counter() - started
        print(f"baseline, a sweep with nothing due: {baseline * 1000:,.0f} ms")
        print(
            f"a sweep with {due:,} blockers due: {elapsed * 1000:,.0f} ms "
            f"(x{elapsed / baseline:.1f} the baseline), {tally.sent:,} steps sent, "
            f"{elapsed / max(due, 1) * 1000:.2f} ms and {cpu / max(due, 1) * 1000:.2f} ms CPU "
            "a blocker"
        )
        print(
            f"the same sweep again: {second * 1000:,.0f} ms, {again.sent} sent "
            f"(must be 0), {port.sent:,} messages in all"
        )

        tenant = refs[0]
        org = await runtime.blockers.org(tenant=tenant)
        pm = org.pms[0]

        async def read_open() -> None:
            async with runtime.database.session() as session:
                await blockers.list_blockers(session, tenant=tenant, status="open")

        async def build_digest() -> None:
            await engine.digest_for(tenant=tenant, org=org, pm=pm)

        reads = await timed(read_open, runs=args.runs)
        digests = await timed(build_digest, runs=args.runs)
        print(
            f"baseline, reading one tenant's {args.blockers} open blockers: "
            f"p50 {statistics.median(reads):.1f} ms, p99 {percentile(reads, 0.99):.1f} ms"
        )
        print(
            f"one PM digest ({args.blockers} open, 100 resolved): "
            f"p50 {statistics.median(digests):.1f} ms, p99 {percentile(digests, 0.99):.1f} ms "
            f"(x{statistics.median(digests) / statistics.median(reads):.1f} the baseline)"
        )
        for name, plan, indexed in await query_plans(runtime, tenant):
            verdict = "uses a blocker index" if indexed else "DOES NOT use a blocker index"
            print(f"plan of {name}: {verdict}\n    {plan[:300]}")
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"peak RSS: {rss:.0f} MiB")
    finally:
        await runtime.database.dispose()
        folder.cleanup()


def main() -> None:
    """Parse the options and run."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--tenants", type=int, default=100)
    parser.add_argument("--blockers", type=int, default=500)
    parser.add_argument("--due-share", type=float, default=0.1)
    parser.add_argument("--runs", type=int, default=50)
    parser.add_argument("--database-url", default=None)
    asyncio.run(run(parser.parse_args()))


if __name__ == "__main__":
    main()
