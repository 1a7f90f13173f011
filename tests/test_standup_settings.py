"""Stand-up settings as a lead types them, in English or French, and as a form gives them."""

from __future__ import annotations

from datetime import date

import pytest

from tandem.bot.i18n import Translator
from tandem.rituals.standup import settings_text
from tandem.rituals.standup.settings_text import SettingsProblem


def read(text: str) -> settings_text.Draft:
    return settings_text.read(settings_text.split_text(text))


def test_a_typed_setup_in_english() -> None:
    draft = read(
        "Daily sync; members: a@x.com, <@U123|sam>; days: mon-thu; times: 09:30-12:00, "
        "14:00-16:00; timezone: Europe/Paris; reminders: 1h, 15; holidays: 2026-12-25 "
        "2027-01-01; optional: yes; questions: Done? | Next? | Blocked?"
    )
    assert draft.name == "Daily sync"
    assert draft.members == ("a@x.com", "<@U123|sam>")
    assert draft.days == (0, 1, 2, 3)
    assert draft.slots == (("09:30", "12:00"), ("14:00", "16:00"))
    assert draft.reminders == (60, 15)
    assert draft.holidays == (date(2026, 12, 25), date(2027, 1, 1))
    assert draft.optional and draft.questions == ("Done?", "Next?", "Blocked?")


def test_french_keys_and_days_and_a_week_that_wraps() -> None:
    draft = read("Point; membres: a@x.com; jours: ven-lun; heures: 9:05-11:00; rappels: aucun")
    assert draft.days == (0, 4, 5, 6)
    assert draft.slots == (("09:05", "11:00"),)
    assert draft.reminders == ()
    assert read("X; members: a@x.com; days: lundi, mercredi").days == (0, 2)
    assert read("X; members: a@x.com; days: daily").days == tuple(range(7))


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("X; members: a@x.com; days: someday", "standup.setup.bad_days"),
        ("X; members: a@x.com; times: 9h30", "standup.setup.bad_times"),
        ("X; members: a@x.com; times: 09:30-09:30", "standup.setup.bad_times"),
        ("X; members: a@x.com; times: 24:00-12:00", "standup.setup.bad_times"),
        ("X; members: a@x.com; timezone: Paris", "standup.setup.bad_timezone"),
        ("X; members: a@x.com; reminders: soon", "standup.setup.bad_reminders"),
        ("X; members: a@x.com; holidays: 25/12", "standup.setup.bad_date"),
        ("X; members: a@x.com; optional: perhaps", "standup.setup.bad_flag"),
        ("X; members: a@x.com; colour: blue", "standup.setup.bad_segment"),
        ("X", "standup.setup.no_members"),
        ("members: a@x.com", "standup.setup.no_name"),
    ],
)
def test_each_problem_is_named(text: str, key: str) -> None:
    with pytest.raises(SettingsProblem) as problem:
        read(text)
    assert problem.value.key == key


def test_a_stored_stand_up_comes_back_as_the_same_form_values() -> None:
    draft = read("Daily; members: a@x.com, b@x.com; days: mon,wed,fri; times: 08:00-10:00")
    settings = draft.settings(member_emails=("a@x.com", "b@x.com"), timezone="Europe/Lisbon")
    values = settings_text.as_values(settings, t=Translator(locale="en"))
    assert values["days"] == "mon,wed,fri" and values["timezone"] == "Europe/Lisbon"
    again = settings_text.read(values).settings(
        member_emails=("a@x.com", "b@x.com"), timezone="UTC"
    )
    assert again == settings


def test_an_edit_changes_only_what_it_names() -> None:
    base = read("Daily; members: a@x.com; days: mon-fri; times: 09:30-12:00")
    edited = settings_text.read(
        settings_text.split_text("times: 10:00-13:00", name_first=False), base=base
    )
    assert edited.slots == (("10:00", "13:00"),)
    assert (edited.name, edited.members, edited.days) == (base.name, base.members, base.days)
