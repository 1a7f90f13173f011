"""Slack installations and the events already delivered, per tenant.

The bot token is stored as ``cipher`` seals it: encrypted with the operator's key when
one is given (``tandem/storage/cipher.py``), else as it is.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from sqlalchemy.exc import IntegrityError
from sqlmodel import col, delete, select
from sqlmodel.ext.asyncio.session import AsyncSession

from tandem.storage.models import SlackEventSeen, SlackInstallation
from tandem.storage.records import TenantRef

if TYPE_CHECKING:
    from tandem.storage.cipher import TokenCipher


@dataclass(frozen=True, slots=True)
class SlackInstallationRecord:
    """What Tandem keeps of an installation."""

    bot_token: str
    app_id: str | None = None
    enterprise_id: str | None = None
    team_id: str | None = None
    is_enterprise_install: bool = False
    bot_id: str | None = None
    bot_user_id: str | None = None
    bot_scopes: str = ""
    installer_user_id: str | None = None
    installed_at: datetime | None = None


def _record(row: SlackInstallation, *, cipher: TokenCipher) -> SlackInstallationRecord:
    return SlackInstallationRecord(
        bot_token=cipher.open(row.bot_token),
        app_id=row.app_id,
        enterprise_id=row.enterprise_id,
        team_id=row.team_id,
        is_enterprise_install=row.is_enterprise_install,
        bot_id=row.bot_id,
        bot_user_id=row.bot_user_id,
        bot_scopes=row.bot_scopes,
        installer_user_id=row.installer_user_id,
        installed_at=row.installed_at,
    )


async def save_installation(
    session: AsyncSession,
    *,
    tenant: TenantRef,
    record: SlackInstallationRecord,
    cipher: TokenCipher,
) -> None:
    """Keep the installation of ``tenant``, replacing an earlier one; its bot token as
    ``cipher`` seals it."""
    sealed = cipher.seal(record.bot_token)
    statement = select(SlackInstallation).where(SlackInstallation.tenant_id == tenant.id)
    row = (await session.exec(statement)).first() or SlackInstallation(
        tenant_id=tenant.id, bot_token=sealed
    )
    for name in record.__dataclass_fields__:
        value = sealed if name == "bot_token" else getattr(record, name)
        if value is not None or name != "installed_at":
            setattr(row, name, value)
    session.add(row)
    await session.flush()


async def find_installation(
    session: AsyncSession, *, tenant: TenantRef, cipher: TokenCipher
) -> SlackInstallationRecord | None:
    """The installation of ``tenant`` (its bot token decrypted by ``cipher``), or None.

    Raises:
        SecretKeyProblem: the token is encrypted and ``cipher`` has no key that decrypts it.
    """
    statement = select(SlackInstallation).where(SlackInstallation.tenant_id == tenant.id)
    row = (await session.exec(statement)).first()
    return _record(row, cipher=cipher) if row else None


async def delete_installation(session: AsyncSession, *, tenant: TenantRef) -> None:
    """Forget the tokens of ``tenant`` (its data stays)."""
    await session.exec(
        delete(SlackInstallation).where(col(SlackInstallation.tenant_id) == tenant.id)
    )


async def claim_event(
    session: AsyncSession, *, tenant: TenantRef, event_id: str, at: datetime
) -> bool:
    """True the first time ``event_id`` is seen for ``tenant``; False for a retry.

    Rows older than an hour are dropped: Slack retries within minutes.
    """
    await session.exec(
        delete(SlackEventSeen).where(
            col(SlackEventSeen.tenant_id) == tenant.id,
            col(SlackEventSeen.seen_at) < at - timedelta(hours=1),
        )
    )
    try:
        async with session.begin_nested():
            session.add(SlackEventSeen(tenant_id=tenant.id, event_id=event_id, seen_at=at))
        return True
    except IntegrityError:
        return False
