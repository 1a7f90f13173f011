"""A form in the terminal: its inputs asked in turn.

The form says first how to leave it. An empty line keeps the value shown in brackets; a
multi-line input takes lines until an empty one; a needed input left empty is asked
again. A form sent back with a value refused asks only that input again. ``/cancel``
leaves the form, and so does any line beginning with ``/``, which then runs as the
command it is: nothing typed for a command ever lands in a field.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from tandem.bot.cards import Form, Input
from tandem.bot.i18n import Translator

CANCEL = {"/cancel", "/annuler"}
SHOWN = 60
"""How much of a value kept in brackets is shown."""

Read = Callable[[str], Awaitable[str | None]]
Write = Callable[[str], None]


@dataclass(frozen=True, slots=True)
class Filled:
    """The values typed (None: the form was left), and the command that left it if any."""

    values: dict[str, str] | None
    command: str | None = None


class _Left(Exception):
    def __init__(self, command: str | None) -> None:
        super().__init__(command or "")
        self.command = command


def _kept(item: Input) -> str:
    if not item.initial:
        return ""
    flat = " | ".join(line.strip() for line in item.initial.splitlines() if line.strip())
    return f" [{flat if len(flat) <= SHOWN else flat[: SHOWN - 1] + '…'}]"


async def fill(form: Form, *, read: Read, write: Write, t: Translator) -> Filled:
    """Ask ``form``'s inputs in turn; a form sent back with inputs refused asks only
    those again, the others keeping the values they were sent with."""
    refused = {item.id for item in form.inputs} & set(form.refused)
    write(t.plural("chat.form.again", count=len(refused)) if refused else t("chat.form.start"))
    values: dict[str, str] = {}
    try:
        for item in form.inputs:
            if refused and item.id not in refused:
                values[item.id] = item.initial
                continue
            values[item.id] = await _ask(item, read=read, write=write, t=t)
    except _Left as left:
        if left.command is None:
            write(t("chat.form.cancelled"))
        else:
            write(t("chat.form.left", command=left.command))
        return Filled(values=None, command=left.command)
    return Filled(values=values)


async def _line(prompt: str, read: Read) -> str:
    """A line of a form: raises :class:`_Left` at the end of input, ``/cancel`` or a
    command."""
    line = await read(prompt)
    if line is None:
        raise _Left(None)
    text = line.strip()
    if text.casefold() in CANCEL:
        raise _Left(None)
    if text.startswith("/"):
        raise _Left(text)
    return text


async def _ask(item: Input, *, read: Read, write: Write, t: Translator) -> str:
    while True:
        if item.multiline:
            prompt = f"{item.label} {t('chat.form.lines')}{_kept(item)}: "
            lines: list[str] = []
            while line := await _line(prompt if not lines else "… ", read):
                lines.append(line)
            value = "\n".join(lines) or item.initial
        else:
            value = await _line(f"{item.label}{_kept(item)}: ", read) or item.initial
        if value.strip() or item.optional:
            return value
        write(t("chat.form.needed", field=item.label))
