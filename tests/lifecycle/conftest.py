"""Ledger fixtures: every backend a contract test runs on (memory, SQLite, PostgreSQL)."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
from pg_cluster import URL_ENV, find_bindir, missing_reason, throwaway_cluster

from stationkit.lifecycle import InMemoryLedger, Ledger
from stationkit.lifecycle._open import init_ledger, open_ledger


@pytest.fixture(scope="session")
def pg_server() -> Iterator[str]:
    """The URL of a PostgreSQL test database (see ``pg_cluster``)."""
    url = os.environ.get(URL_ENV)
    if url:
        yield url
        return
    bindir = find_bindir()
    if bindir is None:
        if os.environ.get("CI"):
            pytest.fail(f"{missing_reason()} (CI must run the PostgreSQL tests)")
        pytest.skip(missing_reason())
    with throwaway_cluster(bindir) as started:
        yield started


@pytest.fixture
def pg_url(pg_server: str) -> Iterator[str]:
    """A fresh, empty schema of the test database, as a ledger URL (one per test)."""
    schema = f"t_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(pg_server, autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {schema}")
    joiner = "&" if "?" in pg_server else "?"
    yield f"{pg_server}{joiner}options=-csearch_path%3D{schema}"
    with psycopg.connect(pg_server, autocommit=True) as conn:
        conn.execute(f"DROP SCHEMA {schema} CASCADE")


def stored_url(backend: str, tmp_path: Path, request: pytest.FixtureRequest) -> str:
    """An initialised, empty ledger of ``backend`` ("sqlite" or "postgres"), as a URL."""
    if backend == "sqlite":
        url = f"sqlite:///{tmp_path / 'ledger.sqlite'}"
    else:
        url = request.getfixturevalue("pg_url")
    init_ledger(url)
    return url


@pytest.fixture(params=["sqlite", "postgres"])
def ledger_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """An initialised, empty ledger on each database backend, as a URL."""
    return stored_url(request.param, tmp_path, request)


@pytest.fixture(params=["memory", "sqlite", "postgres"])
def ledger(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Ledger]:
    """An empty ledger on each backend."""
    if request.param == "memory":
        yield InMemoryLedger()
        return
    with open_ledger(stored_url(request.param, tmp_path, request)) as store:
        yield store
