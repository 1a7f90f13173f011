"""A local aiohttp fake of the Slack Web API that records every call.

The bot's ``AsyncWebClient`` points at :attr:`FakeSlackApi.base_url`; Slack's
``response_url`` is replaced by :meth:`FakeSlackApi.response_url`. File uploads
(``files.getUploadURLExternal``, the POST of the bytes, ``files.completeUploadExternal``)
are kept whole: :meth:`FakeSlackApi.files_in` gives what a conversation received. Failures
(429 with ``Retry-After``, HTTP errors, ``ok: false``) can be injected per method.

Each call is checked against the scopes its workspace granted (by default those of
Tandem's manifest, see :mod:`tests.slackfake.scopes`): one lacking its scope gets
``missing_scope`` as on Slack, a method the fake does not know ``unknown_method``; every
answer says the token's scopes in ``x-oauth-scopes``.
"""

from __future__ import annotations

import asyncio
import collections
import contextlib
import itertools
import json
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from types import TracebackType
from typing import Any, ClassVar
from urllib.parse import parse_qsl

from aiohttp import web

from tests.slackfake.scopes import manifest_scopes, needed_scope

JSON_KEYS = ("blocks", "view", "attachments", "files", "metadata")
MODAL_LABEL = 24
"""Slack's longest modal title, submit or close label, counted in UTF-16 code units."""


MAX_BLOCKS = {"message": 50, "modal": 100, "home": 100}
"""Slack's most blocks in a message, a modal and an App Home view."""
MESSAGE_METHODS = frozenset({"chat.postMessage", "chat.postEphemeral", "chat.update"})
VIEW_METHODS = frozenset({"views.open", "views.publish", "views.update"})


def too_many_blocks(method: str, params: dict[str, Any]) -> dict[str, Any] | None:
    """Slack's refusal of a message or view with more blocks than it takes, or None."""
    if method in MESSAGE_METHODS or method == "response_url":
        blocks, limit, where, error = (
            params.get("blocks"),
            MAX_BLOCKS["message"],
            "",
            "invalid_blocks",
        )
    elif method in VIEW_METHODS and isinstance(params.get("view"), dict):
        view = params["view"]
        kind = "home" if view.get("type") == "home" else "modal"
        blocks, limit, where, error = (
            view.get("blocks"),
            MAX_BLOCKS[kind],
            "/view",
            "invalid_arguments",
        )
    else:
        return None
    if not isinstance(blocks, list) or len(blocks) <= limit:
        return None
    message = f"[ERROR] no more than {limit} items allowed [json-pointer:{where}/blocks]"
    return {"ok": False, "error": error, "response_metadata": {"messages": [message]}}


