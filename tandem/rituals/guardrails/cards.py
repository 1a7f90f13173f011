"""What guardrail answers and approval requests look like, in the reader's language."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date

from tandem.bot.cards import Button, ButtonStyle, Card, Field, Form, Input, Reply
from tandem.bot.i18n import Translator
from tandem.bot.timefmt import format_day, format_instant
from tandem.rituals.common.wording import short, topic_title, who
from tandem.rituals.guardrails.outcome import UNCOVERED, Outcome
from tandem.storage.records import (
    ApprovalEventView,
    ApprovalView,
    ContactView,
    RuleRecord,
    ToolRecord,
    TopicRecord,
)

# action ids: prefix + value
PICK = "guardrail.pick:"
REQUEST = "guardrail.request:"
REQUESTED = "guardrail.requested:"
APPROVE = "guardrail.approve:"
DENY = "guardrail.deny:"
DENIED = "guardrail.denied:"
ASK = "guardrail.ask:"
ASKED = "guardrail.asked:"
REPLY = "guardrail.reply:"
REPLIED = "guardrail.replied:"
WITHDRAW = "guardrail.withdraw:"
REVIEWED = "guardrail.reviewed:"
NONE_FITS = "guardrail.none:"
FILE = "guardrail.file:"
NEW_RULE = "guardrail.newrule:"
NEW_RULE_SENT = "guardrail.newrulesent:"
RULE_TITLE, RULE_VERDICT, RULE_ANSWER, RULE_TOPIC = "title", "verdict", "answer", "topic"
# form inputs
WHAT, WHY, HOW_LONG, REASON, TEXT = "what", "why", "how_long", "reason", "text"
MAX_VALUE = 1900  # a button's value travels in the platform's payload (Slack: 2,000)


def rule_text(rule: RuleRecord, locale: str) -> tuple[str, str, tuple[str, ...]]:
    """The rule's title, answer and conditions in ``locale`` where it has them, else as written."""
    translated = rule.translations.get(locale)
    if translated is None:
        return rule.title, rule.answer, rule.conditions
    return translated.title, translated.answer, translated.conditions or rule.conditions


def _ask_whom(t: Translator, org_people: Mapping[str, ContactView], topic: TopicRecord) -> str:
    accountable = [who(org_people, e, t) for e in topic.accountable]
    responsible = [who(org_people, e, t) for e in topic.responsible]
    parts = []
    if responsible:
        parts.append(t("guardrail.ask.responsible", names=t.list(responsible)))
    if accountable:
        parts.append(t("guardrail.ask.accountable", names=t.list(accountable)))
    return "; ".join(parts) or t("list.none")


def _why(t: Translator, outcome: Outcome) -> str:
    found = outcome.why()
    lines = []
    if found:
        words = ", ".join(
            t("guardrail.why.word", word=word, source=t(f"guardrail.source.{where}"))
            for word, where in found
        )
        lines.append(t("guardrail.why", words=words))
    nearest = outcome.meant()
    if nearest is not None:
        lines.append(t(f"guardrail.meaning.{nearest.part}", text=short(nearest.text, 160)))
    if outcome.reranked_by:
        lines.append(t("guardrail.reranked", model=short(outcome.reranked_by, 60)))
    return "\n".join(lines)


def answer_card(
    t: Translator,
    *,
    outcome: Outcome,
    people: Mapping[str, ContactView],
    topics: Mapping[str, TopicRecord],
) -> Card:
    """The answer to a question with a rule or a tool."""
    rule, tool = outcome.rule, outcome.tool
    fields: list[Field] = []
    body_parts: list[str] = []
    if tool is not None:
        body_parts.append(
            t(f"guardrail.tool.{tool.status}", name=tool.name)
            + (f" {tool.note_in(t.locale)}" if tool.note else "")
        )
    conditions: tuple[str, ...] = ()
    if rule is not None:
        title, answer, conditions = rule_text(rule, t.locale)
        body_parts.append(answer)
        if conditions and outcome.verdict == "conditional":
            fields.append(
                Field(
                    label=t("guardrail.conditions"), value="\n".join(f"• {c}" for c in conditions)
                )
            )
        fields.append(Field(label=t("guardrail.rule"), value=title))
    about = rule or outcome.approval_rule
    if about is not None and about.topic in topics:
        topic = topics[about.topic]
        fields.append(Field(label=t("guardrail.topic"), value=topic_title(topics, topic.slug, t)))
        fields.append(Field(label=t("guardrail.who"), value=_ask_whom(t, people, topic)))
    form = None
    approval = outcome.approval_rule
    if outcome.verdict == "approval" and approval is not None:
        form = request_form(t, rule=approval, tool=tool, question=outcome.question)
    heading = t(f"guardrail.verdict.{outcome.verdict}")
    if tool is not None:
        heading = f"{heading} — {tool.name}"
    return Card(
        title=heading,
        body="\n".join(body_parts),
        fields=tuple(fields),
        form=form,
        footer=_why(t, outcome),
    )


