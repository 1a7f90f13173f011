"""Several ``tandem serve`` processes on one database, for tests and benchmarks.

    async with start_replicas(count=2, database_url=url, workdir=tmp_path, env=slack) as both:
        await both[0].kill()  # kill -9
        ...
        await both[0].restart()

Each replica is the real ``python -m tandem serve`` on its own free loopback port,
started with :func:`asyncio.create_subprocess_exec` so that the caller's event loop
(which may be serving a ``FakeSlackApi`` the replicas call) keeps running while they
start, serve and stop. Their environment is the caller's less every ``TANDEM_*``,
``SLACK_*`` and ``MICROSOFT_*`` variable, then ``env``; their working directory and
``HOME`` are ``workdir`` (so no ``.env`` of the developer's is read), and each writes
its output to ``workdir/replica-N.log``.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import socket
import sys
import time
from collections.abc import AsyncIterator, Mapping
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from pathlib import Path

import aiohttp

CLEARED = ("TANDEM_", "SLACK_", "MICROSOFT_")
"""Prefixes of the parent's variables a replica does not inherit."""
START_TIMEOUT = 60.0
STOP_TIMEOUT = 20.0


class ReplicaFailed(RuntimeError):
    """A replica did not become healthy (or died starting); the message ends with its log."""


def free_port() -> int:
    """A loopback port nothing listens on right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def replica_environment(
    *, database_url: str, port: int, home: Path, env: Mapping[str, str] | None
) -> dict[str, str]:
    """The parent's environment without Tandem's and the platforms' settings, then ``env``.

    The database and the port are the launcher's, whatever ``env`` says.
    """
    values = {k: v for k, v in os.environ.items() if not k.startswith(CLEARED)}
    values.update(HOME=str(home), TANDEM_HOST="127.0.0.1")
    values.update(env or {})
    values.update(TANDEM_DATABASE_URL=database_url, TANDEM_PORT=str(port))
    return values


@dataclass
class Replica:
    """One ``tandem serve`` process, and how to stop, kill and restart it."""

    name: str
    port: int
    log: Path
    environment: dict[str, str] = field(repr=False)
    workdir: Path = field(repr=False)
    process: asyncio.subprocess.Process | None = field(default=None, repr=False)

    @property
    def base(self) -> str:
        """The replica's URL, ``http://127.0.0.1:PORT``."""
        return f"http://127.0.0.1:{self.port}"

    @property
    def alive(self) -> bool:
        """Whether its process is running (started and not yet exited)."""
        return self.process is not None and self.process.returncode is None

    @property
    def pid(self) -> int | None:
        """The process id of the running process, if any."""
        return self.process.pid if self.alive and self.process is not None else None

    def log_text(self) -> str:
        """Everything the replica wrote so far, across restarts."""
        return self.log.read_text(errors="replace") if self.log.exists() else ""

    async def start(self, *, within: float = START_TIMEOUT) -> None:
        """Start the process (appending to its log) and wait until ``/healthz`` answers 200.

        Raises:
            ReplicaFailed: it exited, or was not healthy within ``within`` seconds
                (it is then killed); the message ends with the log's tail.
        """
        if self.alive:
            raise RuntimeError(f"{self.name} is already running")
        with self.log.open("a") as sink:
            sink.write(f"--- {self.name} starting on port {self.port}\n")
            sink.flush()
            self.process = await asyncio.create_subprocess_exec(
                sys.executable,
                "-m",
                "tandem",
                "serve",
                env=self.environment,
                cwd=self.workdir,
                stdin=asyncio.subprocess.DEVNULL,
                stdout=sink,
                stderr=asyncio.subprocess.STDOUT,
            )
        try:
            await self._healthy(within=within)
        except ReplicaFailed:
            await self.kill()
            raise

    async def _healthy(self, *, within: float) -> None:
        deadline = time.monotonic() + within
        probe = aiohttp.ClientTimeout(total=2)
        async with aiohttp.ClientSession(timeout=probe) as http:
            while time.monotonic() < deadline:
                if not self.alive:
                    raise ReplicaFailed(self._failure("exited while starting"))
                with contextlib.suppress(aiohttp.ClientError, TimeoutError):
                    async with http.get(f"{self.base}/healthz") as response:
                        if response.status == 200:
                            return
                await asyncio.sleep(0.1)
        raise ReplicaFailed(self._failure(f"not healthy after {within:g} s"))

    def _failure(self, what: str) -> str:
        code = self.process.returncode if self.process is not None else None
        tail = "\n".join(self.log_text().splitlines()[-40:])
        return f"{self.name} (port {self.port}, exit code {code}) {what}; its log ends:\n{tail}"

    async def kill(self) -> None:
        """``kill -9``: no shutdown, nothing released; waits until it is gone."""
        if self.process is None:
            return
        if self.process.returncode is None:
            with contextlib.suppress(ProcessLookupError):
                self.process.kill()
        await self.process.wait()

    async def terminate(self, *, within: float = STOP_TIMEOUT) -> int:
        """SIGTERM, as an orchestrator stops a container; SIGKILL if still running after
        ``within`` seconds.

        Returns:
            The exit code (negative: the signal that ended it, ``-9`` when it was killed).
        """
        if self.process is None:
            raise RuntimeError(f"{self.name} was never started")
        if self.process.returncode is None:
            with contextlib.suppress(ProcessLookupError):
                self.process.terminate()
            try:
                await asyncio.wait_for(self.process.wait(), within)
            except TimeoutError:
                await self.kill()
        return await self.process.wait()

    async def restart(self, *, within: float = START_TIMEOUT) -> None:
        """Start it again on the same port (stopping it first if it still runs)."""
        if self.alive:
            await self.terminate()
        await self.start(within=within)


@asynccontextmanager
async def start_replicas(
    *,
    count: int,
    database_url: str,
    workdir: Path,
    env: Mapping[str, str] | None = None,
    start_within: float = START_TIMEOUT,
) -> AsyncIterator[list[Replica]]:
    """``count`` healthy ``tandem serve`` processes on ``database_url``, stopped at exit.

    The first one starts alone (it migrates the database, which replicas starting
    together on a fresh PostgreSQL database could race on), then the others together.
    At exit each gets SIGTERM, and SIGKILL if it has not stopped within 20 s.

    Args:
        count: how many replicas (1 for SQLite, which is single-process).
        database_url: ``TANDEM_DATABASE_URL`` of every replica.
        workdir: their working directory and ``HOME``, where ``replica-N.log`` are written.
        env: variables set on top of the cleaned environment (Slack settings,
            ``TANDEM_DEMO``…).
        start_within: seconds each may take to answer ``/healthz``.

    Raises:
        ReplicaFailed: one did not become healthy in time (all are stopped).
    """
    if count < 1:
        raise ValueError("count must be at least 1")
    await asyncio.to_thread(workdir.mkdir, parents=True, exist_ok=True)
    replicas: list[Replica] = []
    for index in range(count):
        port = free_port()
        replicas.append(
            Replica(
                name=f"replica-{index}",
                port=port,
                log=workdir / f"replica-{index}.log",
                environment=replica_environment(
                    database_url=database_url, port=port, home=workdir, env=env
                ),
                workdir=workdir,
            )
        )
    try:
        await replicas[0].start(within=start_within)
        started = await asyncio.gather(
            *(replica.start(within=start_within) for replica in replicas[1:]),
            return_exceptions=True,
        )
        for outcome in started:
            if isinstance(outcome, BaseException):
                raise outcome
        yield replicas
    finally:
        await asyncio.gather(
            *(replica.terminate() for replica in replicas if replica.process is not None),
            return_exceptions=True,
        )
