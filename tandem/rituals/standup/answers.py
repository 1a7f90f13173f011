"""Answering a stand-up: asked now with ``/standup``, by its form's buttons or by text
typed in a direct chat, question after question; skipping today; what one reads back."""

from __future__ import annotations

from datetime import date

from tandem.bot.cards import Button, Card, Reply
from tandem.bot.dispatcher import ActionContext, CommandContext
from tandem.bot.i18n import Translator
from tandem.bot.text import MAX_TYPED, fold
from tandem.bot.timefmt import format_instant
from tandem.bot.types import ConversationKind
from tandem.rituals.standup import cards, timing
from tandem.rituals.standup.desk import Desk, Me
from tandem.rituals.standup.questions import questions_for
from tandem.rituals.standup.service import Answered, Outcome
from tandem.storage.records import StandupMemberView, StandupView
from tandem.storage.repositories import standups


class Answers:
    """A member's answers to the stand-ups they are in."""

    def __init__(self, *, desk: Desk) -> None:
        self._desk = desk

    async def answer_now(self, ctx: CommandContext, name: str) -> Reply:
        """``/standup [NAME]``: the questions of the member's stand-up running now."""
        t = ctx.t
        me = await self._desk.me(ctx.actor)
        if me is None:
            return self._desk.unknown(t)
        mine = await self._desk.mine(me)
        if name:
            wanted = fold(name)
            mine = [(s, m) for s, m in mine if fold(s.name).startswith(wanted)]
            if not mine:
                return Reply.of_card(cards.help_card(t=t))
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
        self, t: Translator, me: Me, standup: StandupView, member: StandupMemberView
    ) -> Reply:
        now = self._desk.service.now()
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
        run = await self._desk.service.run(
            tenant=me.tenant, standup=standup, run_date=run_date, slot=slot
        )
        existing = await self._desk.service.existing_answer(
            tenant=me.tenant, run_id=run.id, person_id=me.person_id
        )
        if (
            existing is not None
            and (existing.complete or existing.skipped)
            and now >= run.cutoff_at
        ):
            return Reply(text=t("standup.closed", name=standup.name))
        if existing is None:  # arms the answer-by-text flow
            async with self._desk.database.session() as session:
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

    async def pick(self, ctx: ActionContext) -> Reply:
        """One stand-up picked among the member's: its questions."""
        me = await self._desk.me(ctx.actor)
        if me is None:
            return self._desk.unknown(ctx.t)
        pairs = [(s, m) for s, m in await self._desk.mine(me) if str(s.id) == ctx.event.value]
        if not pairs:
            return Reply(text=ctx.t("standup.gone"))
        return await self._prompt_for(ctx.t, me, *pairs[0])

    async def _run_of(
        self, ctx: ActionContext
    ) -> tuple[Me | None, StandupView | None, StandupMemberView | None, date, int, Reply | None]:
        t = ctx.t
        parsed = cards.parse_run_value(ctx.event.value)
        me = await self._desk.me(ctx.actor)
        if me is None:
            return None, None, None, date.min, 0, self._desk.unknown(t)
        if parsed is None:
            return me, None, None, date.min, 0, Reply(text=t("standup.gone"))
        standup_id, run_date, slot = parsed
        standup = await self._desk.service.standup(tenant=me.tenant, standup_id=standup_id)
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

    async def on_run(self, ctx: ActionContext) -> Reply:
        """A button of one run's prompt: open its form, skip it, or submit the answers."""
        action = ctx.event.action_id
        me, standup, member, run_date, slot, problem = await self._run_of(ctx)
        if problem is not None or me is None or standup is None or member is None:
            return problem or Reply(text=ctx.t("standup.gone"))
        if action.startswith(cards.OPEN):
            run = await self._desk.service.run(
                tenant=me.tenant, standup=standup, run_date=run_date, slot=slot
            )
            existing = await self._desk.service.existing_answer(
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
            result = await self._desk.service.answer(
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
            return _answered(ctx.t, standup, result, skipped=True)
        if action.startswith(cards.SUBMIT):
            questions = questions_for(standup.settings, t=ctx.t)
            answers = [ctx.event.inputs.get(f"q{i}", "").strip() for i in range(len(questions))]
            if not any(answers):
                return Reply(text=ctx.t("standup.empty_answer"))
            too_long = next((a for a in answers if len(a) > MAX_TYPED), None)
            if too_long is not None:
                return Reply(text=ctx.t("standup.too_long", length=len(too_long), limit=MAX_TYPED))
            result = await self._desk.service.answer(
                key=ctx.actor.tenant,
                tenant=me.tenant,
                standup=standup,
                member=member,
                run_date=run_date,
                slot=slot,
                answers=answers,
            )
            return _answered(ctx.t, standup, result)
        return Reply(text=ctx.t("standup.gone"))

    async def text(self, ctx: CommandContext) -> Reply | None:
        """Free text in a DM answers the next question of an open stand-up, if there is one."""
        if ctx.conversation.kind is not ConversationKind.DIRECT:
            return None
        me = await self._desk.me(ctx.actor)
        if me is None:
            return None
        now = self._desk.service.now()
        best = None
        for standup, member in await self._desk.mine(me):
            current = timing.current_run(standup, member, now)
            if current is None:
                continue
            run_date, slot = current
            async with self._desk.database.session() as session:
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
        result = await self._desk.service.answer(
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
        return _answered(ctx.t, standup, result)

    async def skip(self, ctx: CommandContext, rest: str) -> Reply:
        """``/standup skip [NAME]``: no answer today to the member's running stand-ups."""
        t = ctx.t
        me = await self._desk.me(ctx.actor)
        if me is None:
            return self._desk.unknown(t)
        mine = await self._desk.mine(me)
        if rest:
            mine = [(s, m) for s, m in mine if fold(s.name).startswith(fold(rest))]
        if not mine:
            return Reply(text=t("standup.not_member"))
        skipped: list[str] = []
        now = self._desk.service.now()
        for standup, member in mine:
            current = timing.current_run(standup, member, now)
            if current is None:
                continue
            result = await self._desk.service.answer(
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


def _answered(
    t: Translator, standup: StandupView, result: Answered, *, skipped: bool = False
) -> Reply:
    """What the member reads once an answer (or a skip) was taken, or why it was not."""
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