def request_form(
    t: Translator, *, rule: RuleRecord, tool: ToolRecord | None, question: str
) -> Form:
    """The short form that asks for an approval: what, why, for how long."""
    value = rule.id + (f":{tool.name}" if tool is not None else "")
    return Form(
        inputs=(
            Input(
                id=WHAT,
                label=t("guardrail.form.what"),
                multiline=True,
                initial=short(question, 300),
            ),
            Input(id=WHY, label=t("guardrail.form.why"), multiline=True),
            Input(id=HOW_LONG, label=t("guardrail.form.how_long"), optional=True),
        ),
        submit=Button(
            label=t("guardrail.button.send"),
            action_id=f"{REQUESTED}{value}"[:250],
            value=question[:MAX_VALUE],
            style=ButtonStyle.PRIMARY,
        ),
        open_label=t("guardrail.button.request"),
        open_action=f"{REQUEST}{value}"[:250],
    )


def request_form_reply(
    t: Translator, *, rule: RuleRecord, tool: ToolRecord | None, question: str
) -> Reply:
    """The request form alone (what the "Request approval" button opens)."""
    title, _, _ = rule_text(rule, t.locale)
    card = Card(
        title=t("guardrail.form.title"),
        body=title,
        form=request_form(t, rule=rule, tool=tool, question=question),
    )
    return Reply.of_card(card)


def choice_card(t: Translator, *, outcome: Outcome) -> Card:
    """Rules that may cover the question, none surely: the asker picks one, or says none
    fits (the question then goes to IT)."""
    picks = [
        Button(
            label=short(rule_text(rule, t.locale)[0], 70),
            action_id=f"{PICK}{rule.id}",
            value=outcome.question[:MAX_VALUE],
        )
        for rule in outcome.alternatives
    ]
    none = Button(
        label=t("guardrail.choice.none"), action_id=NONE_FITS, value=outcome.question[:MAX_VALUE]
    )
    buttons = (*picks, none)
    one = len(outcome.alternatives) == 1
    return Card(
        title=t("guardrail.choice.title_one" if one else "guardrail.choice.title"),
        body=t("guardrail.choice.body_one" if one else "guardrail.choice.body"),
        buttons=buttons,
    )


def uncovered_card(t: Translator, *, routed_to: str | None, recorded: bool) -> Card:
    """No rule covers it: said plainly, with who will answer."""
    if routed_to:
        body = t("guardrail.uncovered.routed", who=routed_to)
    elif recorded:
        body = t("guardrail.uncovered.recorded")
    else:
        body = t("guardrail.uncovered.dry")
    return Card(title=t("guardrail.verdict.uncovered"), body=body)


def question_for_it(
    t: Translator,
    *,
    question: str,
    asker: str,
    close_rule: RuleRecord | None,
    number: int,
    candidates: Sequence[RuleRecord] = (),
) -> Reply:
    """What IT receives about a question no rule covered: one button per close rule to
    file the question under it (the asker then gets that rule's answer)."""
    fields = [Field(label=t("guardrail.asked_by"), value=asker)]
    if close_rule is not None:
        fields.append(Field(label=t("guardrail.closest"), value=rule_text(close_rule, t.locale)[0]))
    buttons = tuple(
        Button(
            label=short(t("guardrail.file.button", rule=rule_text(rule, t.locale)[0]), 75),
            action_id=f"{FILE}{rule.id}",
            value=str(number),
        )
        for rule in candidates
    )
    topic = close_rule.topic if close_rule is not None else ""
    card = Card(
        title=t("guardrail.it.title", id=number),
        body=short(question, 1500),
        fields=tuple(fields),
        buttons=buttons,
        form=new_rule_form(t, number=number, question=question, topic=topic),
        footer=t("guardrail.it.footer", id=number),
    )
    return Reply.of_card(card, ephemeral=False, locale=t.locale)


