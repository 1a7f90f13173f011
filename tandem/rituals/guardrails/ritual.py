"""``/guardrail``: ask whether something is allowed, request and decide approvals, and let
IT see its rules, its tools, its reviews and the questions no rule covered.

The timed part (reminders, escalations, reviews) lives in ``engine.py``; both go
through :class:`~tandem.rituals.guardrails.service.GuardrailService`.
"""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable
from datetime import date

from tandem.bot.cards import Card, Field, Reply
from tandem.bot.dispatcher import ActionContext, ActionSpec, CommandContext, CommandSpec, Dispatcher
from tandem.bot.i18n import Translator
from tandem.bot.text import fold
from tandem.bot.timefmt import format_day, format_instant
from tandem.bot.types import Actor
from tandem.rituals.common.member import Member, member_of
from tandem.rituals.common.org import Org
from tandem.rituals.common.wording import short, topic_title, who
from tandem.rituals.common.working_time import local_date
from tandem.rituals.guardrails import cards
from tandem.rituals.guardrails.engine import review_due
from tandem.rituals.guardrails.matcher import FILLERS
from tandem.rituals.guardrails.outcome import chosen
from tandem.rituals.guardrails.service import GuardrailService
from tandem.storage.database import Database
from tandem.storage.records import ApprovalView, RuleRecord
from tandem.storage.repositories import approvals, guardrails

_VERDICT_WORDS = {
    "allowed": "allowed",
    "autorise": "allowed",
    "conditional": "conditional",
    "conditionnel": "conditional",
    "sous conditions": "conditional",
    "approval": "approval",
    "validation": "approval",
    "forbidden": "forbidden",
    "interdit": "forbidden",
}
MAX_QUESTION = 1000
MAX_FORM_TEXT = 2000
MAX_LISTED = 25
IT_DEPARTMENT = "it"
_ID = re.compile(r"^#?(\d{1,9})$")
_COMMAND_LIKE = re.compile(r"^[^\W\d][\w-]*\s+(?:n°\s*|#)?\d{1,9}$", re.I)
"""``WORD ID`` (``approve 2``, ``accept #2``): a sub-command, never a question for IT."""
Handler = Callable[[CommandContext, "Member", str], Awaitable[Reply]]
_TOOL_ORDER = ("approved", "limited", "under-review", "banned")


def _topic_slug(text: str, org: Org) -> str:
    """The topic a slug or a title names ("" if none)."""
    wanted = fold(text)
    for slug, topic in org.topics.items():
        if wanted in (fold(slug), fold(topic.title)):
            return slug
    return ""


