"""How Tandem's Slack clients try a call again, each retry with slack_sdk's backoff (half a
second doubled at each attempt, plus up to a second of jitter).

Every client retries a connection error. A client answering people (the reply to a
command or a click, on the Web API or on the response URL) also retries Slack's 5xx
answers and waits out its 429s. The client of scheduled sends does neither: the port
paces a workspace's 429s itself, and a failed scheduled send is tried again later by
its delivery row (``tandem/rituals/common/delivery.py``).
"""

from __future__ import annotations

from aiohttp import ClientSession
from slack_sdk.http_retry.async_handler import AsyncRetryHandler
from slack_sdk.http_retry.builtin_async_handlers import (
    AsyncConnectionErrorRetryHandler,
    AsyncRateLimitErrorRetryHandler,
)
from slack_sdk.http_retry.request import HttpRequest
from slack_sdk.http_retry.response import HttpResponse
from slack_sdk.http_retry.state import RetryState
from slack_sdk.webhook.async_client import AsyncWebhookClient

from tandem.adapters.calls import CallObserver
from tandem.adapters.slack.observed import CountsRetries, SeesRateLimits

CONNECTION_RETRIES = 3
SERVER_ERROR_RETRIES = 3
RATE_LIMIT_RETRIES = 5


class ServerErrorRetries(AsyncRetryHandler):
    """Tries a call again when Slack answers with a 5xx status (slack_sdk's own handler
    knows 500 and 503 only)."""

    async def _can_retry_async(
        self,
        *,
        state: RetryState,
        request: HttpRequest,
        response: HttpResponse | None = None,
        error: Exception | None = None,
    ) -> bool:
        return response is not None and response.status_code >= 500


def retry_handlers(
    *, paced: bool = False, calls: CallObserver | None = None
) -> list[AsyncRetryHandler]:
    """The retry handlers of a client; ``paced`` for the client of scheduled sends (see
    the module). ``calls`` is told of every 429 and every retry."""
    handlers: list[AsyncRetryHandler] = [
        AsyncConnectionErrorRetryHandler(max_retry_count=CONNECTION_RETRIES)
    ]
    if not paced:
        handlers.append(ServerErrorRetries(max_retry_count=SERVER_ERROR_RETRIES))
        handlers.append(AsyncRateLimitErrorRetryHandler(max_retry_count=RATE_LIMIT_RETRIES))
    if calls is None:
        return handlers
    return [
        SeesRateLimits(observer=calls),
        *(CountsRetries(inner=h, observer=calls) for h in handlers),
    ]


def response_url_client(
    *, url: str, session: ClientSession, calls: CallObserver | None = None
) -> AsyncWebhookClient:
    """A client for a request's ``response_url`` that retries as the clients answering
    people do (bolt's own ``respond`` tries a connection error once more, a 5xx never)."""
    return AsyncWebhookClient(url=url, session=session, retry_handlers=retry_handlers(calls=calls))
