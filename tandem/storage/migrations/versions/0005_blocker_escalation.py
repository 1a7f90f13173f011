"""blocker escalation

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-23 03:43:11.546579

Existing rows get defaults (no owner, level 0, empty policy) so the migration
runs on a database that already holds stand-up blockers.
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel.sql.sqltypes
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "escalation_policy",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("tenant_id", sa.Integer(), nullable=False),
        sa.Column("settings", sa.JSON(), nullable=False),
        sa.Column("updated_by", sqlmodel.sql.sqltypes.AutoString(length=254), nullable=True),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["tenant_id"],
            ["tenant.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("tenant_id", name="uq_escalation_policy_tenant"),
    )
    op.create_table(
        "pm_setting",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("tenant_id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("is_pm", sa.Boolean(), nullable=True),
        sa.Column("days", sa.JSON(), nullable=False),
        sa.Column("at_time", sqlmodel.sql.sqltypes.AutoString(length=5), nullable=False),
        sa.Column("last_digest_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["person.id"],
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id"],
            ["tenant.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("tenant_id", "person_id", name="uq_pm_setting_person"),
    )
    op.create_table(
        "blocker_event",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("tenant_id", sa.Integer(), nullable=False),
        sa.Column("blocker_id", sa.Integer(), nullable=False),
        sa.Column("kind", sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
        sa.Column("actor_email", sqlmodel.sql.sqltypes.AutoString(length=254), nullable=True),
        sa.Column("target_email", sqlmodel.sql.sqltypes.AutoString(length=254), nullable=True),
        sa.Column("detail", sqlmodel.sql.sqltypes.AutoString(length=2000), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["blocker_id"],
            ["blocker.id"],
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id"],
            ["tenant.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("blocker_event", schema=None) as batch_op:
        batch_op.create_index(
            "ix_blocker_event_tenant_blocker", ["tenant_id", "blocker_id"], unique=False
        )

    with op.batch_alter_table("blocker", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("owner_email", sqlmodel.sql.sqltypes.AutoString(length=254), nullable=True)
        )
        batch_op.add_column(sa.Column("routing", sa.Integer(), nullable=False, server_default="0"))
        batch_op.add_column(sa.Column("routed_at", sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column("acknowledged_at", sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column("resolved_at", sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(
            sa.Column("resolved_by", sqlmodel.sql.sqltypes.AutoString(length=254), nullable=True)
        )
        batch_op.add_column(
            sa.Column(
                "resolution",
                sqlmodel.sql.sqltypes.AutoString(length=2000),
                nullable=False,
                server_default="",
            )
        )
        batch_op.add_column(sa.Column("level", sa.Integer(), nullable=False, server_default="0"))
        batch_op.add_column(
            sa.Column("declined_by", sa.JSON(), nullable=False, server_default="[]")
        )
        batch_op.add_column(sa.Column("policy", sa.JSON(), nullable=False, server_default="{}"))
        batch_op.add_column(sa.Column("next_check_at", sa.DateTime(timezone=True), nullable=True))
        batch_op.drop_index(batch_op.f("ix_blocker_tenant_status"))
        batch_op.create_index(
            "ix_blocker_tenant_resolved", ["tenant_id", "resolved_at"], unique=False
        )
        batch_op.create_index(
            "ix_blocker_tenant_status_check", ["tenant_id", "status", "next_check_at"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("blocker", schema=None) as batch_op:
        batch_op.drop_index("ix_blocker_tenant_status_check")
        batch_op.drop_index("ix_blocker_tenant_resolved")
        batch_op.create_index(
            batch_op.f("ix_blocker_tenant_status"), ["tenant_id", "status"], unique=False
        )
        batch_op.drop_column("next_check_at")
        batch_op.drop_column("policy")
        batch_op.drop_column("declined_by")
        batch_op.drop_column("level")
        batch_op.drop_column("resolution")
        batch_op.drop_column("resolved_by")
        batch_op.drop_column("resolved_at")
        batch_op.drop_column("acknowledged_at")
        batch_op.drop_column("routed_at")
        batch_op.drop_column("routing")
        batch_op.drop_column("owner_email")

    with op.batch_alter_table("blocker_event", schema=None) as batch_op:
        batch_op.drop_index("ix_blocker_event_tenant_blocker")

    op.drop_table("blocker_event")
    op.drop_table("pm_setting")
    op.drop_table("escalation_policy")
