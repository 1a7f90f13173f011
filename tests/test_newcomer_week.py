"""A newcomer's week in the terminal (issue 21): the shared fixtures' team, each person in
their own ``tandem chat`` process on one SQLite database, each process's clock started
by libfaketime at its moment of a week in January next year (winter time: Paris is
UTC+1, London UTC+0), so the story reads the same on any real day at any hour.

Hugo (marketing, French) sets up the team's stand-up, schedules a planning session and
asks for an approval on Monday morning; Priya accepts her invitation and Nadia approves
the request in their own chats while Hugo's is open, and he reads both there. Hugo
answers the stand-up each weekday; Tuesday's answer holds a blocker, which nobody takes
up: it climbs to Nadia on Wednesday, who takes it in hers. On Saturday nothing is
offered. Every line Hugo's chats printed all week is a French catalogue message or data.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from tests.conftest import FIXTURE_FILES
from tests.french_lines import not_french, organisation_data
from tests.live_chat import LiveChat
from tests.test_terminal_e2e import acme, env

__all__ = ["acme", "env"]  # the fixtures this module uses, from the terminal tests

pytestmark = pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)

HUGO = "hugo.bernard@example.com"  # marketing, French, Paris
SAM = "sam.okafor@example.com"  # marketing, English, London
PRIYA = "priya.nair@example.com"  # IT security, English, London
NADIA = "nadia.roux@example.com"  # CIO, French, Paris: approves customer data exports
PARIS = ZoneInfo("Europe/Paris")
_JANUARY = date(date.today().year + 1, 1, 8)
MONDAY = _JANUARY + timedelta(days=-_JANUARY.weekday() % 7)  # the second Monday
DAYS = ("lundi", "mardi", "mercredi", "jeudi", "vendredi")

SETUP = (
    f"/standup setup Point; membres: {HUGO}, {SAM}; jours: lun-ven; heures: 09:00-12:00; "
    "fuseau: Europe/Paris; canal: equipe-lancement"
)
PLANNING = (
    '/planification nouvelle "Plan T1" jeudi 15:00 60min sujets: landing-pages, tracking-consent'
)
QUESTION = "/garde-fou puis-je exporter les leads du CRM vers un tableur ?"
ANSWERS = {  # Hugo's stand-up answers, a day each
    "lundi": ("Le brief du salon", "La campagne de printemps", "aucun"),
    "mardi": ("La campagne", "Le microsite", "J'attends l'enregistrement DNS #domain-names"),
    "mercredi": ("Le microsite", "Les visuels du salon", "aucun"),
    "jeudi": ("Les visuels", "La planification T1", "aucun"),
    "vendredi": ("La planification", "Le bilan de la semaine", "aucun"),
}
SAM_ANSWERS = ("Wrote the brief", "Landing page", "none")
TYPED_DATA = (  # what the people typed, and the fixtures' names that have no French
    *(answer for day in ANSWERS.values() for answer in day),
    *SAM_ANSWERS,
    "Plan T1",
    "Point",
    "Relances du webinaire",
    "2 semaines",
    "puis-je exporter les leads du CRM vers un tableur",
    "equipe-lancement",
)


def paris(day: int, hour: int, minute: int = 0) -> datetime:
    """``hour:minute`` in Paris on the week's day ``day`` (0: Monday)."""
    return datetime.combine(MONDAY + timedelta(days=day), time(hour, minute), PARIS)


def number(printed: str, label: str) -> str:
    """The number of the last button called ``label`` in ``printed``."""
    found = re.findall(rf"\[(\d+)\] {re.escape(label)}\n", printed)
    assert found, printed
    return str(found[-1])


@dataclass
class Week:
    env: dict[str, str]
    files: Path
    printed: dict[str, list[str]] = field(default_factory=dict)
    _open: list[LiveChat] = field(default_factory=list)

    @contextmanager
    def chat(self, email: str, at: datetime) -> Iterator[LiveChat]:
        """``email``'s chat opened at ``at``, closed at the end of the block (what it printed
        kept in ``printed``)."""
        live = LiveChat(email=email, env=self.env, tenant="acme", files=self.files, at=at)
        self._open.append(live)
        yield live
        out = live.close()
        self.printed.setdefault(email, []).append(out + live.err)  # both reach the screen
        self._open.remove(live)

    def answer(self, live: LiveChat, day: str) -> str:
        """Hugo opens the day's stand-up and answers it; what the chat printed meanwhile."""
        mark = len(live.out)
        live.type("/standup")
        live.wait_for("Quelque chose vous bloque ?", after=mark)
        for answer in ANSWERS[day]:
            live.type(answer, "")
        return live.wait_for("Merci ! Vos réponses à « Point » sont publiées", after=mark)

    def kill(self) -> None:
        for live in self._open:
            live.kill()


@pytest.fixture
def week(acme: dict[str, str], tmp_path: Path) -> Iterator[Week]:
    played = Week(env=acme, files=tmp_path / "files")
    try:
        yield played
    finally:
        played.kill()


