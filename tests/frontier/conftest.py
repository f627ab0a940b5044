"""Fixtures of the shared-frontier tests: a real redis-server for the session (skipped, saying
why, when Debian's redis-server is not installed), a real PostgreSQL, and the loopback mirror."""

from __future__ import annotations

import importlib.util
from collections.abc import Iterator

import pytest
from pgserver import PostgresServer, bin_dir
from redisserver import RedisServer, binary

from scraper.mirror import MirrorServer
from scraper.mirror.build import build_mirror


@pytest.fixture(scope="session")
def redis_server() -> Iterator[RedisServer]:
    executable = binary()
    if executable is None:
        pytest.skip("redis-server is not installed (apt-get install redis-server; .ci/run does)")
    with RedisServer(executable) as server:
        yield server


@pytest.fixture
def frontier(redis_server: RedisServer) -> str:
    """The frontier URL on a Redis emptied for this test."""
    redis_server.client().flushall()
    return redis_server.url


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


@pytest.fixture(scope="module")
def mirror(tmp_path_factory):
    info = build_mirror(tmp_path_factory.mktemp("mirror"))
    with MirrorServer(info.root) as server:
        yield info, server
