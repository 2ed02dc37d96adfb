"""calendar expansion cache

Revision ID: 0005
Revises: 0004
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import offhours.store.tables

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("calendars", schema=None) as batch_op:
        batch_op.add_column(sa.Column("expanded", sa.JSON(), nullable=True))
        batch_op.add_column(sa.Column("expanded_from", offhours.store.tables.UTCDateTime(), nullable=True))
        batch_op.add_column(sa.Column("expanded_to", offhours.store.tables.UTCDateTime(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("calendars", schema=None) as batch_op:
        batch_op.drop_column("expanded_to")
        batch_op.drop_column("expanded_from")
        batch_op.drop_column("expanded")
