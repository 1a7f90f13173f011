"""slack_sdk retry handlers that tell a :class:`CallObserver` what the Web API answered.

The Web API client asks each of its retry handlers, in order, about every answer; the
first handler here only looks (it counts 429s and never retries), the others wrap
slack_sdk's own handlers and count the retries they make.
"""

from __future__ import annotations

from slack_sdk.http_retry.async_handler import AsyncRetryHandler
from slack_sdk.http_retry.request import HttpRequest
from slack_sdk.http_retry.response import HttpResponse
from slack_sdk.http_retry.state import RetryState

from tandem.adapters.calls import CallObserver, retry_reason


class SeesRateLimits(AsyncRetryHandler):
    """Counts every 429 the Web API answers, whoever then deals with it."""

    def __init__(self, *, observer: CallObserver) -> None:
        super().__init__(max_retry_count=0)
        self._observer = observer

    async def can_retry_async(
        self,
        *,
        state: RetryState,
        request: HttpRequest,
        response: HttpResponse | None = None,
        error: Exception | None = None,
    ) -> bool:
        if response is not None and response.status_code == 429:
            self._observer.rate_limited()
        return False


class CountsRetries(AsyncRetryHandler):
    """One of slack_sdk's handlers, with each retry it makes told to the observer."""

    def __init__(self, *, inner: AsyncRetryHandler, observer: CallObserver) -> None:
        super().__init__(
            max_retry_count=inner.max_retry_count, interval_calculator=inner.interval_calculator
        )
        self._inner = inner
        self._observer = observer

    async def can_retry_async(
        self,
        *,
        state: RetryState,
        request: HttpRequest,
        response: HttpResponse | None = None,
        error: Exception | None = None,
    ) -> bool:
        return await self._inner.can_retry_async(
            state=state, request=request, response=response, error=error
        )

    async def prepare_for_next_attempt_async(
        self,
        *,
        state: RetryState,
        request: HttpRequest,
        response: HttpResponse | None = None,
        error: Exception | None = None,
    ) -> None:
        status = response.status_code if response is not None and error is None else None
        self._observer.retried(reason=retry_reason(status))
        await self._inner.prepare_for_next_attempt_async(
            state=state, request=request, response=response, error=error
        )
