"""/standup through the real dispatcher and engine, a recording platform, a moving clock.

The shared fixtures' organisation: Hugo in Paris (French), Sam in London, Ana in
Lisbon, Maya in New York. The stand-up closes at 12:00 New York time (17:00 UTC).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import pytest

from tandem.bot.clock import FixedClock
from tandem.bot.mentions import as_names
from tandem.bot.settings import Settings
from tandem.bot.types import ActionSubmitted, ConversationRef, Platform, TenantKey
from tandem.runtime import Runtime
from tandem.storage.records import DeliveryKey
from tandem.storage.repositories import blockers, deliveries, standups, tenants
from tests.conftest import import_fixtures
from tests.harness import Chat, chat_runtime
from tests.recording_port import RecordingPort

HUGO = "hugo.bernard@example.com"  # Paris, French
SAM = "sam.okafor@example.com"  # London: the lead
ANA = "ana.silva@example.com"  # Lisbon
MAYA = "maya.chen@example.com"  # New York
CHANNEL = "marketing-it"
SETUP = (
    f"/standup setup Marketing-IT daily; members: {SAM}, {ANA}, {MAYA}, {HUGO}; "
    f"days: mon-fri; times: 09:30-12:00; timezone: America/New_York; channel: {CHANNEL}"
)


def at(hour: int, minute: int = 0, day: int = 23) -> datetime:
    return datetime(2026, 11, day, hour, minute, tzinfo=UTC)


@dataclass
class Team:
    chat: Chat
    port: RecordingPort
    clock: FixedClock

    @property
    def runtime(self) -> Runtime:
        return self.chat.runtime

    async def tick(self, moment: datetime) -> int:
        """Move the clock and let the engine send what is due; returns how many went out."""
        self.clock.set(at=moment)
        tally = await self.runtime.standup_engine.run_due()
        return tally.sent


@pytest.fixture
async def team(settings: Settings, clock: FixedClock) -> AsyncIterator[Team]:
    clock.set(at=at(6))
    async with chat_runtime(settings=settings, clock=clock) as runtime:
        tenant = await import_fixtures(runtime.database, "acme")
        port = RecordingPort()
        runtime.ports.add(platform=Platform.LOCAL.value, port=port)
        yield Team(chat=Chat(runtime=runtime, tenant=tenant), port=port, clock=clock)


async def test_a_day_of_stand_up_from_setup_to_late_answer(team: Team) -> None:
    chat, port = team.chat, team.port
    created = await chat.say(SAM, SETUP)
    assert "Stand-up “Marketing-IT daily” is set up" in created.text
    assert "Sam Okafor" in created.text and "America/New_York" in created.text
    away = await chat.say(ANA, "/standup away 2026-11-23 2026-11-24")
    assert "away from 2026-11-23 to 2026-11-24" in away.text
    assert await team.tick(at(8, 29)) == 0

    # 09:30 in Paris: only Hugo, in French.
    assert await team.tick(at(8, 30)) == 1
    (prompt,) = port.dms(HUGO)
    assert "Stand-up « Marketing-IT daily », lundi 23 novembre" in prompt.text
    assert "Qu'avez-vous fait hier ?" in prompt.text

    # 09:30 in London (and Lisbon, but Ana is away).
    assert await team.tick(at(9, 30)) == 1
    assert len(port.dms(SAM)) == 1 and port.dms(ANA) == []

    # Sam answers question by question in the DM.
    assert "Next: What will you do today?" in (await chat.say(SAM, "Wrote the brief")).text
    assert "(2/3)" in (await chat.say(SAM, "Review the landing page")).text
    done = await chat.say(SAM, "Waiting for DNS access to the new domain")
    assert "posted in the team channel" in done.text and "Blocker noted" in done.text
    root, sam_post = port.channel(CHANNEL)
    assert "answers below" in root.text or "thread" in root.text
    assert sam_post.conversation.thread == root.id
    assert "⚠ Waiting for DNS access" in sam_post.text
    # "DNS" and "access" name two topics: Sam is asked which, nobody gets a guess.
    picker = port.dms(SAM)[-1]
    assert "Your stand-up blocker “Waiting for DNS access to the new domain”" in picker.text
    assert "Which topic is it about?" in picker.text

    # Hugo answers with the form, then edits it: one post, updated in place.
    answered = await chat.submit(
        HUGO, prompt.reply, {"q0": "Brief", "q1": "Campagne", "q2": "rien"}
    )
    assert "publiées dans le canal" in answered.text
    edited = await chat.submit(
        HUGO, prompt.reply, {"q0": "Brief", "q1": "Campagne Q1", "q2": "Rien."}
    )
    assert "mises à jour" in edited.text
    hugo_posts = [m for m in port.channel(CHANNEL, thread=True) if "Hugo" in m.text]
    assert len(hugo_posts) == 1 and hugo_posts[0].updates == 1
    assert "Campagne Q1" in hugo_posts[0].text

    # New York's morning, then the reminder one hour before the cut-off, to Maya only.
    assert await team.tick(at(14, 30)) == 1
    assert await team.tick(at(16, 0)) == 1
    assert [m.reply.card.title for m in port.dms(MAYA) if m.reply.card] == [
        "Stand-up “Marketing-IT daily”, Monday 23 November",
        "Reminder: stand-up “Marketing-IT daily”, Monday 23 November",
    ]
    assert len(port.dms(SAM)) == 2 and len(port.dms(HUGO)) == 1  # the prompt, the picker

    # The cut-off: one summary, top level, saying exactly who did what.
    assert await team.tick(at(17, 0)) == 1
    (summary,) = port.channel(CHANNEL, thread=False)[1:]
    assert "2 of 3 answered, 1 blocker." in summary.text
    assert "Sam Okafor: Waiting for DNS access to the new domain" in summary.text
    fields = {f.label: f.value for f in summary.reply.card.fields} if summary.reply.card else {}
    assert as_names(fields["Not answered"]) == "@Maya Chen"  # a mention: not optional
    assert fields["Away or not working today"] == "Ana Silva"
    assert "Hugo Bernard" in fields and "Campagne Q1" in fields["Hugo Bernard"]

    # The blocker is a record for the escalation ritual.
    async with team.runtime.database.session() as session:
        acme = await tenants.find_tenant(session, key=chat.tenant)
        assert acme is not None
        (blocker,) = await blockers.list_blockers(session, tenant=acme)
    assert (blocker.text, blocker.reporter_email, blocker.source, blocker.status) == (
        "Waiting for DNS access to the new domain",
        SAM,
        "standup",
        "open",
    )

    # Maya answers after the cut-off: recorded, added to the summary in place, marked late.
    team.clock.set(at=at(17, 30))
    await chat.say(MAYA, "Analytics")
    await chat.say(MAYA, "Dashboards")
    late = await chat.say(MAYA, "none")
    assert "marked late" in late.text
    assert summary.updates == 1 and "Maya Chen (late)" in summary.text
    assert "3 of 3 answered" in summary.text
    # Edits after the cut-off are refused; nothing changes.
    refused = await chat.submit(HUGO, prompt.reply, {"q0": "x", "q1": "y", "q2": "z"})
    assert "ne peut plus être modifiée" in refused.text
    assert "Campagne Q1" in hugo_posts[0].text

    # Nothing is sent twice, by this process or a restarted one.
    assert await team.tick(at(17, 31)) == 0
    async with chat_runtime(settings=team.runtime.settings, clock=team.clock) as again:
        other = RecordingPort()
        again.ports.add(platform=Platform.LOCAL.value, port=other)
        assert (await again.standup_engine.run_due(catch_up=True)).sent == 0
        assert other.messages == []


async def test_a_restart_between_prompt_and_cut_off_loses_nothing(team: Team) -> None:
    await team.chat.say(SAM, SETUP)
    assert await team.tick(at(9, 30)) == 3  # Hugo (late by an hour, in grace), Sam, Ana
    await team.chat.say(SAM, "One")
    async with chat_runtime(settings=team.runtime.settings, clock=team.clock) as again:
        port = RecordingPort()
        again.ports.add(platform=Platform.LOCAL.value, port=port)
        chat = Chat(runtime=again, tenant=team.chat.tenant)
        team.clock.set(at=at(10))
        assert (await again.standup_engine.run_due(catch_up=True)).sent == 0
        await chat.say(SAM, "Two")  # the answer in progress survived the restart
        done = await chat.say(SAM, "None")
        assert "posted" in done.text
        for moment, sent in ((at(14, 30), 1), (at(16), 3), (at(17), 1)):
            team.clock.set(at=moment)  # Maya's prompt; reminders to all but Sam; the summary
            assert (await again.standup_engine.run_due()).sent == sent
        summary = port.channel(CHANNEL, thread=False)[-1]
        assert "1 of 4 answered" in summary.text


async def test_runs_missed_while_down_are_caught_up_in_the_grace_window_only(
    team: Team,
) -> None:
    await team.chat.say(SAM, SETUP)
    team.clock.set(at=at(11))  # down since 06:00: Hugo's 08:30 is 2.5 h old, Sam's 1.5 h
    tally = await team.runtime.standup_engine.run_due(catch_up=True)
    assert (tally.sent, tally.skipped) == (2, 1)
    assert team.port.dms(HUGO) == []
    assert len(team.port.dms(SAM)) == 1 and len(team.port.dms(ANA)) == 1


# -- a moment that is over is not sent late ----------------------------------------------------
#
# The stand-up asks at 09:30 each member's time (Hugo 08:30 UTC, Sam and Ana 09:30, Maya
# 14:30), reminds an hour before the cut-off (16:00 UTC) and closes at 12:00 New York time
# (17:00 UTC). The grace window is two hours.

PROMPT = "Stand-up “Marketing-IT daily”, Monday 23 November"
REMINDER = "Reminder: stand-up “Marketing-IT daily”, Monday 23 November"


def titles(team: Team, email: str) -> list[str]:
    """The stand-up cards ``email`` received in their DM, in order."""
    return [m.reply.card.title for m in team.port.dms(email) if m.reply.card]


async def skipped_kinds(team: Team) -> list[tuple[str, str]]:
    """(recipient, kind) of the stand-up's deliveries recorded as skipped."""
    async with team.runtime.database.session() as session:
        acme = await tenants.find_tenant(session, key=team.chat.tenant)
        assert acme is not None
        found = []
        for who in (HUGO, SAM, ANA, MAYA):
            for kind in ("prompt", "reminder:60"):
                key = DeliveryKey(key="standup:1:2026-11-23:0", recipient=who, kind=kind)
                row = await deliveries.find_delivery(session, tenant=acme, key=key)
                if row is not None and row.status == "skipped":
                    found.append((who, kind))
    return found


