"""operations: run counters and log files, per-site locks, site health

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    with op.batch_alter_table("runs") as batch:
        batch.add_column(sa.Column("requests", sa.Integer(), nullable=False,
                                   server_default="0"))
        batch.add_column(sa.Column("responses", sa.JSON(), nullable=False,
                                   server_default="{}"))
        batch.add_column(sa.Column("health", sa.JSON(), nullable=False, server_default="{}"))
        batch.add_column(sa.Column("log_path", sa.Text(), nullable=True))
        batch.add_column(sa.Column("host", sa.String(length=255), nullable=True))
        batch.add_column(sa.Column("pid", sa.Integer(), nullable=True))
    # The defaults only fill existing rows; the ORM always writes these columns.
    with op.batch_alter_table("runs") as batch:
        batch.alter_column("requests", server_default=None)
        batch.alter_column("responses", server_default=None)
        batch.alter_column("health", server_default=None)
    op.create_table(
        "site_locks",
        sa.Column("site_id", ID, nullable=False),
        sa.Column("owner", sa.String(length=300), nullable=True),
        sa.Column("host", sa.String(length=255), nullable=True),
        sa.Column("pid", sa.Integer(), nullable=True),
        sa.Column("pid_started", sa.String(length=40), nullable=True),
        sa.Column("run_id", ID, nullable=True),
        sa.Column("acquired_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("heartbeat_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(["run_id"], ["runs.id"], name=op.f("fk_site_locks_run_id_runs")),
        sa.ForeignKeyConstraint(["site_id"], ["sites.id"],
                                name=op.f("fk_site_locks_site_id_sites")),
        sa.PrimaryKeyConstraint("site_id", name=op.f("pk_site_locks")),
    )
    op.create_table(
        "site_health",
        sa.Column("site_id", ID, nullable=False),
        sa.Column("healthy", sa.Boolean(), nullable=False),
        sa.Column("reasons", sa.JSON(), nullable=False),
        sa.Column("run_id", ID, nullable=True),
        sa.Column("checked_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("notified_healthy", sa.Boolean(), nullable=True),
        sa.Column("notified_reasons", sa.JSON(), nullable=True),
        sa.Column("notified_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(["run_id"], ["runs.id"],
                                name=op.f("fk_site_health_run_id_runs")),
        sa.ForeignKeyConstraint(["site_id"], ["sites.id"],
                                name=op.f("fk_site_health_site_id_sites")),
        sa.PrimaryKeyConstraint("site_id", name=op.f("pk_site_health")),
    )


def downgrade() -> None:
    op.drop_table("site_health")
    op.drop_table("site_locks")
    with op.batch_alter_table("runs") as batch:
        for column in ("pid", "host", "log_path", "health", "responses", "requests"):
            batch.drop_column(column)
