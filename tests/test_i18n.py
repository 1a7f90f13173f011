"""English and French catalogues stay in step, and people read their own language."""

from __future__ import annotations

import string

import pytest

from tandem.bot.i18n import CATALOGUES, PLURAL_FORMS, Translator, supported_locale


def placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def test_every_key_exists_in_english_and_french() -> None:
    english, french = set(CATALOGUES["en"]), set(CATALOGUES["fr"])
    assert english - french == set(), "missing in French"
    assert french - english == set(), "missing in English"


def counted(key: str) -> bool:
    return key.rpartition(".")[2] in PLURAL_FORMS


@pytest.mark.parametrize("key", sorted(k for k in CATALOGUES["en"] if not counted(k)))
def test_placeholders_match(key: str) -> None:
    assert placeholders(CATALOGUES["en"][key]) == placeholders(CATALOGUES["fr"][key])


COUNTED = sorted({k.rpartition(".")[0] for k in CATALOGUES["en"] if counted(k)})


@pytest.mark.parametrize("key", COUNTED)
def test_a_counted_message_has_every_plural_form_with_the_same_placeholders(key: str) -> None:
    """``KEY.one`` and ``KEY.other`` in both languages; a form may leave ``{count}`` out
    ("once"), but never takes a placeholder the languages' ``other`` forms lack."""
    for locale, catalogue in CATALOGUES.items():
        for form in PLURAL_FORMS:
            assert f"{key}.{form}" in catalogue, f"{key}.{form} missing in {locale}"
    every = placeholders(CATALOGUES["en"][f"{key}.other"])
    assert "count" in every
    for catalogue in CATALOGUES.values():
        assert placeholders(catalogue[f"{key}.other"]) == every
        assert placeholders(catalogue[f"{key}.one"]) <= every
        assert key not in catalogue, "a counted message is looked up with t.plural only"


def test_no_message_writes_a_plural_in_brackets() -> None:
    for locale, catalogue in CATALOGUES.items():
        odd = [k for k, v in catalogue.items() if "(s)" in v or "(e)" in v or "(es)" in v]
        assert odd == [], f"{locale}: use t.plural and KEY.one / KEY.other instead"


@pytest.mark.parametrize(
    ("locale", "count", "expected"),
    [
        ("en", 0, "0 guardrail rules"),
        ("en", 1, "1 guardrail rule"),
        ("en", 2, "2 guardrail rules"),
        ("fr", 0, "0 règle de garde-fou"),
        ("fr", 1, "1 règle de garde-fou"),
        ("fr", 2, "2 règles de garde-fou"),
    ],
)
def test_plural_forms_follow_each_language(locale: str, count: int, expected: str) -> None:
    """French takes the singular for 0 and 1, English for 1 only."""
    assert Translator(locale=locale).plural("guardrail.rules.title", count=count) == expected


@pytest.mark.parametrize(
    ("platform_locale", "expected"),
    [
        ("fr", "fr"),
        ("fr-FR", "fr"),
        ("fr_CA", "fr"),
        ("en-GB", "en"),
        ("de-DE", "en"),
        (None, "en"),
    ],
)
def test_platform_locales_map_to_a_catalogue(platform_locale: str | None, expected: str) -> None:
    assert supported_locale(platform_locale) == expected


def test_lists_are_joined_the_way_each_language_does() -> None:
    assert Translator(locale="en").list(["Ana", "Nadia", "Hugo"]) == "Ana, Nadia and Hugo"
    assert Translator(locale="fr").list(["Ana", "Nadia"]) == "Ana et Nadia"
    assert Translator(locale="fr").list([]) == "personne"
