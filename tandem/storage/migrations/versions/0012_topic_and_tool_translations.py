"""a RACI topic's title and description, and a tool's note, in other languages

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-06 13:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0012"
down_revision: str | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    for table in ("raci_topic", "catalogue_entry"):
        with op.batch_alter_table(table) as batch:
            batch.add_column(
                sa.Column("translations", sa.JSON(), server_default="{}", nullable=False)
            )


def downgrade() -> None:
    for table in ("raci_topic", "catalogue_entry"):
        with op.batch_alter_table(table) as batch:
            batch.drop_column("translations")
