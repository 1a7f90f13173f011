"""slack-bolt's AsyncApp on Tandem's own aiohttp server: Slack in, neutral events out.

Every listener acks first (Slack's 3-second window), then translates the payload
into a neutral event for the dispatcher and renders the neutral reply back into
Block Kit. No business rule lives here.
"""

from __future__ import annotations

import asyncio
import logging
import re
from collections.abc import Awaitable, Callable
from typing import Any

import aiohttp
from aiohttp import ClientSession, TCPConnector, web
from slack_bolt.adapter.aiohttp import to_aiohttp_response, to_bolt_request
from slack_bolt.async_app import AsyncApp
from slack_bolt.context.async_context import AsyncBoltContext
from slack_bolt.context.respond.async_respond import AsyncRespond
from slack_bolt.oauth.async_oauth_settings import AsyncOAuthSettings
from slack_bolt.request.async_request import AsyncBoltRequest
from slack_bolt.request.internals import parse_body
from slack_bolt.response import BoltResponse
from slack_sdk.errors import SlackApiError
from slack_sdk.signature import SignatureVerifier
from slack_sdk.web.async_client import AsyncWebClient

from tandem.adapters.calls import CallObserver
from tandem.adapters.slack.inbound import (
    action_conversation,
    action_event,
    command_event,
    conversation,
    home_event,
    home_tab,
    message_event,
    neutral_text,
    payload_team,
    read_by_tandem,
    split_share,
    tenant_key,
    view_event,
    well_formed,
)
from tandem.adapters.slack.installation_store import (
    DatabaseInstallationStore,
    DatabaseOAuthStateStore,
)
from tandem.adapters.slack.outbound import SlackPort, upload_files
from tandem.adapters.slack.profiles import ProfileCache
from tandem.adapters.slack.render import SHARE_ACTION, home_view, message
from tandem.adapters.slack.retries import response_url_client, retry_handlers
from tandem.adapters.slack.scopes import BOT_SCOPES, granted_by, missing_scopes, warn_if_missing
from tandem.bot.cards import Reply
from tandem.bot.clock import Clock
from tandem.bot.dispatcher import Dispatcher
from tandem.bot.i18n import Translator
from tandem.bot.settings import Settings
from tandem.bot.text import clean_input
from tandem.bot.types import (
    CommandInvoked,
    ConversationRef,
    TenantKey,
    User,
)
from tandem.bot.unavailable import ServiceUnavailable
from tandem.storage.cipher import TokenCipher
from tandem.storage.database import Database
from tandem.storage.repositories import slack as slack_repo
from tandem.storage.repositories import tenants

log = logging.getLogger(__name__)
DEFAULT_API_URL = "https://slack.com/api/"
BOT_EVENTS = (
    "app_home_opened",
    "app_mention",
    "app_uninstalled",
    "message.im",
    "tokens_revoked",
    "user_change",
)
HTTP_CONNECTIONS = 512
EVENTS_PATH = "/slack/events"
INSTALL_PATH = "/slack/install"
REDIRECT_PATH = "/slack/oauth_redirect"
Next = Callable[[], Awaitable[BoltResponse]]
CLAIM = "tandem_claim"
"""The context key holding what identifies a request for :meth:`SlackAdapter._first_time`."""


class SlackRoutes:
    """Slack's routes on the shared server, mounted before it starts.

    The adapter itself is built once the event loop runs (SDK clients must be
    created inside it) and plugged in here; until then Slack gets a 503 and retries.
    """

    def __init__(self) -> None:
        self.adapter: SlackAdapter | None = None

    async def handle(self, request: web.Request) -> web.Response:
        if self.adapter is None:
            return web.Response(status=503, text="Tandem is starting")
        return await self.adapter.handle(request)


def mount(web_app: web.Application, *, settings: Settings) -> SlackRoutes:
    """Add Slack's routes (events; install and OAuth redirect when OAuth is set)."""
    routes = SlackRoutes()
    if not settings.slack_signing_secret:
        # Without the secret no request can be verified: HTTP stays closed (Socket Mode only).
        if not settings.slack_app_token:
            log.error("SLACK_SIGNING_SECRET is not set: Slack requests cannot be verified")
        return routes
    web_app.router.add_post(EVENTS_PATH, routes.handle)
    if settings.slack_client_id and settings.slack_client_secret:
        web_app.router.add_get(INSTALL_PATH, routes.handle)
        web_app.router.add_get(REDIRECT_PATH, routes.handle)
    return routes


