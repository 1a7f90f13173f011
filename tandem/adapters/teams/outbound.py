"""The adapter port over the Bot Framework connector: proactive sends from stored references."""

from __future__ import annotations

import json
import logging
from collections.abc import Sequence

from botbuilder.core import TurnContext
from botbuilder.integration.aiohttp import CloudAdapter
from botbuilder.schema import (
    Activity,
    ChannelAccount,
    ConversationParameters,
    ConversationReference,
)

from tandem.adapters.calls import CallObserver
from tandem.adapters.teams.render import activity, file_consents
from tandem.adapters.teams.retry import with_retries
from tandem.bot.cards import Reply
from tandem.bot.clock import Clock
from tandem.bot.port import Profile
from tandem.bot.types import ConversationKind, ConversationRef, MessageRef, TenantKey, User
from tandem.storage.database import Database
from tandem.storage.repositories import teams, tenants

log = logging.getLogger(__name__)


class NotReachable(LookupError):
    """Tandem has no way yet to reach that conversation or person."""


async def _send_one(
    turn_context: TurnContext, message: Activity, *, observer: CallObserver | None
) -> None:
    await with_retries(lambda: turn_context.send_activity(message), observer=observer)


class TeamsPort:
    """Implements :class:`tandem.bot.port.ChatPort` for Teams."""

    def __init__(
        self,
        *,
        adapter: CloudAdapter,
        app_id: str,
        database: Database,
        clock: Clock,
        calls: CallObserver | None = None,
    ) -> None:
        """``calls`` is told of the connector's 429s and of the calls tried again."""
        self._adapter = adapter
        self._calls = calls
        self._clock = clock
        self._app_id = app_id
        self._database = database

    async def _reference(self, conversation: ConversationRef) -> ConversationReference:
        text = conversation.reference
        if text is None:
            async with self._database.session() as session:
                tenant = await tenants.find_tenant(session, key=conversation.tenant)
                if tenant is not None:
                    text = await teams.find_reference(
                        session, tenant=tenant, kind=teams.CONVERSATION, key=conversation.id
                    )
        if text is None:
            raise NotReachable(f"no stored reference for conversation {conversation.id}")
        return ConversationReference().deserialize(json.loads(text))

    async def send(self, *, conversation: ConversationRef, reply: Reply) -> MessageRef:
        reference = await self._reference(conversation)
        if conversation.thread:  # a reply in a channel thread
            base = reference.conversation.id.split(";", 1)[0]
            reference.conversation.id = f"{base};messageid={conversation.thread}"
        sent: list[str] = []
        consents = []
        if reply.files and conversation.kind is ConversationKind.DIRECT:
            consents = file_consents(reply.files)
        elif reply.files:  # Teams lets bots send files in personal chats only
            log.warning("Teams: files left out of a message to a %s", conversation.kind.value)

        async def callback(turn_context: TurnContext) -> None:
            response = await with_retries(
                lambda: turn_context.send_activity(activity(reply)), observer=self._calls
            )
            sent.append(getattr(response, "id", "") or "")
            for consent in consents:
                await _send_one(turn_context, consent, observer=self._calls)

        await self._adapter.continue_conversation(reference, callback, self._app_id)
        return MessageRef(conversation=conversation, id=sent[0] if sent else "")

    async def update(self, *, message: MessageRef, reply: Reply) -> None:
        """Replace the message's text and card; ``reply.files`` are not offered again."""
        reference = await self._reference(message.conversation)
        updated = activity(reply)
        updated.id = message.id

        async def callback(turn_context: TurnContext) -> None:
            await with_retries(lambda: turn_context.update_activity(updated), observer=self._calls)

        await self._adapter.continue_conversation(reference, callback, self._app_id)

    async def open_dm(self, *, user: User) -> ConversationRef:
        """The person's personal chat: stored, or created through a conversation of their tenant."""
        async with self._database.session() as session:
            tenant = await tenants.find_tenant(session, key=user.tenant)
            if tenant is None:
                raise NotReachable(f"Tandem is not installed in {user.tenant}")
            personal = await teams.find_reference(
                session, tenant=tenant, kind=teams.PERSONAL, key=user.platform_user_id
            )
        if personal is not None:
            reference = ConversationReference().deserialize(json.loads(personal))
            return ConversationRef(
                tenant=user.tenant,
                id=reference.conversation.id,
                kind=ConversationKind.DIRECT,
                reference=personal,
            )
        return await self._create_personal_chat(user)

    async def _create_personal_chat(self, user: User) -> ConversationRef:
        async with self._database.session() as session:
            tenant = await tenants.find_tenant(session, key=user.tenant)
            any_reference = None
            if tenant is not None:
                any_reference = await teams.any_reference(session, tenant=tenant)
        if any_reference is None:
            raise NotReachable(f"no conversation of {user.tenant} to start a chat from")
        known = ConversationReference().deserialize(json.loads(any_reference))
        parameters = ConversationParameters(
            is_group=False,
            bot=known.bot,
            members=[ChannelAccount(id=user.platform_user_id)],
            tenant_id=user.tenant.workspace,
            channel_data={"tenant": {"id": user.tenant.workspace}},
        )
        created: list[str] = []

        async def callback(turn_context: TurnContext) -> None:
            reference = TurnContext.get_conversation_reference(turn_context.activity)
            created.append(json.dumps(reference.serialize()))

        await with_retries(
            lambda: self._adapter.create_conversation(
                self._app_id, callback, parameters, "msteams", known.service_url, None
            ),
            observer=self._calls,
        )
        text = created[0]
        reference = ConversationReference().deserialize(json.loads(text))
        async with self._database.session() as session:
            tenant = await tenants.ensure_tenant(session, key=user.tenant)
            await teams.save_reference(
                session,
                tenant=tenant,
                kind=teams.PERSONAL,
                key=user.platform_user_id,
                reference=text,
                at=self._clock.now(),
            )
        return ConversationRef(
            tenant=user.tenant,
            id=reference.conversation.id,
            kind=ConversationKind.DIRECT,
            reference=text,
        )

    async def invite(self, *, conversation: ConversationRef, users: Sequence[User]) -> bool:
        """Bots cannot add people to Teams chats or channels: the caller sends a link instead."""
        return False

    async def members(self, *, conversation: ConversationRef) -> list[User] | None:
        """Not listed yet: name the members (see the README)."""
        return None

    async def find_user(self, *, tenant: TenantKey, email: str) -> User | None:
        """Teams gives bots no look-up by email: a person is known once they talk to Tandem."""
        return None

    async def profile(self, *, user: User) -> Profile:
        return Profile(
            email=user.email, name=user.display_name, timezone=user.timezone, locale=user.locale
        )
