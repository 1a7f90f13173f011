"""The ActivityHandler: Teams activities in, neutral events to the dispatcher, cards out.

It also keeps every conversation's reference (and each person's personal chat)
so that rituals can message them later.
"""

from __future__ import annotations

import base64
import binascii
import json
import logging
from dataclasses import dataclass
from datetime import datetime, timedelta
from http import HTTPStatus
from typing import Any

from aiohttp import ClientError, ClientSession, ClientTimeout
from botbuilder.core import ActivityHandler, InvokeResponse, TurnContext
from botbuilder.core.teams import TeamsInfo
from botbuilder.schema import Activity, AdaptiveCardInvokeResponse, ChannelAccount

from tandem.adapters.calls import CallObserver
from tandem.adapters.teams.inbound import (
    CARD_INVOKE,
    activity_tenant,
    card_action,
    card_action_event,
    conversation_kind,
    message_event,
    person_key,
    teams_account,
    tenant_key,
    welcomes,
    with_person_ids,
)
from tandem.adapters.teams.render import (
    CONTENT_TYPE,
    MAX_FILE_BYTES,
    activity,
    adaptive_card,
    file_consents,
    file_info,
)
from tandem.adapters.teams.retry import with_retries
from tandem.adapters.teams.trust import Trust
from tandem.bot.cards import Reply
from tandem.bot.clock import Clock
from tandem.bot.dispatcher import Dispatcher
from tandem.bot.i18n import Translator
from tandem.bot.logcontext import bind_tenant
from tandem.bot.types import (
    ConversationRef,
    Installed,
    MentionKind,
    MessageReceived,
    TenantKey,
    User,
)
from tandem.bot.unavailable import ServiceUnavailable
from tandem.storage.database import Database
from tandem.storage.repositories import teams, tenants

log = logging.getLogger(__name__)
MEMBER_TTL = timedelta(minutes=10)
FILE_CONSENT_INVOKE = "fileConsent/invoke"
UPLOAD_TIMEOUT = ClientTimeout(total=30)


@dataclass(frozen=True, slots=True)
class _Member:
    id: str
    name: str
    email: str | None
    fetched: datetime
    entra_id: str | None = None


@dataclass(frozen=True, slots=True)
class _Consent:
    """A person's answer on a file consent card; on accept, where to upload the file."""

    accepted: bool
    name: str
    content: bytes = b""
    upload_url: str = ""
    content_url: str = ""
    unique_id: str = ""
    file_type: str = ""


def _text(mapping: dict[str, Any], key: str) -> str | None:
    value = mapping.get(key)
    return value if isinstance(value, str) and value else None


def _consent(value: object) -> _Consent | None:
    """The ``fileConsent/invoke`` value as Teams sends it, or None when it is not one."""
    if not isinstance(value, dict) or value.get("type") != "fileUpload":
        return None
    context = value.get("context")
    if not isinstance(context, dict) or _text(context, "name") is None:
        return None
    name = str(context["name"])
    if value.get("action") == "decline":
        return _Consent(accepted=False, name=name)
    info = value.get("uploadInfo")
    if value.get("action") != "accept" or not isinstance(info, dict):
        return None
    try:
        content = base64.b64decode(str(context.get("content", "")), validate=True)
    except (binascii.Error, ValueError):
        return None
    fields = [_text(info, k) for k in ("uploadUrl", "contentUrl", "uniqueId", "fileType")]
    upload_url, content_url, unique_id, file_type = fields
    if (
        upload_url is None
        or not upload_url.startswith(("https://", "http://"))
        or content_url is None
        or unique_id is None
        or file_type is None
        or not 0 < len(content) <= MAX_FILE_BYTES
    ):
        return None
    return _Consent(
        accepted=True,
        name=_text(info, "name") or name,  # OneDrive may rename it (e.g. "invite (1).ics")
        content=content,
        upload_url=upload_url,
        content_url=content_url,
        unique_id=unique_id,
        file_type=file_type,
    )


