"""The adapter port over Slack's Web API: send, update, open a DM, invite, profile."""

from __future__ import annotations

import asyncio
import collections
import logging
import time
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import replace
from datetime import datetime
from typing import Any, TypeVar

from slack_sdk.errors import SlackApiError, SlackRequestError
from slack_sdk.web.async_client import AsyncWebClient

from tandem.adapters.calls import CallObserver, retry_reason
from tandem.adapters.slack.profiles import ProfileCache
from tandem.adapters.slack.render import message as render_message
from tandem.adapters.slack.render import modal_view
from tandem.bot.cards import Card, FileAttachment, Reply
from tandem.bot.i18n import Translator
from tandem.bot.port import MissingPermission, Profile
from tandem.bot.sending import current_send
from tandem.bot.types import ConversationKind, ConversationRef, MessageRef, TenantKey, User

log = logging.getLogger(__name__)
ClientFor = Callable[[TenantKey], Awaitable[AsyncWebClient]]
T = TypeVar("T")
MAX_RATE_LIMITED = 10
METADATA_EVENT = "tandem_scheduled_send"
LOOK_PAGES = 5


async def upload_files(
    *,
    client: AsyncWebClient,
    channel: str,
    files: Sequence[FileAttachment],
    thread: str | None = None,
) -> None:
    """Upload ``files`` into ``channel`` (a DM's or a channel's id), one after the other.

    Each goes through ``files_upload_v2`` (an upload URL, the bytes, then the completion
    that shares the file in ``channel``). A file Slack refuses, for instance without the
    ``files:write`` scope, is logged and skipped: the message it goes with is already sent.
    """
    for file in files:
        try:
            await client.files_upload_v2(
                channel=channel,
                filename=file.name,
                content=file.content,
                title=file.title or file.name,
                initial_comment=None,
                thread_ts=thread,
            )
        except SlackApiError as error:
            log.warning("Slack: could not upload %s (%s)", file.name, error.response.get("error"))
        except SlackRequestError as error:
            log.warning("Slack: could not upload %s (%s)", file.name, error)


def _retry_after(error: SlackApiError) -> float:
    headers = getattr(error.response, "headers", {}) or {}
    for key, value in headers.items():
        if key.lower() == "retry-after":
            raw = value[0] if isinstance(value, list) else value
            try:
                return max(float(raw), 0.0)
            except ValueError:
                break
    return 1.0


LIMITED_FOR = 30.0


class _Pace:
    """One workspace's sending pace, learnt from Slack's 429s.

    After a 429 every sender waits out ``Retry-After``; then, for a while, sends go one
    at a time, spaced by what the workspace accepted in the second before the 429
    (a little slower after each further 429), so its cap is used without rejections.
    """

    def __init__(self) -> None:
        self.resume_at = 0.0
        self.limited_until = 0.0
        self.interval = 0.0
        self.base_interval = 0.0
        self.last_send = 0.0
        self.recent: collections.deque[float] = collections.deque()
        self.one_at_a_time = asyncio.Lock()

    def sent(self, started: float) -> None:
        """Note an accepted send (started at ``started``); the pace eases back to the base."""
        now = time.monotonic()
        self.recent.append(started)
        while self.recent and now - self.recent[0] > 1.0:
            self.recent.popleft()
        self.interval = max(self.base_interval, self.interval * 0.98)

    def limited(self, retry_after: float, *, paced: bool) -> None:
        """Slack answered 429: wait, then pace below the rate it accepted.

        ``paced`` says the rejected send was already paced: then the pace slows a little.
        (Rejections of the burst that first met the limit teach nothing more.)
        """
        now = time.monotonic()
        while self.recent and now - self.recent[0] > 1.0:
            self.recent.popleft()
        if paced:
            self.interval *= 1.05
        elif now >= self.limited_until:
            self.interval = self.base_interval = 1.02 / max(len(self.recent), 1)
        self.resume_at = max(self.resume_at, now + retry_after)
        self.limited_until = now + LIMITED_FOR

    def next_slot(self) -> float:
        """When the next send may go."""
        return max(self.resume_at, self.last_send + self.interval)


