"""path and stack choices

Revision ID: 0002
Revises: 0001
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import offhours.store.tables

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "path_edits",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("learner_id", sa.Integer(), nullable=False),
        sa.Column("action", sa.String(length=10), nullable=False),
        sa.Column("topic", sa.String(length=80), nullable=False),
        sa.Column("anchor", sa.String(length=80), nullable=True),
        sa.Column("placement", sa.String(length=10), nullable=True),
        sa.Column("created_at", offhours.store.tables.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["learner_id"], ["learners.id"], name=op.f("fk_path_edits_learner_id_learners"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_path_edits")),
    )
    with op.batch_alter_table("path_edits", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_path_edits_learner_id"), ["learner_id"], unique=False)

    op.create_table(
        "stack_choices",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("learner_id", sa.Integer(), nullable=False),
        sa.Column("action", sa.String(length=10), nullable=False),
        sa.Column("resource", sa.String(length=120), nullable=False),
        sa.Column("topic", sa.String(length=80), nullable=True),
        sa.Column("created_at", offhours.store.tables.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["learner_id"], ["learners.id"], name=op.f("fk_stack_choices_learner_id_learners"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_stack_choices")),
    )
    with op.batch_alter_table("stack_choices", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_stack_choices_learner_id"), ["learner_id"], unique=False)

    op.create_table(
        "topic_status",
        sa.Column("learner_id", sa.Integer(), nullable=False),
        sa.Column("topic", sa.String(length=80), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("updated_at", offhours.store.tables.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["learner_id"], ["learners.id"], name=op.f("fk_topic_status_learner_id_learners"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("learner_id", "topic", name=op.f("pk_topic_status")),
    )


def downgrade() -> None:
    op.drop_table("topic_status")
    with op.batch_alter_table("stack_choices", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_stack_choices_learner_id"))

    op.drop_table("stack_choices")
    with op.batch_alter_table("path_edits", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_path_edits_learner_id"))

    op.drop_table("path_edits")
