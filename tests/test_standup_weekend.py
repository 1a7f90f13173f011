"""A Saturday, for a team that meets Monday to Friday: nothing of Friday is offered."""

from __future__ import annotations

from tests.test_standup_ritual import HUGO, SAM, SETUP, Team, at, team

__all__ = ["team"]  # the fixture, shared with the stand-up ritual's own tests


async def test_on_saturday_nothing_is_asked_skipped_or_offered_late(team: Team) -> None:
    chat = team.chat
    await chat.say(SAM, SETUP)
    await team.tick(at(9, 30, day=27))  # Friday: Sam is asked, and does not answer
    assert len(team.port.dms(SAM)) == 1
    await team.tick(at(17, day=27))  # 12:00 in New York: Friday's summary
    team.clock.set(at=at(10, day=28))  # Saturday 10:00
    asked = await chat.say(SAM, "/standup")
    assert "Nothing to answer for “Marketing-IT daily” right now" in asked.text
    assert "you will be asked 30 Nov 2026, 09:30" in asked.text  # Monday, not Friday's run
    skipped = await chat.say(SAM, "/standup skip")
    assert "There is no stand-up to skip right now." in skipped.text
    french = await chat.say(HUGO, "/standup passer")
    assert "Il n'y a pas de stand-up à passer pour l'instant." in french.text
    report = await chat.say(SAM, "/standup report 7")
    assert "Sam Okafor: 0/1 answered (0 late, 0 skipped)" in report.text  # Friday not skipped
