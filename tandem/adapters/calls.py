"""What an adapter tells about its calls to the platform: rate limits and retries.

Adapters take an optional :class:`CallObserver` (``tandem.ops.metrics`` counts them);
without one they are silent.
"""

from __future__ import annotations

from typing import Protocol


class CallObserver(Protocol):
    """Told of a platform's 429s and of every call tried again."""

    def rate_limited(self) -> None:
        """The platform answered 429 (Too Many Requests)."""
        ...

    def retried(self, *, reason: str) -> None:
        """A call is tried again because of ``reason``: ``rate_limited``, ``server_error``,
        ``conflict`` or ``connection``."""
        ...


def retry_reason(status: int | None) -> str:
    """The reason a call with this HTTP status (None: no answer) is tried again."""
    if status is None:
        return "connection"
    if status == 429:
        return "rate_limited"
    if status == 412:
        return "conflict"
    return "server_error" if status >= 500 else "other"
