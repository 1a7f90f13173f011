"""How long a light ``tandem`` command takes from start to exit (run by hand).

    .venv/bin/python -m benchmarks.startup [--runs 15]

Times ``tandem who-owns dns --json`` (on a SQLite file already migrated, with the demo
organisation imported by a first untimed run) against ``python -c "import aiohttp"``,
the floor of any Tandem process (the web stack it is built on), alternating the two so
that both meet the same noise. Prints p50/p99 of each and the ratio of the medians;
the target is at most 2.5. Also prints which heavy libraries the command loaded (it
needs none of Alembic, botbuilder, slack-bolt, icalendar, APScheduler).

Exits 1 if a command failed (then no figure is printed for it).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

TARGET = 2.5
HEAVY = ("alembic", "botbuilder", "slack_bolt", "slack_sdk", "icalendar", "apscheduler")


def timed(command: list[str], *, env: dict[str, str]) -> float:
    started = time.perf_counter()
    done = subprocess.run(command, env=env, capture_output=True, check=False)
    took = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed: {done.stderr.decode()[-2000:]}")
    return took


def percentile(samples: list[float], share: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="tandem-startup-"))
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TANDEM_", "SLACK_"))}
    env.update(TANDEM_DATABASE_URL=f"sqlite:///{folder / 'tandem.db'}", HOME=str(folder))
    tandem = [sys.executable, "-m", "tandem", "who-owns", "dns", "--json"]
    bare = [sys.executable, "-c", "import aiohttp"]
    timed(tandem, env=env)  # migrates and imports the demo: not timed

    loaded = subprocess.run(
        [sys.executable, "-X", "importtime", *tandem[1:]],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stderr
    modules = {line.split("|")[-1].strip().split(".")[0] for line in loaded.splitlines()}
    heavy = [name for name in HEAVY if name in modules]

    ours: list[float] = []
    floor: list[float] = []
    for _ in range(args.runs):
        floor.append(timed(bare, env=env))
        ours.append(timed(tandem, env=env))
    load = os.getloadavg()[0]
    print(f"{args.runs} runs each, alternating; load average {load:.2f}")
    for label, samples in (("python -c 'import aiohttp'", floor), ("tandem who-owns --json", ours)):
        print(
            f"{label:<28} p50 {statistics.median(samples) * 1000:6.0f} ms   "
            f"p99 {percentile(samples, 0.99) * 1000:6.0f} ms"
        )
    ratio = statistics.median(ours) / statistics.median(floor)
    verdict = "met" if ratio <= TARGET else "NOT met"
    print(f"ratio of medians: {ratio:.2f} (target <= {TARGET}: {verdict})")
    print("heavy libraries loaded by who-owns: " + (", ".join(heavy) or "none"))


if __name__ == "__main__":
    main()
