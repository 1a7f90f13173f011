"""``/planning``: schedule a marketing planning session and have the right IT people
invited to it; answer an invitation; see, move and cancel sessions; set the IT pool.

The timed part (next meetings of a recurring session, reminders) lives in ``engine.py``;
both go through :class:`~tandem.rituals.planning.service.PlanningService`.
"""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable
from dataclasses import replace
from zoneinfo import ZoneInfo

from tandem.bot.cards import Card, Reply
from tandem.bot.dispatcher import ActionContext, ActionSpec, CommandContext, CommandSpec, Dispatcher
from tandem.bot.i18n import Translator
from tandem.bot.mentions import TYPED_CHANNEL
from tandem.bot.text import fold
from tandem.bot.types import ConversationKind, ConversationRef
from tandem.rituals.common.member import Member, member_of, person_named
from tandem.rituals.common.org import Org
from tandem.rituals.common.wording import short
from tandem.rituals.common.working_time import at_local
from tandem.rituals.planning import cards
from tandem.rituals.planning.draft import (
    Draft,
    DraftProblem,
    Parts,
    check,
    parse_clock,
    parse_day,
    split,
)
from tandem.rituals.planning.service import PlanningService, Staffed, is_it
from tandem.storage.database import Database
from tandem.storage.records import (
    ChannelAddress,
    InviteView,
    OccurrenceView,
    PlanningSessionView,
)
from tandem.storage.repositories import planning as repo

MAX_TEXT = 2000
MAX_LISTED = 20
_ID = re.compile(r"^#?(\d{1,9})$")
_CHANNEL = re.compile(r"\b(?:channel|canal)\s*:\s*(\S+)", re.I)
Handler = Callable[[CommandContext, Member, str], Awaitable[Reply]]


