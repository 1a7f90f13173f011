"""A number typed in the terminal presses the button the person saw beside it, even when
another card arrives between reading and typing (a review reminder just before Priya
presses her invitation's Accept); a number beside no button one can press is said so.

In process: Priya's chat (``run_chat`` with its mailbox and inbox, as ``tandem chat``
wires it) on the fixtures' Monday, her keyboard a queue the test types into.
"""

from __future__ import annotations

import asyncio
import io
import os
import re
from collections.abc import AsyncIterator
from dataclasses import dataclass

import pytest

from tandem.adapters.console.adapter import ConsoleAdapter
from tandem.adapters.console.inbox import Inbox
from tandem.adapters.console.mailbox import Mailbox
from tandem.adapters.console.picks import Picks
from tandem.adapters.console.repl import run_chat
from tandem.bot.clock import FixedClock
from tandem.bot.settings import Settings
from tandem.bot.types import Platform, User
from tandem.runtime import Runtime
from tandem.storage.repositories import tenants
from tests.conftest import import_fixtures
from tests.harness import Chat, chat_runtime

SAM = "sam.okafor@example.com"
PRIYA = "priya.nair@example.com"
SESSION = '/planning new "Q1 campaign planning" 2026-11-26 14:00 60min topics: landing-pages'


class Keyboard:
    """A chat's input, a pipe: each line comes when the test types it."""

    def __init__(self) -> None:
        read, self._write = os.pipe()
        self.stdin = os.fdopen(read, "r", encoding="utf-8")

    def type(self, line: str) -> None:
        os.write(self._write, (line + "\n").encode())

    def end(self) -> None:
        os.close(self._write)


@dataclass
class OpenChat:
    chat: Chat
    keyboard: Keyboard
    screen: io.StringIO

    async def wait_for(self, text: str, *, after: int = 0) -> str:
        """What the chat printed from ``after`` on, once ``text`` is among it."""
        for _ in range(1000):
            shown = self.screen.getvalue()[after:]
            if text in shown:
                return shown
            await asyncio.sleep(0.01)
        raise AssertionError(f"never printed {text!r}:\n{self.screen.getvalue()[after:]}")

    def number_of(self, label: str, printed: str) -> str:
        """The number printed beside the first button called ``label``."""
        found = re.search(rf"\[(\d+)\] {re.escape(label)}\n", printed + "\n")
        assert found, printed
        return found.group(1)


@pytest.fixture
async def priya(settings: Settings, clock: FixedClock) -> AsyncIterator[OpenChat]:
    """Priya's chat, open, her invitation to Sam's session shown in it."""
    async with chat_runtime(settings=settings, clock=clock) as runtime:
        key = await import_fixtures(runtime.database, "acme")
        screen, keyboard = io.StringIO(), Keyboard()
        user = User(tenant=key, platform_user_id=PRIYA, email=PRIYA, display_name="Priya Nair")
        running = await _open(runtime, clock, user=user, screen=screen, keyboard=keyboard)
        chat = Chat(runtime=runtime, tenant=key)
        opened = OpenChat(chat=chat, keyboard=keyboard, screen=screen)
        try:
            yield opened
        finally:
            keyboard.end()
            await asyncio.wait_for(running, timeout=30)
            keyboard.stdin.close()


async def _open(
    runtime: Runtime, clock: FixedClock, *, user: User, screen: io.StringIO, keyboard: Keyboard
) -> asyncio.Task[None]:
    async with runtime.database.session() as session:
        tenant = await tenants.find_tenant(session, key=user.tenant)
    assert tenant is not None
    mailbox = Mailbox(database=runtime.database, tenant=tenant, clock=clock)
    adapter = ConsoleAdapter(out=screen, me=user, mailbox=mailbox)
    runtime.ports.add(platform=Platform.LOCAL.value, port=adapter, only=user.tenant)
    picks = Picks()
    return asyncio.create_task(
        run_chat(
            dispatcher=runtime.dispatcher,
            user=user,
            greeting="",
            history=None,
            stdin=keyboard.stdin,
            stdout=screen,
            adapter=adapter,
            inbox=Inbox(mailbox=mailbox, adapter=adapter, me=user, picks=picks),
            picks=picks,
            every=0.02,
        )
    )


async def test_a_card_arriving_before_the_press_does_not_change_what_the_number_presses(
    priya: OpenChat,
) -> None:
    await priya.chat.say(SAM, SESSION)
    invitation = await priya.wait_for("[3] Propose someone else")
    accept = priya.number_of("Accept", invitation)
    decline = priya.number_of("Decline", invitation)
    # A review reminder lands in her chat (she is the Accountable of a rule long due) after
    # she read the invitation, before she types.
    mark = len(priya.screen.getvalue())
    for engine in priya.chat.runtime.engines:
        await engine.run_due()
    reminder = await priya.wait_for("Rule due for review", after=mark)
    assert priya.number_of("Mark as reviewed", reminder) not in (accept, decline)

    mark = len(priya.screen.getvalue())
    priya.keyboard.type(accept)
    pressed = await priya.wait_for("you accepted", after=mark)
    assert "Marked as reviewed" not in pressed

    mark = len(priya.screen.getvalue())
    priya.keyboard.type(decline)  # the invitation shown since in its answered version
    changed = await priya.wait_for("was on a message that has changed since", after=mark)
    assert f"Button [{decline}] was on a message" in changed
    priya.keyboard.type("42")
    none = await priya.wait_for("No button is numbered [42] in this chat", after=mark)
    assert "declined" not in none and "Marked as reviewed" not in none
