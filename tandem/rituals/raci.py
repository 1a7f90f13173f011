"""RACI lookup: ``/who-owns QUERY`` names who is Responsible, Accountable, Consulted, Informed.

``/who-owns`` alone lists the topics; ``/who-owns set TOPIC ROLE EMAIL[,EMAIL…]``
changes an assignment (admins and the topic's Accountable only), and
``/who-owns history TOPIC`` shows who changed what and when.
"""

from __future__ import annotations

import asyncio
import re
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from tandem.bot.cards import Button, Card, Field, Reply
from tandem.bot.dispatcher import ActionContext, ActionSpec, CommandContext, CommandSpec, Dispatcher
from tandem.bot.i18n import Translator
from tandem.bot.text import fold
from tandem.bot.timefmt import format_instant
from tandem.bot.types import Actor
from tandem.rituals.common.directory import Directory
from tandem.rituals.common.topic_match import TopicMatch, TopicMatcher
from tandem.rituals.common.topic_meaning import RuleHints, TopicFinder
from tandem.storage.database import Database
from tandem.storage.models import Person
from tandem.storage.records import ROLES, ChangeView, PersonView, Role, TenantRef, TopicView
from tandem.storage.repositories import people, raci, tenants

if TYPE_CHECKING:
    from tandem.meaning.port import Embedder

COMMAND = "who-owns"
SHOW_ACTION = "raci.show:"
PAGE_ACTION = "raci.page:"
PAGE = 30
"""Topics a ``/who-owns`` list shows at once: within every platform's limits (Slack's 50
blocks, Teams' message size), and as many as anyone reads before typing a word instead."""
MAX_QUERY = 200
ROLE_WORDS: dict[str, Role] = {
    **{word: Role.RESPONSIBLE for word in ("r", "responsible", "responsable")},
    **{word: Role.ACCOUNTABLE for word in ("a", "accountable", "approbateur", "approver")},
    **{word: Role.CONSULTED for word in ("c", "consulted", "consulte", "consultes")},
    **{word: Role.INFORMED for word in ("i", "informed", "informe", "informes")},
}
NOBODY_WORDS = frozenset({"none", "nobody", "personne", "aucun", "-"})
_EMAIL = re.compile(r"^[^@\s,;]+@[^@\s,;]+$")


