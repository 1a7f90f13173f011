"""The chat loop: interactive with history on a terminal, line by line otherwise."""

from __future__ import annotations

import asyncio
import contextlib
import sys
from pathlib import Path
from typing import TextIO

from tandem.adapters.console.adapter import ConsoleAdapter
from tandem.adapters.console.forms import Filled, fill
from tandem.adapters.console.inbox import Inbox
from tandem.adapters.console.picks import NotPressable, Picks
from tandem.adapters.console.render import choices, render_reply
from tandem.bot.cards import Reply
from tandem.bot.dispatcher import Dispatcher
from tandem.bot.i18n import Translator
from tandem.bot.types import ActionSubmitted, ConversationRef, MessageReceived, User

QUIT = {"/quit", "/exit", "quit", "exit", ":q"}


async def read_line(prompt: str, interactive: bool, stdin: TextIO) -> str | None:
    """One line typed (None at the end of input)."""
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


def opens_at_once(reply: Reply) -> bool:
    """A form that answers what was typed or clicked opens at once when it is all the card
    is (``/standup setup``, a Decline button); one offered beside an answer (the approval
    form under a guardrail verdict) waits for its button to be picked."""
    card = reply.card
    return card is not None and card.form is not None and not card.fields


async def run_chat(
    *,
    dispatcher: Dispatcher,
    user: User,
    greeting: str,
    history: Path | None,
    stdin: TextIO | None = None,
    stdout: TextIO | None = None,
    adapter: ConsoleAdapter | None = None,
    inbox: Inbox | None = None,
    picks: Picks | None = None,
    every: float = 1.0,
) -> None:
    """Talk to Tandem until end of input or ``/quit``.

    A number typed presses the button shown beside it (each card shown takes the next
    free numbers: ``tandem.adapters.console.picks``); a form is filled in by answering its
    inputs one by one (``tandem.adapters.console.forms``). With an ``inbox``, what
    arrived while the chat was closed is shown first, then what arrives is looked for
    every ``every`` seconds and after each line. ``stdin`` and ``stdout`` are the
    process's at the time of the call by default.
    """
    stdin = stdin or sys.stdin
    stdout = stdout or sys.stdout
    interactive = stdin.isatty() and stdout.isatty()
    if interactive and history is not None:
        _enable_history(history)
    adapter = adapter or ConsoleAdapter(out=stdout, me=user)
    picks = picks or Picks()
    chat = _Chat(
        dispatcher=dispatcher,
        user=user,
        conversation=await adapter.open_dm(user=user),
        adapter=adapter,
        picks=picks,
        interactive=interactive,
        stdin=stdin,
    )
    if interactive:
        adapter.write(greeting)
    if inbox is not None:
        await inbox.open()
    watching = asyncio.create_task(inbox.watch(every=every)) if inbox is not None else None
    try:
        await chat.run(inbox)
    finally:
        if watching is not None:
            watching.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await watching
    if inbox is not None:  # what the last line brought (piped input ends at once)
        await inbox.check()


class _Chat:
    """One person's side of the conversation: lines in, answers out."""

    def __init__(
        self,
        *,
        dispatcher: Dispatcher,
        user: User,
        conversation: ConversationRef,
        adapter: ConsoleAdapter,
        picks: Picks,
        interactive: bool,
        stdin: TextIO,
    ) -> None:
        self._dispatcher = dispatcher
        self._user = user
        self._conversation = conversation
        self._adapter = adapter
        self._picks = picks
        self._interactive = interactive
        self._stdin = stdin
        self._t = Translator(locale=user.locale)

    async def run(self, inbox: Inbox | None) -> None:
        pending: str | None = None
        while True:
            line = pending if pending is not None else await self._read("you> ")
            pending = None
            if line is None:
                return
            text = line.strip()
            if not text:
                continue
            if text.casefold() in QUIT:
                return
            pending = await self._present(await self._answer(text))
            if inbox is not None:
                await inbox.check()

    async def _read(self, prompt: str) -> str | None:
        return await read_line(prompt, self._interactive, self._stdin)

    async def _present(self, reply: Reply) -> str | None:
        """Show ``reply``, filling in its form when it opens at once (again while the form
        comes back, as when a field was refused). Returns a command typed into a form,
        which cancelled it and is to run next."""
        while reply.card is not None and reply.card.form is not None and opens_at_once(reply):
            first = self._picks.offer(reply.card.buttons)  # beside the form, pressable after
            await self._adapter.show(reply=reply, text=render_reply(reply, first=first))
            form = reply.card.form
            filled: Filled = await fill(form, read=self._read, write=self._adapter.write, t=self._t)
            if filled.values is None:
                return filled.command
            reply = await self._dispatcher.handle(
                ActionSubmitted(
                    user=self._user,
                    conversation=self._conversation,
                    action_id=form.submit.action_id,
                    value=form.submit.value,
                    inputs=filled.values,
                )
            )
        buttons = choices(reply.card) if reply.card is not None else ()
        first = self._picks.offer(buttons)
        await self._adapter.show(
            reply=reply,
            text=render_reply(reply, buttons=buttons if reply.card else None, first=first),
        )
        return None

    async def _answer(self, text: str) -> Reply:
        picked = self._picks.pick(text)
        if isinstance(picked, NotPressable):
            key = "chat.button.changed" if picked.changed else "chat.button.none"
            return Reply(text=self._t(key, number=picked.number), locale=self._t.locale)
        if picked is not None:
            message = picked.message
            return await self._dispatcher.handle(
                ActionSubmitted(
                    user=self._user,
                    conversation=message.conversation if message else self._conversation,
                    action_id=picked.button.action_id,
                    value=picked.button.value,
                    message=message,
                )
            )
        return await self._dispatcher.handle(
            MessageReceived(user=self._user, conversation=self._conversation, text=text)
        )