class GuardrailRitual:
    """Registers ``/guardrail``, its buttons and the home section of approvals."""

    def __init__(self, *, database: Database, service: GuardrailService) -> None:
        self._database = database
        self._service = service

    def register(self, dispatcher: Dispatcher) -> None:
        """Tell the dispatcher what this ritual answers."""
        dispatcher.add_command(
            CommandSpec(
                name="guardrail",
                handler=self._command,
                phrases=("is it allowed", "am i allowed", "est-ce autorise", "a-t-on le droit"),
            )
        )
        dispatcher.add_action(ActionSpec(prefix="guardrail.", handler=self._action))
        dispatcher.add_home_section(key="approvals", section=self._home)

    async def _me(self, actor: Actor) -> Member | None:
        return await member_of(database=self._database, actor=actor)

    # -- the command ------------------------------------------------------------------------

    async def _command(self, ctx: CommandContext) -> Reply:
        t = ctx.t
        me = await self._me(ctx.actor)
        if me is None:
            return Reply(text=t("guardrail.unknown_person"))
        word, _, rest = ctx.args.partition(" ")
        handlers: dict[str, Handler] = {
            "help": self._help,
            "aide": self._help,
            "tools": self._tools,
            "outils": self._tools,
            "rules": self._rules,
            "regles": self._rules,
            "approvals": self._approvals,
            "validations": self._approvals,
            "show": self._show,
            "voir": self._show,
            "withdraw": self._withdraw,
            "retirer": self._withdraw,
            "uncovered": self._uncovered,
            "noncouvertes": self._uncovered,
            "reviewed": self._reviewed,
            "revue": self._reviewed,
            "ask": self._ask,
            "question": self._ask,
            "approve": self._approve,
            "approuver": self._approve,
            "valider": self._approve,
            "reject": self._reject,
            "deny": self._reject,
            "refuser": self._reject,
            "rejeter": self._reject,
        }
        if not ctx.args.strip():
            return await self._help(ctx, me, "")
        handler = handlers.get(fold(word))
        if handler is None and _COMMAND_LIKE.match(ctx.args.strip()):
            return await self._help(ctx, me, "", unknown=word)
        if handler is None:
            return await self._ask(ctx, me, ctx.args)
        return await handler(ctx, me, rest.strip())

    async def _help(
        self, ctx: CommandContext, _me: Member, _rest: str, *, unknown: str = ""
    ) -> Reply:
        t = ctx.t
        body = t("guardrail.help.body")
        if unknown:
            body = t("guardrail.help.unknown", word=short(unknown, 40)) + "\n\n" + body
        return Reply.of_card(Card(title=t("guardrail.help.title"), body=body))

    @staticmethod
    def _vague(t: Translator) -> Reply:
        card = Card(
            title=t("guardrail.help.title"),
            body=t("guardrail.vague") + "\n\n" + t("guardrail.help.body"),
        )
        return Reply.of_card(card)

    async def _ask(self, ctx: CommandContext, me: Member, text: str) -> Reply:
        t = ctx.t
        question = text.strip()
        if not question:
            return await self._help(ctx, me, "")
        if len(question) > MAX_QUESTION:
            return Reply(text=t("guardrail.too_long", length=len(question), limit=MAX_QUESTION))
        index = await self._service.index(tenant=me.tenant)
        tool, rest = index.find_tool(question)
        if tool is None and not [w for w in rest if w not in FILLERS]:
            return self._vague(t)
        org = await self._service.org(tenant=me.tenant)
        asked = await self._service.ask(
            key=me.key, tenant=me.tenant, org=org, asker=me.person, question=question, index=index
        )
        card = cards.outcome_card(
            t,
            outcome=asked.outcome,
            people=org.people,
            topics=org.topics,
            routed_to=asked.routed_to or (t("guardrail.it.channel") if asked.to_channel else None),
            recorded=asked.recorded is not None,
        )
        return Reply.of_card(card)

    # -- catalogue ----------------------------------------------------------------------------

    async def _tools(self, ctx: CommandContext, me: Member, _rest: str) -> Reply:
        t = ctx.t
        index = await self._service.index(tenant=me.tenant)
        if not index.tools:
            return Reply(text=t("guardrail.tools.none"))
        fields = []
        for status in _TOOL_ORDER:
            listed = [tool for tool in index.tools.values() if tool.status == status]
            if listed:
                fields.append(
                    Field(
                        label=t(f"guardrail.tools.{status}"),
                        value="\n".join(
                            f"• {tool.name}"
                            + (f" — {short(tool.note_in(t.locale), 160)}" if tool.note else "")
                            for tool in listed
                        ),
                    )
                )
        card = Card(title=t("guardrail.tools.title"), fields=tuple(fields))
        return Reply.of_card(card)

    async def _rules(self, ctx: CommandContext, me: Member, _rest: str) -> Reply:
        t = ctx.t
        async with self._database.session() as session:  # as stored: reviews change them
            rules = await guardrails.list_rules(session, tenant=me.tenant)
        if not rules:
            return Reply(text=t("guardrail.rules.none"))
        org = await self._service.org(tenant=me.tenant)
        today = local_date(self._service.now(), me.person.timezone)
        lines = []
        for rule in rules:
            title = cards.rule_text(rule, t.locale)[0]
            due = review_due(rule)
            review = ""
            if due is not None:
                key = "guardrail.rules.overdue" if due <= today else "guardrail.rules.review"
                review = " — " + t(key, day=format_day(day=due, locale=t.locale))
            lines.append(
                t(
                    "guardrail.rules.line",
                    id=rule.id,
                    title=short(title, 80),
                    verdict=t(f"guardrail.verdict.short.{rule.verdict}"),
                    topic=topic_title(org.topics, rule.topic, t),
                )
                + review
            )
        card = Card(
            title=t.plural("guardrail.rules.title", count=len(lines)),
            body="\n".join(lines[:100]),
            footer=t("guardrail.rules.footer"),
        )
        return Reply.of_card(card)

    async def _reviewed(self, ctx: CommandContext, me: Member, rest: str) -> Reply:
        return await self._mark_reviewed(ctx.t, me, rest.strip())

    async def _mark_reviewed(self, t: Translator, me: Member, rule_id: str) -> Reply:
        index = await self._service.index(tenant=me.tenant)
        rule = index.rules.get(rule_id)
        if rule is None:
            return Reply(text=t("guardrail.rule.not_found", id=short(rule_id, 60) or "?"))
        org = await self._service.org(tenant=me.tenant)
        topic = org.topics.get(rule.topic)
        owners = topic.accountable if topic else ()
        if not me.admin and me.person.email not in owners:
            names = t.list([who(org.people, e, t) for e in owners])
            return Reply(text=t("guardrail.reviewed.refused", who=names))
        await self._service.mark_reviewed(tenant=me.tenant, rule_id=rule.id, by=me.person)
        today = local_date(self._service.now(), me.person.timezone)
        after = rule.review_every_days or 0
        next_day = date.fromordinal(today.toordinal() + after) if after else None
        text = t("guardrail.reviewed.done", rule=cards.rule_text(rule, t.locale)[0])
        if next_day is not None:
            text += " " + t(
                "guardrail.reviewed.next", day=format_day(day=next_day, locale=t.locale)
            )
        return Reply(text=text)

    async def _uncovered(self, ctx: CommandContext, me: Member, rest: str) -> Reply:
        t = ctx.t
        org = await self._service.org(tenant=me.tenant)
        if not self._is_it(me, org):
            return Reply(text=t("guardrail.uncovered.refused"))
        word, _, ids_text = rest.partition(" ")
        if _ID.match(word) and ids_text.strip():
            return await self._file(t, me, word, ids_text.strip().split()[0])
        if _ID.match(word):
            return Reply(text=t("guardrail.filed.usage"))
        if fold(word) in ("done", "close", "fait", "traite"):
            ids = [int(m) for m in re.findall(r"\d{1,9}", ids_text)]
            if not ids:
                return Reply(text=t("guardrail.uncovered.which"))
            async with self._database.session() as session:
                closed = await approvals.close_questions(
                    session, tenant=me.tenant, ids=ids, by=me.person.email, at=self._service.now()
                )
            return Reply(text=t.plural("guardrail.uncovered.closed", count=closed))
        groups = await self._service.open_questions(tenant=me.tenant, org=org, limit=MAX_LISTED)
        if not groups:
            return Reply(text=t("guardrail.uncovered.none"))
        lines = []
        for group, closest in groups:
            questions = sorted(group, key=lambda q: q.id)
            first = questions[0]
            if len(questions) == 1:
                lines.append(
                    t(
                        "guardrail.uncovered.line",
                        id=first.id,
                        text=short(first.text, 160),
                        who=who(org.people, first.asker_email, t),
                        at=format_instant(
                            moment=first.asked_at, timezone=me.person.timezone, locale=t.locale
                        ),
                    )
                )
            else:
                lines.append(
                    t(
                        "guardrail.uncovered.group",
                        count=len(questions),
                        text=short(first.text, 160),
                        ids=", ".join(f"#{q.id}" for q in questions),
                    )
                )
            if closest is not None:
                lines.append(
                    t(
                        "guardrail.uncovered.suggest",
                        rule=cards.rule_text(closest, t.locale)[0],
                        id=first.id,
                        rule_id=closest.id,
                    )
                )
        count = sum(len(questions) for questions, _ in groups)
        card = Card(
            title=t.plural("guardrail.uncovered.title", count=count),
            body="\n".join(lines),
            footer=t("guardrail.uncovered.footer"),
        )
        return Reply.of_card(card)

    @staticmethod
    def _is_it(me: Member, org: Org) -> bool:
        """IT people, admins and the topics' Accountables see the uncovered questions."""
        if me.admin or fold(me.person.department) == IT_DEPARTMENT:
            return True
        return any(me.person.email in topic.accountable for topic in org.topics.values())

    # -- approvals ------------------------------------------------------------------------------

    async def _approvals(self, ctx: CommandContext, me: Member, _rest: str) -> Reply:
        t = ctx.t
        email = me.person.email
        async with self._database.session() as session:
            to_decide = await approvals.list_requests(
                session, tenant=me.tenant, decider=email, limit=MAX_LISTED
            )
            mine = await approvals.list_requests(
                session, tenant=me.tenant, requester=email, limit=MAX_LISTED
            )
        org = await self._service.org(tenant=me.tenant)
        zone = me.person.timezone
        pending = [r for r in to_decide if r.is_pending]
        decided = [r for r in to_decide if not r.is_pending][:10]
        fields = [
            Field(
                label=t("guardrail.approvals.to_decide"),
                value="\n".join(cards.request_line(t, r, org.people, zone) for r in pending)
                or t("guardrail.approvals.nothing"),
            ),
            Field(
                label=t("guardrail.approvals.mine"),
                value="\n".join(cards.request_line(t, r, org.people, zone) for r in mine)
                or t("guardrail.approvals.nothing"),
            ),
        ]
        if decided:
            fields.append(
                Field(
                    label=t("guardrail.approvals.decided"),
                    value="\n".join(cards.request_line(t, r, org.people, zone) for r in decided),
                )
            )
        card = Card(
            title=t("guardrail.approvals.title"),
            fields=tuple(fields),
            footer=t("guardrail.approvals.footer"),
        )
        return Reply.of_card(card)

    async def _request_of(self, me: Member, text: str) -> ApprovalView | None:
        found = _ID.match(text.strip())
        if found is None:
            return None
        request = await self._service.get(tenant=me.tenant, request_id=int(found.group(1)))
        if request is None:
            return None
        email = me.person.email
        if me.admin or email == request.requester_email or email in request.deciders():
            return request
        return None  # other people's requests are not shown (nor said to exist)

    async def _show(self, ctx: CommandContext, me: Member, rest: str) -> Reply:
        t = ctx.t
        request = await self._request_of(me, rest)
        if request is None:
            return Reply(text=t("guardrail.request.not_found", id=short(rest, 20) or "?"))
        org = await self._service.org(tenant=me.tenant)
        async with self._database.session() as session:
            events = await approvals.request_events(
                session, tenant=me.tenant, request_id=request.id
            )
        card = cards.approval_card(
            t,
            request=request,
            people=org.people,
            viewer=me.person.email,
            timezone=me.person.timezone,
        )
        history = cards.history_lines(t, events, org.people, me.person.timezone)
        card = Card(
            title=card.title,
            body=card.body,
            fields=(*card.fields, Field(label=t("guardrail.history"), value=history)),
            buttons=card.buttons,
        )
        return Reply.of_card(card)

    async def _approve(self, ctx: CommandContext, me: Member, rest: str) -> Reply:
        """``/guardrail approve ID``: as the request card's Approve button."""
        number = rest.partition(" ")[0]
        request = await self._request_of(me, number)
        if request is None:
            return Reply(text=ctx.t("guardrail.request.not_found", id=short(number, 20) or "?"))
        return await self._close(ctx.t, me, request, "approved", "")

    async def _reject(self, ctx: CommandContext, me: Member, rest: str) -> Reply:
        """``/guardrail reject ID REASON``: as the Deny button (which asks the reason when
        none is given)."""
        number, _, reason = rest.partition(" ")
        request = await self._request_of(me, number)
        if request is None:
            return Reply(text=ctx.t("guardrail.request.not_found", id=short(number, 20) or "?"))
        return await self._close(ctx.t, me, request, "denied", reason)

    async def _withdraw(self, ctx: CommandContext, me: Member, rest: str) -> Reply:
        request = await self._request_of(me, rest)
        if request is None:
            return Reply(text=ctx.t("guardrail.request.not_found", id=short(rest, 20) or "?"))
        return await self._close(ctx.t, me, request, "withdrawn", "")

    async def _close(
        self, t: Translator, me: Member, request: ApprovalView, status: str, reason: str
    ) -> Reply:
        org = await self._service.org(tenant=me.tenant)
        email = me.person.email
        if status == "withdrawn":
            if email != request.requester_email:
                return Reply(text=t("guardrail.withdraw.refused"))
        elif email not in request.deciders() and not me.admin:
            names = t.list([who(org.people, e, t) for e in request.deciders()])
            return Reply(text=t("guardrail.decide.refused", who=names))
        if status == "denied" and not reason.strip():
            return cards.text_form(t, request=request, kind="deny")
        if not request.is_pending:
            return Reply(
                text=t(
                    "guardrail.request.closed",
                    id=request.id,
                    status=cards.status_line(t, request, org.people, me.person.timezone),
                )
            )
        after = await self._service.close(
            key=me.key,
            tenant=me.tenant,
            org=org,
            request=request,
            by=me.person,
            status=status,
            reason=short(reason.strip(), MAX_FORM_TEXT),
        )
        if after is None:
            fresh = await self._service.get(tenant=me.tenant, request_id=request.id) or request
            return Reply(
                text=t(
                    "guardrail.request.closed",
                    id=request.id,
                    status=cards.status_line(t, fresh, org.people, me.person.timezone),
                )
            )
        return Reply(text=t(f"guardrail.done.{status}", id=after.id))

    # -- buttons and forms --------------------------------------------------------------------

    async def _action(self, ctx: ActionContext) -> Reply:
        t = ctx.t
        me = await self._me(ctx.actor)
        if me is None:
            return Reply(text=t("guardrail.unknown_person"))
        prefix, _, value = ctx.event.action_id.partition(":")
        prefix += ":"
        inputs = ctx.event.inputs or {}
        if prefix == cards.PICK:
            return await self._picked(t, me, rule_id=value, question=ctx.event.value)
        if prefix == cards.NONE_FITS:
            return await self._none_fits(t, me, question=ctx.event.value)
        if prefix == cards.FILE:
            return await self._file(t, me, ctx.event.value, value)
        if prefix in (cards.NEW_RULE, cards.NEW_RULE_SENT):
            return await self._new_rule(
                t, me, value, inputs if prefix == cards.NEW_RULE_SENT else None
            )
        if prefix in (cards.REQUEST, cards.REQUESTED):
            return await self._request(t, me, prefix, value, ctx.event.value, inputs)
        if prefix == cards.REVIEWED:
            return await self._mark_reviewed(t, me, value)
        request = await self._request_of(me, value)
        if request is None:
            return Reply(text=t("guardrail.request.not_found", id=short(value, 20) or "?"))
        text = inputs.get(cards.TEXT, "").strip()
        match prefix:
            case cards.APPROVE:
                return await self._close(t, me, request, "approved", "")
            case cards.DENY:
                return await self._close(t, me, request, "denied", "")
            case cards.DENIED:
                return await self._close(t, me, request, "denied", inputs.get(cards.REASON, ""))
            case cards.WITHDRAW:
                return await self._close(t, me, request, "withdrawn", "")
            case cards.ASK:
                return cards.text_form(t, request=request, kind="ask")
            case cards.REPLY:
                return cards.text_form(t, request=request, kind="reply")
            case cards.ASKED | cards.REPLIED:
                return await self._converse(t, me, request, text)
        return Reply(text=t("error.unknown_action"))

    async def _none_fits(self, t: Translator, me: Member, *, question: str) -> Reply:
        if not question.strip():
            return Reply(text=t("error.unknown_action"))
        org = await self._service.org(tenant=me.tenant)
        asked = await self._service.none_fits(
            key=me.key, tenant=me.tenant, org=org, asker=me.person, question=question
        )
        card = cards.uncovered_card(
            t,
            routed_to=asked.routed_to or (t("guardrail.it.channel") if asked.to_channel else None),
            recorded=asked.recorded is not None,
        )
        return Reply.of_card(card)

    async def _file(self, t: Translator, me: Member, question_text: str, rule_id: str) -> Reply:
        """IT files an uncovered question under a rule (button or typed)."""
        org = await self._service.org(tenant=me.tenant)
        if not self._is_it(me, org):
            return Reply(text=t("guardrail.uncovered.refused"))
        found = _ID.match(question_text.strip())
        if found is None or not rule_id.strip():
            return Reply(text=t("guardrail.filed.usage"))
        number = int(found.group(1))
        filed = await self._service.file_question(
            key=me.key,
            tenant=me.tenant,
            org=org,
            question_id=number,
            rule_id=rule_id.strip(),
            by=me.person,
        )
        if filed is None:
            return Reply(text=t("guardrail.filed.unknown", id=number, rule=short(rule_id, 60)))
        question, outcome = filed
        assert outcome.rule is not None
        title = cards.rule_text(outcome.rule, t.locale)[0]
        asker = org.person(question.asker_email)
        if asker is None or asker.email == me.person.email:
            return Reply(text=t("guardrail.filed.self", id=number, rule=title))
        return Reply(text=t("guardrail.filed.done", id=number, rule=title, asker=asker.name))

    async def _new_rule(
        self, t: Translator, me: Member, number_text: str, inputs: dict[str, str] | None
    ) -> Reply:
        """IT writes the rule an uncovered question was missing (``inputs`` None: the form)."""
        org = await self._service.org(tenant=me.tenant)
        if not self._is_it(me, org):
            return Reply(text=t("guardrail.uncovered.refused"))
        found = _ID.match(number_text.strip())
        question = None
        if found is not None:
            question = await self._service.question(
                tenant=me.tenant, question_id=int(found.group(1))
            )
        if question is None:
            return Reply(text=t("guardrail.filed.unknown", id=short(number_text, 20), rule="-"))
        topic = question.closest_rule and await self._topic_of_rule(me, question.closest_rule)
        if inputs is None:
            return cards.new_rule_reply(
                t, number=question.id, question=question.text, topic=topic or ""
            )
        values = {k: v.strip() for k, v in inputs.items()}
        problem = self._rule_problem(t, values, org)
        if problem:
            return cards.new_rule_reply(
                t,
                number=question.id,
                question=question.text,
                topic=topic or "",
                values=values,
                problem=problem,
            )
        draft = RuleRecord(
            id="",
            title=values[cards.RULE_TITLE],
            topic=_topic_slug(values[cards.RULE_TOPIC], org),
            sensitivity="basic",
            verdict=_VERDICT_WORDS[fold(values[cards.RULE_VERDICT])],
            answer=values[cards.RULE_ANSWER],
        )
        rule = await self._service.create_rule(
            key=me.key, tenant=me.tenant, org=org, question=question, draft=draft, by=me.person
        )
        return Reply(
            text=t("guardrail.newrule.done", id=question.id, rule=rule.title, rule_id=rule.id)
        )

    async def _topic_of_rule(self, me: Member, rule_id: str) -> str | None:
        index = await self._service.index(tenant=me.tenant)
        rule = index.rules.get(rule_id)
        return rule.topic if rule is not None else None

    @staticmethod
    def _rule_problem(t: Translator, values: dict[str, str], org: Org) -> str:
        """What is wrong with a new rule's fields, in the reader's words ("" if nothing)."""
        if not values.get(cards.RULE_TITLE) or not values.get(cards.RULE_ANSWER):
            return t("guardrail.newrule.missing")
        if max(len(v) for v in values.values()) > MAX_FORM_TEXT:
            return t("guardrail.newrule.too_long", limit=MAX_FORM_TEXT)
        if fold(values.get(cards.RULE_VERDICT, "")) not in _VERDICT_WORDS:
            return t(
                "guardrail.newrule.bad_verdict", given=short(values.get(cards.RULE_VERDICT, ""), 40)
            )
        if not _topic_slug(values.get(cards.RULE_TOPIC, ""), org):
            return t(
                "guardrail.newrule.bad_topic",
                given=short(values.get(cards.RULE_TOPIC, ""), 60),
                topics=", ".join(sorted(org.topics)),
            )
        return ""

    async def _picked(self, t: Translator, me: Member, *, rule_id: str, question: str) -> Reply:
        index = await self._service.index(tenant=me.tenant)
        outcome = chosen(index=index, question=question, rule_id=rule_id)
        if outcome is None:
            return Reply(text=t("guardrail.rule.not_found", id=short(rule_id, 60)))
        org = await self._service.org(tenant=me.tenant)
        card = cards.answer_card(t, outcome=outcome, people=org.people, topics=org.topics)
        return Reply.of_card(card)

    async def _request(
        self,
        t: Translator,
        me: Member,
        prefix: str,
        value: str,
        question: str,
        inputs: dict[str, str],
    ) -> Reply:
        rule_id, _, tool_name = value.partition(":")
        index = await self._service.index(tenant=me.tenant)
        rule = index.rules.get(rule_id)
        tool = index.tools.get(tool_name) if tool_name else None
        if rule is None:
            return Reply(text=t("guardrail.rule.not_found", id=short(rule_id, 60)))
        if prefix == cards.REQUEST:
            return cards.request_form_reply(t, rule=rule, tool=tool, question=question)
        what = inputs.get(cards.WHAT, "").strip()
        why = inputs.get(cards.WHY, "").strip()
        if not what or not why:
            return Reply(text=t("guardrail.form.missing"))
        if max(len(what), len(why)) > MAX_FORM_TEXT:
            return Reply(text=t("guardrail.form.too_long", limit=MAX_FORM_TEXT))
        org = await self._service.org(tenant=me.tenant)
        async with self._database.session() as session:  # a form sent twice asks once
            waiting = await approvals.list_requests(
                session, tenant=me.tenant, requester=me.person.email, status="pending"
            )
        same = next((r for r in waiting if r.rule_key == rule.id and r.what == what), None)
        if same is not None:
            return Reply(
                text=t(
                    "guardrail.request.already",
                    id=same.id,
                    who=t.list([who(org.people, e, t) for e in same.deciders()]),
                )
            )
        request = await self._service.request(
            key=me.key,
            tenant=me.tenant,
            org=org,
            requester=me.person,
            rule=rule,
            tool=tool,
            what=what,
            why=why,
            how_long=short(inputs.get(cards.HOW_LONG, "").strip(), 200),
        )
        if request is None:
            return Reply(text=t("guardrail.request.no_approver", topic=rule.topic))
        return Reply(
            text=t(
                "guardrail.request.sent",
                id=request.id,
                who=who(org.people, request.approver_email, t),
            )
        )

    async def _converse(self, t: Translator, me: Member, request: ApprovalView, text: str) -> Reply:
        if not text:
            return Reply(text=t("guardrail.form.missing"))
        if len(text) > MAX_FORM_TEXT:
            return Reply(text=t("guardrail.form.too_long", limit=MAX_FORM_TEXT))
        if not request.is_pending:
            return Reply(text=t("guardrail.request.closed", id=request.id, status=request.status))
        org = await self._service.org(tenant=me.tenant)
        told = await self._service.converse(
            key=me.key, tenant=me.tenant, org=org, request=request, by=me.person, text=text
        )
        return Reply(text=t("guardrail.sent_to", who=t.list(told) if told else t("list.none")))

    # -- the home -----------------------------------------------------------------------------

    async def _home(self, actor: Actor, t: Translator) -> Field | None:
        me = await self._me(actor)
        if me is None:
            return None
        async with self._database.session() as session:
            found = await approvals.list_requests(
                session, tenant=me.tenant, decider=me.person.email, status="pending", limit=10
            )
        if not found:
            return None
        org = await self._service.org(tenant=me.tenant)
        return Field(
            label=t("home.approvals"),
            value="\n".join(
                cards.request_line(t, r, org.people, me.person.timezone) for r in found
            ),
        )
