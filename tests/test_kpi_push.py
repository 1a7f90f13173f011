"""KPI values pushed over HTTP by a script with a token: the real aiohttp route on a test
server, the runtime as ``tandem serve`` builds it, a recording platform for what the
KPI's owner is told.

acme and globex both have the shared fixtures' organisation; acme has the three KPIs of
tests/data/kpis.yaml, globex only the home page's load time.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from tandem.adapters.api import kpis as kpi_api
from tandem.bot.clock import FixedClock
from tandem.bot.settings import Settings
from tandem.bot.types import Platform, TenantKey
from tandem.runtime import Runtime
from tandem.storage.models import ApiToken
from tandem.storage.orgfiles.service import FileKind, import_file
from tandem.storage.repositories import api_tokens, tenants
from tests.cli import tandem
from tests.conftest import FIXTURE_FILES, NOW, import_fixtures
from tests.harness import Chat
from tests.recording_port import RecordingPort
from tests.serving import Served, serve_in_process

KPIS = (Path(__file__).parent / "data" / "kpis.yaml").read_text("utf-8")
GLOBEX_KPIS = KPIS.split("  - slug: conversion-rate")[0]
SAM = "sam.okafor@example.com"
THOMAS = "thomas.girard@example.com"
URL = "/api/v1/kpis/{}/values"


@dataclass
class Pushing:
    served: Served[kpi_api.KpiApiRoutes]
    port: RecordingPort
    tokens: dict[str, str]

    @property
    def runtime(self) -> Runtime:
        return self.served.runtime

    def chat(self, tenant: str) -> Chat:
        return Chat(runtime=self.runtime, tenant=TenantKey.parse(tenant))

    async def push(
        self, slug: str, body: Any, *, token: str | None = None, raw: bytes | None = None
    ) -> tuple[int, dict[str, Any]]:
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        if raw is not None:
            response = await self.served.http.post(URL.format(slug), data=raw, headers=headers)
        else:
            response = await self.served.http.post(URL.format(slug), json=body, headers=headers)
        answer = await response.json()
        assert isinstance(answer, dict)
        return response.status, answer

    async def revoke(self, tenant: str, name: str) -> None:
        async with self.runtime.database.session() as session:
            ref = await tenants.find_tenant(session, key=TenantKey.parse(tenant))
            assert ref is not None
            assert await api_tokens.revoke_token(session, tenant=ref, name=name, at=NOW)


@pytest.fixture
async def pushing(settings: Settings, clock: FixedClock) -> AsyncIterator[Pushing]:
    async def plug(routes: kpi_api.KpiApiRoutes, runtime: Runtime) -> None:
        routes.runtime = runtime

    async with serve_in_process(
        settings, mount=kpi_api.mount, plug=plug, echo="what", clock=clock
    ) as served:
        database = served.runtime.database
        made: dict[str, str] = {}
        for name, kpi_text in (("acme", KPIS), ("globex", GLOBEX_KPIS)):
            key = await import_fixtures(database, name)
            await import_file(
                database=database, tenant=key, kind=FileKind.KPIS, text=kpi_text, at=NOW
            )
            async with database.session() as session:
                ref = await tenants.find_tenant(session, key=key)
                assert ref is not None
                token = await api_tokens.create_token(session, tenant=ref, name="ci", at=NOW)
                assert token is not None
                made[name] = token
        port = RecordingPort()
        served.runtime.ports.add(platform=Platform.LOCAL.value, port=port)
        yield Pushing(served=served, port=port, tokens=made)


async def test_a_script_pushes_values_kept_with_its_token_s_name(pushing: Pushing) -> None:
    token = pushing.tokens["acme"]
    status, answer = await pushing.push(
        "lcp-home", {"value": 2640.5, "at": "2026-11-23T08:00:00Z"}, token=token
    )
    assert status == 201
    assert answer == {
        "kpi": "lcp-home",
        "at": "2026-11-23T08:00:00Z",
        "value": 2640.5,
        "replaced": None,
        "blocker": None,
    }
    status, again = await pushing.push(
        "lcp-home", {"value": 2600, "at": "2026-11-23T09:00:00+01:00"}, token=token
    )
    assert status == 201 and again["replaced"] == {"value": 2640.5, "by": "ci"}
    shown = await pushing.chat("acme").read(SAM, "/kpi show lcp-home")
    assert "2,600 ms, pushed by ci" in shown and "2,640.5" not in shown
    _, now = await pushing.push("conversion-rate", {"value": 3}, token=token)
    assert now["at"] == "2026-11-23T09:30:00Z"  # no instant given: now


async def test_a_missing_wrong_or_revoked_token_gets_401_and_nothing_is_kept(
    pushing: Pushing,
) -> None:
    body = {"value": 2600}
    assert (await pushing.push("lcp-home", body))[0] == 401
    assert (await pushing.push("lcp-home", body, token="tdm_not-a-token"))[0] == 401
    await pushing.revoke("acme", "ci")
    status, answer = await pushing.push("lcp-home", body, token=pushing.tokens["acme"])
    assert status == 401 and answer == {"error": "this token is unknown or revoked"}
    assert "No value in the last 30 days." in (
        await pushing.chat("acme").read(SAM, "/kpi show lcp-home")
    )


async def test_a_token_reaches_its_own_tenant_s_kpis_only(pushing: Pushing) -> None:
    globex = pushing.tokens["globex"]
    assert (await pushing.push("lcp-home", {"value": 1900}, token=globex))[0] == 201
    status, answer = await pushing.push("conversion-rate", {"value": 3}, token=globex)
    assert status == 404 and answer == {"error": "no KPI 'conversion-rate' here"}
    assert "No value in the last 30 days." in (
        await pushing.chat("acme").read(SAM, "/kpi show lcp-home")
    )
    assert "1,900 ms, pushed by ci" in await pushing.chat("globex").read(SAM, "/kpi show lcp-home")


@pytest.mark.parametrize(
    ("body", "error"),
    [
        ({"value": "fast"}, "value 'fast' is not a number"),
        ({"value": True}, "value 'True' is not a number"),
        ({"value": 1, "at": "2026-11-23T08:00:00"}, "has no offset: add Z (UTC) or +01:00"),
        ({"value": 1, "at": "2026-11-24T08:00:00Z"}, "is in the future"),
        ({"value": 1, "at": "yesterday"}, "is not an instant"),
        ({"value": 1, "when": "now"}, 'send {"value": NUMBER}'),
        ([1, 2], 'send {"value": NUMBER}'),
    ],
)
async def test_a_bad_body_gets_400_saying_what_is_wrong(
    pushing: Pushing, body: Any, error: str
) -> None:
    status, answer = await pushing.push("lcp-home", body, token=pushing.tokens["acme"])
    assert status == 400 and error in answer["error"]


async def test_a_body_that_is_not_json_or_too_large_is_refused(pushing: Pushing) -> None:
    token = pushing.tokens["acme"]
    status, answer = await pushing.push("lcp-home", None, token=token, raw=b"value=2.4")
    assert status == 400 and "not JSON" in answer["error"]
    status, answer = await pushing.push("lcp-home", None, token=token, raw=b" " * 10_000_000)
    assert status == 413 and answer == {"error": "the body is over 64 KiB"}


async def test_a_pushed_value_past_the_alert_threshold_raises_one_blocker(
    pushing: Pushing,
) -> None:
    token = pushing.tokens["acme"]
    _, first = await pushing.push("lcp-home", {"value": 4200}, token=token)
    assert first["blocker"] == {"id": 1, "status": "raised"}
    (card,) = pushing.port.dms(THOMAS)
    assert "a franchi son seuil d'alerte (valeur donnée par ci)" in card.text
    assert "a franchi son seuil d'alerte : 4\u202f200 ms" in card.text
    _, second = await pushing.push(
        "lcp-home", {"value": 4400, "at": "2026-11-23T09:00:00Z"}, token=token
    )
    assert second["blocker"] == {"id": 1, "status": "open"}
    assert len(pushing.port.dms(THOMAS)) == 1


def test_tokens_are_created_shown_once_listed_and_revoked_from_the_command_line(
    tmp_path: Path,
) -> None:
    env = {
        "TANDEM_DATABASE_URL": f"sqlite:///{tmp_path / 'cli.db'}",
        "HOME": str(tmp_path),
        "XDG_STATE_HOME": str(tmp_path / "state"),
    }
    people = FIXTURE_FILES[FileKind.PEOPLE]
    assert tandem(["import", "people", str(people), "--tenant", "acme"], env=env).returncode == 0
    made = tandem(["token", "create", "--tenant", "acme", "--name", "lighthouse-ci"], env=env)
    assert made.returncode == 0, made.stderr
    token = made.stdout.strip()
    assert token.startswith("tdm_") and len(token) > 40
    assert "shown once" in made.stderr
    again = tandem(["token", "create", "--tenant", "acme", "--name", "lighthouse-ci"], env=env)
    assert again.returncode == 1 and "has a token named 'lighthouse-ci' already" in again.stderr
    listed = tandem(["token", "list", "--tenant", "acme"], env=env)
    assert listed.stdout.startswith("lighthouse-ci\tcreated ") and token not in listed.stdout
    revoked = tandem(["token", "revoke", "--tenant", "acme", "--name", "lighthouse-ci"], env=env)
    assert revoked.returncode == 0 and "revoked" in revoked.stdout
    assert "\trevoked " in tandem(["token", "list", "--tenant", "acme"], env=env).stdout
    nobody = tandem(["token", "create", "--tenant", "nobody", "--name", "x"], env=env)
    assert nobody.returncode == 1 and "no tenant nobody" in nobody.stderr


async def test_a_token_two_tenants_hold_is_refused(pushing: Pushing) -> None:
    """An archive imported twice into one database gives two tenants the same token: it
    would not say which one asks, so it is refused (an admin makes a new one)."""
    database = pushing.runtime.database
    async with database.session() as session:
        globex = await tenants.find_tenant(session, key=TenantKey.parse("globex"))
        assert globex is not None
        session.add(
            ApiToken(
                tenant_id=globex.id,
                name="copied",
                digest=api_tokens.digest_of(pushing.tokens["acme"]),
                created_at=NOW,
            )
        )
    status, _ = await pushing.push("lcp-home", {"value": 2600}, token=pushing.tokens["acme"])
    assert status == 401
