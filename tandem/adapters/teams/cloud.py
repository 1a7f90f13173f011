"""botbuilder's CloudAdapter at ``POST /api/messages`` on Tandem's aiohttp server."""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from typing import Any

import jwt
from aiohttp import web
from azure.core.exceptions import DeserializationError
from botbuilder.core import TurnContext
from botbuilder.integration.aiohttp import (
    CloudAdapter,
    ConfigurationBotFrameworkAuthentication,
)
from botbuilder.schema import Activity

from tandem.adapters.calls import CallObserver
from tandem.adapters.teams import keys
from tandem.adapters.teams.bot import TandemTeamsBot
from tandem.adapters.teams.inbound import activity_tenant
from tandem.adapters.teams.outbound import TeamsPort
from tandem.adapters.teams.trust import Trust
from tandem.bot.clock import Clock
from tandem.bot.dispatcher import Dispatcher
from tandem.bot.settings import Settings
from tandem.storage.database import Database

log = logging.getLogger(__name__)
MESSAGES_PATH = "/api/messages"


@dataclass(frozen=True)
class _BotConfig:
    """The configuration object botbuilder reads (its attribute names)."""

    APP_ID: str
    APP_PASSWORD: str
    APP_TYPE: str
    APP_TENANTID: str


class TeamsRoutes:
    """``/api/messages``, mounted before the server starts; the adapter is plugged in after."""

    def __init__(self) -> None:
        self.adapter: TeamsAdapter | None = None

    async def handle(self, request: web.Request) -> web.Response:
        if self.adapter is None:
            return web.Response(status=503, text="Tandem is starting")
        return await self.adapter.handle(request)


def mount(web_app: web.Application) -> TeamsRoutes:
    """Add the Bot Framework messaging endpoint."""
    routes = TeamsRoutes()
    web_app.router.add_post(MESSAGES_PATH, routes.handle)
    return routes


class TeamsAdapter:
    """The CloudAdapter, Tandem's ActivityHandler and the Teams port, built in the running loop."""

    def __init__(
        self,
        *,
        settings: Settings,
        dispatcher: Dispatcher,
        database: Database,
        clock: Clock,
        calls: CallObserver | None = None,
    ) -> None:
        """``calls`` is told of the connector's 429s and of the calls tried again."""
        self.app_id = settings.microsoft_app_id or ""
        single_tenant = bool(self.app_id and settings.microsoft_app_tenant_id)
        config = _BotConfig(
            APP_ID=self.app_id,
            APP_PASSWORD=settings.microsoft_app_password or "",
            APP_TYPE="SingleTenant" if single_tenant else "MultiTenant",
            APP_TENANTID=settings.microsoft_app_tenant_id or "",
        )
        metadata = settings.botframework_openid_url
        keys.install(fetch_from={keys.CHANNEL_METADATA_URL: metadata} if metadata else None)
        self.cloud = CloudAdapter(ConfigurationBotFrameworkAuthentication(config))
        self.cloud.on_turn_error = self._on_turn_error
        self.trust = Trust(
            authenticated=bool(self.app_id), tenant_id=settings.microsoft_app_tenant_id
        )
        self.bot = TandemTeamsBot(
            dispatcher=dispatcher, database=database, clock=clock, calls=calls, trust=self.trust
        )
        self.port = TeamsPort(
            adapter=self.cloud, app_id=self.app_id, database=database, clock=clock, calls=calls
        )
        if self.app_id:
            log.info("Teams: Bot Framework tokens required at %s", MESSAGES_PATH)
        else:
            log.warning(
                "Teams: no MICROSOFT_APP_ID, so %s accepts unauthenticated activities, from "
                "this machine only, and calls back this machine only (for the Microsoft 365 "
                "Agents Playground); never deploy it so.",
                MESSAGES_PATH,
            )

    async def handle(self, request: web.Request) -> web.Response:
        """One activity from the Bot Framework (401 when its token is missing or bad)."""
        if "application/json" not in request.headers.get("Content-Type", ""):
            return web.Response(status=415, text="expected application/json")
        activity = _activity(await request.text())
        if activity is None:
            return web.Response(status=400, text="expected a Bot Framework activity")
        refused = self._refusal(request, activity)
        if refused is not None:
            return refused
        if self.app_id and not keys.signed_as_expected(request.headers.get("Authorization", "")):
            log.warning("Teams: refused an activity without a Bot Framework token")
            return web.Response(status=401, text="unauthorized")
        try:
            response = await self.cloud.process(request, self.bot)
        except keys.KeysUnavailable:
            return web.Response(status=503, text="the signing keys are out of reach, try again")
        except (PermissionError, jwt.PyJWTError):
            log.warning("Teams: refused an activity with a bad token")
            return web.Response(status=401, text="unauthorized")
        except Exception as error:  # the turn's own errors go to _on_turn_error, not here
            # botbuilder refuses some tokens with a bare Exception (an endorsement missing)
            log.warning("Teams: refused an activity botbuilder would not take (%s)", error)
            return web.Response(status=401, text="unauthorized")
        return response if response is not None else web.Response(status=201)

    def _refusal(self, request: web.Request, activity: dict[str, Any]) -> web.Response | None:
        """Why an activity is not taken: from another machine or naming a service URL
        elsewhere while unauthenticated, or from another tenant in single-tenant mode."""
        if not self.trust.peer_allowed(request.remote):
            log.warning("Teams: refused an unauthenticated activity from another machine")
            return web.Response(status=403, text="this endpoint answers this machine only")
        if not self.trust.service_url_allowed(str(activity["serviceUrl"])):
            log.warning("Teams: refused an activity whose serviceUrl Tandem may not call")
            return web.Response(status=400, text="serviceUrl not allowed")
        conversation = activity["conversation"]
        tenant = activity_tenant(
            channel_data=activity.get("channelData"),
            conversation_tenant=conversation.get("tenantId"),
        )
        if not self.trust.tenant_allowed(tenant):
            log.warning("Teams: refused an activity from another tenant (single-tenant mode)")
            return web.Response(status=403, text="this bot serves one tenant only")
        return None

    async def _on_turn_error(self, turn_context: TurnContext, error: Exception) -> None:
        log.error("Teams turn failed: %s", type(error).__name__, exc_info=error)


def _ids(value: object, *optional: str) -> bool:
    """An account or conversation: an ``id`` (a string, not empty: replies are posted to
    it), and ``optional`` strings when there.

    botbuilder would turn any JSON into a string here (``[]`` → ``"[]"``), and a person
    would then be linked to that made-up id."""
    return (
        isinstance(value, dict)
        and isinstance(value.get("id"), str)
        and bool(value["id"].strip())
        and all(isinstance(value.get(key), str | None) for key in optional)
    )


def _activity(body: str) -> dict[str, Any] | None:
    """An activity botbuilder can route, or None: a type, a service URL, a conversation id,
    who sent it and to whom, each field of the type botbuilder reads."""
    try:
        activity = json.loads(body)
    except (ValueError, RecursionError):
        return None
    if not isinstance(activity, dict):
        return None
    conversation = activity.get("conversation")
    accounts = [activity.get("from"), activity.get("recipient")]  # Teams names both, always
    if not (
        isinstance(activity.get("type"), str)
        and isinstance(activity.get("serviceUrl"), str)
        and _ids(conversation, "tenantId", "conversationType")
        and all(_ids(account, "aadObjectId", "name") for account in accounts)
    ):
        return None
    try:  # as botbuilder will read it: a field of the wrong type would cost a 500 there
        Activity().deserialize(activity)
    except (DeserializationError, RecursionError):
        return None
    return activity
