"""The adapter port over a terminal: everything "sent" is printed, files saved to a folder."""

from __future__ import annotations

import asyncio
import itertools
import re
import unicodedata
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from platformdirs import user_data_dir

from tandem.adapters.console.render import render_reply
from tandem.bot.cards import FileAttachment, Reply
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
    """Implements :class:`tandem.bot.port.ChatPort` by writing to a text stream.

    Files sent with a reply are saved into ``files_dir`` (by default
    :func:`default_files_dir`) and their path printed after the message.
    """

    def __init__(self, *, out: TextIO, me: User, files_dir: Path | None = None) -> None:
        self._out = out
        self._me = me
        self._ids = itertools.count(1)
        self._files_dir = (files_dir if files_dir is not None else default_files_dir()).absolute()

    def write(self, text: str) -> None:
        """Print ``text`` followed by a blank line."""
        self._out.write(text.rstrip() + "\n\n")
        self._out.flush()

    async def send(self, *, conversation: ConversationRef, reply: Reply) -> MessageRef:
        if conversation.kind is not ConversationKind.DIRECT:
            where = f"#{conversation.id}"
            self.write(
                f"[{where} · thread {conversation.thread}]" if conversation.thread else f"[{where}]"
            )
        elif conversation.id != f"dm:{self._me.platform_user_id}":
            self.write(f"[to {conversation.id.removeprefix('dm:')}]")
        self.write(render_reply(reply))
        for file in reply.files:
            try:
                path = await asyncio.to_thread(save_file, folder=self._files_dir, file=file)
            except OSError as error:
                self.write(f"(file {safe_name(file.name)} not saved: {error.strerror or error})")
                continue
            self.write(f"(file saved: {path})")
        return MessageRef(conversation=conversation, id=str(next(self._ids)))

    async def update(self, *, message: MessageRef, reply: Reply) -> None:
        """Print the new version; ``reply.files`` are not saved again."""
        self.write(f"(message {message.id} updated)\n{render_reply(reply)}")

    async def open_dm(self, *, user: User) -> ConversationRef:
        return ConversationRef(tenant=user.tenant, id=f"dm:{user.platform_user_id}")

    async def invite(self, *, conversation: ConversationRef, users: Sequence[User]) -> bool:
        names = ", ".join(u.display_name or u.platform_user_id for u in users)
        self.write(f"(invited {names} to #{conversation.id})")
        return True

    async def members(self, *, conversation: ConversationRef) -> list[User] | None:
        """A terminal has no channel members."""
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
