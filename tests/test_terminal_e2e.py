"""The terminal adapter end to end, as a newcomer runs it: the ``tandem`` command line.

Commands run in the test process through Click's runner (``tests/cli.py``); a fresh
install and the installed script run as real processes.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from tandem.storage.orgfiles.service import FileKind
from tests.cli import Ran, tandem
from tests.conftest import FIXTURE_FILES

TANDEM = [sys.executable, "-m", "tandem"]


def run(args: list[str], *, env: dict[str, str], stdin: str = "") -> Ran:
    """``tandem ARGS`` in this process (Click's runner): what a command prints and changes
    needs no process of its own."""
    return tandem(args, env=env, stdin=stdin)


def run_process(
    args: list[str], *, env: dict[str, str], stdin: str = "", timeout: float = 60
) -> subprocess.CompletedProcess[str]:
    """``python -m tandem ARGS``, a real process: for what a fresh install does."""
    return subprocess.run(
        [*TANDEM, *args],
        input=stdin,
        capture_output=True,
        text=True,
        env=env,
        timeout=timeout,
        check=False,
    )


@pytest.fixture
def env(database_url: str, tmp_path: Path) -> dict[str, str]:
    """The environment of a fresh install on the test database, demo import off."""
    values = {k: v for k, v in os.environ.items() if not k.startswith(("TANDEM_", "SLACK_"))}
    values.update(
        TANDEM_DATABASE_URL=database_url,
        TANDEM_DEMO="false",
        HOME=str(tmp_path),
        XDG_STATE_HOME=str(tmp_path / "state"),
        PYTHONIOENCODING="utf-8",
    )
    return values


@pytest.fixture
def acme(env: dict[str, str]) -> dict[str, str]:
    """The shared fixtures imported, as is, with the CLI into tenant acme."""
    for kind, path in FIXTURE_FILES.items():
        result = run(["import", kind.value, str(path), "--tenant", "acme"], env=env)
        assert result.returncode == 0, result.stderr
        assert "created" in result.stdout
    return env


def chat(env: dict[str, str], email: str, *lines: str) -> str:
    result = run(
        ["chat", "--as", email, "--tenant", "acme"], env=env, stdin="\n".join(lines) + "\n"
    )
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stdout + result.stderr + chat_log(env)
    return result.stdout


def chat_log(env: dict[str, str]) -> str:
    """What the chats run with ``env`` logged (to a file, not into the conversation)."""
    path = Path(env["XDG_STATE_HOME"]) / "tandem" / "chat.log"
    return path.read_text("utf-8") if path.exists() else ""


def test_who_owns_in_the_terminal(acme: dict[str, str]) -> None:
    out = chat(
        acme,
        "sam.okafor@example.com",
        "/who-owns domian names",
        "/who-owns certificats",
        "/who-owns web security",
    )
    assert out.count("Domain names and DNS (domain-names)") == 2
    assert "Responsible  Ana Silva (Network Engineer)" in out
    assert "Accountable  Nadia Roux (CIO)" in out
    tail = out[out.index("/who-owns web security") :]
    assert "I know no topic matching “web security”" in tail
    assert "Did you mean" in tail and "(web-performance)" in tail
    assert "Ana Silva" not in tail and "Nadia Roux" not in tail


def test_a_french_speaker_reads_french(acme: dict[str, str]) -> None:
    out = chat(acme, "hugo.bernard@example.com", "/who-owns noms de domaine", "/who-owns web")
    assert "Responsable  Ana Silva" in out
    assert "Approbateur  Nadia Roux" in out
    assert "Je ne connais aucun sujet correspondant à « web »" in out
    assert "Vouliez-vous dire" in out and "(web-performance)" in out


def test_an_edit_by_the_accountable_and_a_refused_one(acme: dict[str, str]) -> None:
    refused = chat(
        acme,
        "hugo.bernard@example.com",
        "/who-owns set dns responsible hugo.bernard@example.com",
    )
    assert "Seul un administrateur ou l'Approbateur" in refused
    allowed = chat(
        acme,
        "nadia.roux@example.com",
        "/who-owns set dns responsible thomas.girard@example.com",
    )
    assert "désormais Thomas Girard" in allowed
    after = chat(acme, "sam.okafor@example.com", "/who-owns dns")
    assert "Responsible  Thomas Girard" in after
    assert "by Nadia Roux" in after
    exported = run(["export", "raci", "--tenant", "acme"], env=acme)
    assert "domain-names,Domain names and DNS," in exported.stdout
    assert ",thomas.girard@example.com,nadia.roux@example.com," in exported.stdout


def test_a_stand_up_set_up_and_answered_in_the_terminal(acme: dict[str, str]) -> None:
    # The CLI runs on the real clock, any day at any hour: the run opened two hours ago and
    # closes in three (across midnight, a night shift). Sam works Monday to Friday: on a
    # weekend his answer counts for the day all the same, and he is told so.
    now = datetime.now(UTC)
    times = f"{now - timedelta(hours=2):%H:%M}-{now + timedelta(hours=3):%H:%M}"
    setup = (
        "/standup setup Daily; members: sam.okafor@example.com, hugo.bernard@example.com; "
        f"days: daily; times: {times}; timezone: UTC; channel: marketing-it"
    )
    answers = ("Wrote the brief", "", "The landing page", "", "none", "")  # each ends empty
    out = chat(acme, "sam.okafor@example.com", setup, "/standup", *answers)
    run_day = (now - timedelta(hours=2)).date()
    assert ("is not one of your stand-up days" in out) == (run_day.weekday() >= 5)
    assert "Stand-up “Daily” is set up" in out
    # The form lists its questions and says how to leave it, then reads each answer (lines
    # ended by an empty one).
    assert "• What did you do yesterday?" in out and "• Anything blocking you?" in out
    assert "(A form: answer each field in turn" in out
    assert "[#marketing-it]" in out  # the day's message in the channel, which Sam is in
    assert "Wrote the brief" in out and "posted in the team channel" in out
    listed = chat(acme, "hugo.bernard@example.com", "/standup list")
    assert "Daily" in listed and "Hugo Bernard" in listed and "Sam Okafor" in listed
    # Hugo is a member: Sam's answer, posted in the channel, is in his chat (read once)
    assert "pendant votre absence" in listed and "[#marketing-it]" in listed
    assert "Wrote the brief" in listed
    french = chat(acme, "hugo.bernard@example.com", "/standup", "/cancel")
    assert "Qu'avez-vous fait hier ?" in french and "(annulé : rien n'a été envoyé)" in french
    assert "(Un formulaire : répondez à chaque champ" in french


def test_a_number_clicks_a_suggestion(acme: dict[str, str]) -> None:
    out = chat(acme, "sam.okafor@example.com", "/who-owns web", "2")
    assert "[2]" in out
    assert out.count("Responsible") == 1


def test_who_owns_json_for_scripts(acme: dict[str, str]) -> None:
    result = run(["who-owns", "dns", "--tenant", "acme", "--json"], env=acme)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == {
        "query": "dns",
        "topic": "domain-names",
        "title": "Domain names and DNS",
        "responsible": ["ana.silva@example.com"],
        "accountable": ["nadia.roux@example.com"],
        "consulted": ["camille.durand@example.com"],
        "informed": ["hugo.bernard@example.com", "daniel.weber@example.com"],
        "suggestions": [],
    }
    unknown = json.loads(run(["who-owns", "web", "--tenant", "acme", "--json"], env=acme).stdout)
    assert unknown["topic"] is None and unknown["responsible"] == []
    assert "web-performance" in unknown["suggestions"]


def test_a_bad_file_is_rejected_by_line_and_nothing_changes(
    acme: dict[str, str], tmp_path: Path
) -> None:
    before = run(["export", "raci", "--tenant", "acme"], env=acme).stdout
    bad = tmp_path / "raci.csv"
    bad.write_text(
        FIXTURE_FILES[FileKind.RACI].read_text("utf-8")
        + "domain-names,Again,,ghost@example.com,nadia.roux@example.com,,,dup\n",
        encoding="utf-8",
    )
    result = run(["import", "raci", str(bad), "--tenant", "acme"], env=acme)
    assert result.returncode == 1
    assert "line 14: duplicate topic 'domain-names' (first on line 2)" in result.stderr
    assert "Traceback" not in result.stderr
    assert run(["export", "raci", "--tenant", "acme"], env=acme).stdout == before


def test_unknown_person_and_tenant_are_explained(acme: dict[str, str]) -> None:
    result = run(["chat", "--as", "ghost@example.com", "--tenant", "acme"], env=acme)
    assert result.returncode == 2
    assert "Nobody with email ghost@example.com in tenant acme" in result.stderr
    result = run(["who-owns", "dns", "--tenant", "Not A Key!"], env=acme)
    assert result.returncode == 2 and "not a tenant key" in result.stderr


def test_fresh_install_imports_the_demo_and_answers(env: dict[str, str], tmp_path: Path) -> None:
    env = {**env, "TANDEM_DEMO": "true", "TANDEM_DATABASE_URL": f"sqlite:///{tmp_path / 'new.db'}"}
    result = run_process(["who-owns", "domain-names", "--json"], env=env)
    assert result.returncode == 0, result.stderr
    answer = json.loads(result.stdout)
    assert answer["topic"] == "domain-names"
    assert answer["accountable"] == ["ravi.patel@lumen.example"]
    out = run_process(
        ["chat", "--as", "elise.marchand@lumen.example"], env=env, stdin="/who-owns dns\n"
    )
    assert "Approbateur  Ravi Patel (Head of IT)" in out.stdout


def test_the_console_script_is_installed() -> None:
    script = Path(sys.executable).parent / "tandem"
    result = subprocess.run([script, "--version"], capture_output=True, text=True, check=False)
    assert result.returncode == 0 and "tandem" in result.stdout


def test_a_blocker_raised_routed_and_resolved_in_the_terminal(acme: dict[str, str]) -> None:
    sam, ana = "sam.okafor@example.com", "ana.silva@example.com"
    raised = chat(acme, sam, "/blocker the microsite needs a DNS entry before launch", "1")
    assert "Which topic is it about?" in raised
    assert "Blocker #1 is now with Ana Silva" in raised
    assert "Sam Okafor is blocked" not in raised  # Ana's card is in Ana's chat
    # Ana opens hers: the card is there, and its buttons are hers to press.
    resolved = chat(acme, ana, "2", "Record added", "")
    assert "while you were away:" in resolved
    card = resolved[resolved.index("Sam Okafor is blocked") :]
    assert "[2] Resolve" in card and "What resolved it?" in card
    assert "Blocker #1 (“the microsite needs a DNS entry before launch”) is resolved" in card
    assert "was resolved by Ana Silva" not in resolved  # Sam's notice, not Ana's
    listed = chat(acme, sam, "/blocker list")
    assert "while you were away:" in listed and "was resolved by Ana Silva: Record added" in listed
    assert "Open blockers you raised or have" in listed and "None." in listed


def test_a_guardrail_approval_requested_and_approved_in_the_terminal(
    acme: dict[str, str],
) -> None:
    sam, nadia = "sam.okafor@example.com", "nadia.roux@example.com"
    question = "/guardrail can I export the leads from the CRM to a spreadsheet?"
    asked = chat(
        acme,
        sam,
        question,
        "/who-owns dns",  # the approval form offered under the answer does not take it
        question,
        "1",  # Request approval: the form opens, asked for
        "Export 300 webinar leads",
        "",
        "/who-owns crm",  # a command leaves the form, and runs
        question,
        "1",
        "",  # what: the question, kept
        "Follow-up calls",
        "for the webinar",
        "",
        "2 weeks",
        "/guardrail approve 2",  # a command, not a question for IT
        "/guardrail accept 1",
    )
    assert asked.count("📝 Needs a quick approval") == 3 and "[1] Request approval" in asked
    assert "Domain names and DNS" in asked  # /who-owns dns ran as a command
    assert asked.count("(A form: answer each field in turn") == 2
    assert "a line beginning with / leaves it and runs as a command" in asked
    left = asked[asked.index("(form cancelled, nothing was sent; running /who-owns crm)") :]
    assert "(customer-data)" in left.split("📝 Needs a quick approval")[0]  # who owns the CRM
    assert "Request #1 sent to Nadia Roux" in asked and "Request #2" not in asked
    assert "demande votre validation" not in asked  # Nadia's card, in Nadia's chat
    assert "I found no request “2” that you can see" in asked
    assert "I don't know “accept” for /guardrail." in asked and "won't guess" not in asked

    # Nadia opens her chat: the request is there, in French; she approves it in words.
    decided = chat(acme, nadia, "/guardrail approuver 1", "/guardrail noncouvertes")
    assert "pendant votre absence :" in decided
    card = decided[decided.index("Sam Okafor demande votre validation") :]
    assert "Follow-up calls for the webinar" in card and "/who-owns" not in card
    assert re.search(r"\[\d+\] Valider", card)  # numbered after her review reminders
    assert "Demande n°1 validée" in decided
    assert "Aucune question ouverte" in decided  # nothing typed went to IT as a question
    assert "approved your request" not in decided

    told = chat(acme, sam, "/guardrail approvals")
    assert "while you were away:" in told
    assert "✅ Nadia Roux approved your request #1" in told
    assert "approved by Nadia Roux" in told


def test_guardrail_json_is_a_dry_run_for_scripts(acme: dict[str, str], tmp_path: Path) -> None:
    def ask(question: str) -> dict[str, object]:
        result = run(["guardrail", question, "--json", "--tenant", "acme"], env=acme)
        assert result.returncode == 0, result.stderr
        answer: dict[str, object] = json.loads(result.stdout)
        return answer

    pixel = ask("can I put the LinkedIn Insight tag on our site?")
    assert {k: pixel[k] for k in ("rule", "verdict", "tool", "tool_status", "alternatives")} == {
        "rule": "tracking-pixel",
        "verdict": "conditional",
        "tool": None,
        "tool_status": None,
        "alternatives": [],
    }
    assert pixel["question"] == "can I put the LinkedIn Insight tag on our site?"
    tool = ask("is Hotjar allowed?")
    assert (tool["tool"], tool["tool_status"], tool["verdict"]) == (
        "Hotjar",
        "under-review",
        "approval",
    )
    room = ask("can I book a meeting room for Thursday?")
    assert (room["rule"], room["verdict"]) == (None, "uncovered")
    # a dry run: nothing was recorded for IT
    assert "No open question" in chat(acme, "priya.nair@example.com", "/guardrail uncovered")

    questions = tmp_path / "questions.yaml"
    questions.write_text(
        "questions:\n"
        "  - question: can we buy an email list for cold emailing?\n"
        "    expect: purchased-email-list\n"
        "  - question: can we use Mailchimp?\n"
        "    expect: 'tool: Mailchimp'\n"
        "  - question: can I book a meeting room for Thursday?\n"
        "    expect: uncovered\n"
        "  - question: can I book a meeting room for Friday?\n"
        "    expect: new-domain\n",
        encoding="utf-8",
    )
    checked = run(["guardrail", "--check", str(questions), "--tenant", "acme"], env=acme)
    assert checked.returncode == 0, checked.stderr
    assert "hit rate: 3/4 (75.0%)" in checked.stdout
    assert "confident wrong answers: 0" in checked.stdout
    missed = run(
        ["guardrail", "--check", str(questions), "--tenant", "acme", "--verbose-misses"], env=acme
    )
    assert "miss: 'can I book a meeting room for Friday?': expected new-domain" in missed.stdout


def test_a_guardrails_file_with_an_unknown_topic_changes_nothing(
    acme: dict[str, str], tmp_path: Path
) -> None:
    before = run(["export", "guardrails", "--tenant", "acme"], env=acme).stdout
    bad = tmp_path / "guardrails.yaml"
    bad.write_text(
        FIXTURE_FILES[FileKind.GUARDRAILS]
        .read_text("utf-8")
        .replace("topic: webinars-events", "topic: payroll")
        .replace("verdict: forbidden", "verdict: maybe"),
        encoding="utf-8",
    )
    result = run(["import", "guardrails", str(bad), "--tenant", "acme"], env=acme)
    assert result.returncode == 1
    assert "unknown RACI topic 'payroll'; import the RACI file first" in result.stderr
    assert "verdict 'maybe' is not one of allowed, conditional, approval, forbidden" in (
        result.stderr
    )
    assert "nothing was changed" in result.stderr and "Traceback" not in result.stderr
    assert run(["export", "guardrails", "--tenant", "acme"], env=acme).stdout == before


def test_a_chat_shows_its_own_tenants_traffic_only(acme: dict[str, str], tmp_path: Path) -> None:
    # Tenant bravo, on the same machine, has every rule long overdue for review.
    overdue = re.sub(
        r"last_reviewed: *\S+",
        "last_reviewed: 2020-01-01",
        FIXTURE_FILES[FileKind.GUARDRAILS].read_text("utf-8"),
    ).replace("    title: ", "    title: Bravo's ")
    (tmp_path / "overdue.yaml").write_text(overdue, "utf-8")
    files = {**FIXTURE_FILES, FileKind.GUARDRAILS: tmp_path / "overdue.yaml"}
    for kind, path in files.items():
        result = run(["import", kind.value, str(path), "--tenant", "bravo"], env=acme)
        assert result.returncode == 0, result.stderr
    reminders = ("Rule due for review: Bravo's", "Règle à revoir : Bravo's")
    nadia = "nadia.roux@example.com"  # Accountable for rules in both tenants
    in_acme = chat(acme, nadia, "/who-owns dns")
    assert "Responsable  Ana Silva" in in_acme
    assert not any(reminder in in_acme for reminder in reminders)
    # bravo's own chat is where its reminders show
    stdin = "/who-owns dns\n"
    in_bravo = run(["chat", "--as", nadia, "--tenant", "bravo"], env=acme, stdin=stdin)
    assert any(reminder in in_bravo.stdout for reminder in reminders)


def test_the_guided_stand_up_form_from_a_chat_asks_where_answers_go(
    acme: dict[str, str],
) -> None:
    members = ["sam.okafor@example.com", "hugo.bernard@example.com", ""]  # ends with a blank
    kept = [""] * 8  # the questions and every other field as prefilled
    typed = ["/standup setup", "Launch", "#launch", *members, *kept]
    out = chat(acme, "sam.okafor@example.com", *typed)
    assert "Channel for the answers (e.g. #marketing)" in out
    assert "Stand-up “Launch” is set up" in out
    assert "Answers are posted in a channel" not in out


ASKED_AGAIN = {
    "en": "(The field refused is asked again; the others keep what you typed.",
    "fr": "(Le champ refusé est redemandé ; les autres gardent ce que vous avez tapé.",
}


@pytest.mark.parametrize(
    ("email", "name", "days", "said"),
    [
        ("sam.okafor@example.com", "Launch", "mon,wed", "Stand-up “Launch” is set up"),
        ("hugo.bernard@example.com", "Lancement", "lun,mer", "Le stand-up « Lancement » est créé"),
    ],
)
def test_a_refused_field_is_the_only_one_asked_again(
    acme: dict[str, str], email: str, name: str, days: str, said: str
) -> None:
    members = ["sam.okafor@example.com", "hugo.bernard@example.com", ""]
    # name, channel, members, questions and blockers typed or kept, days wrong, the rest kept
    first = ["/standup setup", name, "#launch", *members, "", "", "someday", *[""] * 5]
    out = chat(acme, email, *first, days, "/standup list")  # only the days are asked again
    again = out[out.index("⚠ ") :]
    assert "someday" in again.splitlines()[0]
    assert any(hint in again for hint in ASKED_AGAIN.values())
    created = again[again.index(said) :]  # "/standup list" ran as a command, after it
    assert f"{days}, 09:30–12:00" in created and "Hugo Bernard" in created
