"""Slack payloads to neutral values: pure functions, tested on recorded payloads."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any
from urllib.parse import urlsplit

from tandem.bot.mentions import NeutralText
from tandem.bot.types import (
    ActionSubmitted,
    CommandInvoked,
    ConversationKind,
    ConversationRef,
    HomeOpened,
    Mention,
    MentionKind,
    MessageReceived,
    MessageRef,
    Platform,
    TenantKey,
    User,
)

SHARE_WORDS = frozenset({"share", "partager", "partage"})
# How Slack writes a person (``<@U123>``, ``<@W123|sam>``) or a channel (``<#C123|general>``)
# picked from its menu; group 1 the sign and id, group 2 the name when Slack gives one.
_MENTION = re.compile(r"<([@#][A-Z0-9]+)(?:\|([^<>|]*))?>")
_LEADING = re.compile(r"^\s*<@[A-Z0-9]+(?:\|[^<>|]*)?>")


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


def neutral_text(
    text: str, *, bot_user_id: str | None = None, addressed: bool = False
) -> NeutralText:
    """Slack's ``<@U123|sam>`` and ``<#C123|general>`` as neutral mentions.

    Mentions of the bot itself (``bot_user_id``) are dropped, as is the mention a message
    starts with when it is ``addressed`` to the bot (an ``app_mention``):
    ``<@U0BOT> who owns dns?`` → ``who owns dns?``.
    """
    if addressed:
        text = _LEADING.sub(" ", text, count=1)
    found: list[Mention] = []

    def neutral(match: re.Match[str]) -> str:
        sign, platform_id = match.group(1)[0], match.group(1)[1:]
        if sign == "@" and platform_id == bot_user_id:
            return " "
        picked = Mention(MentionKind(sign), platform_id, match.group(2) or "")
        found.append(picked)
        return picked.token

    neutral_form = _MENTION.sub(neutral, text)
    neutral_form = re.sub(r" {2,}", " ", neutral_form)  # where a mention was dropped
    return NeutralText(text=neutral_form.strip(), mentions=tuple(dict.fromkeys(found)))


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


def channel_type_named(channel_name: object) -> str | None:
    """The kind of conversation a slash command's or a button's ``channel_name`` says:
    ``directmessage`` a direct message (``im``), ``mpdm-…`` a group DM (``mpim``), a
    ``privategroup`` a private group; None for a channel's own name."""
    if channel_name == "directmessage":
        return "im"
    if isinstance(channel_name, str) and channel_name.startswith("mpdm-"):
        return "mpim"
    if channel_name == "privategroup":
        return "group"
    return None


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


# -- whole payloads to neutral events (the user, whose profile is fetched, is given) --------


def command_event(body: Mapping[str, Any], *, user: User) -> tuple[CommandInvoked, bool]:
    """A slash command as a neutral command, and whether its last word asks to share it."""
    typed = neutral_text(str(body.get("text") or ""))
    text, share = split_share(typed.text)
    event = CommandInvoked(
        user=user,
        conversation=conversation(
            tenant=user.tenant,
            channel_id=str(body.get("channel_id", "")),
            channel_type=channel_type_named(body.get("channel_name")),
        ),
        command=str(body.get("command", "")).lstrip("/"),
        text=text,
        mentions=tuple(m for m in typed.mentions if m.token in text),
    )
    return event, share


def action_channel(body: Mapping[str, Any]) -> str:
    """The channel a button was pressed in ("" from a modal or App Home)."""
    return str((body.get("channel") or {}).get("id", "")) or str(
        (body.get("container") or {}).get("channel_id", "")
    )


def action_conversation(body: Mapping[str, Any], *, tenant: TenantKey) -> ConversationRef | None:
    """Where a button was pressed, of the kind its channel's name says; None from a modal or
    App Home (then the answer goes to a direct message)."""
    channel = action_channel(body)
    if not channel:
        return None
    named = channel_type_named((body.get("channel") or {}).get("name"))
    return conversation(tenant=tenant, channel_id=channel, channel_type=named)


def action_event(
    body: Mapping[str, Any], action: Mapping[str, Any], *, user: User, where: ConversationRef
) -> ActionSubmitted:
    """A button press or a menu choice of ``block_actions``, pressed in ``where``."""
    ts = (body.get("container") or {}).get("message_ts")
    value = action.get("value")
    if value is None:
        value = (action.get("selected_option") or {}).get("value", "")
    return ActionSubmitted(
        user=user,
        conversation=where,
        action_id=str(action.get("action_id", "")),
        value=str(value),
        message=MessageRef(conversation=where, id=str(ts)) if ts else None,
    )


def view_event(view: Mapping[str, Any], *, user: User, where: ConversationRef) -> ActionSubmitted:
    """A submitted modal: its callback id is the form's submit action, its private
    metadata the submit's value, its inputs by input id."""
    return ActionSubmitted(
        user=user,
        conversation=where,
        action_id=str(view.get("callback_id", "")),
        value=str(view.get("private_metadata") or ""),
        inputs=view_inputs(view),
    )


def read_by_tandem(event: Mapping[str, Any]) -> bool:
    """Whether Tandem reads a message event: a direct message (``message.im``) or a mention
    of the bot (``app_mention``); not its own and other bots' messages, edits and other
    subtypes, nor messages in channels."""
    if event.get("type") == "app_mention":
        return True
    return (
        event.get("channel_type") == "im" and not event.get("subtype") and not event.get("bot_id")
    )


def message_event(
    event: Mapping[str, Any], *, user: User, bot_user_id: str | None = None
) -> MessageReceived | None:
    """A message :func:`read_by_tandem` as free text (None for one it does not read),
    answered in its thread for a mention."""
    if not read_by_tandem(event):
        return None
    addressed = event.get("type") == "app_mention"
    typed = neutral_text(str(event.get("text") or ""), bot_user_id=bot_user_id, addressed=addressed)
    thread = str(event.get("thread_ts") or event.get("ts") or "") or None if addressed else None
    where = conversation(
        tenant=user.tenant,
        channel_id=str(event.get("channel", "")),
        channel_type=event.get("channel_type"),
        thread=thread,
    )
    return MessageReceived(user=user, conversation=where, text=typed.text, mentions=typed.mentions)


def home_tab(event: Mapping[str, Any]) -> bool:
    """Whether ``app_home_opened`` opened the Home tab (not the Messages or About tab)."""
    return bool(event.get("tab", "home") == "home")


def home_event(event: Mapping[str, Any], *, user: User) -> HomeOpened | None:
    """``app_home_opened`` on the Home tab (None on the Messages or About tab)."""
    if not home_tab(event):
        return None
    where = conversation(tenant=user.tenant, channel_id=str(event.get("channel") or ""))
    return HomeOpened(user=user, conversation=where)
