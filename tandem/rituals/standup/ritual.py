"""``/standup``: set up, answer, skip, declare time off, list, report and history.

The timed part (prompts, reminders, summaries) lives in ``engine.py``; both go
through :class:`~tandem.rituals.standup.service.StandupService`.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, replace
from dataclasses import field as default
from datetime import date, datetime, timedelta

from tandem.bot.cards import Button, Card, Field, Reply
from tandem.bot.dispatcher import ActionContext, ActionSpec, CommandContext, CommandSpec, Dispatcher
from tandem.bot.i18n import Translator
from tandem.bot.mentions import TYPED_CHANNEL, TYPED_USER
from tandem.bot.text import MAX_TYPED, fold
from tandem.bot.timefmt import format_instant
from tandem.bot.types import Actor, ConversationKind, ConversationRef, TenantKey, User
from tandem.rituals.reach import Unreachable
from tandem.rituals.standup import cards, settings_text, timing
from tandem.rituals.standup.questions import questions_for
from tandem.rituals.standup.service import Answered, Outcome, StandupService
from tandem.rituals.standup.settings_text import Draft, SettingsProblem
from tandem.storage.database import Database
from tandem.storage.records import (
    ChannelAddress,
    StandupMemberView,
    StandupSettings,
    StandupView,
    TenantRef,
)
from tandem.storage.repositories import availability, blockers, people, standups
from tandem.storage.repositories.standups import UnknownPeople

log = logging.getLogger(__name__)
Listener = Callable[[], Awaitable[None]]
MAX_AWAY_DAYS = 366
AWAY_LIST = frozenset({"list", "liste", "show", "voir"})
AWAY_CANCEL = frozenset({"cancel", "annuler", "remove", "supprimer"})
MAX_REPORT_DAYS = 92


_WHOLE_CHANNEL = {"channel", "here", "everyone", "canal", "tous"}


@dataclass
class _Members:
    """Members as typed, resolved: emails, tokens not understood, and channel members
    left out because they are not in the people file."""

    emails: tuple[str, ...] = ()
    unknown: list[str] = default(default_factory=list)
    outside: list[str] = default(default_factory=list)
    unsupported: bool = False


@dataclass(frozen=True, slots=True)
class _Me:
    """The actor in a tenant: who they are in the people file."""

    tenant: TenantRef
    person_id: int
    email: str


class StandupRitual:
    """Registers ``/standup`` and its actions on the dispatcher."""

    def __init__(self, *, database: Database, service: StandupService) -> None:
        self._database = database
        self._service = service
        self._listeners: list[Listener] = []

    def register(self, dispatcher: Dispatcher) -> None:
        """Add the command, its actions and the answer-by-text handler."""
        dispatcher.add_command(
            CommandSpec(
                name="standup",
                handler=self._command,
                phrases=("stand-up", "stand up"),
                as_typed=True,
            )
        )
        dispatcher.add_action(ActionSpec(prefix="standup.", handler=self._action))
        dispatcher.add_text_handler(self._text)
        dispatcher.add_home_section(key="standup", section=self._home)

    def on_change(self, listener: Listener) -> None:
        """Call ``listener`` after a stand-up's schedule changed (the scheduler rebuilds)."""
        self._listeners.append(listener)

    async def _changed(self) -> None:
        for listener in self._listeners:
            try:
                await listener()
            except Exception:
                log.exception("a stand-up change listener failed")

    # -- who is asking ----------------------------------------------------------------------

    async def _me(self, actor: Actor) -> _Me | None:
        if not actor.known or actor.email is None:
            return None
        tenant = await self._service.tenant(actor.tenant)
        if tenant is None:
            return None
        async with self._database.session() as session:
            person = await people.find_person(session, tenant=tenant, email=actor.email)
        if person is None or person.id is None:
            return None
        return _Me(tenant=tenant, person_id=person.id, email=person.email)

    @staticmethod
    def _unknown(t: Translator) -> Reply:
        return Reply(text=t("standup.unknown_person"))

    # -- the command ------------------------------------------------------------------------

    async def _command(self, ctx: CommandContext) -> Reply:
        word, _, rest = ctx.args.partition(" ")
        sub = fold(word)
        rest = rest.strip()
        handlers = {
            "setup": self._setup,
            "new": self._setup,
            "creer": self._setup,
            "edit": self._edit,
            "modifier": self._edit,
            "list": self._list,
            "liste": self._list,
            "pause": self._pause,
            "resume": self._resume,
            "reprendre": self._resume,
            "delete": self._delete,
            "supprimer": self._delete,
            "skip": self._skip,
            "passer": self._skip,
            "away": self._away,
            "absent": self._away,
            "workdays": self._workdays,
            "jours": self._workdays,
            "report": self._report,
            "rapport": self._report,
            "history": self._history,
            "historique": self._history,
            "help": self._help,
            "aide": self._help,
        }
        handler = handlers.get(sub)
        if handler is not None:
            return await handler(ctx, rest)
        return await self._answer_now(ctx, ctx.args.strip())

    async def _help(self, ctx: CommandContext, _rest: str) -> Reply:
        t = ctx.t
        keys = ("setup", "edit", "list", "pause", "delete", "skip", "away", "workdays")
        lines = (
            Field(label="/standup", value=t("standup.help.answer")),
            *(
                Field(
                    label=f"/standup {t(f'standup.help.cmd.{key}')}", value=t(f"standup.help.{key}")
                )
                for key in (*keys, "report", "history")
            ),
        )
        return Reply.of_card(Card(title=t("standup.help.title"), fields=lines))

    # -- setup and edit ---------------------------------------------------------------------

    def _channel_of(self, ctx_conversation: ConversationRef, draft: Draft) -> ChannelAddress | None:
        """Where answers go: the ``channel:`` given, else the conversation of the command."""
        if draft.channel:
            text = draft.channel.strip()
            found = TYPED_CHANNEL.match(text)
            return ChannelAddress(id=found.group(1) if found else text.lstrip("#"), kind="channel")
        if ctx_conversation.kind is ConversationKind.DIRECT:
            return None
        return ChannelAddress(
            id=ctx_conversation.id,
            kind=ctx_conversation.kind.value,
            reference=ctx_conversation.reference,
        )

    async def _member_emails(
        self, *, key: TenantKey, tenant: TenantRef, tokens: tuple[str, ...], channel: ChannelAddress
    ) -> _Members:
        """Emails for typed members: emails, platform mentions, or the whole channel."""
        emails: list[str] = []
        found = _Members()
        for token in tokens:
            if "@" in token and not token.startswith(("@", "<@")):
                emails.append(token.casefold())
                continue
            if fold(token) in _WHOLE_CHANNEL:
                listed = await self._channel_members(key, channel)
                if listed is None:
                    found.unsupported = True
                    continue
                async with self._database.session() as session:
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
            email = await self._mentioned(key, tenant, mention.group(1)) if mention else None
            if email:
                emails.append(email.casefold())
            else:
                found.unknown.append(token)
        found.emails = tuple(dict.fromkeys(emails))
        return found

    async def _channel_members(self, key: TenantKey, channel: ChannelAddress) -> list[User] | None:
        try:
            port = self._service.port(key)
        except Unreachable:
            return None
        where = ConversationRef(
            tenant=key,
            id=channel.id,
            kind=ConversationKind(channel.kind),
            reference=channel.reference,
        )
        return await port.members(conversation=where)

    async def _mentioned(self, key: TenantKey, tenant: TenantRef, user_id: str) -> str | None:
        """The email of a mentioned platform user: known to Tandem, else from their profile."""
        async with self._database.session() as session:
            person = await people.find_person_by_identity(
                session, tenant=tenant, platform=key.platform.value, platform_user_id=user_id
            )
        if person is not None:
            return person.email
        try:
            profile = await self._service.port(key).profile(
                user=User(tenant=key, platform_user_id=user_id)
            )
        except Exception:
            log.info("no profile for a mentioned member")
            return None
        return profile.email

    def _members_problem(self, t: Translator, found: _Members) -> Reply | None:
        if found.unsupported:
            return Reply(text=t("standup.setup.channel_unsupported"))
        if found.unknown:
            return Reply(text=t("standup.setup.unknown_members", members=", ".join(found.unknown)))
        if not found.emails:
            return Reply(text=t("standup.setup.no_members"))
        return None

    async def _setup(self, ctx: CommandContext, rest: str) -> Reply:
        t = ctx.t
        me = await self._me(ctx.actor)
        if me is None:
            return self._unknown(t)
        if not rest:
            return _new_form(t, ctx.actor, where=ctx.conversation)
        try:
            draft = settings_text.read(settings_text.split_text(rest))
        except SettingsProblem as problem:
            return self._problem(t, problem)
        return await self._create(ctx.actor, t, me, draft, ctx.conversation)

    async def _create(
        self, actor: Actor, t: Translator, me: _Me, draft: Draft, where: ConversationRef
    ) -> Reply:
        channel = self._channel_of(where, draft)
        if channel is None:
            return Reply(text=t("standup.setup.needs_channel"))
        found = await self._member_emails(
            key=actor.tenant, tenant=me.tenant, tokens=draft.members, channel=channel
        )
        problem = self._members_problem(t, found)
        if problem is not None:
            return problem
        settings = draft.settings(member_emails=found.emails, timezone=actor.timezone)
        existing = await self._service.standups(tenant=me.tenant)
        if any(fold(s.name) == fold(settings.name) for s in existing):
            return Reply(text=t("standup.setup.exists", name=settings.name))
        try:
            async with self._database.session() as session:
                standup_id = await standups.create_standup(
                    session,
                    tenant=me.tenant,
                    settings=settings,
                    channel=channel,
                    owner_email=me.email,
                    at=self._service.now(),
                )
        except UnknownPeople as missing:
            return Reply(text=t("standup.setup.unknown_members", members=", ".join(missing.emails)))
        await self._changed()
        created = await self._service.standup(tenant=me.tenant, standup_id=standup_id)
        assert created is not None
        return self._saved_card(
            t,
            created,
            actor,
            title=t("standup.setup.done", name=created.name),
            outside=found.outside,
        )

    def _saved_card(
        self, t: Translator, standup: StandupView, actor: Actor, *, title: str, outside: list[str]
    ) -> Reply:
        field = cards.describe(t=t, standup=standup, reader_timezone=actor.timezone)
        warnings = _late_prompts(t, standup, now=self._service.now())
        if outside:
            warnings.append(
                Field(label=t("standup.setup.outside_label"), value=t.list(sorted(outside)))
            )
        body = t("standup.setup.next", name=standup.name)
        fields = (field, *warnings)
        return Reply.of_card(Card(title=title, body=body, fields=fields), ephemeral=False)

    @staticmethod
    def _problem(t: Translator, problem: SettingsProblem) -> Reply:
        return Reply(text=t(problem.key, **problem.values) + "\n" + t("standup.setup.example"))

    async def _find(
        self, t: Translator, me: _Me, name: str
    ) -> tuple[StandupView | None, Reply | None]:
        found = await self._service.standups(tenant=me.tenant)
        if not found:
            return None, Reply(text=t("standup.none_yet"))
        if not name:
            return None, Reply(
                text=t("standup.which", names=t.list([f"“{s.name}”" for s in found]))
            )
        wanted = fold(name.strip("\"'“”«» "))
        match = [s for s in found if fold(s.name) == wanted] or [
            s for s in found if fold(s.name).startswith(wanted)
        ]
        if len(match) != 1:
            return None, Reply(
                text=t(
                    "standup.not_found",
                    name=name[:60],
                    names=t.list([f"“{s.name}”" for s in found]),
                )
            )
        return match[0], None

    @staticmethod
    def _may_change(actor: Actor, me: _Me, standup: StandupView) -> bool:
        return actor.is_admin or standup.owner_email == me.email

    async def _owned(
        self, ctx: CommandContext, name: str
    ) -> tuple[_Me | None, StandupView | None, Reply | None]:
        t = ctx.t
        me = await self._me(ctx.actor)
        if me is None:
            return None, None, self._unknown(t)
        standup, problem = await self._find(t, me, name)
        if standup is None:
            return me, None, problem
        if not self._may_change(ctx.actor, me, standup):
            return (
                me,
                None,
                Reply(text=t("standup.not_owner", name=standup.name, owner=standup.owner_email)),
            )
        return me, standup, None

    async def _edit(self, ctx: CommandContext, rest: str) -> Reply:
        t = ctx.t
        name, sep, changes = rest.partition(";")
        me, standup, problem = await self._owned(ctx, name.strip())
        if standup is None or me is None:
            return problem or self._unknown(t)
        if not sep:
            return _edit_form(t, standup)
        try:
            values = settings_text.split_text(changes, name_first=False)
            draft = settings_text.read(values, base=settings_text.draft_of(standup.settings))
        except SettingsProblem as problem_:
            return self._problem(t, problem_)
        return await self._save(ctx.actor, t, me, standup, draft)

    async def _save(
        self, actor: Actor, t: Translator, me: _Me, standup: StandupView, draft: Draft
    ) -> Reply:
        found = await self._member_emails(
            key=actor.tenant, tenant=me.tenant, tokens=draft.members, channel=standup.channel
        )
        problem = self._members_problem(t, found)
        if problem is not None:
            return problem
        settings = draft.settings(member_emails=found.emails, timezone=standup.settings.timezone)
        others = await self._service.standups(tenant=me.tenant)
        if any(fold(s.name) == fold(settings.name) and s.id != standup.id for s in others):
            return Reply(text=t("standup.setup.exists", name=settings.name))
        try:
            async with self._database.session() as session:
                await standups.update_standup(
                    session, tenant=me.tenant, standup_id=standup.id, settings=settings
                )
        except UnknownPeople as missing:
            return Reply(text=t("standup.setup.unknown_members", members=", ".join(missing.emails)))
        await self._changed()
        saved = await self._service.standup(tenant=me.tenant, standup_id=standup.id)
        assert saved is not None
        return self._saved_card(
            t, saved, actor, title=t("standup.edit.done", name=saved.name), outside=found.outside
        )

    async def _list(self, ctx: CommandContext, _rest: str) -> Reply:
        t = ctx.t
        me = await self._me(ctx.actor)
        if me is None:
            return self._unknown(t)
        found = await self._service.standups(tenant=me.tenant)
        if not found:
            return Reply(text=t("standup.none_yet"))
        fields = tuple(
            cards.describe(t=t, standup=s, reader_timezone=ctx.actor.timezone) for s in found
        )
        return Reply.of_card(Card(title=t("standup.list.title", count=len(found)), fields=fields))

    async def _set_state(
        self, ctx: CommandContext, name: str, *, paused: bool | None, deleted: bool | None, key: str
    ) -> Reply:
        me, standup, problem = await self._owned(ctx, name)
        if standup is None or me is None:
            return problem or self._unknown(ctx.t)
        async with self._database.session() as session:
            await standups.set_state(
                session, tenant=me.tenant, standup_id=standup.id, paused=paused, deleted=deleted
            )
        await self._changed()
        return Reply(text=ctx.t(key, name=standup.name), ephemeral=False)

    async def _pause(self, ctx: CommandContext, rest: str) -> Reply:
        return await self._set_state(
            ctx, rest, paused=True, deleted=None, key="standup.paused.done"
        )

    async def _resume(self, ctx: CommandContext, rest: str) -> Reply:
        return await self._set_state(ctx, rest, paused=False, deleted=None, key="standup.resumed")

    async def _delete(self, ctx: CommandContext, rest: str) -> Reply:
        return await self._set_state(ctx, rest, paused=None, deleted=True, key="standup.deleted")

    async def _home(self, actor: Actor, t: Translator) -> Field | None:
        """The home's stand-up section: when the actor is next asked, by which stand-up."""
        me = await self._me(actor)
        if me is None:
            return None
        now = self._service.now()
        upcoming = [
            (moment, standup.name)
            for standup, member in await self._mine(me)
            if (moment := timing.next_prompt(standup, member, now)) is not None
        ]
        if not upcoming:
            return None
        moment, name = min(upcoming)
        when = format_instant(moment=moment, timezone=actor.timezone, locale=t.locale)
        return Field(label=t("home.standup"), value=t("home.standup.next", name=name, when=when))

    # -- answering --------------------------------------------------------------------------

    async def _mine(self, me: _Me) -> list[tuple[StandupView, StandupMemberView]]:
        found = await self._service.standups(tenant=me.tenant)
        return [
            (s, m) for s in found if not s.paused for m in s.members if m.person_id == me.person_id
        ]

    async def _answer_now(self, ctx: CommandContext, name: str) -> Reply:
        t = ctx.t
        me = await self._me(ctx.actor)
        if me is None:
            return self._unknown(t)
        mine = await self._mine(me)
        if name:
            wanted = fold(name)
            mine = [(s, m) for s, m in mine if fold(s.name).startswith(wanted)]
            if not mine:
                return await self._help(ctx, "")
        if not mine:
            return Reply(text=t("standup.not_member"))
        if len(mine) > 1:
            buttons = tuple(
                Button(label=s.name, action_id=cards.PICK + str(s.id), value=str(s.id))
                for s, _ in mine
            )
            return Reply.of_card(Card(title=t("standup.pick"), buttons=buttons))
        standup, member = mine[0]
        return await self._prompt_for(t, me, standup, member)

    async def _prompt_for(
        self, t: Translator, me: _Me, standup: StandupView, member: StandupMemberView
    ) -> Reply:
        now = self._service.now()
        current = timing.current_run(standup, member, now)
        if current is None:
            upcoming = timing.next_prompt(standup, member, now)
            when = (
                format_instant(moment=upcoming, timezone=member.timezone, locale=t.locale)
                if upcoming
                else "—"
            )
            return Reply(text=t("standup.no_run_today", name=standup.name, when=when))
        run_date, slot = current
        run = await self._service.run(
            tenant=me.tenant, standup=standup, run_date=run_date, slot=slot
        )
        existing = await self._service.existing_answer(
            tenant=me.tenant, run_id=run.id, person_id=me.person_id
        )
        if (
            existing is not None
            and (existing.complete or existing.skipped)
            and now >= run.cutoff_at
        ):
            return Reply(text=t("standup.closed", name=standup.name))
        if existing is None:  # arms the answer-by-text flow
            async with self._database.session() as session:
                await standups.save_answer(
                    session,
                    tenant=me.tenant,
                    run_id=run.id,
                    person_id=me.person_id,
                    answers=[],
                    complete=False,
                    at=now,
                )
        card = cards.prompt_card(
            t=t,
            standup=standup,
            run_date=run_date,
            slot=slot,
            cutoff=run.cutoff_at,
            reader_timezone=member.timezone,
            answers=existing.answers if existing and existing.complete else (),
            day_off=not timing.member_asked(member, run_date),
        )
        return Reply.of_card(card)

    async def _run_of(
        self, ctx: ActionContext, value: str
    ) -> tuple[_Me | None, StandupView | None, StandupMemberView | None, date, int, Reply | None]:
        t = ctx.t
        parsed = cards.parse_run_value(value)
        me = await self._me(ctx.actor)
        if me is None:
            return None, None, None, date.min, 0, self._unknown(t)
        if parsed is None:
            return me, None, None, date.min, 0, Reply(text=t("standup.gone"))
        standup_id, run_date, slot = parsed
        standup = await self._service.standup(tenant=me.tenant, standup_id=standup_id)
        if standup is None or standup.deleted:
            return me, None, None, run_date, slot, Reply(text=t("standup.gone"))
        member = next((m for m in standup.members if m.person_id == me.person_id), None)
        if member is None:
            return (
                me,
                standup,
                None,
                run_date,
                slot,
                Reply(text=t("standup.not_in", name=standup.name)),
            )
        if slot >= len(standup.settings.slots):
            return me, standup, None, run_date, slot, Reply(text=t("standup.gone"))
        return me, standup, member, run_date, slot, None

    async def _action(self, ctx: ActionContext) -> Reply:
        action = ctx.event.action_id
        value = ctx.event.value
        if action == cards.CREATE or action.startswith("standup.form.create"):
            return await self._create_from_form(ctx, opened=action != cards.CREATE)
        if action.startswith(cards.SAVE) or action.startswith("standup.form.save"):
            return await self._save_from_form(ctx, opened=not action.startswith(cards.SAVE))
        if action.startswith(cards.PICK):
            me = await self._me(ctx.actor)
            if me is None:
                return self._unknown(ctx.t)
            pairs = [(s, m) for s, m in await self._mine(me) if str(s.id) == value]
            if not pairs:
                return Reply(text=ctx.t("standup.gone"))
            return await self._prompt_for(ctx.t, me, *pairs[0])
        me, standup, member, run_date, slot, problem = await self._run_of(ctx, value)
        if problem is not None or me is None or standup is None or member is None:
            return problem or Reply(text=ctx.t("standup.gone"))
        if action.startswith(cards.OPEN):
            run = await self._service.run(
                tenant=me.tenant, standup=standup, run_date=run_date, slot=slot
            )
            existing = await self._service.existing_answer(
                tenant=me.tenant, run_id=run.id, person_id=me.person_id
            )
            card = cards.prompt_card(
                t=ctx.t,
                standup=standup,
                run_date=run_date,
                slot=slot,
                cutoff=run.cutoff_at,
                reader_timezone=member.timezone,
                answers=existing.answers if existing else (),
            )
            return Reply.of_card(card)
        if action.startswith(cards.SKIP):
            result = await self._service.answer(
                key=ctx.actor.tenant,
                tenant=me.tenant,
                standup=standup,
                member=member,
                run_date=run_date,
                slot=slot,
                answers=(),
                complete=False,
                skipped=True,
            )
            return self._answered(ctx.t, standup, result, skipped=True)
        if action.startswith(cards.SUBMIT):
            questions = questions_for(standup.settings, t=ctx.t)
            answers = [ctx.event.inputs.get(f"q{i}", "").strip() for i in range(len(questions))]
            if not any(answers):
                return Reply(text=ctx.t("standup.empty_answer"))
            too_long = next((a for a in answers if len(a) > MAX_TYPED), None)
            if too_long is not None:
                return Reply(text=ctx.t("standup.too_long", length=len(too_long), limit=MAX_TYPED))
            result = await self._service.answer(
                key=ctx.actor.tenant,
                tenant=me.tenant,
                standup=standup,
                member=member,
                run_date=run_date,
                slot=slot,
                answers=answers,
            )
            return self._answered(ctx.t, standup, result)
        return Reply(text=ctx.t("standup.gone"))

    def _answered(
        self, t: Translator, standup: StandupView, result: Answered, *, skipped: bool = False
    ) -> Reply:
        if result.outcome is Outcome.DELETED:
            return Reply(text=t("standup.gone"))
        if result.outcome is Outcome.NOT_A_MEMBER:
            return Reply(text=t("standup.not_in", name=standup.name))
        if result.outcome is Outcome.CLOSED:
            return Reply(text=t("standup.closed", name=standup.name))
        if result.outcome is Outcome.UNPOSTED:
            return Reply(text=t("standup.saved_unposted", name=standup.name))
        if skipped:
            return Reply(text=t("standup.skipped", name=standup.name))
        key = {
            Outcome.POSTED: "standup.thanks",
            Outcome.UPDATED: "standup.updated",
            Outcome.LATE: "standup.thanks_late",
        }.get(result.outcome, "standup.thanks")
        text = t(key, name=standup.name)
        if result.blocker:
            text += "\n" + t("standup.blocker_noted", blocker=result.blocker[:200])
        return Reply(text=text)

    async def _text(self, ctx: CommandContext) -> Reply | None:
        """Free text in a DM answers the next question of an open stand-up, if there is one."""
        if ctx.conversation.kind is not ConversationKind.DIRECT:
            return None
        me = await self._me(ctx.actor)
        if me is None:
            return None
        now = self._service.now()
        best = None
        for standup, member in await self._mine(me):
            current = timing.current_run(standup, member, now)
            if current is None:
                continue
            run_date, slot = current
            async with self._database.session() as session:
                run = await standups.find_run(
                    session, tenant=me.tenant, standup_id=standup.id, run_date=run_date, slot=slot
                )
                answers = (
                    await standups.run_answers(session, tenant=me.tenant, run_id=run.id)
                    if run
                    else []
                )
            mine = next((a for a in answers if a.person_id == me.person_id), None)
            if mine is not None and (mine.complete or mine.skipped):
                continue
            asked = timing.prompt_at(standup, member, run_date, slot) <= now
            if mine is None and not asked:
                continue
            rank = (mine is not None, timing.prompt_at(standup, member, run_date, slot))
            if best is None or rank > best[0]:
                best = (rank, standup, member, run_date, slot, mine)
        if best is None:
            return None
        _, standup, member, run_date, slot, mine = best
        questions = questions_for(standup.settings, t=ctx.t)
        if len(ctx.args.strip()) > MAX_TYPED:
            return Reply(
                text=ctx.t("standup.too_long", length=len(ctx.args.strip()), limit=MAX_TYPED)
            )
        given = [*(mine.answers if mine else ()), ctx.args.strip()]
        complete = len(given) >= len(questions)
        result = await self._service.answer(
            key=ctx.actor.tenant,
            tenant=me.tenant,
            standup=standup,
            member=member,
            run_date=run_date,
            slot=slot,
            answers=given,
            complete=complete,
        )
        if not complete and result.outcome is Outcome.SAVED:
            return Reply(
                text=ctx.t(
                    "standup.next_question",
                    done=len(given),
                    total=len(questions),
                    question=questions[len(given)],
                )
            )
        return self._answered(ctx.t, standup, result)

    async def _skip(self, ctx: CommandContext, rest: str) -> Reply:
        t = ctx.t
        me = await self._me(ctx.actor)
        if me is None:
            return self._unknown(t)
        mine = await self._mine(me)
        if rest:
            mine = [(s, m) for s, m in mine if fold(s.name).startswith(fold(rest))]
        if not mine:
            return Reply(text=t("standup.not_member"))
        skipped: list[str] = []
        now = self._service.now()
        for standup, member in mine:
            current = timing.current_run(standup, member, now)
            if current is None:
                continue
            result = await self._service.answer(
                key=ctx.actor.tenant,
                tenant=me.tenant,
                standup=standup,
                member=member,
                run_date=current[0],
                slot=current[1],
                answers=(),
                complete=False,
                skipped=True,
            )
            if result.outcome not in (Outcome.CLOSED, Outcome.DELETED):
                skipped.append(standup.name)
        if not skipped:
            return Reply(text=t("standup.nothing_to_skip"))
        return Reply(text=t("standup.skipped", name=t.list(skipped)))

    async def _away(self, ctx: CommandContext, rest: str) -> Reply:
        """``/standup away FIRST [LAST]``; ``away list`` and ``away cancel DAY`` show and take
        back one's time away."""
        t = ctx.t
        me = await self._me(ctx.actor)
        if me is None:
            return self._unknown(t)
        head, _, tail = rest.strip().partition(" ")
        if fold(head) in AWAY_LIST or not rest.strip():
            return await self._away_list(t, me, ctx.actor.timezone, usage=not rest.strip())
        if fold(head) in AWAY_CANCEL:
            return await self._away_cancel(t, me, ctx.actor.timezone, tail.strip())
        parts = [
            p for p in re.split(r"[\s,]+|\.\.|→", rest) if p and fold(p) not in {"to", "au", "a"}
        ]
        try:
            days = [date.fromisoformat(p) for p in parts]
        except ValueError:
            return Reply(text=t("standup.away.usage"))
        if not 1 <= len(days) <= 2:
            return Reply(text=t("standup.away.usage"))
        first, last = days[0], days[-1]
        today = timing.local_date(self._service.now(), ctx.actor.timezone)
        if last < first:
            return Reply(text=t("standup.away.order"))
        if last < today:
            return Reply(text=t("standup.away.past"))
        if (last - first).days > MAX_AWAY_DAYS:
            return Reply(text=t("standup.away.too_long", days=MAX_AWAY_DAYS))
        async with self._database.session() as session:
            await availability.add_time_off(
                session, tenant=me.tenant, person_id=me.person_id, first=first, last=last
            )
        await self._changed()
        return Reply(text=t("standup.away.done", first=first.isoformat(), last=last.isoformat()))

    async def _away_list(self, t: Translator, me: _Me, timezone: str, *, usage: bool) -> Reply:
        today = timing.local_date(self._service.now(), timezone)
        async with self._database.session() as session:
            found = await availability.time_off(
                session, tenant=me.tenant, person_ids=[me.person_id], since=today
            )
        periods = found.get(me.person_id, [])
        if not periods:
            text = t("standup.away.list.none")
            return Reply(text=text + ("\n" + t("standup.away.usage") if usage else ""))
        lines = [
            t("standup.away.list.line", first=first.isoformat(), last=last.isoformat())
            for first, last in periods
        ]
        card = Card(
            title=t("standup.away.list.title"),
            body="\n".join(lines),
            footer=t("standup.away.list.footer"),
        )
        return Reply.of_card(card)

    async def _away_cancel(self, t: Translator, me: _Me, timezone: str, text: str) -> Reply:
        try:
            day = date.fromisoformat(text)
        except ValueError:
            return Reply(text=t("standup.away.cancel_usage"))
        today = timing.local_date(self._service.now(), timezone)
        async with self._database.session() as session:
            cancelled = await availability.cancel_time_off(
                session, tenant=me.tenant, person_id=me.person_id, day=day, since=today
            )
        if cancelled is None:
            return Reply(text=t("standup.away.not_found", day=day.isoformat()))
        await self._changed()
        first, last = cancelled
        return Reply(
            text=t("standup.away.cancelled", first=first.isoformat(), last=last.isoformat())
        )

    async def _workdays(self, ctx: CommandContext, rest: str) -> Reply:
        t = ctx.t
        me = await self._me(ctx.actor)
        if me is None:
            return self._unknown(t)
        try:
            days = settings_text.read({"name": "_", "members": "_", "days": rest}).days
        except SettingsProblem:
            return Reply(text=t("standup.workdays.usage"))
        if not rest:
            return Reply(text=t("standup.workdays.usage"))
        async with self._database.session() as session:
            await availability.set_work_days(
                session, tenant=me.tenant, person_id=me.person_id, days=days
            )
        await self._changed()
        return Reply(text=t("standup.workdays.done", days=settings_text.days_text(days, t=t)))

    # -- report and history -----------------------------------------------------------------

    async def _report(self, ctx: CommandContext, rest: str) -> Reply:
        t = ctx.t
        me = await self._me(ctx.actor)
        if me is None:
            return self._unknown(t)
        words = rest.split()
        days = 7
        if words and words[-1].isdigit():
            days = int(words.pop())
        if not 1 <= days <= MAX_REPORT_DAYS:
            return Reply(text=t("standup.report.days", limit=MAX_REPORT_DAYS))
        name = " ".join(words)
        if name:
            standup, problem = await self._find(t, me, name)
            if standup is None:
                return problem or Reply(text=t("standup.none_yet"))
            chosen = [standup]
        else:
            everything = await self._service.standups(tenant=me.tenant)
            chosen = [s for s in everything if s.owner_email == me.email or ctx.actor.is_admin]
            if not chosen:
                return Reply(text=t("standup.report.none_owned"))
        fields: list[Field] = []
        today = timing.local_date(self._service.now(), ctx.actor.timezone)
        first = today - timedelta(days=days - 1)
        for standup in chosen:
            fields.extend(await self._report_fields(t, me.tenant, standup, first, today))
        return Reply.of_card(
            Card(
                title=t.plural("standup.report.title", count=days),
                body=t("standup.report.body", first=first.isoformat(), last=today.isoformat()),
                fields=tuple(fields),
            )
        )

    async def _report_fields(
        self, t: Translator, tenant: TenantRef, standup: StandupView, first: date, last: date
    ) -> list[Field]:
        now = self._service.now()
        async with self._database.session() as session:
            runs = await standups.runs_between(
                session, tenant=tenant, standup_id=standup.id, first=first, last=last
            )
            answers = {
                run.id: await standups.run_answers(session, tenant=tenant, run_id=run.id)
                for run in runs
            }
            found = await blockers.list_blockers(
                session, tenant=tenant, standup_run_ids=[r.id for r in runs]
            )
        lines = []
        for member in standup.members:
            asked = answered = late = skipped = 0
            for run in runs:
                if not timing.member_asked(member, run.run_date) or (
                    timing.prompt_at(standup, member, run.run_date, run.slot) > now
                ):
                    continue
                closed = timing.cutoff_at(standup, run.run_date, run.slot)
                if standup.created_at is not None and closed <= standup.created_at:
                    continue  # over before the stand-up existed: never asked
                asked += 1
                given = next((a for a in answers[run.id] if a.person_id == member.person_id), None)
                if given and given.complete:
                    answered += 1
                    late += given.late
                elif given and given.skipped:
                    skipped += 1
            lines.append(
                t(
                    "standup.report.line",
                    name=member.name,
                    answered=answered,
                    asked=asked,
                    late=late,
                    skipped=skipped,
                )
            )
        fields = [Field(label=standup.name, value="\n".join(lines) or "—")]
        names = {m.email: m.name for m in standup.members}
        run_dates = {r.id: r.run_date for r in runs}
        if found:
            fields.append(
                Field(
                    label="⚠ " + t("standup.summary.blockers"),
                    value="\n".join(
                        f"{run_dates.get(b.standup_run_id or 0, '')} "
                        f"{names.get(b.reporter_email, b.reporter_email)}: {b.text} ({b.status})"
                        for b in found
                    ),
                )
            )
        return fields

    async def _history(self, ctx: CommandContext, rest: str) -> Reply:
        t = ctx.t
        me = await self._me(ctx.actor)
        if me is None:
            return self._unknown(t)
        today = timing.local_date(self._service.now(), ctx.actor.timezone)
        try:
            given = [date.fromisoformat(p) for p in rest.split()]
        except ValueError:
            return Reply(text=t("standup.history.usage"))
        if len(given) > 2:
            return Reply(text=t("standup.history.usage"))
        first = given[0] if given else today - timedelta(days=6)
        last = given[1] if len(given) == 2 else today
        if last < first:
            return Reply(text=t("standup.away.order"))
        if (last - first).days > 366:
            return Reply(text=t("standup.history.too_long"))
        async with self._database.session() as session:
            rows = await standups.answers_of(
                session, tenant=me.tenant, person_id=me.person_id, first=first, last=last
            )
            everything = await standups.list_standups(
                session, tenant=me.tenant, include_deleted=True
            )
        by_name = {s.name: s for s in everything}
        fields = []
        for name, run, answer in rows:
            if not (answer.complete or answer.skipped):
                continue
            standup = by_name.get(name)
            label = f"{cards.day_label(run.run_date, t=t)} — {name}"
            if answer.skipped:
                fields.append(Field(label=label, value=t("standup.history.skipped")))
                continue
            questions = questions_for(standup.settings, t=t) if standup else ()
            value = "\n".join(
                f"{q} {a or '—'}" for q, a in zip(questions, answer.answers, strict=False)
            )
            if answer.late:
                label += f" ({t('standup.late')})"
            fields.append(Field(label=label, value=value))
        if not fields:
            return Reply(
                text=t("standup.history.empty", first=first.isoformat(), last=last.isoformat())
            )
        return Reply.of_card(
            Card(
                title=t("standup.history.title", first=first.isoformat(), last=last.isoformat()),
                fields=tuple(fields),
            )
        )

    # -- forms ------------------------------------------------------------------------------

    async def _create_from_form(self, ctx: ActionContext, *, opened: bool) -> Reply:
        t = ctx.t
        me = await self._me(ctx.actor)
        if me is None:
            return self._unknown(t)
        where = _form_conversation(ctx)
        if opened or not ctx.event.inputs:
            return _new_form(t, ctx.actor, where=where)
        try:
            draft = settings_text.read(ctx.event.inputs)
        except SettingsProblem as problem:  # the form again, as typed, saying what is wrong
            again = _new_form(t, ctx.actor, where=where, typed=ctx.event.inputs)
            return _with_problem(t, again, problem)
        return await self._create(ctx.actor, t, me, draft, where)

    async def _save_from_form(self, ctx: ActionContext, *, opened: bool) -> Reply:
        t = ctx.t
        me = await self._me(ctx.actor)
        if me is None:
            return self._unknown(t)
        standup_id = ctx.event.value
        found = (
            await self._service.standup(tenant=me.tenant, standup_id=int(standup_id))
            if standup_id.isdigit()
            else None
        )
        if found is None or found.deleted:
            return Reply(text=t("standup.gone"))
        if not self._may_change(ctx.actor, me, found):
            return Reply(text=t("standup.not_owner", name=found.name, owner=found.owner_email))
        if opened or not ctx.event.inputs:
            return _edit_form(t, found)
        try:
            draft = settings_text.read(
                ctx.event.inputs, base=settings_text.draft_of(found.settings)
            )
        except SettingsProblem as problem:  # the form again, as typed, saying what is wrong
            return _with_problem(t, _edit_form(t, found, typed=ctx.event.inputs), problem)
        return await self._save(ctx.actor, t, me, found, draft)


