"""The scopes Slack documents for each Web API method Tandem calls, checked by the fake.

A workspace of the fake grants, unless told otherwise, exactly the bot scopes of
Tandem's manifest (read from the manifest Tandem prints, not copied): a scope dropped
from the manifest, or a call whose scope the manifest lacks, fails a test as it fails on
Slack, with ``missing_scope``.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from typing import Any

from tandem.adapters.slack.manifest import slack_manifest

# By conversation kind where the method's scope depends on it: a public channel, a private
# one, a DM (im) or a group DM (mpim). None: the method needs no scope.
Needs = str | Mapping[str, str] | None
HISTORY = {
    "public": "channels:history",
    "private": "groups:history",
    "im": "im:history",
    "mpim": "mpim:history",
}
METHOD_SCOPES: dict[str, Needs] = {
    "auth.test": None,
    "chat.postMessage": "chat:write",
    "chat.postEphemeral": "chat:write",
    "chat.update": "chat:write",
    "conversations.open": {"im": "im:write", "mpim": "mpim:write"},
    "conversations.history": HISTORY,
    "conversations.replies": HISTORY,
    "conversations.members": {
        "public": "channels:read",
        "private": "groups:read",
        "im": "im:read",
        "mpim": "mpim:read",
    },
    "conversations.invite": {"public": "channels:manage", "private": "groups:write"},
    "users.info": "users:read",
    "users.lookupByEmail": "users:read.email",
    "files.getUploadURLExternal": "files:write",
    "files.completeUploadExternal": "files:write",
    "views.open": None,
    "views.publish": None,
    "views.update": None,
}


def manifest_scopes() -> frozenset[str]:
    """The bot scopes of the manifest ``tandem manifest slack`` prints."""
    manifest = slack_manifest(commands=(), url=None, socket_mode=True)
    return frozenset(manifest["oauth_config"]["scopes"]["bot"])


def conversation_kind(channel: str, *, private: Collection[str]) -> str:
    """What Slack's ids say of a conversation: ``D…`` a DM, ``G…`` (or one the test made
    private) a private channel, any other a public channel."""
    if channel.startswith("D"):
        return "im"
    if channel.startswith("G") or channel in private:
        return "private"
    return "public"


def needed_scope(method: str, params: Mapping[str, Any], *, private: Collection[str]) -> str | None:
    """The scope a call of ``method`` with ``params`` needs (None: none); KeyError for a
    method the fake does not know."""
    needs = METHOD_SCOPES[method]
    if needs is None or isinstance(needs, str):
        return needs
    if method == "conversations.open":
        users = [u for u in str(params.get("users", "")).split(",") if u]
        kind = "mpim" if len(users) > 1 else "im"
    else:
        kind = conversation_kind(str(params.get("channel", "")), private=private)
    return needs.get(kind)
