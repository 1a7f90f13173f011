"""Whom the Bot Framework endpoint answers and which addresses it calls back.

Without a Microsoft app id (the Agents Playground on this machine) an activity is taken
only from this machine, and Tandem calls back only this machine: an activity naming
another ``serviceUrl`` or a file consent naming another upload URL is refused, and
nothing is sent or stored. In single-tenant mode another tenant's activities are refused.
"""

from __future__ import annotations

import asyncio
import base64
import hashlib
import hmac
import json
import socket
from collections.abc import AsyncIterator
from typing import Any

import aiohttp
import jwt
import pytest
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from tandem.adapters.teams.trust import Trust, is_loopback_host
from tandem.bot.types import TenantKey
from tandem.storage.database import Database
from tandem.storage.migrate import upgrade
from tandem.storage.repositories import tenants
from tests.conftest import import_fixtures
from tests.teamsfake.connector import FakeConnector
from tests.teamsfake.keys import ISSUER, FakeBotFrameworkKeys, new_key
from tests.test_files_teams import SAM_CHAT, attachment, consent_answer, send_invite
from tests.test_teams_e2e import (
    HUGO,
    OTHER_TENANT,
    SAM,
    TENANT,
    TeamsBot,
    message,
    serve_teams,
)


@pytest.fixture
async def connector() -> AsyncIterator[FakeConnector]:
    async with FakeConnector() as fake:
        for user_id, aad, name, email in (HUGO, SAM):
            fake.add_member(user_id=user_id, aad=aad, name=name, email=email)
        yield fake


@pytest.fixture
async def teams_bot(database_url: str, connector: FakeConnector) -> AsyncIterator[TeamsBot]:
    """Sam said hello: Tandem may write to his personal chat."""
    database = Database(url=database_url)
    await upgrade(database=database)
    await import_fixtures(database, f"teams:{TENANT}")
    await database.dispose()
    async with serve_teams(database_url, connector) as bot:
        await bot.post(message(connector, who=SAM, text="hello", conversation=SAM_CHAT))
        yield bot


@pytest.mark.parametrize(
    ("host", "loopback"),
    [
        ("127.0.0.1", True),
        ("127.8.9.10", True),
        ("localhost", True),
        ("::1", True),
        ("[::1]", True),
        ("::ffff:127.0.0.1", True),
        ("192.0.2.2", False),
        ("0.0.0.0", False),
        ("localhost.evil.example", False),
        ("127.0.0.1.nip.io", False),
        ("", False),
        (None, False),
    ],
)
def test_only_this_machine_counts_as_loopback(host: str | None, loopback: bool) -> None:
    assert is_loopback_host(host) is loopback


@pytest.mark.parametrize(
    ("url", "open_endpoint", "with_app_id"),
    [
        ("http://127.0.0.1:5555/upload/x.ics", True, False),
        ("http://localhost/upload", True, False),
        ("https://contoso-my.sharepoint.com/personal/x/_api/v2.0/drive/items/1", False, True),
        ("https://graph.microsoft.com/v1.0/drive/upload", False, True),
        ("http://contoso-my.sharepoint.com/personal/x", False, False),  # not HTTPS
        ("https://sharepoint.com.evil.example/x", False, False),
        ("https://evilsharepoint.com/x", False, False),
        ("https://user:pw@contoso.sharepoint.com/x", False, False),
        ("http://169.254.169.254/latest/meta-data", False, False),
        ("file:///etc/passwd", False, False),
    ],
)
def test_files_are_uploaded_only_where_they_belong(
    url: str, open_endpoint: bool, with_app_id: bool
) -> None:
    assert Trust(authenticated=False).upload_url_allowed(url) is open_endpoint
    assert Trust(authenticated=True).upload_url_allowed(url) is with_app_id


def test_single_tenant_mode_names_its_tenant() -> None:
    trust = Trust(authenticated=True, tenant_id=TENANT.upper())
    assert trust.tenant_allowed(TENANT)
    assert not trust.tenant_allowed(OTHER_TENANT)
    assert not trust.tenant_allowed(None)
    assert Trust(authenticated=True).tenant_allowed(OTHER_TENANT)


async def _tenant_exists(bot: TeamsBot, tenant: str) -> bool:
    async with bot.runtime.database.session() as session:
        key = TenantKey.parse(f"teams:{tenant}")
        return await tenants.find_tenant(session, key=key) is not None