@pytest.mark.parametrize("catch_up", [False, True], ids=["late-sweep", "restart"])
async def test_after_a_gap_past_the_cut_off_the_summary_goes_out_without_reminders(
    team: Team, catch_up: bool, caplog: pytest.LogCaptureFixture
) -> None:
    await team.chat.say(SAM, SETUP)
    assert await team.tick(at(8, 30)) == 1
    assert await team.tick(at(9, 30)) == 2
    assert await team.tick(at(14, 30)) == 1
    # Nothing sweeps again (a replica down, a restart) until a minute past the cut-off: an
    # 11:00 reminder saying "please answer before 12:00" would arrive at 12:01.
    caplog.set_level(logging.INFO, logger="tandem.rituals.common.delivery")
    team.clock.set(at=at(17, 1))
    tally = await team.runtime.standup_engine.run_due(catch_up=catch_up)
    assert (tally.sent, tally.skipped) == (1, 4)
    (summary,) = team.port.channel(CHANNEL, thread=False)
    assert "0 of 4 answered" in summary.text
    for who in (SAM, ANA, MAYA):
        assert titles(team, who) == [PROMPT]
    assert titles(team, HUGO) == ["Stand-up « Marketing-IT daily », lundi 23 novembre"]
    # Recorded as skipped, for an operator to see, and never tried again.
    assert await skipped_kinds(team) == [(who, "reminder:60") for who in (HUGO, SAM, ANA, MAYA)]
    assert any(
        r.levelno == logging.INFO and "4" in r.getMessage() and "cut-off" in r.getMessage()
        for r in caplog.records
    )
    assert await team.tick(at(17, 2)) == 0
    assert len(team.port.messages) == 5


