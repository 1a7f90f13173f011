"""which question of a stand-up collects blockers, kept in its settings

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-06 12:00:00

Stand-ups set up before it get the question their blockers came from: the third of the
default questions, else the first whose words name blockers in English or French (the
stems of ``rituals/standup/questions.py`` then: a French "Blocages ?" is one now).
"""

import unicodedata
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0011"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_STEMS = ("block", "bloc", "obstacle", "imped", "stuck", "frein", "coinc", "empech", "hinder")


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _blockers(questions: list[str] | None) -> int | None:
    if not questions:
        return 2
    for index, question in enumerate(questions):
        if any(stem in _fold(str(question)) for stem in _STEMS):
            return index
    return None


def upgrade() -> None:
    with op.batch_alter_table("standup") as batch:
        batch.add_column(sa.Column("blockers_question", sa.Integer(), nullable=True))
    standup = sa.table(
        "standup",
        sa.column("id", sa.Integer()),
        sa.column("questions", sa.JSON()),
        sa.column("blockers_question", sa.Integer()),
    )
    connection = op.get_bind()
    for row_id, questions in connection.execute(sa.select(standup.c.id, standup.c.questions)):
        connection.execute(
            standup.update()
            .where(standup.c.id == row_id)
            .values(blockers_question=_blockers(questions))
        )


def downgrade() -> None:
    with op.batch_alter_table("standup") as batch:
        batch.drop_column("blockers_question")
