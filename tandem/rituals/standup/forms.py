"""The set-up and edit forms: prefilled, carrying where they were asked for, and shown
again as typed, headed by what is wrong (pure functions of their data)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

from tandem.bot.cards import Reply
from tandem.bot.dispatcher import ActionContext
from tandem.bot.i18n import Translator
from tandem.bot.types import Actor, ConversationKind, ConversationRef
from tandem.rituals.standup import cards, settings_text
from tandem.rituals.standup.settings_text import SettingsProblem
from tandem.storage.records import StandupSettings, StandupView


def new_form(
    *,
    t: Translator,
    actor: Actor,
    where: ConversationRef,
    typed: Mapping[str, str] | None = None,
) -> Reply:
    """The setup form, prefilled with the defaults (or what was ``typed`` in it before);
    it carries the conversation to post in, or asks for a channel when set up from a
    direct chat."""
    card = cards.setup_form(
        t=t,
        values={**settings_text.as_values(_defaults(actor), t=t), **(typed or {})},
        action=cards.CREATE,
        value=f"{where.kind.value}:{where.id}",
        title=t("standup.setup.title"),
        ask_channel=where.kind is ConversationKind.DIRECT,
    )
    return Reply.of_card(card)


def form_conversation(ctx: ActionContext) -> ConversationRef:
    """Where a setup form was asked for. The form carries that conversation's kind and id
    (a Slack modal is submitted outside any conversation); when it is the event's own
    conversation, the event has the rest (thread, reference)."""
    conversation = ctx.event.conversation
    kind, _, at = ctx.event.value.partition(":")
    if kind not in set(ConversationKind) or not at or at == conversation.id:
        return conversation
    return ConversationRef(tenant=conversation.tenant, id=at, kind=ConversationKind(kind))


def edit_form(
    *, t: Translator, standup: StandupView, typed: Mapping[str, str] | None = None
) -> Reply:
    """The setup form, prefilled with the stand-up as it is (or as ``typed`` before)."""
    card = cards.setup_form(
        t=t,
        values={**settings_text.as_values(standup.settings, t=t), **(typed or {})},
        action=cards.SAVE + str(standup.id),
        value=str(standup.id),
        title=t("standup.edit.title", name=standup.name),
    )
    return Reply.of_card(card)


def with_problem(*, t: Translator, form: Reply, problem: SettingsProblem) -> Reply:
    """``form`` headed by what is wrong with what was typed in it, the refused setting
    marked as the input to answer again."""
    assert form.card is not None and form.card.form is not None
    said = t(problem.key, **problem.values)
    inputs = form.card.form
    refused = tuple(i.id for i in inputs.inputs if i.id == problem.setting)
    card = replace(
        form.card, body=f"⚠ {said}\n{form.card.body}", form=replace(inputs, refused=refused)
    )
    return Reply.of_card(card, locale=t.locale)


def _defaults(actor: Actor) -> StandupSettings:
    return StandupSettings(
        name="",
        member_emails=(actor.email,) if actor.email else (),
        questions=(),
        days=settings_text.DEFAULT_DAYS,
        slots=settings_text.DEFAULT_SLOTS,
        timezone=actor.timezone,
        reminders=settings_text.DEFAULT_REMINDERS,
    )
