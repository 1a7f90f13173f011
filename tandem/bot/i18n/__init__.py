"""Messages to users, in English and French.

Catalogues are plain dictionaries (``en.py``, ``fr.py``) with ``str.format``
placeholders; a test checks both have the same keys and placeholders.
"""

from __future__ import annotations

from collections.abc import Mapping

from tandem.bot.i18n import en, fr

CATALOGUES: Mapping[str, Mapping[str, str]] = {"en": en.MESSAGES, "fr": fr.MESSAGES}
DEFAULT_LOCALE = "en"


def supported_locale(locale: str | None) -> str:
    """Map a platform locale (``fr-FR``, ``fr_CA``, ``en-GB``) to one we have."""
    if not locale:
        return DEFAULT_LOCALE
    language = locale.replace("_", "-").split("-", 1)[0].strip().lower()
    return language if language in CATALOGUES else DEFAULT_LOCALE


class Translator:
    """Looks messages up in one locale's catalogue."""

    def __init__(self, *, locale: str | None) -> None:
        self.locale = supported_locale(locale)
        self._messages = CATALOGUES[self.locale]

    def __call__(self, key: str, /, **values: object) -> str:
        """The message ``key`` with ``values`` filled in."""
        template = self._messages.get(key) or CATALOGUES[DEFAULT_LOCALE][key]
        return template.format(**values) if values else template

    def list(self, items: list[str]) -> str:
        """Join names the way the language does: "A, B and C"."""
        if not items:
            return self("list.none")
        if len(items) == 1:
            return items[0]
        return self("list.join", head=", ".join(items[:-1]), last=items[-1])
