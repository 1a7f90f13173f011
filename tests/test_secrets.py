"""Slack bot tokens at rest: encrypted with the operator's key (``TANDEM_SECRET_KEY``),
rotated with ``tandem secrets rotate``, refused at start when no key given decrypts them,
and an archive on standard output said to hold credentials.

``tandem serve`` and the rotation an operator runs beside it are real processes; the
light commands (export, import, a refused rotation) run in-process (``tests/cli.py``).
"""

from __future__ import annotations

import asyncio
import json
import os
import re
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

import aiohttp
import pytest
from sqlalchemy import text

from tandem.bot.types import TenantKey
from tandem.storage.cipher import TokenCipher
from tandem.storage.database import Database
from tandem.storage.repositories import slack, tenants
from tandem.storage.repositories.slack import SlackInstallationRecord
from tests.cli import CLEARED, tandem
from tests.replicas import free_port, start_replicas
from tests.slackfake.api import FakeSlackApi
from tests.slackfake.signing import command_body, signed_headers
from tests.test_slack_e2e import (
    OTHER_TEAM,
    PEOPLE,
    SAM,
    SECRET,
    TEAM,
    import_into,
    serve_slack,
    settings_for,
)

# Test keys, made with `tandem secrets new-key`.
OLD = "ash-dJg8qHfkjrQLsxpS6HRuW8EZelRIoHOfxlAXG3g="
NEW = "SMxZqpT8yI094bBHT42Nj4NFP6nsJY_Gu90C_TqoG5U="
TOKEN = "xoxb-1111111111-2222222222-acmeTokenNotForDisk"
OTHER_TOKEN = "xoxb-3333333333-4444444444-otherTokenNotForDisk"
OAUTH = {"SLACK_CLIENT_ID": "111.222", "SLACK_CLIENT_SECRET": "client-secret"}


# -- helpers ----------------------------------------------------------------------------------


async def install(database_url: str, *, team: str, token: str, keys: Sequence[str]) -> None:
    """Save an installation as ``tandem serve`` with ``TANDEM_SECRET_KEY=keys`` saves one."""
    database = Database(url=database_url)
    try:
        async with database.session() as session:
            tenant = await tenants.ensure_tenant(session, key=TenantKey.parse(f"slack:{team}"))
            await slack.save_installation(
                session,
                tenant=tenant,
                record=SlackInstallationRecord(bot_token=token, team_id=team),
                cipher=TokenCipher(keys=keys),
            )
    finally:
        await database.dispose()


async def stored(database_url: str) -> dict[str, str]:
    """The ``bot_token`` column as the database holds it, by tenant key."""
    database = Database(url=database_url)
    try:
        async with database.engine.connect() as connection:
            rows = await connection.execute(
                text(
                    "SELECT tenant.key, slack_installation.bot_token FROM slack_installation "
                    "JOIN tenant ON tenant.id = slack_installation.tenant_id"
                )
            )
            return {str(key): str(token) for key, token in rows}
    finally:
        await database.dispose()


async def read_token(database_url: str, *, team: str, keys: Sequence[str]) -> str:
    """The token Tandem reads for ``team`` with ``TANDEM_SECRET_KEY=keys``."""
    database = Database(url=database_url)
    try:
        async with database.session() as session:
            tenant = await tenants.find_tenant(session, key=TenantKey.parse(f"slack:{team}"))
            assert tenant is not None
            found = await slack.find_installation(
                session, tenant=tenant, cipher=TokenCipher(keys=keys)
            )
        assert found is not None
        return found.bot_token
    finally:
        await database.dispose()


