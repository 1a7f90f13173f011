"""uncovered questions IT filed under a rule (learned examples)

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-05 12:30:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel.sql.sqltypes
from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("guardrail_question") as batch:
        batch.add_column(
            sa.Column("answered_rule", sqlmodel.sql.sqltypes.AutoString(length=80), nullable=True)
        )


def downgrade() -> None:
    with op.batch_alter_table("guardrail_question") as batch:
        batch.drop_column("answered_rule")
