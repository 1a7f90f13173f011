"""Tenants, looked up by the key an admin types."""

from __future__ import annotations

from sqlalchemy import update
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from tandem.bot.types import TenantKey
from tandem.storage.models import Tenant
from tandem.storage.records import TenantRef


def _ref(row: Tenant) -> TenantRef:
    assert row.id is not None
    return TenantRef(id=row.id, key=row.key, disabled=row.disabled)


async def find_tenant(session: AsyncSession, *, key: TenantKey) -> TenantRef | None:
    """The tenant named ``key``, or None."""
    row = (await session.exec(select(Tenant).where(Tenant.key == str(key)))).first()
    return _ref(row) if row else None


async def ensure_tenant(
    session: AsyncSession, *, key: TenantKey, name: str = "", enterprise_id: str | None = None
) -> TenantRef:
    """The tenant named ``key``, created if it does not exist yet."""
    found = await find_tenant(session, key=key)
    if found:
        return found
    row = Tenant(
        key=str(key),
        platform=key.platform.value,
        workspace_id=key.workspace,
        name=name,
        enterprise_id=enterprise_id,
    )
    session.add(row)
    await session.flush()
    return _ref(row)


async def raci_revision(session: AsyncSession, *, tenant: TenantRef) -> int:
    """A number that changes whenever the tenant's RACI matrix changes."""
    value = (await session.exec(select(Tenant.raci_revision).where(Tenant.id == tenant.id))).first()
    return value or 0


async def bump_raci_revision(session: AsyncSession, *, tenant: TenantRef) -> None:
    """Mark the tenant's RACI matrix as changed (caches rebuild on next use)."""
    await session.exec(
        update(Tenant)
        .where(col(Tenant.id) == tenant.id)
        .values(raci_revision=col(Tenant.raci_revision) + 1)
    )


async def set_disabled(
    session: AsyncSession, *, tenant: TenantRef, disabled: bool, enterprise_id: str | None = None
) -> None:
    """Disable a tenant (uninstalled: its data is kept) or enable it again."""
    values: dict[str, object] = {"disabled": disabled}
    if enterprise_id:
        values["enterprise_id"] = enterprise_id
    await session.exec(update(Tenant).where(col(Tenant.id) == tenant.id).values(**values))


async def all_tenants(session: AsyncSession) -> list[TenantRef]:
    """Every enabled tenant: the one cross-tenant read, for the scheduler's sweep.

    The scheduler then reads and writes each tenant's rows through calls that take it.
    """
    rows = (
        await session.exec(
            select(Tenant).where(col(Tenant.disabled).is_(False)).order_by(col(Tenant.id))
        )
    ).all()
    return [_ref(row) for row in rows]