class PlanningRitual:
    """Registers ``/planning`` and the buttons of its cards."""

    def __init__(self, *, database: Database, service: PlanningService) -> None:
        self._database = database
        self._service = service

    def register(self, dispatcher: Dispatcher) -> None:
        """Tell the dispatcher what this ritual answers."""
        dispatcher.add_command(CommandSpec(name="planning", handler=self._command))
        dispatcher.add_action(ActionSpec(prefix="planning.", handler=self._action))

    # -- the command ------------------------------------------------------------------------

    async def _command(self, ctx: CommandContext) -> Reply:
        me = await member_of(database=self._database, actor=ctx.actor)
        if me is None:
            return Reply(text=ctx.t("planning.unknown_person"))
        word, _, rest = ctx.args.strip().partition(" ")
        handlers: dict[str, Handler] = {
            "help": self._help,
            "aide": self._help,
            "new": self._new,
            "nouvelle": self._new,
            "nouveau": self._new,
            "list": self._list,
            "liste": self._list,
            "show": self._show,
            "voir": self._show,
            "cancel": self._cancel,
            "annuler": self._cancel,
            "move": self._move,
            "deplacer": self._move,
            "pool": self._pool,
            "accept": self._accept,
            "accepter": self._accept,
            "decline": self._decline,
            "refuser": self._decline,
            "decliner": self._decline,
            "propose": self._propose,
            "proposer": self._propose,
        }
        handler = handlers.get(fold(word))
        if handler is None:
            return await self._help(ctx, me, "", unknown=word)
        return await handler(ctx, me, rest.strip())

    async def _help(
        self, ctx: CommandContext, _me: Member, _rest: str, *, unknown: str = ""
    ) -> Reply:
        t = ctx.t
        body = t("planning.help.body")
        if unknown:
            body = t("planning.help.unknown", word=short(unknown, 40)) + "\n\n" + body
        return Reply.of_card(Card(title=t("planning.help.title"), body=body))

    # -- scheduling ---------------------------------------------------------------------------

    async def _new(self, ctx: CommandContext, me: Member, rest: str) -> Reply:
        t = ctx.t
        if not rest:
            return cards.new_form(t)
        if len(rest) > MAX_TEXT:
            return Reply(text=t("planning.too_long", limit=MAX_TEXT))
        channel_text = ""
        found = _CHANNEL.search(rest)
        if found:
            channel_text, rest = found.group(1), (rest[: found.start()] + rest[found.end() :])
        return await self._schedule(
            t, me, parts=split(rest), conversation=ctx.conversation, channel_text=channel_text
        )

    async def _schedule(
        self,
        t: Translator,
        me: Member,
        *,
        parts: Parts,
        conversation: ConversationRef,
        channel_text: str = "",
        from_form: bool = False,
    ) -> Reply:
        def again(problem: str) -> Reply:
            if from_form:  # the form comes back filled in: nothing typed is lost
                return cards.new_form(t, initial=_as_inputs(parts), problem=problem)
            return Reply(text=problem + "\n" + t("planning.new.example"))

        try:
            draft = check(parts, timezone=me.person.timezone, now=self._service.now())
        except DraftProblem as problem:
            return again(t(problem.key, **problem.values))
        slugs, unknown = await self._topics(me, draft)
        if unknown is not None:
            name, suggestions = unknown
            if suggestions:
                return again(
                    t(
                        "planning.topic.unknown_near",
                        name=short(name, 60),
                        near=", ".join(suggestions),
                    )
                )
            return again(t("planning.topic.unknown", name=short(name, 60)))
        org = await self._service.org(tenant=me.tenant)
        session, staffed = await self._service.create(
            key=me.key,
            tenant=me.tenant,
            org=org,
            organiser=me.person,
            draft=draft,
            topics=slugs,
            channel=_channel(conversation, channel_text),
        )
        return self._created(t, me, org, session, staffed)

    async def _topics(
        self, me: Member, draft: Draft
    ) -> tuple[list[str], tuple[str, tuple[str, ...]] | None]:
        """The topics' slugs, or the first name no topic matches with the near ones."""
        matcher = await self._service.matcher(tenant=me.tenant)
        slugs: list[str] = []
        for name in draft.topics:
            match = matcher.match(name)
            if match.slug is None:
                return [], (name, match.suggestions[:3])
            if match.slug not in slugs:
                slugs.append(match.slug)
        return slugs, None

    def _created(
        self,
        t: Translator,
        me: Member,
        org: Org,
        session: PlanningSessionView,
        staffed: Staffed | None,
    ) -> Reply:
        meetings = [(staffed.occurrence, list(staffed.invites))] if staffed else []
        card = cards.session_card(
            t,
            session=session,
            meetings=meetings,
            org=org,
            timezone=me.person.timezone,
            choice=staffed.choice if staffed else None,
            joined_channel=staffed.joined_channel if staffed else None,
            unreachable=staffed.unreachable if staffed else (),
            channel_needs=staffed.channel_needs if staffed else (),
        )
        return Reply.of_card(card, locale=t.locale)

    # -- reading ------------------------------------------------------------------------------

    async def _list(self, ctx: CommandContext, me: Member, _rest: str) -> Reply:
        """The sessions with a meeting to come, the soonest first, and who from IT comes."""
        t = ctx.t
        coming = await self._coming(me)
        if not coming:
            return Reply(text=t("planning.list.none"))
        org = await self._service.org(tenant=me.tenant)
        lines = []
        for item, occurrence, invites in coming[:MAX_LISTED]:
            people = ", ".join(
                f"{cards.name_of(org, i.email)} {t(f'planning.mark.{i.status}')}"
                for i in invites
                if i.attending
            )
            lines.append(
                t(
                    "planning.list.line",
                    id=item.id,
                    title=short(item.title, 80),
                    when=cards.when(t, moment=occurrence.starts_at, timezone=me.person.timezone),
                    people=people or t("planning.state.none"),
                )
            )
        return Reply.of_card(Card(title=t("planning.list.title"), body="\n".join(lines)))

    async def _coming(
        self, me: Member
    ) -> list[tuple[PlanningSessionView, OccurrenceView, list[InviteView]]]:
        """Each session with a meeting to come, with that meeting, by its start."""
        async with self._database.session() as session:
            found = await repo.list_sessions(session, tenant=me.tenant, limit=500)
        now = self._service.now()
        coming = []
        for item in found:
            meetings = await self._service.occurrences(tenant=me.tenant, session_id=item.id)
            ahead = [(o, i) for o, i in meetings if o.is_scheduled and o.ends_at > now]
            if ahead:
                coming.append((item, ahead[0][0], list(ahead[0][1])))
        return sorted(coming, key=lambda found: (found[1].starts_at, found[0].id))

    async def _session(self, t: Translator, me: Member, text: str) -> PlanningSessionView | Reply:
        found = _ID.match(text.split()[0] if text.split() else "")
        if found is None:
            return await self._which_session(t, me)
        session = await self._service.session_of(tenant=me.tenant, session_id=int(found.group(1)))
        if session is None:
            return Reply(text=t("planning.id.unknown", id=found.group(1)))
        return session

    async def _which_session(self, t: Translator, me: Member) -> Reply:
        """No number given: ask for one, naming the person's own sessions to come (those
        they organise or are invited to), never somebody else's at random."""
        mine = [
            (item, occurrence)
            for item, occurrence, invites in await self._coming(me)
            if item.organiser_email == me.person.email
            or any(i.email == me.person.email for i in invites)
        ]
        if not mine:
            return Reply(text=t("planning.id.missing") + "\n" + t("planning.id.none_yours"))
        lines = [
            t(
                "planning.id.yours_line",
                id=item.id,
                title=short(item.title, 60),
                when=cards.when(t, moment=occurrence.starts_at, timezone=me.person.timezone),
            )
            for item, occurrence in mine[:5]
        ]
        return Reply(text="\n".join([t("planning.id.missing"), t("planning.id.yours"), *lines]))

    async def _show(self, ctx: CommandContext, me: Member, rest: str) -> Reply:
        session = await self._session(ctx.t, me, rest)
        if isinstance(session, Reply):
            return session
        org = await self._service.org(tenant=me.tenant)
        meetings = await self._service.occurrences(tenant=me.tenant, session_id=session.id)
        card = cards.session_card(
            ctx.t, session=session, meetings=meetings, org=org, timezone=me.person.timezone
        )
        return Reply.of_card(card)

    def _may_change(self, me: Member, session: PlanningSessionView) -> bool:
        return me.admin or me.person.email == session.organiser_email

    async def _cancel(self, ctx: CommandContext, me: Member, rest: str) -> Reply:
        t = ctx.t
        session = await self._session(t, me, rest)
        if isinstance(session, Reply):
            return session
        if not self._may_change(me, session):
            return Reply(text=t("planning.not_organiser", who=session.organiser_email))
        org = await self._service.org(tenant=me.tenant)
        told = await self._service.cancel(key=me.key, tenant=me.tenant, org=org, session=session)
        if told is None:
            return Reply(text=t("planning.already_cancelled", id=session.id))
        return Reply(
            text=t.plural("planning.cancelled.done", count=told, id=session.id, title=session.title)
        )

    async def _move(self, ctx: CommandContext, me: Member, rest: str) -> Reply:
        t = ctx.t
        session = await self._session(t, me, rest)
        if isinstance(session, Reply):
            return session
        if not self._may_change(me, session):
            return Reply(text=t("planning.not_organiser", who=session.organiser_email))
        words = rest.split()[1:]
        if len(words) != 2:
            return Reply(text=t("planning.move.usage", id=session.id))
        now = self._service.now()
        today = now.astimezone(ZoneInfo(session.timezone)).date()
        try:
            day, clock = parse_day(words[0], today=today), parse_clock(words[1])
        except DraftProblem as problem:
            return Reply(text=t(problem.key, **problem.values))
        starts = at_local(day, clock, session.timezone)
        if starts <= now:
            return Reply(text=t("planning.draft.past", when=f"{words[0]} {words[1]}"))
        meetings = await self._service.occurrences(tenant=me.tenant, session_id=session.id)
        coming = [o for o, _ in meetings if o.is_scheduled and o.ends_at > now]
        if not session.is_scheduled or not coming:
            return Reply(text=t("planning.move.nothing", id=session.id))
        org = await self._service.org(tenant=me.tenant)
        moved = await self._service.move(
            key=me.key,
            tenant=me.tenant,
            org=org,
            session=session,
            occurrence=coming[0],
            starts_at=starts,
        )
        if moved is None:
            return Reply(text=t("planning.move.nothing", id=session.id))
        return Reply(
            text=t(
                "planning.moved.done",
                title=session.title,
                when=cards.when(t, moment=moved.starts_at, timezone=me.person.timezone),
            )
        )

    async def _pool(self, ctx: CommandContext, me: Member, rest: str) -> Reply:
        t = ctx.t
        verb, _, names = rest.partition(" ")
        org = await self._service.org(tenant=me.tenant)
        if fold(verb) in ("add", "ajouter", "remove", "retirer"):
            if not me.admin:
                return Reply(text=t("planning.pool.admins"))
            adding = fold(verb) in ("add", "ajouter")
            found: list[str] = []
            unknown: list[str] = []
            for token in names.replace(",", " ").split():
                person = await person_named(database=self._database, member=me, token=token)
                if person is None:
                    unknown.append(token)
                else:
                    found.append(person.email)
            if unknown:
                return Reply(text=t("planning.pool.unknown", names=", ".join(unknown[:5])))
            if not found:
                return Reply(text=t("planning.pool.usage"))
            async with self._database.session() as session:
                await repo.change_pool(
                    session,
                    tenant=me.tenant,
                    add=found if adding else (),
                    remove=() if adding else found,
                    at=self._service.now(),
                )
        elif verb:
            return Reply(text=t("planning.pool.usage"))
        async with self._database.session() as session:
            members = await repo.pool(session, tenant=me.tenant)
        if not members:
            return Reply(text=t("planning.pool.empty"))
        names_shown = [
            cards.name_of(org, e) + ("" if (p := org.person(e)) and is_it(p) else " ⚠")
            for e in members
        ]
        return Reply(text=t("planning.pool.members", names=t.list(names_shown)))

    # -- buttons ------------------------------------------------------------------------------

    async def _action(self, ctx: ActionContext) -> Reply:
        t = ctx.t
        me = await member_of(database=self._database, actor=ctx.actor)
        if me is None:
            return Reply(text=t("planning.unknown_person"))
        prefix, _, value = ctx.event.action_id.partition(":")
        inputs = ctx.event.inputs or {}
        if ctx.event.action_id == "planning.new":
            return cards.new_form(t)
        if ctx.event.action_id == cards.CREATE:
            parts = Parts(**{name: inputs.get(name, "")[:MAX_TEXT] for name in cards.FORM_FIELDS})
            return await self._schedule(
                t, me, parts=parts, conversation=ctx.event.conversation, from_form=True
            )
        invite = await self._invite(me, value)
        if invite is None:
            return Reply(text=t("planning.invite.unknown"))
        return await self._on_invite(t, me, invite, prefix + ":", inputs)

    async def _on_invite(
        self, t: Translator, me: Member, invite: InviteView, prefix: str, inputs: dict[str, str]
    ) -> Reply:
        """An invitation answered, by its card's buttons or typed (``/planning accept 1``)."""
        if invite.email != me.person.email:
            return Reply(text=t("planning.invite.not_yours"))
        session, occurrence = await self._meeting_of(me, invite)
        if session is None or occurrence is None:
            return Reply(text=t("planning.invite.unknown"))
        org = await self._service.org(tenant=me.tenant)
        if not occurrence.is_scheduled or not session.is_scheduled:
            return Reply(text=t("planning.invite.over", title=session.title))
        if invite.status != "invited":
            return Reply(text=t(f"planning.invite.already.{invite.status}", title=session.title))
        if prefix in (cards.DECLINE, cards.PROPOSE):
            kind = "decline" if prefix == cards.DECLINE else "propose"
            return cards.answer_form(t, invite=invite, session=session, kind=kind)
        if prefix == cards.ACCEPT:
            return await self._answered(t, me, org, session, occurrence, invite, "accepted", "")
        if prefix == cards.DECLINED:
            reason = inputs.get(cards.REASON, "").strip()
            if not reason:
                return Reply(text=t("planning.form.reason_missing"))
            return await self._answered(
                t, me, org, session, occurrence, invite, "declined", reason[:MAX_TEXT]
            )
        if prefix == cards.PROPOSED:
            return await self._proposed(t, me, org, session, occurrence, invite, inputs)
        return Reply(text=t("error.unknown_action"))

    # -- invitations answered in words --------------------------------------------------------

    async def _accept(self, ctx: CommandContext, me: Member, rest: str) -> Reply:
        return await self._typed_answer(ctx.t, me, rest, cards.ACCEPT, "")

    async def _decline(self, ctx: CommandContext, me: Member, rest: str) -> Reply:
        reason = rest.partition(" ")[2].strip()
        prefix = cards.DECLINED if reason else cards.DECLINE  # no reason: the form asks it
        return await self._typed_answer(ctx.t, me, rest, prefix, reason)

    async def _propose(self, ctx: CommandContext, me: Member, rest: str) -> Reply:
        who = rest.partition(" ")[2].strip()
        prefix = cards.PROPOSED if who else cards.PROPOSE
        return await self._typed_answer(ctx.t, me, rest, prefix, who)

    async def _typed_answer(
        self, t: Translator, me: Member, rest: str, prefix: str, words: str
    ) -> Reply:
        """``/planning accept|decline|propose ID [words]``: the invitation of this person to
        the next meeting of session ID, answered as its card's button would."""
        session = await self._session(t, me, rest)
        if isinstance(session, Reply):
            return session
        now = self._service.now()
        meetings = await self._service.occurrences(tenant=me.tenant, session_id=session.id)
        mine = [
            invite
            for occurrence, invites in meetings
            if occurrence.is_scheduled and occurrence.ends_at > now
            for invite in invites
            if invite.email == me.person.email
        ]
        if not mine:
            return Reply(text=t("planning.invite.none", id=session.id, title=session.title))
        invite = next((i for i in mine if i.status == "invited"), mine[0])
        inputs = {cards.REASON: words} if prefix == cards.DECLINED else {cards.WHO: words}
        first, _, why = words.partition(" ")
        if prefix == cards.PROPOSED and "@" in first:  # an email, then why: "… PERSON REASON"
            inputs = {cards.WHO: first, cards.REASON: why.strip()}
        return await self._on_invite(t, me, invite, prefix, inputs)

    async def _invite(self, me: Member, value: str) -> InviteView | None:
        if not value.isdigit() or len(value) > 9:
            return None
        async with self._database.session() as session:
            return await repo.get_invite(session, tenant=me.tenant, invite_id=int(value))

    async def _meeting_of(
        self, me: Member, invite: InviteView
    ) -> tuple[PlanningSessionView | None, OccurrenceView | None]:
        async with self._database.session() as session:
            occurrence = await repo.get_occurrence(
                session, tenant=me.tenant, occurrence_id=invite.occurrence_id
            )
            found = (
                await repo.get_session(session, tenant=me.tenant, session_id=occurrence.session_id)
                if occurrence
                else None
            )
        return found, occurrence

    async def _answered(
        self,
        t: Translator,
        me: Member,
        org: Org,
        session: PlanningSessionView,
        occurrence: OccurrenceView,
        invite: InviteView,
        status: str,
        reason: str,
    ) -> Reply:
        """Accepted or declined: the card changes, the organiser is told, and a decline
        brings in the next person of the rotation."""
        if not await self._service.answer(
            tenant=me.tenant, invite=invite, status=status, reason=reason
        ):
            return Reply(text=t("planning.invite.already.accepted", title=session.title))
        answered = replace(invite, status=status, reason=reason)
        await self._service.refresh_card(
            key=me.key,
            tenant=me.tenant,
            org=org,
            session=session,
            occurrence=occurrence,
            invite=answered,
        )
        staffed = None
        if status == "declined":
            staffed = await self._service.staff(
                key=me.key, tenant=me.tenant, org=org, session=session, occurrence=occurrence
            )
        await self._tell_organiser(org, me, session, occurrence, answered, staffed)
        card = cards.invite_card(
            t,
            session=session,
            occurrence=occurrence,
            invite=answered,
            org=org,
            person=me.person,
            agenda=None,
        )
        return Reply.of_card(card, locale=t.locale)

    async def _proposed(
        self,
        t: Translator,
        me: Member,
        org: Org,
        session: PlanningSessionView,
        occurrence: OccurrenceView,
        invite: InviteView,
        inputs: dict[str, str],
    ) -> Reply:
        who = inputs.get(cards.WHO, "").strip()
        if not who:
            return Reply(text=t("planning.form.who_missing"))
        person = await person_named(database=self._database, member=me, token=who[:300])
        if person is None:
            return Reply(text=t("planning.propose.unknown", who=short(who, 80)))
        if person.email == me.person.email:
            return Reply(text=t("planning.propose.yourself"))
        why = await self._service.availability(
            tenant=me.tenant, org=org, session=session, occurrence=occurrence, email=person.email
        )
        if why is not None:
            return Reply(text=t(f"planning.propose.{why}", who=person.name))
        made = await self._service.invite_in_place(
            key=me.key,
            tenant=me.tenant,
            org=org,
            session=session,
            occurrence=occurrence,
            replacing=invite,
            email=person.email,
        )
        if made is None:
            return Reply(text=t("planning.invite.already.accepted", title=session.title))
        replaced = replace(invite, status="replaced", reason=person.email)
        await self._service.refresh_card(
            key=me.key,
            tenant=me.tenant,
            org=org,
            session=session,
            occurrence=occurrence,
            invite=replaced,
        )
        await self._tell_organiser(org, me, session, occurrence, replaced, None)
        return Reply(text=t("planning.propose.done", who=person.name, title=session.title))

    async def _tell_organiser(
        self,
        org: Org,
        me: Member,
        session: PlanningSessionView,
        occurrence: OccurrenceView,
        invite: InviteView,
        staffed: Staffed | None,
    ) -> None:
        organiser = org.person(session.organiser_email)
        if organiser is None:
            return
        t = Translator(locale=organiser.locale)
        lines = [
            t(
                f"planning.told.{invite.status}",
                who=me.person.name,
                title=session.title,
                when=cards.when(t, moment=occurrence.starts_at, timezone=organiser.timezone),
                reason=short(invite.reason, 300),
                other=cards.name_of(org, invite.reason),
            )
        ]
        if staffed is not None:
            for made in staffed.invites:
                lines.append(t("planning.told.instead", who=cards.name_of(org, made.email)))
            if staffed.choice.uncovered:
                lines.append(
                    t(
                        "planning.uncovered",
                        topics=cards.topic_names(org, staffed.choice.uncovered, locale=t.locale),
                    )
                )
        await self._service.tell(
            key=me.key,
            tenant=me.tenant,
            person=organiser,
            reply=Reply(text="\n".join(lines), ephemeral=False, locale=organiser.locale),
        )


def _as_inputs(parts: Parts) -> dict[str, str]:
    return {name: getattr(parts, name) for name in cards.FORM_FIELDS}


def _channel(conversation: ConversationRef, typed: str) -> ChannelAddress | None:
    """The planning channel: the one named, else the channel the command came from."""
    if typed:
        found = TYPED_CHANNEL.match(typed.strip())
        return ChannelAddress(id=found.group(1) if found else typed.strip().lstrip("#"))
    if conversation.kind is ConversationKind.DIRECT:
        return None
    return ChannelAddress(
        id=conversation.id, kind=conversation.kind.value, reference=conversation.reference
    )