class RaciRitual:
    """The ``/who-owns`` command and its "show this topic" buttons."""

    def __init__(
        self, *, database: Database, directory: Directory, embedder: Embedder | None = None
    ) -> None:
        self._database = database
        self._directory = directory
        self._embedder = embedder
        self._finders: dict[int, tuple[int, TopicFinder]] = {}
        self._rule_hints: RuleHints | None = None

    def consult(self, *, rule_hints: RuleHints) -> None:
        """Ask the guardrail catalogue, too, which topic a whole question is about."""
        self._rule_hints = rule_hints

    def register(self, dispatcher: Dispatcher) -> None:
        """Tell the dispatcher what this ritual answers."""
        dispatcher.add_command(
            CommandSpec(
                name=COMMAND,
                handler=self.who_owns,
                phrases=("who owns", "whoowns", "qui gère", "qui gere", "à qui appartient"),
            )
        )
        dispatcher.add_action(ActionSpec(prefix=SHOW_ACTION, handler=self.show_action))
        dispatcher.add_action(ActionSpec(prefix=PAGE_ACTION, handler=self.page_action))

    async def finder(self, *, tenant: TenantRef) -> TopicFinder:
        """The tenant's topics by name and meaning, rebuilt only when its RACI matrix has
        changed."""
        async with self._database.session() as session:
            revision = await tenants.raci_revision(session, tenant=tenant)
            cached = self._finders.get(tenant.id)
            if cached and cached[0] == revision:
                return cached[1]
            keys = await raci.topic_keys(session, tenant=tenant)
        # Building the typo index of a large matrix takes CPU time: off the event loop.
        finder = await asyncio.to_thread(TopicFinder, topics=keys, embedder=self._embedder)
        self._finders[tenant.id] = (revision, finder)
        return finder

    async def matcher(self, *, tenant: TenantRef) -> TopicMatcher:
        """The tenant's topics by name (for ``#topic`` tags and the other rituals)."""
        return (await self.finder(tenant=tenant)).names

    async def find(self, *, tenant: TenantRef, query: str) -> TopicMatch:
        """The topic ``query`` names, or means when it is a whole question."""
        finder = await self.finder(tenant=tenant)
        meaning = (
            await asyncio.to_thread(finder.understand, query)
            if finder.wants_meaning(query)
            else None
        )
        rules = None
        if meaning is not None and self._rule_hints is not None:
            rules = await self._rule_hints(tenant, query, meaning)
        return finder.match(query, meaning=meaning, rules=rules)

    async def who_owns(self, ctx: CommandContext) -> Reply:
        """Route ``/who-owns`` by its first word."""
        t, query = ctx.t, ctx.args
        tenant = await self._directory.tenant(key=ctx.actor.tenant)
        if tenant is None:
            return Reply(text=t("raci.list.empty"))
        if not query:
            return await self._list(tenant, t)
        if len(query) > MAX_QUERY:
            return Reply(text=t("raci.too_long", length=len(query)))
        head, _, rest = query.partition(" ")
        if head.casefold() in {"set", "change", "modifier"}:
            return await self._set(tenant, ctx, rest.strip())
        if head.casefold() in {"history", "historique"} and rest.strip():
            return await self._history(tenant, ctx, rest.strip())
        found = await self.find(tenant=tenant, query=query)
        if found.slug is None:
            return await self._no_match(tenant, t, query, found)
        return await self._show(tenant, ctx.actor, t, found.slug)

    async def show_action(self, ctx: ActionContext) -> Reply:
        """A suggestion button was clicked: show that topic."""
        slug = ctx.event.action_id.removeprefix(SHOW_ACTION) or ctx.event.value
        tenant = await self._directory.tenant(key=ctx.actor.tenant)
        if tenant is None:
            return Reply(text=ctx.t("raci.list.empty"))
        return await self._show(tenant, ctx.actor, ctx.t, slug)

    async def page_action(self, ctx: ActionContext) -> Reply:
        """A click on "Next topics" or "Previous topics": show that page of the list."""
        page = ctx.event.action_id.removeprefix(PAGE_ACTION) or ctx.event.value
        tenant = await self._directory.tenant(key=ctx.actor.tenant)
        if tenant is None:
            return Reply(text=ctx.t("raci.list.empty"))
        return await self._list(tenant, ctx.t, page=int(page) if page.isdigit() else 1)

    async def lookup(self, *, tenant: TenantRef, query: str) -> tuple[TopicMatch, TopicView | None]:
        """Match ``query`` and load the topic when the match is confident (for scripts)."""
        found = await self.find(tenant=tenant, query=query[:MAX_QUERY])
        if found.slug is None:
            return found, None
        async with self._database.session() as session:
            return found, await raci.get_topic(session, tenant=tenant, slug=found.slug)

    async def _show(self, tenant: TenantRef, actor: Actor, t: Translator, slug: str) -> Reply:
        async with self._database.session() as session:
            topic = await raci.get_topic(session, tenant=tenant, slug=slug)
            changer = None
            if topic and topic.last_change and topic.last_change.changed_by:
                changer = await people.find_person(
                    session, tenant=tenant, email=topic.last_change.changed_by
                )
        if topic is None:
            return await self._no_match(tenant, t, slug, TopicMatch(slug=None))
        fields = tuple(
            Field(label=t(f"raci.role.{role.value}"), value=_names(t, topic.roles.get(role, ())))
            for role in ROLES
        )
        footer = ""
        if topic.last_change:
            when = format_instant(
                moment=topic.last_change.changed_at, timezone=actor.timezone, locale=t.locale
            )
            if topic.last_change.source == "import":
                footer = t("raci.imported", when=when)
            else:
                who = changer.name if changer else (topic.last_change.changed_by or "?")
                footer = t("raci.changed", when=when, who=who)
        card = Card(
            title=f"{topic.title_in(t.locale)} ({topic.slug})",
            body=topic.description_in(t.locale),
            fields=fields,
            footer=footer,
        )
        return Reply.of_card(card)

    async def _no_match(
        self, tenant: TenantRef, t: Translator, query: str, found: TopicMatch
    ) -> Reply:
        shown = query if len(query) <= 60 else query[:57] + "…"
        matcher = await self.matcher(tenant=tenant)
        if found.ambiguous:
            body = t("raci.ambiguous", query=shown)
        else:
            body = t("raci.no_match", query=shown)
        labels = [f"{matcher.title(s, locale=t.locale)} ({s})" for s in found.suggestions]
        body += "\n" + (
            t("raci.suggest", suggestions="; ".join(labels)) if labels else t("raci.suggest.none")
        )
        buttons = tuple(
            Button(label=matcher.title(s, locale=t.locale), action_id=f"{SHOW_ACTION}{s}", value=s)
            for s in found.suggestions
        )
        card = Card(title=f"/{COMMAND} {shown}", body=body, buttons=buttons)
        return Reply(text=body, card=card)

    async def _list(self, tenant: TenantRef, t: Translator, *, page: int = 1) -> Reply:
        """The topics, a page at a time: past the first page, the list says how many there
        are, that a word finds one, and offers the next and previous pages."""
        async with self._database.session() as session:
            keys = await raci.topic_keys(session, tenant=tenant)
        if not keys:
            return Reply(text=t("raci.list.empty"))
        pages = -(-len(keys) // PAGE)
        page = min(max(page, 1), pages)
        shown = keys[(page - 1) * PAGE : page * PAGE]
        body = ""
        buttons: tuple[Button, ...] = ()
        if pages > 1:
            first = (page - 1) * PAGE + 1
            body = t("raci.list.page", first=first, last=first + len(shown) - 1, count=len(keys))
            buttons = tuple(
                Button(label=t(label), action_id=f"{PAGE_ACTION}{to}", value=str(to))
                for label, to in (("raci.list.previous", page - 1), ("raci.list.next", page + 1))
                if 1 <= to <= pages
            )
        card = Card(
            title=t("raci.list.title", count=len(keys)),
            body=body,
            fields=tuple(Field(label=k.slug, value=k.title_in(t.locale)) for k in shown),
            buttons=buttons,
            footer=t("raci.list.footer"),
        )
        return Reply.of_card(card)

    async def _history(self, tenant: TenantRef, ctx: CommandContext, query: str) -> Reply:
        t = ctx.t
        found = (await self.matcher(tenant=tenant)).match(query)
        if found.slug is None:
            return await self._no_match(tenant, t, query, found)
        async with self._database.session() as session:
            topic = await raci.get_topic(session, tenant=tenant, slug=found.slug)
            changes = await raci.topic_history(session, tenant=tenant, slug=found.slug)
            names = await people.people_by_email(
                session,
                tenant=tenant,
                emails={e for c in changes for e in (*c.before, *c.after, c.changed_by or "")},
            )
        assert topic is not None
        if not changes:
            return Reply(text=t("raci.history.empty", title=topic.title_in(t.locale)))
        lines = [_history_line(t, c, names, ctx.actor.timezone) for c in changes]
        title = topic.title_in(t.locale)
        card = Card(title=t("raci.history.title", title=title), body="\n".join(lines))
        return Reply.of_card(card)

    async def _set(self, tenant: TenantRef, ctx: CommandContext, args: str) -> Reply:
        t = ctx.t
        parsed = _parse_set(args)
        if parsed is None:
            return Reply(text=t("raci.set.usage"))
        query, role_word, emails = parsed
        role = ROLE_WORDS.get(fold(role_word))
        if role is None:
            return Reply(text=t("raci.set.bad_role", role=role_word) + "\n" + t("raci.set.usage"))
        found = (await self.matcher(tenant=tenant)).match(query)
        if found.slug is None:
            reply = await self._no_match(tenant, t, query, found)
            return Reply(text=t("raci.set.needs_topic", query=query) + "\n" + reply.text)
        async with self._database.session() as session:
            topic = await raci.get_topic(session, tenant=tenant, slug=found.slug)
            assert topic is not None
            accountable = topic.roles.get(Role.ACCOUNTABLE, ())
            allowed = ctx.actor.known and (
                ctx.actor.is_admin or any(p.email == ctx.actor.email for p in accountable)
            )
            if not allowed:
                return Reply(
                    text=t(
                        "raci.set.refused",
                        title=topic.title_in(t.locale),
                        accountable=_names(t, accountable),
                    )
                )
            if role is Role.ACCOUNTABLE and len(emails) != 1:
                return Reply(text=t("raci.set.one_accountable"))
            if role is Role.RESPONSIBLE and not emails:
                return Reply(text=t("raci.set.usage"))
            known = await people.people_by_email(session, tenant=tenant, emails=emails)
            missing = [e for e in emails if e not in known]
            if missing:
                return Reply(text=t("raci.set.unknown_people", emails=t.list(missing)))
            before = topic.roles.get(role, ())
            change = await raci.set_role(
                session,
                tenant=tenant,
                slug=topic.slug,
                role=role,
                emails=emails,
                changed_by=ctx.actor.email or "",
                at=ctx.clock.now(),
            )
        label = t(f"raci.role.{role.value}")
        now_names = t.list([known[e].name for e in emails]) if emails else t("raci.nobody")
        if change is None:
            return Reply(
                text=t(
                    "raci.set.unchanged",
                    role=label,
                    title=topic.title_in(t.locale),
                    people=now_names,
                )
            )
        return Reply(
            text=t(
                "raci.set.done",
                role=label,
                title=topic.title_in(t.locale),
                people=now_names,
                before=_names(t, before),
            ),
            ephemeral=False,
        )


def _parse_set(args: str) -> tuple[str, str, list[str]] | None:
    """``TOPIC WORDS ROLE a@x, b@y`` → (topic, role, emails); emails may be "none"."""
    words = args.replace(",", " ").replace(";", " ").split()
    emails: list[str] = []
    while words and (_EMAIL.match(words[-1]) or fold(words[-1]) in NOBODY_WORDS):
        word = words.pop()
        if _EMAIL.match(word):
            emails.insert(0, word.lower())
    if len(words) < 2 or (not emails and not args.split()[-1:]):
        return None
    if not emails and fold(args.split()[-1]) not in NOBODY_WORDS:
        return None
    return " ".join(words[:-1]), words[-1], list(dict.fromkeys(emails))


def _names(t: Translator, people_in_role: Sequence[PersonView]) -> str:
    if not people_in_role:
        return t("raci.nobody")
    return t.list([f"{p.name} ({p.role})" if p.role else p.name for p in people_in_role])


def _history_line(
    t: Translator, change: ChangeView, names: Mapping[str, Person], timezone: str
) -> str:
    def name(email: str) -> str:
        return names[email].name if email in names else email

    who = name(change.changed_by) if change.changed_by else t("raci.import_actor")
    return t(
        "raci.history.line",
        when=format_instant(moment=change.changed_at, timezone=timezone, locale=t.locale),
        who=who,
        role=t(f"raci.role.{change.role.value}"),
        people=t.list([name(e) for e in change.after]) if change.after else t("raci.nobody"),
        before=t.list([name(e) for e in change.before]) if change.before else t("raci.nobody"),
    )
