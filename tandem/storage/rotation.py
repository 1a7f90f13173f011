"""The Slack bot tokens of every tenant against the operator's keys: the check ``tandem
serve`` makes at start, and ``tandem secrets rotate``.

Rotating a key (README, "Secrets"): put the new key first in ``TANDEM_SECRET_KEY`` and
keep the old one after it (``NEW,OLD``) on every process, run ``tandem secrets rotate``
(every token is then encrypted with the new key), then remove the old key.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass

from tandem.storage.cipher import SETTING, SecretKeyProblem, TokenCipher, TokenState
from tandem.storage.database import Database
from tandem.storage.repositories import credentials

log = logging.getLogger("tandem")
NAMED = 5
"""How many tenants a line names before it says how many more there are."""


def _named(tenants: Sequence[str]) -> str:
    shown = ", ".join(tenants[:NAMED])
    more = len(tenants) - NAMED
    return f"{shown} and {more} more" if more > 0 else shown


def _installations(count: int) -> str:
    return f"{count} Slack installation" + ("" if count == 1 else "s")


@dataclass(frozen=True, slots=True)
class TokenSurvey:
    """How the stored Slack bot tokens read with the keys given, by tenant key."""

    plain: tuple[str, ...]
    current: tuple[str, ...]
    older: tuple[str, ...]
    unreadable: tuple[str, ...]

    def refusal(self, *, keyed: bool) -> str | None:
        """The line that refuses to start, when some tokens cannot be decrypted."""
        if not self.unreadable:
            return None
        count = len(self.unreadable)
        which = f"{_installations(count)} ({_named(self.unreadable)})"
        if not keyed:
            hold = "holds a Slack bot token" if count == 1 else "hold Slack bot tokens"
            return (
                f"refusing to start: {which} {hold} encrypted with a key, and "
                f"{SETTING} is not set: set it to the key they were encrypted with"
            )
        return (
            f"refusing to start: no key in {SETTING} decrypts the Slack bot tokens of {which}: "
            "add the key they were encrypted with (after the new one while rotating: NEW,OLD)"
        )

    def advice(self, *, keyed: bool) -> str | None:
        """A warning when tokens are kept in plain text, and what to do about it."""
        if not self.plain:
            return None
        which = f"{_installations(len(self.plain))} ({_named(self.plain)})"
        if not keyed:
            return (
                f"the Slack bot tokens of {which} are stored in plain text: set {SETTING} "
                "(`tandem secrets new-key` prints a key), restart, and run "
                "`tandem secrets rotate` to encrypt them"
            )
        return (
            f"the Slack bot tokens of {which} are still stored in plain text: run "
            "`tandem secrets rotate` to encrypt them"
        )


async def survey_tokens(*, database: Database, cipher: TokenCipher) -> TokenSurvey:
    """Read every stored Slack bot token and how ``cipher`` reads it."""
    async with database.session() as session:
        stored = await credentials.stored_tokens(session)
    found: dict[TokenState, list[str]] = {state: [] for state in TokenState}
    for token in stored:
        found[cipher.state(token.stored)].append(token.tenant)
    return TokenSurvey(
        plain=tuple(found[TokenState.PLAIN]),
        current=tuple(found[TokenState.CURRENT]),
        older=tuple(found[TokenState.OLDER]),
        unreadable=tuple(found[TokenState.UNREADABLE]),
    )


async def check_at_start(*, database: Database, cipher: TokenCipher) -> None:
    """Refuse to go on when a stored token cannot be decrypted with the keys given; log one
    warning when tokens are kept in plain text.

    Raises:
        SecretKeyProblem: with the line to show.
    """
    survey = await survey_tokens(database=database, cipher=cipher)
    refusal = survey.refusal(keyed=cipher.keyed)
    if refusal:
        raise SecretKeyProblem(refusal)
    advice = survey.advice(keyed=cipher.keyed)
    if advice:
        log.warning("%s", advice)
    if survey.older:
        log.info(
            "%s encrypted with an older key of %s: `tandem secrets rotate` re-encrypts "
            "them with the first one",
            _installations(len(survey.older)),
            SETTING,
        )


@dataclass(frozen=True, slots=True)
class RotationReport:
    """What ``tandem secrets rotate`` did."""

    encrypted: int
    """Tokens that were in plain text."""
    reencrypted: int
    """Tokens encrypted with another key before."""
    kept: int
    """Tokens already encrypted with the first key: left as they were."""
    saved_meanwhile: int
    """Tokens saved again while the rotation ran (by a running ``tandem serve``)."""

    def describe(self) -> str:
        """A line an operator reads."""
        total = self.encrypted + self.reencrypted + self.kept + self.saved_meanwhile
        if not total:
            return "no Slack installation holds a token: nothing to encrypt"
        line = (
            f"{_installations(total)}: {self.encrypted} encrypted (were in plain text), "
            f"{self.reencrypted} re-encrypted with the first key of {SETTING}, "
            f"{self.kept} already encrypted with it"
        )
        if self.saved_meanwhile:
            line += (
                f"; {self.saved_meanwhile} saved again meanwhile and left alone: "
                "run `tandem secrets rotate` again"
            )
        return line


async def rotate_tokens(*, database: Database, cipher: TokenCipher) -> RotationReport:
    """Encrypt every stored Slack bot token with the first key, in one transaction; those
    already encrypted with it are left as they are, so a second run changes nothing.

    Raises:
        SecretKeyProblem: no key is given, or some token cannot be decrypted with the keys
            given (nothing was changed).
    """
    if not cipher.keyed:
        raise SecretKeyProblem(
            f"{SETTING} is not set: there is no key to encrypt with; "
            "`tandem secrets new-key` prints one"
        )
    counts = {state: 0 for state in TokenState}
    saved_meanwhile = 0
    async with database.session() as session:
        stored = await credentials.stored_tokens(session)
        states = [cipher.state(token.stored) for token in stored]
        unreadable = [
            token.tenant
            for token, state in zip(stored, states, strict=True)
            if state is TokenState.UNREADABLE
        ]
        if unreadable:
            raise SecretKeyProblem(
                f"nothing was changed: no key in {SETTING} decrypts the Slack bot tokens of "
                f"{_installations(len(unreadable))} ({_named(unreadable)}): add the key they "
                "were encrypted with after the new one (NEW,OLD)"
            )
        for token, state in zip(stored, states, strict=True):
            resealed = cipher.reseal(token.stored)
            if resealed is not None and not await credentials.replace_token(
                session, row_id=token.row_id, was=token.stored, now=resealed
            ):
                saved_meanwhile += 1
                continue
            counts[state] += 1
    return RotationReport(
        encrypted=counts[TokenState.PLAIN],
        reencrypted=counts[TokenState.OLDER],
        kept=counts[TokenState.CURRENT],
        saved_meanwhile=saved_meanwhile,
    )
