"""Alembic migrations for the archive schema; ``upgrade`` brings any database to head."""

from __future__ import annotations

import threading
from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine

HERE = Path(__file__).parent


def alembic_config(engine: Engine) -> Config:
    config = Config()
    config.set_main_option("script_location", str(HERE))
    config.attributes["engine"] = engine
    return config


# Alembic's ``context`` is process-global: one migration at a time per process.
_one_at_a_time = threading.Lock()


def upgrade(engine: Engine, revision: str = "head") -> None:
    with _one_at_a_time:
        command.upgrade(alembic_config(engine), revision)
