"""/planning in the terminal, as a newcomer runs it: ``tandem chat`` for each person.

The terminal runs on the real clock: the session is on the second Tuesday of next
January, always ahead, always in winter time (London UTC+0, Paris UTC+1). Each person's
chat shows their own messages: the invitees read their invitations (and save the
calendar files they carry into ``--files``) in theirs, also when it was closed while
they were sent, and answer there; the organiser reads the answers in his.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from icalendar import Calendar, Event

from tandem.storage.orgfiles.service import FileKind
from tests.conftest import FIXTURE_FILES
from tests.live_chat import LiveChat
from tests.test_files_console import saved_paths
from tests.test_terminal_e2e import acme, env, run

__all__ = ["acme", "env"]  # the fixtures this module uses, from the terminal tests

SAM = "sam.okafor@example.com"
PRIYA = "priya.nair@example.com"
THOMAS = "thomas.girard@example.com"
_JANUARY = date(date.today().year + 1, 1, 8)
DAY = _JANUARY + timedelta(days=(1 - _JANUARY.weekday()) % 7)  # the second Tuesday
LONDON = f"Tuesday {DAY.day} January {DAY.year}, 14:00 (Europe/London)"
PARIS = f"mardi {DAY.day} janvier {DAY.year} à 15:00 (Europe/Paris)"
Q1 = (
    f'/planning new "Q1 campaign planning" {DAY.isoformat()} 14:00 60min '
    "topics: landing-pages, tracking-consent"
)


def chat(env: dict[str, str], files: Path, email: str, *lines: str) -> str:
    """``tandem chat --as email --files files``, the lines piped in: what it printed."""
    result = run(
        ["chat", "--as", email, "--tenant", "acme", "--files", str(files)],
        env=env,
        stdin="\n".join(lines) + "\n",
    )
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    return result.stdout


def file_after(out: str, text: str) -> Path:
    """The file saved with the first message showing ``text``: the path shown after it."""
    return saved_paths(out[out.index(text) :])[0]


def event_in(path: Path) -> tuple[Calendar, Event]:
    calendar = Calendar.from_ical(path.read_bytes())
    (event,) = calendar.walk("VEVENT")
    assert isinstance(event, Event)
    return calendar, event


@dataclass
class Scheduled:
    env: dict[str, str]
    files: Path
    out: str


@pytest.fixture
def scheduled(acme: dict[str, str], tmp_path: Path) -> Scheduled:
    """Sam schedules the Q1 session in the terminal, then shows it."""
    files = tmp_path / "files"
    out = chat(acme, files, SAM, Q1, "/planning show 1")
    return Scheduled(env=acme, files=files, out=out)


def test_sam_schedules_a_session_and_the_invitees_read_it_in_their_chats(
    scheduled: Scheduled, tmp_path: Path
) -> None:
    out = scheduled.out
    assert "📅 Planning #1 scheduled: Q1 campaign planning" in out
    assert "Priya Nair — invited" in out and "Thomas Girard — invited" in out
    assert LONDON in out
    shown = out[out.index("📅 Planning #1: Q1 campaign planning") :]  # /planning show 1
    assert "Priya Nair — invited" in shown and "Thomas Girard — invited" in shown
    # Other people's direct messages stay out of Sam's chat.
    assert "You're invited" not in out and "Vous êtes invité" not in out
    assert "[to " not in out and saved_paths(out) == []

    # Priya's chat, opened later, shows her invitation first, with its calendar file.
    files = tmp_path / "priya-files"
    priya = chat(scheduled.env, files, PRIYA)
    assert "while you were away:" in priya
    invite = priya[priya.index("📅 You're invited: Q1 campaign planning") :]
    accept = re.search(r"\[(\d+)\] Accept\n", invite)  # numbered after her review reminders
    assert accept is not None and accept.start() < invite.index("(file saved: ")
    assert f"[{int(accept[1]) + 2}] Propose someone else" in invite
    assert "Vous êtes invité" not in priya
    # (the chat's own sweep may DM him a rule review reminder before, or after)
    thomas = chat(scheduled.env, files, THOMAS)
    assert "pendant votre absence :" in thomas
    assert "📅 Vous êtes invité·e : Q1 campaign planning" in thomas and PARIS in thomas
    assert "You're invited" not in thomas
    # Read once: opened again, the chat has nothing waiting.
    assert "absence" not in chat(scheduled.env, files, THOMAS)

    paths = saved_paths(priya) + saved_paths(thomas)
    assert len(paths) == 2 and all(p.suffix == ".ics" and p.is_file() for p in paths)
    assert {p.parent for p in paths} == {files.absolute()}
    calendar, event = event_in(file_after(priya, "You're invited"))
    assert calendar["METHOD"] == "REQUEST"
    assert event.decoded("dtstart") == datetime.combine(DAY, datetime.min.time(), UTC) + timedelta(
        hours=14
    )
    assert event["DTSTART"].params["TZID"] == "Europe/London"
    assert str(event["ORGANIZER"]) == f"mailto:{SAM}"
    attendees = event["ATTENDEE"]
    assert isinstance(attendees, list)
    assert {str(a) for a in attendees} == {f"mailto:{PRIYA}", f"mailto:{THOMAS}"}
    assert event_in(file_after(thomas, "Vous êtes invité"))[1]["UID"] == event["UID"]


def test_others_list_it_and_bad_input_is_explained(scheduled: Scheduled) -> None:
    listed = chat(scheduled.env, scheduled.files, PRIYA, "/planning list")
    assert f"#1 Q1 campaign planning — {LONDON}" in listed
    assert "Priya Nair (?)" in listed and "Thomas Girard (?)" in listed
    french = chat(scheduled.env, scheduled.files, THOMAS, "/planning liste")
    assert f"n°1 Q1 campaign planning — {PARIS}" in french

    bad = chat(
        scheduled.env,
        scheduled.files,
        PRIYA,
        '/planning new "Past" 2020-01-12 14:00 topics: crm',
        f'/planning new "X" {DAY.isoformat()} 14:00 topics: astrology',
    )
    assert "2020-01-12 14:00 is already past: pick a time to come." in bad
    assert "I know no RACI topic called “astrology”" in bad
    assert "scheduled" not in bad and "You're invited" not in bad  # nobody invited
    assert saved_paths(bad) == []
    still = chat(scheduled.env, scheduled.files, SAM, "/planning list")
    assert "#1 Q1 campaign planning" in still and "#2" not in still


def test_sam_cancels_and_the_invitees_get_a_calendar_cancellation(
    scheduled: Scheduled, tmp_path: Path
) -> None:
    out = chat(scheduled.env, scheduled.files, SAM, "/planning cancel 1")
    assert "Planning #1 “Q1 campaign planning” is cancelled; 2 invited people were told" in out
    assert "❌ Q1 campaign planning is cancelled" not in out  # Priya's, not Sam's

    # Priya and Thomas were away: their chats show the invitation, then its cancellation.
    files = tmp_path / "invitees"
    priya = chat(scheduled.env, files, PRIYA)
    assert priya.index("You're invited") < priya.index("❌ Q1 campaign planning is cancelled")
    thomas = chat(scheduled.env, files, THOMAS)
    assert "❌ Q1 campaign planning est annulée" in thomas
    uid = event_in(file_after(priya, "You're invited"))[1]["UID"]
    calendar, event = event_in(file_after(priya, "❌ Q1 campaign planning is cancelled"))
    assert calendar["METHOD"] == "CANCEL"
    assert event["UID"] == uid and event["STATUS"] == "CANCELLED"
    assert event_in(file_after(thomas, "est annulée"))[1]["UID"] == uid
    assert len(saved_paths(priya)) == 2 and len(saved_paths(thomas)) == 2

    after = chat(scheduled.env, scheduled.files, SAM, "/planning list", "/planning cancel 1")
    assert "No planning session to come" in after and "already cancelled" in after


def test_the_invitees_answer_in_their_own_chats_while_the_organiser_watches(
    acme: dict[str, str], tmp_path: Path
) -> None:
    """Sam's and Priya's chats are open at once; each sees the other's doing in seconds."""
    # Every rule reviewed today, whatever today is: no review reminder card (Priya is an
    # Accountable) arrives between her invitation and her pressing its button.
    reviewed = re.sub(
        r"last_reviewed: *\S+",
        f"last_reviewed: {date.today().isoformat()}",
        FIXTURE_FILES[FileKind.GUARDRAILS].read_text("utf-8"),
    )
    (tmp_path / "reviewed.yaml").write_text(reviewed, "utf-8")
    imported = run(
        ["import", "guardrails", str(tmp_path / "reviewed.yaml"), "--tenant", "acme"], env=acme
    )
    assert imported.returncode == 0, imported.stderr
    files = tmp_path / "files"
    priya = LiveChat(email=PRIYA, env=acme, tenant="acme", files=files)
    sam = LiveChat(email=SAM, env=acme, tenant="acme", files=files)
    try:
        sam.type(Q1)
        sam.wait_for("📅 Planning #1 scheduled")
        invited = priya.wait_for("📅 You're invited: Q1 campaign planning")
        accept = re.search(r"\[(\d+)\] Accept\n", invited[invited.index("You're invited") :])
        assert accept is not None
        mark = len(priya.out)
        priya.type(accept[1])  # the invitation's Accept button, pressed in her own chat
        priya.wait_for("✅ Q1 campaign planning: you accepted", after=mark)
        sam.wait_for(f"✅ Priya Nair accepted Q1 campaign planning ({LONDON})")

        # Thomas answers in words, in French, with his reason: no form, no button.
        thomas = chat(acme, files, THOMAS, "/planning refuser 1 En congés cette semaine-là")
        assert "🚫 Q1 campaign planning : vous avez décliné" in thomas
        sam.wait_for("🚫 Thomas Girard declined Q1 campaign planning")
        assert "En congés cette semaine-là" in sam.out
        again = chat(acme, files, PRIYA, "/planning accept 1", "/planning decline 9")
        assert "You already answered for Q1 campaign planning" in again
        assert "There is no planning session #9 here" in again
        sam_out, priya_out = sam.close(), priya.close()
    except BaseException:
        priya.kill()
        sam.kill()
        raise
    # Neither saw the other's direct messages.
    assert "You're invited" not in sam_out and "Priya Nair accepted" not in priya_out
