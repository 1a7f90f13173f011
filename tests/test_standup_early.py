"""Answering before being asked: the question does not come afterwards."""

from __future__ import annotations

from tests.test_standup_ritual import SAM, SETUP, Team, at, team

__all__ = ["team"]  # the fixture, shared with the stand-up ritual's own tests


async def test_whoever_answered_early_is_not_asked_afterwards(team: Team) -> None:
    chat, port = team.chat, team.port
    await chat.say(SAM, SETUP)
    team.clock.set(at=at(8))  # 08:00 in London, before Sam's 09:30
    await chat.say(SAM, "/standup")
    await chat.say(SAM, "Wrote the brief")
    await chat.say(SAM, "Review the landing page")
    done = await chat.say(SAM, "Nothing")
    assert "Thanks" in done.text or "posted" in done.text
    await team.tick(at(9, 30))
    assert port.dms(SAM) == [], [m.text for m in port.dms(SAM)]
