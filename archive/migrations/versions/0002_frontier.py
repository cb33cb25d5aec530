"""frontier: every URL a site's crawls discovered, and its state

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    op.create_table(
        "frontier",
        sa.Column("id", ID, nullable=False),
        sa.Column("site_id", ID, nullable=False),
        sa.Column("url", sa.Text(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("state", sa.String(length=20), nullable=False),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.Column("found_on", sa.Text(), nullable=True),
        sa.Column("discovered_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("discovered_run_id", ID, nullable=True),
        sa.Column("last_run_id", ID, nullable=True),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("fetched_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("next_visit_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("revisit_seconds", sa.Integer(), nullable=True),
        sa.Column("etag", sa.Text(), nullable=True),
        sa.Column("last_modified", sa.Text(), nullable=True),
        sa.Column("failures", sa.Integer(), nullable=False),
        sa.Column("document_id", ID, nullable=True),
        sa.ForeignKeyConstraint(["discovered_run_id"], ["runs.id"],
                                name=op.f("fk_frontier_discovered_run_id_runs")),
        sa.ForeignKeyConstraint(["document_id"], ["documents.id"],
                                name=op.f("fk_frontier_document_id_documents")),
        sa.ForeignKeyConstraint(["last_run_id"], ["runs.id"],
                                name=op.f("fk_frontier_last_run_id_runs")),
        sa.ForeignKeyConstraint(["site_id"], ["sites.id"], name=op.f("fk_frontier_site_id_sites")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_frontier")),
        sa.UniqueConstraint("site_id", "url", name=op.f("uq_frontier_site_id")),
    )
    op.create_index(op.f("ix_frontier_last_run_id"), "frontier", ["last_run_id"])
    op.create_index("ix_frontier_site_state", "frontier", ["site_id", "state"])


def downgrade() -> None:
    op.drop_index("ix_frontier_site_state", table_name="frontier")
    op.drop_index(op.f("ix_frontier_last_run_id"), table_name="frontier")
    op.drop_table("frontier")