class SlackAdapter:
    """Builds the bolt app, mounts its routes, and serves as the Slack port.

    Create it inside the running event loop (aiohttp's ``on_startup``).
    """

    def __init__(
        self,
        *,
        settings: Settings,
        dispatcher: Dispatcher,
        database: Database,
        clock: Clock,
        calls: CallObserver | None = None,
    ) -> None:
        """``calls`` is told of the Web API's 429s and of the calls tried again."""
        self._settings = settings
        self._calls = calls
        self._dispatcher = dispatcher
        self._database = database
        self._clock = clock
        self._api_url = settings.slack_api_url or DEFAULT_API_URL
        self._oauth = bool(settings.slack_client_id and settings.slack_client_secret)
        self._socket_mode = bool(settings.slack_app_token)
        self._profiles = ProfileCache(clock=clock)
        self._cipher = TokenCipher(keys=settings.secret_keys)
        self._store = DatabaseInstallationStore(database=database, cipher=self._cipher)
        self._clients: dict[tuple[str, bool], AsyncWebClient] = {}
        self._client_lock = asyncio.Lock()
        # One HTTP session (and its connection pool) for every client: no TCP set-up per call;
        # room for one paced send per workspace of a large fan-out at once.
        self._http = ClientSession(connector=TCPConnector(limit=HTTP_CONNECTIONS))
        self.client = AsyncWebClient(
            token=None if self._oauth else settings.slack_bot_token,
            base_url=self._api_url,
            retry_handlers=retry_handlers(calls=calls),
            session=self._http,
        )
        self._paced_client = AsyncWebClient(
            token=None if self._oauth else settings.slack_bot_token,
            base_url=self._api_url,
            retry_handlers=retry_handlers(paced=True, calls=calls),
            session=self._http,
        )
        oauth_settings = None
        if self._oauth:
            oauth_settings = AsyncOAuthSettings(
                client_id=settings.slack_client_id,
                client_secret=settings.slack_client_secret,
                scopes=list(BOT_SCOPES),
                installation_store=self._store,
                state_store=DatabaseOAuthStateStore(database=database, clock=clock),
                install_path=INSTALL_PATH,
                redirect_uri_path=REDIRECT_PATH,
            )
        verify = not (self._socket_mode and not settings.slack_signing_secret)
        secret = settings.slack_signing_secret
        self._verifier = SignatureVerifier(secret) if verify and secret else None
        self.app = AsyncApp(
            client=self.client,
            signing_secret=settings.slack_signing_secret or "",
            installation_store=self._store if self._oauth else None,
            oauth_settings=oauth_settings,
            request_verification_enabled=not (
                self._socket_mode and not settings.slack_signing_secret
            ),
            process_before_response=False,
        )
        self.port = SlackPort(
            client_for=self.client_for,
            paced_client_for=self.paced_client_for,
            profiles=self._profiles,
            calls=calls,
        )
        self._socket_handler: Any = None
        self._scope_check: asyncio.Task[None] | None = None
        self._register()

    # -- wiring -----------------------------------------------------------------------------

    async def start(self) -> None:
        """Look at the scopes the installations granted (aside: start does not wait for
        Slack), and connect Socket Mode when an app-level token is set."""
        self._scope_check = asyncio.create_task(self.check_scopes())
        if self._settings.slack_app_token:
            from slack_bolt.adapter.socket_mode.aiohttp import AsyncSocketModeHandler

            self._socket_handler = AsyncSocketModeHandler(self.app, self._settings.slack_app_token)
            await self._socket_handler.connect_async()
            log.info("Slack Socket Mode connected")

    async def stop(self) -> None:
        """Close Socket Mode and the HTTP clients."""
        if self._scope_check is not None:
            self._scope_check.cancel()
        if self._socket_handler is not None:
            await self._socket_handler.close_async()
        await self._http.close()

    async def check_scopes(self) -> None:
        """Log one warning when installations lack scopes the manifest asks for (added to
        it since they installed Tandem), naming them and how an admin grants them.

        With a bot token, Slack says the token's scopes in a header of every answer (here
        ``auth.test``'s); with OAuth, each installation's scopes were kept when it installed.
        """
        lacking: dict[str, tuple[str, ...]] = {}
        try:
            if self._oauth:
                async with self._database.session() as session:
                    for tenant in await tenants.all_tenants(session):
                        if not tenant.key.startswith("slack:"):
                            continue
                        record = await slack_repo.find_installation(
                            session, tenant=tenant, cipher=self._cipher
                        )
                        if record is not None:
                            lacking[tenant.key] = missing_scopes(record.bot_scopes)
            elif self._settings.slack_bot_token:
                response = await self.client.auth_test()
                granted = granted_by(response.headers)
                if granted is None:
                    return
                lacking[f"slack:{response.get('team_id') or '?'}"] = missing_scopes(granted)
        except (SlackApiError, aiohttp.ClientError, TimeoutError, ServiceUnavailable) as error:
            log.info("Slack: could not check the app's scopes (%s)", type(error).__name__)
            return
        warn_if_missing(lacking)

    async def handle(self, request: web.Request) -> web.Response:
        """One HTTP request from Slack (events, commands, interactivity, OAuth)."""
        content_type = request.headers.get("Content-Type", "").split(";")[0].strip() or None
        text = await request.text()
        if request.method == "POST" and self._verifier is not None:
            timestamp = request.headers.get("X-Slack-Request-Timestamp", "")
            signed = timestamp.isdigit() and self._verifier.is_valid(
                body=text,
                timestamp=timestamp,
                signature=request.headers.get("X-Slack-Signature", ""),
            )
            if not signed:  # before reading anything of it: nothing unsigned is parsed
                log.warning("Slack: refused a request without a valid signature")
                return web.Response(status=401, text="invalid request signature")
        try:
            body = parse_body(text, content_type)  # as bolt will parse it
        except (ValueError, RecursionError):  # not the JSON or form it claims, or too deep
            log.warning("Slack: refused a malformed request body")
            return web.Response(status=400, text="malformed request body")
        if not well_formed(body):  # bolt would read it blindly (and answer 500)
            log.warning("Slack: refused a payload that is not shaped as Slack's")
            return web.Response(status=400, text="malformed payload")
        bolt_request = await to_bolt_request(request)
        flow = self.app.oauth_flow
        if request.method == "GET" and flow is not None:
            if request.path == flow.install_path:
                response = await flow.handle_installation(bolt_request)
            elif request.path == flow.redirect_uri_path:
                response = await flow.handle_callback(bolt_request)
            else:
                response = BoltResponse(status=404, body="Not found")
            return await to_aiohttp_response(response)
        return await to_aiohttp_response(await self.app.async_dispatch(bolt_request))

    async def client_for(self, tenant: TenantKey) -> AsyncWebClient:
        """The Web API client holding ``tenant``'s bot token (it waits out 429s itself)."""
        return await self._client(tenant, paced=False)

    async def paced_client_for(self, tenant: TenantKey) -> AsyncWebClient:
        """The same, raising on 429 so that the port paces the whole workspace."""
        return await self._client(tenant, paced=True)

    async def _client(self, tenant: TenantKey, *, paced: bool) -> AsyncWebClient:
        if not self._oauth:
            return self._paced_client if paced else self.client
        cached = self._clients.get((tenant.workspace, paced))
        if cached is not None:
            return cached
        async with self._client_lock:  # many sends of a fan-out ask at once: look up once
            cached = self._clients.get((tenant.workspace, paced))
            if cached is not None:
                return cached
            return await self._new_client(tenant, paced=paced)

    async def _new_client(self, tenant: TenantKey, *, paced: bool) -> AsyncWebClient:
        async with self._database.session() as session:
            ref = await tenants.find_tenant(session, key=tenant)
            record = (
                await slack_repo.find_installation(session, tenant=ref, cipher=self._cipher)
                if ref
                else None
            )
        if record is None or (ref is not None and ref.disabled):
            raise LookupError(f"Tandem is not installed in {tenant}")
        client = AsyncWebClient(
            token=record.bot_token,
            base_url=self._api_url,
            retry_handlers=retry_handlers(paced=paced, calls=self._calls),
            session=self._http,
        )
        self._clients[(tenant.workspace, paced)] = client
        return client

    def _register(self) -> None:
        app = self.app
        app.use(self._same_team_only)
        app.use(self._once_per_event)
        app.command(re.compile(r"^/.+"))(self._on_command)
        app.action(SHARE_ACTION)(self._on_share)
        app.action(re.compile(r".+"))(self._on_action)
        app.view(re.compile(r".+"))(self._on_view_submission)
        app.event("message")(self._on_message)
        app.event("app_mention")(self._on_message)
        app.event("app_home_opened")(self._on_home)
        app.event("app_uninstalled")(self._on_uninstalled)
        app.event("tokens_revoked")(self._on_uninstalled)
        app.event("user_change")(self._on_user_change)
        app.error(self._on_error)

    # -- middleware -------------------------------------------------------------------------

    def _key(self, context: AsyncBoltContext) -> TenantKey:
        team = None if context.is_enterprise_install else context.team_id
        return tenant_key(team_id=team, enterprise_id=context.enterprise_id)

    async def _same_team_only(
        self, body: dict[str, Any], context: AsyncBoltContext, next: Next
    ) -> BoltResponse:
        """A payload must name the workspace its token was authorised for, or it is dropped.

        Every id it names counts (bolt may read the workspace from another field than the
        one checked first), and an org-wide install must be the authorised organisation's:
        the tenant is taken from these ids, so none may point elsewhere.
        """
        team, enterprise = payload_team(body)
        authorised = context.authorize_result
        if authorised is None:
            return await next()
        authorised_team, authorised_enterprise = authorised.team_id, authorised.enterprise_id
        if not (context.enterprise_id if context.is_enterprise_install else context.team_id):
            log.warning("refused a Slack payload that names no workspace")
            return BoltResponse(status=400, body="no workspace")
        enterprises = {e for e in (enterprise, context.enterprise_id) if e}
        if context.is_enterprise_install:  # org-wide: any workspace of the organisation
            mismatch = not authorised_enterprise or enterprises != {authorised_enterprise}
        else:
            teams = {t for t in (team, context.team_id) if t}
            mismatch = bool(authorised_team and teams != {authorised_team}) or bool(
                authorised_enterprise and enterprises - {authorised_enterprise}
            )
        if mismatch:
            log.warning("dropped a Slack payload whose workspace does not match its token")
            return BoltResponse(status=200, body="")
        return await next()

    async def _once_per_event(
        self, req: AsyncBoltRequest, body: dict[str, Any], context: AsyncBoltContext, next: Next
    ) -> BoltResponse:
        """Each event, command and click is handled once: Slack retries events it thinks
        were lost (same event id); a command or a click captured and sent again inside the
        signature's five minutes (same signature) is dropped, on every replica (the claim
        is in the database); a command marked as a retry is dropped too.

        Nothing here waits on the database: Slack must have its answer within 3 seconds
        whatever the database does. The event's key is noted in the context and claimed by
        the listener once it has acked (:meth:`_first_time`)."""
        if body.get("type") == "event_callback":
            event_id = body.get("event_id")
            if event_id:
                context[CLAIM] = str(event_id)
            return await next()
        if "command" in body and _header(req, "x-slack-retry-num"):
            log.info("Slack command retry ignored")
            return BoltResponse(status=200, body="")
        signature = _header(req, "x-slack-signature").removeprefix("v0=")
        if signature:  # Socket Mode: nothing signed, nothing to replay over HTTP
            context[CLAIM] = "sig:" + signature[:60]
        return await next()

    async def _first_time(self, context: AsyncBoltContext) -> bool:
        """Whether this request is seen for the first time (its key claimed in the
        database); call it after the ack. With the database out of reach it is handled
        without de-duplication: the dispatcher then answers "try again"."""
        event_id = context.get(CLAIM)
        if not event_id:
            return True
        key = self._key(context)
        try:
            async with self._database.session() as session:
                tenant = await tenants.ensure_tenant(
                    session, key=key, enterprise_id=context.enterprise_id
                )
                first = await slack_repo.claim_event(
                    session, tenant=tenant, event_id=str(event_id), at=self._clock.now()
                )
        except ServiceUnavailable:
            log.warning("database unreachable: Slack event handled without de-duplication")
            return True
        if not first:
            log.info("Slack event retry or replay ignored (already handled)")
        return first

    # -- translation helpers ----------------------------------------------------------------

    async def _user(self, client: AsyncWebClient, key: TenantKey, user_id: str) -> User:
        profile = await self._profiles.get(client=client, team_id=key.workspace, user_id=user_id)
        return User(
            tenant=key,
            platform_user_id=user_id,
            display_name=profile.name,
            email=profile.email,
            timezone=profile.timezone,
            locale=profile.locale,
        )

    async def _ensure_tenant(self, context: AsyncBoltContext) -> TenantKey:
        """The tenant's key, its row created on first contact. With the database out of
        reach the key is still returned: the dispatcher then answers "try again"."""
        key = self._key(context)
        try:
            async with self._database.session() as session:
                await tenants.ensure_tenant(session, key=key, enterprise_id=context.enterprise_id)
        except ServiceUnavailable:
            log.warning("database unreachable: the tenant is not checked")
        return key

    async def _interacting_user(
        self, body: dict[str, Any], client: AsyncWebClient, context: AsyncBoltContext
    ) -> tuple[TenantKey, User]:
        """The tenant and the user behind a button click or a form submission."""
        key = await self._ensure_tenant(context)
        user_id = str((body.get("user") or {}).get("id", ""))
        return key, await self._user(client, key, user_id)

    async def _dm(self, client: AsyncWebClient, key: TenantKey, user_id: str) -> ConversationRef:
        response = await client.conversations_open(users=user_id)
        channel = (response.get("channel") or {}).get("id", "")
        return conversation(tenant=key, channel_id=channel, channel_type="im")

    async def _opened_as_modal(self, key: TenantKey, body: dict[str, Any], reply: Reply) -> bool:
        """A reply holding a form opens as a modal when Slack gave a trigger to open one."""
        trigger = body.get("trigger_id")
        if reply.card is None or reply.card.form is None or not trigger:
            return False
        try:
            await self.port.open_form(
                tenant=key, trigger=str(trigger), card=reply.card, locale=reply.locale
            )
        except SlackApiError as error:  # an expired trigger: post the card with its button
            log.warning("Slack: could not open a modal (%s)", error.response.get("error"))
            return False
        return True

    @staticmethod
    async def _post(
        client: AsyncWebClient, channel: str, reply: Reply, *, thread: str | None = None
    ) -> None:
        """The reply as a message in ``channel``, then its files there."""
        response = await client.chat_postMessage(
            channel=channel, thread_ts=thread, **message(reply)
        )
        if reply.files:
            where = str(response.get("channel") or channel)
            await upload_files(client=client, channel=where, files=reply.files, thread=thread)

    async def _respond(
        self, respond: AsyncRespond, reply: Reply, *, share: bool, share_value: str
    ) -> bool:
        """The reply on the request's response URL; False when it could not be delivered."""
        public = share or not reply.ephemeral
        label = None if public else Translator(locale=reply.locale)("reply.share")
        payload = message(reply, share_label=label, share_value=share_value)
        return await self._on_response_url(
            respond,
            {
                "response_type": "in_channel" if public else "ephemeral",
                "replace_original": False,
                **payload,
            },
        )

    async def _on_response_url(self, respond: AsyncRespond, body: dict[str, Any]) -> bool:
        """``body`` posted on the request's response URL, tried again on a 5xx, a 429 or a
        lost connection (:mod:`tandem.adapters.slack.retries`); False when it did not arrive."""
        if not respond.response_url:
            log.warning("Slack: no response URL to answer on")
            return False
        client = response_url_client(
            url=respond.response_url, session=self._http, calls=self._calls
        )
        try:
            response = await client.send_dict(body)
        except aiohttp.ClientError as error:  # the response URL is gone, or was never one
            log.warning("Slack: could not answer on the response URL: %s", type(error).__name__)
            return False
        if response.status_code >= 300:
            log.warning("Slack: the response URL answered %d", response.status_code)
            return False
        return True

    @staticmethod
    async def _answer_privately(client: AsyncWebClient, body: dict[str, Any], reply: Reply) -> None:
        """What the response URL could not carry, as a message only the user sees: what
        they asked was done, they are told so."""
        try:
            await client.chat_postEphemeral(
                channel=str(body.get("channel_id", "")),
                user=str(body.get("user_id", "")),
                **message(reply),
            )
        except (SlackApiError, aiohttp.ClientError) as error:
            log.warning("Slack: could not answer a command at all: %s", type(error).__name__)

    # -- listeners --------------------------------------------------------------------------

    async def _on_command(
        self,
        ack: Callable[..., Awaitable[None]],
        body: dict[str, Any],
        respond: AsyncRespond,
        client: AsyncWebClient,
        context: AsyncBoltContext,
    ) -> None:
        await ack()
        if not await self._first_time(context):
            return
        key = await self._ensure_tenant(context)
        user = await self._user(client, key, str(body.get("user_id", "")))
        event, share = command_event(body, user=user)
        reply = await self._dispatcher.handle(event)
        if await self._opened_as_modal(key, body, reply):
            return
        typed, _ = split_share(str(body.get("text") or ""))  # as Slack wrote it: read again
        share_value = clean_input(f"{event.command} {typed}")[0]
        if not await self._respond(respond, reply, share=share, share_value=share_value):
            await self._answer_privately(client, body, reply)

    async def _on_share(
        self,
        ack: Callable[..., Awaitable[None]],
        body: dict[str, Any],
        action: dict[str, Any],
        respond: AsyncRespond,
        client: AsyncWebClient,
        context: AsyncBoltContext,
    ) -> None:
        """The Share button: run the same command again and post it for everyone."""
        await ack()
        if not body.get("response_url"):  # the private answer it replaces has one, always
            log.warning("Slack: dropped a Share press without a response_url")
            return
        if not await self._first_time(context):
            return
        key, user = await self._interacting_user(body, client, context)
        command, _, text = str(action.get("value", "")).partition(" ")
        channel = str((body.get("channel") or {}).get("id", ""))
        typed = neutral_text(text)
        reply = await self._dispatcher.handle(
            CommandInvoked(
                user=user,
                conversation=conversation(tenant=key, channel_id=channel),
                command=command,
                text=typed.text,
                mentions=typed.mentions,
            )
        )
        await self._on_response_url(respond, {"text": "", "delete_original": True})
        await self._respond(respond, reply, share=True, share_value="")

    async def _on_action(
        self,
        ack: Callable[..., Awaitable[None]],
        body: dict[str, Any],
        action: dict[str, Any],
        respond: AsyncRespond,
        client: AsyncWebClient,
        context: AsyncBoltContext,
    ) -> None:
        await ack()
        if not await self._first_time(context):
            return
        key, user = await self._interacting_user(body, client, context)
        where = action_conversation(body, tenant=key) or await self._dm(
            client, key, user.platform_user_id
        )
        reply = await self._dispatcher.handle(action_event(body, action, user=user, where=where))
        if await self._opened_as_modal(key, body, reply):
            return
        if body.get("response_url"):
            await self._respond(respond, reply, share=False, share_value="")
        else:
            await self._post(client, where.id, reply)

    async def _on_view_submission(
        self,
        ack: Callable[..., Awaitable[None]],
        body: dict[str, Any],
        view: dict[str, Any],
        client: AsyncWebClient,
        context: AsyncBoltContext,
    ) -> None:
        await ack()
        if not await self._first_time(context):
            return
        key, user = await self._interacting_user(body, client, context)
        where = await self._dm(client, key, user.platform_user_id)
        reply = await self._dispatcher.handle(view_event(view, user=user, where=where))
        await self._post(client, where.id, reply)

    async def _on_message(
        self, event: dict[str, Any], client: AsyncWebClient, context: AsyncBoltContext
    ) -> None:
        """A direct message, or (``app_mention``) a message addressed to the bot."""
        if not read_by_tandem(event) or not await self._first_time(context):
            return
        key = await self._ensure_tenant(context)
        user = await self._user(client, key, str(event.get("user", "")))
        received = message_event(event, user=user, bot_user_id=context.bot_user_id)
        assert received is not None
        where = received.conversation
        reply = await self._dispatcher.handle(received)
        await self._post(client, where.id, reply, thread=where.thread)

    async def _on_home(
        self, event: dict[str, Any], client: AsyncWebClient, context: AsyncBoltContext
    ) -> None:
        if not home_tab(event) or not await self._first_time(context):
            return
        key = await self._ensure_tenant(context)
        user = await self._user(client, key, str(event.get("user", "")))
        opened = home_event(event, user=user)
        assert opened is not None
        reply = await self._dispatcher.handle(opened)
        await client.views_publish(user_id=user.platform_user_id, view=home_view(reply))

    async def _on_uninstalled(self, context: AsyncBoltContext) -> None:
        """Uninstalled or tokens revoked: disable the tenant, keep its data."""
        team = None if context.is_enterprise_install else context.team_id
        await self._store.async_delete_bot(enterprise_id=context.enterprise_id, team_id=team)
        workspace = self._key(context).workspace
        self._clients.pop((workspace, True), None)
        self._clients.pop((workspace, False), None)

    async def _on_user_change(self, event: dict[str, Any], context: AsyncBoltContext) -> None:
        user = event.get("user") or {}
        self._profiles.forget(team_id=self._key(context).workspace, user_id=str(user.get("id")))

    async def _on_error(self, error: Exception, body: dict[str, Any]) -> None:
        log.error("Slack listener failed (%s): %s", body.get("type"), type(error).__name__)


def _header(request: AsyncBoltRequest, name: str) -> str:
    """A request header's first value ("" when absent)."""
    values = request.headers.get(name) or ()
    return str(values[0]) if values else ""
