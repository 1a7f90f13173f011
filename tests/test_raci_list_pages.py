"""``/who-owns`` alone on an organisation with hundreds of topics: a page at a time, within
Slack's block limits, on every platform; and no card is cut silently."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import AsyncIterator

import pytest

from tandem.adapters.slack.render import card_blocks, home_view, message
from tandem.bot.cards import Card, Field, Reply
from tandem.bot.clock import FixedClock
from tandem.bot.settings import Settings
from tandem.bot.types import TenantKey
from tandem.storage.database import Database
from tandem.storage.orgfiles.service import FileKind, import_file
from tests.conftest import NOW, import_fixtures
from tests.harness import Chat, chat_runtime
from tests.test_slack_e2e import SAM as SAM_IN_SLACK
from tests.test_slack_e2e import TEAM, SlackBot, one_workspace, recorded

SAM = "sam.okafor@example.com"  # English
HUGO = "hugo.bernard@example.com"  # French
TOPICS = 480
TOTAL = TOPICS + 12  # the shared fixtures' own topics are there too


def many_topics(count: int = TOPICS) -> str:
    """A RACI file of ``count`` topics owned by people of the shared fixtures."""
    out = io.StringIO()
    writer = csv.writer(out)
    columns = "topic title aliases responsible accountable consulted informed description"
    writer.writerow(columns.split())
    owners = ["ana.silva@example.com", "nadia.roux@example.com", "", ""]
    for n in range(1, count + 1):
        writer.writerow([f"topic-{n:03d}", f"Topic number {n:03d}", "", *owners, f"Thing {n}."])
    return out.getvalue()


async def import_many(database: Database, tenant: str) -> None:
    await import_file(
        database=database,
        tenant=TenantKey.parse(tenant),
        kind=FileKind.RACI,
        text=many_topics(),
        at=NOW,
    )


@pytest.fixture
async def chat(settings: Settings, clock: FixedClock) -> AsyncIterator[Chat]:
    async with chat_runtime(settings=settings, clock=clock) as runtime:
        tenant = await import_fixtures(runtime.database, "acme")
        await import_many(runtime.database, "acme")
        yield Chat(runtime=runtime, tenant=tenant)


async def test_the_list_comes_a_page_at_a_time_with_next_and_previous(chat: Chat) -> None:
    first = await chat.say(SAM, "/who-owns")
    assert first.card is not None
    total = TOTAL
    assert first.card.title == f"Topics Tandem knows ({total})"
    assert len(first.card.fields) == 30
    assert f"Topics 1–30 of {total}. To find another one, type /who-owns" in first.text
    assert [b.label for b in first.card.buttons] == ["Next topics"]
    second = await chat.click(SAM, first, "Next topics")
    assert second.card is not None and len(second.card.fields) == 30
    assert f"Topics 31–60 of {total}" in second.text
    assert not {f.label for f in first.card.fields} & {f.label for f in second.card.fields}
    assert [b.label for b in second.card.buttons] == ["Previous topics", "Next topics"]
    back = await chat.click(SAM, second, "Previous topics")
    assert back.card is not None and back.card.fields == first.card.fields


async def test_the_last_page_has_no_next_and_the_list_reads_in_french(chat: Chat) -> None:
    reply = await chat.say(HUGO, "/who-owns")
    total = TOTAL
    while reply.card is not None and "Sujets suivants" in [b.label for b in reply.card.buttons]:
        reply = await chat.click(HUGO, reply, "Sujets suivants")
    assert reply.card is not None
    last = total % 30 or 30
    assert len(reply.card.fields) == last
    assert f"Sujets {total - last + 1} à {total} sur {total}" in reply.text
    assert "Pour en trouver un autre, tapez /who-owns et un mot de son nom" in reply.text
    assert [b.label for b in reply.card.buttons] == ["Sujets précédents"]


async def test_a_short_list_is_one_page_without_buttons(
    settings: Settings, clock: FixedClock
) -> None:
    async with chat_runtime(settings=settings, clock=clock) as runtime:
        tenant = await import_fixtures(runtime.database, "acme")
        reply = await Chat(runtime=runtime, tenant=tenant).say(SAM, "/who-owns")
    assert reply.card is not None and len(reply.card.fields) == 12
    assert not reply.card.buttons and "Topics 1–" not in reply.text


def slugs(blocks: list[dict[str, object]]) -> set[str]:
    """The topics a list shows: each field's bold label."""
    fields = [f for b in blocks for f in b.get("fields", ())]  # type: ignore[attr-defined]
    return {str(f["text"]).partition("\n")[0].strip("*") for f in fields}


@pytest.fixture
async def slack(database_url: str) -> AsyncIterator[SlackBot]:
    async with one_workspace(database_url) as bot:
        database = Database(url=database_url)
        await import_many(database, f"slack:{TEAM}")
        await database.dispose()
        yield bot


async def test_slack_shows_the_list_and_its_next_page(slack: SlackBot) -> None:
    """Slack refuses a message of more than 50 blocks: the whole list never arrived."""
    assert await slack.command("", user=SAM_IN_SLACK) == 200
    (answer,) = await slack.wait_for(lambda: slack.responses("r1"))
    assert not answer.failed, "Slack refused the list"
    blocks = answer.params["blocks"]
    assert len(blocks) <= 50
    first = slugs(blocks)
    assert len(first) == 30 and "Topics 1–30 of 492" in json.dumps(blocks, ensure_ascii=False)
    (actions,) = [b for b in blocks if b["type"] == "actions"]
    (button,) = [e for e in actions["elements"] if e["text"]["text"] == "Next topics"]
    click = recorded("block_actions.json")
    click["user"]["id"] = SAM_IN_SLACK
    click["response_url"] = slack.api.response_url("next")
    click["actions"] = [{**click["actions"][0], **button, "block_id": "b"}]
    assert await slack.interaction(click) == 200
    (page,) = await slack.wait_for(lambda: slack.responses("next"))
    assert not page.failed
    second = slugs(page.params["blocks"])
    assert len(second) == 30 and not first & second


def test_a_card_too_long_for_slack_says_how_much_is_left_out() -> None:
    fields = tuple(Field(label=f"item {n}", value="x") for n in range(1200))
    card = Card(title="Many", body="b", fields=fields, footer="f")
    blocks = card_blocks(card, locale="en")
    assert len(blocks) <= 50
    shown = sum(len(b.get("fields", ())) for b in blocks)
    assert blocks[-2]["elements"][0]["text"] == f"… and {1200 - shown} more"
    assert blocks[-1]["elements"][0]["text"] == "f"  # the footer is kept
    french = message(Reply.of_card(card, locale="fr"))["blocks"]
    assert any(
        e.get("text") == f"… et {1200 - shown} de plus"
        for b in french
        for e in b.get("elements", ())
    )
    home = home_view(Reply.of_card(card))["blocks"]
    assert 50 < len(home) <= 100
    home_shown = sum(len(b.get("fields", ())) for b in home)
    assert home[-2]["elements"][0]["text"] == f"… and {1200 - home_shown} more"


def test_a_card_within_the_limits_is_whole() -> None:
    fields = tuple(Field(label=f"item {n}", value="x") for n in range(450))
    blocks = card_blocks(Card(title="Enough", fields=fields))
    assert sum(len(b.get("fields", ())) for b in blocks) == 450
    assert not any(b["type"] == "context" for b in blocks)
