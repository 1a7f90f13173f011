"""Setting a stand-up up, by typed text or by its form; editing, listing, pausing,
resuming and deleting it (its owner and the admins may change it)."""

from __future__ import annotations

from datetime import datetime, timedelta

from tandem.bot.cards import Card, Field, Reply
from tandem.bot.dispatcher import ActionContext, CommandContext
from tandem.bot.i18n import Translator
from tandem.bot.mentions import TYPED_CHANNEL
from tandem.bot.text import fold
from tandem.bot.types import Actor, ConversationKind, ConversationRef
from tandem.rituals.standup import cards, settings_text, timing
from tandem.rituals.standup.desk import Desk, Me
from tandem.rituals.standup.forms import edit_form, form_conversation, new_form, with_problem
from tandem.rituals.standup.members import member_emails
from tandem.rituals.standup.settings_text import Draft, SettingsProblem
from tandem.storage.records import ChannelAddress, StandupView
from tandem.storage.repositories import standups
from tandem.storage.repositories.standups import UnknownPeople


class Setup:
    """``/standup setup|edit|list|pause|resume|delete`` and the set-up forms."""

    def __init__(self, *, desk: Desk) -> None:
        self._desk = desk

    async def setup(self, ctx: CommandContext, rest: str) -> Reply:
        """``/standup setup``: the form, or a stand-up from the settings typed after it."""
        t = ctx.t
        me = await self._desk.me(ctx.actor)
        if me is None:
            return self._desk.unknown(t)
        if not rest:
            return new_form(t=t, actor=ctx.actor, where=ctx.conversation)
        try:
            draft = settings_text.read(settings_text.split_text(rest))
        except SettingsProblem as problem:
            return _problem(t, problem)
        return await self._create(actor=ctx.actor, t=t, me=me, draft=draft, where=ctx.conversation)

    async def create_from_form(self, ctx: ActionContext, *, opened: bool) -> Reply:
        """The set-up form submitted (or, ``opened``, asked for)."""
        t = ctx.t
        me = await self._desk.me(ctx.actor)
        if me is None:
            return self._desk.unknown(t)
        where = form_conversation(ctx)
        if opened or not ctx.event.inputs:
            return new_form(t=t, actor=ctx.actor, where=where)
        try:
            draft = settings_text.read(ctx.event.inputs)
        except SettingsProblem as problem:  # the form again, as typed, saying what is wrong
            again = new_form(t=t, actor=ctx.actor, where=where, typed=ctx.event.inputs)
            return with_problem(t=t, form=again, problem=problem)
        return await self._create(actor=ctx.actor, t=t, me=me, draft=draft, where=where)

    async def _create(
        self, *, actor: Actor, t: Translator, me: Me, draft: Draft, where: ConversationRef
    ) -> Reply:
        channel = _channel_of(where, draft)
        if channel is None:
            return Reply(text=t("standup.setup.needs_channel"))
        found = await member_emails(
            desk=self._desk,
            key=actor.tenant,
            tenant=me.tenant,
            tokens=draft.members,
            channel=channel,
        )
        problem = found.problem(t)
        if problem is not None:
            return problem
        settings = draft.settings(member_emails=found.emails, timezone=actor.timezone)
        existing = await self._desk.service.standups(tenant=me.tenant)
        if any(fold(s.name) == fold(settings.name) for s in existing):
            return Reply(text=t("standup.setup.exists", name=settings.name))
        try:
            async with self._desk.database.session() as session:
                standup_id = await standups.create_standup(
                    session,
                    tenant=me.tenant,
                    settings=settings,
                    channel=channel,
                    owner_email=me.email,
                    at=self._desk.service.now(),
                )
        except UnknownPeople as missing:
            return Reply(text=t("standup.setup.unknown_members", members=", ".join(missing.emails)))
        await self._desk.changed()
        created = await self._desk.service.standup(tenant=me.tenant, standup_id=standup_id)
        assert created is not None
        return self._saved_card(
            t,
            created,
            actor,
            title=t("standup.setup.done", name=created.name),
            outside=found.outside,
        )

    async def edit(self, ctx: CommandContext, rest: str) -> Reply:
        """``/standup edit NAME``: the form; ``edit NAME; key: value…`` saves the changes."""
        t = ctx.t
        name, sep, changes = rest.partition(";")
        me, standup, problem = await self._desk.owned(ctx, name=name.strip())
        if standup is None or me is None:
            return problem or self._desk.unknown(t)
        if not sep:
            return edit_form(t=t, standup=standup)
        try:
            values = settings_text.split_text(changes, name_first=False)
            draft = settings_text.read(values, base=settings_text.draft_of(standup.settings))
        except SettingsProblem as problem_:
            return _problem(t, problem_)
        return await self._save(actor=ctx.actor, t=t, me=me, standup=standup, draft=draft)

    async def save_from_form(self, ctx: ActionContext, *, opened: bool) -> Reply:
        """The edit form submitted (or, ``opened``, asked for)."""
        t = ctx.t
        me = await self._desk.me(ctx.actor)
        if me is None:
            return self._desk.unknown(t)
        standup_id = ctx.event.value
        found = (
            await self._desk.service.standup(tenant=me.tenant, standup_id=int(standup_id))
            if standup_id.isdigit()
            else None
        )
        if found is None or found.deleted:
            return Reply(text=t("standup.gone"))
        if not self._desk.may_change(actor=ctx.actor, me=me, standup=found):
            return Reply(text=t("standup.not_owner", name=found.name, owner=found.owner_email))
        if opened or not ctx.event.inputs:
            return edit_form(t=t, standup=found)
        try:
            draft = settings_text.read(
                ctx.event.inputs, base=settings_text.draft_of(found.settings)
            )
        except SettingsProblem as problem:  # the form again, as typed, saying what is wrong
            again = edit_form(t=t, standup=found, typed=ctx.event.inputs)
            return with_problem(t=t, form=again, problem=problem)
        return await self._save(actor=ctx.actor, t=t, me=me, standup=found, draft=draft)

    async def _save(
        self, *, actor: Actor, t: Translator, me: Me, standup: StandupView, draft: Draft
    ) -> Reply:
        found = await member_emails(
            desk=self._desk,
            key=actor.tenant,
            tenant=me.tenant,
            tokens=draft.members,
            channel=standup.channel,
        )
        problem = found.problem(t)
        if problem is not None:
            return problem
        settings = draft.settings(member_emails=found.emails, timezone=standup.settings.timezone)
        others = await self._desk.service.standups(tenant=me.tenant)
        if any(fold(s.name) == fold(settings.name) and s.id != standup.id for s in others):
            return Reply(text=t("standup.setup.exists", name=settings.name))
        try:
            async with self._desk.database.session() as session:
                await standups.update_standup(
                    session, tenant=me.tenant, standup_id=standup.id, settings=settings
                )
        except UnknownPeople as missing:
            return Reply(text=t("standup.setup.unknown_members", members=", ".join(missing.emails)))
        await self._desk.changed()
        saved = await self._desk.service.standup(tenant=me.tenant, standup_id=standup.id)
        assert saved is not None
        return self._saved_card(
            t, saved, actor, title=t("standup.edit.done", name=saved.name), outside=found.outside
        )

    def _saved_card(
        self, t: Translator, standup: StandupView, actor: Actor, *, title: str, outside: list[str]
    ) -> Reply:
        field = cards.describe(t=t, standup=standup, reader_timezone=actor.timezone)
        warnings = _late_prompts(t, standup, now=self._desk.service.now())
        if outside:
            warnings.append(
                Field(label=t("standup.setup.outside_label"), value=t.list(sorted(outside)))
            )
        body = t("standup.setup.next", name=standup.name)
        fields = (field, *warnings)
        return Reply.of_card(Card(title=title, body=body, fields=fields), ephemeral=False)

    async def overview(self, ctx: CommandContext, _rest: str) -> Reply:
        """``/standup list``: the tenant's stand-ups, their rhythm, channel and members."""
        t = ctx.t
        me = await self._desk.me(ctx.actor)
        if me is None:
            return self._desk.unknown(t)
        found = await self._desk.service.standups(tenant=me.tenant)
        if not found:
            return Reply(text=t("standup.none_yet"))
        fields = tuple(
            cards.describe(t=t, standup=s, reader_timezone=ctx.actor.timezone) for s in found
        )
        return Reply.of_card(Card(title=t("standup.list.title", count=len(found)), fields=fields))

    async def pause(self, ctx: CommandContext, rest: str) -> Reply:
        """``/standup pause NAME``: nobody is asked until it resumes."""
        return await self._set_state(
            ctx, rest, paused=True, deleted=None, key="standup.paused.done"
        )

    async def resume(self, ctx: CommandContext, rest: str) -> Reply:
        """``/standup resume NAME``."""
        return await self._set_state(ctx, rest, paused=False, deleted=None, key="standup.resumed")

    async def delete(self, ctx: CommandContext, rest: str) -> Reply:
        """``/standup delete NAME``."""
        return await self._set_state(ctx, rest, paused=None, deleted=True, key="standup.deleted")

    async def _set_state(
        self, ctx: CommandContext, name: str, *, paused: bool | None, deleted: bool | None, key: str
    ) -> Reply:
        me, standup, problem = await self._desk.owned(ctx, name=name)
        if standup is None or me is None:
            return problem or self._desk.unknown(ctx.t)
        async with self._desk.database.session() as session:
            await standups.set_state(
                session, tenant=me.tenant, standup_id=standup.id, paused=paused, deleted=deleted
            )
        await self._desk.changed()
        return Reply(text=ctx.t(key, name=standup.name), ephemeral=False)


def _channel_of(conversation: ConversationRef, draft: Draft) -> ChannelAddress | None:
    """Where answers go: the ``channel:`` given, else the conversation of the command."""
    if draft.channel:
        text = draft.channel.strip()
        found = TYPED_CHANNEL.match(text)
        return ChannelAddress(id=found.group(1) if found else text.lstrip("#"), kind="channel")
    if conversation.kind is ConversationKind.DIRECT:
        return None
    return ChannelAddress(
        id=conversation.id,
        kind=conversation.kind.value,
        reference=conversation.reference,
    )


def _problem(t: Translator, problem: SettingsProblem) -> Reply:
    return Reply(text=t(problem.key, **problem.values) + "\n" + t("standup.setup.example"))


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
