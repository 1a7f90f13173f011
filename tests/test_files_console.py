"""Files in the terminal: saved into a folder, their path printed after the message."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest

from tandem.adapters.console.adapter import ConsoleAdapter, default_files_dir, safe_name
from tandem.adapters.console.repl import run_chat
from tandem.bot.cards import FileAttachment, Reply
from tandem.bot.clock import FixedClock
from tandem.bot.dispatcher import CommandContext, CommandSpec
from tandem.bot.settings import Settings
from tandem.bot.types import MessageRef, TenantKey, User
from tests.cli import tandem
from tests.conftest import import_fixtures
from tests.harness import chat_runtime

TENANT = TenantKey.parse("acme")
SAM = User(tenant=TENANT, platform_user_id="sam.okafor@example.com", display_name="Sam Okafor")
INVITE = FileAttachment(
    name="planning-q1.ics",
    mime="text/calendar",
    content=(
        b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nSUMMARY:Planning Q1 \xe2\x80\x94 IT\r\n"
        b"END:VCALENDAR\r\n"
    ),
    title="Planning Q1 (calendar invite)",
)


def names_in(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


SAVED = ("(file saved: ", "(fichier enregistré : ")  # in the reader's language


def saved_paths(printed: str) -> list[Path]:
    return [
        Path(line.removeprefix(prefix).removesuffix(")"))
        for line in printed.splitlines()
        for prefix in SAVED
        if line.startswith(prefix)
    ]


async def test_a_file_is_saved_and_its_path_printed_after_the_message(tmp_path: Path) -> None:
    out = io.StringIO()
    folder = tmp_path / "not" / "there" / "yet"
    adapter = ConsoleAdapter(out=out, me=SAM, files_dir=folder)
    dm = await adapter.open_dm(user=SAM)
    await adapter.send(
        conversation=dm, reply=Reply(text="Planning Q1 is on Thursday", files=(INVITE,))
    )

    printed = out.getvalue()
    (path,) = saved_paths(printed)
    assert path == folder.absolute() / "planning-q1.ics"
    assert path.read_bytes() == INVITE.content
    assert printed.index("Planning Q1 is on Thursday") < printed.index("(file saved: ")


async def test_a_french_reader_reads_where_the_file_went_in_french(tmp_path: Path) -> None:
    out = io.StringIO()
    hugo = User(tenant=TENANT, platform_user_id="hugo@example.com", locale="fr-FR")
    adapter = ConsoleAdapter(out=out, me=hugo, files_dir=tmp_path)
    dm = await adapter.open_dm(user=hugo)
    await adapter.send(conversation=dm, reply=Reply(text="Planification", files=(INVITE,)))
    await adapter.update(message=MessageRef(conversation=dm, id="7"), reply=Reply(text="Déplacée"))
    printed = out.getvalue()
    (path,) = saved_paths(printed)
    assert printed.count(f"(fichier enregistré : {path})") == 1
    assert path.name == "planning-q1.ics"
    assert "(message 7 mis à jour)\nDéplacée" in printed
    assert "saved" not in printed and "updated" not in printed


async def test_the_same_name_twice_keeps_both_files(tmp_path: Path) -> None:
    out = io.StringIO()
    adapter = ConsoleAdapter(out=out, me=SAM, files_dir=tmp_path)
    dm = await adapter.open_dm(user=SAM)
    moved = FileAttachment(name=INVITE.name, mime=INVITE.mime, content=b"moved to Friday")
    await adapter.send(conversation=dm, reply=Reply(text="Planning", files=(INVITE,)))
    await adapter.send(conversation=dm, reply=Reply(text="Moved", files=(moved, moved)))

    paths = saved_paths(out.getvalue())
    assert [p.name for p in paths] == ["planning-q1.ics", "planning-q1-2.ics", "planning-q1-3.ics"]
    assert [p.read_bytes() for p in paths] == [
        INVITE.content,
        b"moved to Friday",
        b"moved to Friday",
    ]


async def test_an_update_saves_no_file(tmp_path: Path) -> None:
    out = io.StringIO()
    adapter = ConsoleAdapter(out=out, me=SAM, files_dir=tmp_path)
    dm = await adapter.open_dm(user=SAM)
    sent = await adapter.send(conversation=dm, reply=Reply(text="Planning"))
    await adapter.update(message=sent, reply=Reply(text="Planning moved", files=(INVITE,)))
    assert "Planning moved" in out.getvalue()
    assert names_in(tmp_path) == []


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("../../etc/passwd", "passwd"),
        ("C:\\Users\\sam\\invite.ics", "invite.ics"),
        (".bashrc", "bashrc"),
        ("..", "file"),
        ("", "file"),
        ("in\x00vi\nte?.ics", "invite_.ics"),
        ("réunion planning.ics", "réunion planning.ics"),
        ("CON.ics", "_CON.ics"),
        ("x" * 300 + ".ics", "x" * 116 + ".ics"),
    ],
)
def test_a_file_name_becomes_a_safe_plain_name(given: str, expected: str) -> None:
    assert safe_name(given) == expected


async def test_a_name_with_folders_stays_in_the_folder(tmp_path: Path) -> None:
    out = io.StringIO()
    folder = tmp_path / "files"
    adapter = ConsoleAdapter(out=out, me=SAM, files_dir=folder)
    sneaky = FileAttachment(name="../../outside.ics", mime="text/calendar", content=b"x")
    await adapter.send(
        conversation=await adapter.open_dm(user=SAM), reply=Reply(text="hi", files=(sneaky,))
    )
    assert names_in(folder) == ["outside.ics"]
    assert not (tmp_path / "outside.ics").exists()


def test_the_default_folder_is_in_the_user_data_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    if sys.platform.startswith("linux"):
        monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
        assert default_files_dir() == tmp_path / "tandem" / "files"
    assert default_files_dir().parts[-2:] == ("tandem", "files")


def test_tandem_chat_takes_a_files_folder() -> None:
    result = tandem(["chat", "--help"], env={})
    assert result.returncode == 0 and "--files DIRECTORY" in result.stdout


async def test_a_reply_in_the_chat_loop_saves_its_file(
    settings: Settings, clock: FixedClock, tmp_path: Path
) -> None:
    async def invite(ctx: CommandContext) -> Reply:
        return Reply(text="Here is your invite", files=(INVITE,))

    async with chat_runtime(settings=settings, clock=clock) as runtime:
        await import_fixtures(runtime.database, "acme")
        runtime.dispatcher.add_command(CommandSpec(name="invite-me", handler=invite))
        out = io.StringIO()
        await run_chat(
            dispatcher=runtime.dispatcher,
            user=SAM,
            greeting="",
            history=None,
            stdin=io.StringIO("/invite-me\n"),
            stdout=out,
            adapter=ConsoleAdapter(out=out, me=SAM, files_dir=tmp_path),
        )
    printed = out.getvalue()
    assert "Here is your invite" in printed
    (path,) = saved_paths(printed)
    assert path.read_bytes() == INVITE.content and path.parent == tmp_path
