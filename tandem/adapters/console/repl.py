"""The chat loop: interactive with history on a terminal, line by line otherwise."""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path
from typing import TextIO

from tandem.adapters.console.adapter import ConsoleAdapter
from tandem.bot.cards import Button, Form, Reply
from tandem.bot.dispatcher import Dispatcher
from tandem.bot.types import ActionSubmitted, ConversationRef, MessageReceived, User

QUIT = {"/quit", "/exit", "quit", "exit", ":q"}
CANCEL = {"/cancel", "/annuler"}


async def _read_line(prompt: str, interactive: bool, stdin: TextIO) -> str | None:
    if interactive:
        try:
            return await asyncio.to_thread(input, prompt)
        except EOFError:
            return None
    line = await asyncio.to_thread(stdin.readline)
    return line if line else None


def _enable_history(history: Path) -> None:
    try:
        import readline
    except ImportError:  # pragma: no cover - Windows without pyreadline
        return
    history.parent.mkdir(parents=True, exist_ok=True)
    if history.exists():
        readline.read_history_file(history)
    readline.set_history_length(500)
    import atexit

    atexit.register(readline.write_history_file, history)


async def run_chat(
    *,
    dispatcher: Dispatcher,
    user: User,
    greeting: str,
    history: Path | None,
    stdin: TextIO | None = None,
    stdout: TextIO | None = None,
    adapter: ConsoleAdapter | None = None,
) -> None:
    """Talk to Tandem until end of input or ``/quit``.

    A number typed after a card with buttons clicks that button; a card with a form
    is filled in by answering its inputs one by one (guided text). ``stdin`` and
    ``stdout`` are the process's at the time of the call by default.
    """
    stdin = stdin or sys.stdin
    stdout = stdout or sys.stdout
    interactive = stdin.isatty() and stdout.isatty()
    if interactive and history is not None:
        _enable_history(history)
    adapter = adapter or ConsoleAdapter(out=stdout, me=user)
    conversation = await adapter.open_dm(user=user)
    if interactive:
        adapter.write(greeting)
    buttons: tuple[Button, ...] = ()
    while True:
        line = await _read_line("you> ", interactive, stdin)
        if line is None:
            break
        text = line.strip()
        if not text:
            continue
        if text.casefold() in QUIT:
            break
        reply = await _answer(dispatcher, user, conversation, text, buttons)
        await adapter.send(conversation=conversation, reply=reply)
        while reply.card is not None and reply.card.form is not None:
            inputs = await _fill(reply.card.form, interactive, stdin, adapter)
            if inputs is None:
                break
            submit = reply.card.form.submit
            reply = await dispatcher.handle(
                ActionSubmitted(
                    user=user,
                    conversation=conversation,
                    action_id=submit.action_id,
                    value=submit.value,
                    inputs=inputs,
                )
            )
            await adapter.send(conversation=conversation, reply=reply)
        buttons = reply.card.buttons if reply.card else ()


async def _fill(
    form: Form, interactive: bool, stdin: TextIO, adapter: ConsoleAdapter
) -> dict[str, str] | None:
    """Ask the form's inputs one by one; an empty line keeps the value shown in brackets.

    Returns None when the user types /cancel or the input ends.
    """
    values: dict[str, str] = {}
    for item in form.inputs:
        shown = f" [{item.initial}]" if item.initial else ""
        line = await _read_line(f"{item.label}{shown}: ", interactive, stdin)
        if line is None or line.strip().casefold() in CANCEL:
            adapter.write("(cancelled: nothing was sent)")
            return None
        values[item.id] = line.strip() or item.initial
    return values


async def _answer(
    dispatcher: Dispatcher,
    user: User,
    conversation: ConversationRef,
    text: str,
    buttons: tuple[Button, ...],
) -> Reply:
    if text.isdigit() and 1 <= int(text) <= len(buttons):
        button = buttons[int(text) - 1]
        return await dispatcher.handle(
            ActionSubmitted(
                user=user, conversation=conversation, action_id=button.action_id, value=button.value
            )
        )
    return await dispatcher.handle(MessageReceived(user=user, conversation=conversation, text=text))
