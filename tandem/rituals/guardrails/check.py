"""``tandem guardrail --check FILE``: run questions with the answer expected, count the hits.

The file is YAML: ``questions``, each with ``question`` and ``expect``: a rule id,
``tool: <catalogue name>``, or ``uncovered``. IT runs it before importing a rule change;
the development set of the tests is such a file.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import yaml

from tandem.rituals.guardrails.matcher import GuardrailIndex
from tandem.rituals.guardrails.outcome import UNCOVERED, Outcome, decide
from tandem.storage.orgfiles.problems import FileRejected, Problem
from tandem.storage.orgfiles.yamlsafe import refuse_aliases

if TYPE_CHECKING:
    from tandem.meaning.port import Vectors

TOOL_PREFIX = "tool:"


@dataclass(frozen=True, slots=True)
class Expected:
    """One question of a check file and what a right answer names."""

    question: str
    expect: str

    @property
    def tool(self) -> str | None:
        """The tool expected, for a ``tool: NAME`` line."""
        if self.expect.startswith(TOOL_PREFIX):
            return self.expect[len(TOOL_PREFIX) :].strip()
        return None


@dataclass(frozen=True, slots=True)
class Checked:
    """One question run: what came out and whether it is what was expected."""

    expected: Expected
    outcome: Outcome

    @property
    def got(self) -> str:
        """The outcome in the file's terms."""
        if self.outcome.tool is not None:
            return f"{TOOL_PREFIX} {self.outcome.tool.name}"
        if self.outcome.rule is not None:
            return self.outcome.rule.id
        if self.outcome.alternatives:
            return "choice: " + ", ".join(r.id for r in self.outcome.alternatives)
        return UNCOVERED

    @property
    def hit(self) -> bool:
        """The answer given is the one expected."""
        tool = self.expected.tool
        if tool is not None:
            return self.outcome.tool is not None and self.outcome.tool.name == tool
        if self.expected.expect == UNCOVERED:
            return not self.outcome.confident
        return self.outcome.confident and self.got == self.expected.expect

    @property
    def offered(self) -> bool:
        """Not answered outright, but the expected rule is among the choices offered."""
        return any(r.id == self.expected.expect for r in self.outcome.alternatives)


@dataclass(frozen=True, slots=True)
class CheckReport:
    """What a check run found."""

    lines: tuple[Checked, ...]

    @property
    def hits(self) -> int:
        """Questions answered as expected."""
        return sum(line.hit for line in self.lines)

    @property
    def covered(self) -> tuple[Checked, ...]:
        """Questions that expect a rule or a tool."""
        return tuple(line for line in self.lines if line.expected.expect != UNCOVERED)

    @property
    def uncovered(self) -> tuple[Checked, ...]:
        """Questions that no rule covers."""
        return tuple(line for line in self.lines if line.expected.expect == UNCOVERED)

    @property
    def confidently_wrong(self) -> tuple[Checked, ...]:
        """Answers given as sure and wrong: the worst outcome."""
        return tuple(line for line in self.lines if line.outcome.confident and not line.hit)

    @property
    def precision(self) -> tuple[int, int]:
        """Confident answers that were right, of all confident answers."""
        confident = [line for line in self.lines if line.outcome.confident]
        return sum(line.hit for line in confident), len(confident)

    @property
    def coverage(self) -> tuple[int, int]:
        """Covered questions answered right or whose rule was offered, of all covered."""
        covered = self.covered
        return sum(line.hit or line.offered for line in covered), len(covered)

    def summary(self) -> str:
        """The figures, one per line."""
        total = len(self.lines)
        covered = self.covered
        uncovered = self.uncovered
        right, answered = self.precision
        found, asked = self.coverage
        return "\n".join(
            (
                f"hit rate: {self.hits}/{total} ({_share(self.hits, total)})",
                f"precision: {right}/{answered} confident answers right"
                f" ({_share(right, answered)})",
                f"coverage: {found}/{asked} covered questions answered or offered their rule"
                f" ({_share(found, asked)})",
                f"covered questions answered right: {sum(c.hit for c in covered)}/{len(covered)}"
                f", offered among choices: {sum(c.offered for c in covered)}",
                f"uncovered questions left unanswered: {sum(c.hit for c in uncovered)}"
                f"/{len(uncovered)}",
                f"confident wrong answers: {len(self.confidently_wrong)}"
                f" (of them on uncovered questions: "
                f"{sum(1 for c in self.confidently_wrong if c.expected.expect == UNCOVERED)})",
            )
        )


def _share(part: int, whole: int) -> str:
    return f"{100 * part / whole:.1f}%" if whole else "n/a"


def parse_questions(*, text: str) -> list[Expected]:
    """The questions of a check file.

    Raises:
        FileRejected: when the file is not such a list.
    """
    refuse_aliases(text=text, kind="questions")
    try:
        document = yaml.safe_load(text)
    except yaml.YAMLError as error:
        raise FileRejected(
            kind="questions", problems=[Problem(None, f"not valid YAML: {error}")]
        ) from None
    items = document.get("questions") if isinstance(document, dict) else None
    if not isinstance(items, list) or not items:
        raise FileRejected(
            kind="questions",
            problems=[Problem(None, "the file needs a 'questions' list of question/expect")],
        )
    found = []
    problems = []
    for number, item in enumerate(items, start=1):
        if (
            not isinstance(item, dict)
            or not str(item.get("question") or "").strip()
            or not str(item.get("expect") or "").strip()
        ):
            problems.append(Problem(None, f"question {number} needs 'question' and 'expect'"))
            continue
        found.append(Expected(question=str(item["question"]), expect=str(item["expect"]).strip()))
    if problems:
        raise FileRejected(kind="questions", problems=problems)
    return found


def foreign_expectations(*, index: GuardrailIndex, questions: list[Expected]) -> list[str]:
    """The expected answers that name no rule or tool of this catalogue, each once: a file
    written for another catalogue (or with a typo) would only measure misses."""
    foreign = []
    for question in questions:
        expect, tool = question.expect, question.tool
        if expect == UNCOVERED or expect in index.rules or (tool and tool in index.tools):
            continue
        foreign.append(expect)
    return list(dict.fromkeys(foreign))


def run_check(*, index: GuardrailIndex, questions: list[Expected]) -> CheckReport:
    """Answer every question as a dry run and compare (blocking: the questions are
    embedded together when the index has a model)."""
    meanings: list[Vectors | None] = [None] * len(questions)
    if index.semantic is not None and questions:
        meanings = list(index.semantic.embedder.queries([q.question for q in questions]))
    return CheckReport(
        lines=tuple(
            Checked(expected=q, outcome=decide(index=index, question=q.question, meaning=m))
            for q, m in zip(questions, meanings, strict=True)
        )
    )
