"""/planning in the terminal, as a newcomer runs it: ``tandem chat`` in a subprocess.

The terminal runs on the real clock: the session is on the second Tuesday of next
January, always ahead, always in winter time (London UTC+0, Paris UTC+1). Every
person's DMs are printed in the one terminal, prefixed with ``[to EMAIL]``, and the
calendar files they carry are saved into ``--files``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from icalendar import Calendar, Event

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


def dm_file(out: str, email: str) -> Path:
    """The file saved with the first DM printed for ``email``: the path shown after it."""
    after = out[out.index(f"[to {email}]") :]
    return saved_paths(after)[0]


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


def test_sam_schedules_a_session_and_the_invites_are_saved(scheduled: Scheduled) -> None:
    out = scheduled.out
    assert "📅 Planning #1 scheduled: Q1 campaign planning" in out
    assert "Priya Nair — invited" in out and "Thomas Girard — invited" in out
    assert LONDON in out
    shown = out[out.index("📅 Planning #1: Q1 campaign planning") :]  # /planning show 1
    assert "Priya Nair — invited" in shown and "Thomas Girard — invited" in shown

    # The invitees' DMs, in their language and time, each with its calendar file.
    priya = out[out.index(f"[to {PRIYA}]") :]
    assert priya.index("📅 You're invited: Q1 campaign planning") < priya.index("(file saved: ")
    assert "[1] Accept" in priya and "[3] Propose someone else" in priya
    # (the chat's own sweep may DM him a rule review reminder before, or after)
    invited = f"[to {THOMAS}]\n\n📅 Vous êtes invité·e : Q1 campaign planning"
    assert invited in out
    thomas = out[out.index(invited) :]
    assert PARIS in thomas

    paths = saved_paths(out)
    assert len(paths) == 2 and all(p.suffix == ".ics" and p.is_file() for p in paths)
    assert {p.parent for p in paths} == {scheduled.files.absolute()}
    calendar, event = event_in(dm_file(out, PRIYA))
    assert calendar["METHOD"] == "REQUEST"
    assert event.decoded("dtstart") == datetime.combine(DAY, datetime.min.time(), UTC) + timedelta(
        hours=14
    )
    assert event["DTSTART"].params["TZID"] == "Europe/London"
    assert str(event["ORGANIZER"]) == f"mailto:{SAM}"
    attendees = event["ATTENDEE"]
    assert isinstance(attendees, list)
    assert {str(a) for a in attendees} == {f"mailto:{PRIYA}", f"mailto:{THOMAS}"}
    assert event_in(dm_file(out, THOMAS))[1]["UID"] == event["UID"]


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
    assert saved_paths(bad) == [] and len(list(scheduled.files.iterdir())) == 2
    still = chat(scheduled.env, scheduled.files, SAM, "/planning list")
    assert "#1 Q1 campaign planning" in still and "#2" not in still


def test_sam_cancels_and_the_invitees_get_a_calendar_cancellation(scheduled: Scheduled) -> None:
    uid = event_in(dm_file(scheduled.out, PRIYA))[1]["UID"]
    out = chat(scheduled.env, scheduled.files, SAM, "/planning cancel 1")
    assert "Planning #1 “Q1 campaign planning” is cancelled; 2 invited people were told" in out
    assert "❌ Q1 campaign planning is cancelled" in out
    assert "❌ Q1 campaign planning est annulée" in out

    cancellations = saved_paths(out)
    assert len(cancellations) == 2 and all(p.is_file() for p in cancellations)
    assert not set(cancellations) & set(saved_paths(scheduled.out))  # the invites are kept
    calendar, event = event_in(dm_file(out, PRIYA))
    assert calendar["METHOD"] == "CANCEL"
    assert event["UID"] == uid and event["STATUS"] == "CANCELLED"
    assert event_in(dm_file(out, THOMAS))[1]["UID"] == uid

    after = chat(scheduled.env, scheduled.files, SAM, "/planning list", "/planning cancel 1")
    assert "No planning session to come" in after and "already cancelled" in after
