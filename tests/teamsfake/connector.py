"""A local aiohttp fake of the Bot Framework connector (the ``serviceUrl`` of activities).

Records replies, sends, updates and conversation creations; answers member
look-ups from people registered with :meth:`FakeConnector.add_member`; can
answer 429 with ``Retry-After``. It also stands in for the OneDrive upload session of
a file a person accepted (:meth:`FakeConnector.upload_url`), keeping what was PUT there.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from types import TracebackType
from typing import Any

from aiohttp import web


@dataclass(frozen=True)
class Sent:
    """One call to the connector: ``kind`` is reply, send, update or create."""

    kind: str
    conversation_id: str
    activity: dict[str, Any]
    activity_id: str = ""
    failed: bool = False


@dataclass(frozen=True)
class Upload:
    """The bytes PUT to an upload URL, with the request's headers."""

    name: str
    content: bytes
    headers: dict[str, str]


@dataclass
class FakeConnector:
    calls: list[Sent] = field(default_factory=list)
    members: dict[str, dict[str, Any]] = field(default_factory=dict)
    uploads: list[Upload] = field(default_factory=list)
    _throttle: dict[str, int] = field(default_factory=dict)
    _ids: itertools.count[int] = field(default_factory=lambda: itertools.count(1))
    _runner: web.AppRunner | None = None
    _port: int = 0

    async def __aenter__(self) -> FakeConnector:
        app = web.Application()
        app.router.add_post("/v3/conversations", self._create)
        # ids as the Bot Framework takes them: any characters but "/" (aiohttp's default
        # pattern would also refuse braces)
        app.router.add_post("/v3/conversations/{cid:[^/]+}/activities", self._send)
        app.router.add_post("/v3/conversations/{cid:[^/]+}/activities/{aid:[^/]+}", self._reply)
        app.router.add_put("/v3/conversations/{cid:[^/]+}/activities/{aid:[^/]+}", self._update)
        app.router.add_get("/v3/conversations/{cid:[^/]+}/members/{mid:[^/]+}", self._member)
        app.router.add_put("/upload/{name}", self._upload)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        self._port = int(self._runner.addresses[0][1])
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if self._runner is not None:
            await self._runner.cleanup()

    @property
    def service_url(self) -> str:
        return f"http://127.0.0.1:{self._port}/"

    def upload_url(self, name: str) -> str:
        """Where a file accepted as ``name`` is to be PUT (OneDrive's upload session)."""
        return f"http://127.0.0.1:{self._port}/upload/{name}"

    def add_member(self, *, user_id: str, aad: str, name: str, email: str) -> None:
        self.members[user_id] = {
            "id": user_id,
            "name": name,
            "aadObjectId": aad,
            "email": email,
            "userPrincipalName": email,
            "givenName": name.split()[0],
            "surname": name.split()[-1],
        }

    def throttle(self, kind: str, *, times: int = 1) -> None:
        """The next ``times`` calls of ``kind`` get 429 with ``Retry-After: 1``."""
        self._throttle[kind] = times

    def of(self, kind: str) -> list[Sent]:
        return [c for c in self.calls if c.kind == kind and not c.failed]

    def posted(self, conversation_id: str) -> list[Sent]:
        """Messages posted to a conversation (botbuilder sends proactive ones as replies
        to its continuation activity; Teams shows both the same way)."""
        return [
            c
            for c in self.calls
            if c.kind in {"send", "reply"} and not c.failed and c.conversation_id == conversation_id
        ]

    async def _record(self, kind: str, request: web.Request) -> web.Response | None:
        body = await request.json() if request.can_read_body else {}
        sent = Sent(
            kind=kind,
            conversation_id=request.match_info.get("cid", ""),
            activity=body,
            activity_id=request.match_info.get("aid", ""),
        )
        if self._throttle.get(kind, 0) > 0:
            self._throttle[kind] -= 1
            self.calls.append(Sent(**{**sent.__dict__, "failed": True}))
            return web.json_response(
                {"error": {"code": "Throttled", "message": "slow down"}},
                status=429,
                headers={"Retry-After": "1"},
            )
        self.calls.append(sent)
        return None

    async def _send(self, request: web.Request) -> web.Response:
        return await self._record("send", request) or web.json_response(
            {"id": f"activity-{next(self._ids)}"}
        )

    async def _reply(self, request: web.Request) -> web.Response:
        return await self._record("reply", request) or web.json_response(
            {"id": f"activity-{next(self._ids)}"}
        )

    async def _update(self, request: web.Request) -> web.Response:
        return await self._record("update", request) or web.json_response(
            {"id": request.match_info["aid"]}
        )

    async def _create(self, request: web.Request) -> web.Response:
        return await self._record("create", request) or web.json_response(
            {"id": f"a:new-chat-{next(self._ids)}", "activityId": ""}, status=201
        )

    async def _upload(self, request: web.Request) -> web.Response:
        content = await request.read()
        self.uploads.append(
            Upload(name=request.match_info["name"], content=content, headers=dict(request.headers))
        )
        return web.json_response({"id": "onedrive-item-1", "size": len(content)}, status=201)

    async def _member(self, request: web.Request) -> web.Response:
        member = self.members.get(request.match_info["mid"])
        if member is None:
            return web.json_response({"error": {"code": "NotFound"}}, status=404)
        return web.json_response(member)
