"""``/blocker``: raise, route, acknowledge, resolve, reassign, list, show, and the PM digest;
``/tandem escalation``: the tenant's escalation policy (admins change it).

The timed part (escalation steps, reminders, digests) lives in ``engine.py``; both
go through :class:`~tandem.rituals.blockers.service.BlockerService`.
"""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable
from typing import Any

from tandem.bot.cards import Card, Field, Reply
from tandem.bot.dispatcher import ActionContext, ActionSpec, CommandContext, CommandSpec, Dispatcher
from tandem.bot.i18n import Translator
from tandem.bot.mentions import CHANNEL_TOKEN, TYPED_CHANNEL
from tandem.bot.text import MAX_TYPED, fold
from tandem.bot.timefmt import format_instant
from tandem.bot.types import Actor, ConversationKind
from tandem.rituals.blockers import cards
from tandem.rituals.blockers.engine import BlockerEngine
from tandem.rituals.blockers.policy import EscalationPolicy, PolicyProblem, change
from tandem.rituals.blockers.service import (
    DEFAULT_DIGEST_DAYS,
    Action,
    BlockerService,
    Routed,
)
from tandem.rituals.common import wording
from tandem.rituals.common.days import days_text, parse_days
from tandem.rituals.common.member import Member, member_of, person_named
from tandem.rituals.common.org import Org
from tandem.rituals.common.working_time import parse_clock
from tandem.storage.database import Database
from tandem.storage.records import BlockerView, ChannelAddress
from tandem.storage.repositories import blockers, escalation

MAX_TEXT = MAX_TYPED
MAX_LISTED = 25
_TOPIC_HINT = re.compile(rf"(?:^|\s)(#[\w-]+|{CHANNEL_TOKEN.pattern})\s*$")
_ID = re.compile(r"^#?(\d{1,9})$")
Handler = Callable[[CommandContext, "Member", str], Awaitable[Reply]]


