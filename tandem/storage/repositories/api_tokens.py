"""Tokens that push KPI values over HTTP: created, listed and revoked per tenant; only
their SHA-256 digest is stored."""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime

from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from tandem.storage.models import ApiToken, Tenant
from tandem.storage.records import TenantRef
from tandem.storage.timestamps import utc, utc_or_none

PREFIX = "tdm_"


@dataclass(frozen=True, slots=True)
class TokenView:
    """A token as an admin lists it (never the token itself)."""

    name: str
    created_at: datetime
    revoked_at: datetime | None = None


def digest_of(token: str) -> str:
    """The SHA-256 of a token, as stored (the tokens are random: no salt needed)."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def new_token() -> str:
    """A new token: 256 random bits, URL-safe, recognisable by its prefix."""
    return PREFIX + secrets.token_urlsafe(32)


async def create_token(
    session: AsyncSession, *, tenant: TenantRef, name: str, at: datetime
) -> str | None:
    """A new token named ``name`` for ``tenant``, returned once; None when the tenant has
    (or had) a token of that name."""
    taken = await session.exec(
        select(ApiToken.id).where(ApiToken.tenant_id == tenant.id, ApiToken.name == name)
    )
    if taken.first() is not None:
        return None
    token = new_token()
    session.add(ApiToken(tenant_id=tenant.id, name=name, digest=digest_of(token), created_at=at))
    await session.flush()
    return token


async def revoke_token(
    session: AsyncSession, *, tenant: TenantRef, name: str, at: datetime
) -> bool:
    """End ``tenant``'s token ``name``; False when it has no such token in use."""
    row = (
        await session.exec(
            select(ApiToken).where(
                ApiToken.tenant_id == tenant.id,
                ApiToken.name == name,
                col(ApiToken.revoked_at).is_(None),
            )
        )
    ).first()
    if row is None:
        return False
    row.revoked_at = at
    session.add(row)
    await session.flush()
    return True


async def list_tokens(session: AsyncSession, *, tenant: TenantRef) -> list[TokenView]:
    """The tenant's tokens, oldest first, revoked ones too."""
    rows = (
        await session.exec(
            select(ApiToken).where(ApiToken.tenant_id == tenant.id).order_by(col(ApiToken.id))
        )
    ).all()
    return [
        TokenView(
            name=row.name, created_at=utc(row.created_at), revoked_at=utc_or_none(row.revoked_at)
        )
        for row in rows
    ]


async def holder(session: AsyncSession, *, token: str) -> tuple[TenantRef, str] | None:
    """The tenant a token in use belongs to, and the token's name; None for a token
    unknown, revoked, of a disabled tenant, or held by two tenants (an archive imported
    twice into one database: it would not say which one asks).

    The one read that names no tenant: the token is what says which tenant is asking.
    """
    found = (
        await session.exec(
            select(ApiToken, Tenant)
            .join(Tenant, col(Tenant.id) == col(ApiToken.tenant_id))
            .where(
                ApiToken.digest == digest_of(token),
                col(ApiToken.revoked_at).is_(None),
                col(Tenant.disabled).is_(False),
            )
        )
    ).all()
    if len(found) != 1:
        return None
    row, tenant = found[0]
    assert tenant.id is not None
    return TenantRef(id=tenant.id, key=tenant.key, disabled=tenant.disabled), row.name
