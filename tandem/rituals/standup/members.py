"""A stand-up's members as typed at set-up: emails, mentions of people, or the whole
channel; each resolved to an email of the people file, or said to be unknown."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from dataclasses import field as default

from tandem.bot.cards import Reply
from tandem.bot.i18n import Translator
from tandem.bot.mentions import TYPED_USER
from tandem.bot.text import fold
from tandem.bot.types import ConversationKind, ConversationRef, TenantKey, User
from tandem.rituals.common.reach import Unreachable
from tandem.rituals.standup.desk import Desk
from tandem.storage.records import ChannelAddress, TenantRef
from tandem.storage.repositories import people

log = logging.getLogger(__name__)
WHOLE_CHANNEL = frozenset({"channel", "here", "everyone", "canal", "tous"})


@dataclass
class TypedMembers:
    """Members as typed, resolved: emails, tokens not understood, and channel members
    left out because they are not in the people file."""

    emails: tuple[str, ...] = ()
    unknown: list[str] = default(default_factory=list)
    outside: list[str] = default(default_factory=list)
    unsupported: bool = False

    def problem(self, t: Translator) -> Reply | None:
        """What to say when these members cannot make a stand-up, else None."""
        if self.unsupported:
            return Reply(text=t("standup.setup.channel_unsupported"))
        if self.unknown:
            return Reply(text=t("standup.setup.unknown_members", members=", ".join(self.unknown)))
        if not self.emails:
            return Reply(text=t("standup.setup.no_members"))
        return None


async def member_emails(
    desk: Desk,
    *,
    key: TenantKey,
    tenant: TenantRef,
    tokens: tuple[str, ...],
    channel: ChannelAddress,
) -> TypedMembers:
    """Emails for typed members: emails, platform mentions, or the whole channel."""
    emails: list[str] = []
    found = TypedMembers()
    for token in tokens:
        if "@" in token and not token.startswith(("@", "<@")):
            emails.append(token.casefold())
            continue
        if fold(token) in WHOLE_CHANNEL:
            listed = await _channel_members(desk, key=key, channel=channel)
            if listed is None:
                found.unsupported = True
                continue
            async with desk.database.session() as session:
                known = await people.people_by_email(
                    session, tenant=tenant, emails=[u.email for u in listed if u.email]
                )
            for user in listed:
                if user.email and user.email.casefold() in known:
                    emails.append(user.email.casefold())
                else:
                    found.outside.append(user.display_name or user.platform_user_id)
            continue
        mention = TYPED_USER.match(token)
        email = (
            await _mentioned(desk, key=key, tenant=tenant, user_id=mention.group(1))
            if mention
            else None
        )
        if email:
            emails.append(email.casefold())
        else:
            found.unknown.append(token)
    found.emails = tuple(dict.fromkeys(emails))
    return found


async def _channel_members(
    desk: Desk, *, key: TenantKey, channel: ChannelAddress
) -> list[User] | None:
    try:
        port = desk.service.port(key)
    except Unreachable:
        return None
    where = ConversationRef(
        tenant=key,
        id=channel.id,
        kind=ConversationKind(channel.kind),
        reference=channel.reference,
    )
    return await port.members(conversation=where)


async def _mentioned(desk: Desk, *, key: TenantKey, tenant: TenantRef, user_id: str) -> str | None:
    """The email of a mentioned platform user: known to Tandem, else from their profile."""
    async with desk.database.session() as session:
        person = await people.find_person_by_identity(
            session, tenant=tenant, platform=key.platform.value, platform_user_id=user_id
        )
    if person is not None:
        return person.email
    try:
        profile = await desk.service.port(key).profile(
            user=User(tenant=key, platform_user_id=user_id)
        )
    except Exception:
        log.info("no profile for a mentioned member")
        return None
    return profile.email