async def test_a_prompt_due_when_the_cut_off_has_passed_is_not_sent(team: Team) -> None:
    """The gap swallowed the whole run: asking now would be asking for a closed run."""
    await team.chat.say(
        SAM,
        f"/standup setup Short; members: {MAYA}; times: 10:15-10:45; "
        f"timezone: America/New_York; channel: {CHANNEL}",
    )
    assert await team.tick(at(15, 0)) == 0
    team.clock.set(at=at(15, 50))  # Maya's 10:15 (15:15 UTC) and the 10:45 cut-off are past
    tally = await team.runtime.standup_engine.run_due()
    assert (tally.sent, tally.skipped) == (1, 1)
    assert team.port.dms(MAYA) == []
    (summary,) = team.port.channel(CHANNEL, thread=False)
    assert "0 of 1 answered" in summary.text


async def test_a_reminder_that_failed_is_not_retried_after_the_cut_off(team: Team) -> None:
    await team.chat.say(
        SAM, f"/standup setup Solo; members: {MAYA}; channel: {CHANNEL}; tz: America/New_York"
    )
    assert await team.tick(at(14, 30)) == 1
    team.port.fail = 1
    assert await team.tick(at(16, 0)) == 0  # the platform failed: retried 30 s later …
    team.clock.set(at=at(17, 1))  # … but the next sweep runs after the cut-off
    tally = await team.runtime.standup_engine.run_due(catch_up=True)
    assert (tally.sent, tally.skipped) == (1, 1)
    assert titles(team, MAYA) == ["Stand-up “Solo”, Monday 23 November"]
    assert len(team.port.channel(CHANNEL, thread=False)) == 1  # the summary
    assert team.port.dms(SAM) == []  # nothing failed: the owner is not told of anything
    assert await team.tick(at(17, 30)) == 0


