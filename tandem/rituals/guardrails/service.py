"""What happens to a guardrail question and an approval request, whoever triggers it.

``/guardrail`` (``ritual.py``), the timed reminders (``engine.py``) and the
``tandem guardrail`` command all go through here.
"""

from __future__ import annotations

import asyncio
import logging
import re
from collections import Counter
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, replace
from datetime import datetime
from typing import TYPE_CHECKING

from tandem.bot.cards import Reply
from tandem.bot.clock import Clock
from tandem.bot.i18n import Translator
from tandem.bot.text import fold
from tandem.bot.types import ConversationKind, ConversationRef, MessageRef, TenantKey
from tandem.rituals.common.org import Org
from tandem.rituals.common.reach import Reach
from tandem.rituals.common.topic_meaning import RuleHint
from tandem.rituals.common.wording import short, who
from tandem.rituals.common.working_time import Calendar, local_date
from tandem.rituals.guardrails import cards
from tandem.rituals.guardrails.catalogue import embed_question, load_index, topic_hint
from tandem.rituals.guardrails.matcher import GuardrailIndex
from tandem.rituals.guardrails.outcome import UNCOVERED, Outcome, chosen, decide
from tandem.storage.database import Database
from tandem.storage.records import (
    ApprovalView,
    ContactView,
    QuestionView,
    RuleRecord,
    TenantRef,
    ToolRecord,
)
from tandem.storage.repositories import approvals, guardrails, tenants

if TYPE_CHECKING:
    from tandem.meaning.port import Embedder, Vectors
    from tandem.meaning.rerank import Reranker

log = logging.getLogger(__name__)
OrgSource = Callable[[TenantRef], Awaitable[Org]]
RERANK_TOP = 4  # rules shown to the re-ranker
NEW_RULE_REVIEW_DAYS = 365
REMIND_AFTER_DAYS = 1
ESCALATE_AFTER_DAYS = 3
_IT_LEAD = re.compile(
    r"\b(cio|dsi|it director|head of it|chief information officer"
    r"|directeur des systemes d information|directrice des systemes d information)\b"
)


@dataclass(frozen=True, slots=True)
class Asked:
    """A question answered: the outcome, and for an uncovered one where it went."""

    outcome: Outcome
    recorded: QuestionView | None = None
    routed_to: str | None = None
    to_channel: bool = False


def slug_of(title: str) -> str:
    """A rule id made from a title: folded words joined by dashes (at most 60 letters)."""
    return "-".join(fold(title).split())[:60].strip("-")


def _worth_reranking(outcome: Outcome) -> bool:
    """Not sure, no tool named, and rules close enough to choose from."""
    match = outcome.match
    return (
        not outcome.confident
        and outcome.tool is None
        and bool(match.candidates)
        and (bool(outcome.alternatives) or match.close_topic is not None)
    )


def it_lead(org: Org) -> ContactView | None:
    """The CIO-level person approvals escalate to: by role (CIO, DSI…), else the person
    Accountable for the most topics."""
    for person in org.people.values():
        if _IT_LEAD.search(fold(person.role)):
            return person
    counts = Counter(e for topic in org.topics.values() for e in topic.accountable)
    for email, _ in counts.most_common():
        if email in org.people:
            return org.people[email]
    return None


def calendar(person: ContactView, org: Org) -> Calendar:
    """A person's working time under the tenant's hours."""
    return org.calendar(person)


def approval_steps(request: ApprovalView, org: Org) -> list[tuple[str, datetime]]:
    """The reminder (1 working day) and the escalation (3 working days) of a pending
    request, counted in its approver's working time."""
    approver = org.person(request.approver_email)
    if not request.is_pending or approver is None:
        return []
    days = calendar(approver, org)
    found = [("remind", days.add_days(request.created_at, REMIND_AFTER_DAYS))]
    if request.level < 1:
        found.append(("escalate", days.add_days(request.created_at, ESCALATE_AFTER_DAYS)))
    return found


