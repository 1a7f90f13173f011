"""An optional re-ranker: a language model behind an OpenAI-compatible endpoint (a local
Ollama, a vLLM server…) that picks, among the few rules the matcher found close, the one
that covers a question, or says none does.

It only chooses among IT's rules: it never writes an answer, and whatever it says that is
not one of the ids it was given is ignored. Off unless the operator names the endpoint
(``TANDEM_RERANK_URL``); a slow or failing endpoint leaves the matcher's outcome as it was.
This is the port; ``openai_rerank.py`` the adapter that speaks HTTP.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol


@dataclass(frozen=True, slots=True)
class Choice:
    """A rule offered to the re-ranker."""

    id: str
    title: str
    summary: str


@dataclass(frozen=True, slots=True)
class Picked:
    """What the re-ranker said: a rule id, or ``None`` for "no rule covers it"."""

    rule: str | None
    model: str


class Reranker(Protocol):
    """Picks the rule that covers a question among a few."""

    async def choose(self, *, question: str, choices: Sequence[Choice]) -> Picked | None:
        """The choice, or None when the re-ranker could not say (down, slow, nonsense)."""
        ...