async def test_a_reminder_in_its_window_is_still_sent_and_a_late_prompt_goes_alone(
    team: Team,
) -> None:
    await team.chat.say(SAM, SETUP)
    assert await team.tick(at(9, 30)) == 3  # Hugo (an hour late, in grace), Sam, Ana
    # No sweep until 16:20: the reminders of 16:00 are still worth sending (the cut-off is at
    # 17:00); Maya's prompt of 14:30 goes out now, and the reminder due with it would be a
    # second message saying the same thing.
    team.clock.set(at=at(16, 20))
    tally = await team.runtime.standup_engine.run_due()
    assert (tally.sent, tally.skipped) == (4, 1)
    for who in (SAM, ANA):
        assert titles(team, who) == [PROMPT, REMINDER]
    assert titles(team, HUGO)[-1] == "Rappel : stand-up « Marketing-IT daily », lundi 23 novembre"
    assert titles(team, MAYA) == [PROMPT]
    assert "Please answer before" in team.port.dms(MAYA)[0].text
    assert await team.tick(at(17, 0)) == 1  # the summary
    assert titles(team, MAYA) == [PROMPT]


async def test_a_failed_send_is_retried_with_backoff_then_reported(team: Team) -> None:
    await team.chat.say(
        SAM, f"/standup setup Solo; members: {MAYA}; channel: {CHANNEL}; tz: America/New_York"
    )
    team.port.fail = 1
    assert await team.tick(at(14, 30)) == 0
    assert await team.tick(at(14, 30) + timedelta(seconds=10)) == 0  # not before the backoff
    assert await team.tick(at(14, 31)) == 1  # 30 s later
    assert len(team.port.dms(MAYA)) == 1

    # A send that keeps failing is given up after four attempts and reported to the owner.
    team.port.fail = 4
    await team.tick(at(16, 0))
    for minutes in (1, 3, 11):
        await team.tick(at(16, minutes))
    async with team.runtime.database.session() as session:
        acme = await tenants.find_tenant(session, key=team.chat.tenant)
        assert acme is not None
        (failed,) = await deliveries.failures(session, tenant=acme, since=at(0))
    assert (failed.key.kind, failed.attempts) == ("reminder:60", 4)
    (report,) = [m for m in team.port.dms(SAM)]
    assert "could not send the reminder of “Solo” to maya.chen@example.com" in report.text


async def test_a_slow_fan_out_is_not_sent_again_by_the_next_sweeps(team: Team) -> None:
    """Prompts still queued when their lease would end are kept, not claimed again."""
    await team.chat.say(SAM, SETUP)
    team.port.hold = asyncio.Event()
    team.clock.set(at=at(9, 30))
    sweeps = [asyncio.create_task(team.runtime.standup_engine.run_due())]
    for minutes in (1, 6, 12):  # later sweeps, past the 5-minute lease
        await asyncio.sleep(0.2)  # the sweeps before have claimed and wait on the platform
        team.clock.set(at=at(9, 30) + timedelta(minutes=minutes))
        sweeps.append(asyncio.create_task(team.runtime.standup_engine.run_due()))
    await asyncio.sleep(0.2)
    team.port.hold.set()
    sent = [tally.sent for tally in await asyncio.gather(*sweeps)]
    assert sent == [3, 0, 0, 0]
    assert [len(team.port.dms(who)) for who in (HUGO, SAM, ANA)] == [1, 1, 1]