def _utf16(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


@dataclass(frozen=True)
class Call:
    """One request the fake received; ``failed`` when it was answered with a failure
    (injected, or refused for a missing scope)."""

    method: str
    params: dict[str, Any]
    token: str | None
    failed: bool = False


@dataclass(frozen=True)
class SharedFile:
    """A file uploaded and shared in a conversation, as the person sees it there."""

    id: str
    name: str
    title: str
    channel: str
    content: bytes


@dataclass
class _Workspace:
    team_id: str
    bot_user_id: str
    enterprise_id: str | None
    scopes: frozenset[str]


@dataclass
class _Failure:
    status: int
    retry_after: int
    error: str
    times: int


@dataclass
class _User:
    team_id: str
    user_id: str
    email: str
    real_name: str
    tz: str
    locale: str


@dataclass
class FakeSlackApi:
    """Slack's Web API on 127.0.0.1, recording calls in :attr:`calls`."""

    calls: list[Call] = field(default_factory=list)
    _tokens: dict[str, _Workspace] = field(default_factory=dict)
    _users: dict[tuple[str, str], _User] = field(default_factory=dict)
    _codes: dict[str, tuple[str, str, str | None, str]] = field(default_factory=dict)
    _failures: dict[str, _Failure] = field(default_factory=dict)
    _runner: web.AppRunner | None = None
    _port: int = 0
    _ts: itertools.count[int] = field(default_factory=lambda: itertools.count(100))
    _limits: tuple[float, float] | None = None
    _buckets: dict[str, tuple[float, float]] = field(default_factory=dict)
    keep_calls: bool = True
    uploads: dict[str, bytes] = field(default_factory=dict)
    _upload_names: dict[str, str] = field(default_factory=dict)
    _file_ids: itertools.count[int] = field(default_factory=lambda: itertools.count(1))
    posts: collections.Counter[str] = field(default_factory=collections.Counter)
    rejected: int = 0
    now: Callable[[], float] = time.time
    """When a message is posted, for ``conversations.history``'s ``oldest`` (tests with a
    fixed clock set it to that clock)."""
    _history: dict[tuple[str, str], list[dict[str, Any]]] = field(
        default_factory=lambda: collections.defaultdict(list)
    )
    _hang_after: int | None = None
    _hanging: asyncio.Event = field(default_factory=asyncio.Event)
    _private: set[str] = field(default_factory=set)

    # -- lifecycle ------------------------------------------------------------------------

    async def start(self) -> None:
        app = web.Application()
        app.router.add_post("/api/{method}", self._api)
        app.router.add_get("/api/{method}", self._api)
        app.router.add_post("/respond/{name}", self._respond)
        app.router.add_post("/upload/{file_id}", self._upload)
        app.router.add_get("/_stats", self._stats)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        self._port = int(self._runner.addresses[0][1])

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()

    async def __aenter__(self) -> FakeSlackApi:
        await self.start()
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.stop()

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self._port}/api/"

    def response_url(self, name: str) -> str:
        return f"http://127.0.0.1:{self._port}/respond/{name}"

    # -- set-up ---------------------------------------------------------------------------

    def add_workspace(
        self,
        *,
        team_id: str,
        bot_token: str,
        bot_user_id: str = "UBOT",
        enterprise_id: str | None = None,
        scopes: Iterable[str] | None = None,
    ) -> None:
        """A workspace whose bot answers to ``bot_token``, granted ``scopes`` (by default
        those of Tandem's manifest, as installing the app from it grants)."""
        granted = manifest_scopes() if scopes is None else frozenset(scopes)
        self._tokens[bot_token] = _Workspace(team_id, bot_user_id, enterprise_id, granted)

    def grant(self, *, bot_token: str, scopes: Iterable[str]) -> None:
        """The workspace of ``bot_token`` now grants ``scopes`` (an install from an older
        manifest, or an admin approving new scopes)."""
        self._tokens[bot_token].scopes = frozenset(scopes)

    def add_private_channel(self, channel: str) -> None:
        """``channel`` (a ``C…`` id) is private: its calls need the ``groups:…`` scopes."""
        self._private.add(channel)

    def add_user(
        self,
        *,
        team_id: str,
        user_id: str,
        email: str,
        real_name: str,
        tz: str,
        locale: str = "en-US",
    ) -> None:
        self._users[(team_id, user_id)] = _User(team_id, user_id, email, real_name, tz, locale)

    def set_user_tz(self, *, team_id: str, user_id: str, tz: str) -> None:
        self._users[(team_id, user_id)].tz = tz

    def add_oauth_code(
        self,
        *,
        code: str,
        team_id: str,
        bot_token: str,
        bot_user_id: str = "UBOT",
        enterprise_id: str | None = None,
        authed_user_id: str = "UINSTALLER",
        scopes: Iterable[str] | None = None,
    ) -> None:
        self._codes[code] = (team_id, bot_token, enterprise_id, authed_user_id)
        self.add_workspace(
            team_id=team_id,
            bot_token=bot_token,
            bot_user_id=bot_user_id,
            enterprise_id=enterprise_id,
            scopes=scopes,
        )

    def fail_next(
        self,
        method: str,
        *,
        status: int = 429,
        retry_after: int = 1,
        error: str = "ratelimited",
        times: int = 1,
    ) -> None:
        """Answer the next ``times`` calls to ``method`` with a failure: ``status`` (429 with
        ``Retry-After``, another HTTP error, or 200 with ``ok: false`` and ``error``).
        ``method`` is a Web API method, or ``response_url`` for every response URL."""
        self._failures[method] = _Failure(status, retry_after, error, times)

    def _take_failure(self, method: str) -> _Failure | None:
        """The failure to answer this call to ``method`` with, if one was asked for."""
        failure = self._failures.get(method)
        if failure is not None:
            failure.times -= 1
            if failure.times <= 0:
                del self._failures[method]
        return failure

    def hang_posts_after(self, count: int) -> None:
        """Deliver the next ``count`` posts normally; after those, each post is delivered
        (it shows in the conversation) but its answer never comes, as when the bot's
        process dies mid-send. :meth:`stop_hanging` answers the ones waiting."""
        self._hang_after = count
        self._hanging.clear()

    def stop_hanging(self) -> None:
        """Answer posts at once again, including those left waiting."""
        self._hang_after = None
        self._hanging.set()

    def history(self, channel: str) -> list[dict[str, Any]]:
        """The messages posted in ``channel`` (a DM's ``D…`` id or a channel id), oldest first,
        whatever the workspace."""
        return [m for (_, c), messages in self._history.items() if c == channel for m in messages]

    def limit_posts(self, *, per_channel: float, per_workspace: float) -> None:
        """Answer ``chat.postMessage`` with 429 (``Retry-After: 1``) beyond these rates:
        Slack's "about one message per second per conversation, with short bursts" and a
        cap per workspace, each a token bucket holding one second's worth."""
        self._limits = (per_channel, per_workspace)

    def _over_limit(self, team_id: str, channel: str) -> bool:
        if self._limits is None:
            return False
        now = time.monotonic()
        per_channel, per_workspace = self._limits
        buckets = []
        for key, rate in ((f"{team_id}/{channel}", per_channel), (team_id, per_workspace)):
            tokens, last = self._buckets.get(key, (rate, now))
            tokens = min(rate, tokens + (now - last) * rate)
            buckets.append((key, tokens))
        if any(tokens < 1 for _, tokens in buckets):
            for key, tokens in buckets:
                self._buckets[key] = (tokens, now)
            return True
        for key, tokens in buckets:
            self._buckets[key] = (tokens - 1, now)
        return False

    async def _stats(self, _request: web.Request) -> web.Response:
        return web.json_response(
            {
                "posts": sum(self.posts.values()),
                "channels": len(self.posts),
                "most_to_one_channel": max(self.posts.values(), default=0),
                "rejected": self.rejected,
            }
        )

    def calls_to(self, method: str) -> list[Call]:
        return [c for c in self.calls if c.method == method]

    def files_in(self, channel: str) -> list[SharedFile]:
        """The files shared in ``channel`` (``files.completeUploadExternal``), in order."""
        return [
            SharedFile(
                id=str(item["id"]),
                name=self._upload_names.get(str(item["id"]), ""),
                title=str(item.get("title") or ""),
                channel=channel,
                content=self.uploads.get(str(item["id"]), b""),
            )
            for call in self.calls_to("files.completeUploadExternal")
            if not call.failed and call.params.get("channel_id") == channel
            for item in call.params.get("files") or []
        ]

    # -- handlers -------------------------------------------------------------------------

    @staticmethod
    async def _params(request: web.Request) -> dict[str, Any]:
        params: dict[str, Any] = dict(request.query)
        raw = await request.text()
        if raw:
            if request.content_type == "application/json":
                params.update(json.loads(raw))
            else:
                params.update(dict(parse_qsl(raw, keep_blank_values=True)))
        for key in JSON_KEYS:
            if isinstance(params.get(key), str):
                with contextlib.suppress(ValueError):
                    params[key] = json.loads(params[key])
        return params

    async def _respond(self, request: web.Request) -> web.Response:
        params = await self._params(request)
        params["name"] = request.match_info["name"]
        failure = self._take_failure("response_url")
        if failure is not None:
            self.calls.append(Call(method="response_url", params=params, token=None, failed=True))
            headers = {"Retry-After": str(failure.retry_after)} if failure.status == 429 else {}
            return web.Response(status=failure.status, text=failure.error, headers=headers)
        refused = too_many_blocks("response_url", params)
        self.calls.append(
            Call(method="response_url", params=params, token=None, failed=bool(refused))
        )
        if refused is not None:  # as Slack answers a response URL it cannot show
            return web.Response(status=400, text=refused["error"])
        return web.Response(text="ok")

    async def _upload(self, request: web.Request) -> web.Response:
        """The bytes of a file, POSTed to the ``upload_url`` it was given."""
        file_id = request.match_info["file_id"]
        if file_id not in self._upload_names:
            return web.Response(status=404, text="unknown upload")
        self.uploads[file_id] = await request.read()
        return web.Response(text=f"OK - {len(self.uploads[file_id])}")

    async def _api(self, request: web.Request) -> web.Response:
        method = request.match_info["method"]
        params = await self._params(request)
        auth = request.headers.get("Authorization", "")
        token = auth.removeprefix("Bearer ").strip() or params.get("token")
        failure = self._take_failure(method)
        if failure is not None:
            self.calls.append(Call(method=method, params=params, token=token, failed=True))
            if failure.status == 429:
                return web.json_response(
                    {"ok": False, "error": "ratelimited"},
                    status=429,
                    headers={"Retry-After": str(failure.retry_after)},
                )
            if failure.status != 200:
                return web.json_response(
                    {"ok": False, "error": failure.error}, status=failure.status
                )
            return web.json_response({"ok": False, "error": failure.error})
        if method == "oauth.v2.access":
            self.calls.append(Call(method=method, params=params, token=token))
            return web.json_response(self._oauth(params))
        workspace = self._tokens.get(token or "")
        if workspace is None:
            self.calls.append(Call(method=method, params=params, token=token))
            return web.json_response({"ok": False, "error": "invalid_auth"})
        if method == "chat.postMessage":
            channel = str(params.get("channel", ""))
            if self._over_limit(workspace.team_id, channel):
                self.rejected += 1
                return web.json_response(
                    {"ok": False, "error": "ratelimited"}, status=429, headers={"Retry-After": "1"}
                )
            self.posts[f"{workspace.team_id}/{channel}"] += 1
        scopes = {"x-oauth-scopes": ",".join(sorted(workspace.scopes))}
        refused = self._refused(method, params, workspace) or too_many_blocks(method, params)
        if self.keep_calls:
            failed = refused is not None
            self.calls.append(Call(method=method, params=params, token=token, failed=failed))
        if refused is not None:
            return web.json_response(refused, headers=scopes)
        handler = self._methods.get(method)
        body = handler(self, workspace, params) if handler else {"ok": True}
        if method == "chat.postMessage" and self._hang_after is not None:
            if self._hang_after <= 0:
                await self._hanging.wait()
            else:
                self._hang_after -= 1
        return web.json_response(body, headers=scopes)

    def _refused(
        self, method: str, params: dict[str, Any], workspace: _Workspace
    ) -> dict[str, Any] | None:
        """Slack's answer to a call its token may not make, or None when it may."""
        try:
            needed = needed_scope(method, params, private=self._private)
        except KeyError:
            return {"ok": False, "error": "unknown_method"}
        if needed is None or needed in workspace.scopes:
            return None
        return {
            "ok": False,
            "error": "missing_scope",
            "needed": needed,
            "provided": ",".join(sorted(workspace.scopes)),
        }

    def _next_ts(self) -> str:
        return f"1700000000.{next(self._ts):06d}"

    def _oauth(self, params: dict[str, Any]) -> dict[str, Any]:
        found = self._codes.get(str(params.get("code")))
        if found is None:
            return {"ok": False, "error": "invalid_code"}
        team_id, bot_token, enterprise_id, authed_user = found
        return {
            "ok": True,
            "access_token": bot_token,
            "token_type": "bot",
            "scope": ",".join(sorted(self._tokens[bot_token].scopes)),
            "bot_user_id": self._tokens[bot_token].bot_user_id,
            "app_id": "A123",
            "team": {"id": team_id, "name": f"Team {team_id}"},
            "enterprise": {"id": enterprise_id, "name": "Grid"} if enterprise_id else None,
            "is_enterprise_install": False,
            "authed_user": {"id": authed_user},
        }

    def _auth_test(self, ws: _Workspace, params: dict[str, Any]) -> dict[str, Any]:
        return {
            "ok": True,
            "url": f"https://{ws.team_id.lower()}.slack.com/",
            "team": f"Team {ws.team_id}",
            "user": "tandem",
            "team_id": ws.team_id,
            "user_id": ws.bot_user_id,
            "bot_id": "B" + ws.bot_user_id,
            "enterprise_id": ws.enterprise_id,
            "is_enterprise_install": False,
        }

    def _users_info(self, ws: _Workspace, params: dict[str, Any]) -> dict[str, Any]:
        user = self._users.get((ws.team_id, str(params.get("user"))))
        if user is None:
            return {"ok": False, "error": "user_not_found"}
        return {
            "ok": True,
            "user": {
                "id": user.user_id,
                "team_id": user.team_id,
                "name": user.email.split("@")[0],
                "real_name": user.real_name,
                "tz": user.tz,
                "tz_offset": 0,
                "locale": user.locale,
                "profile": {
                    "email": user.email,
                    "real_name": user.real_name,
                    "display_name": user.real_name,
                },
            },
        }

    def _post_message(self, ws: _Workspace, params: dict[str, Any]) -> dict[str, Any]:
        message = {"text": params.get("text"), "blocks": params.get("blocks")}
        channel = str(params.get("channel", ""))
        if channel[:1] in {"U", "W"}:  # posting to a user id posts in the app's DM with them
            channel = "D" + channel
        ts = self._next_ts()
        metadata = params.get("metadata")
        self._history[(ws.team_id, channel)].append(
            {
                **message,
                "ts": ts,
                "thread_ts": params.get("thread_ts"),
                "metadata": metadata if isinstance(metadata, dict) else None,
                "posted_at": self.now(),
            }
        )
        return {
            "ok": True,
            "channel": channel,
            "ts": ts,
            "message": message,
        }

    def _post_ephemeral(self, ws: _Workspace, params: dict[str, Any]) -> dict[str, Any]:
        return {"ok": True, "message_ts": self._next_ts()}

    def _update(self, ws: _Workspace, params: dict[str, Any]) -> dict[str, Any]:
        return {
            "ok": True,
            "channel": params.get("channel"),
            "ts": params.get("ts"),
            "text": params.get("text"),
        }

    def _open(self, ws: _Workspace, params: dict[str, Any]) -> dict[str, Any]:
        return {"ok": True, "channel": {"id": "D" + str(params.get("users", "")).split(",")[0]}}

    def _read_history(self, ws: _Workspace, params: dict[str, Any]) -> dict[str, Any]:
        """``conversations.history`` (or ``.replies`` with ``ts``), newest first, one page;
        metadata only with ``include_all_metadata``, as Slack does."""
        oldest = float(params.get("oldest") or 0)
        thread = params.get("ts")
        found = [
            m
            for m in self._history.get((ws.team_id, str(params.get("channel", ""))), [])
            if m["posted_at"] > oldest and (thread is None or m["thread_ts"] == thread)
        ]
        with_metadata = str(params.get("include_all_metadata", "")).lower() in {"1", "true"}
        messages = [
            {
                "type": "message",
                "ts": m["ts"],
                "text": m["text"],
                **({"metadata": m["metadata"]} if with_metadata and m["metadata"] else {}),
            }
            for m in reversed(found)
        ]
        return {"ok": True, "messages": messages, "has_more": False, "response_metadata": {}}

    def _lookup_by_email(self, ws: _Workspace, params: dict[str, Any]) -> dict[str, Any]:
        wanted = str(params.get("email", "")).casefold()
        for (team, user_id), user in self._users.items():
            if team == ws.team_id and (user.email or "").casefold() == wanted:
                return self._users_info(ws, {"user": user_id})
        return {"ok": False, "error": "users_not_found"}

    def _members(self, ws: _Workspace, params: dict[str, Any]) -> dict[str, Any]:
        everyone = [uid for (team, uid) in self._users if team == ws.team_id]
        return {"ok": True, "members": [*everyone, ws.bot_user_id], "response_metadata": {}}

    def _invite(self, ws: _Workspace, params: dict[str, Any]) -> dict[str, Any]:
        return {"ok": True, "channel": {"id": params.get("channel")}}

    def _upload_url(self, ws: _Workspace, params: dict[str, Any]) -> dict[str, Any]:
        if not params.get("filename") or not str(params.get("length", "")).isdigit():
            return {"ok": False, "error": "invalid_arguments"}
        file_id = f"F{next(self._file_ids):08d}"
        self._upload_names[file_id] = str(params["filename"])
        return {
            "ok": True,
            "file_id": file_id,
            "upload_url": f"http://127.0.0.1:{self._port}/upload/{file_id}",
        }

    def _complete_upload(self, ws: _Workspace, params: dict[str, Any]) -> dict[str, Any]:
        files = params.get("files")
        if not isinstance(files, list) or not files:
            return {"ok": False, "error": "invalid_arguments"}
        if any(str(f.get("id")) not in self.uploads for f in files):
            return {"ok": False, "error": "file_not_found"}
        channel = params.get("channel_id")
        return {
            "ok": True,
            "files": [
                {
                    "id": f["id"],
                    "name": self._upload_names[str(f["id"])],
                    "title": f.get("title") or self._upload_names[str(f["id"])],
                    "size": len(self.uploads[str(f["id"])]),
                    "channels": [channel] if channel else [],
                }
                for f in files
            ],
        }

    def _view(self, ws: _Workspace, params: dict[str, Any]) -> dict[str, Any]:
        given = params.get("view")
        view: dict[str, Any] = given if isinstance(given, dict) else {}
        too_long = [
            f"[ERROR] must be less than {MODAL_LABEL + 1} characters "
            f"[json-pointer:/view/{name}/text]"
            for name in ("title", "submit", "close")
            if _utf16(str((view.get(name) or {}).get("text", ""))) > MODAL_LABEL
        ]
        if too_long:  # as Slack refuses it: the modal never opens
            return {
                "ok": False,
                "error": "invalid_arguments",
                "response_metadata": {"messages": too_long},
            }
        return {"ok": True, "view": {"id": "V" + self._next_ts().replace(".", ""), **view}}

    _methods: ClassVar[
        dict[str, Callable[[FakeSlackApi, _Workspace, dict[str, Any]], dict[str, Any]]]
    ] = {
        "auth.test": _auth_test,
        "users.info": _users_info,
        "users.lookupByEmail": _lookup_by_email,
        "chat.postMessage": _post_message,
        "chat.postEphemeral": _post_ephemeral,
        "chat.update": _update,
        "conversations.open": _open,
        "conversations.history": _read_history,
        "conversations.replies": _read_history,
        "files.getUploadURLExternal": _upload_url,
        "files.completeUploadExternal": _complete_upload,
        "conversations.invite": _invite,
        "conversations.members": _members,
        "views.open": _view,
        "views.publish": _view,
        "views.update": _view,
    }