def new_rule_form(
    t: Translator,
    *,
    number: int,
    question: str,
    topic: str,
    values: Mapping[str, str] | None = None,
) -> Form:
    """IT writes the rule an uncovered question was missing; the question is its first
    example (``values``: what was typed, when the form comes back to be corrected)."""
    typed = values or {}
    return Form(
        inputs=(
            Input(
                id=RULE_TITLE,
                label=t("guardrail.newrule.rule_title"),
                initial=typed.get(RULE_TITLE, short(question, 120)),
            ),
            Input(
                id=RULE_VERDICT,
                label=t("guardrail.newrule.verdict"),
                initial=typed.get(RULE_VERDICT, t("guardrail.newrule.verdict_default")),
            ),
            Input(
                id=RULE_ANSWER,
                label=t("guardrail.newrule.answer"),
                multiline=True,
                initial=typed.get(RULE_ANSWER, ""),
            ),
            Input(id=RULE_TOPIC, label=t("guardrail.topic"), initial=typed.get(RULE_TOPIC, topic)),
        ),
        submit=Button(
            label=t("guardrail.newrule.create"),
            action_id=f"{NEW_RULE_SENT}{number}",
            value=str(number),
            style=ButtonStyle.PRIMARY,
        ),
        open_label=t("guardrail.newrule.button"),
        open_action=f"{NEW_RULE}{number}",
    )


def new_rule_reply(
    t: Translator,
    *,
    number: int,
    question: str,
    topic: str,
    values: Mapping[str, str] | None = None,
    problem: str = "",
) -> Reply:
    """The new-rule form alone (what its button opens, or the form back with a problem)."""
    card = Card(
        title=t("guardrail.newrule.title", id=number),
        body="\n\n".join(part for part in (problem, short(question, 600)) if part),
        form=new_rule_form(t, number=number, question=question, topic=topic, values=values),
    )
    return Reply.of_card(card)


def status_line(
    t: Translator, request: ApprovalView, people: Mapping[str, ContactView], timezone: str
) -> str:
    """Where the request stands, in one line."""
    if request.is_pending:
        waiting = [who(people, e, t) for e in request.deciders()]
        return t("guardrail.status.pending", who=t.list(waiting))
    at = format_instant(
        moment=request.decided_at or request.created_at, timezone=timezone, locale=t.locale
    )
    by = who(people, request.decided_by, t)
    return t(f"guardrail.status.{request.status}", who=by, at=at)


def approval_card(
    t: Translator,
    *,
    request: ApprovalView,
    people: Mapping[str, ContactView],
    viewer: str,
    timezone: str,
    intro: str = "",
) -> Card:
    """A request as ``viewer`` (an email) sees it: deciders get the decision buttons, the
    requester a way to withdraw, everyone the outcome once there is one."""
    fields = [
        Field(label=t("guardrail.requested_by"), value=who(people, request.requester_email, t)),
        Field(label=t("guardrail.form.what"), value=short(request.what, 1500)),
    ]
    if request.why:
        fields.append(Field(label=t("guardrail.form.why"), value=short(request.why, 1500)))
    if request.how_long:
        fields.append(Field(label=t("guardrail.form.how_long"), value=short(request.how_long, 200)))
    fields.append(Field(label=t("guardrail.rule"), value=request.rule_title))
    if request.tool_name:
        fields.append(Field(label=t("guardrail.tool"), value=request.tool_name))
    fields.append(
        Field(
            label=t("guardrail.requested_at"),
            value=format_instant(moment=request.created_at, timezone=timezone, locale=t.locale),
        )
    )
    fields.append(
        Field(label=t("guardrail.status"), value=status_line(t, request, people, timezone))
    )
    if request.reason and request.status == "denied":
        fields.append(Field(label=t("guardrail.reason"), value=short(request.reason, 1500)))
    value = str(request.id)
    buttons: tuple[Button, ...] = ()
    if request.is_pending and viewer in request.deciders():
        buttons = (
            Button(t("guardrail.button.approve"), f"{APPROVE}{value}", value, ButtonStyle.PRIMARY),
            Button(t("guardrail.button.deny"), f"{DENY}{value}", value, ButtonStyle.DANGER),
            Button(t("guardrail.button.ask"), f"{ASK}{value}", value),
        )
    elif request.is_pending and viewer == request.requester_email:
        buttons = (Button(t("guardrail.button.withdraw"), f"{WITHDRAW}{value}", value),)
    return Card(
        title=t("guardrail.request.title", id=request.id),
        body=intro,
        fields=tuple(fields),
        buttons=buttons,
    )


