"""review indexes: a learner's answers by time and by card

Revision ID: 0017
Revises: 0016
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0017"
down_revision: str | None = "0016"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("reviews", schema=None) as batch_op:
        batch_op.create_index("ix_reviews_learner_id_reviewed_at", ["learner_id", "reviewed_at"], unique=False)
        batch_op.create_index("ix_reviews_learner_id_card_id_rating", ["learner_id", "card_id", "rating"],
                              unique=False)


def downgrade() -> None:
    with op.batch_alter_table("reviews", schema=None) as batch_op:
        batch_op.drop_index("ix_reviews_learner_id_card_id_rating")
        batch_op.drop_index("ix_reviews_learner_id_reviewed_at")