async def test_an_open_endpoint_never_calls_a_service_url_off_this_machine(
    database_url: str, connector: FakeConnector
) -> None:
    database = Database(url=database_url)
    await upgrade(database=database)
    await database.dispose()
    async with serve_teams(database_url, connector) as bot:
        for elsewhere in (
            "http://203.0.113.7/",
            "https://attacker.example/hook",
            "http://169.254.169.254/latest/",
            "ftp://127.0.0.1/",
        ):
            activity = message(connector, who=HUGO, text="who-owns dns")
            activity["serviceUrl"] = elsewhere
            assert await bot.post(activity) == 400, elsewhere
        await asyncio.sleep(0.2)
        assert not await _tenant_exists(bot, TENANT)
        # the same activity calling back this machine is answered
        assert await bot.post(message(connector, who=HUGO, text="help")) in (200, 201)
    assert [call.kind for call in connector.calls] == ["reply"]


async def test_an_open_endpoint_never_uploads_a_file_off_this_machine(
    teams_bot: TeamsBot,
) -> None:
    connector = teams_bot.connector
    await send_invite(teams_bot)
    card: dict[str, Any] = attachment(connector.posted(SAM_CHAT)[-1])
    before = len(connector.calls)
    answer = consent_answer(connector, card, upload_url="http://169.254.169.254/latest/x")
    assert await teams_bot.post(answer) == 400
    assert connector.uploads == []
    assert len(connector.calls) == before
    assert await teams_bot.post(consent_answer(connector, card)) == 200
    assert [upload.name for upload in connector.uploads] == [card["name"]]


async def test_single_tenant_mode_refuses_other_tenants_and_stores_nothing(
    database_url: str, connector: FakeConnector
) -> None:
    database = Database(url=database_url)
    await upgrade(database=database)
    await import_fixtures(database, f"teams:{TENANT}")
    await database.dispose()
    async with serve_teams(database_url, connector, MICROSOFT_APP_TENANT_ID=TENANT) as bot:
        stranger = message(
            connector, who=HUGO, text="who-owns dns", tenant=OTHER_TENANT, conversation="a:1x"
        )
        assert await bot.post(stranger) == 403
        anonymous = message(connector, who=HUGO, text="who-owns dns")
        del anonymous["channelData"]
        del anonymous["conversation"]["tenantId"]
        assert await bot.post(anonymous) == 403
        await asyncio.sleep(0.2)
        assert not await _tenant_exists(bot, OTHER_TENANT)
        assert connector.calls == []
        assert await bot.post(message(connector, who=HUGO, text="who-owns dns")) in (200, 201)
    assert [call.kind for call in connector.calls] == ["reply"]


