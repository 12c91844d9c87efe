"""Ledger fixtures: every backend a contract test runs on (memory, SQLite, PostgreSQL)."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
from pg_cluster import (
    PASSWORD_URL_ENV,
    URL_ENV,
    Cluster,
    find_bindir,
    missing_reason,
    throwaway_cluster,
)

from stationkit.lifecycle import InMemoryLedger, Ledger
from stationkit.lifecycle._open import init_ledger, open_ledger


@pytest.fixture(scope="session")
def pg_cluster() -> Iterator[Cluster | None]:
    """The throwaway cluster (see ``pg_cluster``), or None when ``STATIONKIT_TEST_PG`` names
    the server."""
    if os.environ.get(URL_ENV):
        yield None
        return
    bindir = find_bindir()
    if bindir is None:
        if os.environ.get("CI"):
            pytest.fail(f"{missing_reason()} (CI must run the PostgreSQL tests)")
        pytest.skip(missing_reason())
    with throwaway_cluster(bindir) as started:
        yield started


@pytest.fixture(scope="session")
def pg_server(pg_cluster: Cluster | None) -> str:
    """The URL of a PostgreSQL test database, as its superuser."""
    return pg_cluster.url if pg_cluster is not None else os.environ[URL_ENV]


@pytest.fixture(scope="session")
def pg_password_server(request: pytest.FixtureRequest) -> str:
    """The URL of a PostgreSQL test database as a role that logs in with a password (over
    TCP, ``scram-sha-256``) and may create schemas; the password is in the URL."""
    url = os.environ.get(PASSWORD_URL_ENV)
    if url:
        return url
    cluster: Cluster | None = request.getfixturevalue("pg_cluster")
    if cluster is None:  # a server of the user's own, without a password URL
        reason = f"{PASSWORD_URL_ENV} is not set: the password tests need a role with one"
        if os.environ.get("CI"):
            pytest.fail(f"{reason} (.ci/run sets it)")
        pytest.skip(reason)
    return cluster.password_url


def _schema_url(server: str) -> Iterator[str]:
    schema = f"t_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(server, autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {schema}")
    joiner = "&" if "?" in server else "?"
    yield f"{server}{joiner}options=-csearch_path%3D{schema}"
    with psycopg.connect(server, autocommit=True) as conn:
        conn.execute(f"DROP SCHEMA {schema} CASCADE")


@pytest.fixture
def pg_url(pg_server: str) -> Iterator[str]:
    """A fresh, empty schema of the test database, as a ledger URL (one per test)."""
    yield from _schema_url(pg_server)


@pytest.fixture
def pg_password_url(pg_password_server: str) -> Iterator[str]:
    """A fresh, empty schema owned by the password role, as a ledger URL with the password."""
    yield from _schema_url(pg_password_server)


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
