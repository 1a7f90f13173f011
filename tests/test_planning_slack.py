"""/planning on Slack end to end: signed requests in, the fake Web API out.

Sam (London) types ``/planning new`` in a channel. Priya (IT, London) is Consulted on
landing pages, Thomas (IT, Paris, French) Responsible for tracking consent: each gets the
invitation in their DM (Block Kit, Accept / Decline / Propose someone else) and the
calendar file uploaded right after it into the same DM, and both are added to the
channel. Declining asks the reason in a modal; answers update the card in place
(``chat.update``) and tell Sam; cancelling sends a cancellation for the calendar.
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from typing import Any

import pytest
from icalendar import Calendar

from tandem.bot.clock import FixedClock
from tests.slackfake.api import Call, SharedFile
from tests.slackfake.scopes import manifest_scopes
from tests.test_blocker_slack import buttons, click, posts
from tests.test_guardrail_slack import inputs_of, opened, submission, text_of, ts_of
from tests.test_slack_e2e import HUGO, NADIA, SAM, TEAM, SlackBot, one_workspace

PRIYA = "UPRIYA001"  # IT, London, English: Consulted on landing pages
THOMAS = "UTHOMAS01"  # IT, Paris, French: Responsible for tracking consent
CHANNEL = "C0PLAN001"  # where Sam types the command
INVITE_SCOPES = {"channels:manage", "groups:write"}  # older installs lack them
Q1 = 'new "Q1 campaign planning" 2027-01-12 14:00 60min topics: landing-pages, tracking-consent'
FILE = "q1-campaign-planning.ics"


@pytest.fixture
async def slack(database_url: str, clock: FixedClock) -> AsyncIterator[SlackBot]:
    clock.set(at=datetime(2026, 11, 23, 9, 30, tzinfo=UTC))  # a Monday
    async with one_workspace(database_url, clock=clock) as bot:
        bot.api.add_user(
            team_id=TEAM,
            user_id=PRIYA,
            email="priya.nair@example.com",
            real_name="Priya Nair",
            tz="Europe/London",
            locale="en-GB",
        )
        bot.api.add_user(
            team_id=TEAM,
            user_id=THOMAS,
            email="thomas.girard@example.com",
            real_name="Thomas Girard",
            tz="Europe/Paris",
            locale="fr-FR",
        )
        yield bot


async def planning(slack: SlackBot, text: str, *, name: str) -> Call:
    """Sam types ``/planning <text>`` in the channel; the answer only he sees."""
    assert (
        await slack.command(text, user=SAM, command="/planning", name=name, channel=CHANNEL) == 200
    )
    (answer,) = await slack.wait_for(lambda: slack.responses(name))
    return answer


async def schedule(slack: SlackBot) -> tuple[Call, Call]:
    """The Q1 session scheduled; Priya's and Thomas's invitation cards."""
    answer = await planning(slack, Q1, name="new")
    assert "📅 Planning #1 scheduled: Q1 campaign planning" in text_of(answer)
    (priya,) = posts(slack, PRIYA)
    (thomas,) = posts(slack, THOMAS)
    return priya, thomas


def event_in(shared: SharedFile) -> tuple[Calendar, Any]:
    """The calendar a shared ``.ics`` holds, and its one event."""
    calendar = Calendar.from_ical(shared.content)
    (event,) = calendar.walk("VEVENT")
    return calendar, event


def index_of(slack: SlackBot, call: Call) -> int:
    return next(n for n, c in enumerate(slack.api.calls) if c is call)


def completed_in(slack: SlackBot, channel: str) -> list[Call]:
    return [
        c
        for c in slack.api.calls_to("files.completeUploadExternal")
        if c.params.get("channel_id") == channel
    ]


async def test_a_session_typed_in_a_channel_invites_it_by_dm_with_the_calendar_file(
    slack: SlackBot,
) -> None:
    answer = await planning(slack, Q1, name="new")
    assert answer.params["response_type"] == "ephemeral"
    shown = text_of(answer)
    assert "📅 Planning #1 scheduled: Q1 campaign planning" in shown
    assert "Priya Nair — invited, no answer yet" in shown
    assert "Thomas Girard — invited, no answer yet" in shown
    assert "Tuesday 12 January 2027" in shown and "14:00 (Europe/London)" in shown
    assert "The IT people invited were added to this channel." in shown

    # Priya: the invitation in her DM, then the calendar file in the same DM.
    (priya,) = posts(slack, PRIYA)
    assert "📅 You're invited: Q1 campaign planning" in text_of(priya)
    assert "You are Consulted on it in the RACI matrix." in text_of(priya)
    assert "14:00 (Europe/London)" in text_of(priya)
    assert list(buttons(priya)) == ["Accept", "Decline", "Propose someone else"]
    (shared,) = slack.api.files_in(f"D{PRIYA}")
    assert shared.name == FILE
    (completed,) = completed_in(slack, f"D{PRIYA}")
    assert index_of(slack, priya) < index_of(slack, completed)  # the message first
    calendar, event = event_in(shared)
    assert calendar["METHOD"] == "REQUEST"
    assert event.decoded("dtstart") == datetime(2027, 1, 12, 14, 0, tzinfo=UTC)
    assert event["DTSTART"].params["TZID"] == "Europe/London"
    assert event.decoded("dtend") == datetime(2027, 1, 12, 15, 0, tzinfo=UTC)
    assert str(event["ORGANIZER"]) == "mailto:sam.okafor@example.com"
    assert {str(a) for a in event["ATTENDEE"]} == {
        "mailto:priya.nair@example.com",
        "mailto:thomas.girard@example.com",
    }

    # Thomas: the same in French, at his time in Paris, and the same event.
    (thomas,) = posts(slack, THOMAS)
    assert "📅 Vous êtes invité·e : Q1 campaign planning" in text_of(thomas)
    assert "Vous en êtes Responsable dans la matrice RACI." in text_of(thomas)
    assert "15:00 (Europe/Paris)" in text_of(thomas)
    assert list(buttons(thomas)) == ["Accepter", "Décliner", "Proposer quelqu'un d'autre"]
    (his,) = slack.api.files_in(f"D{THOMAS}")
    assert his.name == FILE
    assert event_in(his)[1]["UID"] == event["UID"]

    # Both were added to the channel the command was typed in.
    (invited,) = slack.api.calls_to("conversations.invite")
    assert invited.params["channel"] == CHANNEL
    assert set(invited.params["users"].split(",")) == {PRIYA, THOMAS}
    # Nobody else heard of it.
    assert posts(slack, SAM) == posts(slack, HUGO) == posts(slack, NADIA) == []


async def test_a_decline_asks_its_reason_and_an_accept_closes_the_card(slack: SlackBot) -> None:
    priya, thomas = await schedule(slack)

    decline = click(THOMAS, buttons(thomas)["Décliner"], trigger="4242.1.decline")
    assert await slack.interaction(decline) == 200
    (form,) = await slack.wait_for(lambda: opened(slack))
    assert form.params["trigger_id"] == "4242.1.decline"
    view = form.params["view"]
    assert view["title"]["text"] == "Décliner l'invitation"
    assert [i["label"]["text"] for i in inputs_of(view).values()] == [
        "Pourquoi ne pouvez-vous pas venir ? (l'organisation le verra)"
    ]
    assert posts(slack, SAM) == [] and slack.api.calls_to("chat.update") == []  # not yet

    reason = {"reason": "En congé ce jour-là"}
    assert await slack.interaction(submission(THOMAS, view, reason)) == 200
    (done,) = await slack.wait_for(lambda: posts(slack, f"D{THOMAS}"))
    assert "🚫 Q1 campaign planning : vous avez décliné" in text_of(done)
    (updated,) = await slack.wait_for(lambda: slack.api.calls_to("chat.update"))
    assert updated.params["channel"] == f"D{THOMAS}"
    assert updated.params["ts"] == ts_of(slack, thomas)  # his invitation, in place
    assert "vous avez décliné" in text_of(updated) and "En congé ce jour-là" in text_of(updated)
    assert not buttons(updated)
    (told,) = await slack.wait_for(lambda: posts(slack, SAM))
    said = told.params["text"]
    assert "🚫 Thomas Girard declined Q1 campaign planning" in said
    assert "En congé ce jour-là" in said
    # Nobody else holds tracking consent and the pool is empty: Sam knows.
    assert "Nobody from IT could be invited for Tracking pixels and cookie consent" in said
    assert len(posts(slack, PRIYA)) == 1  # Priya already covers her topic: nothing new

    assert await slack.interaction(click(PRIYA, buttons(priya)["Accept"])) == 200
    (accepted,) = await slack.wait_for(lambda: posts(slack, f"D{PRIYA}"))
    assert "✅ Q1 campaign planning: you accepted" in text_of(accepted)
    updates = await slack.wait_for(lambda: slack.api.calls_to("chat.update"), count=2)
    (hers,) = [u for u in updates if u.params["channel"] == f"D{PRIYA}"]
    assert hers.params["ts"] == ts_of(slack, priya)
    assert "you accepted" in text_of(hers) and not buttons(hers)
    told_twice = await slack.wait_for(lambda: posts(slack, SAM), count=2)
    assert "✅ Priya Nair accepted Q1 campaign planning" in told_twice[-1].params["text"]

    shown = await planning(slack, "show 1", name="show")
    assert "Priya Nair — accepted" in text_of(shown)
    assert "Thomas Girard — declined (En congé ce jour-là)" in text_of(shown)


async def test_cancelling_sends_a_cancellation_for_the_calendar(slack: SlackBot) -> None:
    priya, thomas = await schedule(slack)
    _, invite = event_in(slack.api.files_in(f"D{PRIYA}")[0])

    done = await planning(slack, "cancel 1", name="cancel")
    assert "Planning #1 “Q1 campaign planning” is cancelled; 2 invited people were told" in text_of(
        done
    )
    notices = {
        PRIYA: "❌ Q1 campaign planning is cancelled",
        THOMAS: "❌ Q1 campaign planning est annulée",
    }
    for user, notice in notices.items():
        _card, told = posts(slack, user)
        assert notice in told.params["text"]
        first, cancellation = slack.api.files_in(f"D{user}")
        assert first.name == FILE and cancellation.name == "q1-campaign-planning-cancelled.ics"
        calendar, event = event_in(cancellation)
        assert calendar["METHOD"] == "CANCEL"
        assert event["UID"] == invite["UID"]
        assert event["SEQUENCE"] == 1 and event["STATUS"] == "CANCELLED"
        assert event.decoded("dtstart") == datetime(2027, 1, 12, 14, 0, tzinfo=UTC)

    updates = {u.params["channel"]: u for u in slack.api.calls_to("chat.update")}
    assert set(updates) == {f"D{PRIYA}", f"D{THOMAS}"}
    assert updates[f"D{PRIYA}"].params["ts"] == ts_of(slack, priya)
    assert updates[f"D{THOMAS}"].params["ts"] == ts_of(slack, thomas)
    assert "❌ Cancelled: Q1 campaign planning" in text_of(updates[f"D{PRIYA}"])
    assert "❌ Annulée : Q1 campaign planning" in text_of(updates[f"D{THOMAS}"])
    assert not buttons(updates[f"D{PRIYA}"]) and not buttons(updates[f"D{THOMAS}"])

    listed = await planning(slack, "list", name="list")
    assert "No planning session to come" in text_of(listed)


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        (
            'new "Q1 campaign planning" 2020-01-12 14:00 60min topics: landing-pages',
            "2020-01-12 14:00 is already past",
        ),
        (
            'new "Q1 campaign planning" 2027-02-30 14:00 60min topics: landing-pages',
            "“2027-02-30” is not a date I can read",
        ),
    ],
    ids=["past", "no-such-day"],
)
async def test_a_bad_date_on_slack_gets_a_clear_reply_and_stores_nothing(
    slack: SlackBot, typed: str, expected: str
) -> None:
    answer = await planning(slack, typed, name="new")
    assert answer.params["response_type"] == "ephemeral"
    assert expected in answer.params["text"]
    assert 'For example: /planning new "Q1 campaign planning"' in answer.params["text"]
    assert "Traceback" not in json.dumps(answer.params)
    for method in ("chat.postMessage", "conversations.invite", "files.completeUploadExternal"):
        assert slack.api.calls_to(method) == []
    listed = await planning(slack, "list", name="list")
    assert "No planning session to come" in text_of(listed)


async def test_people_already_in_the_channel_do_not_stop_the_others_joining(
    slack: SlackBot,
) -> None:
    await schedule(slack)
    again = await planning(slack, Q1.replace("14:00", "16:00"), name="again")
    assert "The IT people invited were added to this channel." in text_of(again)
    third = await planning(
        slack,
        'new "Email" 2027-01-12 09:00 30min topics: landing-pages, marketing automation',
        name="third",
    )  # Priya is in the channel already; Omar is new
    assert "The IT people invited were added to this channel." in text_of(third)
    calls = slack.api.calls_to("conversations.invite")
    assert len(calls) == 3 and all(c.params.get("force") in (True, "true", "1") for c in calls)


@pytest.mark.parametrize(
    ("organiser", "private", "told"),
    [
        (
            SAM,
            False,
            "I could not add them to the channel here: Tandem was not granted the permission to "
            "add people to channels (channels:manage). A workspace admin must reinstall Tandem "
            "to approve its new permissions; until then, share the channel with them.",
        ),
        (
            HUGO,
            True,
            "Je n'ai pas pu les ajouter au canal ici : Tandem n'a pas reçu l'autorisation "
            "d'ajouter des personnes aux canaux (groups:write). Un·e admin de l'espace de "
            "travail doit réinstaller Tandem pour approuver ses nouvelles autorisations ; en "
            "attendant, partagez le canal avec elles.",
        ),
    ],
)
async def test_a_workspace_installed_without_the_invite_scopes_has_an_admin_reinstall(
    slack: SlackBot, organiser: str, private: bool, told: str
) -> None:
    """Installed from the manifest as it was before it asked for channels:manage and
    groups:write, Tandem is refused the channel invite: the organiser reads why, in their
    language, and what an admin must do; the people invited still get their invitation."""
    slack.api.grant(bot_token="xoxb-acme", scopes=manifest_scopes() - INVITE_SCOPES)
    if private:
        slack.api.add_private_channel(CHANNEL)
    assert await slack.command(Q1, user=organiser, command="/planning", channel=CHANNEL) == 200
    (answer,) = await slack.wait_for(slack.responses)
    assert told in text_of(answer)
    (refused,) = slack.api.calls_to("conversations.invite")
    assert refused.failed and refused.params["channel"] == CHANNEL
    assert len(posts(slack, PRIYA)) == len(posts(slack, THOMAS)) == 1
