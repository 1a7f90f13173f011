"""Slack payloads to neutral values: pure functions, tested on recorded payloads."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any
from urllib.parse import urlsplit

from tandem.bot.types import ConversationKind, ConversationRef, Platform, TenantKey

SHARE_WORDS = frozenset({"share", "partager", "partage"})
_MENTION = re.compile(r"<@[A-Z0-9]+(?:\|[^>]*)?>")


def tenant_key(*, team_id: str | None, enterprise_id: str | None) -> TenantKey:
    """``slack:<team_id>``; an org-wide Enterprise Grid install has only its enterprise id."""
    workspace = team_id or enterprise_id
    if not workspace:
        raise ValueError("a Slack request without team or enterprise id")
    return TenantKey(Platform.SLACK, workspace)


def split_share(text: str) -> tuple[str, bool]:
    """``dns share`` → ("dns", True): the user asks for a reply everyone sees."""
    words = text.split()
    if words and words[-1].casefold() in SHARE_WORDS:
        return " ".join(words[:-1]), True
    return text.strip(), False


def strip_mentions(text: str) -> str:
    """``<@U0BOT> who owns dns?`` → ``who owns dns?``."""
    return _MENTION.sub(" ", text).strip()


def conversation(
    *,
    tenant: TenantKey,
    channel_id: str,
    channel_type: str | None = None,
    thread: str | None = None,
) -> ConversationRef:
    """A neutral address for a Slack channel, DM or group."""
    if channel_type == "im" or channel_id.startswith("D"):
        kind = ConversationKind.DIRECT
    elif channel_type in {"mpim", "group"} or channel_id.startswith("G"):
        kind = ConversationKind.GROUP
    else:
        kind = ConversationKind.CHANNEL
    return ConversationRef(tenant=tenant, id=channel_id, kind=kind, thread=thread)


def payload_team(body: Mapping[str, Any]) -> tuple[str | None, str | None]:
    """The (team id, enterprise id) a payload says it comes from, whatever its kind."""
    team = body.get("team_id") or (body.get("team") or {}).get("id")
    if not team:
        team = (body.get("user") or {}).get("team_id")
    enterprise = body.get("enterprise_id") or (body.get("enterprise") or {}).get("id")
    return team, enterprise


# The shape of what Slack posts, as far as slack-bolt and Tandem read it. Bolt reads these
# without checking their types (``payload["event"].get(…)``), so a payload that is signed
# but not shaped like Slack's must be refused before it reaches bolt, or it costs a 500.
_TEXTS = frozenset(
    {
        "type",
        "token",
        "team_id",
        "enterprise_id",
        "user_id",
        "channel_id",
        "channel_type",
        "api_app_id",
        "event_id",
        "command",
        "text",
        "response_url",
        "trigger_id",
        "subtype",
        "tab",
        "ts",
        "thread_ts",
        "message_ts",
        "event_ts",
        "bot_id",
        "user_team",
        "context_team_id",
        "context_enterprise_id",
    }
)
_OWNERS = ("team", "enterprise", "user", "channel")  # an object with an id (or, in events, the id)
_PARTS = ("event", "message", "previous_message", "item", "assistant_thread", "container")


_IDS = frozenset(
    {
        "team_id",
        "enterprise_id",
        "user_id",
        "channel_id",
        "api_app_id",
        "bot_id",
        "user_team",
        "context_team_id",
        "context_enterprise_id",
    }
)
_ID = re.compile(r"[!-~]*")  # Slack's ids are printable ASCII: never a space or a control


def _text(value: object) -> bool:
    return value is None or isinstance(value, str)


def _an_id(value: object) -> bool:
    return value is None or (isinstance(value, str) and _ID.fullmatch(value) is not None)


def _owner(value: object, *, id_alone: bool) -> bool:
    if value is None or (id_alone and isinstance(value, str)):
        return _an_id(value)
    return isinstance(value, Mapping) and all(
        _an_id(value.get(key)) for key in ("id", "team_id", "enterprise_id")
    )


def _part(value: object, *, top: bool = False) -> bool:
    """An object read the way bolt reads a payload (its ids, then its parts, in depth)."""
    if not isinstance(value, Mapping):
        return False
    if not all(_text(value.get(key)) for key in _TEXTS):
        return False
    if not all(_an_id(value.get(key)) for key in _IDS):
        return False
    if not all(_owner(value.get(key), id_alone=not top) for key in _OWNERS):
        return False
    for key in _PARTS:
        if key in value and not _part(value[key]):
            return False
    lists = ("authorizations", "actions", "response_urls")
    if not all(_list_of(value[key]) for key in lists if key in value):
        return False
    return (
        all(_part(grant) for grant in value.get("authorizations") or ())
        and value.get("actions") != []  # bolt reads the first action blindly
        and all(_action(action) for action in value.get("actions") or ())
        and (value.get("view") is None or _view(value["view"]))
    )


def _list_of(value: object) -> bool:
    return isinstance(value, list) and all(isinstance(item, Mapping) for item in value)


def _action(action: Mapping[str, Any]) -> bool:
    """A button press or a menu choice of ``block_actions``."""
    return (
        isinstance(action.get("action_id"), str)
        and all(_text(action.get(key)) for key in ("block_id", "value", "type"))
        and _choice(action.get("selected_option"))
    )


def _choice(value: object) -> bool:
    return value is None or (isinstance(value, Mapping) and _text(value.get("value")))


def _view(view: object) -> bool:
    """A modal, with the values of its inputs by block and by action."""
    if not isinstance(view, Mapping):
        return False
    keys = ("id", "team_id", "app_installed_team_id", "callback_id", "private_metadata")
    if not isinstance(view.get("type"), str) or not all(_text(view.get(key)) for key in keys):
        return False
    state = view.get("state")
    if state is None:
        return True
    if not isinstance(state, Mapping):
        return False
    blocks = state.get("values") or {}
    return isinstance(blocks, Mapping) and all(
        isinstance(actions, Mapping)
        and all(
            isinstance(action, Mapping)
            and all(_text(action.get(key)) for key in ("value", "selected_date", "type"))
            and _choice(action.get("selected_option"))
            for action in actions.values()
        )
        for actions in blocks.values()
    )


def well_formed(payload: object) -> bool:
    """Whether a parsed request body is shaped as Slack shapes its payloads: an object whose
    ids are strings and whose parts (team, user, channel, event, view, actions…) are objects;
    a slash command comes with the ``response_url`` its answer goes to, an event callback
    with its event, a button press with its action and a modal submission with its view."""
    if not isinstance(payload, Mapping):
        return False
    url = payload.get("response_url")
    if url is not None and not _web_address(url):
        return False
    required = {
        "event_callback": "event",
        "block_actions": "actions",
        "view_submission": "view",
        "view_closed": "view",
    }.get(str(payload.get("type")))
    if "command" in payload:
        required = "response_url"
    if required is not None and payload.get(required) is None:  # bolt reads these blindly
        return False
    return _part(payload, top=True)


def _web_address(value: object) -> bool:
    """An http(s) URL with a host (Slack's response URLs are; ``http://`` alone is not)."""
    if not isinstance(value, str):
        return False
    try:
        parts = urlsplit(value)
        return parts.scheme in ("https", "http") and bool(parts.hostname)
    except ValueError:
        return False


def view_inputs(view: Mapping[str, Any]) -> dict[str, str]:
    """The values of a submitted modal, by block id, as text."""
    values: dict[str, str] = {}
    for block_id, actions in ((view.get("state") or {}).get("values") or {}).items():
        for action in actions.values():
            value = action.get("value")
            if value is None:
                value = (action.get("selected_option") or {}).get("value")
            if value is None and "selected_date" in action:
                value = action["selected_date"]
            values[block_id] = "" if value is None else str(value)
    return values
