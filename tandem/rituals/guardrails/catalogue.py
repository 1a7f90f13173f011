"""A tenant's guardrail catalogue, read and indexed for matching."""

from __future__ import annotations

import asyncio
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from tandem.rituals.common.org import Org, load_org
from tandem.rituals.common.topic_meaning import RuleHint
from tandem.rituals.guardrails.matcher import GuardrailIndex, Kind
from tandem.storage.database import Database
from tandem.storage.records import RuleRecord, TenantRef, ToolRecord, TopicRecord
from tandem.storage.repositories import approvals, guardrails

if TYPE_CHECKING:
    from tandem.meaning.port import Embedder, Vectors


def build_index(
    *,
    rules: Sequence[RuleRecord],
    tools: Sequence[ToolRecord],
    topics: dict[str, TopicRecord],
    embedder: Embedder | None,
    learned: Mapping[str, Sequence[str]] | None = None,
) -> GuardrailIndex:
    """The index of a catalogue; with a model this embeds (blocking: run it in a thread).

    ``learned`` are the questions IT filed under each rule: they count as the rule's
    examples, for its words and for its meaning.
    """
    taught = {
        rule.id: [q for q in (learned or {}).get(rule.id, ()) if q not in rule.examples]
        for rule in rules
    }
    semantic = None
    if embedder is not None and rules:
        from tandem.rituals.guardrails.semantic import SemanticIndex

        semantic = SemanticIndex(rules=rules, embedder=embedder, learned=taught)
    return GuardrailIndex(
        rules=rules, tools=tools, topics=topics, semantic=semantic, learned=taught
    )


async def load_index(
    *,
    database: Database,
    tenant: TenantRef,
    org: Org | None = None,
    embedder: Embedder | None = None,
) -> GuardrailIndex:
    """The tenant's rules and tools, indexed with its RACI topics (``org``'s, or read) and,
    with ``embedder``, by meaning; built in a thread, off the event loop."""
    async with database.session() as session:
        rules = await guardrails.list_rules(session, tenant=tenant)
        tools = await guardrails.list_tools(session, tenant=tenant)
        learned = await approvals.learned_examples(session, tenant=tenant)
    topics = dict((org or await load_org(database=database, tenant=tenant)).topics)
    return await asyncio.to_thread(
        build_index, rules=rules, tools=tools, topics=topics, embedder=embedder, learned=learned
    )


async def embed_question(*, index: GuardrailIndex, question: str) -> Vectors | None:
    """``question`` embedded by the index's model (in a thread); None without a model."""
    if index.semantic is None:
        return None
    vectors: Vectors = await asyncio.to_thread(index.semantic.embedder.queries, [question])
    row: Vectors = vectors[0]
    return row


def topic_hint(*, index: GuardrailIndex, question: str, meaning: Vectors | None) -> RuleHint:
    """The RACI topics of the rules ``question`` falls under: the rule that answers it,
    or the rules offered to pick from."""
    found = index.match(question, meaning=meaning)  # words alone when it has no model
    rules = [index.rules.get(rule or "") for rule in (found.rule, *found.alternatives)]
    topics = tuple(rule.topic for rule in rules if rule is not None)
    if found.kind == Kind.RULE and topics:
        return RuleHint(answers=topics[0])
    if found.kind == Kind.AMBIGUOUS:
        return RuleHint(offered=topics)
    return RuleHint()
