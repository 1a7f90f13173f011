"""Slack users' profiles (``users.info``), cached a few minutes and dropped on ``user_change``."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta

from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from tandem.bot.clock import Clock
from tandem.bot.port import Profile

log = logging.getLogger(__name__)
TTL = timedelta(minutes=10)


@dataclass(frozen=True, slots=True)
class _Entry:
    profile: Profile
    fetched: datetime


class ProfileCache:
    """Per (team, user): email, real name, timezone, locale."""

    def __init__(self, *, clock: Clock) -> None:
        self._clock = clock
        self._entries: dict[tuple[str, str], _Entry] = {}

    def forget(self, *, team_id: str, user_id: str) -> None:
        """Drop a cached profile (the user changed it in Slack)."""
        self._entries.pop((team_id, user_id), None)

    async def get(self, *, client: AsyncWebClient, team_id: str, user_id: str) -> Profile:
        """The user's profile, from the cache or ``users.info``; empty if Slack refuses."""
        key = (team_id, user_id)
        entry = self._entries.get(key)
        now = self._clock.now()
        if entry and now - entry.fetched < TTL:
            return entry.profile
        try:
            response = await client.users_info(user=user_id, include_locale=True)
        except SlackApiError as error:
            log.warning("users.info failed for a user: %s", error.response.get("error"))
            return Profile(email=None, name="", timezone=None, locale=None)
        user = response.get("user") or {}
        details = user.get("profile") or {}
        profile = Profile(
            email=details.get("email"),
            name=user.get("real_name") or details.get("real_name") or user.get("name") or "",
            timezone=user.get("tz"),
            locale=user.get("locale"),
        )
        self._entries[key] = _Entry(profile=profile, fetched=now)
        return profile
