"""English and French catalogues stay in step, and people read their own language."""

from __future__ import annotations

import string

import pytest

from tandem.bot.i18n import CATALOGUES, Translator, supported_locale


def placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def test_every_key_exists_in_english_and_french() -> None:
    english, french = set(CATALOGUES["en"]), set(CATALOGUES["fr"])
    assert english - french == set(), "missing in French"
    assert french - english == set(), "missing in English"


@pytest.mark.parametrize("key", sorted(CATALOGUES["en"]))
def test_placeholders_match(key: str) -> None:
    assert placeholders(CATALOGUES["en"][key]) == placeholders(CATALOGUES["fr"][key])


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
