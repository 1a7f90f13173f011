"""planning sessions, occurrences, invites and pool

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-23 08:55:52.359470
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel.sql.sqltypes
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "planning_pool",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("tenant_id", sa.Integer(), nullable=False),
        sa.Column("email", sqlmodel.sql.sqltypes.AutoString(length=254), nullable=False),
        sa.Column("added_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["tenant_id"],
            ["tenant.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("tenant_id", "email", name="uq_planning_pool_email"),
    )
    op.create_table(
        "planning_session",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("tenant_id", sa.Integer(), nullable=False),
        sa.Column("title", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
        sa.Column("organiser_email", sqlmodel.sql.sqltypes.AutoString(length=254), nullable=False),
        sa.Column("timezone", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column("first_day", sa.Date(), nullable=False),
        sa.Column("local_time", sqlmodel.sql.sqltypes.AutoString(length=5), nullable=False),
        sa.Column("duration_minutes", sa.Integer(), nullable=False),
        sa.Column("every_weeks", sa.Integer(), nullable=False),
        sa.Column("count", sa.Integer(), nullable=True),
        sa.Column("topics", sa.JSON(), nullable=False),
        sa.Column("channel_id", sqlmodel.sql.sqltypes.AutoString(length=400), nullable=True),
        sa.Column("channel_kind", sqlmodel.sql.sqltypes.AutoString(length=16), nullable=True),
        sa.Column("channel_reference", sa.Text(), nullable=True),
        sa.Column("status", sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("cancelled_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["tenant_id"],
            ["tenant.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("planning_session", schema=None) as batch_op:
        batch_op.create_index(
            "ix_planning_session_tenant_status", ["tenant_id", "status"], unique=False
        )

    op.create_table(
        "planning_occurrence",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("tenant_id", sa.Integer(), nullable=False),
        sa.Column("session_id", sa.Integer(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("starts_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("ends_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("uid", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
        sa.Column("sequence", sa.Integer(), nullable=False),
        sa.Column("status", sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
        sa.ForeignKeyConstraint(
            ["session_id"],
            ["planning_session.id"],
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id"],
            ["tenant.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("session_id", "number", name="uq_planning_occurrence_number"),
    )
    with op.batch_alter_table("planning_occurrence", schema=None) as batch_op:
        batch_op.create_index(
            "ix_planning_occurrence_tenant_start",
            ["tenant_id", "status", "starts_at"],
            unique=False,
        )

    op.create_table(
        "planning_invite",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("tenant_id", sa.Integer(), nullable=False),
        sa.Column("occurrence_id", sa.Integer(), nullable=False),
        sa.Column("email", sqlmodel.sql.sqltypes.AutoString(length=254), nullable=False),
        sa.Column("topics", sa.JSON(), nullable=False),
        sa.Column("via", sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
        sa.Column("status", sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
        sa.Column("reason", sqlmodel.sql.sqltypes.AutoString(length=2000), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("answered_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("conversation_id", sqlmodel.sql.sqltypes.AutoString(length=400), nullable=True),
        sa.Column("conversation_kind", sqlmodel.sql.sqltypes.AutoString(length=16), nullable=True),
        sa.Column("reference", sa.Text(), nullable=True),
        sa.Column("message_id", sqlmodel.sql.sqltypes.AutoString(length=400), nullable=True),
        sa.ForeignKeyConstraint(
            ["occurrence_id"],
            ["planning_occurrence.id"],
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id"],
            ["tenant.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("planning_invite", schema=None) as batch_op:
        batch_op.create_index(
            "ix_planning_invite_tenant_email", ["tenant_id", "email"], unique=False
        )
        batch_op.create_index(
            "ix_planning_invite_tenant_occurrence", ["tenant_id", "occurrence_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("planning_invite", schema=None) as batch_op:
        batch_op.drop_index("ix_planning_invite_tenant_occurrence")
        batch_op.drop_index("ix_planning_invite_tenant_email")

    op.drop_table("planning_invite")
    with op.batch_alter_table("planning_occurrence", schema=None) as batch_op:
        batch_op.drop_index("ix_planning_occurrence_tenant_start")

    op.drop_table("planning_occurrence")
    with op.batch_alter_table("planning_session", schema=None) as batch_op:
        batch_op.drop_index("ix_planning_session_tenant_status")

    op.drop_table("planning_session")
    op.drop_table("planning_pool")
