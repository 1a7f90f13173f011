"""How fast a guardrail question is answered among 500 rules (run by hand, prints figures).

    .venv/bin/python -m benchmarks.guardrail_match [--rules 500] [--repeat 20]

Builds a catalogue from the 18 rules and 10 tools of the shared fixtures plus
synthetic rules (seeded, so every run sees the same data) made of real English and
French words of the trade, spread over 40 topics, and 100 synthetic tools. Then
times ``decide`` (tool detection, matching, the verdict) on the development set's
questions and on questions built from the synthetic rules, against a baseline
measured in the same run: folding and splitting the question, which any matcher
does first. Prints the index build time, p50/p99/max per question, the ratio to
the baseline, and the index's peak memory. The target: p99 under 5 ms on 500 rules.
"""

from __future__ import annotations

import argparse
import csv
import random
import resource
import statistics
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

import yaml

from tandem.bot.text import fold
from tandem.rituals.guardrails.matcher import GuardrailIndex
from tandem.rituals.guardrails.outcome import decide
from tandem.storage.orgfiles.guardrails import parse_guardrails
from tandem.storage.records import RuleRecord, ToolRecord, TopicRecord

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT.parent / "shared" / "fixtures"
QUESTIONS = ROOT / "tests" / "data" / "guardrail_questions.yaml"
_VOCABULARY = (
    "campaign landing page form email newsletter webinar event domain subdomain tracking "
    "pixel cookie consent banner analytics dashboard kpi export import crm contacts leads "
    "agency partner vendor contract budget invoice licence subscription account password "
    "access social video image banner brochure flyer print survey poll chatbot widget "
    "script iframe plugin integration api webhook database spreadsheet report audit review "
    "security privacy gdpr retention archive backup storage drive share folder calendar "
    "meeting booth stand badge registration attendee speaker slides recording stream "
    "campagne formulaire evenement domaine traceur bandeau tableau indicateur fichier "
    "prestataire partenaire fournisseur contrat facture abonnement compte acces video "
    "visuel plaquette impression sondage questionnaire extension integration rapport "
    "securite confidentialite conservation sauvegarde partage dossier salon inscription "
    "intervenant diffusion enregistrement"
)
WORDS = sorted(set(_VOCABULARY.split()))
VERDICTS = ("allowed", "conditional", "approval", "forbidden")


def fixtures() -> tuple[dict[str, TopicRecord], list[ToolRecord], list[RuleRecord]]:
    with (FIXTURES / "raci.csv").open(encoding="utf-8") as raci:
        topics = {
            r["topic"]: TopicRecord(
                slug=r["topic"],
                title=r["title"],
                aliases=tuple(a for a in r["aliases"].split(";") if a),
                description=r["description"],
            )
            for r in csv.DictReader(raci)
        }
    tools, rules = parse_guardrails(
        text=(FIXTURES / "guardrails.yaml").read_text("utf-8"), known_topics=set(topics)
    )
    return topics, tools, rules


def synthetic(
    rng: random.Random, count: int, topics: dict[str, TopicRecord]
) -> tuple[list[RuleRecord], list[str]]:
    """``count`` rules over 40 more topics, and one question per rule in other words."""
    for n in range(40):
        slug = f"topic-{n}"
        topics[slug] = TopicRecord(slug=slug, title=" ".join(rng.sample(WORDS, 3)))
    rules, questions = [], []
    for n in range(count):
        theme = rng.sample(WORDS, 6)
        rules.append(
            RuleRecord(
                id=f"rule-{n}",
                title=" ".join(theme[:3]),
                topic=f"topic-{n % 40}",
                sensitivity="basic",
                verdict=VERDICTS[n % 4],
                answer=" ".join(rng.sample(WORDS, 25)),
                conditions=(" ".join(rng.sample(WORDS, 4)),) if n % 4 == 1 else (),
                examples=(f"can we {' '.join(theme[:4])}?",),
                keywords=tuple(theme[2:6]),
            )
        )
        questions.append(f"is it ok to {theme[1]} the {theme[4]} for {rng.choice(WORDS)}?")
    return rules, questions


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def timed(function: Callable[[str], object], questions: list[str], repeat: int) -> list[float]:
    found = []
    for _ in range(repeat):
        for question in questions:
            start = time.perf_counter()
            function(question)
            found.append((time.perf_counter() - start) * 1e6)
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rules", type=int, default=500)
    parser.add_argument("--repeat", type=int, default=20)
    options = parser.parse_args()
    rng = random.Random(8)
    topics, tools, rules = fixtures()
    extra, questions = synthetic(rng, max(0, options.rules - len(rules)), topics)
    tools = tools + [
        ToolRecord(name=f"Tool {n}", status="approved", aliases=(f"tool{n}",)) for n in range(100)
    ]
    questions += [q["question"] for q in yaml.safe_load(QUESTIONS.read_text("utf-8"))["questions"]]
    tracemalloc.start()
    start = time.perf_counter()
    index = GuardrailIndex(rules=rules + extra, tools=tools, topics=topics)
    built = time.perf_counter() - start
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    for question in questions:  # warm the stem cache, as a running process has it
        decide(index=index, question=question)

    def baseline(question: str) -> object:
        return fold(question).split()

    def answer(question: str) -> object:
        return decide(index=index, question=question)

    base = timed(baseline, questions, options.repeat)
    matched = timed(answer, questions, options.repeat)
    p50, p99 = statistics.median(matched), percentile(matched, 0.99)
    print(f"catalogue: {len(rules) + len(extra)} rules, {len(tools)} tools, {len(topics)} topics")
    print(f"questions: {len(questions)} x {options.repeat}")
    print(f"index build: {built * 1000:.1f} ms, peak memory {peak / 1e6:.1f} MB")
    print(
        f"decide: p50 {p50:.0f} us, p99 {p99:.0f} us, max {max(matched):.0f} us, "
        f"{1e6 / statistics.mean(matched):.0f} questions/s"
    )
    print(
        f"baseline (fold + split): p50 {statistics.median(base):.1f} us, "
        f"p99 {percentile(base, 0.99):.1f} us; decide/baseline at p50: "
        f"{p50 / statistics.median(base):.0f}x"
    )
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"process peak RSS: {rss:.0f} MB")
    print(f"target p99 < 5 ms: {'met' if p99 < 5000 else 'NOT met'} ({p99 / 1000:.2f} ms)")


if __name__ == "__main__":
    main()
