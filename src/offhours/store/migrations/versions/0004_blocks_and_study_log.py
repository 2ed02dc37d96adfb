"""blocks and study log

Revision ID: 0004
Revises: 0003
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import offhours.store.tables

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "blocks",
        sa.Column("learner_id", sa.Integer(), nullable=False),
        sa.Column("id", sa.String(length=40), nullable=False),
        sa.Column("start", offhours.store.tables.UTCDateTime(), nullable=False),
        sa.Column("end", offhours.store.tables.UTCDateTime(), nullable=False),
        sa.Column("topic", sa.String(length=80), nullable=False),
        sa.Column("activity", sa.String(length=20), nullable=False),
        sa.Column("context", sa.String(length=20), nullable=False),
        sa.Column("resource", sa.String(length=120), nullable=True),
        sa.Column("milestone", sa.String(length=40), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("sequence", sa.Integer(), server_default="0", nullable=False),
        sa.Column("updated_at", offhours.store.tables.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["learner_id"], ["learners.id"], name=op.f("fk_blocks_learner_id_learners"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("learner_id", "id", name=op.f("pk_blocks")),
    )
    with op.batch_alter_table("blocks", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_blocks_start"), ["start"], unique=False)

    op.create_table(
        "study_log",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("learner_id", sa.Integer(), nullable=False),
        sa.Column("topic", sa.String(length=80), nullable=False),
        sa.Column("minutes", sa.Integer(), nullable=False),
        sa.Column("activity", sa.String(length=20), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("logged_at", offhours.store.tables.UTCDateTime(), nullable=False),
        sa.Column("block_id", sa.String(length=40), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["learner_id"], ["learners.id"], name=op.f("fk_study_log_learner_id_learners"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_study_log")),
    )
    with op.batch_alter_table("study_log", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_study_log_learner_id"), ["learner_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("study_log", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_study_log_learner_id"))

    op.drop_table("study_log")
    with op.batch_alter_table("blocks", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_blocks_start"))

    op.drop_table("blocks")
