"""Whether a writer could take a SQLite file's write lock now.

In WAL mode reads go on while another process holds the file's write lock (a
``BEGIN EXCLUSIVE`` left open in the ``sqlite3`` shell, a long import): a read says
nothing of it, while every write waits and then fails. ``/readyz`` asks this instead.
"""

from __future__ import annotations

import asyncio
import sqlite3
from pathlib import Path

from tandem.storage.sqlite_lock import sqlite_path


def write_lock_free(*, path: Path, timeout: float) -> bool:
    """Take the write lock of ``path`` and give it back at once (``BEGIN IMMEDIATE``,
    ``ROLLBACK``), waiting at most ``timeout`` seconds for it; False when it stays taken
    or the file cannot be opened. Nothing is written, and a missing file is not created."""
    try:
        connection = sqlite3.connect(
            f"{path.resolve().as_uri()}?mode=rw", uri=True, timeout=timeout, isolation_level=None
        )
    except sqlite3.Error:
        return False
    try:
        connection.execute("BEGIN IMMEDIATE")
        connection.execute("ROLLBACK")
    except sqlite3.Error:  # "database is locked" once the timeout has passed
        return False
    finally:
        connection.close()
    return True


async def sqlite_writable(*, url: str, wait: float) -> bool:
    """:func:`write_lock_free` for the file of a SQLite URL (waiting ``wait`` seconds),
    off the event loop; True for a database that is not a SQLite file."""
    path = sqlite_path(url=url)
    if path is None:
        return True
    return await asyncio.to_thread(write_lock_free, path=path, timeout=wait)
