"""The operator's key for the secrets Tandem keeps in its database (Slack bot tokens).

``TANDEM_SECRET_KEY`` holds one Fernet key (cryptography's authenticated encryption:
AES-128-CBC and HMAC-SHA256), or several separated by commas while keys are rotated:
the first encrypts what is written, every one decrypts what is read (``MultiFernet``).
An encrypted value is stored as ``fernet:`` and the Fernet token, so a value written in
plain text before a key was given is still read as it is, and ``tandem secrets rotate``
encrypts it. Without a key, values are written in plain text (a fresh install needs no
set-up), and an encrypted one cannot be read: :class:`SecretKeyProblem` says so.

cryptography is imported when a key is first used: the light commands never load it.
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import StrEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from cryptography.fernet import Fernet, MultiFernet

SEALED_PREFIX = "fernet:"
"""How an encrypted value starts in the database (a Slack token starts with ``xox``)."""
SETTING = "TANDEM_SECRET_KEY"


class SecretKeyProblem(Exception):
    """The operator's key is malformed, missing, or opens nothing the database holds: the
    message is the one line to show (it never contains a key)."""


class TokenState(StrEnum):
    """How a stored secret reads with the keys given."""

    PLAIN = "plain"
    """Written without a key."""
    CURRENT = "current"
    """Encrypted with the first key."""
    OLDER = "older"
    """Encrypted with another of the keys given (a rotation under way)."""
    UNREADABLE = "unreadable"
    """Encrypted, and no key given decrypts it (or none is given)."""


def new_key() -> str:
    """A fresh Fernet key (32 random bytes, URL-safe base64), for ``TANDEM_SECRET_KEY``."""
    from cryptography.fernet import Fernet

    return Fernet.generate_key().decode("ascii")


def _ordinal(position: int) -> str:
    suffix = {1: "st", 2: "nd", 3: "rd"}.get(position if position < 20 else position % 10, "th")
    return f"{position}{suffix}"


class TokenCipher:
    """Encrypts and decrypts secrets with the operator's keys, or passes them through when
    none is given."""

    def __init__(self, *, keys: Sequence[str] = ()) -> None:
        """``keys``: Fernet keys, the one that encrypts first.

        Raises:
            SecretKeyProblem: a key is not a Fernet key (which one is said, not what it is).
        """
        self._first: Fernet | None = None
        self._all: MultiFernet | None = None
        if not keys:
            return
        from cryptography.fernet import Fernet, MultiFernet

        fernets: list[Fernet] = []
        for position, key in enumerate(keys, start=1):
            try:
                fernets.append(Fernet(key.encode("ascii")))
            except ValueError:  # binascii.Error and UnicodeEncodeError are ValueErrors
                which = "it is" if len(keys) == 1 else f"its {_ordinal(position)} key is"
                raise SecretKeyProblem(
                    f"{SETTING}: {which} not a Fernet key (32 bytes in URL-safe base64, "
                    "44 characters); `tandem secrets new-key` prints a new one"
                ) from None
        self._first = fernets[0]
        self._all = MultiFernet(fernets)

    @property
    def keyed(self) -> bool:
        """Whether a key is given (values are then written encrypted)."""
        return self._first is not None

    def seal(self, plain: str) -> str:
        """``plain`` as it is to be stored: encrypted with the first key, or as it is
        without one."""
        if self._first is None:
            return plain
        return SEALED_PREFIX + self._first.encrypt(plain.encode("utf-8")).decode("ascii")

    def open(self, stored: str) -> str:
        """The value ``stored`` holds.

        Raises:
            SecretKeyProblem: it is encrypted and no key given decrypts it.
        """
        if not stored.startswith(SEALED_PREFIX):
            return stored
        if self._all is None:
            raise SecretKeyProblem(
                f"a Slack bot token in the database is encrypted and {SETTING} is not set"
            )
        from cryptography.fernet import InvalidToken

        try:
            token = self._all.decrypt(stored.removeprefix(SEALED_PREFIX).encode("ascii"))
        except (InvalidToken, UnicodeEncodeError):
            raise SecretKeyProblem(
                f"no key in {SETTING} decrypts a Slack bot token in the database"
            ) from None
        return token.decode("utf-8")

    def state(self, stored: str) -> TokenState:
        """How ``stored`` reads with the keys given."""
        if not stored.startswith(SEALED_PREFIX):
            return TokenState.PLAIN
        if self._first is None or self._all is None:
            return TokenState.UNREADABLE
        from cryptography.fernet import InvalidToken

        token = stored.removeprefix(SEALED_PREFIX).encode("ascii", errors="replace")
        try:
            self._first.decrypt(token)
            return TokenState.CURRENT
        except InvalidToken:
            pass
        try:
            self._all.decrypt(token)
            return TokenState.OLDER
        except InvalidToken:
            return TokenState.UNREADABLE

    def reseal(self, stored: str) -> str | None:
        """``stored`` encrypted with the first key, or None when it already is.

        Raises:
            SecretKeyProblem: no key is given, or none decrypts ``stored``.
        """
        if self._first is None:
            raise SecretKeyProblem(f"{SETTING} is not set: there is no key to encrypt with")
        if self.state(stored) is TokenState.CURRENT:
            return None
        return self.seal(self.open(stored))
