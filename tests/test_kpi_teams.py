"""/kpi on Teams end to end: Bot Framework activities into the real botbuilder code, the
replies read from the fake connector, the list as an Adaptive Card.

Sam (Consulted for web performance) gives a value in his personal chat; Hugo (French)
reads the list in French.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from tandem.bot.clock import FixedClock
from tandem.storage.database import Database
from tandem.storage.migrate import upgrade
from tandem.storage.orgfiles.service import FileKind, import_file
from tests.conftest import NOW, import_fixtures
from tests.teamsfake.connector import FakeConnector
from tests.test_teams_e2e import HUGO, SAM, TENANT, TeamsBot, card_of, facts, message, serve_teams

KPIS = (Path(__file__).parent / "data" / "kpis.yaml").read_text("utf-8")
SAM_CHAT = "a:1personal-sam"


@pytest.fixture
async def teams_bot(database_url: str, clock: FixedClock) -> AsyncIterator[TeamsBot]:
    database = Database(url=database_url)
    await upgrade(database=database)
    key = await import_fixtures(database, f"teams:{TENANT}")
    await import_file(database=database, tenant=key, kind=FileKind.KPIS, text=KPIS, at=NOW)
    await database.dispose()
    async with FakeConnector() as connector:
        for user_id, aad, name, email in (HUGO, SAM):
            connector.add_member(user_id=user_id, aad=aad, name=name, email=email)
        async with serve_teams(database_url, connector, clock=clock) as bot:
            yield bot


async def test_a_value_given_in_teams_shows_in_the_list_in_each_reader_s_language(
    teams_bot: TeamsBot,
) -> None:
    connector = teams_bot.connector
    said = message(connector, who=SAM, text="/kpi set lcp-home 2640", conversation=SAM_CHAT)
    assert await teams_bot.post(said) in (200, 201)
    (done,) = connector.of("reply")
    assert "Home page load (LCP): 2,640 ms recorded" in done.activity["text"]

    await teams_bot.post(message(connector, who=HUGO, text="/indicateur"))
    listed = connector.of("reply")[-1]
    assert card_of(listed)["body"][0]["text"] == "3 indicateurs partagés"
    shown = facts(listed)
    assert shown["Chargement de la page d'accueil (LCP) (lcp-home)"].startswith(
        "2\u202f640 ms → · cible 2\u202f500 ms"
    )
    assert shown["Taux de conversion (conversion-rate)"].startswith("pas encore de valeur")
