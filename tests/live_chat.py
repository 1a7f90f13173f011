"""``tandem chat`` as a real process kept open: lines typed one at a time, what it prints
read as it comes, so that several people's chats can run at once on one database."""

from __future__ import annotations

import subprocess
import sys
import threading
import time
from datetime import UTC, datetime
from pathlib import Path

TANDEM = [sys.executable, "-m", "tandem"]


class LiveChat:
    """One person's open chat."""

    def __init__(
        self,
        *,
        email: str,
        env: dict[str, str],
        tenant: str,
        files: Path | None = None,
        at: datetime | None = None,
    ) -> None:
        """With ``at``, the chat's clock starts at that instant (libfaketime's
        ``faketime``) and runs on from there."""
        args = [*TANDEM, "chat", "--as", email, "--tenant", tenant]
        if files is not None:
            args += ["--files", str(files)]
        if at is not None:
            args = ["faketime", f"{at.astimezone(UTC):%Y-%m-%d %H:%M:%S}", *args]
            # The instant above is read in the process's zone; a libfaketime the test run
            # itself is under (CI's faked instants) is not passed on: this one decides.
            env = {k: v for k, v in env.items() if not _faked(k, v)} | {"TZ": "UTC"}
        self.email = email
        self._env = env
        self._process = subprocess.Popen(
            args,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            encoding="utf-8",
            env=env,
        )
        self._out: list[str] = []
        self._err: list[str] = []
        self._lock = threading.Lock()
        self._readers = [
            threading.Thread(target=self._pump, args=(stream, into), daemon=True)
            for stream, into in (
                (self._process.stdout, self._out),
                (self._process.stderr, self._err),
            )
        ]
        for reader in self._readers:
            reader.start()

    def _pump(self, stream: object, into: list[str]) -> None:
        assert hasattr(stream, "readline")
        for line in iter(stream.readline, ""):
            with self._lock:
                into.append(line)

    @property
    def out(self) -> str:
        """Everything printed so far."""
        with self._lock:
            return "".join(self._out)

    @property
    def err(self) -> str:
        """Everything written to stderr so far (the terminal shows it too)."""
        with self._lock:
            return "".join(self._err)

    def type(self, *lines: str) -> None:
        """Type ``lines``, each followed by Enter."""
        assert self._process.stdin is not None
        self._process.stdin.write("".join(f"{line}\n" for line in lines))
        self._process.stdin.flush()

    def wait_for(self, text: str, *, after: int = 0, timeout: float = 30) -> str:
        """Wait until ``text`` is printed (past character ``after``); what was printed from
        ``after`` on. Fails with what was printed when it does not come in time."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            out = self.out
            if text in out[after:]:
                return out[after:]
            if self._process.poll() is not None and text not in self.out[after:]:
                break
            time.sleep(0.05)
        with self._lock:
            err = "".join(self._err)
        raise AssertionError(f"{self.email} never read {text!r}:\n{self.out[after:]}\n{err}")

    def close(self, *, timeout: float = 30) -> str:
        """End the input, wait for the chat to end; everything it printed."""
        assert self._process.stdin is not None
        self._process.stdin.close()
        code = self._process.wait(timeout=timeout)
        for reader in self._readers:
            reader.join(timeout=5)
        with self._lock:
            err = "".join(self._err)
        assert code == 0, err
        assert "Traceback" not in self.out + err, err
        state = self._env.get("XDG_STATE_HOME")
        log = Path(state) / "tandem" / "chat.log" if state else None
        logged = log.read_text("utf-8") if log is not None and log.exists() else ""
        assert "Traceback" not in logged, logged  # the chat's log goes to a file
        return self.out

    def kill(self) -> None:
        """Stop it whatever it is doing (a test that failed)."""
        if self._process.poll() is None:
            self._process.kill()
            self._process.wait(timeout=10)


def _faked(name: str, value: str) -> bool:
    """Whether an environment variable belongs to a libfaketime already in force."""
    return name.startswith("FAKETIME") or (name == "LD_PRELOAD" and "faketime" in value)
