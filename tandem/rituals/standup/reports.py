"""Looking back: an owner's report of who answered, late or skipped, with the blockers
raised; a member's own history of answers."""

from __future__ import annotations

from datetime import date, timedelta

from tandem.bot.cards import Card, Field, Reply
from tandem.bot.dispatcher import CommandContext
from tandem.bot.i18n import Translator
from tandem.rituals.standup import cards, timing
from tandem.rituals.standup.desk import Desk
from tandem.rituals.standup.questions import questions_for
from tandem.storage.records import StandupView, TenantRef
from tandem.storage.repositories import blockers, standups

MAX_REPORT_DAYS = 92


class Reports:
    """``/standup report`` and ``/standup history``."""

    def __init__(self, *, desk: Desk) -> None:
        self._desk = desk

    async def report(self, ctx: CommandContext, rest: str) -> Reply:
        """``/standup report [NAME] [DAYS]``: the stand-ups one owns (all, for an admin)."""
        t = ctx.t
        me = await self._desk.me(ctx.actor)
        if me is None:
            return self._desk.unknown(t)
        words = rest.split()
        days = 7
        if words and words[-1].isdigit():
            days = int(words.pop())
        if not 1 <= days <= MAX_REPORT_DAYS:
            return Reply(text=t("standup.report.days", limit=MAX_REPORT_DAYS))
        name = " ".join(words)
        if name:
            standup, problem = await self._desk.find(t=t, me=me, name=name)
            if standup is None:
                return problem or Reply(text=t("standup.none_yet"))
            chosen = [standup]
        else:
            everything = await self._desk.service.standups(tenant=me.tenant)
            chosen = [s for s in everything if s.owner_email == me.email or ctx.actor.is_admin]
            if not chosen:
                return Reply(text=t("standup.report.none_owned"))
        fields: list[Field] = []
        today = timing.local_date(self._desk.service.now(), ctx.actor.timezone)
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
        now = self._desk.service.now()
        async with self._desk.database.session() as session:
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

    async def history(self, ctx: CommandContext, rest: str) -> Reply:
        """``/standup history [FIRST [LAST]]``: one's own answers, a week unless told."""
        t = ctx.t
        me = await self._desk.me(ctx.actor)
        if me is None:
            return self._desk.unknown(t)
        today = timing.local_date(self._desk.service.now(), ctx.actor.timezone)
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
        async with self._desk.database.session() as session:
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
