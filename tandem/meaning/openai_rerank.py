"""The re-ranker over HTTP: an OpenAI-compatible ``/chat/completions`` endpoint."""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from typing import Any

import aiohttp

from tandem.meaning.rerank import Choice, Picked

log = logging.getLogger(__name__)
NONE = "NONE"
TIMEOUT_SECONDS = 8.0
_INSTRUCTIONS = (
    "You match an employee's question to the rules their IT and marketing teams agreed. "
    "Reply with the id of the one rule that covers the question, or NONE if no rule does. "
    "Reply with the id or NONE only, nothing else."
)


class OpenAICompatibleReranker:
    """``POST {url}/chat/completions`` with the question and the rules, temperature 0."""

    def __init__(
        self, *, url: str, model: str, api_key: str | None = None, timeout: float = TIMEOUT_SECONDS
    ) -> None:
        self._endpoint = url.rstrip("/") + "/chat/completions"
        self._model = model
        self._api_key = api_key
        self._timeout = aiohttp.ClientTimeout(total=timeout)

    def _request(self, question: str, choices: Sequence[Choice]) -> dict[str, Any]:
        listed = "\n".join(f"- {c.id}: {c.title}. {c.summary}" for c in choices)
        return {
            "model": self._model,
            "temperature": 0,
            "max_tokens": 20,
            "messages": [
                {"role": "system", "content": _INSTRUCTIONS},
                {"role": "user", "content": f"Question: {question}\n\nRules:\n{listed}"},
            ],
        }

    async def choose(self, *, question: str, choices: Sequence[Choice]) -> Picked | None:
        """The rule the model picks among ``choices``; None when it could not say."""
        if not choices:
            return None
        headers = {"Authorization": f"Bearer {self._api_key}"} if self._api_key else {}
        try:
            async with (
                aiohttp.ClientSession(timeout=self._timeout) as session,
                session.post(
                    self._endpoint, json=self._request(question, choices), headers=headers
                ) as response,
            ):
                if response.status != 200:
                    log.warning("re-ranker answered HTTP %s", response.status)
                    return None
                body = await response.json(content_type=None)
        except (aiohttp.ClientError, TimeoutError, ValueError) as error:
            log.warning("re-ranker unreachable: %s", type(error).__name__)
            return None
        return _picked(body, choices, self._model)


def _picked(body: object, choices: Sequence[Choice], model: str) -> Picked | None:
    try:
        text = str(body["choices"][0]["message"]["content"])  # type: ignore[index]
    except (KeyError, IndexError, TypeError):
        log.warning("re-ranker answered in an unknown shape")
        return None
    words = re.findall(r"[\w.-]+", text.strip())
    said = words[0] if words else ""
    if said.upper() == NONE:
        return Picked(rule=None, model=model)
    for choice in choices:
        if said == choice.id:
            return Picked(rule=choice.id, model=model)
    log.warning("re-ranker named no rule it was offered")
    return None