class GuardrailService:
    """Guardrail questions and approvals over the database and the platform ports."""

    def __init__(
        self,
        *,
        database: Database,
        clock: Clock,
        reach: Reach,
        orgs: OrgSource,
        embedder: Embedder | None = None,
        reranker: Reranker | None = None,
    ) -> None:
        self._database = database
        self._embedder = embedder
        self._reranker = reranker
        self._clock = clock
        self.reach = reach
        self._orgs = orgs
        self._indexes: dict[int, tuple[int, GuardrailIndex]] = {}
        self._listeners: list[Callable[[], Awaitable[None]]] = []

    def on_change(self, listener: Callable[[], Awaitable[None]]) -> None:
        """Call ``listener`` when a request's next step moved (the scheduler rebuilds)."""
        self._listeners.append(listener)

    async def changed(self) -> None:
        """Tell the listeners that what is due may have moved."""
        for listener in self._listeners:
            try:
                await listener()
            except Exception:
                log.exception("a guardrail change listener failed")

    def now(self) -> datetime:
        """The injected clock's instant."""
        return self._clock.now()

    async def tenant(self, key: TenantKey) -> TenantRef | None:
        """The stored tenant for ``key``."""
        async with self._database.session() as session:
            return await tenants.find_tenant(session, key=key)

    async def org(self, *, tenant: TenantRef) -> Org:
        """People, topics and policy of a tenant."""
        return await self._orgs(tenant)

    async def index(self, *, tenant: TenantRef, org: Org | None = None) -> GuardrailIndex:
        """The tenant's rules and tools, indexed once per revision of its organisation files."""
        async with self._database.session() as session:
            revision = await tenants.raci_revision(session, tenant=tenant)
        cached = self._indexes.get(tenant.id)
        if cached is not None and cached[0] == revision:
            return cached[1]
        index = await load_index(
            database=self._database,
            tenant=tenant,
            org=org or await self.org(tenant=tenant),
            embedder=self._embedder,
        )
        self._indexes[tenant.id] = (revision, index)
        return index

    async def topic_hint(self, tenant: TenantRef, question: str, meaning: Vectors) -> RuleHint:
        """The RACI topics of the rules ``question`` falls under (for ``/who-owns``)."""
        return topic_hint(index=await self.index(tenant=tenant), question=question, meaning=meaning)

    # -- questions ----------------------------------------------------------------------------

    async def ask(
        self,
        *,
        key: TenantKey,
        tenant: TenantRef,
        org: Org,
        asker: ContactView,
        question: str,
        index: GuardrailIndex | None = None,
    ) -> Asked:
        """Answer ``question`` (with ``index`` when the caller has it already); an uncovered
        one is recorded and sent to IT."""
        index = index or await self.index(tenant=tenant, org=org)
        meaning = await embed_question(index=index, question=question)
        outcome = decide(index=index, question=question, meaning=meaning)
        if self._reranker is not None and _worth_reranking(outcome):
            outcome = await self._rerank(self._reranker, index, outcome)
        if outcome.verdict != UNCOVERED or outcome.alternatives:
            return Asked(outcome=outcome)
        return await self._route_uncovered(key, tenant, org, index, asker, outcome)

    @staticmethod
    async def _rerank(reranker: Reranker, index: GuardrailIndex, outcome: Outcome) -> Outcome:
        """Let the language model pick among the close rules, or say none covers it."""
        from tandem.meaning.rerank import Choice

        close = [index.rules[c.rule] for c in outcome.match.candidates[:RERANK_TOP]]
        picked = await reranker.choose(
            question=outcome.question,
            choices=[Choice(id=r.id, title=r.title, summary=short(r.answer, 240)) for r in close],
        )
        if picked is None:
            return outcome
        if picked.rule is None:
            return Outcome(
                question=outcome.question,
                verdict=UNCOVERED,
                match=outcome.match,
                reranked_by=picked.model,
            )
        found = chosen(index=index, question=outcome.question, rule_id=picked.rule)
        return outcome if found is None else replace(found, reranked_by=picked.model)

    async def none_fits(
        self, *, key: TenantKey, tenant: TenantRef, org: Org, asker: ContactView, question: str
    ) -> Asked:
        """The asker said none of the rules offered fits: the question goes to IT as an
        uncovered one, with the rules offered as IT's first candidates."""
        index = await self.index(tenant=tenant, org=org)
        meaning = await embed_question(index=index, question=question)
        match = index.match(question, meaning=meaning)
        outcome = Outcome(question=question, verdict=UNCOVERED, match=match)
        return await self._route_uncovered(key, tenant, org, index, asker, outcome)

    async def question(self, *, tenant: TenantRef, question_id: int) -> QuestionView | None:
        """One uncovered question of the tenant."""
        async with self._database.session() as session:
            return await approvals.get_question(session, tenant=tenant, question_id=question_id)

    async def create_rule(
        self,
        *,
        key: TenantKey,
        tenant: TenantRef,
        org: Org,
        question: QuestionView,
        draft: RuleRecord,
        by: ContactView,
    ) -> RuleRecord:
        """Add the rule IT wrote for an uncovered question (an id made from its title, the
        question as its first example, reviewed today) and file the question under it."""
        async with self._database.session() as session:
            rules = await guardrails.list_rules(session, tenant=tenant)
            taken = {r.id for r in rules}
            base = slug_of(draft.title) or "rule"
            rule_id = next(
                c for c in (base, *(f"{base}-{n}" for n in range(2, 1000))) if c not in taken
            )
            rule = replace(
                draft,
                id=rule_id,
                examples=(question.text,),
                review_every_days=draft.review_every_days or NEW_RULE_REVIEW_DAYS,
                last_reviewed=local_date(self.now(), by.timezone),
            )
            await guardrails.upsert_rules(session, tenant=tenant, records=[*rules, rule])
        self._indexes.pop(tenant.id, None)
        await self.file_question(
            key=key, tenant=tenant, org=org, question_id=question.id, rule_id=rule.id, by=by
        )
        await self.changed()
        return rule

    async def open_questions(
        self, *, tenant: TenantRef, org: Org, limit: int
    ) -> list[tuple[list[QuestionView], RuleRecord | None]]:
        """The open uncovered questions, those asking the same thing grouped (with a model),
        each group with the rule closest to it, if one is close."""
        async with self._database.session() as session:
            found = await approvals.list_questions(session, tenant=tenant, limit=limit)
        if not found:
            return []
        index = await self.index(tenant=tenant, org=org)
        texts = [q.text for q in found]
        groups = [[i] for i in range(len(found))]
        meanings: list[Vectors | None] = [None] * len(found)
        if index.semantic is not None:
            from tandem.rituals.guardrails.semantic import group_similar

            vectors = await asyncio.to_thread(index.semantic.embedder.queries, texts)
            groups = group_similar(vectors)
            meanings = list(vectors)
        listed = []
        for group in groups:
            first = group[0]
            match = index.match(texts[first], meaning=meanings[first])
            closest = (
                index.rules.get(match.rule or "")
                if match.close_topic or match.alternatives
                else None
            )
            listed.append(([found[i] for i in group], closest))
        return listed

    async def file_question(
        self,
        *,
        key: TenantKey,
        tenant: TenantRef,
        org: Org,
        question_id: int,
        rule_id: str,
        by: ContactView,
    ) -> tuple[QuestionView, Outcome] | None:
        """IT says which rule covers an uncovered question: the question becomes one of the
        rule's examples (the next similar question is answered directly, on every replica:
        the catalogue's revision moves) and the asker gets the rule's answer. None when the
        question or the rule is not the tenant's."""
        index = await self.index(tenant=tenant, org=org)
        rule = index.rules.get(rule_id)
        if rule is None:
            return None
        async with self._database.session() as session:
            question = await approvals.get_question(session, tenant=tenant, question_id=question_id)
            if question is None:
                return None
            await approvals.file_question(
                session,
                tenant=tenant,
                question_id=question_id,
                rule_key=rule.id,
                by=by.email,
                at=self.now(),
            )
            await tenants.bump_raci_revision(session, tenant=tenant)
        self._indexes.pop(tenant.id, None)
        outcome = chosen(index=index, question=question.text, rule_id=rule.id)
        assert outcome is not None
        asker = org.person(question.asker_email)
        if asker is not None and asker.email != by.email:
            t = Translator(locale=asker.locale)
            card = cards.answer_card(t, outcome=outcome, people=org.people, topics=org.topics)
            intro = t(
                "guardrail.filed.intro",
                who=by.name,
                id=question.id,
                question=short(question.text, 200),
            )
            card = replace(card, body=f"{intro}\n\n{card.body}")
            await self.reach.tell(
                key=key,
                tenant=tenant,
                member=asker,
                reply=Reply.of_card(card, ephemeral=False, locale=t.locale),
            )
        return question, outcome

    async def _route_uncovered(
        self,
        key: TenantKey,
        tenant: TenantRef,
        org: Org,
        index: GuardrailIndex,
        asker: ContactView,
        outcome: Outcome,
    ) -> Asked:
        close_topic = outcome.match.close_topic
        close_rule = index.rules.get(outcome.match.rule or "") if close_topic else None
        candidates = [
            index.rules[c.rule] for c in outcome.match.candidates[:3] if c.rule in index.rules
        ]
        target = org.accountable(close_topic)
        channel = org.channel
        routed = target.email if target else ("#escalation" if channel else "")
        async with self._database.session() as session:
            recorded = await approvals.add_question(
                session,
                tenant=tenant,
                text=outcome.question,
                asker_email=asker.email,
                routed_to=routed,
                closest_rule=close_rule.id if close_rule else None,
                at=self.now(),
            )
        told, to_channel = None, False
        if target is not None and target.email != asker.email:
            t = Translator(locale=target.locale)
            reply = cards.question_for_it(
                t,
                question=outcome.question,
                asker=asker.name,
                close_rule=close_rule,
                number=recorded.id,
                candidates=candidates,
            )
            if await self.reach.tell(key=key, tenant=tenant, member=target, reply=reply):
                told = target.name
        elif channel is not None:
            t = Translator(locale=org.channel_locale)
            reply = cards.question_for_it(
                t,
                question=outcome.question,
                asker=asker.name,
                close_rule=None,
                number=recorded.id,
                candidates=candidates,
            )
            conversation = ConversationRef(
                tenant=key,
                id=channel.id,
                kind=ConversationKind(channel.kind),
                reference=channel.reference,
            )
            try:
                await self.reach.port(key).send(conversation=conversation, reply=reply)
                to_channel = True
            except Exception as error:
                log.warning("could not post an uncovered question: %s", type(error).__name__)
        return Asked(outcome=outcome, recorded=recorded, routed_to=told, to_channel=to_channel)

    # -- approval requests --------------------------------------------------------------------

    async def request(
        self,
        *,
        key: TenantKey,
        tenant: TenantRef,
        org: Org,
        requester: ContactView,
        rule: RuleRecord,
        tool: ToolRecord | None,
        what: str,
        why: str,
        how_long: str,
    ) -> ApprovalView | None:
        """Record a request and send it to the Accountable of the rule's topic; None when the
        topic has nobody Accountable in the people file."""
        approver = org.accountable(rule.topic)
        if approver is None:
            return None
        now = self.now()
        async with self._database.session() as session:
            request = await approvals.add_request(
                session,
                tenant=tenant,
                rule_key=rule.id,
                rule_title=rule.title,
                topic_slug=rule.topic,
                requester_email=requester.email,
                approver_email=approver.email,
                what=what,
                why=why,
                how_long=how_long,
                question="",
                tool_name=tool.name if tool else None,
                at=now,
                next_check_at=None,
            )
        await self._reschedule(tenant, org, request)
        t = Translator(locale=approver.locale)
        await self.send_card(
            key=key,
            tenant=tenant,
            org=org,
            request=request,
            person=approver,
            intro=t("guardrail.request.intro", who=requester.name),
        )
        await self.send_card(key=key, tenant=tenant, org=org, request=request, person=requester)
        return request

    async def get(self, *, tenant: TenantRef, request_id: int) -> ApprovalView | None:
        """One request of the tenant."""
        async with self._database.session() as session:
            return await approvals.get_request(session, tenant=tenant, request_id=request_id)

    async def send_card(
        self,
        *,
        key: TenantKey,
        tenant: TenantRef,
        org: Org,
        request: ApprovalView,
        person: ContactView,
        intro: str = "",
    ) -> str | None:
        """DM ``person`` the request's card and remember it to update it later."""
        t = Translator(locale=person.locale)
        card = cards.approval_card(
            t,
            request=request,
            people=org.people,
            viewer=person.email,
            timezone=person.timezone,
            intro=intro,
        )
        try:
            sent = await self.reach.dm(
                key=key,
                tenant=tenant,
                member=person,
                reply=Reply.of_card(card, ephemeral=False, locale=t.locale),
            )
        except Exception as error:
            log.warning("could not send request #%s: %s", request.id, type(error).__name__)
            return None
        async with self._database.session() as session:
            await approvals.save_message(
                session,
                tenant=tenant,
                request_id=request.id,
                recipient_email=person.email,
                conversation_id=sent.conversation.id,
                conversation_kind=sent.conversation.kind.value,
                reference=sent.conversation.reference,
                message_id=sent.id,
            )
        return sent.id

    async def refresh(
        self, *, key: TenantKey, tenant: TenantRef, org: Org, request: ApprovalView
    ) -> int:
        """Update every card sent about ``request`` to show where it stands; how many were."""
        async with self._database.session() as session:
            messages = await approvals.request_messages(
                session, tenant=tenant, request_id=request.id
            )
        updated = 0
        for message in messages:
            person = org.person(message.recipient_email)
            t = Translator(locale=person.locale if person else "en")
            card = cards.approval_card(
                t,
                request=request,
                people=org.people,
                viewer=message.recipient_email,
                timezone=person.timezone if person else "UTC",
            )
            ref = MessageRef(
                conversation=ConversationRef(
                    tenant=key,
                    id=message.conversation_id,
                    kind=ConversationKind(message.conversation_kind),
                    reference=message.reference,
                ),
                id=message.message_id,
            )
            try:
                await self.reach.port(key).update(
                    message=ref, reply=Reply.of_card(card, ephemeral=False, locale=t.locale)
                )
                updated += 1
            except Exception as error:
                log.warning("could not update a card of #%s: %s", request.id, type(error).__name__)
        return updated

    async def close(
        self,
        *,
        key: TenantKey,
        tenant: TenantRef,
        org: Org,
        request: ApprovalView,
        by: ContactView,
        status: str,
        reason: str = "",
    ) -> ApprovalView | None:
        """Approve, deny or withdraw; the cards are updated and the other side told.
        None when the request was no longer pending."""
        async with self._database.session() as session:
            closed = await approvals.close_request(
                session,
                tenant=tenant,
                request_id=request.id,
                status=status,
                by=by.email,
                at=self.now(),
                reason=reason,
            )
            after = await approvals.get_request(session, tenant=tenant, request_id=request.id)
        if not closed or after is None:
            return None
        await self.refresh(key=key, tenant=tenant, org=org, request=after)
        if status == "withdrawn":
            others = [org.person(e) for e in after.deciders()]
            key_text = "guardrail.notice.withdrawn"
        else:
            others = [org.person(after.requester_email)]
            key_text = f"guardrail.notice.{status}"
        for person in others:
            if person is None or person.email == by.email:
                continue
            t = Translator(locale=person.locale)
            text = t(
                key_text,
                id=after.id,
                rule=after.rule_title,
                who=by.name,
                reason=reason or t("guardrail.no_reason"),
            )
            await self.reach.tell(
                key=key, tenant=tenant, member=person, reply=Reply(text=text, ephemeral=False)
            )
        await self.changed()
        return after

    async def converse(
        self,
        *,
        key: TenantKey,
        tenant: TenantRef,
        org: Org,
        request: ApprovalView,
        by: ContactView,
        text: str,
    ) -> list[str]:
        """A decider's question to the requester, or the requester's reply to the deciders;
        kept with the request. Returns the names of those told."""
        asking = by.email != request.requester_email
        async with self._database.session() as session:
            await approvals.add_event(
                session,
                tenant=tenant,
                request_id=request.id,
                kind="question" if asking else "reply",
                actor_email=by.email,
                detail=text,
                at=self.now(),
            )
        targets = [request.requester_email] if asking else list(request.deciders())
        told = []
        for email in targets:
            person = org.person(email)
            if person is None or person.email == by.email:
                continue
            t = Translator(locale=person.locale)
            body = t(
                "guardrail.notice.question" if asking else "guardrail.notice.reply",
                id=request.id,
                who=by.name,
                text=text,
            )
            reply = cards.text_form(
                t, request=request, kind="reply" if asking else "ask", body=body, sent=True
            )
            if await self.reach.tell(key=key, tenant=tenant, member=person, reply=reply):
                told.append(person.name)
        return told

    async def escalate(
        self, *, key: TenantKey, tenant: TenantRef, org: Org, request: ApprovalView
    ) -> str | None:
        """Send a pending request to the IT lead; their message id, None when nobody above."""
        lead = it_lead(org)
        if lead is None or lead.email in request.deciders():
            return None
        async with self._database.session() as session:
            climbed = await approvals.escalate_request(
                session, tenant=tenant, request_id=request.id, to=lead.email, at=self.now()
            )
            after = await approvals.get_request(session, tenant=tenant, request_id=request.id)
        if not climbed or after is None:
            return None
        await self.refresh(key=key, tenant=tenant, org=org, request=after)  # "waiting for both"
        t = Translator(locale=lead.locale)
        sent = await self.send_card(
            key=key,
            tenant=tenant,
            org=org,
            request=after,
            person=lead,
            intro=t(
                "guardrail.escalated.intro",
                who=who(org.people, after.approver_email, t),
                days=ESCALATE_AFTER_DAYS,
            ),
        )
        requester = org.person(after.requester_email)
        if requester is not None:
            tr = Translator(locale=requester.locale)
            await self.reach.tell(
                key=key,
                tenant=tenant,
                member=requester,
                reply=Reply(
                    text=tr("guardrail.notice.escalated", id=after.id, who=lead.name),
                    ephemeral=False,
                ),
            )
        return sent

    async def _reschedule(self, tenant: TenantRef, org: Org, request: ApprovalView) -> None:
        now = self.now()
        upcoming = [at for _, at in approval_steps(request, org) if at > now]
        async with self._database.session() as session:
            await approvals.set_request_check(
                session, tenant=tenant, request_id=request.id, at=min(upcoming, default=None)
            )
        await self.changed()

    async def mark_reviewed(
        self, *, tenant: TenantRef, rule_id: str, by: ContactView
    ) -> RuleRecord | None:
        """Record that ``by`` reviewed a rule today (their date)."""
        today = local_date(self.now(), by.timezone)
        async with self._database.session() as session:
            found = await guardrails.mark_reviewed(
                session, tenant=tenant, rule_id=rule_id, on=today
            )
        await self.changed()
        return found