def _form_conversation(ctx: ActionContext) -> ConversationRef:
    """Where a setup form was asked for: the form carries the channel id (a Slack modal
    is submitted outside any channel); the event's conversation has the rest."""
    conversation = ctx.event.conversation
    value = ctx.event.value
    if value and value != conversation.id:
        kind = (
            ConversationKind.DIRECT if value.startswith(("D", "dm:")) else ConversationKind.CHANNEL
        )
        return ConversationRef(tenant=conversation.tenant, id=value, kind=kind)
    return conversation


def _with_problem(t: Translator, form: Reply, problem: SettingsProblem) -> Reply:
    """``form`` headed by what is wrong with what was typed in it."""
    assert form.card is not None
    said = t(problem.key, **problem.values)
    card = replace(form.card, body=f"⚠ {said}\n{form.card.body}")
    return Reply.of_card(card, locale=t.locale)


def _new_form(
    t: Translator,
    actor: Actor,
    *,
    where: ConversationRef,
    typed: Mapping[str, str] | None = None,
) -> Reply:
    """The setup form, prefilled with the defaults (or what was ``typed`` in it before);
    it carries the channel to post in, or asks for one when set up from a direct chat."""
    card = cards.setup_form(
        t=t,
        values={**settings_text.as_values(_defaults(actor), t=t), **(typed or {})},
        action=cards.CREATE,
        value=where.id,
        title=t("standup.setup.title"),
        ask_channel=where.kind is ConversationKind.DIRECT,
    )
    return Reply.of_card(card)


