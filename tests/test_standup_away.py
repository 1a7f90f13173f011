"""Time away: listed and taken back, in the person's language, and the stand-up asks again."""

from __future__ import annotations

from tests.test_standup_ritual import ANA, HUGO, SETUP, Team, at, team

__all__ = ["team"]  # the fixture, shared with the stand-up ritual's own tests


async def test_time_away_is_listed_and_taken_back(team: Team) -> None:
    chat, port = team.chat, team.port
    await chat.say(ANA, SETUP)
    assert "no time away to come" in (await chat.say(ANA, "/standup away list")).text
    await chat.say(ANA, "/standup away 2026-11-23 2026-11-24")
    await chat.say(ANA, "/standup away 2026-12-21 2027-01-02")
    listed = await chat.say(ANA, "/standup away list")
    assert "2026-11-23 to 2026-11-24\n2026-12-21 to 2027-01-02" in listed.text
    assert "/standup away cancel" in listed.text
    unknown = await chat.say(ANA, "/standup away cancel 2026-12-01")
    assert "You have no time away to come on 2026-12-01" in unknown.text
    taken = await chat.say(ANA, "/standup away cancel 2026-11-24")
    assert "no longer away from 2026-11-23 to 2026-11-24" in taken.text
    assert "2026-11-23" not in (await chat.say(ANA, "/standup away list")).text
    # Monday 09:30 in Lisbon: asked again, as on any day she works.
    await team.tick(at(9, 30))
    assert len(port.dms(ANA)) == 1


async def test_time_away_reads_french_and_a_bad_day_gets_help(team: Team) -> None:
    chat = team.chat
    await chat.say(HUGO, "/standup absent 2026-12-21 2027-01-02")
    listed = await chat.say(HUGO, "/standup absent liste")
    assert "Vos absences" in listed.text and "du 2026-12-21 au 2027-01-02" in listed.text
    bad = await chat.say(HUGO, "/standup absent annuler demain")
    assert "Quelle période ? Donnez l'un de ses jours" in bad.text
    done = await chat.say(HUGO, "/standup absent annuler 2027-01-01")
    assert "Annulé : vous n'êtes plus absent du 2026-12-21 au 2027-01-02" in done.text