async def _upload(consent: _Consent) -> bool:
    """PUT the file to the upload session OneDrive opened for it, in one range."""
    size = len(consent.content)
    headers = {"Content-Length": str(size), "Content-Range": f"bytes 0-{size - 1}/{size}"}
    try:
        async with (
            ClientSession(timeout=UPLOAD_TIMEOUT) as http,
            http.put(consent.upload_url, data=consent.content, headers=headers) as response,
        ):
            if response.status < 300:
                return True
            log.warning("Teams: the upload of %s answered %s", consent.name, response.status)
    except (ClientError, TimeoutError) as error:
        log.warning("Teams: the upload of %s failed (%s)", consent.name, type(error).__name__)
    return False


class TandemTeamsBot(ActivityHandler):  # type: ignore[misc]
    """Translates; no business rule lives here."""

    def __init__(
        self,
        *,
        dispatcher: Dispatcher,
        database: Database,
        clock: Clock,
        calls: CallObserver | None = None,
        trust: Trust,
    ) -> None:
        """``calls`` is told of the connector's 429s and of the calls tried again; ``trust``
        says where a file may be uploaded."""
        self._dispatcher = dispatcher
        self._trust = trust
        self._calls = calls
        self._database = database
        self._clock = clock
        self._members: dict[tuple[str, str], _Member] = {}

    # -- every turn -------------------------------------------------------------------------

    async def on_turn(self, turn_context: TurnContext) -> None:
        key = self._tenant(turn_context)
        if key is not None:
            bind_tenant(str(key))  # the turn's logs name the tenant
            await self._remember(turn_context, key)
        await super().on_turn(turn_context)

    def _tenant(self, turn_context: TurnContext) -> TenantKey | None:
        a = turn_context.activity
        tenant_id = activity_tenant(
            channel_data=a.channel_data,
            conversation_tenant=getattr(a.conversation, "tenant_id", None),
        )
        return tenant_key(tenant_id=tenant_id) if tenant_id else None

    async def _remember(self, turn_context: TurnContext, key: TenantKey) -> None:
        """Keep the conversation's reference for later sends. With the database out of reach
        it is kept next time: the dispatcher answers "try again" meanwhile."""
        try:
            await self._save_references(turn_context, key)
        except ServiceUnavailable:
            log.warning("database unreachable: the Teams conversation reference is not saved")

    async def _save_references(self, turn_context: TurnContext, key: TenantKey) -> None:
        a = turn_context.activity
        reference = TurnContext.get_conversation_reference(a)
        text = json.dumps(reference.serialize())
        now = self._clock.now()
        async with self._database.session() as session:
            tenant = await tenants.ensure_tenant(session, key=key)
            await teams.save_reference(
                session,
                tenant=tenant,
                kind=teams.CONVERSATION,
                key=a.conversation.id,
                reference=text,
                at=now,
            )
            if a.conversation.conversation_type in (None, "personal") and a.from_property:
                await teams.save_reference(
                    session,
                    tenant=tenant,
                    kind=teams.PERSONAL,
                    key=_person_key(a.from_property),
                    reference=text,
                    at=now,
                )

    async def _user(self, turn_context: TurnContext, key: TenantKey) -> User:
        a = turn_context.activity
        sender: ChannelAccount = a.from_property
        member = await self._member(turn_context, key, sender)
        return User(
            tenant=key,
            platform_user_id=_person_key(sender),
            display_name=member.name,
            email=member.email,
            timezone=getattr(a, "local_timezone", None),
            locale=a.locale,
        )

    async def _member(
        self, turn_context: TurnContext, key: TenantKey, sender: ChannelAccount
    ) -> _Member:
        cache_key = (key.workspace, sender.id)
        cached = self._members.get(cache_key)
        now = self._clock.now()
        if cached and now - cached.fetched < MEMBER_TTL:
            return cached
        email = None
        name = sender.name or ""
        entra_id = getattr(sender, "aad_object_id", None)
        try:
            found = await with_retries(
                lambda: TeamsInfo.get_member(turn_context, sender.id), observer=self._calls
            )
            email = getattr(found, "email", None) or getattr(found, "user_principal_name", None)
            name = getattr(found, "name", None) or name
            entra_id = getattr(found, "aad_object_id", None)
        except Exception as error:  # Playground and some clients have no member API
            log.info("Teams member look-up failed (%s); using the activity's name", error)
        member = _Member(id=sender.id, name=name, email=email, fetched=now, entra_id=entra_id)
        self._members[cache_key] = member
        return member

    def _conversation(self, turn_context: TurnContext, key: TenantKey) -> ConversationRef:
        a = turn_context.activity
        reference = TurnContext.get_conversation_reference(a)
        return ConversationRef(
            tenant=key,
            id=a.conversation.id,
            kind=conversation_kind(a.conversation.conversation_type),
            reference=json.dumps(reference.serialize()),
        )

    async def _send(self, turn_context: TurnContext, reply: Reply) -> None:
        """The reply, then a consent card per file (in a personal chat: Teams allows no other)."""
        await with_retries(
            lambda: turn_context.send_activity(activity(reply)), observer=self._calls
        )
        if not reply.files:
            return
        if turn_context.activity.conversation.conversation_type not in (None, "personal"):
            log.warning("Teams: files left out of a reply outside a personal chat")
            return
        for consent in file_consents(reply.files):
            await self._send_activity(turn_context, consent)

    async def _send_activity(self, turn_context: TurnContext, message: Activity | str) -> None:
        await with_retries(lambda: turn_context.send_activity(message), observer=self._calls)

    # -- activities -------------------------------------------------------------------------

    async def on_message_activity(self, turn_context: TurnContext) -> None:
        key = self._tenant(turn_context)
        if key is None:
            t = Translator(locale=turn_context.activity.locale)
            await turn_context.send_activity(t("teams.no_tenant"))
            return
        user = await self._user(turn_context, key)
        where = self._conversation(turn_context, key)
        event = message_event(_as_sent(turn_context.activity), user=user, where=where)
        if isinstance(event, MessageReceived):
            event = await self._entra_ids(turn_context, key, event)
        await self._send(turn_context, await self._dispatcher.handle(event))

    async def _entra_ids(
        self, turn_context: TurnContext, key: TenantKey, event: MessageReceived
    ) -> MessageReceived:
        """The people ``event`` mentions named by their Entra id, as every person is in
        Tandem (a mention entity gives only the Teams account id: the member look-up,
        cached, says the rest; one it cannot answer keeps the account id)."""
        accounts = {
            found.id
            for found in event.mentions
            if found.kind is MentionKind.PERSON and teams_account(found.id)
        }
        ids: dict[str, str] = {}
        for account in sorted(accounts):
            member = await self._member(turn_context, key, ChannelAccount(id=account))
            if member.entra_id:
                ids[account] = member.entra_id
        return with_person_ids(event, ids) if ids else event

    async def on_members_added_activity(
        self, members_added: list[ChannelAccount], turn_context: TurnContext
    ) -> None:
        if welcomes(_as_sent(turn_context.activity)):
            await self._welcome(turn_context)

    async def on_installation_update_add(self, turn_context: TurnContext) -> None:
        if welcomes(_as_sent(turn_context.activity)):
            await self._welcome(turn_context)

    async def _welcome(self, turn_context: TurnContext) -> None:
        key = self._tenant(turn_context)
        if key is None or turn_context.activity.from_property is None:
            return
        if not await self._first_welcome(turn_context, key):
            return
        user = await self._user(turn_context, key)
        reply = await self._dispatcher.handle(
            Installed(user=user, conversation=self._conversation(turn_context, key))
        )
        await self._send(turn_context, reply)

    async def _first_welcome(self, turn_context: TurnContext, key: TenantKey) -> bool:
        """Whether this install is not welcomed yet (Teams announces it twice). With the
        database out of reach, welcome: twice is better than never."""
        conversation = turn_context.activity.conversation
        try:
            async with self._database.session() as session:
                tenant = await tenants.ensure_tenant(session, key=key)
                return await teams.claim_welcome(
                    session,
                    tenant=tenant,
                    conversation_id=str(conversation.id),
                    at=self._clock.now(),
                )
        except ServiceUnavailable:
            return True

    async def on_invoke_activity(self, turn_context: TurnContext) -> InvokeResponse:
        """``Action.Execute`` (``adaptiveCard/action``): the answer replaces the card in place.

        The response body is handed over unserialised: botbuilder 4.17's own
        ``on_adaptive_card_invoke`` path serialises it twice and fails.
        """
        if turn_context.activity.name == FILE_CONSENT_INVOKE:
            return await self._file_consent(turn_context)
        if turn_context.activity.name != CARD_INVOKE:
            answered = await super().on_invoke_activity(turn_context)
            if answered is not None and answered.status == HTTPStatus.NOT_IMPLEMENTED:
                # an invoke the app never declared: the client's mistake, not a server fault
                return InvokeResponse(status=HTTPStatus.BAD_REQUEST)
            return answered
        response = await self._card_action(turn_context)
        return InvokeResponse(status=response.status_code, body=response)

    async def _file_consent(self, turn_context: TurnContext) -> InvokeResponse:
        """Allow or Decline on a file consent card.

        On Allow the file goes to the upload URL Teams gives, then a file card shows it in
        the chat; on Decline a line says it was not saved. Anything else gets a 400.
        """
        consent = _consent(turn_context.activity.value)
        if consent is None:
            log.warning("Teams: refused a malformed %s", FILE_CONSENT_INVOKE)
            return InvokeResponse(status=400)
        if consent.accepted and not self._trust.upload_url_allowed(consent.upload_url):
            log.warning("Teams: refused an upload URL off Microsoft's file hosts")
            return InvokeResponse(status=400)
        t = Translator(locale=turn_context.activity.locale)
        if not consent.accepted:
            await self._send_activity(turn_context, t("files.declined", name=consent.name))
        elif await _upload(consent):
            card = file_info(
                name=consent.name,
                content_url=consent.content_url,
                unique_id=consent.unique_id,
                file_type=consent.file_type,
            )
            await self._send_activity(turn_context, card)
        else:
            await self._send_activity(turn_context, t("files.upload_failed", name=consent.name))
        return InvokeResponse(status=200)

    async def _card_action(self, turn_context: TurnContext) -> AdaptiveCardInvokeResponse:
        key = self._tenant(turn_context)
        sent = _as_sent(turn_context.activity)
        if key is None or card_action(sent) is None:
            return AdaptiveCardInvokeResponse(
                status_code=400,
                type="application/vnd.microsoft.error",
                value={"code": "BadRequest", "message": "not an action Tandem knows"},
            )
        user = await self._user(turn_context, key)
        where = self._conversation(turn_context, key)
        event = card_action_event(sent, user=user, where=where)
        assert event is not None
        reply = await self._dispatcher.handle(event)
        card = (
            adaptive_card(reply.card)
            if reply.card
            else {
                "type": "AdaptiveCard",
                "version": "1.5",
                "body": [{"type": "TextBlock", "text": reply.text, "wrap": True}],
            }
        )
        return AdaptiveCardInvokeResponse(status_code=200, type=CONTENT_TYPE, value=card)


def _person_key(account: ChannelAccount) -> str:
    """A person's stable id: the AAD object id when Teams gives it."""
    return person_key(account.serialize())


def _as_sent(activity: Activity) -> dict[str, Any]:
    """The activity as Teams sent it (JSON names), for the pure translations of
    :mod:`tandem.adapters.teams.inbound` (botbuilder's serialiser leaves out what an entity
    holds beyond its type: put back)."""
    sent: dict[str, Any] = activity.serialize()
    sent["entities"] = [
        {**(entity.additional_properties or {}), "type": entity.type}
        for entity in activity.entities or ()
        if entity is not None
    ]
    return sent
