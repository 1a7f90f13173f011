"""The optional re-ranker against a local fake of an OpenAI-compatible endpoint: it picks
among the close rules or says none fits; anything else leaves the matcher's outcome."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from typing import Any

import pytest
from aiohttp import web

from tandem.bot.clock import FixedClock
from tandem.bot.settings import Settings
from tandem.bot.types import Platform
from tandem.meaning.openai_rerank import OpenAICompatibleReranker
from tandem.meaning.rerank import Choice
from tests.conftest import import_fixtures
from tests.harness import Chat, chat_runtime
from tests.recording_port import RecordingPort

SAM = "sam.okafor@example.com"
PRIYA = "priya.nair@example.com"  # Accountable for tracking and consent
TIKTOK = "/guardrail Can we install the TikTok conversion snippet on the product pages?"


@dataclass
class FakeModel:
    """A chat-completions endpoint that answers what the test says, and records requests."""

    answer: str = "NONE"
    status: int = 200
    delay: float = 0.0
    requests: list[dict[str, Any]] = field(default_factory=list)
    url: str = ""

    async def completions(self, request: web.Request) -> web.Response:
        self.requests.append(await request.json())
        await asyncio.sleep(self.delay)
        if self.status != 200:
            return web.Response(status=self.status, text="overloaded")
        reply = {
            "choices": [{"index": 0, "message": {"role": "assistant", "content": self.answer}}]
        }
        return web.json_response(reply)

    @property
    def prompt(self) -> str:
        return str(self.requests[-1]["messages"][-1]["content"])


@pytest.fixture
async def model() -> AsyncIterator[FakeModel]:
    fake = FakeModel()
    app = web.Application()
    app.router.add_post("/v1/chat/completions", fake.completions)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
    fake.url = f"http://127.0.0.1:{port}/v1"
    yield fake
    await runner.cleanup()


@pytest.fixture
async def chat(settings: Settings, clock: FixedClock, model: FakeModel) -> AsyncIterator[Chat]:
    configured = settings.model_copy(update={"rerank_url": model.url, "rerank_model": "fake-llm"})
    async with chat_runtime(settings=configured, clock=clock) as runtime:
        tenant = await import_fixtures(runtime.database, "acme")
        runtime.ports.add(platform=Platform.LOCAL.value, port=RecordingPort())
        yield Chat(runtime=runtime, tenant=tenant)


async def test_the_model_picks_among_the_close_rules_and_says_so(
    chat: Chat, model: FakeModel
) -> None:
    model.answer = "tracking-pixel"
    reply = await chat.say(SAM, TIKTOK)
    assert "Allowed if the conditions hold" in reply.text
    assert "Rule: Adding a tracking pixel or marketing tag" in reply.text
    assert "Picked among the closest rules by the language model fake-llm." in reply.text
    (sent,) = model.requests
    assert sent["model"] == "fake-llm" and sent["temperature"] == 0
    assert "TikTok conversion snippet" in model.prompt
    assert "- tracking-pixel: Adding a tracking pixel or marketing tag." in model.prompt
    assert "purchased-email-list" not in model.prompt  # only the few close rules


async def test_none_sends_the_question_to_it(chat: Chat, model: FakeModel) -> None:
    model.answer = "NONE"
    reply = await chat.say(SAM, TIKTOK)
    assert "I won't guess" in reply.text and "Priya Nair" in reply.text


@pytest.mark.parametrize(
    ("answer", "status"),
    [("delete-all-the-rules", 200), ("The rule tracking-pixel applies.", 200), ("", 503)],
)
async def test_anything_but_an_offered_rule_leaves_the_choice(
    chat: Chat, model: FakeModel, answer: str, status: int
) -> None:
    model.answer, model.status = answer, status
    reply = await chat.say(SAM, TIKTOK)
    assert reply.card is not None
    labels = [b.label for b in reply.card.buttons]
    assert "Adding a tracking pixel or marketing tag" in labels
    assert "None of these: ask IT" in labels


async def test_a_sure_answer_does_not_ask_the_model(chat: Chat, model: FakeModel) -> None:
    reply = await chat.say(SAM, "/guardrail can we buy an email list for cold emailing?")
    assert "Not allowed" in reply.text
    assert model.requests == []


async def test_a_slow_model_is_not_waited_for(model: FakeModel) -> None:
    model.answer, model.delay = "tracking-pixel", 2.0
    reranker = OpenAICompatibleReranker(url=model.url, model="fake-llm", timeout=0.2)
    choices = [Choice(id="tracking-pixel", title="Pixels", summary="Through the tag manager.")]
    assert await reranker.choose(question="TikTok pixel?", choices=choices) is None
    model.delay = 0.0
    picked = await reranker.choose(question="TikTok pixel?", choices=choices)
    assert picked is not None and picked.rule == "tracking-pixel"
    assert json.dumps(model.requests[-1]).count("tracking-pixel") == 1


def test_the_endpoint_must_be_a_web_address(database_url: str) -> None:
    with pytest.raises(ValueError, match="TANDEM_RERANK_URL"):
        Settings(TANDEM_DATABASE_URL=database_url, TANDEM_RERANK_URL="file:///etc/passwd")
