"""What blocker messages look like: the owner's card, notices, the topic picker, lists."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime, timedelta

from tandem.bot.cards import Button, ButtonStyle, Card, Field, Form, Input, Reply
from tandem.bot.i18n import Translator
from tandem.bot.text import fold
from tandem.bot.timefmt import format_instant
from tandem.rituals.common.wording import short, topic_title, who
from tandem.storage.records import BlockerView, StandupMemberView, TopicRecord

ACK = "blocker.ack:"
RESOLVE = "blocker.resolve:"
RESOLVED = "blocker.resolved:"
REASSIGN = "blocker.reassign:"
REASSIGNED = "blocker.reassigned:"
DECLINE = "blocker.decline:"
ROUTE = "blocker.route:"
NOTE = "note"
PERSON = "person"
PICKS = 5  # topics offered as buttons when a blocker's topic is asked


def age(t: Translator, delta: timedelta) -> str:
    """``5 h`` under two days, else ``3 d``."""
    hours = max(int(delta.total_seconds() // 3600), 0)
    if hours < 48:
        return t("blocker.age.hours", count=hours)
    return t("blocker.age.days", count=hours // 24)


def level_name(t: Translator, level: int) -> str:
    """Who it has reached: its owner, the Accountable, the PMs."""
    return t(f"blocker.level.{min(max(level, 0), 2)}")


def blocker_card(
    t: Translator,
    *,
    blocker: BlockerView,
    people: Mapping[str, StandupMemberView],
    topics: Mapping[str, TopicRecord],
    timezone: str,
    now: datetime,
    intro: str = "",
    actions: bool = True,
    owner_view: bool = True,
) -> Card:
    """A blocker with who raised it, when, its topic, who has it and, for those who may act,
    Acknowledge, Resolve, Reassign and Not mine."""
    fields = [
        Field(label=t("blocker.field.raised_by"), value=who(people, blocker.reporter_email, t)),
        Field(
            label=t("blocker.field.raised_at"),
            value=format_instant(moment=blocker.created_at, timezone=timezone, locale=t.locale)
            + f" ({age(t, now - blocker.created_at)})",
        ),
        Field(label=t("blocker.field.topic"), value=topic_title(topics, blocker.topic_slug, t)),
        Field(label=t("blocker.field.owner"), value=who(people, blocker.owner_email, t)),
    ]
    if blocker.is_open:
        state = (
            t("blocker.state.acknowledged") if blocker.acknowledged_at else t("blocker.state.open")
        )
        fields.append(
            Field(
                label=t("blocker.field.status"),
                value=f"{state} · {t('blocker.field.level')} {level_name(t, blocker.level)}",
            )
        )
    else:
        state = t(f"blocker.state.{blocker.status}")
        if blocker.resolved_at:
            state += " · " + format_instant(
                moment=blocker.resolved_at, timezone=timezone, locale=t.locale
            )
        if blocker.resolved_by:
            state += " · " + who(people, blocker.resolved_by, t)
        fields.append(Field(label=t("blocker.field.status"), value=state))
        if blocker.resolution:
            fields.append(Field(label=t("blocker.field.note"), value=blocker.resolution))
    buttons: tuple[Button, ...] = ()
    if actions and blocker.is_open:
        value = str(blocker.id)
        buttons = (
            Button(label=t("blocker.button.ack"), action_id=f"{ACK}{value}", value=value),
            Button(
                label=t("blocker.button.resolve"),
                action_id=f"{RESOLVE}{value}",
                value=value,
                style=ButtonStyle.PRIMARY,
            ),
            Button(label=t("blocker.button.reassign"), action_id=f"{REASSIGN}{value}", value=value),
            Button(
                label=t("blocker.button.decline"),
                action_id=f"{DECLINE}{value}",
                value=value,
                style=ButtonStyle.DANGER,
            ),
        )
        if not owner_view:  # "Not mine" is the owner's to say
            buttons = buttons[:-1]
        if blocker.acknowledged_at:
            buttons = buttons[1:]
    return Card(
        title=t("blocker.card.title", id=blocker.id, text=short(blocker.text)),
        body="\n".join(part for part in (intro, blocker.text) if part),
        fields=tuple(fields),
        buttons=buttons,
        footer=t("blocker.card.footer", id=blocker.id),
    )


def resolve_form(t: Translator, blocker: BlockerView) -> Reply:
    """A form asking what resolved it."""
    value = str(blocker.id)
    card = Card(
        title=t("blocker.resolve.title", id=blocker.id),
        body=short(blocker.text, 200),
        form=Form(
            inputs=(Input(id=NOTE, label=t("blocker.resolve.note"), multiline=True),),
            submit=Button(
                label=t("blocker.button.resolve"),
                action_id=f"{RESOLVED}{value}",
                value=value,
                style=ButtonStyle.PRIMARY,
            ),
            open_label=t("blocker.button.resolve"),
            open_action=f"{RESOLVE}{value}",
        ),
    )
    return Reply.of_card(card)


def reassign_form(t: Translator, blocker: BlockerView) -> Reply:
    """A form asking to whom it goes now."""
    value = str(blocker.id)
    card = Card(
        title=t("blocker.reassign.title", id=blocker.id),
        body=short(blocker.text, 200),
        form=Form(
            inputs=(Input(id=PERSON, label=t("blocker.reassign.person")),),
            submit=Button(
                label=t("blocker.button.reassign"), action_id=f"{REASSIGNED}{value}", value=value
            ),
            open_label=t("blocker.button.reassign"),
            open_action=f"{REASSIGN}{value}",
        ),
    )
    return Reply.of_card(card)


def picker(
    t: Translator,
    *,
    blocker: BlockerView,
    suggestions: Sequence[str],
    topics: Mapping[str, TopicRecord],
    intro: str,
    ephemeral: bool = False,
    unknown_topic: str | None = None,
) -> Reply:
    """Ask the reporter which topic the blocker is about (never routed to a guess).

    The closest topics are buttons; when none is close, the first topics by title are,
    so there is always something to press besides typing a name.
    """
    body = intro
    if unknown_topic:
        body += "\n" + t("blocker.pick.unknown", topic=unknown_topic)
    offered = list(suggestions[:PICKS])
    if offered:
        body += "\n" + t("blocker.pick.closest")
    elif topics:
        body += "\n" + t("blocker.pick.some")
        offered = sorted(topics, key=lambda slug: fold(topics[slug].title))[:PICKS]
    else:
        body += "\n" + t("blocker.pick.none")
    body += "\n" + t("blocker.pick.type", id=blocker.id)
    buttons = tuple(
        Button(
            label=topics[s].title_in(t.locale) if s in topics else s,
            action_id=f"{ROUTE}{blocker.id}:{s}",
            value=f"{blocker.id}:{s}",
        )
        for s in offered
    )
    card = Card(
        title=t("blocker.card.title", id=blocker.id, text=short(blocker.text)),
        body=body,
        buttons=buttons,
    )
    return Reply.of_card(card, ephemeral=ephemeral)


def list_lines(
    t: Translator,
    *,
    found: Sequence[BlockerView],
    people: Mapping[str, StandupMemberView],
    now: datetime,
) -> str:
    """``#12 · 3 d · DNS for the spring site — Ana Silva · the Accountable``, one per blocker."""
    return "\n".join(
        t(
            "blocker.list.line",
            id=b.id,
            age=age(t, now - b.created_at),
            text=short(b.text, 60),
            owner=who(people, b.owner_email, t),
            level=level_name(t, b.level),
        )
        for b in found
    )