async def test_bad_setup_is_explained_and_stores_nothing(team: Team) -> None:
    chat = team.chat
    bad_time = await chat.say(SAM, f"/standup setup X; members: {SAM}; times: 9h30; channel: c")
    assert "“9h30” is not an ask and cut-off time" in bad_time.text
    bad_zone = await chat.say(
        SAM, f"/standup setup X; members: {SAM}; timezone: Mars/Olympus; channel: c"
    )
    assert "“Mars/Olympus” is not a timezone I know" in bad_zone.text
    unknown = await chat.say(SAM, "/standup setup X; members: nobody@example.com; channel: c")
    assert "I don't know nobody@example.com" in unknown.text
    whole = await chat.say(SAM, "/standup setup X; members: #channel; channel: c")
    assert "I can't list this channel's members here" in whole.text
    no_channel = await chat.say(SAM, f"/standup setup X; members: {SAM}")
    assert "type /standup setup in the team's channel" in no_channel.text
    french = await chat.say(HUGO, f"/standup setup X; membres: {HUGO}; heures: 25:00-12:00")
    assert "n'est pas une heure de question" in french.text
    assert "No stand-up yet" in (await chat.say(SAM, "/standup list")).text


async def test_only_the_owner_changes_a_stand_up_and_deleting_keeps_answers(team: Team) -> None:
    chat, port = team.chat, team.port
    await chat.say(SAM, SETUP)
    refused = await chat.say(HUGO, "/standup pause marketing")
    assert "Seul le responsable" in refused.text
    edited = await chat.say(SAM, "/standup edit Marketing-IT daily; times: 10:00-13:00")
    assert "is updated" in edited.text and "10:00–13:00" in edited.text
    assert "paused" in (await chat.say(SAM, "/standup pause marketing")).text
    assert await team.tick(at(10)) == 0
    assert "running again" in (await chat.say(SAM, "/standup resume marketing")).text
    assert await team.tick(at(10, 1)) == 3  # Sam, Ana at 10:00 their time; Hugo at 09:00 UTC
    (prompt,) = port.dms(SAM)
    await chat.submit(SAM, prompt.reply, {"q0": "a", "q1": "b", "q2": "none"})
    deleted = await chat.say(SAM, "/standup delete marketing")
    assert "is deleted" in deleted.text
    after = await chat.submit(SAM, prompt.reply, {"q0": "late", "q1": "", "q2": ""})
    assert "no longer exists" in after.text and "Nothing was saved" in after.text
    history = await chat.read(SAM, "/standup history 2026-11-23 2026-11-23")
    assert "Monday 23 November — Marketing-IT daily" in history and "b" in history
    assert await team.tick(at(18)) == 0  # no summary for a deleted stand-up


async def test_empty_answers_skip_and_reports(team: Team) -> None:
    chat, port = team.chat, team.port
    await chat.say(SAM, SETUP)
    await team.tick(at(9, 30))
    (prompt,) = port.dms(SAM)
    empty = await chat.submit(SAM, prompt.reply, {"q0": " ", "q1": "", "q2": ""})
    assert "Your answers are empty; nothing was saved" in empty.text
    assert port.channel(CHANNEL) == []
    assert "Skipped today: Marketing-IT daily" in (await chat.say(ANA, "/standup skip")).text
    await chat.submit(SAM, prompt.reply, {"q0": "a", "q1": "b", "q2": "Legal review pending"})
    await team.tick(at(17))
    summary = port.channel(CHANNEL, thread=False)[-1]
    assert "Skipped today" in summary.text and "Ana Silva" in summary.text
    report = await chat.read(SAM, "/standup report 7")
    assert "Sam Okafor: 1/1 answered (0 late, 0 skipped)" in report
    assert "Ana Silva: 0/1 answered (0 late, 1 skipped)" in report
    assert "Legal review pending (open)" in report
    async with team.runtime.database.session() as session:
        acme = await tenants.find_tenant(session, key=chat.tenant)
        assert acme is not None
        (standup,) = await standups.list_standups(session, tenant=acme)
    assert standup.name == "Marketing-IT daily"
    assert "/standup setup" in (await chat.read(SAM, "/standup help"))
    outsider = await chat.say("priya.nair@example.com", "/standup")
    assert "You are not in any stand-up" in outsider.text


