"""exercises

Revision ID: 0010
Revises: 0009
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import offhours.store.tables

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "exercise_attempts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("learner_id", sa.Integer(), nullable=False),
        sa.Column("slug", sa.String(length=80), nullable=False),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("tests_passed", sa.Integer(), nullable=False),
        sa.Column("tests_total", sa.Integer(), nullable=False),
        sa.Column("code", sa.Text(), nullable=False),
        sa.Column("submitted_at", offhours.store.tables.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["learner_id"], ["learners.id"], name=op.f("fk_exercise_attempts_learner_id_learners"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_exercise_attempts")),
    )
    with op.batch_alter_table("exercise_attempts", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_exercise_attempts_learner_id"), ["learner_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_exercise_attempts_slug"), ["slug"], unique=False)

    op.create_table(
        "exercise_state",
        sa.Column("learner_id", sa.Integer(), nullable=False),
        sa.Column("slug", sa.String(length=80), nullable=False),
        sa.Column("path", sa.String(length=1024), nullable=False),
        sa.Column("hints_shown", sa.Integer(), server_default="0", nullable=False),
        sa.Column("gave_up", sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.Column("started_at", offhours.store.tables.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["learner_id"], ["learners.id"], name=op.f("fk_exercise_state_learner_id_learners"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("learner_id", "slug", name=op.f("pk_exercise_state")),
    )


def downgrade() -> None:
    op.drop_table("exercise_state")
    with op.batch_alter_table("exercise_attempts", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_exercise_attempts_slug"))
        batch_op.drop_index(batch_op.f("ix_exercise_attempts_learner_id"))

    op.drop_table("exercise_attempts")
