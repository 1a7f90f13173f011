"""How a message names what it speaks of: a person by name (else their email), a RACI
topic by its title in the reader's language, a long text as one short line."""

from __future__ import annotations

from collections.abc import Mapping

from tandem.bot.i18n import Translator
from tandem.storage.records import StandupMemberView, TopicRecord

SHORT = 80


def short(text: str, limit: int = SHORT) -> str:
    """One line of a text (a blocker's, a question's), cut with an ellipsis."""
    line = " ".join(text.split())
    return line if len(line) <= limit else line[: limit - 1] + "…"


def who(people: Mapping[str, StandupMemberView], email: str | None, t: Translator) -> str:
    """A person's name, or their email when not in the people file."""
    if not email:
        return t("blocker.nobody")
    found = people.get(email)
    return found.name if found else email


def topic_title(topics: Mapping[str, TopicRecord], slug: str | None, t: Translator) -> str:
    """``Domain names and DNS (domain-names)``, or that it has no topic yet."""
    if not slug:
        return t("blocker.no_topic")
    topic = topics.get(slug)
    return f"{topic.title_in(t.locale)} ({slug})" if topic else slug
