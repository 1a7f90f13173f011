"""/planning through the real dispatcher and engine, a recording platform, a moving clock.

The shared fixtures' organisation. Sam (London, marketing) organises. Landing pages: Priya
(IT, London) is Consulted; tracking consent: Thomas (IT, Paris, French) is Responsible;
marketing automation: Omar (IT, Paris) then Priya are Consulted. Ana and Lucas are IT
people with no role on those topics: the pool. The clock starts Monday 2026-11-23 09:30 UTC.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import pytest
from icalendar import Calendar

from tandem.bot.clock import FixedClock
from tandem.bot.settings import Settings
from tandem.bot.types import Platform
from tandem.runtime import Runtime
from tandem.storage.repositories import planning, tenants
from tests.conftest import import_fixtures
from tests.harness import Chat, chat_runtime
from tests.recording_port import Posted, RecordingPort

SAM = "sam.okafor@example.com"
HUGO = "hugo.bernard@example.com"  # Paris, French, marketing
NADIA = "nadia.roux@example.com"  # made an admin
PRIYA = "priya.nair@example.com"
THOMAS = "thomas.girard@example.com"
OMAR = "omar.haddad@example.com"
ANA = "ana.silva@example.com"
LUCAS = "lucas.fontaine@example.com"
Q1 = (
    '/planning new "Q1 campaign planning" 2027-01-12 14:00 60min '
    "topics: landing-pages, tracking-consent"
)


@dataclass
class Org:
    chat: Chat
    port: RecordingPort
    clock: FixedClock

    @property
    def runtime(self) -> Runtime:
        return self.chat.runtime

    async def tick(self, moment: datetime) -> int:
        """Move the clock and let the planning engine send what is due."""
        self.clock.set(at=moment)
        return (await self.runtime.planning_engine.run_due()).sent

    async def text(self, email: str, text: str) -> str:
        return (await self.chat.say(email, text)).text

    async def sessions(self) -> int:
        async with self.runtime.database.session() as session:
            tenant = await tenants.find_tenant(session, key=self.chat.tenant)
            assert tenant is not None
            return len(await planning.list_sessions(session, tenant=tenant, status=None))


def calendar_of(posted: Posted) -> Calendar:
    (attached,) = posted.reply.files
    assert attached.mime == "text/calendar" and attached.name.endswith(".ics")
    return Calendar.from_ical(attached.content)


def event_of(posted: Posted):  # type: ignore[no-untyped-def]
    (event,) = calendar_of(posted).walk("VEVENT")
    return event


@pytest.fixture
async def org(settings: Settings, clock: FixedClock) -> AsyncIterator[Org]:
    async with chat_runtime(settings=settings, clock=clock) as runtime:
        tenant = await import_fixtures(runtime.database, "acme")
        port = RecordingPort()
        runtime.ports.add(platform=Platform.LOCAL.value, port=port)
        yield Org(chat=Chat(runtime=runtime, tenant=tenant), port=port, clock=clock)


async def test_a_session_on_two_topics_invites_the_it_people_who_hold_them(org: Org) -> None:
    await org.text(SAM, "/blocker the consent banner hides the signup button")
    created = await org.text(SAM, Q1)
    assert "📅 Planning #1 scheduled: Q1 campaign planning" in created
    assert "Priya Nair — invited, no answer yet" in created
    assert "Thomas Girard — invited, no answer yet" in created
    assert "Tuesday 12 January 2027" in created and "14:00 (Europe/London)" in created

    (priya,) = org.port.dms(PRIYA)
    assert "📅 You're invited: Q1 campaign planning" in priya.text
    assert "Sam Okafor is planning marketing work on Landing pages and the CMS" in priya.text
    assert "You are Consulted on it in the RACI matrix." in priya.text
    assert "14:00 (Europe/London)" in priya.text
    assert "Open blockers on these topics" in priya.text
    assert priya.reply.card is not None
    assert [b.label for b in priya.reply.card.buttons] == [
        "Accept",
        "Decline",
        "Propose someone else",
    ]
    # French, in Paris: his language and his time (he also got the blocker, his to hold)
    (thomas,) = [m for m in org.port.dms(THOMAS) if m.reply.files]
    assert "📅 Vous êtes invité·e : Q1 campaign planning" in thomas.text
    assert "15:00 (Europe/Paris)" in thomas.text
    assert "Vous en êtes Responsable dans la matrice RACI." in thomas.text
    assert "the consent banner hides the signup button" in thomas.text  # a blocker on his topic

    event = event_of(priya)
    assert event.decoded("dtstart") == datetime(2027, 1, 12, 14, 0, tzinfo=UTC)
    assert event["DTSTART"].params["TZID"] == "Europe/London"
    assert str(event["ORGANIZER"]) == f"mailto:{SAM}"
    assert {str(a) for a in event["ATTENDEE"]} == {f"mailto:{PRIYA}", f"mailto:{THOMAS}"}
    assert event_of(thomas)["UID"] == event["UID"]
    assert calendar_of(priya)["METHOD"] == "REQUEST"
    # The people not concerned got nothing.
    assert org.port.dms(OMAR) == [] and org.port.dms(ANA) == []


async def test_accepting_tells_the_organiser_and_the_card_keeps_no_buttons(org: Org) -> None:
    await org.chat.say(SAM, Q1)
    (card,) = org.port.dms(PRIYA)
    original = card.reply
    answered = await org.chat.click(PRIYA, original, "Accept")
    assert "✅ Q1 campaign planning: you accepted" in answered.text
    assert card.updates == 1 and card.reply.card is not None and not card.reply.card.buttons
    (told,) = [m for m in org.port.dms(SAM) if "accepted" in m.text]
    assert "✅ Priya Nair accepted Q1 campaign planning" in told.text
    again = await org.chat.click(PRIYA, original, "Accept")  # the old card, clicked again
    assert "You already answered for Q1 campaign planning." in again.text
    shown = await org.text(SAM, "/planning show 1")
    assert "Priya Nair — accepted" in shown and "Thomas Girard — invited" in shown
    listed = await org.text(SAM, "/planning list")
    assert "#1 Q1 campaign planning" in listed and "Priya Nair ✓" in listed


async def test_someone_away_is_skipped_and_the_pool_covers_their_topic(org: Org) -> None:
    away = await org.text(THOMAS, "/standup away 2027-01-11 2027-01-13")
    assert "2027-01-11" in away
    alone = await org.text(SAM, Q1)
    assert "Thomas Girard is away that day: skipped." in alone
    assert "⚠️ Nobody from IT could be invited for Tracking pixels and cookie consent" in alone
    assert "Priya Nair — invited" in alone  # the rest is invited, nothing lost
    assert org.port.dms(THOMAS) == []

    refused = await org.text(SAM, f"/planning pool add {ANA}")
    assert "Only admins set the IT rotation pool." in refused
    assert "The IT rotation pool is empty" in await org.text(SAM, "/planning pool")
    await org.chat.make_admin(NADIA)
    pool = await org.text(NADIA, f"/planning pool ajouter {ANA}, {LUCAS}")
    assert "Ana Silva et Lucas Fontaine" in pool
    covered = await org.text(
        SAM, Q1.replace("Q1 campaign", "Q1 follow-up").replace("14:00", "16:00")
    )
    assert "Ana Silva — invited" in covered and "Nobody from IT" not in covered
    (ana,) = org.port.dms(ANA)
    assert "You are next in the IT rotation pool." in ana.text
    assert "Tracking pixels and cookie consent" in ana.text


async def test_a_decline_needs_a_reason_and_brings_in_the_next_person(org: Org) -> None:
    await org.chat.say(
        SAM, '/planning new "Email review" 2027-01-12 10:00 45min topics: marketing automation'
    )
    (omar,) = org.port.dms(OMAR)  # first of the two Consulted in the matrix
    assert org.port.dms(PRIYA) == []
    form = await org.chat.click(OMAR, omar.reply, "Décliner")
    no_reason = await org.chat.submit(OMAR, form, {"reason": "  "})
    assert "Dites en quelques mots pourquoi" in no_reason.text
    assert org.port.dms(PRIYA) == []
    declined = await org.chat.submit(OMAR, form, {"reason": "D'astreinte cette semaine"})
    assert "🚫 Email review : vous avez décliné" in declined.text
    assert omar.reply.card is not None and not omar.reply.card.buttons
    (priya,) = org.port.dms(PRIYA)
    assert "📅 You're invited: Email review" in priya.text
    told = "\n".join(m.text for m in org.port.dms(SAM))
    assert "🚫 Omar Haddad declined Email review" in told
    assert "D'astreinte cette semaine" in told and "Priya Nair is invited instead." in told
    shown = await org.text(SAM, "/planning show 1")
    assert "Omar Haddad — declined (D'astreinte cette semaine)" in shown
    assert "Priya Nair — invited" in shown


async def test_proposing_someone_else_invites_them_in_place(org: Org) -> None:
    await org.chat.say(SAM, Q1)
    (priya,) = org.port.dms(PRIYA)
    form = await org.chat.click(PRIYA, priya.reply, "Propose someone else")
    unknown = await org.chat.submit(PRIYA, form, {"who": "nobody@example.com"})
    assert "I don't know “nobody@example.com”" in unknown.text
    taken = await org.chat.submit(PRIYA, form, {"who": THOMAS})
    assert "Thomas Girard is already invited to this meeting." in taken.text
    done = await org.chat.submit(PRIYA, form, {"who": LUCAS, "reason": "He built the CMS"})
    assert "Done: Lucas Fontaine is invited to Q1 campaign planning in your place." in done.text
    assert (
        "you proposed someone else" in priya.text and "You proposed Lucas Fontaine." in priya.text
    )
    (lucas,) = org.port.dms(LUCAS)
    assert "Vous êtes invité·e" in lucas.text and "Un·e collègue vous a proposé·e" in lucas.text
    assert any("Priya Nair proposed Lucas Fontaine" in m.text for m in org.port.dms(SAM))


async def test_a_recurring_session_rotates_fairly_over_six_meetings(org: Org) -> None:
    created = await org.text(
        SAM,
        '/planning new "Email sync" 2026-12-01 10:00 45min topics: marketing-automation '
        "every other Tuesday 6 times",
    )
    assert "every 2 weeks, 6 times" in created
    first = datetime(2026, 12, 1, 10, 0, tzinfo=UTC)
    for number in range(2, 8):
        starts = first + timedelta(weeks=2 * (number - 1))
        await org.tick(starts - timedelta(days=14) + timedelta(minutes=1))
    async with org.runtime.database.session() as session:
        tenant = await tenants.find_tenant(session, key=org.chat.tenant)
        assert tenant is not None
        meetings = await planning.session_occurrences(session, tenant=tenant, session_ids=[1])
        invites = await planning.occurrence_invites(
            session, tenant=tenant, occurrence_ids=[m.id for m in meetings]
        )
    assert [m.number for m in meetings] == [1, 2, 3, 4, 5, 6]  # and no seventh
    assert [m.starts_at for m in meetings] == [first + timedelta(weeks=2 * n) for n in range(6)]
    order = [i.email for i in sorted(invites, key=lambda i: i.occurrence_id)]
    assert Counter(order) == {OMAR: 3, PRIYA: 3}
    assert order == [OMAR, PRIYA] * 3  # they take turns
    assert len(org.port.dms(OMAR)) == 3 and len(org.port.dms(PRIYA)) == 3
    opened = [m for m in org.port.dms(SAM) if "Email sync" in m.text]
    assert len(opened) == 5  # the organiser hears of each meeting opened by the engine
    assert await org.tick(first + timedelta(weeks=20)) == 0


async def test_someone_in_another_session_at_that_time_is_skipped(org: Org) -> None:
    await org.chat.say(SAM, Q1)
    await org.chat.make_admin(NADIA)
    await org.chat.say(NADIA, f"/planning pool add {ANA}")
    clash = await org.text(
        HUGO, '/planning new "Salon" 2027-01-12 15:30 60min sujets: landing-pages'
    )  # 14:30 to 15:30 London: overlaps Sam's meeting, where Priya is invited
    assert "Priya Nair est dans une autre session à ce moment : pas invité·e." in clash
    assert "Ana Silva — invité·e" in clash


async def test_one_working_day_before_everyone_gets_the_agenda_again(org: Org) -> None:
    await org.chat.say(
        SAM, '/planning new "Launch prep" 2026-11-30 10:00 60min topics: landing-pages, tracking'
    )
    await org.chat.say(PRIYA, "/blocker the CDN cache rule breaks the landing page forms")
    assert await org.tick(datetime(2026, 11, 27, 9, 59, tzinfo=UTC)) == 0
    # Friday 10:00 in London, and 11:00 in Paris for Thomas: the same instant.
    assert await org.tick(datetime(2026, 11, 27, 10, 0, tzinfo=UTC)) == 3
    (reminder,) = [m for m in org.port.dms(PRIYA) if "⏰ Reminder" in m.text]
    assert "⏰ Reminder: Launch prep" in reminder.text
    assert "the CDN cache rule breaks the landing page forms" in reminder.text  # read again
    assert any("⏰ Rappel : Launch prep" in m.text for m in org.port.dms(THOMAS))
    (own,) = [m for m in org.port.dms(SAM) if "⏰ Reminder" in m.text]
    assert "Thomas Girard — invited" in own.text
    assert await org.tick(datetime(2026, 11, 27, 10, 30, tzinfo=UTC)) == 0  # once


async def test_a_cancelled_session_cancels_its_invitations(org: Org) -> None:
    await org.chat.say(SAM, Q1)
    (priya,) = org.port.dms(PRIYA)
    original = priya.reply
    uid = event_of(priya)["UID"]
    refused = await org.text(HUGO, "/planning annuler 1")
    assert "Seule la personne qui l'organise" in refused
    done = await org.text(SAM, "/planning cancel 1")
    assert "Planning #1 “Q1 campaign planning” is cancelled; 2 invited people were told" in done
    assert "❌ Cancelled: Q1 campaign planning" in priya.text
    assert priya.reply.card is not None and not priya.reply.card.buttons
    notice = next(m for m in org.port.dms(PRIYA) if m.reply.files and m is not priya)
    assert "❌ Q1 campaign planning is cancelled" in notice.text
    cancelled = calendar_of(notice)
    assert cancelled["METHOD"] == "CANCEL"
    event = event_of(notice)
    assert event["UID"] == uid and event["SEQUENCE"] == 1 and event["STATUS"] == "CANCELLED"
    late = await org.chat.click(PRIYA, original, "Accept")
    assert "has been cancelled" in late.text
    assert "No planning session to come" in await org.text(SAM, "/planning list")
    assert "already cancelled" in await org.text(SAM, "/planning cancel 1")


async def test_moving_a_meeting_updates_the_invitations_with_the_same_uid(org: Org) -> None:
    await org.chat.say(SAM, Q1)
    (thomas,) = org.port.dms(THOMAS)
    uid = event_of(thomas)["UID"]
    moved = await org.text(SAM, "/planning move 1 2027-01-13 15:00")
    assert "moved to Wednesday 13 January 2027" in moved
    notice = next(m for m in org.port.dms(THOMAS) if m.reply.files and m is not thomas)
    assert "🕑 Q1 campaign planning est déplacée au mercredi 13 janvier 2027" in notice.text
    event = event_of(notice)
    assert event["UID"] == uid and event["SEQUENCE"] == 1
    assert event.decoded("dtstart") == datetime(2027, 1, 13, 15, 0, tzinfo=UTC)
    assert calendar_of(notice)["METHOD"] == "REQUEST"
    assert "16:00 (Europe/Paris)" in thomas.text  # his card shows the new time


async def test_the_guided_form_schedules_and_keeps_what_was_typed(org: Org) -> None:
    form = await org.chat.say(SAM, "/planning new")
    assert form.card is not None and form.card.form is not None
    inputs = {
        "title": "Spring launch",
        "day": "2027-03-02",
        "clock": "11:00",
        "duration": "90min",
        "topics": "landing pagez",  # a typo the topic matcher forgives
        "repeat": "",
    }
    wrong = await org.chat.submit(SAM, form, {**inputs, "day": "2020-03-02"})
    assert "2020-03-02 11:00 is already past" in wrong.text
    assert wrong.card is not None and wrong.card.form is not None
    assert {i.id: i.initial for i in wrong.card.form.inputs}["title"] == "Spring launch"
    assert await org.sessions() == 0
    done = await org.chat.submit(SAM, wrong, inputs)
    assert "📅 Planning #1 scheduled: Spring launch" in done.text
    assert "90 min" in org.port.dms(PRIYA)[0].text


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ('"Past" 2020-01-12 14:00 topics: crm', "2020-01-12 14:00 is already past"),
        ('"X" 2027-01-12 14:00 topics: astrology', "I know no RACI topic called “astrology”"),
        ('"X" 2027-01-12 14:00 topics: landng', "Did you mean"),
        ('"X" 2027-02-30 14:00 topics: crm', "“2027-02-30” is not a date I can read"),
        ('"X" 2027-01-12 topics: crm', "At what time?"),
        ('"X" 2027-01-12 14:00', "Which topics?"),
        ('"X" 2027-01-12 14:00 topics: crm every other Friday', "does not fall on"),
        ("x" * 3000, "too long"),
    ],
)
async def test_bad_input_gets_a_clear_reply_and_stores_nothing(
    org: Org, typed: str, expected: str
) -> None:
    reply = await org.text(SAM, f"/planning new {typed}")
    assert expected in reply
    assert "Traceback" not in reply
    assert await org.sessions() == 0
    assert org.port.messages == []


async def test_unknown_words_ids_and_people_get_help(org: Org) -> None:
    assert "Schedule a marketing planning session" in await org.text(SAM, "/planning")
    assert "I don't know “frobnicate” for /planning." in await org.text(SAM, "/planning frobnicate")
    assert "There is no planning session #42 here." in await org.text(SAM, "/planning show 42")
    assert "Type its number after the command" in await org.text(SAM, "/planning show")
    stranger = await org.chat.say("someone@else.com", Q1)
    assert "I don't know you in this workspace yet" in stranger.text
    await org.chat.say(SAM, Q1)
    (priya,) = org.port.dms(PRIYA)
    assert "quelqu'un d'autre" in (await org.chat.click(THOMAS, priya.reply, "Accept")).text
    assert "Planning #1" in await org.text(SAM, "/planning show 1")


async def test_another_tenant_sees_none_of_it(org: Org, settings: Settings) -> None:
    await org.chat.say(SAM, Q1)
    other = await import_fixtures(org.runtime.database, "globex")
    elsewhere = Chat(runtime=org.runtime, tenant=other)
    assert (
        "There is no planning session #1 here."
        in (await elsewhere.say(SAM, "/planning show 1")).text
    )
    assert (
        "There is no planning session #1 here."
        in (await elsewhere.say(SAM, "/planning cancel 1")).text
    )
    assert "No planning session to come" in (await elsewhere.say(SAM, "/planning list")).text
    (priya,) = org.port.dms(PRIYA)
    assert (
        "can't find that invitation" in (await elsewhere.click(PRIYA, priya.reply, "Accept")).text
    )
    assert "Priya Nair — invited" in await org.text(SAM, "/planning show 1")


async def test_calendar_files_keep_the_organisers_wall_time_across_daylight_saving(
    org: Org,
) -> None:
    created = await org.text(
        HUGO,
        '/planning nouvelle "Revue consentement" 2027-03-16 14:00 60min sujets: tracking '
        "chaque semaine 3 fois",
    )
    assert "chaque semaine, 3 fois" in created
    await org.tick(datetime(2027, 3, 16, 12, 1, tzinfo=UTC))  # opens the 23rd and the 30th
    files = [m for m in org.port.dms(THOMAS) if m.reply.files]
    assert len(files) == 3
    events = [event_of(m) for m in files]
    # Paris moves to summer time on 28 March: 14:00 stays 14:00 there, UTC moves.
    assert [e.decoded("dtstart").astimezone(UTC) for e in events] == [
        datetime(2027, 3, 16, 13, 0, tzinfo=UTC),
        datetime(2027, 3, 23, 13, 0, tzinfo=UTC),
        datetime(2027, 3, 30, 12, 0, tzinfo=UTC),
    ]
    assert {e["DTSTART"].params["TZID"] for e in events} == {"Europe/Paris"}
    assert {e["DTSTART"].to_ical() for e in events} == {
        b"20270316T140000",
        b"20270323T140000",
        b"20270330T140000",
    }
    assert len({e["UID"] for e in events}) == 3  # each meeting its own event
    zone = calendar_of(files[-1]).walk("VTIMEZONE")[0]
    offsets = {part["TZOFFSETTO"].to_ical() for part in zone.subcomponents}
    assert {o if isinstance(o, str) else o.decode() for o in offsets} == {"+0100", "+0200"}
    assert "14:00 (Europe/Paris)" in files[-1].text  # Thomas reads it in Paris time


async def test_an_invitation_the_platform_refuses_is_reported_to_the_organiser(org: Org) -> None:
    org.port.fail = 1  # the first DM (Priya's) fails, as a platform outage would
    created = await org.text(SAM, Q1)
    assert "Priya Nair could not be reached in chat" in created
    assert "invite them yourself" in created
    assert org.port.dms(PRIYA) == [] and len(org.port.dms(THOMAS)) == 1
