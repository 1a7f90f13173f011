"""Teams activities to neutral values: pure functions."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

from tandem.bot.mentions import NeutralText
from tandem.bot.types import (
    ActionSubmitted,
    ConversationKind,
    ConversationRef,
    Mention,
    MentionKind,
    MessageReceived,
    MessageRef,
    Platform,
    TenantKey,
    User,
)

_MENTION = re.compile(r"<at(?:\s[^<>]*)?>([^<]*)</at>", re.IGNORECASE)  # <at id="0"> too
CARD_ACTION = "action_id"
CARD_VALUE = "value"
CARD_INVOKE = "adaptiveCard/action"


def person_key(account: Mapping[str, Any] | None) -> str:
    """A person's stable id: the Entra (AAD) object id when Teams gives it, else the
    channel account id (``29:…``)."""
    if not isinstance(account, Mapping):
        return ""
    return str(account.get("aadObjectId") or account.get("id") or "")


def _mentioned(entities: Sequence[Any], text: str, used: set[int]) -> Mapping[str, Any] | None:
    """The first mention entity not used yet whose text is ``text``."""
    for index, entity in enumerate(entities):
        if (
            index not in used
            and isinstance(entity, Mapping)
            and entity.get("type") == "mention"
            and str(entity.get("text") or "").casefold() == text.casefold()
            and isinstance(entity.get("mentioned"), Mapping)
        ):
            used.add(index)
            return dict(entity["mentioned"])
    return None


def teams_account(person_id: str) -> bool:
    """Whether an id is a Teams account id (``29:…``), not yet the person's Entra id."""
    return person_id.startswith("29:")


def with_person_ids(event: MessageReceived, ids: Mapping[str, str]) -> MessageReceived:
    """``event`` with the people it mentions named by ``ids`` (Teams account id → Entra id,
    as the member look-up answers): Teams' mention entities carry only the account id."""
    text = event.text
    mentions: list[Mention] = []
    for found in event.mentions:
        entra = ids.get(found.id) if found.kind is MentionKind.PERSON else None
        named = Mention(found.kind, entra, found.name) if entra else found
        text = text.replace(found.token, named.token)
        mentions.append(named)
    return MessageReceived(
        user=event.user,
        conversation=event.conversation,
        text=text,
        mentions=tuple(dict.fromkeys(mentions)),
    )


def neutral_text(
    text: str | None, *, entities: Sequence[Any] = (), bot_id: str = ""
) -> NeutralText:
    """Teams' ``<at>Name</at>`` as neutral mentions, told apart by the activity's mention
    entities: the bot's own (``bot_id``) and those without an entity are dropped
    (``<at>Tandem</at> who-owns dns`` → ``who-owns dns``), a person becomes a mention of
    their Entra id, a channel (``19:…``) one of the channel; a tag reads as its name."""
    used: set[int] = set()
    found: list[Mention] = []

    def neutral(match: re.Match[str]) -> str:
        mentioned = _mentioned(entities, match.group(0), used)
        if mentioned is None or not mentioned.get("id") or mentioned.get("id") == bot_id:
            return " "
        name = str(mentioned.get("name") or match.group(1)).strip()
        account_id = str(mentioned["id"])
        if mentioned.get("mentionType") == "tag" or mentioned.get("type") == "tag":
            return f"@{name}"
        if account_id.startswith("19:"):
            picked = Mention(MentionKind.CHANNEL, account_id, name)
        else:
            picked = Mention(MentionKind.PERSON, person_key(mentioned), name)
        found.append(picked)
        return picked.token

    plain = _MENTION.sub(neutral, text or "")
    return NeutralText(text=" ".join(plain.split()), mentions=tuple(dict.fromkeys(found)))


def tenant_key(*, tenant_id: str | None) -> TenantKey:
    """``teams:<tenantId>``."""
    if not tenant_id:
        raise ValueError("a Teams activity without a tenant id")
    return TenantKey(Platform.TEAMS, tenant_id.lower())


