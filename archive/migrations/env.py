"""Alembic environment: runs against the engine the archive hands over, never a config URL."""

from __future__ import annotations

from alembic import context

from archive.models import Base

engine = context.config.attributes["engine"]
with engine.connect() as connection:
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
        # Alembic treats SQLite DDL as non-transactional and commits after each revision;
        # another process waiting on the lock would then run the next revision a second time.
        # SQLite's DDL is transactional: one transaction (one IMMEDIATE lock) for the upgrade.
        transactional_ddl=True,
    )
    with context.begin_transaction():
        if connection.dialect.name == "postgresql":
            # Processes opening a new archive at once must not all create the schema; SQLite
            # gets the same from the IMMEDIATE transaction the archive migrates in.
            connection.exec_driver_sql("SELECT pg_advisory_xact_lock(7172034)")
        context.run_migrations()
