"""Pending Slack OAuth installs.

The one store without a tenant: the workspace is not known until Slack answers
the install, so a state is only a random key and an expiry.
"""

from __future__ import annotations

from datetime import datetime

from sqlmodel.ext.asyncio.session import AsyncSession

from tandem.storage.models import SlackOAuthState


async def issue_oauth_state(session: AsyncSession, *, state: str, expires_at: datetime) -> None:
    """Remember an OAuth state until it is used or expires (no tenant exists yet)."""
    session.add(SlackOAuthState(state=state, expires_at=expires_at))
    await session.flush()


async def consume_oauth_state(session: AsyncSession, *, state: str, at: datetime) -> bool:
    """True once for a state issued and not expired."""
    row = await session.get(SlackOAuthState, state)
    if row is None:
        return False
    await session.delete(row)
    expires = row.expires_at
    if expires.tzinfo is None:
        expires = expires.replace(tzinfo=at.tzinfo)
    return expires >= at
