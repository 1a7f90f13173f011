"""The adapter port over Slack's Web API, against the local fake."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from tandem.adapters.slack.outbound import SlackPort
from tandem.adapters.slack.profiles import ProfileCache
from tandem.bot.cards import Button, Card, Field, Form, Input, Reply
from tandem.bot.clock import FixedClock
from tandem.bot.port import MissingPermission
from tandem.bot.types import ConversationRef, TenantKey, User
from tests.conftest import NOW
from tests.slackfake.api import FakeSlackApi
from tests.slackfake.scopes import manifest_scopes

TENANT = TenantKey.parse("slack:T061EG9R6")


@pytest.fixture
async def port() -> AsyncIterator[tuple[SlackPort, FakeSlackApi]]:
    async with FakeSlackApi() as api:
        api.add_workspace(team_id="T061EG9R6", bot_token="xoxb-acme")
        api.add_user(
            team_id="T061EG9R6",
            user_id="U1",
            email="ana.silva@example.com",
            real_name="Ana Silva",
            tz="Europe/Lisbon",
            locale="pt-PT",
        )
        client = AsyncWebClient(token="xoxb-acme", base_url=api.base_url)

        async def client_for(tenant: TenantKey) -> AsyncWebClient:
            assert tenant == TENANT
            return client

        yield SlackPort(client_for=client_for, profiles=ProfileCache(clock=FixedClock(at=NOW))), api


async def test_send_then_update_the_same_message(port: tuple[SlackPort, FakeSlackApi]) -> None:
    slack, api = port
    where = ConversationRef(tenant=TENANT, id="C1")
    card = Card(title="Stand-up", fields=(Field(label="Ana", value="done"),))
    sent = await slack.send(conversation=where, reply=Reply.of_card(card))
    await slack.update(message=sent, reply=Reply(text="edited"))
    (posted,) = api.calls_to("chat.postMessage")
    (updated,) = api.calls_to("chat.update")
    assert posted.params["blocks"][0]["text"]["text"] == "Stand-up"
    assert (updated.params["ts"], updated.params["text"]) == (sent.id, "edited")


async def test_dm_invite_profile_and_form(port: tuple[SlackPort, FakeSlackApi]) -> None:
    slack, api = port
    ana = User(tenant=TENANT, platform_user_id="U1")
    dm = await slack.open_dm(user=ana)
    sent = await slack.send(conversation=dm, reply=Reply(text="hello"))
    assert sent.conversation.id == "DU1"  # the DM's own id, for later updates
    assert not api.calls_to("conversations.open")  # tier-3 method spared
    found = await slack.find_user(tenant=TENANT, email="Ana.Silva@example.com")
    assert found is not None and found.platform_user_id == "U1"
    assert await slack.find_user(tenant=TENANT, email="nobody@example.com") is None
    await slack.invite(conversation=ConversationRef(tenant=TENANT, id="C9"), users=[ana])
    assert api.calls_to("conversations.invite")[0].params["users"] == "U1"
    profile = await slack.profile(user=ana)
    assert (profile.email, profile.timezone, profile.locale) == (
        "ana.silva@example.com",
        "Europe/Lisbon",
        "pt-PT",
    )
    await slack.profile(user=ana)
    assert len(api.calls_to("users.info")) == 1  # cached
    form = Card(
        title="Request approval",
        form=Form(
            inputs=(Input(id="what", label="What?"),),
            submit=Button(label="Envoyer", action_id="guardrail.request", value="7"),
        ),
    )
    await slack.open_form(tenant=TENANT, trigger="1.2.3", card=form, locale="fr")
    (opened,) = api.calls_to("views.open")
    assert opened.params["view"]["submit"]["text"] == "Envoyer"
    assert opened.params["view"]["close"]["text"] == "Annuler"
    assert opened.params["view"]["callback_id"] == "guardrail.request"
    assert opened.params["view"]["private_metadata"] == "7"
    assert opened.params["trigger_id"] == "1.2.3"


async def test_a_call_without_its_scope_is_refused_and_an_invite_says_which_is_missing(
    port: tuple[SlackPort, FakeSlackApi],
) -> None:
    """Slack answers ``missing_scope`` to a token not granted what the method needs: the
    fake does too, so a scope the manifest lacks fails a test instead of a real workspace."""
    slack, api = port
    ana = User(tenant=TENANT, platform_user_id="U1")
    api.grant(bot_token="xoxb-acme", scopes=manifest_scopes() - {"chat:write", "groups:write"})
    with pytest.raises(SlackApiError) as refused:
        await slack.send(conversation=ConversationRef(tenant=TENANT, id="C1"), reply=Reply("hi"))
    assert refused.value.response["error"] == "missing_scope"
    assert refused.value.response["needed"] == "chat:write"
    assert "chat:write" not in refused.value.response.headers["x-oauth-scopes"].split(",")

    await slack.invite(conversation=ConversationRef(tenant=TENANT, id="C9"), users=[ana])
    api.add_private_channel("C7")
    with pytest.raises(MissingPermission) as missing:
        await slack.invite(conversation=ConversationRef(tenant=TENANT, id="C7"), users=[ana])
    assert missing.value.needed == ("groups:write",)
