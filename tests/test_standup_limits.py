"""One rule for what people type, said: a stand-up answer too long is refused with a
message, as a blocker is, never cut without a word."""

from __future__ import annotations

from tests.test_standup_ritual import HUGO, SAM, SETUP, Team, at, team

__all__ = ["team"]  # the fixture, shared with the stand-up ritual's own tests


async def test_a_too_long_answer_is_refused_and_nothing_is_lost(team: Team) -> None:
    chat = team.chat
    await chat.say(SAM, SETUP)
    await team.tick(at(9, 30))  # Sam is asked
    long = "word " * 500  # 2 500 characters
    refused = await chat.say(SAM, long)
    assert "That answer is 2499 characters; please keep it under 2000." in refused.text
    assert "Nothing was recorded" in refused.text
    # The same question again: the long one was not taken for it.
    assert "Next: What will you do today?" in (await chat.say(SAM, "Wrote the brief")).text
    blocker = await chat.say(SAM, "/blocker " + long)
    assert "please keep it under 2000" in blocker.text  # the same limit, said the same way
    french = await chat.say(HUGO, "/standup")
    assert french.card is not None
    submitted = await chat.submit(HUGO, french, {"q0": "x" * 2001, "q1": "a", "q2": "b"})
    assert "Cette réponse fait 2001 caractères ; restez sous 2000." in submitted.text
