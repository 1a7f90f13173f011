"""A stand-in for login.botframework.com: the OpenID metadata and the keys Teams signs with.

It signs tokens as the Bot Framework does (RS256, a key id, the ``msteams`` endorsement,
issuer ``https://api.botframework.com``, the bot's app id as audience, the service URL as
a claim) and can be held (answers wait for :meth:`release`) or broken (answers 500).
"""

from __future__ import annotations

import asyncio
import base64
import time
from dataclasses import dataclass, field
from typing import Any

import jwt
from aiohttp import web
from cryptography.hazmat.primitives.asymmetric import rsa

ISSUER = "https://api.botframework.com"


def _b64(number: int) -> str:
    raw = number.to_bytes((number.bit_length() + 7) // 8, "big")
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()


def new_key() -> rsa.RSAPrivateKey:
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


@dataclass
class FakeBotFrameworkKeys:
    key: rsa.RSAPrivateKey = field(default_factory=new_key)
    kid: str = "tandem-test-key"
    broken: bool = False
    requests: int = 0
    asked: asyncio.Event = field(default_factory=asyncio.Event)
    _held: asyncio.Event | None = None
    _runner: web.AppRunner | None = None
    _port: int = 0

    async def __aenter__(self) -> FakeBotFrameworkKeys:
        app = web.Application()
        app.router.add_get("/metadata", self._metadata)
        app.router.add_get("/keys", self._keys)
        self._runner = web.AppRunner(app)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        self._port = self._runner.addresses[0][1]
        return self

    async def __aexit__(self, *_: object) -> None:
        self.release()
        if self._runner is not None:
            await self._runner.cleanup()

    @property
    def metadata_url(self) -> str:
        return f"http://127.0.0.1:{self._port}/metadata"

    def hold(self) -> None:
        """Answers wait until :meth:`release` (a key endpoint that is slow today)."""
        self._held = asyncio.Event()

    def release(self) -> None:
        if self._held is not None:
            self._held.set()

    def token(
        self,
        *,
        app_id: str,
        service_url: str,
        key: rsa.RSAPrivateKey | None = None,
        kid: str | None = None,
        expires_in: float = 3600,
        **claims: Any,
    ) -> str:
        """A token as the Bot Framework signs it (another ``key`` or ``kid`` to forge one)."""
        now = time.time()
        payload = {
            "iss": ISSUER,
            "aud": app_id,
            "serviceurl": service_url,
            "nbf": int(now) - 60,
            "exp": int(now + expires_in),
            **claims,
        }
        return jwt.encode(
            payload, key or self.key, algorithm="RS256", headers={"kid": kid or self.kid}
        )

    async def _wait(self) -> None:
        self.requests += 1
        self.asked.set()
        if self._held is not None:
            await self._held.wait()
        if self.broken:
            raise web.HTTPInternalServerError()

    async def _metadata(self, request: web.Request) -> web.Response:
        await self._wait()
        return web.json_response(
            {"issuer": ISSUER, "jwks_uri": f"http://127.0.0.1:{self._port}/keys"}
        )

    async def _keys(self, request: web.Request) -> web.Response:
        await self._wait()
        numbers = self.key.public_key().public_numbers()
        jwk = {
            "kty": "RSA",
            "use": "sig",
            "kid": self.kid,
            "n": _b64(numbers.n),
            "e": _b64(numbers.e),
            "endorsements": ["msteams"],
        }
        return web.json_response({"keys": [jwk]})