class SlackPort:
    """Implements :class:`tandem.bot.port.ChatPort` for Slack; one client per workspace."""

    def __init__(
        self,
        *,
        client_for: ClientFor,
        profiles: ProfileCache,
        paced_client_for: ClientFor | None = None,
        calls: CallObserver | None = None,
    ) -> None:
        """``paced_client_for`` gives clients that raise on 429 instead of sleeping, so that
        the port paces a whole workspace: one 429 holds back every sender of it; ``calls``
        is told of each send tried again after a 429."""
        self._calls = calls
        self._client_for = client_for
        self._paced_client_for = paced_client_for or client_for
        self._profiles = profiles
        self._paces: dict[str, _Pace] = {}

    async def _paced(self, tenant: TenantKey, call: Callable[[], Awaitable[T]]) -> T:
        pace = self._paces.setdefault(tenant.workspace, _Pace())
        rejected = False  # the previous try of this call got a 429: the next is a retry
        if time.monotonic() >= pace.limited_until:
            started = time.monotonic()
            try:
                result = await call()
                pace.sent(started)
                return result
            except SlackApiError as error:
                if error.response.status_code != 429:
                    raise
                pace.limited(_retry_after(error), paced=False)
                rejected = True
        async with pace.one_at_a_time:
            for _ in range(MAX_RATE_LIMITED):
                if rejected and self._calls is not None:
                    self._calls.retried(reason=retry_reason(429))
                rejected = False
                delay = pace.next_slot() - time.monotonic()
                if delay > 0:
                    await asyncio.sleep(delay)
                pace.last_send = time.monotonic()  # spacing counts from each send's start
                try:
                    result = await call()
                    pace.sent(pace.last_send)
                    pace.limited_until = time.monotonic() + LIMITED_FOR  # paced while busy
                    return result
                except SlackApiError as error:
                    if error.response.status_code != 429:
                        raise
                    pace.limited(_retry_after(error), paced=True)
                    rejected = True
            if self._calls is not None:
                self._calls.retried(reason=retry_reason(429))
            return await call()

    async def send(self, *, conversation: ConversationRef, reply: Reply) -> MessageRef:
        client = await self._paced_client_for(conversation.tenant)
        payload: dict[str, Any] = dict(render_message(reply))
        scheduled = current_send()
        if scheduled is not None:  # marked, so that a later attempt can find it
            marker = scheduled.next_marker()
            if scheduled.look_since is not None:
                found = await self._find_marked(
                    conversation=conversation, marker=marker, since=scheduled.look_since
                )
                if found is not None:
                    log.info("Slack: scheduled message %s had gone out; not posted again", marker)
                    return found
            payload["metadata"] = {
                "event_type": METADATA_EVENT,
                "event_payload": {"marker": marker},
            }
        response = await self._paced(
            conversation.tenant,
            lambda: client.chat_postMessage(
                channel=conversation.id, thread_ts=conversation.thread, **payload
            ),
        )
        # Posting to a user id lands in the app's DM with them: keep the DM's id for updates.
        channel = str(response.get("channel") or conversation.id)
        if reply.files:
            await upload_files(
                client=await self._client_for(conversation.tenant),
                channel=channel,
                files=reply.files,
                thread=conversation.thread,
            )
        return MessageRef(conversation=replace(conversation, id=channel), id=str(response["ts"]))

    async def _find_marked(
        self, *, conversation: ConversationRef, marker: str, since: datetime
    ) -> MessageRef | None:
        """The message posted with ``marker`` since ``since`` (less a minute for clocks
        that differ), or None when there is none or Slack will not say (then it is posted:
        at least once rather than never)."""
        client = await self._client_for(conversation.tenant)
        oldest = f"{since.timestamp() - 60:.6f}"
        try:
            channel = conversation.id
            if channel[:1] in {"U", "W"}:  # a DM addressed by user id: its channel id
                opened = await client.conversations_open(users=channel)
                channel = str((opened.get("channel") or {}).get("id") or channel)
            cursor: str | None = None
            for _ in range(LOOK_PAGES):
                if conversation.thread:
                    response = await client.conversations_replies(
                        channel=channel,
                        ts=conversation.thread,
                        oldest=oldest,
                        include_all_metadata=True,
                        cursor=cursor,
                        limit=200,
                    )
                else:
                    response = await client.conversations_history(
                        channel=channel,
                        oldest=oldest,
                        include_all_metadata=True,
                        cursor=cursor,
                        limit=200,
                    )
                for item in response.get("messages") or []:
                    metadata = item.get("metadata") or {}
                    if (
                        metadata.get("event_type") == METADATA_EVENT
                        and (metadata.get("event_payload") or {}).get("marker") == marker
                    ):
                        return MessageRef(
                            conversation=replace(conversation, id=channel), id=str(item["ts"])
                        )
                cursor = (response.get("response_metadata") or {}).get("next_cursor") or None
                if not cursor:
                    break
        except (SlackApiError, SlackRequestError) as error:
            log.warning("Slack: could not look for scheduled message %s (%s)", marker, error)
        return None

    async def update(self, *, message: MessageRef, reply: Reply) -> None:
        """Replace the message's text and card; ``reply.files`` are not sent again."""
        client = await self._paced_client_for(message.conversation.tenant)
        payload = render_message(reply)
        await self._paced(
            message.conversation.tenant,
            lambda: client.chat_update(channel=message.conversation.id, ts=message.id, **payload),
        )

    async def open_dm(self, *, user: User) -> ConversationRef:
        """The user's DM with the app, addressed by user id: ``chat.postMessage`` accepts it,
        which spares a rate-limited ``conversations.open`` call per person."""
        return ConversationRef(
            tenant=user.tenant, id=user.platform_user_id, kind=ConversationKind.DIRECT
        )

    async def invite(self, *, conversation: ConversationRef, users: Sequence[User]) -> bool:
        client = await self._client_for(conversation.tenant)
        try:  # force: the others are still added when one id cannot be
            await client.conversations_invite(
                channel=conversation.id,
                users=",".join(u.platform_user_id for u in users),
                force=True,
            )
        except SlackApiError as error:
            if error.response.get("error") == "missing_scope":  # installed before the scope
                needed = str(error.response.get("needed") or "channels:manage,groups:write")
                log.warning(
                    "Slack: Tandem may not add people to a channel without the scope %s: "
                    "a workspace admin must reinstall the app to grant it",
                    needed,
                )
                raise MissingPermission(needed=tuple(s for s in needed.split(",") if s)) from error
            if error.response.get("error") != "already_in_channel":
                raise
        return True

    async def profile(self, *, user: User) -> Profile:
        client = await self._client_for(user.tenant)
        return await self._profiles.get(
            client=client, team_id=user.tenant.workspace, user_id=user.platform_user_id
        )

    async def find_user(self, *, tenant: TenantKey, email: str) -> User | None:
        client = await self._client_for(tenant)
        try:
            response = await client.users_lookupByEmail(email=email)
        except SlackApiError as error:
            if error.response.get("error") == "users_not_found":
                return None
            raise
        found = response.get("user") or {}
        profile = found.get("profile") or {}
        return User(
            tenant=tenant,
            platform_user_id=str(found.get("id", "")),
            display_name=str(found.get("real_name") or profile.get("real_name") or ""),
            email=str(profile.get("email") or email),
            timezone=found.get("tz"),
            locale=found.get("locale"),
        )

    async def members(self, *, conversation: ConversationRef) -> list[User] | None:
        """``conversations.members`` page by page, each person with their profile (email)."""
        client = await self._client_for(conversation.tenant)
        ids: list[str] = []
        cursor: str | None = None
        while True:
            response = await client.conversations_members(
                channel=conversation.id, cursor=cursor, limit=200
            )
            ids.extend(str(i) for i in response.get("members") or [])
            cursor = (response.get("response_metadata") or {}).get("next_cursor") or None
            if not cursor:
                break
        found = []
        for user_id in ids:
            profile = await self._profiles.get(
                client=client, team_id=conversation.tenant.workspace, user_id=user_id
            )
            if profile.email:  # bots and apps have none
                found.append(
                    User(
                        tenant=conversation.tenant,
                        platform_user_id=user_id,
                        display_name=profile.name,
                        email=profile.email,
                        timezone=profile.timezone,
                        locale=profile.locale,
                    )
                )
        return found

    async def open_form(self, *, tenant: TenantKey, trigger: str, card: Card, locale: str) -> None:
        """Open the form of ``card`` as a modal; its submission comes back as the form's
        submit action.

        Slack's trigger ids live a few seconds: call this before any slow work.
        """
        client = await self._client_for(tenant)
        view = modal_view(card, close=Translator(locale=locale)("form.cancel"))
        await client.views_open(trigger_id=trigger, view=view)
