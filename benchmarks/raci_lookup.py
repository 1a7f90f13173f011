"""How fast ``/who-owns`` resolves a topic among 1,000 (run by hand, prints figures).

    .venv/bin/python -m benchmarks.raci_lookup [--queries 5000]

Builds one tenant with 1,000 topics of 8 aliases each (seeded, so every run
sees the same data), then times:

* matching only (``TopicMatcher.match``) against a bare dictionary look-up of
  the exact slug, the floor any matcher sits on;
* the whole ``/who-owns`` through the dispatcher on SQLite (actor resolution,
  matching, loading the topic and its people, building the card) against a
  bare command registered in the same dispatcher that answers at once.

Prints p50/p99 in microseconds, the ratios, and peak memory of the index.
The target for matching is p99 under 1 ms.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import statistics
import string
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from tandem.bot.cards import Reply
from tandem.bot.dispatcher import CommandContext, CommandSpec
from tandem.bot.settings import Settings
from tandem.bot.types import ConversationRef, MessageReceived, TenantKey, User
from tandem.rituals.common.topic_match import TopicMatcher
from tandem.runtime import build_runtime, prepare
from tandem.storage.orgfiles.service import FileKind, import_file
from tandem.storage.records import TopicKeys

TOPICS = 1_000
ALIASES = 8
PEOPLE = 60


def _word(rng: random.Random) -> str:
    return "".join(rng.choice(string.ascii_lowercase) for _ in range(rng.randint(4, 10)))


def make_topics(rng: random.Random) -> list[TopicKeys]:
    vocabulary = sorted({_word(rng) for _ in range(3_000)})
    topics: list[TopicKeys] = []
    seen: set[str] = set()
    while len(topics) < TOPICS:
        words = rng.sample(vocabulary, 2)
        slug = "-".join(words)
        if slug in seen:
            continue
        aliases: list[str] = []
        while len(aliases) < ALIASES:
            alias = " ".join(rng.sample(vocabulary, rng.randint(1, 3)))
            if alias not in seen:
                seen.add(alias)
                aliases.append(alias)
        seen.add(slug)
        topics.append(TopicKeys(slug=slug, title=" ".join(words).title(), aliases=tuple(aliases)))
    return topics


def _typo(rng: random.Random, text: str) -> str:
    i = rng.randrange(len(text) - 1)
    return text[:i] + text[i + 1] + text[i] + text[i + 2 :]


def make_queries(rng: random.Random, topics: list[TopicKeys], count: int) -> list[str]:
    queries = []
    for n in range(count):
        topic = rng.choice(topics)
        kind = n % 10
        if kind < 3:
            queries.append(topic.slug)
        elif kind < 5:
            queries.append(rng.choice(topic.aliases).upper())
        elif kind < 8:
            queries.append(_typo(rng, rng.choice(topic.aliases)))
        elif kind < 9:
            queries.append(f"who owns the {rng.choice(topic.aliases)} please")
        else:
            queries.append(f"{_word(rng)} {_word(rng)}")
    return queries


def percentiles(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    p99 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))]
    return statistics.median(ordered), p99


def time_each(function: Callable[[str], object], queries: list[str]) -> list[float]:
    samples = []
    for query in queries:
        start = time.perf_counter_ns()
        function(query)
        samples.append((time.perf_counter_ns() - start) / 1_000)
    return samples


def report(name: str, samples: list[float], baseline: list[float]) -> None:
    p50, p99 = percentiles(samples)
    b50, b99 = percentiles(baseline)
    print(
        f"{name:<44} p50 {p50:9.1f} µs   p99 {p99:9.1f} µs   "
        f"×{p50 / b50:7.1f} p50  ×{p99 / b99:7.1f} p99 (vs baseline)"
    )


def bench_matching(topics: list[TopicKeys], queries: list[str]) -> None:
    tracemalloc.start()
    built = time.perf_counter()
    matcher = TopicMatcher(topics=topics)
    built = time.perf_counter() - built
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    exact = {t.slug: t for t in topics}
    time_each(matcher.match, queries[:500])  # warm-up
    baseline = time_each(exact.get, queries)
    samples = time_each(matcher.match, queries)
    hits = sum(matcher.match(q).slug is not None for q in queries)
    print(
        f"index: {TOPICS} topics, {TOPICS * (ALIASES + 2)} names, built in {built * 1000:.1f} ms, "
        f"peak {peak / 1_048_576:.1f} MiB"
    )
    print(f"matched confidently: {hits}/{len(queries)} queries")
    print(
        f"{'baseline: dict.get(slug)':<44} p50 {percentiles(baseline)[0]:9.1f} µs   "
        f"p99 {percentiles(baseline)[1]:9.1f} µs"
    )
    report("matching (TopicMatcher.match)", samples, baseline)
    p99 = percentiles(samples)[1]
    print(f"target p99 < 1000 µs for matching: {'met' if p99 < 1000 else 'NOT met'} ({p99:.0f} µs)")


async def bench_dispatcher(topics: list[TopicKeys], queries: list[str], folder: Path) -> None:
    rng = random.Random(7)
    emails = [f"person{n}@bench.example" for n in range(PEOPLE)]
    people = "email,name,department,role,timezone,locale\n" + "".join(
        f"{e},Person {n},it,Engineer,Europe/Paris,{'fr' if n % 2 else 'en'}\n"
        for n, e in enumerate(emails)
    )
    raci = "topic,title,aliases,responsible,accountable,consulted,informed,description\n" + "".join(
        f"{t.slug},{t.title},{';'.join(t.aliases)},{rng.choice(emails)},{rng.choice(emails)},"
        f"{rng.choice(emails)},{rng.choice(emails)},Synthetic topic\n"
        for t in topics
    )
    settings = Settings(TANDEM_DATABASE_URL=f"sqlite:///{folder / 'bench.db'}", TANDEM_DEMO=False)
    runtime = build_runtime(settings=settings)

    async def bare(_ctx: CommandContext) -> Reply:
        return Reply(text="ok")

    runtime.dispatcher.add_command(CommandSpec(name="bare", handler=bare))
    await prepare(runtime)
    tenant = TenantKey.parse("bench")
    now = datetime.now(UTC)
    await import_file(
        database=runtime.database, tenant=tenant, kind=FileKind.PEOPLE, text=people, at=now
    )
    await import_file(
        database=runtime.database, tenant=tenant, kind=FileKind.RACI, text=raci, at=now
    )
    user = User(tenant=tenant, platform_user_id="U1", email=emails[1])
    conversation = ConversationRef(tenant=tenant, id="dm")

    async def run(texts: list[str]) -> list[float]:
        samples = []
        for text in texts:
            start = time.perf_counter_ns()
            await runtime.dispatcher.handle(
                MessageReceived(user=user, conversation=conversation, text=text)
            )
            samples.append((time.perf_counter_ns() - start) / 1_000)
        return samples

    subset = queries[:1_000]
    await run([f"/who-owns {q}" for q in subset[:100]])  # warm-up, builds the index
    baseline = await run([f"/bare {q}" for q in subset])
    samples = await run([f"/who-owns {q}" for q in subset])
    print(
        f"{'baseline: bare command via dispatcher':<44} p50 {percentiles(baseline)[0]:9.1f} µs   "
        f"p99 {percentiles(baseline)[1]:9.1f} µs"
    )
    report("/who-owns via dispatcher (SQLite)", samples, baseline)
    await runtime.database.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--queries", type=int, default=5_000)
    args = parser.parse_args()
    rng = random.Random(42)
    topics = make_topics(rng)
    queries = make_queries(rng, topics, args.queries)
    print(
        f"Tandem RACI look-up benchmark: {TOPICS} topics × {ALIASES} aliases, "
        f"{len(queries)} queries"
    )
    bench_matching(topics, queries)
    with tempfile.TemporaryDirectory() as folder:
        asyncio.run(bench_dispatcher(topics, queries, Path(folder)))


if __name__ == "__main__":
    main()
