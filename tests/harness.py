"""A test chat: people of a tenant type text and read Tandem's replies, in process."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass

from tandem.adapters.console.render import render_reply
from tandem.bot.cards import Button, Reply
from tandem.bot.clock import FixedClock
from tandem.bot.settings import Settings
from tandem.bot.types import ActionSubmitted, ConversationRef, MessageReceived, TenantKey, User
from tandem.runtime import Runtime, build_runtime, prepare
from tandem.storage.models import Person
from tandem.storage.repositories import people, tenants


@dataclass
class Chat:
    """Sends text as a person of ``tenant`` through the real dispatcher."""

    runtime: Runtime
    tenant: TenantKey

    def user(self, email: str, *, locale: str | None = None) -> User:
        return User(tenant=self.tenant, platform_user_id=email, email=email, locale=locale)

    async def say(self, email: str, text: str) -> Reply:
        user = self.user(email)
        conversation = ConversationRef(tenant=self.tenant, id=f"dm:{email}")
        return await self.runtime.dispatcher.handle(
            MessageReceived(user=user, conversation=conversation, text=text)
        )

    async def read(self, email: str, text: str) -> str:
        """What the person reads, rendered as the terminal shows it."""
        return render_reply(await self.say(email, text))

    async def click(self, email: str, reply: Reply, label: str) -> Reply:
        assert reply.card is not None
        buttons = list(reply.card.buttons)
        form = reply.card.form
        if form is not None and form.open_action:  # rendered as a button that opens the form
            buttons.append(Button(form.open_label, form.open_action, form.submit.value))
        button = next(b for b in buttons if b.label == label)
        user = self.user(email)
        return await self.runtime.dispatcher.handle(
            ActionSubmitted(
                user=user,
                conversation=ConversationRef(tenant=self.tenant, id=f"dm:{email}"),
                action_id=button.action_id,
                value=button.value,
            )
        )

    async def make_admin(self, email: str) -> None:
        """Give ``email`` the admin flag of the people file, as an import would."""
        async with self.runtime.database.session() as session:
            tenant = await tenants.find_tenant(session, key=self.tenant)
            assert tenant is not None
            person = await people.find_person(session, tenant=tenant, email=email)
            assert isinstance(person, Person)
            person.is_admin = True
            session.add(person)

    async def submit(self, email: str, reply: Reply, inputs: dict[str, str]) -> Reply:
        """Fill in the form of ``reply``'s card and send it, as a modal or card submit does."""
        assert reply.card is not None and reply.card.form is not None
        submit = reply.card.form.submit
        return await self.runtime.dispatcher.handle(
            ActionSubmitted(
                user=self.user(email),
                conversation=ConversationRef(tenant=self.tenant, id=f"dm:{email}"),
                action_id=submit.action_id,
                value=submit.value,
                inputs=inputs,
            )
        )


@asynccontextmanager
async def chat_runtime(*, settings: Settings, clock: FixedClock) -> AsyncIterator[Runtime]:
    """A wired and migrated runtime on the test database."""
    runtime = build_runtime(settings=settings, clock=clock)
    try:
        await prepare(runtime)
        yield runtime
    finally:
        await runtime.database.dispose()
