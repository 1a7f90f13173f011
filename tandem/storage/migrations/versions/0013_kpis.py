"""shared KPIs and their values

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-06 05:10:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel.sql.sqltypes
from alembic import op

revision: str = "0013"
down_revision: str | None = "0012"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "kpi",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("tenant_id", sa.Integer(), nullable=False),
        sa.Column("slug", sqlmodel.sql.sqltypes.AutoString(length=80), nullable=False),
        sa.Column("names", sa.JSON(), nullable=False),
        sa.Column("unit", sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
        sa.Column("better", sqlmodel.sql.sqltypes.AutoString(length=8), nullable=False),
        sa.Column("target", sa.Float(), nullable=False),
        sa.Column("alert", sa.Float(), nullable=True),
        sa.Column("topic_slug", sqlmodel.sql.sqltypes.AutoString(length=80), nullable=False),
        sa.Column("expect_every_hours", sa.Integer(), nullable=True),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("breach_blocker_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["breach_blocker_id"], ["blocker.id"]),
        sa.ForeignKeyConstraint(["tenant_id"], ["tenant.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("tenant_id", "slug", name="uq_kpi_tenant_slug"),
    )
    with op.batch_alter_table("kpi", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_kpi_tenant_id"), ["tenant_id"], unique=False)
    op.create_table(
        "kpi_value",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("tenant_id", sa.Integer(), nullable=False),
        sa.Column("kpi_id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("value", sa.Float(), nullable=False),
        sa.Column("source", sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
        sa.Column("sent_by", sqlmodel.sql.sqltypes.AutoString(length=254), nullable=False),
        sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["kpi_id"], ["kpi.id"]),
        sa.ForeignKeyConstraint(["tenant_id"], ["tenant.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("tenant_id", "kpi_id", "at", name="uq_kpi_value_instant"),
    )


def downgrade() -> None:
    op.drop_table("kpi_value")
    with op.batch_alter_table("kpi", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_kpi_tenant_id"))
    op.drop_table("kpi")
