"""The Bot Framework's token signing keys, fetched without blocking the event loop.

botbuilder checks each incoming token against keys it downloads with a blocking
``requests.get`` and no timeout, inside the event loop: a slow key endpoint would stall
every request, and a token naming an unknown key fails with an ``IndexError`` (a 500).
Tandem hands botbuilder its own key source for each of the Bot Framework's OpenID
metadata documents instead: fetched with aiohttp under a timeout, kept a day, fetched
again for an unknown key at most every five minutes (one fetch at a time), and an unknown
key is a refusal (401), never a crash.
"""

from __future__ import annotations

import asyncio
import json
import logging
import time
from dataclasses import dataclass
from typing import Any

import aiohttp
import jwt
from botframework.connector.auth import (
    AuthenticationConstants,
    GovernmentConstants,
    JwtTokenExtractor,
)
from jwt.algorithms import RSAAlgorithm

log = logging.getLogger(__name__)
FETCH_TIMEOUT = aiohttp.ClientTimeout(total=5)
KEEP_SECONDS = 24 * 3600.0
RETRY_UNKNOWN_SECONDS = 300.0
CHANNEL_METADATA_URL = AuthenticationConstants.TO_BOT_FROM_CHANNEL_OPENID_METADATA_URL
METADATA_URLS = (
    CHANNEL_METADATA_URL,
    AuthenticationConstants.TO_BOT_FROM_EMULATOR_OPENID_METADATA_URL,
    GovernmentConstants.TO_BOT_FROM_CHANNEL_OPENID_METADATA_URL,
    GovernmentConstants.TO_BOT_FROM_EMULATOR_OPENID_METADATA_URL,
)


class UnknownSigningKey(PermissionError):
    """The token names a key the Bot Framework does not publish: refused (401)."""


class KeysUnavailable(ConnectionError):
    """The key endpoint did not answer in time: the request may be tried again (503)."""


@dataclass(frozen=True, slots=True)
class SigningKey:
    """What botbuilder reads of a key: the public key and the channels it endorses."""

    public_key: Any
    endorsements: list[str]


class SigningKeys:
    """One OpenID metadata document's keys, as botbuilder's key source (``get``)."""

    def __init__(self, *, url: str) -> None:
        self.url = url
        self._keys: dict[str, dict[str, Any]] = {}
        self._fetched = float("-inf")
        self._lock = asyncio.Lock()

    async def get(self, key_id: str | None) -> SigningKey:
        """The key ``key_id``, fetching the published keys when they are a day old or
        when the key is unknown (at most every five minutes)."""
        if time.monotonic() - self._fetched > KEEP_SECONDS:
            await self._refresh(older_than=KEEP_SECONDS)
        if key_id not in self._keys:
            await self._refresh(older_than=RETRY_UNKNOWN_SECONDS)
        found = self._keys.get(key_id or "")
        if found is None:
            raise UnknownSigningKey("the token names an unknown signing key")
        try:
            public_key = RSAAlgorithm.from_jwk(json.dumps(found))
        except (ValueError, TypeError, KeyError) as error:
            raise UnknownSigningKey("the signing key is not an RSA key") from error
        endorsements = found.get("endorsements")
        return SigningKey(
            public_key=public_key,
            endorsements=[str(e) for e in endorsements] if isinstance(endorsements, list) else [],
        )

    async def _refresh(self, *, older_than: float) -> None:
        async with self._lock:  # one fetch at a time; the others find it done
            if time.monotonic() - self._fetched <= older_than:
                return
            try:
                async with aiohttp.ClientSession(timeout=FETCH_TIMEOUT) as http:
                    metadata = await _json(http, self.url)
                    keys = await _json(http, str(metadata["jwks_uri"]))
            except (aiohttp.ClientError, TimeoutError, ValueError, KeyError, TypeError) as error:
                log.warning(
                    "Teams: the signing keys at %s could not be read (%s)",
                    self.url,
                    type(error).__name__,
                )
                if self._keys:
                    return  # keep the keys we have
                raise KeysUnavailable("the Bot Framework signing keys are out of reach") from error
            self._keys = {
                str(key["kid"]): key
                for key in keys.get("keys", [])
                if isinstance(key, dict) and isinstance(key.get("kid"), str)
            }
            self._fetched = time.monotonic()


async def _json(http: aiohttp.ClientSession, url: str) -> dict[str, Any]:
    async with http.get(url) as response:
        response.raise_for_status()
        value = await response.json(content_type=None)
    if not isinstance(value, dict):
        raise ValueError("not a JSON object")
    return value


def install(*, fetch_from: dict[str, str] | None = None) -> None:
    """Give botbuilder Tandem's key source for each metadata document it reads.

    ``fetch_from`` maps a document's address to where to read it instead (a sovereign
    cloud's mirror, or a local stand-in in tests). Called in the running event loop, once
    per adapter: each key source's lock belongs to that loop."""
    where = fetch_from or {}
    for url in METADATA_URLS:
        JwtTokenExtractor.metadataCache[url] = SigningKeys(url=where.get(url, url))


def signed_as_expected(authorization: str) -> bool:
    """Whether an ``Authorization`` header carries a JWT signed with RS256, the only way the
    Bot Framework signs (``none``, HS256 and the rest are refused before any key is read)."""
    scheme, _, token = authorization.partition(" ")
    if scheme != "Bearer" or not token:
        return False
    try:
        header = jwt.get_unverified_header(token.strip())
    except jwt.PyJWTError:
        return False
    return header.get("alg") == "RS256" and isinstance(header.get("kid"), str)
