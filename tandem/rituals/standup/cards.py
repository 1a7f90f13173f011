"""What stand-up messages look like, as neutral cards (pure functions of their data)."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime

from babel.dates import format_date

from tandem.bot.cards import Button, ButtonStyle, Card, Field, Form, Input
from tandem.bot.i18n import Translator
from tandem.bot.timefmt import format_instant
from tandem.rituals.common.days import days_text
from tandem.rituals.standup import settings_text
from tandem.rituals.standup.questions import blocker_text, questions_for
from tandem.storage.records import AnswerView, StandupMemberView, StandupView

OPEN = "standup.open:"
SUBMIT = "standup.submit:"
SKIP = "standup.skip:"
CREATE = "standup.create"
SAVE = "standup.save:"
PICK = "standup.pick:"


def run_value(*, standup_id: int, run_date: date, slot: int) -> str:
    """A run named in a button's value: ``12:2026-11-23:0``."""
    return f"{standup_id}:{run_date.isoformat()}:{slot}"


def parse_run_value(value: str) -> tuple[int, date, int] | None:
    """The (stand-up id, date, slot) of :func:`run_value`, or None if it is not one."""
    parts = value.split(":")
    if len(parts) != 3 or not parts[0].isdigit() or not parts[2].isdigit():
        return None
    try:
        return int(parts[0]), date.fromisoformat(parts[1]), int(parts[2])
    except ValueError:
        return None


def help_card(*, t: Translator) -> Card:
    """What ``/standup help`` shows: answering, then each word that follows ``/standup``."""
    keys = ("setup", "edit", "list", "pause", "delete", "skip", "away", "workdays")
    lines = (
        Field(label="/standup", value=t("standup.help.answer")),
        *(
            Field(label=f"/standup {t(f'standup.help.cmd.{key}')}", value=t(f"standup.help.{key}"))
            for key in (*keys, "report", "history")
        ),
    )
    return Card(title=t("standup.help.title"), fields=lines)


def day_label(day: date, *, t: Translator) -> str:
    """``Monday 23 November`` / ``lundi 23 novembre``."""
    return str(format_date(day, "EEEE d MMMM", locale=t.locale))


def prompt_card(
    *,
    t: Translator,
    standup: StandupView,
    run_date: date,
    slot: int,
    cutoff: datetime,
    reader_timezone: str,
    answers: Sequence[str] = (),
    reminder: bool = False,
    day_off: bool = False,
) -> Card:
    """The DM a member gets: the questions as a form, and a way to skip today.

    ``day_off``: the member is not asked that day (not a working day of theirs, or away)
    and asked for the form anyway; the card says the answer counts for that day.
    """
    questions = questions_for(standup.settings, t=t)
    value = run_value(standup_id=standup.id, run_date=run_date, slot=slot)
    inputs = tuple(
        Input(
            id=f"q{index}",
            label=question,
            multiline=True,
            initial=answers[index] if index < len(answers) else "",
        )
        for index, question in enumerate(questions)
    )
    form = Form(
        inputs=inputs,
        submit=Button(
            label=t("standup.prompt.submit"),
            action_id=SUBMIT + value,
            value=value,
            style=ButtonStyle.PRIMARY,
        ),
        open_label=t("standup.prompt.open"),
        open_action=OPEN + value,
    )
    key = "standup.prompt.reminder" if reminder else "standup.prompt.title"
    body = t(
        "standup.prompt.body",
        cutoff=format_instant(moment=cutoff, timezone=reader_timezone, locale=t.locale),
        first=questions[0] if questions else "",
    )
    if day_off:
        body = t("standup.prompt.day_off", day=day_label(run_date, t=t)) + "\n" + body
    return Card(
        title=t(key, name=standup.name, day=day_label(run_date, t=t)),
        body=body,
        form=form,
        buttons=(Button(label=t("standup.prompt.skip"), action_id=SKIP + value, value=value),),
    )


def answer_fields(
    *, t: Translator, standup: StandupView, answers: Sequence[str]
) -> tuple[Field, ...]:
    """Each question with its answer; the blocker flagged."""
    questions = questions_for(standup.settings, t=t)
    blocker = blocker_text(standup.settings, tuple(answers))
    fields = []
    for index, question in enumerate(questions):
        answer = answers[index].strip() if index < len(answers) else ""
        if blocker is not None and answer == blocker:
            answer = "⚠ " + answer
        fields.append(Field(label=question, value=answer or "—"))
    return tuple(fields)


def answer_post(
    *, t: Translator, standup: StandupView, who: str, answers: Sequence[str], late: bool
) -> Card:
    """A member's answers as posted in the channel thread."""
    title = t("standup.post.late_title" if late else "standup.post.title", who=who)
    return Card(title=title, fields=answer_fields(t=t, standup=standup, answers=answers))


def thread_root(*, t: Translator, standup: StandupView, run_date: date) -> Card:
    """The day's message in the channel whose thread holds the answers."""
    return Card(
        title=t("standup.root.title", name=standup.name, day=day_label(run_date, t=t)),
        body=t("standup.root.body"),
    )


