"""Bolt's installation and OAuth-state stores, kept in Tandem's database."""

from __future__ import annotations

import logging
import secrets
from datetime import UTC, datetime, timedelta

from slack_sdk.oauth.installation_store import Bot, Installation
from slack_sdk.oauth.installation_store.async_installation_store import AsyncInstallationStore
from slack_sdk.oauth.state_store.async_state_store import AsyncOAuthStateStore

from tandem.adapters.slack.inbound import tenant_key
from tandem.bot.clock import Clock
from tandem.storage.cipher import TokenCipher
from tandem.storage.database import Database
from tandem.storage.repositories import oauth_states, slack, tenants
from tandem.storage.repositories.slack import SlackInstallationRecord

log = logging.getLogger(__name__)


def _installed_at(value: object) -> datetime | None:
    if isinstance(value, datetime):
        return value if value.tzinfo else value.replace(tzinfo=UTC)
    if isinstance(value, int | float):
        return datetime.fromtimestamp(value, UTC)
    return None


class DatabaseInstallationStore(AsyncInstallationStore):
    """One installation a tenant; installing creates (or re-enables) the tenant. Bot tokens
    are stored as ``cipher`` seals them (encrypted when the operator gave a key)."""

    def __init__(self, *, database: Database, cipher: TokenCipher) -> None:
        self._database = database
        self._cipher = cipher

    @property
    def logger(self) -> logging.Logger:
        return log

    async def async_save(self, installation: Installation) -> None:
        key = tenant_key(
            team_id=None if installation.is_enterprise_install else installation.team_id,
            enterprise_id=installation.enterprise_id,
        )
        record = SlackInstallationRecord(
            bot_token=installation.bot_token or "",
            app_id=installation.app_id,
            enterprise_id=installation.enterprise_id,
            team_id=installation.team_id,
            is_enterprise_install=bool(installation.is_enterprise_install),
            bot_id=installation.bot_id,
            bot_user_id=installation.bot_user_id,
            bot_scopes=",".join(installation.bot_scopes or []),
            installer_user_id=installation.user_id,
            installed_at=_installed_at(installation.installed_at),
        )
        async with self._database.session() as session:
            tenant = await tenants.ensure_tenant(
                session,
                key=key,
                name=installation.team_name or installation.enterprise_name or "",
                enterprise_id=installation.enterprise_id,
            )
            await tenants.set_disabled(
                session, tenant=tenant, disabled=False, enterprise_id=installation.enterprise_id
            )
            await slack.save_installation(
                session, tenant=tenant, record=record, cipher=self._cipher
            )
        log.info("Slack installation saved for tenant %s", key)

    async def async_save_bot(self, bot: Bot) -> None:
        """Bots are saved with their installation."""

    async def _find(
        self, *, enterprise_id: str | None, team_id: str | None, is_enterprise_install: bool | None
    ) -> SlackInstallationRecord | None:
        key = tenant_key(
            team_id=None if is_enterprise_install else team_id, enterprise_id=enterprise_id
        )
        async with self._database.session() as session:
            tenant = await tenants.find_tenant(session, key=key)
            if tenant is None or tenant.disabled:
                return None
            return await slack.find_installation(session, tenant=tenant, cipher=self._cipher)

    async def async_find_bot(
        self,
        *,
        enterprise_id: str | None,
        team_id: str | None,
        is_enterprise_install: bool | None = False,
    ) -> Bot | None:
        installation = await self.async_find_installation(
            enterprise_id=enterprise_id,
            team_id=team_id,
            is_enterprise_install=is_enterprise_install,
        )
        return installation.to_bot() if installation else None

    async def async_find_installation(
        self,
        *,
        enterprise_id: str | None,
        team_id: str | None,
        user_id: str | None = None,
        is_enterprise_install: bool | None = False,
    ) -> Installation | None:
        found = await self._find(
            enterprise_id=enterprise_id,
            team_id=team_id,
            is_enterprise_install=is_enterprise_install,
        )
        if found is None:
            return None
        return Installation(
            app_id=found.app_id,
            enterprise_id=found.enterprise_id,
            team_id=found.team_id,
            bot_token=found.bot_token,
            bot_id=found.bot_id,
            bot_user_id=found.bot_user_id,
            bot_scopes=found.bot_scopes,
            user_id=found.installer_user_id or "",
            is_enterprise_install=found.is_enterprise_install,
            installed_at=(found.installed_at or datetime.now(UTC)).timestamp(),
        )

    async def async_delete_installation(
        self,
        *,
        enterprise_id: str | None,
        team_id: str | None,
        user_id: str | None = None,
    ) -> None:
        await self.async_delete_bot(enterprise_id=enterprise_id, team_id=team_id)

    async def async_delete_bot(self, *, enterprise_id: str | None, team_id: str | None) -> None:
        """Forget the token and disable the tenant; its people, RACI and history stay."""
        key = tenant_key(team_id=team_id, enterprise_id=enterprise_id)
        async with self._database.session() as session:
            tenant = await tenants.find_tenant(session, key=key)
            if tenant is None:
                return
            await slack.delete_installation(session, tenant=tenant)
            await tenants.set_disabled(session, tenant=tenant, disabled=True)
        log.info("Slack tenant %s uninstalled: disabled, data kept", key)


class DatabaseOAuthStateStore(AsyncOAuthStateStore):
    """OAuth states in the database, so any replica can finish an install."""

    def __init__(self, *, database: Database, clock: Clock, expiration: int = 600) -> None:
        self._database = database
        self._clock = clock
        self._expiration = timedelta(seconds=expiration)

    @property
    def logger(self) -> logging.Logger:
        return log

    async def async_issue(self, *args: object, **kwargs: object) -> str:
        state = secrets.token_urlsafe(24)
        async with self._database.session() as session:
            await oauth_states.issue_oauth_state(
                session, state=state, expires_at=self._clock.now() + self._expiration
            )
        return state

    async def async_consume(self, state: str) -> bool:
        async with self._database.session() as session:
            return await oauth_states.consume_oauth_state(
                session, state=state, at=self._clock.now()
            )
