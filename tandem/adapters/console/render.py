"""Neutral replies rendered as readable terminal text."""

from __future__ import annotations

from collections.abc import Sequence

from tandem.bot.cards import Button, ButtonStyle, Card, Reply
from tandem.bot.mentions import as_names


def opener(card: Card) -> Button | None:
    """The button that opens the card's form, where the form waits to be asked for."""
    form = card.form
    if form is None or not form.open_action:
        return None
    return Button(
        label=form.open_label,
        action_id=form.open_action,
        value=form.submit.value,
        style=ButtonStyle.PRIMARY,
    )


def choices(card: Card) -> tuple[Button, ...]:
    """What a number picks on a card whose form is not open: the form's opener first (as
    Slack shows it), then the card's buttons."""
    first = opener(card)
    return (first, *card.buttons) if first is not None else card.buttons


def render_card(card: Card, *, buttons: Sequence[Button] | None = None, first: int = 1) -> str:
    """A card as aligned plain text; buttons are numbered from ``first`` so they can be
    typed.

    With ``buttons`` (see :func:`choices`) those are numbered and the form's inputs are
    not listed: the form opens when its button is picked."""
    lines = [card.title, "─" * min(max(len(card.title), 8), 72)]
    if card.body:
        lines.append(card.body)
    if card.fields:
        width = min(max(len(f.label) for f in card.fields), 28)
        if card.body:
            lines.append("")
        for item in card.fields:
            value_lines = item.value.splitlines() or [""]
            lines.append(f"  {item.label.ljust(width)}  {value_lines[0]}")
            lines.extend(f"  {'':{width}}  {more}" for more in value_lines[1:])
    if card.form is not None and buttons is None:
        lines.append("")
        lines.extend(f"  • {item.label}" for item in card.form.inputs)
    shown = card.buttons if buttons is None else buttons
    if shown:
        lines.append("")
        lines.extend(f"  [{n}] {button.label}" for n, button in enumerate(shown, first))
    if card.footer:
        lines.extend(["", card.footer])
    return "\n".join(lines)


def render_reply(reply: Reply, *, buttons: Sequence[Button] | None = None, first: int = 1) -> str:
    """The card when there is one (its buttons numbered from ``first``), else the text;
    mentions show as ``@Name``."""
    card = reply.card
    return as_names(render_card(card, buttons=buttons, first=first) if card else reply.text)
