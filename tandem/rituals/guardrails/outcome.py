"""From a match to what Tandem answers: the verdict, the rule, the tool, the why.

Pure. The chat, ``tandem guardrail --json`` and ``--check`` all read an :class:`Outcome`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from tandem.rituals.guardrails.matcher import GuardrailIndex, Kind, Match

if TYPE_CHECKING:
    from tandem.meaning.port import Vectors
    from tandem.rituals.guardrails.semantic import Nearest
from tandem.storage.records import RuleRecord, ToolRecord

VERDICTS = ("allowed", "conditional", "approval", "forbidden")
UNCOVERED = "uncovered"
TOOL_VERDICTS = {
    "approved": "allowed",
    "limited": "conditional",
    "under-review": "approval",
    "banned": "forbidden",
}
_TOOLS_QUERY = ("new", "tool", "saas", "software", "subscription", "outil", "logiciel")


@dataclass(frozen=True, slots=True)
class Outcome:
    """What one question gets.

    Attributes:
        verdict: allowed, conditional, approval, forbidden, or uncovered.
        rule: the rule answered with (None when uncovered or ambiguous without a tool).
        tool: the catalogue tool the question names.
        alternatives: rules to choose from when several fit about equally.
        approval_rule: the rule whose Accountable approves a request (the rule, or for a
            tool under review the catalogue's rule for new tools).
    """

    question: str
    verdict: str
    match: Match
    rule: RuleRecord | None = None
    tool: ToolRecord | None = None
    alternatives: tuple[RuleRecord, ...] = ()
    approval_rule: RuleRecord | None = None
    reranked_by: str | None = None
    """The language model that picked the rule among the close ones, if one did."""

    @property
    def confident(self) -> bool:
        """An answer given as the answer (not a choice, not "not covered")."""
        return self.verdict != UNCOVERED and not self.alternatives

    def why(self) -> list[tuple[str, str]]:
        """The question's words that led to the rule, with where each was found."""
        best = self.match.best
        if self.rule is None or best is None or best.rule != self.rule.id:
            return []
        return [(hit.word, hit.source.value) for hit in best.hits]

    def meant(self) -> Nearest | None:
        """The rule's text the question came closest to in meaning (with a model)."""
        best = self.match.best
        if self.rule is None or best is None or best.rule != self.rule.id:
            return None
        return best.meaning

    def as_json(self) -> dict[str, Any]:
        """The object ``tandem guardrail QUESTION --json`` prints."""
        best = self.match.best
        return {
            "question": self.question,
            "rule": self.rule.id if self.rule else None,
            "verdict": self.verdict,
            "tool": self.tool.name if self.tool else None,
            "tool_status": self.tool.status if self.tool else None,
            "alternatives": [r.id for r in self.alternatives],
            "confident": self.confident,
            "score": best.score if best else 0.0,
            "why": [{"word": w, "in": where} for w, where in self.why()],
            "meaning": _meaning(self.meant()),
            "reranked_by": self.reranked_by,
        }


def _meaning(nearest: Nearest | None) -> dict[str, Any] | None:
    if nearest is None:
        return None
    return {"closest": nearest.text, "in": nearest.part, "similarity": nearest.similarity}


def stricter(first: str, second: str) -> str:
    """The stricter of two verdicts."""
    return max(first, second, key=VERDICTS.index)


def tools_rule(index: GuardrailIndex) -> RuleRecord | None:
    """The catalogue's rule about new tools: who approves a tool under review."""
    found = index.score(_TOOLS_QUERY, limit=1)
    return index.rules.get(found[0].rule) if found else None


def decide(*, index: GuardrailIndex, question: str, meaning: Vectors | None = None) -> Outcome:
    """Match ``question`` (embedded as ``meaning`` when the index has a model) and turn the
    match into the answer."""
    match = index.match(question, meaning=meaning)
    tool = index.tools.get(match.tool or "")
    rule = index.rules.get(match.rule or "") if match.kind is Kind.RULE else None
    if tool is not None:
        verdict = TOOL_VERDICTS.get(tool.status, "approval")
        if rule is not None:
            verdict = stricter(verdict, rule.verdict)
        approval = rule if rule is not None and rule.verdict == "approval" else None
        if verdict == "approval" and approval is None:
            approval = tools_rule(index)
        return Outcome(
            question=question,
            verdict=verdict,
            match=match,
            rule=rule,
            tool=tool,
            approval_rule=approval,
        )
    if match.kind is Kind.AMBIGUOUS:
        choices = (match.rule, *match.alternatives)
        return Outcome(
            question=question,
            verdict=UNCOVERED,
            match=match,
            alternatives=tuple(index.rules[r] for r in choices if r in index.rules),
        )
    if rule is None:
        return Outcome(question=question, verdict=UNCOVERED, match=match)
    return Outcome(
        question=question,
        verdict=rule.verdict,
        match=match,
        rule=rule,
        approval_rule=rule if rule.verdict == "approval" else None,
    )


def chosen(*, index: GuardrailIndex, question: str, rule_id: str) -> Outcome | None:
    """The answer with the rule the asker picked among several (None if it is gone)."""
    rule = index.rules.get(rule_id)
    if rule is None:
        return None
    match = Match(kind=Kind.RULE, rule=rule.id)
    return Outcome(
        question=question,
        verdict=rule.verdict,
        match=match,
        rule=rule,
        approval_rule=rule if rule.verdict == "approval" else None,
    )
