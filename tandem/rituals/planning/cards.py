"""The cards of planning: the invitation with its agenda, the organiser's view, the forms."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import TYPE_CHECKING

from tandem.bot.cards import Button, ButtonStyle, Card, Field, Form, Input, Reply
from tandem.bot.i18n import Translator
from tandem.bot.timefmt import format_meeting
from tandem.rituals.common.org import Org
from tandem.rituals.common.wording import short
from tandem.rituals.planning.agenda import Agenda
from tandem.storage.records import (
    ContactView,
    InviteView,
    OccurrenceView,
    PlanningSessionView,
    Role,
)

if TYPE_CHECKING:
    from tandem.rituals.planning.rotation import Choice

ACCEPT = "planning.accept:"
DECLINE = "planning.decline:"
DECLINED = "planning.declined:"
PROPOSE = "planning.propose:"
PROPOSED = "planning.proposed:"
CREATE = "planning.create"
REASON = "reason"
WHO = "who"
FORM_FIELDS = ("title", "day", "clock", "duration", "topics", "repeat")


def when(t: Translator, *, moment: datetime, timezone: str) -> str:
    """``Tuesday 12 January 2027, 14:00 (Europe/Paris)``: in the reader's timezone."""
    return format_meeting(moment=moment, timezone=timezone, locale=t.locale)


def name_of(org: Org, email: str) -> str:
    """A person's name, or their email when not in the people file."""
    person = org.person(email)
    return person.name if person else email


def topic_names(org: Org, slugs: Sequence[str], *, locale: str) -> str:
    """``Landing pages and the CMS (landing-pages)``, joined, as a reader of ``locale``
    reads them."""
    return ", ".join(
        f"{org.topics[s].title_in(locale)} ({s})" if s in org.topics else s for s in slugs
    )


def _role(org: Org, email: str, slugs: Sequence[str]) -> Role | None:
    for slug in slugs:
        topic = org.topics.get(slug)
        if topic and email in topic.responsible:
            return Role.RESPONSIBLE
        if topic and email in topic.consulted:
            return Role.CONSULTED
    return None


def _why(t: Translator, *, invite: InviteView, org: Org) -> str:
    if invite.via == "pool":
        return t("planning.invite.via_pool")
    if invite.via == "proposed":
        return t("planning.invite.via_proposed")
    role = _role(org, invite.email, invite.topics)
    return t(f"planning.invite.via_{role.value}") if role else ""


def repeats(t: Translator, session: PlanningSessionView) -> str:
    """``every 2 weeks, 6 times`` or ``once``."""
    if not session.recurring:
        return t("planning.repeat.once")
    every = (
        t("planning.repeat.weekly")
        if session.every_weeks == 1
        else t("planning.repeat.every", weeks=session.every_weeks)
    )
    return (
        t.plural("planning.repeat.count", count=session.count, every=every)
        if session.count
        else every
    )


def agenda_fields(t: Translator, *, agenda: Agenda, org: Org) -> tuple[Field, ...]:
    """Open blockers, pending approvals and uncovered questions on the meeting's topics."""
    none = t("planning.agenda.none")
    blockers = [
        f"#{i} {short(text, 90)} — {name_of(org, owner) if owner else t('blocker.nobody')}"
        for i, _topic, text, owner in agenda.blockers
    ]
    approvals = [
        f"#{i} {short(what, 90)} — {name_of(org, requester)}"
        for i, _topic, what, requester in agenda.approvals
    ]
    questions = [f"#{i} {short(text, 100)}" for i, text in agenda.questions]
    return (
        Field(t("planning.agenda.blockers"), "\n".join(blockers) or none),
        Field(t("planning.agenda.approvals"), "\n".join(approvals) or none),
        Field(t("planning.agenda.questions"), "\n".join(questions) or none),
    )


