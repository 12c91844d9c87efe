"""The database ledgers: URLs, the versioned schema (init, migrate), busy and unreachable
databases — each answered by the ledger's own error, never a driver exception."""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path

import psycopg
import pytest

from stationkit.errors import (
    LedgerBusyError,
    LedgerConnectionError,
    LedgerSchemaError,
)
from stationkit.lifecycle import Event, LedgerError
from stationkit.lifecycle._migrations import SCHEMA_VERSION, SQLITE_STEPS
from stationkit.lifecycle._open import (
    init_ledger,
    migrate_ledger,
    open_ledger,
    parse_ledger_url,
)
from stationkit.lifecycle._postgres import PostgresLedger, redact
from stationkit.lifecycle._sqlite import SQLiteLedger

EVENT = Event("e1", "d1", "plan", datetime(2024, 5, 1, 9), "drill", {"kind": "fire"}, "planner")


@pytest.mark.parametrize(
    "url, backend, path",
    [
        ("sqlite:///ledger.db", "sqlite", "ledger.db"),
        ("sqlite:////var/lib/ledger.db", "sqlite", "/var/lib/ledger.db"),
        ("ledger.db", "sqlite", "ledger.db"),
        ("postgres://u@h/db", "postgresql", None),
        ("postgresql://u:pw@h:5432/db", "postgresql", None),
    ],
)
def test_urls_name_the_backend(url: str, backend: str, path: str | None) -> None:
    parsed = parse_ledger_url(url)
    assert parsed.backend == backend
    assert parsed.path == (Path(path) if path else None)
    assert "pw" not in parsed.shown


@pytest.mark.parametrize(
    "url, message",
    [
        ("mysql://u@h/db", "scheme 'mysql' is not supported"),
        ("sqlite://ledger.db", "sqlite:///relative"),
        ("", "1 to"),
    ],
)
def test_bad_urls_are_refused(url: str, message: str) -> None:
    with pytest.raises(LedgerError, match=message):
        parse_ledger_url(url)


def test_redact_hides_every_password() -> None:
    assert redact("postgresql://ann:s3cret@db:5432/x") == "postgresql://ann:***@db:5432/x"
    assert redact("postgresql://ann@db/x?password=s3cret&sslmode=require") == (
        "postgresql://ann@db/x?password=***&sslmode=require"
    )


def test_init_then_migrate_is_a_no_op(ledger_url: str) -> None:
    with open_ledger(ledger_url) as ledger:
        assert ledger.schema_version() == SCHEMA_VERSION
    assert migrate_ledger(ledger_url) == (SCHEMA_VERSION, SCHEMA_VERSION)
    with pytest.raises(LedgerSchemaError, match="already holds a stationkit ledger"):
        init_ledger(ledger_url)


def test_postgres_needs_init_and_migrates_an_old_schema(pg_url: str) -> None:
    with pytest.raises(LedgerSchemaError, match="ledger init"):
        open_ledger(pg_url)
    with pytest.raises(LedgerSchemaError, match="ledger init"):
        migrate_ledger(pg_url)
    # A version-1 ledger (the events table only, without its index or the version table).
    from stationkit.lifecycle._migrations import POSTGRES_STEPS

    with psycopg.connect(pg_url, autocommit=True) as conn:
        conn.execute(POSTGRES_STEPS[1][0])
    with pytest.raises(LedgerSchemaError, match="ledger migrate"):
        open_ledger(pg_url)
    assert migrate_ledger(pg_url) == (1, SCHEMA_VERSION)
    with open_ledger(pg_url) as ledger:
        assert ledger.append(EVENT, 0).version == 1


def test_sqlite_file_from_before_versioning_is_migrated(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    with sqlite3.connect(path) as db:
        db.execute(SQLITE_STEPS[1][0])
        db.execute(
            "INSERT INTO events (event_id, record_id, version, machine, type, payload, "
            "at, actor) VALUES ('e0', 'd0', 1, 'drill', 'plan', '{}', "
            "'2024-05-01T09:00:00', NULL)"
        )
    db.close()
    with SQLiteLedger(path, read_only=True) as ledger:
        assert ledger.schema_version() == 1
    assert migrate_ledger(f"sqlite:///{path}") == (1, SCHEMA_VERSION)
    with SQLiteLedger(path) as ledger:
        assert ledger.version("d0") == 1 and ledger.schema_version() == SCHEMA_VERSION


def test_a_newer_schema_is_refused(ledger_url: str) -> None:
    target = parse_ledger_url(ledger_url)
    if target.backend == "sqlite":
        with sqlite3.connect(target.path) as db:  # type: ignore[arg-type]
            db.execute("UPDATE schema_version SET version = 99")
        db.close()
    else:
        with psycopg.connect(ledger_url, autocommit=True) as conn:
            conn.execute("UPDATE stationkit_schema_version SET version = 99")
    with pytest.raises(LedgerSchemaError, match="newer than this stationkit"):
        open_ledger(ledger_url)
    with pytest.raises(LedgerSchemaError, match="newer"):
        migrate_ledger(ledger_url)


def test_read_only_sqlite_never_writes(tmp_path: Path) -> None:
    path = tmp_path / "ro.sqlite"
    with pytest.raises(LedgerError, match="no such SQLite ledger"):
        SQLiteLedger(path, read_only=True)
    assert not path.exists()
    with SQLiteLedger(path) as ledger:
        ledger.append(EVENT, 0)
    with SQLiteLedger(path, read_only=True) as ledger:
        assert ledger.history("d1") == (EVENT,)
        with pytest.raises(LedgerError, match="read-only"):
            ledger.append(EVENT, 1)


def test_a_busy_sqlite_ledger_raises_the_ledgers_error(tmp_path: Path) -> None:
    path = tmp_path / "busy.sqlite"
    with SQLiteLedger(path):
        pass
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another writer holds the write lock
    try:
        with SQLiteLedger(path, timeout=0.1) as ledger, pytest.raises(LedgerBusyError):
            ledger.append(EVENT, 0)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    with SQLiteLedger(path) as ledger:
        assert ledger.version("d1") == 0


def test_a_busy_postgres_ledger_raises_the_ledgers_error(pg_url: str) -> None:
    init_ledger(pg_url)
    with psycopg.connect(pg_url) as holder:  # a transaction holding the table's lock
        holder.execute("LOCK TABLE stationkit_events IN ACCESS EXCLUSIVE MODE")
        with PostgresLedger(pg_url, timeout=0.2) as ledger, pytest.raises(LedgerBusyError):
            ledger.append(EVENT, 0)
        holder.rollback()
    with open_ledger(pg_url) as ledger:
        assert ledger.version("d1") == 0


def test_unreachable_or_refused_postgres_names_the_url_not_the_password(
    pg_server: str,
) -> None:
    with pytest.raises(LedgerConnectionError) as refused:
        open_ledger("postgresql://ann:s3cret@127.0.0.1:1/nothing")
    assert "127.0.0.1" in str(refused.value) and "s3cret" not in str(refused.value)
    wrong_user = pg_server.replace("postgres@", "nobody:s3cret@", 1)
    with pytest.raises(LedgerConnectionError) as denied:
        open_ledger(wrong_user)
    assert "nobody" in str(denied.value) and "s3cret" not in str(denied.value)
