"""Fixtures of the store suite: every test taking ``store`` or ``store_target`` runs against
both backends, SQLite in a temporary folder and a real PostgreSQL server started for the session."""

from __future__ import annotations

import importlib.util
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from pgserver import PostgresServer, bin_dir

from scraper.store import Store, open_store


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PostgresServer]:
    binaries = bin_dir()
    if binaries is None:
        pytest.skip("PostgreSQL is not installed (apt-get install postgresql; .ci/run does)")
    if importlib.util.find_spec("psycopg") is None:
        pytest.skip("psycopg is not installed (pip install -e '.[postgres]'; .ci/run does)")
    server = PostgresServer(binaries).start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(params=["sqlite", "postgres"])
def new_target(request: pytest.FixtureRequest, tmp_path: Path) -> Callable[[], str]:
    """Makes the target of a fresh, not yet created store of the backend under test."""
    if request.param == "sqlite":
        counter = iter(range(1000))
        return lambda: str(tmp_path / f"store{next(counter)}" / "kliping.db")
    server = request.getfixturevalue("pg_server")
    return server.database


@pytest.fixture
def store_target(new_target: Callable[[], str]) -> str:
    return new_target()


@pytest.fixture
def store(store_target: str) -> Iterator[Store]:
    with open_store(store_target) as opened:
        yield opened
