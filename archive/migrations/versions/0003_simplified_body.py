"""contents.body_simplified: traditional bodies in simplified characters, for search

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("contents") as batch:
        batch.add_column(sa.Column("body_simplified", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("contents") as batch:
        batch.drop_column("body_simplified")
