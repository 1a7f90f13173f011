"""What happens to an answer, a prompt, a reminder and a summary, whoever triggers it.

Chat commands (``ritual.py``) and the scheduler (``engine.py``) both go through
here, so an answer given by modal, card or text is posted and summarised the same way.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

from tandem.bot.cards import Reply
from tandem.bot.clock import Clock
from tandem.bot.i18n import Translator
from tandem.bot.mentions import mention
from tandem.bot.port import ChatPort, Ports
from tandem.bot.types import ConversationKind, ConversationRef, MessageRef, TenantKey, User
from tandem.rituals.common.reach import Reach, Unreachable
from tandem.rituals.standup import cards, timing
from tandem.rituals.standup.questions import blocker_text
from tandem.storage.database import Database
from tandem.storage.records import (
    AnswerView,
    BlockerView,
    RunView,
    StandupMemberView,
    StandupView,
    TenantRef,
)
from tandem.storage.repositories import blockers, people, standups, tenants

log = logging.getLogger(__name__)
BlockerListener = Callable[[TenantKey, TenantRef, BlockerView], Awaitable[None]]


class Outcome(StrEnum):
    """What became of an answer."""

    SAVED = "saved"
    POSTED = "posted"
    UPDATED = "updated"
    LATE = "late"
    UNPOSTED = "unposted"
    CLOSED = "closed"
    DELETED = "deleted"
    NOT_A_MEMBER = "not_a_member"


@dataclass(frozen=True, slots=True)
class Answered:
    """The result of :meth:`StandupService.answer`."""

    outcome: Outcome
    answer: AnswerView | None = None
    blocker: str | None = None


class StandupService:
    """Stand-up operations over the database and the platform ports."""

    def __init__(self, *, database: Database, ports: Ports, clock: Clock) -> None:
        self._database = database
        self.reach = Reach(database=database, ports=ports)
        self._blocker_listeners: list[BlockerListener] = []
        self._clock = clock

    def now(self) -> datetime:
        """The injected clock's instant."""
        return self._clock.now()

    def on_blocker(self, listener: BlockerListener) -> None:
        """Hand each blocker an answer raises (or edits) to ``listener`` (blocker routing)."""
        self._blocker_listeners.append(listener)

    async def _raised(self, key: TenantKey, tenant: TenantRef, blocker: BlockerView) -> None:
        for listener in self._blocker_listeners:
            try:
                await listener(key, tenant, blocker)
            except Exception:  # the answer is kept whatever happens to the routing
                log.exception("routing a stand-up blocker failed")

    # -- looking things up ------------------------------------------------------------------

    async def tenant(self, key: TenantKey) -> TenantRef | None:
        """The stored tenant for ``key``."""
        async with self._database.session() as session:
            return await tenants.find_tenant(session, key=key)

    async def standups(self, *, tenant: TenantRef) -> list[StandupView]:
        """The tenant's live stand-ups."""
        async with self._database.session() as session:
            return await standups.list_standups(session, tenant=tenant)

    async def standup(self, *, tenant: TenantRef, standup_id: int) -> StandupView | None:
        """One stand-up, deleted ones included."""
        async with self._database.session() as session:
            return await standups.get_standup(session, tenant=tenant, standup_id=standup_id)

    def port(self, key: TenantKey) -> ChatPort:
        """The port that reaches the tenant; raises :class:`Unreachable` when none runs here."""
        return self.reach.port(key)

    async def user_of(
        self, *, key: TenantKey, tenant: TenantRef, member: StandupMemberView
    ) -> User:
        """The platform user to DM: a known identity, else looked up by email and remembered."""
        return await self.reach.user_of(key=key, tenant=tenant, member=member)

    def channel(
        self, key: TenantKey, standup: StandupView, *, thread: str | None = None
    ) -> ConversationRef:
        """The stand-up's channel (or a thread in it)."""
        return ConversationRef(
            tenant=key,
            id=standup.channel.id,
            kind=ConversationKind(standup.channel.kind),
            thread=thread,
            reference=standup.channel.reference,
        )

    async def owner_translator(self, *, tenant: TenantRef, standup: StandupView) -> Translator:
        """Channel posts speak the language of the stand-up's owner."""
        async with self._database.session() as session:
            owner = await people.find_person(session, tenant=tenant, email=standup.owner_email)
        return Translator(locale=owner.locale if owner else None)

    # -- answers ----------------------------------------------------------------------------

    async def run(
        self, *, tenant: TenantRef, standup: StandupView, run_date: date, slot: int
    ) -> RunView:
        """The run, created when first needed."""
        async with self._database.session() as session:
            return await standups.ensure_run(
                session,
                tenant=tenant,
                standup_id=standup.id,
                run_date=run_date,
                slot=slot,
                cutoff_at=timing.cutoff_at(standup, run_date, slot),
            )

    async def existing_answer(
        self, *, tenant: TenantRef, run_id: int, person_id: int
    ) -> AnswerView | None:
        """A member's answer to a run, if any."""
        async with self._database.session() as session:
            answers = await standups.run_answers(session, tenant=tenant, run_id=run_id)
        return next((a for a in answers if a.person_id == person_id), None)

    async def answer(
        self,
        *,
        key: TenantKey,
        tenant: TenantRef,
        standup: StandupView,
        member: StandupMemberView,
        run_date: date,
        slot: int,
        answers: Sequence[str],
        complete: bool = True,
        skipped: bool = False,
    ) -> Answered:
        """Record a member's answers (or skip), post them, and refresh a summary already out.

        A complete answer can be edited until the cut-off; after it, a first answer is
        recorded as late and added to the summary, and edits are refused.
        """
        if standup.deleted:
            return Answered(Outcome.DELETED)
        if all(m.person_id != member.person_id for m in standup.members):
            return Answered(Outcome.NOT_A_MEMBER)
        run = await self.run(tenant=tenant, standup=standup, run_date=run_date, slot=slot)
        now = self._clock.now()
        late = now >= run.cutoff_at
        before = await self.existing_answer(
            tenant=tenant, run_id=run.id, person_id=member.person_id
        )
        if late and before is not None and (before.complete or before.skipped):
            return Answered(Outcome.CLOSED, before)
        texts = [a.strip() for a in answers]  # their length is checked where typed
        async with self._database.session() as session:
            saved = await standups.save_answer(
                session,
                tenant=tenant,
                run_id=run.id,
                person_id=member.person_id,
                answers=texts,
                complete=complete and not skipped,
                skipped=skipped,
                late=late,
                at=now,
            )
            blocker = blocker_text(standup.settings, saved.answers) if saved.complete else None
            raised = None
            if blocker:
                raised = await blockers.add_blocker(
                    session,
                    tenant=tenant,
                    text=blocker,
                    reporter_email=member.email,
                    source="standup",
                    standup_run_id=run.id,
                    at=now,
                )
            elif saved.complete:
                await blockers.withdraw_standup_blocker(
                    session, tenant=tenant, standup_run_id=run.id, reporter_email=member.email
                )
        if raised is not None:
            await self._raised(key, tenant, raised)
        if not saved.complete and not skipped:
            return Answered(Outcome.SAVED, saved)
        outcome = Outcome.LATE if late else Outcome.POSTED
        try:
            if saved.complete:
                edited = await self._post_answer(
                    key=key, tenant=tenant, standup=standup, run=run, member=member, answer=saved
                )
                if edited and not late:
                    outcome = Outcome.UPDATED
            if run.summary_id:
                await self.refresh_summary(key=key, tenant=tenant, standup=standup, run_id=run.id)
        except Unreachable:  # kept: the cut-off summary reads the stored answers
            log.warning("a stand-up answer was saved but its channel cannot be reached from here")
            return Answered(Outcome.UNPOSTED, saved, blocker)
        return Answered(outcome, saved, blocker)

    async def _post_answer(
        self,
        *,
        key: TenantKey,
        tenant: TenantRef,
        standup: StandupView,
        run: RunView,
        member: StandupMemberView,
        answer: AnswerView,
    ) -> bool:
        """Post the answer in the day's thread, or update the post; True when updated."""
        port = self.port(key)
        t = await self.owner_translator(tenant=tenant, standup=standup)
        thread = run.thread_id
        if thread is None:
            root = await port.send(
                conversation=self.channel(key, standup),
                reply=Reply.of_card(
                    cards.thread_root(t=t, standup=standup, run_date=run.run_date), ephemeral=False
                ),
            )
            thread = root.id
            async with self._database.session() as session:
                await standups.update_run(session, tenant=tenant, run_id=run.id, thread_id=thread)
        post = Reply.of_card(
            cards.answer_post(
                t=t, standup=standup, who=member.name, answers=answer.answers, late=answer.late
            ),
            ephemeral=False,
        )
        where = self.channel(key, standup, thread=thread)
        if answer.message_id:
            await port.update(
                message=MessageRef(conversation=where, id=answer.message_id), reply=post
            )
            return True
        sent = await port.send(conversation=where, reply=post)
        async with self._database.session() as session:
            await standups.set_answer_message(
                session, tenant=tenant, answer_id=answer.id, message_id=sent.id
            )
        return False

    # -- summary ----------------------------------------------------------------------------

    async def summary(
        self, *, key: TenantKey, tenant: TenantRef, standup: StandupView, run: RunView
    ) -> Reply:
        """The run's summary as it stands."""
        async with self._database.session() as session:
            answers = await standups.run_answers(session, tenant=tenant, run_id=run.id)
        by_person = {a.person_id: a for a in answers}
        lines = [
            cards.SummaryLine(
                member=member,
                answer=by_person.get(member.person_id),
                asked=timing.member_asked(member, run.run_date),
            )
            for member in standup.members
        ]
        platform = key.platform.value

        def named(member: StandupMemberView) -> str:
            user_id = member.identity(platform)
            return mention(user_id=user_id, name=member.name) if user_id else member.name

        t = await self.owner_translator(tenant=tenant, standup=standup)
        card = cards.summary_card(
            t=t, standup=standup, run_date=run.run_date, lines=lines, mention=named
        )
        return Reply.of_card(card, ephemeral=False, locale=t.locale)

    async def post_summary(
        self, *, key: TenantKey, tenant: TenantRef, standup: StandupView, run_date: date, slot: int
    ) -> str:
        """Post the cut-off summary in the channel and close the run; returns the message id."""
        run = await self.run(tenant=tenant, standup=standup, run_date=run_date, slot=slot)
        reply = await self.summary(key=key, tenant=tenant, standup=standup, run=run)
        sent = await self.port(key).send(conversation=self.channel(key, standup), reply=reply)
        async with self._database.session() as session:
            await standups.update_run(
                session, tenant=tenant, run_id=run.id, summary_id=sent.id, closed=True
            )
        return sent.id

    async def refresh_summary(
        self, *, key: TenantKey, tenant: TenantRef, standup: StandupView, run_id: int
    ) -> None:
        """A late answer: the summary already posted is updated in place."""
        async with self._database.session() as session:
            run = await standups.get_run(session, tenant=tenant, run_id=run_id)
        if run is None or not run.summary_id:
            return
        reply = await self.summary(key=key, tenant=tenant, standup=standup, run=run)
        message = MessageRef(conversation=self.channel(key, standup), id=run.summary_id)
        await self.port(key).update(message=message, reply=reply)

    # -- prompts ----------------------------------------------------------------------------

    async def prompt(
        self,
        *,
        key: TenantKey,
        tenant: TenantRef,
        standup: StandupView,
        member: StandupMemberView,
        run_date: date,
        slot: int,
        reminder: bool = False,
    ) -> str | None:
        """DM a member the questions; None (nothing sent) when they already answered or
        skipped, also before being asked (an early answer: the question does not follow)."""
        run = await self.run(tenant=tenant, standup=standup, run_date=run_date, slot=slot)
        done = await self.existing_answer(tenant=tenant, run_id=run.id, person_id=member.person_id)
        if done is not None and (done.complete or done.skipped):
            return None
        user = await self.user_of(key=key, tenant=tenant, member=member)
        port = self.port(key)
        t = Translator(locale=member.locale)
        card = cards.prompt_card(
            t=t,
            standup=standup,
            run_date=run_date,
            slot=slot,
            cutoff=timing.cutoff_at(standup, run_date, slot),
            reader_timezone=member.timezone,
            reminder=reminder,
        )
        dm = await port.open_dm(user=user)
        reply = Reply.of_card(card, ephemeral=False, locale=t.locale)
        sent = await port.send(conversation=dm, reply=reply)
        return sent.id
