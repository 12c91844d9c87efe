"""The SQLite ledger: the embedded default — one file, WAL, durable (synchronous=FULL) commits."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from stationkit.errors import DuplicateEventError, LedgerError, VersionConflictError
from stationkit.lifecycle._events import (
    Event,
    EventRow,
    EventRows,
    event_from_row,
    payload_json,
)
from stationkit.lifecycle._ledger import AppendResult

_SCHEMA = """
CREATE TABLE IF NOT EXISTS events (
    seq       INTEGER PRIMARY KEY AUTOINCREMENT,
    event_id  TEXT NOT NULL UNIQUE,
    record_id TEXT NOT NULL,
    version   INTEGER NOT NULL,
    machine   TEXT NOT NULL,
    type      TEXT NOT NULL,
    payload   TEXT NOT NULL,
    at        TEXT NOT NULL,
    actor     TEXT,
    UNIQUE (record_id, version)
);
"""
_COLUMNS = "event_id, record_id, machine, type, payload, at, actor"
SQLITE_MAGIC = b"SQLite format 3\x00"


def is_sqlite_file(path: Path) -> bool:
    with path.open("rb") as handle:
        return handle.read(16) == SQLITE_MAGIC


def _event(row: Any) -> Event:
    return event_from_row(row)


class SQLiteLedger:
    """A ledger in one SQLite file. Each instance holds one connection; use one per thread.

    Appends run in ``BEGIN IMMEDIATE`` transactions: the version check and the insert happen
    under the write lock, and UNIQUE(record_id, version) backs the check up, so two writers
    racing on one record get a ``VersionConflictError``, never a lost update.
    """

    def __init__(self, path: str | Path, *, timeout: float = 30.0) -> None:
        self.path = Path(path)
        try:
            self._db = sqlite3.connect(self.path, timeout=timeout, isolation_level=None)
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA synchronous=FULL")
            # Reading: replays scan the whole log. Map the file (256 MB window) and keep a
            # 64 MB page cache instead of the 2 MB default.
            self._db.execute("PRAGMA mmap_size=268435456")
            self._db.execute("PRAGMA cache_size=-65536")
            self._db.executescript(_SCHEMA)
        except sqlite3.DatabaseError as error:
            raise LedgerError(f"cannot open SQLite ledger {str(self.path)!r}: {error}") from None

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> SQLiteLedger:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def append(self, event: Event, expected_version: int) -> AppendResult:
        return self.append_batch([(event, expected_version)])[0]

    def append_batch(self, items: Iterable[tuple[Event, int]]) -> list[AppendResult]:
        db = self._db
        results: list[AppendResult] = []
        db.execute("BEGIN IMMEDIATE")
        try:
            for event, expected in items:
                results.append(self._append_one(event, expected))
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise
        return results

    def _append_one(self, event: Event, expected: int) -> AppendResult:
        db = self._db
        payload = payload_json(event.payload)
        at = event.at.isoformat()
        stored = db.execute(
            f"SELECT {_COLUMNS}, version FROM events WHERE event_id = ?", (event.event_id,)
        ).fetchone()
        if stored is not None:
            same = stored[:7] == (
                event.event_id,
                event.record_id,
                event.machine,
                event.type,
                payload,
                at,
                event.actor,
            )
            if not same:
                raise DuplicateEventError(event.event_id)
            return AppendResult(event.event_id, event.record_id, stored[7], True)
        actual = self._version(event.record_id)
        if actual != expected:
            raise VersionConflictError(event.record_id, expected, actual)
        try:
            db.execute(
                f"INSERT INTO events ({_COLUMNS}, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    event.event_id,
                    event.record_id,
                    event.machine,
                    event.type,
                    payload,
                    at,
                    event.actor,
                    expected + 1,
                ),
            )
        except sqlite3.IntegrityError:  # pragma: no cover - the lock makes this unreachable
            actual = self._version(event.record_id)
            raise VersionConflictError(event.record_id, expected, actual) from None
        return AppendResult(event.event_id, event.record_id, expected + 1, False)

    def _version(self, record_id: str) -> int:
        row = self._db.execute(
            "SELECT COALESCE(MAX(version), 0) FROM events WHERE record_id = ?", (record_id,)
        ).fetchone()
        return int(row[0])

    def get(self, event_id: str) -> Event | None:
        row = self._db.execute(
            f"SELECT {_COLUMNS} FROM events WHERE event_id = ?", (event_id,)
        ).fetchone()
        return _event(row) if row else None

    def version(self, record_id: str) -> int:
        return self._version(record_id)

    def history(self, record_id: str) -> tuple[Event, ...]:
        rows = self._db.execute(
            f"SELECT {_COLUMNS} FROM events WHERE record_id = ? ORDER BY version", (record_id,)
        )
        return tuple(_event(row) for row in rows)

    def events(self, machine: str | None = None) -> Iterator[Event]:
        """All events in append order (optionally of one machine), streamed from a cursor:
        the whole log never sits in memory at once. ``replay`` reads the rows directly."""
        if machine is None:
            return EventRows(self._rows(f"SELECT {_COLUMNS} FROM events ORDER BY seq", ()))
        return EventRows(
            self._rows(f"SELECT {_COLUMNS} FROM events WHERE machine = ? ORDER BY seq", (machine,))
        )

    def _rows(self, sql: str, parameters: tuple[str, ...]) -> Iterator[EventRow]:
        # A generator: the query runs when iteration starts, as it always has. A plain loop,
        # not ``yield from``: closing an abandoned generator must not close the cursor (that
        # fails once the ledger itself is closed).
        for row in self._db.execute(sql, parameters):  # noqa: UP028
            yield row
