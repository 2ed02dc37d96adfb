"""quiz answers

Revision ID: 0008
Revises: 0007
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import offhours.store.tables

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "quiz_answers",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("learner_id", sa.Integer(), nullable=False),
        sa.Column("item_id", sa.String(length=120), nullable=False),
        sa.Column("topic", sa.String(length=80), nullable=False),
        sa.Column("correct", sa.Boolean(), nullable=False),
        sa.Column("answered_at", offhours.store.tables.UTCDateTime(), nullable=False),
        sa.Column("context", sa.String(length=20), nullable=False),
        sa.ForeignKeyConstraint(
            ["learner_id"], ["learners.id"], name=op.f("fk_quiz_answers_learner_id_learners"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_quiz_answers")),
    )
    with op.batch_alter_table("quiz_answers", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_quiz_answers_learner_id"), ["learner_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_quiz_answers_topic"), ["topic"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("quiz_answers", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_quiz_answers_topic"))
        batch_op.drop_index(batch_op.f("ix_quiz_answers_learner_id"))

    op.drop_table("quiz_answers")