def _address_off_loopback() -> str | None:
    """One of this machine's addresses that is not loopback (no packet is sent)."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        try:
            probe.connect(("192.0.2.1", 9))  # TEST-NET-1: only picks the outgoing interface
        except OSError:
            return None
        address = str(probe.getsockname()[0])
    return None if is_loopback_host(address) else address


async def test_an_open_endpoint_answers_this_machine_only(
    database_url: str, connector: FakeConnector
) -> None:
    address = _address_off_loopback()
    if address is None:
        pytest.skip("this machine has no address but loopback to come from")
    database = Database(url=database_url)
    await upgrade(database=database)
    await database.dispose()
    async with serve_teams(database_url, connector, host="0.0.0.0") as bot:
        port = bot.http.server.port
        activity = message(connector, who=HUGO, text="who-owns dns")
        async with (
            aiohttp.ClientSession() as http,
            http.post(
                f"http://{address}:{port}/api/messages",
                json=activity,
                headers={"Content-Type": "application/json"},
            ) as response,
        ):
            assert response.status == 403
        await asyncio.sleep(0.2)
        assert not await _tenant_exists(bot, TENANT)
    assert connector.calls == []


APP_ID = "11111111-2222-3333-4444-555555555555"


def _installed(connector: FakeConnector, *, tenant: str = TENANT) -> dict[str, Any]:
    """A ``conversationUpdate`` naming nobody added: taken in silence when authenticated."""
    activity = message(connector, who=HUGO, tenant=tenant)
    activity.update(type="conversationUpdate")
    del activity["text"]
    return activity


@pytest.fixture
async def keys() -> AsyncIterator[FakeBotFrameworkKeys]:
    async with FakeBotFrameworkKeys() as fake:
        yield fake


@pytest.fixture
async def migrated(database_url: str) -> str:
    database = Database(url=database_url)
    await upgrade(database=database)
    await database.dispose()
    return database_url


def _with_app_id(keys: FakeBotFrameworkKeys, **extra: str) -> dict[str, Any]:
    return {
        "MICROSOFT_APP_ID": APP_ID,
        "MICROSOFT_APP_PASSWORD": "secret",
        "TANDEM_BOTFRAMEWORK_OPENID_URL": keys.metadata_url,
        **extra,
    }


async def test_forged_tokens_get_401_without_a_traceback_and_store_nothing(
    migrated: str,
    connector: FakeConnector,
    keys: FakeBotFrameworkKeys,
    caplog: pytest.LogCaptureFixture,
) -> None:
    url = connector.service_url
    unsigned = jwt.encode({"iss": ISSUER, "aud": APP_ID, "serviceurl": url}, "", "none")
    public_pem = (
        keys.key.public_key().public_bytes(Encoding.PEM, PublicFormat.SubjectPublicKeyInfo).decode()
    )
    forged = {
        "another key, same key id": keys.token(app_id=APP_ID, service_url=url, key=new_key()),
        "an unknown key id": keys.token(app_id=APP_ID, service_url=url, kid="nobody-knows"),
        "alg none": unsigned,
        "HS256 keyed with the public key": _hs256(public_pem, url),
        "expired": keys.token(app_id=APP_ID, service_url=url, expires_in=-3600),
        "another bot's": keys.token(app_id="99999999-0000-0000-0000-000000000000", service_url=url),
        "another service URL": keys.token(app_id=APP_ID, service_url="https://x.example/"),
    }
    async with serve_teams(migrated, connector, **_with_app_id(keys)) as bot:
        for what, token in forged.items():
            status = await bot.post(_installed(connector), Authorization=f"Bearer {token}")
            assert status == 401, what
        await asyncio.sleep(0.2)
        assert not await _tenant_exists(bot, TENANT)
        good = keys.token(app_id=APP_ID, service_url=url)
        assert await bot.post(_installed(connector), Authorization=f"Bearer {good}") in (200, 201)
        assert await _tenant_exists(bot, TENANT)
    assert "Traceback" not in caplog.text
    assert all(record.exc_info is None for record in caplog.records)
    assert connector.calls == []


def _hs256(secret: str, service_url: str) -> str:
    """The classic confusion: HMAC keyed with the published public key (PyJWT itself
    refuses a PEM as an HMAC secret, so it is signed by hand)."""
    header = {"alg": "HS256", "typ": "JWT", "kid": "tandem-test-key"}
    claims = {"iss": ISSUER, "aud": APP_ID, "serviceurl": service_url, "exp": 4102444800}

    def part(value: dict[str, Any]) -> str:
        raw = json.dumps(value, separators=(",", ":")).encode()
        return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()

    signing_input = f"{part(header)}.{part(claims)}"
    mac = hmac.new(secret.encode(), signing_input.encode(), hashlib.sha256).digest()
    return f"{signing_input}.{base64.urlsafe_b64encode(mac).rstrip(b'=').decode()}"


async def test_a_slow_key_endpoint_stalls_no_other_request(
    migrated: str, connector: FakeConnector, keys: FakeBotFrameworkKeys
) -> None:
    async with serve_teams(migrated, connector, **_with_app_id(keys)) as bot:
        keys.hold()
        token = keys.token(app_id=APP_ID, service_url=connector.service_url)
        waiting = asyncio.create_task(
            bot.post(_installed(connector), Authorization=f"Bearer {token}")
        )
        await keys.asked.wait()  # the key fetch is under way, and held
        # meanwhile the server answers others: the fetch does not hold the event loop
        assert await bot.post(_installed(connector), Authorization="Bearer x.y.z") == 401
        assert not waiting.done()
        keys.release()
        assert await waiting in (200, 201)
        # the keys are kept: the next token reads none
        fetched = keys.requests
        assert await bot.post(_installed(connector), Authorization=f"Bearer {token}") in (200, 201)
        assert keys.requests == fetched


async def test_key_endpoint_down_gets_503_to_try_again(
    migrated: str, connector: FakeConnector, keys: FakeBotFrameworkKeys
) -> None:
    keys.broken = True
    async with serve_teams(migrated, connector, **_with_app_id(keys)) as bot:
        token = keys.token(app_id=APP_ID, service_url=connector.service_url)
        assert await bot.post(_installed(connector), Authorization=f"Bearer {token}") == 503
        assert not await _tenant_exists(bot, TENANT)


async def test_with_an_app_id_single_tenant_mode_refuses_another_tenant(
    migrated: str, connector: FakeConnector, keys: FakeBotFrameworkKeys
) -> None:
    settings = _with_app_id(keys, MICROSOFT_APP_TENANT_ID=TENANT)
    async with serve_teams(migrated, connector, **settings) as bot:
        token = keys.token(app_id=APP_ID, service_url=connector.service_url)
        theirs = _installed(connector, tenant=OTHER_TENANT)
        assert await bot.post(theirs, Authorization=f"Bearer {token}") == 403
        assert not await _tenant_exists(bot, OTHER_TENANT)
        assert await bot.post(_installed(connector), Authorization=f"Bearer {token}") in (200, 201)
        assert await _tenant_exists(bot, TENANT)
