"""Two replicas on PostgreSQL share a 500-person stand-up; one is killed mid-run.

Both replicas are real ``tandem serve`` processes whose Slack Web API is the fake
served by this test's event loop (at a workspace cap of 100 posts a second, so the
fan-out lasts a few seconds). The 500 prompts fall due in the same minute. Once a
hundred are out, one replica gets ``kill -9``. The other one takes over what the dead
one held once its lease (10 s here) runs out, and the summary closes the stand-up.
Everyone gets exactly one prompt, and the summary goes out once.
"""

from __future__ import annotations

import asyncio
import collections
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlmodel import select

from tandem.bot.types import TenantKey
from tandem.storage.database import Database
from tandem.storage.models import Delivery
from tandem.storage.orgfiles.service import FileKind, import_file
from tandem.storage.records import ChannelAddress, StandupSettings
from tandem.storage.repositories import availability, people, standups, tenants
from tests.replicas import start_replicas
from tests.slackfake.api import FakeSlackApi

TEAM = "T0REPLICA"
TOKEN = "xoxb-replicas"
CHANNEL = "CBIGSTANDUP"
PEOPLE = 500
LEASE_SECONDS = 10


def user_id(number: int) -> str:
    return f"U{number:08d}"


def email(number: int) -> str:
    return f"person{number}@big.example"


def closing_after(now: datetime) -> datetime:
    """The first whole minute at least 40 s after ``now``: time enough for the fan-out and
    the take-over, and a wait of 40–100 s for the summary, not up to two minutes."""
    return now.replace(second=0, microsecond=0) + timedelta(minutes=1 if now.second < 20 else 2)


async def populate(*, database_url: str, start: datetime, end: datetime) -> None:
    """500 people known by their Slack ids, and a stand-up asking them all at ``start``
    and closing at ``end`` (the database is migrated: a replica runs on it)."""
    database = Database(url=database_url)
    try:
        key = TenantKey.parse(f"slack:{TEAM}")
        lines = ["email,name,department,role,timezone,locale"]
        lines += [f"{email(n)},Person {n},marketing,,UTC,en" for n in range(PEOPLE)]
        yesterday = start - timedelta(days=1)
        await import_file(
            database=database,
            tenant=key,
            kind=FileKind.PEOPLE,
            text="\n".join(lines) + "\n",
            at=yesterday,
        )
        async with database.session() as session:
            tenant = await tenants.ensure_tenant(session, key=key)
            for n in range(PEOPLE):
                await people.link_identity(
                    session,
                    tenant=tenant,
                    email=email(n),
                    platform="slack",
                    platform_user_id=user_id(n),
                )
                person = await people.find_person(session, tenant=tenant, email=email(n))
                assert person is not None and person.id is not None
                # a seven-day shop: asked whatever day the test runs
                await availability.set_work_days(
                    session, tenant=tenant, person_id=person.id, days=range(7)
                )
            await standups.create_standup(
                session,
                tenant=tenant,
                settings=StandupSettings(
                    name="All hands",
                    member_emails=tuple(email(n) for n in range(PEOPLE)),
                    questions=(),
                    days=tuple(range(7)),
                    slots=((f"{start:%H:%M}", f"{end:%H:%M}"),),
                    timezone="UTC",
                    reminders=(),
                ),
                channel=ChannelAddress(id=CHANNEL),
                owner_email=email(0),
                at=yesterday,
            )
    finally:
        await database.dispose()


async def until(what: str, done: collections.abc.Callable[[], bool], *, within: float) -> None:
    deadline = time.monotonic() + within
    while not done():
        if time.monotonic() > deadline:
            raise AssertionError(f"not within {within:g} s: {what}")
        await asyncio.sleep(0.05)


async def test_500_prompts_once_each_and_one_summary_despite_kill_9(
    postgres_url: str, tmp_path: Path
) -> None:
    async with FakeSlackApi(keep_calls=False) as api:
        api.add_workspace(team_id=TEAM, bot_token=TOKEN)
        api.limit_posts(per_channel=1.0, per_workspace=100.0)
        env = {
            "SLACK_BOT_TOKEN": TOKEN,
            "SLACK_SIGNING_SECRET": "replica-secret",
            "SLACK_API_URL": api.base_url,
            "TANDEM_DEMO": "0",
            "TANDEM_SWEEP_SECONDS": "2",
            "TANDEM_LEASE_SECONDS": str(LEASE_SECONDS),
        }
        async with start_replicas(
            count=2, database_url=postgres_url, workdir=tmp_path, env=env
        ) as (doomed, survivor):
            # Set up while both run: their sweeps (every 2 s) find the prompts due at once.
            # (a slot asked at 23:59 closes after midnight, the next day, like a night shift)
            now = datetime.now(UTC)
            await populate(
                database_url=postgres_url,
                start=now.replace(second=0, microsecond=0),
                end=closing_after(now),
            )

            def prompted() -> int:
                return sum(1 for n in range(PEOPLE) if api.history(f"D{user_id(n)}"))

            await until("a hundred prompts out", lambda: prompted() >= 100, within=120)
            assert prompted() < PEOPLE, "the fan-out was over before the kill"
            await doomed.kill()
            await until("every prompt out", lambda: prompted() == PEOPLE, within=120)
            await until(
                "the summary",
                lambda: any("answered" in str(m["text"]) for m in api.history(CHANNEL)),
                within=240,
            )
            await asyncio.sleep(3)  # a sweep or two more: nothing else may go out
            assert survivor.alive
            logs = doomed.log_text() + survivor.log_text()

    per_person = collections.Counter(len(api.history(f"D{user_id(n)}")) for n in range(PEOPLE))
    assert per_person == {1: PEOPLE}, f"people by number of prompts: {dict(per_person)}"
    summaries = [m for m in api.history(CHANNEL) if "answered" in str(m["text"])]
    assert len(summaries) == 1
    assert "0 of 500 answered" in str(summaries[0]["text"]) + str(summaries[0]["blocks"])
    markers = collections.Counter(
        m["metadata"]["event_payload"]["marker"]
        for messages in api._history.values()
        for m in messages
        if m.get("metadata")
    )
    assert max(markers.values()) == 1
    database = Database(url=postgres_url)
    try:
        async with database.session() as session:
            rows = (await session.exec(select(Delivery.kind, Delivery.status))).all()
    finally:
        await database.dispose()
    assert collections.Counter(rows) == {("prompt", "sent"): PEOPLE, ("summary", "sent"): 1}
    assert "Traceback" not in logs
