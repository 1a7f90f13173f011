"""The adapter port over a terminal: everything "sent" is printed, files saved to a folder."""

from __future__ import annotations

import asyncio
import itertools
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import TextIO

from platformdirs import user_data_dir

from tandem.adapters.console.mailbox import Mailbox
from tandem.adapters.console.render import render_reply
from tandem.bot.cards import FileAttachment, Reply
from tandem.bot.i18n import Translator
from tandem.bot.port import Profile
from tandem.bot.types import ConversationKind, ConversationRef, MessageRef, TenantKey, User

MAX_NAME = 120
_UNSAFE = re.compile(r"[^\w.\- ]+")
_RESERVED = frozenset(  # names Windows keeps for devices, whatever their extension
    {
        "CON",
        "PRN",
        "AUX",
        "NUL",
        *(f"COM{n}" for n in range(1, 10)),
        *(f"LPT{n}" for n in range(1, 10)),
    }
)


def default_files_dir() -> Path:
    """Where ``tandem chat`` saves files sent to you unless told otherwise (``--files``)."""
    return Path(user_data_dir("tandem", appauthor=False)) / "files"


def safe_name(name: str) -> str:
    """``name`` as a plain file name: no folders, no control or odd characters, not hidden."""
    base = name.replace("\\", "/").rsplit("/", 1)[-1]
    base = "".join(c for c in unicodedata.normalize("NFC", base) if c.isprintable())
    base = _UNSAFE.sub("_", base).strip(" .")
    if not base:
        return "file"
    if base.split(".")[0].upper() in _RESERVED:
        base = "_" + base
    stem, dot, suffix = base.rpartition(".")
    if not dot or not stem or len(suffix) > 16:
        return base[:MAX_NAME]
    return f"{stem[: MAX_NAME - len(suffix) - 1].rstrip(' .') or 'file'}.{suffix}"


def save_file(*, folder: Path, file: FileAttachment) -> Path:
    """Write ``file`` into ``folder`` (created if needed) under a name not taken yet there:
    ``invite.ics``, then ``invite-2.ics``, ``invite-3.ics``…"""
    folder.mkdir(parents=True, exist_ok=True)
    name = Path(safe_name(file.name))
    for number in itertools.count(1):
        path = folder / (name.name if number == 1 else f"{name.stem}-{number}{name.suffix}")
        try:
            with path.open("xb") as written:  # never overwrites, even when two write at once
                written.write(file.content)
        except FileExistsError:
            continue
        return path
    raise AssertionError("unreachable")


class ConsoleAdapter:
    """Implements :class:`tandem.bot.port.ChatPort` for ``tandem chat``.

    With a :class:`~tandem.adapters.console.mailbox.Mailbox`, what is sent or updated is
    kept there for the people it is addressed to, and each person's chat shows their own
    (:mod:`tandem.adapters.console.inbox`); without one, the messages this chat's person
    reads (their DMs, channel posts) are printed at once and other people's are dropped.
    Files sent with a reply are saved into ``files_dir`` (by default
    :func:`default_files_dir`) and their path printed after the message.
    """

    def __init__(
        self,
        *,
        out: TextIO,
        me: User,
        files_dir: Path | None = None,
        mailbox: Mailbox | None = None,
    ) -> None:
        self._out = out
        self._me = me
        self._ids = itertools.count(1)
        self._files_dir = (files_dir if files_dir is not None else default_files_dir()).absolute()
        self._mailbox = mailbox
        self._t = Translator(locale=me.locale)

    def write(self, text: str) -> None:
        """Print ``text`` followed by a blank line."""
        self._out.write(text.rstrip() + "\n\n")
        self._out.flush()

    async def show(self, *, reply: Reply, text: str | None = None, files: bool = True) -> None:
        """Print ``reply`` (or ``text``, its rendering) and save its files (unless not
        ``files``), each path printed after it."""
        self.write(render_reply(reply) if text is None else text)
        if not files:
            return
        for file in reply.files:
            try:
                path = await asyncio.to_thread(save_file, folder=self._files_dir, file=file)
            except OSError as error:
                reason = error.strerror or str(error)
                self.write(self._t("chat.file_not_saved", name=safe_name(file.name), reason=reason))
                continue
            self.write(self._t("chat.file_saved", path=path))

    async def send(self, *, conversation: ConversationRef, reply: Reply) -> MessageRef:
        if self._mailbox is not None:
            number = await self._mailbox.post(conversation=conversation, reply=reply)
            return MessageRef(conversation=conversation, id=str(number))
        if conversation.kind is not ConversationKind.DIRECT:
            self.write(channel_header(conversation, t=self._t))
        elif conversation.id != f"dm:{self._me.platform_user_id}":
            return MessageRef(conversation=conversation, id=str(next(self._ids)))
        await self.show(reply=reply)
        return MessageRef(conversation=conversation, id=str(next(self._ids)))

    async def update(self, *, message: MessageRef, reply: Reply) -> None:
        """Keep (or print) the new version; ``reply.files`` are not saved again."""
        if self._mailbox is not None:
            replaces = int(message.id) if message.id.isdigit() and len(message.id) < 18 else None
            await self._mailbox.post(
                conversation=message.conversation, reply=replace(reply, files=()), replaces=replaces
            )
            return
        self.write(self._t("chat.updated", id=message.id) + "\n" + render_reply(reply))

    async def open_dm(self, *, user: User) -> ConversationRef:
        return ConversationRef(tenant=user.tenant, id=f"dm:{user.platform_user_id}")

    async def invite(self, *, conversation: ConversationRef, users: Sequence[User]) -> bool:
        """The people read the channel's posts in their chats from now on."""
        if self._mailbox is not None:
            await self._mailbox.add_members(
                channel_id=conversation.id,
                emails=[u.email or u.platform_user_id for u in users],
            )
        return True

    async def members(self, *, conversation: ConversationRef) -> list[User] | None:
        """A terminal cannot list a channel's members."""
        return None

    async def find_user(self, *, tenant: TenantKey, email: str) -> User | None:
        """In the terminal a person's id is their email."""
        return User(tenant=tenant, platform_user_id=email, email=email)

    async def profile(self, *, user: User) -> Profile:
        return Profile(
            email=user.email,
            name=user.display_name,
            timezone=user.timezone,
            locale=user.locale,
        )


def channel_header(conversation: ConversationRef, *, t: Translator) -> str:
    """``[#channel]``, or ``[#channel · thread T]`` for a reply in a thread (in the
    reader's language)."""
    where = f"#{conversation.id}"
    if not conversation.thread:
        return f"[{where}]"
    return t("chat.thread", channel=where, thread=conversation.thread)
