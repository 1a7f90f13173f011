"""SQLite serves one process: a second ``tandem serve`` on the same file is refused.

The lock is an advisory ``flock`` on a file beside the database, held for the life of
the server and released by the system whatever way the process ends (even ``kill -9``).
Commands such as ``tandem chat`` or ``tandem import`` do not take it.
"""

from __future__ import annotations

import fcntl
import os
from pathlib import Path

from sqlalchemy.engine import make_url


class AlreadyServing(Exception):
    """Another process serves this SQLite file."""


def sqlite_path(*, url: str) -> Path | None:
    """The file of a SQLite URL, or None (PostgreSQL, in-memory)."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or not parsed.database:
        return None
    if parsed.database == ":memory:":
        return None
    return Path(parsed.database).expanduser()


def hold_serving_lock(*, url: str) -> int | None:
    """Take the serving lock of a SQLite database; returns its descriptor (keep it open
    while serving), or None for a database that needs none.

    Raises:
        AlreadyServing: another process holds it.
    """
    path = sqlite_path(url=url)
    if path is None:
        return None
    path.parent.mkdir(parents=True, exist_ok=True)
    lock = Path(f"{path}.serve.lock")
    descriptor = os.open(lock, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        os.close(descriptor)
        raise AlreadyServing(str(path)) from None
    os.ftruncate(descriptor, 0)
    os.write(descriptor, f"{os.getpid()}\n".encode())
    return descriptor
