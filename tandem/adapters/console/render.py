"""Neutral replies rendered as readable terminal text."""

from __future__ import annotations

from tandem.bot.cards import Card, Reply
from tandem.bot.mentions import as_names


def render_card(card: Card) -> str:
    """A card as aligned plain text; buttons are numbered so they can be typed."""
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
    if card.form is not None:
        lines.append("")
        lines.extend(f"  • {item.label}" for item in card.form.inputs)
    if card.buttons:
        lines.append("")
        lines.extend(f"  [{n}] {button.label}" for n, button in enumerate(card.buttons, 1))
    if card.footer:
        lines.extend(["", card.footer])
    return "\n".join(lines)


def render_reply(reply: Reply) -> str:
    """The card when there is one, else the text; mentions show as ``@Name``."""
    return as_names(render_card(reply.card) if reply.card else reply.text)
