"""The adapter port over Slack's Web API: send, update, open a DM, invite, profile."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence

from slack_sdk.web.async_client import AsyncWebClient

from tandem.adapters.slack.profiles import ProfileCache
from tandem.adapters.slack.render import message as render_message
from tandem.adapters.slack.render import modal_view
from tandem.bot.cards import Card, Reply
from tandem.bot.i18n import Translator
from tandem.bot.port import Profile
from tandem.bot.types import ConversationKind, ConversationRef, MessageRef, TenantKey, User

ClientFor = Callable[[TenantKey], Awaitable[AsyncWebClient]]


class SlackPort:
    """Implements :class:`tandem.bot.port.ChatPort` for Slack; one client per workspace."""

    def __init__(self, *, client_for: ClientFor, profiles: ProfileCache) -> None:
        self._client_for = client_for
        self._profiles = profiles

    async def send(self, *, conversation: ConversationRef, reply: Reply) -> MessageRef:
        client = await self._client_for(conversation.tenant)
        response = await client.chat_postMessage(
            channel=conversation.id, thread_ts=conversation.thread, **render_message(reply)
        )
        return MessageRef(conversation=conversation, id=str(response["ts"]))

    async def update(self, *, message: MessageRef, reply: Reply) -> None:
        client = await self._client_for(message.conversation.tenant)
        await client.chat_update(
            channel=message.conversation.id, ts=message.id, **render_message(reply)
        )

    async def open_dm(self, *, user: User) -> ConversationRef:
        client = await self._client_for(user.tenant)
        response = await client.conversations_open(users=user.platform_user_id)
        channel = (response.get("channel") or {}).get("id", "")
        return ConversationRef(tenant=user.tenant, id=channel, kind=ConversationKind.DIRECT)

    async def invite(self, *, conversation: ConversationRef, users: Sequence[User]) -> bool:
        client = await self._client_for(conversation.tenant)
        await client.conversations_invite(
            channel=conversation.id, users=",".join(u.platform_user_id for u in users)
        )
        return True

    async def profile(self, *, user: User) -> Profile:
        client = await self._client_for(user.tenant)
        return await self._profiles.get(
            client=client, team_id=user.tenant.workspace, user_id=user.platform_user_id
        )

    async def open_form(
        self, *, tenant: TenantKey, trigger: str, card: Card, callback_id: str, locale: str
    ) -> None:
        """Open ``card`` as a modal; its submission comes back as ``callback_id``.

        Slack's trigger ids live a few seconds: call this before any slow work.
        """
        t = Translator(locale=locale)
        client = await self._client_for(tenant)
        view = modal_view(
            card, callback_id=callback_id, submit=t("form.submit"), close=t("form.cancel")
        )
        await client.views_open(trigger_id=trigger, view=view)
