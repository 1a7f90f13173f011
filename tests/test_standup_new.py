"""A stand-up just set up owes nothing for the hours before it existed: no "missed while
Tandem was down", nothing skipped, nothing sent late."""

from __future__ import annotations

import logging

import pytest

from tests.test_standup_ritual import HUGO, SAM, SETUP, Team, at, team

__all__ = ["team"]  # the fixture, shared with the stand-up ritual's own tests


async def test_a_stand_up_set_up_after_its_cut_off_owes_nothing_for_today(
    team: Team, caplog: pytest.LogCaptureFixture
) -> None:
    # Monday 23 November, 18:00 UTC: past 12:00 in New York, the stand-up's cut-off.
    team.clock.set(at=at(18))
    created = await team.chat.say(SAM, SETUP)
    assert "is set up" in created.text
    team.clock.set(at=at(18, 5))
    with caplog.at_level(logging.INFO):
        tally = await team.runtime.standup_engine.run_due(catch_up=True)  # a chat opened
    assert (tally.sent, tally.skipped) == (0, 0)
    assert "missed while Tandem was down" not in caplog.text
    assert team.port.messages == []
    report = await team.chat.say(SAM, "/standup report 3")
    assert "Sam Okafor: 0/0 answered" in report.text


async def test_the_set_up_form_from_a_direct_chat_asks_where_answers_go(team: Team) -> None:
    form = await team.chat.say(SAM, "/standup setup")
    assert form.card is not None and form.card.form is not None
    labels = [i.label for i in form.card.form.inputs]
    assert labels[:2] == ["Name", "Channel for the answers (e.g. #marketing)"]
    values = {i.id: i.initial for i in form.card.form.inputs}
    values.update(name="Launch", members=f"{SAM}, {HUGO}", channel="#launch")
    created = await team.chat.submit(SAM, form, values)
    assert "Stand-up “Launch” is set up" in created.text
    french = await team.chat.say(HUGO, "/standup setup")
    assert french.card is not None and french.card.form is not None
    assert "Canal des réponses (ex. #marketing)" in [i.label for i in french.card.form.inputs]


async def test_a_field_typed_wrong_brings_the_form_back_as_typed(team: Team) -> None:
    form = await team.chat.say(SAM, "/standup setup")
    assert form.card is not None and form.card.form is not None
    values = {i.id: i.initial for i in form.card.form.inputs}
    values.update(name="Launch", channel="#launch", members=SAM, times="25:99-12:00")
    again = await team.chat.submit(SAM, form, values)
    assert again.card is not None and again.card.form is not None
    assert again.card.body.startswith("⚠ ")
    kept = {i.id: i.initial for i in again.card.form.inputs}
    assert (kept["name"], kept["channel"], kept["members"]) == ("Launch", "#launch", SAM)
    fixed = await team.chat.submit(SAM, again, {**kept, "times": "09:30-12:00"})
    assert "Stand-up “Launch” is set up" in fixed.text