async def test_answering_early_and_the_next_run_in_french(team: Team) -> None:
    chat = team.chat
    await chat.say(SAM, SETUP)
    team.clock.set(at=at(7))  # before Hugo's 09:30
    early = await chat.say(HUGO, "/standup")
    assert early.card is not None and early.card.form is not None
    assert [i.label for i in early.card.form.inputs] == [
        "Qu'avez-vous fait hier ?",
        "Que ferez-vous aujourd'hui ?",
        "Quelque chose vous bloque ?",
    ]
    await chat.say(HUGO, "Préparé la démo")
    assert "Suivante" in (await chat.say(HUGO, "Démo")).text
    assert "publiées" in (await chat.say(HUGO, "rien")).text
    assert await team.tick(at(8, 30)) == 0  # answered early: the question does not follow
    team.clock.set(at=at(12, day=28))  # Saturday
    weekend = await chat.say(HUGO, "/standup skip")
    assert "Il n'y a pas de stand-up à passer" in weekend.text


async def test_an_optional_stand_up_names_who_did_not_answer_without_mentioning_them(
    team: Team,
) -> None:
    await team.chat.say(SAM, SETUP + "; optional: yes")
    await team.tick(at(9, 30))
    await team.tick(at(17))
    summary = team.port.channel(CHANNEL, thread=False)[-1]
    assert summary.reply.card is not None
    fields = {f.label: f.value for f in summary.reply.card.fields}
    assert fields["Not answered"] == "Ana Silva, Hugo Bernard, Maya Chen and Sam Okafor"
    assert "This stand-up is optional." in summary.text


async def test_forged_buttons_and_another_tenants_stand_up_are_refused(team: Team) -> None:
    chat = team.chat
    await chat.say(SAM, SETUP)
    await team.tick(at(9, 30))
    (prompt,) = team.port.dms(SAM)
    assert prompt.reply.card is not None and prompt.reply.card.form is not None
    other = Chat(runtime=team.runtime, tenant=TenantKey.parse("other"))
    await import_fixtures(team.runtime.database, "other")
    # The same person's id in another tenant, pressing this tenant's button.
    stolen = await other.submit(SAM, prompt.reply, {"q0": "x", "q1": "y", "q2": "z"})
    assert "no longer exists" in stolen.text
    for value in ("", "garbage", "1:not-a-date:0", "1:2026-11-23:9"):
        forged = ActionSubmitted(
            user=chat.user(SAM),
            conversation=ConversationRef(tenant=chat.tenant, id=f"dm:{SAM}"),
            action_id="standup.submit:" + value,
            value=value,
            inputs={"q0": "x"},
        )
        reply = await team.runtime.dispatcher.handle(forged)
        assert "no longer exists" in reply.text and "Traceback" not in reply.text
    assert team.port.channel(CHANNEL) == []  # nothing was posted


async def test_an_answer_is_kept_when_the_channel_cannot_be_reached(
    settings: Settings, clock: FixedClock
) -> None:
    """Answered by form and by text where no platform reaches the channel: saved, said so."""
    clock.set(at=at(9, 30))
    async with chat_runtime(settings=settings, clock=clock) as runtime:
        chat = Chat(runtime=runtime, tenant=await import_fixtures(runtime.database, "acme"))
        await chat.say(SAM, SETUP)
        early = await chat.say(HUGO, "/standup")
        by_form = await chat.submit(HUGO, early, {"q0": "a", "q1": "b", "q2": "rien"})
        assert "enregistrées et figureront dans le résumé" in by_form.text
        await chat.say(SAM, "/standup")
        await chat.say(SAM, "One")
        await chat.say(SAM, "Two")
        by_text = await chat.say(SAM, "Stuck on DNS")
        assert "saved and will be in the summary" in by_text.text
        async with runtime.database.session() as session:
            acme = await tenants.find_tenant(session, key=chat.tenant)
            assert acme is not None
            (standup,) = await standups.list_standups(session, tenant=acme)
            run = await standups.find_run(
                session, tenant=acme, standup_id=standup.id, run_date=at(9).date(), slot=0
            )
            assert run is not None
            kept = await standups.run_answers(session, tenant=acme, run_id=run.id)
        assert sorted(a.answers for a in kept) == [
            ("One", "Two", "Stuck on DNS"),
            ("a", "b", "rien"),
        ]