def test_a_newcomer_s_week_in_the_terminal(week: Week) -> None:
    # Monday, 08:30 in Paris: Hugo sets the stand-up up, schedules the planning session
    # and asks for an approval through the form under the guardrail's answer.
    with week.chat(HUGO, paris(0, 8, 30)) as hugo:
        hugo.type(SETUP)
        hugo.wait_for("Le stand-up « Point » est créé")
        hugo.type(PLANNING)
        hugo.wait_for("📅 Planification n°1 prévue : Plan T1")
        mark = len(hugo.out)
        hugo.type(QUESTION)
        answer = hugo.wait_for("Pourquoi cette règle", after=mark)
        hugo.type(number(answer, "Demander une validation"), "")
        hugo.type("Relances du webinaire", "", "2 semaines")
        hugo.wait_for("Demande n°1 envoyée à Nadia Roux. Je vous dirai ici la décision.")

    # 09:10: the stand-up asks Hugo; Sam (08:10 in London, asked at 09:00 his time)
    # answers early, each in their own chat.
    with week.chat(HUGO, paris(0, 9, 10)) as hugo, week.chat(SAM, paris(0, 9, 10)) as sam:
        hugo.wait_for("Stand-up « Point », lundi")
        week.answer(hugo, "lundi")
        sam.type("/standup", *(line for answer in SAM_ANSWERS for line in (answer, "")))
        sam.wait_for("Stand-up “Point”, Monday")
        sam.wait_for("Thanks! Your answers to “Point” are posted in the team channel")
        sam.wait_for("Le brief du salon")  # Hugo's answer, in the team channel Sam is in
    hugo_monday = week.printed[HUGO][-1]
    assert "Wrote the brief" not in hugo_monday.split("Merci !")[0]

    # 12:05: the stand-up's summary reaches Hugo's open chat; Priya accepts her invitation
    # and Nadia approves the request in theirs, and Hugo reads both in his within seconds.
    with week.chat(HUGO, paris(0, 12, 5)) as hugo:
        hugo.wait_for("Résumé de « Point », lundi")
        hugo.wait_for("2 sur 2 ont répondu, 0 blocage.")
        with week.chat(PRIYA, paris(0, 12, 5)) as priya:
            priya.wait_for("📅 You're invited: Plan T1")
            invited = priya.wait_for("Propose someone else")
            priya.type(number(invited[invited.index("You're invited") :], "Accept"))
            priya.wait_for("✅ Plan T1: you accepted")
        hugo.wait_for("✅ Priya Nair a accepté Plan T1 (jeudi")
        with week.chat(NADIA, paris(0, 12, 5)) as nadia:
            nadia.wait_for("Hugo Bernard demande votre validation")
            card = nadia.wait_for("Poser une question")
            nadia.type(number(card[card.index("demande votre validation") :], "Valider"))
            nadia.wait_for("Demande n°1 validée ; le demandeur est prévenu.")
        hugo.wait_for("✅ Nadia Roux a validé votre demande n°1")
    assert "Marked as reviewed" not in week.printed[PRIYA][-1]  # her number was Accept's

    for day, name in enumerate(DAYS[1:], 1):  # Tuesday to Friday, 09:10: asked, answered
        with week.chat(HUGO, paris(day, 9, 10)) as hugo:
            hugo.wait_for(f"Stand-up « Point », {name} {(MONDAY + timedelta(days=day)).day}")
            said = week.answer(hugo, name)
            if name == "mardi":
                assert "Blocage noté : « J'attends l'enregistrement DNS #domain-names »" in said
                hugo.wait_for("est chez Ana Silva (Domain names and DNS (domain-names)).")
            if name == "mercredi":  # Ana never took it up: it climbed to Nadia overnight
                hugo.wait_for("n'avance pas : il est remonté vers Nadia Roux.")
                with week.chat(NADIA, paris(day, 9, 15)) as nadia:
                    nadia.wait_for("Vous êtes Approbateur pour Domain names and DNS")
                    card = nadia.wait_for("Réattribuer")
                    nadia.type(number(card[card.index("Blocage n°1") :], "Prendre en charge"))
                    nadia.wait_for("Vous avez pris en charge le blocage n°1")
                hugo.wait_for("Nadia Roux a pris en charge votre blocage n°1")
            if name == "vendredi":  # taken up, still not resolved a working day later
                hugo.wait_for("n'avance pas : il est remonté vers les PM.")

    # Saturday: nothing is asked, nothing offered, nothing to skip.
    with week.chat(HUGO, paris(5, 10)) as hugo:
        hugo.type("/standup", "/standup passer")
        hugo.wait_for("Il n'y a pas de stand-up à passer pour l'instant.")
    saturday = week.printed[HUGO][-1]
    monday = MONDAY + timedelta(days=7)
    assert (
        "Rien à répondre pour « Point » pour l'instant ; la prochaine question arrive le "
        f"{monday.day} janv. {monday.year} à 09:00"
    ) in saturday
    assert "samedi" not in saturday and "Répondre" not in saturday

    # Hugo's and Nadia's whole week, every line: French, or data.
    data = organisation_data(*FIXTURE_FILES.values()) | set(TYPED_DATA)
    for email in (HUGO, NADIA):
        strays = not_french("\n".join(week.printed[email]), data=data)
        assert not strays, f"{email} read:\n" + "\n".join(strays)
