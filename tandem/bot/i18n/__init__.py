"""Messages to users, in English and French.

Catalogues are plain dictionaries (``en.py``, ``fr.py``) with ``str.format``
placeholders; a test checks both have the same keys and placeholders.

A message that counts something has one key per plural form, ``KEY.one`` and
``KEY.other``, and is looked up with :meth:`Translator.plural`, which picks the form
by the language's rule (CLDR's, as gettext's ``Plural-Forms`` says it): English
uses ``one`` for 1 only, French for 0 and 1. Each form may leave ``{count}`` out
("once", "une fois"); the catalogue moves to gettext's ``ngettext`` as it is.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from tandem.bot.i18n import en, fr

CATALOGUES: Mapping[str, Mapping[str, str]] = {"en": en.MESSAGES, "fr": fr.MESSAGES}
DEFAULT_LOCALE = "en"
PLURAL_FORMS = ("one", "other")
"""The plural forms a counted message has, as key suffixes (``KEY.one``, ``KEY.other``)."""

PLURAL_RULES: Mapping[str, Callable[[int], str]] = {
    "en": lambda n: "one" if n == 1 else "other",  # Plural-Forms: nplurals=2; plural=(n != 1);
    "fr": lambda n: "one" if n in (0, 1) else "other",  # plural=(n > 1);
}


def supported_locale(locale: str | None) -> str:
    """Map a platform locale (``fr-FR``, ``fr_CA``, ``en-GB``) to one we have."""
    if not locale:
        return DEFAULT_LOCALE
    language = locale.replace("_", "-").split("-", 1)[0].strip().lower()
    return language if language in CATALOGUES else DEFAULT_LOCALE


def plural_form(*, locale: str, count: int) -> str:
    """``one`` or ``other``: the form ``locale`` uses for ``count`` things."""
    return PLURAL_RULES[supported_locale(locale)](abs(count))


class Translator:
    """Looks messages up in one locale's catalogue."""

    def __init__(self, *, locale: str | None) -> None:
        self.locale = supported_locale(locale)
        self._messages = CATALOGUES[self.locale]

    def __call__(self, key: str, /, **values: object) -> str:
        """The message ``key`` with ``values`` filled in."""
        template = self._messages.get(key) or CATALOGUES[DEFAULT_LOCALE][key]
        return template.format(**values) if values else template

    def plural(self, key: str, /, *, count: int, **values: object) -> str:
        """The counted message ``key`` in the form the language uses for ``count``
        (``KEY.one`` or ``KEY.other``), with ``count`` and ``values`` filled in."""
        form = plural_form(locale=self.locale, count=count)
        return self(f"{key}.{form}", count=count, **values)

    def list(self, items: list[str]) -> str:
        """Join names the way the language does: "A, B and C"."""
        if not items:
            return self("list.none")
        if len(items) == 1:
            return items[0]
        return self("list.join", head=", ".join(items[:-1]), last=items[-1])