def activity_tenant(*, channel_data: Any, conversation_tenant: str | None) -> str | None:
    """The tenant id an activity carries (channel data first, then the conversation)."""
    if isinstance(channel_data, dict):
        tenant = channel_data.get("tenant")
        found = tenant.get("id") if isinstance(tenant, dict) else None
        if found and isinstance(found, str):
            return found
    return conversation_tenant


def conversation_kind(conversation_type: str | None) -> ConversationKind:
    """Teams' ``personal`` / ``channel`` / ``groupChat``."""
    if conversation_type == "channel":
        return ConversationKind.CHANNEL
    if conversation_type == "groupChat":
        return ConversationKind.GROUP
    return ConversationKind.DIRECT


def card_submission(value: Any) -> tuple[str, str, dict[str, str]] | None:
    """An Adaptive Card submit's data as (action id, value, inputs), or None."""
    if not isinstance(value, dict):
        return None
    data = value.get("action") if isinstance(value.get("action"), dict) else value
    data = data.get("data", data) if isinstance(data, dict) else data
    if not isinstance(data, dict) or CARD_ACTION not in data:
        return None
    inputs = {
        str(k): "" if v is None else str(v)
        for k, v in data.items()
        if k not in {CARD_ACTION, CARD_VALUE, "msteams"}
    }
    return str(data[CARD_ACTION]), str(data.get(CARD_VALUE, "")), inputs


# -- whole activities to neutral events (the user and the conversation, whose look-ups
#    and stored reference need the network or the database, are given) --------------------


def message_event(
    activity: Mapping[str, Any], *, user: User, where: ConversationRef
) -> ActionSubmitted | MessageReceived:
    """A ``message`` activity: an Adaptive Card's ``Action.Submit`` (its data in ``value``,
    the card's message in ``replyToId``), else text addressed to the bot."""
    submitted = card_submission(activity.get("value"))
    if submitted is not None:
        action_id, value, inputs = submitted
        card = activity.get("replyToId")
        return ActionSubmitted(
            user=user,
            conversation=where,
            action_id=action_id,
            value=value,
            inputs=inputs,
            message=MessageRef(conversation=where, id=str(card)) if card else None,
        )
    recipient = activity.get("recipient")
    typed = neutral_text(
        activity.get("text") if isinstance(activity.get("text"), str) else "",
        entities=activity.get("entities") or (),
        bot_id=str(recipient.get("id") or "") if isinstance(recipient, Mapping) else "",
    )
    return MessageReceived(user=user, conversation=where, text=typed.text, mentions=typed.mentions)


def card_action(activity: Mapping[str, Any]) -> tuple[str, str, dict[str, str]] | None:
    """An ``adaptiveCard/action`` invoke's data as (action id, value, inputs), None when
    it is not one Tandem sent (no ``action_id`` in its data)."""
    if activity.get("type") != "invoke" or activity.get("name") != CARD_INVOKE:
        return None
    value = activity.get("value")
    return card_submission(value if isinstance(value, dict) else None)


def card_action_event(
    activity: Mapping[str, Any], *, user: User, where: ConversationRef
) -> ActionSubmitted | None:
    """An ``adaptiveCard/action`` invoke (``Action.Execute``), None when it is not one
    Tandem sent (no ``action_id`` in its data)."""
    submitted = card_action(activity)
    if submitted is None:
        return None
    action_id, action_value, inputs = submitted
    return ActionSubmitted(
        user=user, conversation=where, action_id=action_id, value=action_value, inputs=inputs
    )


def welcomes(activity: Mapping[str, Any]) -> bool:
    """Whether an activity says Tandem was added (then it says hello): a
    ``conversationUpdate`` whose ``membersAdded`` holds the bot, or an
    ``installationUpdate`` whose action is ``add`` or ``add-upgrade`` (Teams sends both
    for one install)."""
    recipient = activity.get("recipient")
    bot_id = recipient.get("id") if isinstance(recipient, Mapping) else None
    match activity.get("type"):
        case "conversationUpdate":
            added = activity.get("membersAdded") or ()
            return bool(bot_id) and any(
                isinstance(member, Mapping) and member.get("id") == bot_id for member in added
            )
        case "installationUpdate":
            return activity.get("action") in ("add", "add-upgrade")
    return False