def text_form(
    t: Translator, *, request: ApprovalView, kind: str, body: str = "", sent: bool = False
) -> Reply:
    """A one-input form about a request: the reason of a denial, a question, a reply.
    ``sent`` for one that goes out as a message (not as the answer to a click)."""
    value = str(request.id)
    submit, opener, label, title = {
        "deny": (DENIED, DENY, "guardrail.form.reason", "guardrail.deny.title"),
        "ask": (ASKED, ASK, "guardrail.form.question", "guardrail.ask.title"),
        "reply": (REPLIED, REPLY, "guardrail.form.reply", "guardrail.reply.title"),
    }[kind]
    card = Card(
        title=t(title, id=request.id),
        body=body or short(request.what, 300),
        form=Form(
            inputs=(Input(id=REASON if kind == "deny" else TEXT, label=t(label), multiline=True),),
            submit=Button(
                label=t(f"guardrail.button.{kind}"),
                action_id=f"{submit}{value}",
                value=value,
                style=ButtonStyle.DANGER if kind == "deny" else ButtonStyle.PRIMARY,
            ),
            open_label=t(f"guardrail.button.{kind}"),
            open_action=f"{opener}{value}",
        ),
    )
    return Reply.of_card(card, ephemeral=not sent, locale=t.locale)


def history_lines(
    t: Translator,
    events: list[ApprovalEventView],
    people: Mapping[str, ContactView],
    timezone: str,
) -> str:
    """Every event of a request, one per line."""
    lines = []
    for event in events:
        at = format_instant(moment=event.at, timezone=timezone, locale=t.locale)
        actor = who(people, event.actor_email, t) if event.actor_email else ""
        detail = short(event.detail, 200)
        lines.append(
            t(
                f"guardrail.event.{event.kind}",
                at=at,
                who=actor or who(people, detail, t),
                text=detail,
            )
        )
    return "\n".join(lines)


def request_line(
    t: Translator, request: ApprovalView, people: Mapping[str, ContactView], timezone: str
) -> str:
    """A request in a list."""
    return t(
        "guardrail.list.line",
        id=request.id,
        rule=short(request.rule_title, 60),
        who=who(people, request.requester_email, t),
        what=short(request.what, 80),
        status=status_line(t, request, people, timezone),
    )


def outcome_card(
    t: Translator,
    *,
    outcome: Outcome,
    people: Mapping[str, ContactView],
    topics: Mapping[str, TopicRecord],
    routed_to: str | None,
    recorded: bool,
) -> Card:
    """Whatever the question got: an answer, a choice, or "not covered"."""
    if outcome.alternatives:
        return choice_card(t, outcome=outcome)
    if outcome.verdict == UNCOVERED:
        return uncovered_card(t, routed_to=routed_to, recorded=recorded)
    return answer_card(t, outcome=outcome, people=people, topics=topics)


def review_card(t: Translator, *, rule: RuleRecord, due: date) -> Reply:
    """The reminder to the topic's Accountable that a rule is due for review."""
    title, answer, _ = rule_text(rule, t.locale)
    card = Card(
        title=t("guardrail.review.title", rule=title),
        body=t(
            "guardrail.review.body",
            due=format_day(day=due, locale=t.locale),
        )
        + "\n"
        + short(answer, 600),
        fields=(Field(label=t("guardrail.rule_id"), value=rule.id),),
        buttons=(
            Button(
                t("guardrail.button.reviewed"),
                f"{REVIEWED}{rule.id}",
                rule.id,
                ButtonStyle.PRIMARY,
            ),
        ),
        footer=t("guardrail.review.footer"),
    )
    return Reply.of_card(card, ephemeral=False, locale=t.locale)
