"""Finding one's planning sessions: the list by date, a missing number asked for with one's
own sessions, a duration out of range called a duration."""

from __future__ import annotations

from datetime import UTC, datetime

from tests.test_planning_ritual import ANA, HUGO, PRIYA, Q1, SAM, THOMAS, Org, event_of, org

__all__ = ["org"]  # the fixture, shared with the planning ritual's own tests

LATER = '/planning new "Spring launch review" 2027-03-02 10:00 45min topics: landing-pages'
SOONER = '/planning new "Email sync" 2027-01-05 09:30 30min topics: marketing automation'


async def test_the_list_is_in_the_order_the_meetings_come(org: Org) -> None:
    for typed in (LATER, Q1, SOONER):
        assert "scheduled" in await org.text(SAM, typed)
    listed = await org.text(SAM, "/planning list")
    order = [listed.index(title) for title in ("Email sync", "Q1 campaign", "Spring launch")]
    assert order == sorted(order), listed


async def test_a_missing_number_is_asked_for_with_ones_own_sessions(org: Org) -> None:
    await org.text(SAM, LATER)
    await org.text(SAM, SOONER)
    asked = await org.text(SAM, "/planning cancel")
    assert asked.startswith("Which session? Type its number after the command.\nYours to come:")
    assert asked.index("#2 “Email sync”") < asked.index("#1 “Spring launch review”")
    assert await org.sessions() == 2  # nothing was cancelled
    nobody = await org.text(ANA, "/planning cancel")  # neither organiser nor invited
    assert "You have no session to come; /planning list shows every one." in nobody
    assert "#1" not in nobody and "#2" not in nobody


async def test_a_duration_out_of_range_is_called_a_duration(org: Org) -> None:
    typed = '/planning new "Long one" 2027-01-12 14:00 6000min topics: landing-pages'
    said = await org.text(SAM, typed)
    assert "“6000min” is not a duration I can use: between 5min and 8h" in said
    assert "repeat" not in said
    assert await org.sessions() == 0


async def test_tomorrow_and_weekdays_are_the_days_to_come(org: Org) -> None:
    # Sunday 28 March 2027, 00:30 UTC: the night Europe's clocks go forward.
    org.clock.set(at=datetime(2027, 3, 28, 0, 30, tzinfo=UTC))
    tomorrow = await org.text(SAM, '/planning new "A" tomorrow 09:00 30min topics: crm')
    assert "Monday 29 March 2027" in tomorrow and "09:00 (Europe/London)" in tomorrow
    sunday = await org.text(SAM, '/planning new "B" sunday 10:00 30min topics: crm')
    assert "Sunday 4 April 2027" in sunday  # today's weekday means next week's
    french = await org.text(HUGO, '/planning new "C" mardi 14h topics: crm chaque semaine 3 fois')
    assert "mardi 30 mars 2027" in french
    assert await org.sessions() == 3


async def test_each_calendar_file_is_described_in_its_readers_language(org: Org) -> None:
    await org.text(SAM, Q1)
    (priya,) = org.port.dms(PRIYA)
    (thomas,) = [m for m in org.port.dms(THOMAS) if m.reply.files]
    english = str(event_of(priya).get("description"))
    french = str(event_of(thomas).get("description"))
    assert english.startswith("Topics: Landing pages and the CMS (landing-pages)")
    assert english.endswith("Tandem planning #1")
    assert french.startswith("Sujets : ") and french.endswith("Planification Tandem n°1")
    assert event_of(priya)["UID"] == event_of(thomas)["UID"]  # the same meeting