def _edit_form(
    t: Translator, standup: StandupView, *, typed: Mapping[str, str] | None = None
) -> Reply:
    """The setup form, prefilled with the stand-up as it is (or as ``typed`` before)."""
    card = cards.setup_form(
        t=t,
        values={**settings_text.as_values(standup.settings, t=t), **(typed or {})},
        action=cards.SAVE + str(standup.id),
        value=str(standup.id),
        title=t("standup.edit.title", name=standup.name),
    )
    return Reply.of_card(card)


def _defaults(actor: Actor) -> StandupSettings:
    return StandupSettings(
        name="",
        member_emails=(actor.email,) if actor.email else (),
        questions=(),
        days=settings_text.DEFAULT_DAYS,
        slots=settings_text.DEFAULT_SLOTS,
        timezone=actor.timezone,
        reminders=settings_text.DEFAULT_REMINDERS,
    )


def _late_prompts(t: Translator, standup: StandupView, *, now: datetime) -> list[Field]:
    """Members whose local ask time falls after the cut-off: told at setup, not at 12:01."""
    day = timing.local_date(now, standup.settings.timezone)
    for _ in range(7):
        if timing.runs_on(standup, day):
            break
        day += timedelta(days=1)
    late = []
    for member in standup.members:
        for slot in range(len(standup.settings.slots)):
            if timing.prompt_at(standup, member, day, slot) >= timing.cutoff_at(standup, day, slot):
                late.append(f"{member.name} ({member.timezone})")
                break
    if not late:
        return []
    return [
        Field(
            label="⚠ " + t("standup.setup.late_label"),
            value=t("standup.setup.late", members=t.list(late)),
        )
    ]
