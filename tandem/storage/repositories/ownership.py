"""Writes that name a row by id check first that the row belongs to the tenant."""

from __future__ import annotations

from typing import Any

from sqlmodel import select
from sqlmodel.ext.asyncio.session import AsyncSession

from tandem.storage.records import TenantRef


class NotInTenant(LookupError):
    """An id that names no row of this tenant (another tenant's, or none at all)."""


async def require_owned(
    session: AsyncSession, *, tenant: TenantRef, model: Any, row_id: int
) -> None:
    """Raise :class:`NotInTenant` unless ``model`` row ``row_id`` belongs to ``tenant``."""
    found = (
        await session.exec(select(model.id).where(model.tenant_id == tenant.id, model.id == row_id))
    ).first()
    if found is None:
        raise NotInTenant(f"{model.__tablename__} {row_id} is not in tenant {tenant.key}")
