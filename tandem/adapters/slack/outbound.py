"""The adapter port over Slack's Web API: send, update, open a DM, invite, profile."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from dataclasses import replace

from slack_sdk.errors import SlackApiError
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
        # Posting to a user id lands in the app's DM with them: keep the DM's id for updates.
        channel = str(response.get("channel") or conversation.id)
        return MessageRef(conversation=replace(conversation, id=channel), id=str(response["ts"]))

    async def update(self, *, message: MessageRef, reply: Reply) -> None:
        client = await self._client_for(message.conversation.tenant)
        await client.chat_update(
            channel=message.conversation.id, ts=message.id, **render_message(reply)
        )

    async def open_dm(self, *, user: User) -> ConversationRef:
        """The user's DM with the app, addressed by user id: ``chat.postMessage`` accepts it,
        which spares a rate-limited ``conversations.open`` call per person."""
        return ConversationRef(
            tenant=user.tenant, id=user.platform_user_id, kind=ConversationKind.DIRECT
        )

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

    async def find_user(self, *, tenant: TenantKey, email: str) -> User | None:
        client = await self._client_for(tenant)
        try:
            response = await client.users_lookupByEmail(email=email)
        except SlackApiError as error:
            if error.response.get("error") == "users_not_found":
                return None
            raise
        found = response.get("user") or {}
        profile = found.get("profile") or {}
        return User(
            tenant=tenant,
            platform_user_id=str(found.get("id", "")),
            display_name=str(found.get("real_name") or profile.get("real_name") or ""),
            email=str(profile.get("email") or email),
            timezone=found.get("tz"),
            locale=found.get("locale"),
        )

    async def open_form(self, *, tenant: TenantKey, trigger: str, card: Card, locale: str) -> None:
        """Open the form of ``card`` as a modal; its submission comes back as the form's
        submit action.

        Slack's trigger ids live a few seconds: call this before any slow work.
        """
        client = await self._client_for(tenant)
        view = modal_view(card, close=Translator(locale=locale)("form.cancel"))
        await client.views_open(trigger_id=trigger, view=view)
