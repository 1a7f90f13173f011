"""Log lines: plain text for a terminal, one JSON object a line for a log collector.

``TANDEM_LOG_FORMAT=json`` gives, on each line, ``time`` (UTC, ISO 8601), ``level``,
``logger``, ``message``, and ``tenant`` and ``request_id`` when known
(:mod:`tandem.bot.logcontext`); an exception is one ``exception`` field, never a
multi-line traceback. Both formats mask secrets: the configured tokens and
passwords, anything shaped like a Slack token, and passwords in URLs; and below DEBUG
they leave out the request bodies the Slack SDKs put in their lines (slack_bolt logs a
request with a bad signature, body and all, at INFO).
"""

from __future__ import annotations

import json
import logging
import re
import sys
from collections.abc import Iterable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from tandem.bot.logcontext import current_request_id, current_tenant

TEXT_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
MASK = "***"
_SHAPED_LIKE_SECRETS = (
    re.compile(r"\bxox[a-z]-[A-Za-z0-9-]+"),  # Slack bot, user and refresh tokens
    re.compile(r"\bxapp-[A-Za-z0-9-]+"),  # Slack app-level tokens
)
_URL_PASSWORD = re.compile(r"(\b[a-z][a-z0-9+.-]*://[^:/@\s]*:)[^@\s]+@", re.IGNORECASE)
_SHORTEST_SECRET = 6  # shorter values would mask ordinary words
_SDK_BODY = re.compile(r"\bbody: .*", re.DOTALL)
_SDK_LOGGERS = ("slack_bolt", "slack_sdk")


class LeaveOutBodies(logging.Filter):
    """Cuts ``body: …`` out of the Slack SDKs' lines at INFO and above: people's messages
    are not for the logs (``-v`` shows them, at DEBUG)."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno > logging.DEBUG and record.name.startswith(_SDK_LOGGERS):
            message = record.getMessage()
            if "body: " in message:
                record.msg, record.args = _SDK_BODY.sub("body: (left out)", message), None
        return True


class Redactor:
    """Masks secrets in text: the given values, and what looks like one."""

    def __init__(self, *, secrets: Iterable[str | None] = ()) -> None:
        known = {s for s in secrets if s and len(s) >= _SHORTEST_SECRET}
        self._known = sorted(known, key=len, reverse=True)  # longest first

    def __call__(self, text: str) -> str:
        for secret in self._known:
            text = text.replace(secret, MASK)
        for shape in _SHAPED_LIKE_SECRETS:
            text = shape.sub(MASK, text)
        return _URL_PASSWORD.sub(rf"\1{MASK}@", text)


class TextFormatter(logging.Formatter):
    """The development format, with secrets masked."""

    def __init__(self, *, redact: Redactor) -> None:
        super().__init__(TEXT_FORMAT)
        self._redact = redact

    def format(self, record: logging.LogRecord) -> str:
        return self._redact(super().format(record))


class JsonFormatter(logging.Formatter):
    """One JSON object a line, secrets masked."""

    def __init__(self, *, redact: Redactor) -> None:
        super().__init__()
        self._redact = redact

    def format(self, record: logging.LogRecord) -> str:
        stamp = datetime.fromtimestamp(record.created, UTC)
        line: dict[str, Any] = {
            "time": stamp.isoformat(timespec="milliseconds").replace("+00:00", "Z"),
            "level": record.levelname,
            "logger": record.name,
            "message": self._redact(record.getMessage()),
        }
        tenant, request = current_tenant(), current_request_id()
        if tenant:
            line["tenant"] = tenant
        if request:
            line["request_id"] = request
        if record.exc_info and record.exc_info[0] is not None:
            line["exception_type"] = record.exc_info[0].__name__
            line["exception"] = self._redact(self.formatException(record.exc_info))
        if record.stack_info:
            line["stack"] = self._redact(self.formatStack(record.stack_info))
        return json.dumps(line, ensure_ascii=False)


def setup_logging(*, verbose: bool, json_lines: bool, secrets: Iterable[str | None] = ()) -> None:
    """Log to stderr at INFO (DEBUG when ``verbose``), as JSON lines or text, masking
    ``secrets``; libraries that would log a line per request or job are kept quiet."""
    redact = Redactor(secrets=secrets)
    handler = logging.StreamHandler(sys.stderr)
    handler.addFilter(LeaveOutBodies())
    handler.setFormatter(
        JsonFormatter(redact=redact) if json_lines else TextFormatter(redact=redact)
    )
    logging.basicConfig(level=logging.DEBUG if verbose else logging.INFO, handlers=[handler])
    if json_lines:  # Python's warnings as JSON lines too, not bare text on stderr
        logging.captureWarnings(True)
    logging.getLogger("aiohttp.access").setLevel(logging.WARNING)
    if not verbose:
        logging.getLogger("alembic").setLevel(logging.WARNING)
        logging.getLogger("apscheduler").setLevel(logging.WARNING)  # a line per job otherwise


def log_to_file(*, path: Path) -> None:
    """Send the log to ``path`` (appended) instead of stderr, formatted and masked as it
    was: a terminal chat is a conversation, and its person reads the log lines of the
    engines running under it (in English) as noise."""
    path.parent.mkdir(parents=True, exist_ok=True)
    root = logging.getLogger()
    for handler in list(root.handlers):
        if isinstance(handler, logging.StreamHandler) and not isinstance(
            handler, logging.FileHandler
        ):
            to_file = logging.FileHandler(path, encoding="utf-8")
            to_file.setFormatter(handler.formatter)
            for kept in handler.filters:
                to_file.addFilter(kept)
            root.removeHandler(handler)
            root.addHandler(to_file)
