"""Shared fixtures: a real local web server, and archives on SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from archive import Archive, open_archive
from tests.pgserver import PostgresServer
from tests.webserver import WebServer


@pytest.fixture
def web() -> Iterator[WebServer]:
    server = WebServer().start()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def postgres() -> Iterator[PostgresServer]:
    server = PostgresServer().start()
    yield server
    server.stop()


@pytest.fixture
def pg_url(postgres: PostgresServer) -> Iterator[str]:
    """A fresh, empty PostgreSQL database for one test."""
    name = postgres.create_database()
    yield postgres.url(name)
    postgres.drop_database(name)


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """Each archive test runs twice: on SQLite under the home, and on a real PostgreSQL."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'home' / 'archive.sqlite3'}"
    return str(request.getfixturevalue("pg_url"))


@pytest.fixture
def arc(db_url: str, tmp_path: Path) -> Iterator[Archive]:
    archive = open_archive(home=tmp_path / "home", db=db_url)
    yield archive
    archive.close()
