"""Prometheus metrics of one Tandem process, in a registry this object owns.

Nothing is global: :class:`Metrics` is built with the runtime and handed to what it
counts as plain callables (the dispatcher's observer, the deliveries' outcome hook,
each adapter's call observer), so the neutral core never imports prometheus_client.
"""

from __future__ import annotations

from prometheus_client import (
    CONTENT_TYPE_LATEST,
    CollectorRegistry,
    Counter,
    GCCollector,
    Histogram,
    PlatformCollector,
    ProcessCollector,
    generate_latest,
)

from tandem.bot.dispatcher import Handled

CONTENT_TYPE = CONTENT_TYPE_LATEST
"""The text exposition format's content type, for ``GET /metrics``."""

LATENCY_BUCKETS = (0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0)


def outcome_of(status: int) -> str:
    """``ok`` below 400, ``rejected`` for 4xx, ``error`` for 5xx."""
    if status >= 500:
        return "error"
    if status >= 400:
        return "rejected"
    return "ok"


class PlatformCalls:
    """Counts one platform's rate limits and retries; what an adapter is given to observe
    its calls (see :class:`tandem.adapters.calls.CallObserver`)."""

    def __init__(self, *, metrics: Metrics, platform: str) -> None:
        self._metrics = metrics
        self._platform = platform

    def rate_limited(self) -> None:
        """The platform answered 429."""
        self._metrics.rate_limited.labels(platform=self._platform).inc()

    def retried(self, *, reason: str) -> None:
        """A call is tried again (``rate_limited``, ``server_error``, ``connection``…)."""
        self._metrics.retries.labels(platform=self._platform, reason=reason).inc()


class Metrics:
    """Every metric Tandem exposes, registered in :attr:`registry` (never the default one)."""

    def __init__(self, *, process: bool = True) -> None:
        """``process`` adds the process collectors (CPU, memory, file descriptors, GC)."""
        self.registry = CollectorRegistry(auto_describe=True)
        if process:
            ProcessCollector(registry=self.registry)
            PlatformCollector(registry=self.registry)
            GCCollector(registry=self.registry)
        self.requests = Counter(
            "tandem_http_requests",
            "HTTP requests received, by platform (slack, teams, other) and outcome "
            "(ok, rejected: 4xx, error: 5xx).",
            ("platform", "outcome"),
            registry=self.registry,
        )
        self.command_seconds = Histogram(
            "tandem_command_duration_seconds",
            "Time the dispatcher took to answer, by command or action family.",
            ("command",),
            buckets=LATENCY_BUCKETS,
            registry=self.registry,
        )
        self.command_failures = Counter(
            "tandem_command_failures",
            "Commands and actions whose handler failed (the user read an apology).",
            ("command",),
            registry=self.registry,
        )
        self.scheduled = Counter(
            "tandem_scheduled_sends",
            "Scheduled sends by ritual family and outcome (sent, empty, retry, failed, skipped).",
            ("family", "outcome"),
            registry=self.registry,
        )
        self.retries = Counter(
            "tandem_platform_retries",
            "Calls to a platform's API tried again, by platform and reason.",
            ("platform", "reason"),
            registry=self.registry,
        )
        self.rate_limited = Counter(
            "tandem_platform_rate_limited",
            "429 answers received from a platform's API.",
            ("platform",),
            registry=self.registry,
        )

    def request(self, *, platform: str, status: int) -> None:
        """Count one HTTP request answered with ``status``."""
        self.requests.labels(platform=platform, outcome=outcome_of(status)).inc()

    def command_handled(self, handled: Handled) -> None:
        """The dispatcher's observer: one event answered."""
        self.command_seconds.labels(command=handled.name).observe(handled.seconds)
        if handled.failed:
            self.command_failures.labels(command=handled.name).inc()

    def scheduled_send(self, family: str, outcome: str) -> None:
        """The deliveries' outcome hook: one scheduled send settled (or put off)."""
        self.scheduled.labels(family=family, outcome=outcome).inc()

    def platform(self, *, name: str) -> PlatformCalls:
        """The call observer to give the ``name`` adapter (``slack``, ``teams``)."""
        return PlatformCalls(metrics=self, platform=name)

    def exposition(self) -> bytes:
        """Everything, in Prometheus' text format."""
        return generate_latest(self.registry)
