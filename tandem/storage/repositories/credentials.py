"""The secrets stored for every tenant at once, as the database holds them: for the check
``tandem serve`` makes at start and for ``tandem secrets rotate``, which look at every
tenant's alike and never show one tenant's data to another.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlmodel import col, select, update
from sqlmodel.ext.asyncio.session import AsyncSession

from tandem.storage.models import SlackInstallation, Tenant


@dataclass(frozen=True, slots=True)
class StoredToken:
    """One Slack installation's bot token as stored (plain, or sealed by a key)."""

    row_id: int
    tenant: str
    """The key of the tenant it belongs to, to name it to the operator."""
    stored: str


async def stored_tokens(session: AsyncSession) -> list[StoredToken]:
    """Every Slack installation's bot token as stored, by tenant key."""
    statement = (
        select(SlackInstallation.id, Tenant.key, SlackInstallation.bot_token)
        .join(Tenant, col(Tenant.id) == col(SlackInstallation.tenant_id))
        .order_by(col(Tenant.key))
    )
    return [
        StoredToken(row_id=row_id, tenant=key, stored=stored)
        for row_id, key, stored in (await session.exec(statement)).all()
        if row_id is not None
    ]


async def replace_token(session: AsyncSession, *, row_id: int, was: str, now: str) -> bool:
    """Store ``now`` in place of ``was`` as the bot token of installation ``row_id``; False
    when that row no longer holds ``was`` (saved again meanwhile), which is then left alone.
    """
    result = await session.exec(
        update(SlackInstallation)
        .where(col(SlackInstallation.id) == row_id, col(SlackInstallation.bot_token) == was)
        .values(bot_token=now)
    )
    return bool(result.rowcount)