class BlockerRitual:
    """Registers ``/blocker``, its buttons, the home section and ``/tandem escalation``."""

    def __init__(
        self, *, database: Database, service: BlockerService, engine: BlockerEngine
    ) -> None:
        self._database = database
        self._service = service
        self._engine = engine

    def register(self, dispatcher: Dispatcher) -> None:
        """Tell the dispatcher what this ritual answers."""
        dispatcher.add_command(
            CommandSpec(name="blocker", handler=self._command, phrases=("blocked", "bloque"))
        )
        dispatcher.add_action(ActionSpec(prefix="blocker.", handler=self._action))
        dispatcher.add_home_section(key="blockers", section=self._home)
        dispatcher.add_setting(word="escalation", handler=self._escalation)
        dispatcher.add_setting(word="escalade", handler=self._escalation)

    # -- who is asking ----------------------------------------------------------------------

    async def _me(self, actor: Actor) -> Member | None:
        return await member_of(database=self._database, actor=actor)

    # -- the command ------------------------------------------------------------------------

    async def _command(self, ctx: CommandContext) -> Reply:
        t = ctx.t
        me = await self._me(ctx.actor)
        if me is None:
            return Reply(text=t("blocker.unknown_person"))
        word, _, rest = ctx.args.partition(" ")
        handlers: dict[str, Handler] = {
            "help": self._help,
            "aide": self._help,
            "list": self._list,
            "liste": self._list,
            "show": self._show,
            "voir": self._show,
            "resolve": self._resolve_command,
            "resoudre": self._resolve_command,
            "ack": self._ack_command,
            "acknowledge": self._ack_command,
            "accuser": self._ack_command,
            "reassign": self._reassign_command,
            "reassigner": self._reassign_command,
            "reattribuer": self._reassign_command,
            "topic": self._topic_command,
            "sujet": self._topic_command,
            "digest": self._digest,
            "synthese": self._digest,
            "pm": self._pm,
            "raise": self._raise,
            "new": self._raise,
            "signaler": self._raise,
        }
        handler = handlers.get(fold(word))
        if not ctx.args.strip():
            return await self._help(ctx, me, "")
        if handler is None:
            return await self._raise(ctx, me, ctx.args)
        return await handler(ctx, me, rest.strip())

    async def _help(self, ctx: CommandContext, _me: Member, _rest: str) -> Reply:
        t = ctx.t
        card = Card(title=t("blocker.help.title"), body=t("blocker.help.body"))
        return Reply.of_card(card)

    async def _raise(self, ctx: CommandContext, me: Member, text: str) -> Reply:
        t = ctx.t
        text = text.strip()
        hint = None
        found = _TOPIC_HINT.search(text)
        if found:
            token = found.group(1)
            channel = TYPED_CHANNEL.match(token)
            hint = (channel.group(2) or channel.group(1)) if channel else token.lstrip("#")
            text = text[: found.start()].strip()
        if not text:
            return Reply(text=t("blocker.empty"))
        if len(text) > MAX_TEXT:
            return Reply(text=t("blocker.too_long", length=len(text), limit=MAX_TEXT))
        routed = await self._service.raise_blocker(
            key=ctx.actor.tenant, tenant=me.tenant, reporter=me.person, text=text, topic_hint=hint
        )
        return await self._routed_reply(t, me, routed, raised=True)

    async def _routed_reply(
        self, t: Translator, me: Member, routed: Routed, *, raised: bool
    ) -> Reply:
        org = await self._service.org(tenant=me.tenant)
        blocker = routed.blocker
        if routed.owner is not None:
            key = "blocker.raised.routed" if raised else "blocker.routed"
            return Reply(
                text=t(
                    key,
                    id=blocker.id,
                    owner=routed.owner.name,
                    topic=wording.topic_title(org.topics, blocker.topic_slug, t),
                ),
            )
        if blocker.topic_slug and blocker.routing:
            return Reply(
                text=t(
                    "blocker.raised.unowned",
                    id=blocker.id,
                    topic=wording.topic_title(org.topics, blocker.topic_slug, t),
                ),
            )
        return cards.picker(
            t,
            blocker=blocker,
            suggestions=routed.suggestions,
            topics=org.topics,
            intro=t("blocker.pick.raised", id=blocker.id),
            ephemeral=True,
            unknown_topic=routed.unknown_topic,
        )

    async def _blocker(self, me: Member, text: str) -> BlockerView | None:
        found = _ID.match(text.strip())
        if not found:
            return None
        return await self._service.get(tenant=me.tenant, blocker_id=int(found.group(1)))

    async def _show(self, ctx: CommandContext, me: Member, rest: str) -> Reply:
        t = ctx.t
        blocker = await self._blocker(me, rest)
        if blocker is None:
            return self._not_found(t, rest)
        org = await self._service.org(tenant=me.tenant)
        async with self._database.session() as session:
            events = await blockers.blocker_events(session, tenant=me.tenant, blocker_id=blocker.id)
        history = "\n".join(
            t(
                f"blocker.event.{e.kind}",
                when=format_instant(moment=e.at, timezone=me.person.timezone, locale=t.locale),
                who=wording.who(org.people, e.actor_email, t),
                to=wording.who(org.people, e.target_email, t),
            )
            for e in events[-12:]
        )
        may_act = any(
            self._service.may(
                action=action, email=me.person.email, admin=me.admin, blocker=blocker, org=org
            )
            for action in (Action.ACKNOWLEDGE, Action.RESOLVE, Action.REASSIGN)
        )
        card = cards.blocker_card(
            t,
            blocker=blocker,
            people=org.people,
            topics=org.topics,
            timezone=me.person.timezone,
            now=self._service.now(),
            actions=may_act,
            owner_view=me.person.email == blocker.owner_email,
        )
        if history:
            card = Card(
                title=card.title,
                body=card.body,
                fields=(*card.fields, Field(label=t("blocker.field.history"), value=history)),
                buttons=card.buttons,
                footer=card.footer,
            )
        return Reply.of_card(card)

    @staticmethod
    def _not_found(t: Translator, text: str) -> Reply:
        shown = text.strip()[:20] or "?"
        return Reply(text=t("blocker.not_found", id=shown))

    def _refused(self, t: Translator, org: Org, blocker: BlockerView, action: Action) -> Reply:
        if not blocker.is_open:
            return Reply(
                text=t("blocker.closed", id=blocker.id, status=t(f"blocker.state.{blocker.status}"))
            )
        return Reply(
            text=t(
                f"blocker.refused.{action.value}",
                id=blocker.id,
                owner=wording.who(org.people, blocker.owner_email, t),
                reporter=wording.who(org.people, blocker.reporter_email, t),
            )
        )

    async def _allowed(
        self, t: Translator, me: Member, blocker: BlockerView, action: Action
    ) -> Reply | None:
        """None when ``me`` may do ``action``; else the refusal to show."""
        org = await self._service.org(tenant=me.tenant)
        if self._service.may(
            action=action, email=me.person.email, admin=me.admin, blocker=blocker, org=org
        ):
            return None
        return self._refused(t, org, blocker, action)

    async def _resolve_command(self, ctx: CommandContext, me: Member, rest: str) -> Reply:
        number, _, note = rest.partition(" ")
        blocker = await self._blocker(me, number)
        if blocker is None:
            return (
                self._not_found(ctx.t, number)
                if number
                else Reply(text=ctx.t("blocker.usage.resolve"))
            )
        return await self._resolve(ctx.t, ctx.actor, me, blocker, note.strip())

    async def _resolve(
        self, t: Translator, actor: Actor, me: Member, blocker: BlockerView, note: str
    ) -> Reply:
        refused = await self._allowed(t, me, blocker, Action.RESOLVE)
        if refused:
            return refused
        if len(note) > MAX_TEXT:
            return Reply(text=t("blocker.too_long", length=len(note), limit=MAX_TEXT))
        done = await self._service.resolve(
            key=actor.tenant, tenant=me.tenant, blocker=blocker, actor=me.person.email, note=note
        )
        if done is None:
            return Reply(
                text=t("blocker.closed", id=blocker.id, status=t("blocker.state.resolved"))
            )
        return Reply(text=t("blocker.resolved", id=done.id, text=wording.short(done.text)))

    async def _ack_command(self, ctx: CommandContext, me: Member, rest: str) -> Reply:
        blocker = await self._blocker(me, rest)
        if blocker is None:
            return self._not_found(ctx.t, rest)
        return await self._ack(ctx.t, ctx.actor, me, blocker)

    async def _ack(self, t: Translator, actor: Actor, me: Member, blocker: BlockerView) -> Reply:
        refused = await self._allowed(t, me, blocker, Action.ACKNOWLEDGE)
        if refused:
            return refused
        done = await self._service.acknowledge(
            key=actor.tenant, tenant=me.tenant, blocker=blocker, actor=me.person.email
        )
        if done is None:
            return self._not_found(t, str(blocker.id))
        return Reply(text=t("blocker.acknowledged", id=done.id, text=wording.short(done.text)))

    async def _reassign_command(self, ctx: CommandContext, me: Member, rest: str) -> Reply:
        number, _, who = rest.partition(" ")
        blocker = await self._blocker(me, number)
        if blocker is None:
            return (
                self._not_found(ctx.t, number)
                if number
                else Reply(text=ctx.t("blocker.usage.reassign"))
            )
        return await self._reassign(ctx.t, ctx.actor, me, blocker, who)

    async def _reassign(
        self, t: Translator, actor: Actor, me: Member, blocker: BlockerView, who: str
    ) -> Reply:
        refused = await self._allowed(t, me, blocker, Action.REASSIGN)
        if refused:
            return refused
        if not who.strip():
            return Reply(text=t("blocker.usage.reassign"))
        person = await person_named(database=self._database, member=me, token=who)
        if person is None:
            return Reply(text=t("blocker.unknown_assignee", who=who.strip()[:80]))
        if person.email == blocker.owner_email:
            return Reply(text=t("blocker.already_owner", id=blocker.id, owner=person.name))
        routed = await self._service.reassign(
            key=actor.tenant, tenant=me.tenant, blocker=blocker, actor=me.person.email, to=person
        )
        return (
            Reply(text=t("blocker.reassigned", id=blocker.id, owner=person.name))
            if routed.owner
            else self._not_found(t, str(blocker.id))
        )

    async def _decline(
        self, t: Translator, actor: Actor, me: Member, blocker: BlockerView
    ) -> Reply:
        refused = await self._allowed(t, me, blocker, Action.DECLINE)
        if refused:
            return refused
        await self._service.decline(
            key=actor.tenant, tenant=me.tenant, blocker=blocker, actor=me.person.email
        )
        return Reply(text=t("blocker.declined", id=blocker.id))

    async def _topic_command(self, ctx: CommandContext, me: Member, rest: str) -> Reply:
        t = ctx.t
        number, _, query = rest.partition(" ")
        blocker = await self._blocker(me, number)
        if blocker is None:
            return self._not_found(t, number) if number else Reply(text=t("blocker.usage.topic"))
        if not query.strip():
            return Reply(text=t("blocker.usage.topic"))
        return await self._route(t, ctx.actor, me, blocker, query.strip().lstrip("#"), exact=False)

    async def _route(
        self,
        t: Translator,
        actor: Actor,
        me: Member,
        blocker: BlockerView,
        query: str,
        *,
        exact: bool,
    ) -> Reply:
        refused = await self._allowed(t, me, blocker, Action.ROUTE)
        if refused:
            return refused
        org = await self._service.org(tenant=me.tenant)
        if exact:
            if query not in org.topics:
                return Reply(text=t("blocker.unknown_topic", topic=query[:80]))
            routed = await self._service.route(
                key=actor.tenant,
                tenant=me.tenant,
                blocker=blocker,
                slug=query,
                actor=me.person.email,
            )
        else:
            routed = await self._service.route_by_text(
                key=actor.tenant,
                tenant=me.tenant,
                blocker=blocker,
                query=query,
                actor=me.person.email,
            )
        return await self._routed_reply(t, me, routed, raised=False)

    async def _list(self, ctx: CommandContext, me: Member, rest: str) -> Reply:
        t = ctx.t
        scope, _, topic_query = rest.partition(" ")
        word = fold(scope) or "mine"
        org = await self._service.org(tenant=me.tenant)
        where: dict[str, Any]
        if word in {"mine", "moi", "mes"}:
            where, title = {"involving": me.person.email}, t("blocker.list.mine")
        elif word in {"team", "equipe"}:
            department = me.person.department
            colleagues = {p.email for p in org.people.values() if p.department == department}
            where, title = {"reporters": colleagues}, t("blocker.list.team", team=department or "—")
        elif word in {"all", "tout", "tous"}:
            where, title = {}, t("blocker.list.all")
        elif word in {"topic", "sujet"} and topic_query.strip():
            slug = topic_query.strip().lstrip("#")
            if slug not in org.topics:
                return Reply(text=t("blocker.unknown_topic", topic=slug[:80]))
            topic = wording.topic_title(org.topics, slug, t)
            where, title = {"topic_slug": slug}, t("blocker.list.topic", topic=topic)
        else:
            return Reply(text=t("blocker.usage.list"))
        async with self._database.session() as session:
            found = await blockers.list_blockers(session, tenant=me.tenant, status="open", **where)
        if not found:
            return Reply(text=title + "\n" + t("blocker.list.empty"))
        body = cards.list_lines(
            t, found=found[:MAX_LISTED], people=org.people, now=self._service.now()
        )
        if len(found) > MAX_LISTED:
            body += "\n" + t("blocker.digest.more", count=len(found) - MAX_LISTED)
        card = Card(title=f"{title} ({len(found)})", body=body, footer=t("blocker.list.footer"))
        return Reply.of_card(card)

    async def _digest(self, ctx: CommandContext, me: Member, rest: str) -> Reply:
        t = ctx.t
        org = await self._service.org(tenant=me.tenant)
        if rest.strip():
            return await self._digest_schedule(t, me, org, rest.strip())
        return await self._engine.digest_for(tenant=me.tenant, org=org, pm=me.person)

    async def _digest_schedule(self, t: Translator, me: Member, org: Org, text: str) -> Reply:
        if me.person not in org.pms:
            return Reply(text=t("blocker.digest.not_pm"))
        *day_words, clock = text.split()
        try:
            moment = parse_clock(clock).strftime("%H:%M")
            days = parse_days(" ".join(day_words)) if day_words else None
        except ValueError:
            return Reply(text=t("blocker.usage.digest"))
        if days is not None and not days:
            return Reply(text=t("blocker.usage.digest"))
        async with self._database.session() as session:
            saved = await escalation.save_pm_setting(
                session, tenant=me.tenant, person_id=me.person.person_id, days=days, at_time=moment
            )
        await self._service.changed()
        shown = days_text(saved.days or DEFAULT_DIGEST_DAYS, t=t)
        return Reply(
            text=t(
                "blocker.digest.scheduled",
                days=shown,
                time=saved.at_time,
                timezone=me.person.timezone,
            )
        )

    async def _pm(self, ctx: CommandContext, me: Member, rest: str) -> Reply:
        t = ctx.t
        verb, _, who = rest.partition(" ")
        org = await self._service.org(tenant=me.tenant)
        if fold(verb) in {"", "list", "liste"}:
            names = t.list([p.name for p in org.pms]) if org.pms else t("blocker.nobody")
            return Reply(text=t("blocker.pm.list", names=names))
        if fold(verb) not in {"add", "ajouter", "remove", "retirer"} or not who.strip():
            return Reply(text=t("blocker.usage.pm"))
        if not me.admin:
            return Reply(text=t("blocker.pm.admin_only"))
        person = await person_named(database=self._database, member=me, token=who)
        if person is None:
            return Reply(text=t("blocker.unknown_assignee", who=who.strip()[:80]))
        adding = fold(verb) in {"add", "ajouter"}
        async with self._database.session() as session:
            await escalation.save_pm_setting(
                session, tenant=me.tenant, person_id=person.person_id, is_pm=adding
            )
        await self._service.changed()
        return Reply(
            text=t("blocker.pm.added" if adding else "blocker.pm.removed", name=person.name),
            ephemeral=False,
        )

    # -- buttons and forms ------------------------------------------------------------------

    async def _action(self, ctx: ActionContext) -> Reply:
        t = ctx.t
        me = await self._me(ctx.actor)
        if me is None:
            return Reply(text=t("blocker.unknown_person"))
        prefix, _, value = ctx.event.action_id.partition(":")
        number, _, slug = value.partition(":")
        blocker = await self._blocker(me, number)
        if blocker is None:
            return self._not_found(t, number)
        inputs = ctx.event.inputs or {}
        match prefix + ":":
            case cards.ACK:
                return await self._ack(t, ctx.actor, me, blocker)
            case cards.RESOLVE:
                return await self._allowed(t, me, blocker, Action.RESOLVE) or cards.resolve_form(
                    t, blocker
                )
            case cards.RESOLVED:
                return await self._resolve(
                    t, ctx.actor, me, blocker, inputs.get(cards.NOTE, "").strip()
                )
            case cards.REASSIGN:
                return await self._allowed(t, me, blocker, Action.REASSIGN) or cards.reassign_form(
                    t, blocker
                )
            case cards.REASSIGNED:
                return await self._reassign(t, ctx.actor, me, blocker, inputs.get(cards.PERSON, ""))
            case cards.DECLINE:
                return await self._decline(t, ctx.actor, me, blocker)
            case cards.ROUTE:
                return await self._route(t, ctx.actor, me, blocker, slug, exact=True)
        return Reply(text=t("error.unknown_action"))

    # -- the home ---------------------------------------------------------------------------

    async def _home(self, actor: Actor, t: Translator) -> Field | None:
        me = await self._me(actor)
        if me is None:
            return None
        async with self._database.session() as session:
            found = await blockers.list_blockers(
                session, tenant=me.tenant, status="open", involving=me.person.email
            )
        if not found:
            return None
        org = await self._service.org(tenant=me.tenant)
        return Field(
            label=t("home.blockers"),
            value=cards.list_lines(t, found=found[:10], people=org.people, now=self._service.now()),
        )

    # -- /tandem escalation -----------------------------------------------------------------

    async def _escalation(self, ctx: CommandContext) -> Reply:
        t = ctx.t
        me = await self._me(ctx.actor)
        if me is None:
            return Reply(text=t("blocker.unknown_person"))
        policy = await self._service.policy(tenant=me.tenant)
        text = ctx.args.strip()
        if not text:
            return self._policy_reply(t, policy)
        if not me.admin:
            return Reply(
                text=t("escalation.admin_only") + "\n" + self._policy_reply(t, policy).text
            )
        try:
            updated = change(policy, text=text, channel=self._channel(ctx, text))
        except PolicyProblem as problem:
            return Reply(text=t(problem.key, **problem.values) + "\n" + t("escalation.usage"))
        if updated.channel is not None and updated.channel != policy.channel:
            updated = EscalationPolicy.of({**updated.as_dict(), "locale": t.locale})
        async with self._database.session() as session:
            await escalation.set_policy(
                session,
                tenant=me.tenant,
                settings=updated.as_dict(),
                by_email=me.person.email,
                at=self._service.now(),
            )
        reply = self._policy_reply(t, updated, intro=t("escalation.saved"))
        return Reply(text=reply.text, card=reply.card, ephemeral=False)

    @staticmethod
    def _channel(ctx: CommandContext, text: str) -> ChannelAddress | None:
        """The channel named after ``channel``: one picked from the menu, ``#name``, or
        ``here``."""
        found = re.search(r"(?:channel|canal)\s*:?\s*(\S+)", text, flags=re.IGNORECASE)
        if not found:
            return None
        token = found.group(1).strip(";")
        picked = TYPED_CHANNEL.match(token)
        if picked:
            return ChannelAddress(id=picked.group(1), kind="channel")
        if fold(token) in {"here", "ici"}:
            if ctx.conversation.kind is ConversationKind.DIRECT:
                return None
            return ChannelAddress(
                id=ctx.conversation.id,
                kind=ctx.conversation.kind.value,
                reference=ctx.conversation.reference,
            )
        if token.startswith("#") and len(token) > 1:
            return ChannelAddress(id=token.lstrip("#"), kind="channel")
        return None

    @staticmethod
    def _policy_reply(t: Translator, policy: EscalationPolicy, *, intro: str = "") -> Reply:
        channel = f"#{policy.channel.id}" if policy.channel else t("escalation.no_channel")
        card = Card(
            title=t("escalation.title"),
            body=intro,
            fields=(
                Field(
                    label=t("escalation.ack"),
                    value=t.plural("escalation.ack_value", count=policy.ack_hours),
                ),
                Field(
                    label=t("escalation.resolve"),
                    value=t.plural("escalation.resolve_value", count=policy.resolve_days),
                ),
                Field(
                    label=t("escalation.hours"),
                    value=f"{policy.hours.start.strftime('%H:%M')}–{policy.hours.end.strftime('%H:%M')}",
                ),
                Field(label=t("escalation.channel"), value=channel),
            ),
            footer=t("escalation.footer"),
        )
        return Reply.of_card(card)