@dataclass(frozen=True, slots=True)
class SummaryLine:
    """One member in a summary."""

    member: StandupMemberView
    answer: AnswerView | None
    asked: bool


def summary_card(
    *,
    t: Translator,
    standup: StandupView,
    run_date: date,
    lines: Sequence[SummaryLine],
    mention: Callable[[StandupMemberView], str],
) -> Card:
    """The cut-off summary: who answered and what, blockers, who did not answer."""
    answered = [line for line in lines if line.answer and line.answer.complete]
    skipped = [line for line in lines if line.answer and line.answer.skipped]
    away = [line for line in lines if not line.asked and not line.answer]
    silent = [
        line
        for line in lines
        if line.asked and not (line.answer and (line.answer.complete or line.answer.skipped))
    ]
    expected = len([line for line in lines if line.asked or line.answer])
    fields: list[Field] = []
    blockers: list[str] = []
    for line in answered:
        assert line.answer is not None
        label = line.member.name + (f" ({t('standup.late')})" if line.answer.late else "")
        questions = questions_for(standup.settings, t=t)
        body = "\n".join(
            f"{question} {answer.strip() or '—'}"
            for question, answer in zip(questions, line.answer.answers, strict=False)
        )
        fields.append(Field(label=label, value=body))
        blocker = blocker_text(standup.settings, line.answer.answers)
        if blocker:
            blockers.append(f"{line.member.name}{t('colon')}{blocker}")
    if blockers:
        fields.append(Field(label="⚠ " + t("standup.summary.blockers"), value="\n".join(blockers)))
    if silent:
        names = [
            line.member.name if standup.settings.optional else mention(line.member)
            for line in silent
        ]
        fields.append(Field(label=t("standup.summary.silent"), value=t.list(names)))
    if skipped:
        fields.append(
            Field(
                label=t("standup.summary.skipped"),
                value=t.list([line.member.name for line in skipped]),
            )
        )
    if away:
        fields.append(
            Field(
                label=t("standup.summary.away"), value=t.list([line.member.name for line in away])
            )
        )
    return Card(
        title=t("standup.summary.title", name=standup.name, day=day_label(run_date, t=t)),
        body=t.plural(
            "standup.summary.body",
            count=len(answered),
            expected=expected,
            blockers=t.plural("standup.summary.blocker_count", count=len(blockers)),
        ),
        fields=tuple(fields),
        footer=t("standup.summary.optional") if standup.settings.optional else "",
    )


def setup_form(
    *,
    t: Translator,
    values: Mapping[str, str],
    action: str,
    value: str,
    title: str,
    ask_channel: bool = False,
) -> Card:
    """The setup (or edit) form, prefilled with ``values``; with ``ask_channel`` (set up
    from a direct chat, where no channel is implied) it asks where answers are posted."""
    labels = {name: t(f"standup.field.{name}") for name in settings_text.FIELDS}
    optional = {
        "questions",
        "blockers",
        "holidays",
        "reminders",
        "timezone",
        "days",
        "times",
        "optional",
    }
    inputs = tuple(
        Input(
            id=name,
            label=labels[name],
            multiline=name in {"questions", "members"},
            optional=name in optional,
            initial=values.get(name, ""),
        )
        for name in settings_text.FIELDS
    )
    if ask_channel:
        channel = Input(
            id="channel",
            label=t("standup.field.channel"),
            optional=False,
            initial=values.get("channel", ""),
        )
        inputs = (inputs[0], channel, *inputs[1:])
    return Card(
        title=title,
        body=t("standup.setup.form_body"),
        form=Form(
            inputs=inputs,
            submit=Button(
                label=t("standup.setup.save"),
                action_id=action,
                value=value,
                style=ButtonStyle.PRIMARY,
            ),
            open_label=t("standup.setup.open"),
            open_action=action.replace("standup.", "standup.form.", 1),
        ),
    )


def describe(*, t: Translator, standup: StandupView, reader_timezone: str) -> Field:
    """One stand-up in a list: its rhythm, times, channel and members."""
    s = standup.settings
    times = ", ".join(f"{ask}–{cutoff}" for ask, cutoff in s.slots)
    state = ""
    if standup.paused:
        state = f" ({t('standup.paused')})"
    value = t.plural(
        "standup.list.line",
        days=days_text(s.days, t=t),
        times=times,
        timezone=s.timezone,
        count=len(standup.members),
        members=t.list([m.name for m in standup.members]),
        owner=standup.owner_email,
    )
    questions = questions_for(s, t=t)
    if s.blockers is not None and s.blockers < len(questions):
        value += "\n" + t(
            "standup.list.blockers", number=s.blockers + 1, question=questions[s.blockers]
        )
    else:
        value += "\n" + t("standup.list.no_blockers")
    if s.optional:
        value += "\n" + t("standup.list.optional")
    return Field(label=s.name + state, value=value)