def environment(home: Path, **settings: str) -> dict[str, str]:
    """A real process's: the test process's without Tandem's and Slack's settings."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(CLEARED)}
    env.update(HOME=str(home), TANDEM_DEMO="false", **settings)
    return env


def serve_until_it_stops(
    database_url: str, *, home: Path, **settings: str
) -> subprocess.CompletedProcess[str]:
    """``tandem serve`` as an operator starts it, run until it exits (it should at once)."""
    return subprocess.run(
        [sys.executable, "-m", "tandem", "serve"],
        env=environment(
            home, TANDEM_DATABASE_URL=database_url, TANDEM_PORT=str(free_port()), **settings
        ),
        cwd=home,
        capture_output=True,
        text=True,
        timeout=60,
    )


async def run_tandem(args: list[str], *, home: Path, **settings: str) -> tuple[int, str, str]:
    """``tandem ARGS`` as a real process, without blocking the event loop (which may be
    serving the fake Slack API)."""
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "tandem",
        *args,
        env=environment(home, **settings),
        cwd=home,
        stdin=asyncio.subprocess.DEVNULL,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    out, err = await asyncio.wait_for(process.communicate(), 60)
    assert process.returncode is not None
    return process.returncode, out.decode(), err.decode()


def no_plain_token(values: dict[str, str]) -> bool:
    return all(not value.startswith("xox") and "xoxb-" not in value for value in values.values())


# -- encrypted at rest, and still used ----------------------------------------------------------


async def test_a_workspace_installed_with_a_key_has_its_token_encrypted_and_still_works(
    database_url: str,
) -> None:
    async with FakeSlackApi() as api:
        api.add_oauth_code(code="code-acme", team_id=TEAM, bot_token=TOKEN)
        for user_id, email, name, tz, locale in PEOPLE:
            api.add_user(
                team_id=TEAM, user_id=user_id, email=email, real_name=name, tz=tz, locale=locale
            )
        await import_into(database_url, f"slack:{TEAM}")
        settings = settings_for(database_url, api, TANDEM_SECRET_KEY=NEW, **OAUTH)
        async with serve_slack(settings, api) as bot:
            start = await bot.http.get("/slack/install", allow_redirects=False)
            cookie = start.headers.get("Set-Cookie", "").split(";")[0]
            state = re.search(
                r"state=([^&\"]+)", await start.text() + start.headers.get("Location", "")
            )
            assert state is not None
            done = await bot.http.get(
                f"/slack/oauth_redirect?code=code-acme&state={state.group(1)}",
                headers={"Cookie": cookie},
            )
            assert done.status == 200, await done.text()
            column = await stored(database_url)
            assert list(column) == [f"slack:{TEAM}"]
            assert no_plain_token(column) and TOKEN not in column[f"slack:{TEAM}"]
            assert column[f"slack:{TEAM}"].startswith("fernet:")

            await bot.command("dns", user=SAM, name="after-install")
            (answer,) = await bot.wait_for(lambda: bot.responses("after-install"))
            assert "Ana Silva" in json.dumps(answer.params)
            assert {call.token for call in api.calls_to("users.info")} == {TOKEN}


# -- refusing to start ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("given", "said"),
    [
        ({}, "TANDEM_SECRET_KEY is not set"),
        ({"TANDEM_SECRET_KEY": OLD}, "no key in TANDEM_SECRET_KEY decrypts"),
    ],
    ids=["no-key", "another-key"],
)
def test_serve_refuses_in_one_line_tokens_no_key_given_decrypts(
    database_url: str, tmp_path: Path, given: dict[str, str], said: str
) -> None:
    asyncio.run(install(database_url, team=TEAM, token=TOKEN, keys=[NEW]))
    slack_app = {"SLACK_SIGNING_SECRET": SECRET, **OAUTH}
    ran = serve_until_it_stops(database_url, home=tmp_path, **slack_app, **given)
    assert ran.returncode == 1
    output = ran.stdout + ran.stderr
    lines = output.splitlines()
    errors = [line for line in lines if "ERROR" in line]
    assert errors == lines[-1:], output  # one line says why, and it is the last one
    assert "refusing to start" in errors[0] and said in errors[0]
    assert f"1 Slack installation (slack:{TEAM})" in errors[0]
    assert "Traceback" not in output and NEW not in output and OLD not in output
    assert [line for line in lines if "INFO" not in line] == errors  # nothing else but news


def test_a_key_that_is_not_a_fernet_key_is_refused_in_one_line(
    database_url: str, tmp_path: Path
) -> None:
    malformed = "my-secret-passphrase-42"
    ran = serve_until_it_stops(database_url, home=tmp_path, TANDEM_SECRET_KEY=f"{NEW},{malformed}")
    assert ran.returncode == 1
    output = ran.stdout + ran.stderr
    (line,) = output.splitlines()
    assert "TANDEM_SECRET_KEY: its 2nd key is not a Fernet key" in line
    assert "tandem secrets new-key" in line
    assert malformed not in output and NEW not in output and "Traceback" not in output


async def test_without_a_key_serve_starts_and_warns_once_that_tokens_are_in_plain_text(
    database_url: str, tmp_path: Path
) -> None:
    await install(database_url, team=TEAM, token=TOKEN, keys=[])
    async with start_replicas(
        count=1, database_url=database_url, workdir=tmp_path, env={"TANDEM_DEMO": "false"}
    ) as (replica,):
        pass
    warned = [line for line in replica.log_text().splitlines() if "plain text" in line]
    assert len(warned) == 1, replica.log_text()
    assert f"slack:{TEAM}" in warned[0] and "set TANDEM_SECRET_KEY" in warned[0]
    assert "tandem secrets rotate" in warned[0]
    assert TOKEN not in replica.log_text()


# -- rotation -------------------------------------------------------------------------------


async def test_keys_are_rotated_then_the_old_one_removed(database_url: str, tmp_path: Path) -> None:
    async with FakeSlackApi() as api:
        for user_id, email, name, tz, locale in PEOPLE:
            api.add_user(
                team_id=TEAM, user_id=user_id, email=email, real_name=name, tz=tz, locale=locale
            )
        api.add_workspace(team_id=TEAM, bot_token=TOKEN)
        api.add_workspace(team_id=OTHER_TEAM, bot_token=OTHER_TOKEN)
        await import_into(database_url, f"slack:{TEAM}")
        await install(database_url, team=TEAM, token=TOKEN, keys=[OLD])  # a key since
        await install(database_url, team=OTHER_TEAM, token=OTHER_TOKEN, keys=[])  # before

        # 1. The new key first, the old one after it; 2. rotate.
        both = {"TANDEM_DATABASE_URL": database_url, "TANDEM_SECRET_KEY": f"{NEW},{OLD}"}
        code, out, err = await run_tandem(["secrets", "rotate"], home=tmp_path, **both)
        assert code == 0, err
        assert out.strip() == (
            "2 Slack installations: 1 encrypted (were in plain text), 1 re-encrypted with the "
            "first key of TANDEM_SECRET_KEY, 0 already encrypted with it"
        )
        rotated = await stored(database_url)
        assert no_plain_token(rotated)
        assert await read_token(database_url, team=TEAM, keys=[NEW]) == TOKEN
        assert await read_token(database_url, team=OTHER_TEAM, keys=[NEW]) == OTHER_TOKEN

        code, out, err = await run_tandem(["secrets", "rotate"], home=tmp_path, **both)
        assert code == 0, err
        assert "0 encrypted (were in plain text), 0 re-encrypted" in out
        assert "2 already encrypted with it" in out
        assert await stored(database_url) == rotated  # a second run changes nothing

        # 3. The old key removed: Tandem starts and uses the tokens.
        env = {"SLACK_SIGNING_SECRET": SECRET, "SLACK_API_URL": api.base_url, **OAUTH}
        async with start_replicas(
            count=1,
            database_url=database_url,
            workdir=tmp_path / "new-key-only",
            env={**env, "TANDEM_SECRET_KEY": NEW, "TANDEM_DEMO": "false"},
        ) as (replica,):
            body = command_body(
                command="/who-owns",
                text="dns",
                team_id=TEAM,
                user_id=SAM,
                response_url=api.response_url("rotated"),
            )
            headers = signed_headers(
                body=body, secret=SECRET, content_type="application/x-www-form-urlencoded"
            )
            async with (
                aiohttp.ClientSession() as http,
                http.post(f"{replica.base}/slack/events", data=body, headers=headers) as sent,
            ):
                assert sent.status == 200
            for _ in range(300):
                if [c for c in api.calls_to("response_url") if c.params.get("name") == "rotated"]:
                    break
                await asyncio.sleep(0.05)
            (answer,) = [
                c for c in api.calls_to("response_url") if c.params.get("name") == "rotated"
            ]
            assert "Ana Silva" in json.dumps(answer.params)
            assert {call.token for call in api.calls_to("users.info")} == {TOKEN}
        assert "plain text" not in replica.log_text()

        # The old key alone no longer opens them.
        code, out, err = await run_tandem(
            ["serve"],
            home=tmp_path,
            TANDEM_DATABASE_URL=database_url,
            TANDEM_PORT=str(free_port()),
            TANDEM_SECRET_KEY=OLD,
        )
        assert code == 1
        (line,) = (out + err).splitlines()
        assert "refusing to start: no key in TANDEM_SECRET_KEY decrypts" in line
        assert "2 Slack installations" in line


@pytest.mark.parametrize(
    ("given", "said"),
    [
        ({}, "TANDEM_SECRET_KEY is not set: there is no key to encrypt with"),
        ({"TANDEM_SECRET_KEY": NEW}, "nothing was changed: no key in TANDEM_SECRET_KEY decrypts"),
    ],
    ids=["no-key", "without-the-old-key"],
)
def test_a_rotation_that_cannot_decrypt_every_token_changes_nothing(
    database_url: str, tmp_path: Path, given: dict[str, str], said: str
) -> None:
    asyncio.run(install(database_url, team=TEAM, token=TOKEN, keys=[OLD]))
    asyncio.run(install(database_url, team=OTHER_TEAM, token=OTHER_TOKEN, keys=[]))
    before = asyncio.run(stored(database_url))
    code, out, err = asyncio.run(
        run_tandem(["secrets", "rotate"], home=tmp_path, TANDEM_DATABASE_URL=database_url, **given)
    )
    assert code == 1
    (line,) = (out + err).splitlines()
    assert said in line and "Traceback" not in err
    assert asyncio.run(stored(database_url)) == before  # the plain one was not encrypted either


# -- archives -------------------------------------------------------------------------------


def test_export_all_to_standard_output_warns_that_it_holds_credentials(
    database_url: str, tmp_path: Path
) -> None:
    asyncio.run(install(database_url, team=TEAM, token=TOKEN, keys=[NEW]))
    env = {"TANDEM_DATABASE_URL": database_url, "TANDEM_SECRET_KEY": NEW}
    ran = tandem(["export", "all", "--tenant", f"slack:{TEAM}"], env=env)
    assert ran.returncode == 0, ran.stderr
    assert "warning: this archive holds credentials" in ran.stderr
    assert "-o FILE" in ran.stderr
    assert "warning" not in ran.stdout and json.loads(ran.stdout.splitlines()[0])["format"]
    # As the database stores it: encrypted, readable with the same key only.
    assert TOKEN not in ran.stdout and "fernet:" in ran.stdout

    archive = tmp_path / "acme.tandem.jsonl"
    written = tandem(["export", "all", "--tenant", f"slack:{TEAM}", "-o", str(archive)], env=env)
    assert written.returncode == 0 and written.stderr == ""

    # The round trip, under another key: the token reads with the same key...
    moved = tandem(["import", "all", str(archive), "--tenant", "slack:T0MOVED01"], env=env)
    assert moved.returncode == 0, moved.stderr
    assert moved.stderr == ""
    assert asyncio.run(read_token(database_url, team="T0MOVED01", keys=[NEW])) == TOKEN
    # ...and an import where that key is not given says serve will refuse.
    again = tandem(
        ["import", "all", str(archive), "--tenant", "slack:T0MOVED02"],
        env={"TANDEM_DATABASE_URL": database_url},
    )
    assert again.returncode == 0, again.stderr
    assert "slack:T0MOVED02 is encrypted with a key TANDEM_SECRET_KEY does not hold here" in (
        again.stderr
    )