def invite_card(
    t: Translator,
    *,
    session: PlanningSessionView,
    occurrence: OccurrenceView,
    invite: InviteView,
    org: Org,
    person: ContactView,
    agenda: Agenda | None,
    reminder: bool = False,
) -> Card:
    """The invitation a representative gets: when (in their timezone), why them, the
    agenda, and the answer buttons while they have not answered."""
    state = "cancelled" if not occurrence.is_scheduled else invite.status
    title_key = "planning.reminder.title" if reminder else f"planning.invite.title.{state}"
    body = t(
        "planning.invite.body",
        organiser=name_of(org, session.organiser_email),
        topics=topic_names(org, invite.topics or session.topics, locale=t.locale),
    )
    why = _why(t, invite=invite, org=org)
    if why:
        body += " " + why
    if state == "declined" and invite.reason:
        body += "\n" + t("planning.invite.your_reason", reason=short(invite.reason, 300))
    if state == "replaced":
        body += "\n" + t("planning.invite.you_proposed", who=name_of(org, invite.reason))
    fields = [
        Field(
            t("planning.field.when"), when(t, moment=occurrence.starts_at, timezone=person.timezone)
        ),
        Field(
            t("planning.field.duration"),
            t(
                "planning.minutes",
                minutes=int((occurrence.ends_at - occurrence.starts_at).total_seconds() // 60),
            ),
        ),
        Field(t("planning.field.topics"), topic_names(org, session.topics, locale=t.locale)),
    ]
    if session.recurring:
        fields.append(Field(t("planning.field.repeats"), repeats(t, session)))
    if agenda is not None and state in ("invited", "accepted"):
        fields.extend(agenda_fields(t, agenda=agenda, org=org))
    buttons: tuple[Button, ...] = ()
    if state == "invited":
        value = str(invite.id)
        buttons = (
            Button(t("planning.button.accept"), f"{ACCEPT}{value}", value, ButtonStyle.PRIMARY),
            Button(t("planning.button.decline"), f"{DECLINE}{value}", value, ButtonStyle.DANGER),
            Button(t("planning.button.propose"), f"{PROPOSE}{value}", value),
        )
    return Card(
        title=t(title_key, title=short(session.title, 120)),
        body=body,
        fields=tuple(fields),
        buttons=buttons,
        footer=t("planning.invite.footer", id=session.id) if state == "invited" else "",
    )


def answer_form(
    t: Translator, *, invite: InviteView, session: PlanningSessionView, kind: str
) -> Reply:
    """Decline (a reason) or propose someone else (who, and a word why)."""
    value = str(invite.id)
    if kind == "decline":
        inputs: tuple[Input, ...] = (
            Input(id=REASON, label=t("planning.form.reason"), multiline=True),
        )
        submit = Button(
            t("planning.button.decline"), f"{DECLINED}{value}", value, ButtonStyle.DANGER
        )
        opener = f"{DECLINE}{value}"
    else:
        inputs = (
            Input(id=WHO, label=t("planning.form.who")),
            Input(id=REASON, label=t("planning.form.note"), multiline=True, optional=True),
        )
        submit = Button(
            t("planning.button.propose"), f"{PROPOSED}{value}", value, ButtonStyle.PRIMARY
        )
        opener = f"{PROPOSE}{value}"
    card = Card(
        title=t(f"planning.form.{kind}.title"),
        body=short(session.title, 200),
        form=Form(inputs=inputs, submit=submit, open_label=submit.label, open_action=opener),
    )
    return Reply.of_card(card, locale=t.locale)


def new_form(t: Translator, *, initial: dict[str, str] | None = None, problem: str = "") -> Reply:
    """The guided way to schedule a session: one input per part."""
    given = initial or {}
    labels = {name: t(f"planning.form.{name}") for name in FORM_FIELDS}
    inputs = tuple(
        Input(
            id=name,
            label=labels[name],
            optional=name in ("duration", "repeat"),
            initial=given.get(name, ""),
        )
        for name in FORM_FIELDS
    )
    submit = Button(t("planning.button.create"), CREATE, "", ButtonStyle.PRIMARY)
    card = Card(
        title=t("planning.new.title"),
        body=(problem + "\n\n" if problem else "") + t("planning.new.body"),
        form=Form(
            inputs=inputs,
            submit=submit,
            open_label=t("planning.button.new"),
            open_action="planning.new",
        ),
    )
    return Reply.of_card(card, locale=t.locale)


def _state(t: Translator, invite: InviteView, org: Org) -> str:
    line = f"{name_of(org, invite.email)} — {t(f'planning.state.{invite.status}')}"
    if invite.reason and invite.status == "declined":
        line += f" ({short(invite.reason, 80)})"
    if invite.status == "replaced":
        line += f" → {name_of(org, invite.reason)}"
    return line


def session_card(
    t: Translator,
    *,
    session: PlanningSessionView,
    meetings: Sequence[tuple[OccurrenceView, Sequence[InviteView]]],
    org: Org,
    timezone: str,
    choice: Choice | None = None,
    joined_channel: bool | None = None,
    unreachable: Sequence[str] = (),
    channel_needs: Sequence[str] = (),
) -> Card:
    """What the organiser sees: the session, each meeting, who was invited and their answer,
    and, right after scheduling, who was skipped and which topics nobody covers."""
    title_key = "planning.created.title" if choice is not None else "planning.show.title"
    if not session.is_scheduled:
        title_key = "planning.show.cancelled"
    fields = [
        Field(t("planning.field.topics"), topic_names(org, session.topics, locale=t.locale)),
        Field(t("planning.field.repeats"), repeats(t, session)),
        Field(
            t("planning.field.organiser"),
            name_of(org, session.organiser_email),
        ),
    ]
    for occurrence, invites in meetings[-6:]:
        lines = [_state(t, i, org) for i in invites] or [t("planning.state.none")]
        label = when(t, moment=occurrence.starts_at, timezone=timezone)
        if not occurrence.is_scheduled:
            label += " — " + t("planning.state.cancelled")
        fields.append(Field(label, "\n".join(lines)))
    notes = []
    if choice is not None:
        for email, why in choice.skipped:
            if why in ("away", "busy"):
                notes.append(t(f"planning.skipped.{why}", who=name_of(org, email)))
        if choice.uncovered:
            notes.append(
                t("planning.uncovered", topics=topic_names(org, choice.uncovered, locale=t.locale))
            )
    for email in unreachable:
        notes.append(t("planning.unreachable", who=name_of(org, email)))
    if joined_channel is True:
        notes.append(t("planning.channel.joined"))
    elif joined_channel is False and channel_needs:
        notes.append(t("planning.channel.needs_permission", permissions=", ".join(channel_needs)))
    elif joined_channel is False:
        notes.append(t("planning.channel.not_joined"))
    return Card(
        title=t(title_key, id=session.id, title=short(session.title, 120)),
        body="\n".join(notes),
        fields=tuple(fields),
        footer=t("planning.show.footer", id=session.id) if session.is_scheduled else "",
    )


def reminder_of(t: Translator, *, card: Card, title: str, agenda: Agenda, org: Org) -> Card:
    """The organiser's reminder: their session card with the agenda read again."""
    return Card(
        title=t("planning.reminder.title", title=short(title, 120)),
        body=card.body,
        fields=(*card.fields, *agenda_fields(t, agenda=agenda, org=org)),
        footer=card.footer,
    )
