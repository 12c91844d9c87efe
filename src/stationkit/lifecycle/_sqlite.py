"""The SQLite ledger: the embedded default — one file, WAL, durable (synchronous=FULL) commits."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

from stationkit.errors import (
    LedgerBusyError,
    LedgerError,
    LedgerSchemaError,
    VersionConflictError,
)
from stationkit.lifecycle._events import (
    Event,
    EventRow,
    EventRows,
    event_from_row,
    event_row,
)
from stationkit.lifecycle._ledger import AppendResult, repeated_append
from stationkit.lifecycle._migrations import SCHEMA_VERSION, SQLITE_STEPS, pending_steps, too_new
from stationkit.records._strict_json import JsonRefusedError, parse_json

_COLUMNS = "event_id, record_id, machine, type, payload, at, actor"
#: The columns a ledger's ``events`` table must have; another table of that name is refused.
REQUIRED_COLUMNS = frozenset(
    ("seq", "event_id", "record_id", "version", "machine", "type", "payload", "at", "actor")
)
SQLITE_MAGIC = b"SQLite format 3\x00"


def is_sqlite_file(path: Path) -> bool:
    with path.open("rb") as handle:
        return handle.read(16) == SQLITE_MAGIC


def _event(row: Any) -> Event:
    return event_from_row(row)


def _busy(error: sqlite3.OperationalError) -> bool:
    text = str(error)
    return "locked" in text or "busy" in text


def _schema_version(db: sqlite3.Connection) -> int:
    """The stored schema version; 1 for a file from before versioning, 0 for an empty one."""
    tables = {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    if "schema_version" in tables:
        row = db.execute("SELECT version FROM schema_version").fetchone()
        return int(row[0]) if row else 0
    return 1 if "events" in tables else 0


class SQLiteLedger:
    """A ledger in one SQLite file. Each instance holds one connection; use one per thread.

    Appends run in ``BEGIN IMMEDIATE`` transactions: the version check and the insert happen
    under the write lock, and UNIQUE(record_id, version) backs the check up, so two writers
    racing on one record get a ``VersionConflictError``, never a lost update.
    """

    def __init__(self, path: str | Path, *, timeout: float = 30.0, read_only: bool = False) -> None:
        """Open (and, unless ``read_only``, create or migrate) the ledger file at ``path``.

        ``timeout`` is how long a write waits for another writer's lock before
        ``LedgerBusyError``. A read-only ledger never writes to the file (replays use one).
        """
        self.path = Path(path)
        self.read_only = read_only
        try:
            if read_only:
                if not self.path.is_file():
                    raise LedgerError(f"no such SQLite ledger: {str(self.path)!r}")
                uri = f"{self.path.resolve().as_uri()}?mode=ro"
                self._db = sqlite3.connect(uri, uri=True, timeout=timeout, isolation_level=None)
            else:
                self._db = sqlite3.connect(self.path, timeout=timeout, isolation_level=None)
                self._db.execute("PRAGMA journal_mode=WAL")
                self._db.execute("PRAGMA synchronous=FULL")
            # Reading: replays scan the whole log. Map the file (256 MB window) and keep a
            # 64 MB page cache instead of the 2 MB default.
            self._db.execute("PRAGMA mmap_size=268435456")
            self._db.execute("PRAGMA cache_size=-65536")
            found = _schema_version(self._db)
            if found > SCHEMA_VERSION:
                raise LedgerSchemaError(too_new(str(self.path), found))
            if read_only and found == 0:
                raise LedgerSchemaError(f"{str(self.path)!r} holds no stationkit ledger")
            if not read_only:
                self.migrate()
            self._check_columns()
        except sqlite3.OperationalError as error:
            if _busy(error):
                raise LedgerBusyError(
                    f"SQLite ledger {str(self.path)!r} is locked by another writer: {error}"
                ) from None
            raise LedgerError(f"cannot open SQLite ledger {str(self.path)!r}: {error}") from None
        except sqlite3.DatabaseError as error:
            raise LedgerError(f"cannot open SQLite ledger {str(self.path)!r}: {error}") from None

    def _check_columns(self) -> None:
        columns = {row[1] for row in self._db.execute("PRAGMA table_info(events)")}
        missing = sorted(REQUIRED_COLUMNS - columns)
        if missing:
            raise LedgerSchemaError(
                f"SQLite ledger {str(self.path)!r}: its events table has another schema "
                f"(no column {', '.join(missing)})"
            )

    def schema_version(self) -> int:
        return _schema_version(self._db)

    def migrate(self) -> tuple[int, int]:
        """Bring the file's schema to the latest version; (version before, version after).

        The steps run in one write transaction, so a crash leaves the old schema whole.
        """
        db = self._db
        if _schema_version(db) == SCHEMA_VERSION:
            return SCHEMA_VERSION, SCHEMA_VERSION  # current: no write lock needed
        db.execute("BEGIN IMMEDIATE")
        try:
            before = _schema_version(db)  # again, under the lock: another opener may have won
            if before > SCHEMA_VERSION:
                raise LedgerSchemaError(too_new(str(self.path), before))
            if before < SCHEMA_VERSION:
                for _, sql in pending_steps(SQLITE_STEPS, before):
                    db.execute(sql)
                db.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)")
                db.execute("DELETE FROM schema_version")
                db.execute("INSERT INTO schema_version (version) VALUES (?)", (SCHEMA_VERSION,))
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise
        return before, SCHEMA_VERSION

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> SQLiteLedger:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def append(self, event: Event, expected_version: int) -> AppendResult:
        return self.append_batch([(event, expected_version)])[0]

    def append_batch(self, items: Iterable[tuple[Event, int]]) -> list[AppendResult]:
        if self.read_only:
            raise LedgerError(f"SQLite ledger {str(self.path)!r} is open read-only")
        db = self._db
        results: list[AppendResult] = []
        try:
            db.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as error:
            if _busy(error):
                raise LedgerBusyError(
                    f"SQLite ledger {str(self.path)!r} stayed locked by another writer; "
                    "nothing was written, retry later"
                ) from None
            raise LedgerError(f"SQLite ledger {str(self.path)!r}: {error}") from None
        try:
            for event, expected in items:
                results.append(self._append_one(event, expected))
            db.execute("COMMIT")
        except sqlite3.Error as error:
            if db.in_transaction:
                db.execute("ROLLBACK")
            kind = (
                LedgerBusyError
                if isinstance(error, sqlite3.OperationalError) and _busy(error)
                else LedgerError
            )
            raise kind(f"SQLite ledger {str(self.path)!r}: {error}; nothing was written") from None
        except BaseException:
            if db.in_transaction:
                db.execute("ROLLBACK")
            raise
        return results

    def _append_one(self, event: Event, expected: int) -> AppendResult:
        db = self._db
        row = event_row(event)
        stored = db.execute(
            f"SELECT {_COLUMNS}, version FROM events WHERE event_id = ?", (event.event_id,)
        ).fetchone()
        if stored is not None:
            return repeated_append(stored, row)
        actual = self._version(event.record_id)
        if actual != expected:
            raise VersionConflictError(event.record_id, expected, actual)
        try:
            db.execute(
                f"INSERT INTO events ({_COLUMNS}, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (*row, expected + 1),
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
        try:
            for row in self._db.execute(sql, parameters):  # noqa: UP028
                yield row
        except sqlite3.DatabaseError as error:  # a corrupt page, a file changed underneath
            raise LedgerError(f"SQLite ledger {str(self.path)!r}: {error}") from None

    def bad_row(self) -> str | None:
        """The first stored row that is not an event, with its ``seq`` and what is wrong; None
        when every row is sound. For error reports: replay reads rows unchecked, for speed,
        and this names the row when one of them makes it fail."""
        try:
            rows = self._db.execute(f"SELECT seq, {_COLUMNS} FROM events ORDER BY seq")
            for seq, *row in rows:
                problem = _row_problem(row)
                if problem is not None:
                    return f"row {seq} (event_id {str(row[0])[:80]!r}): {problem}"
        except sqlite3.DatabaseError as error:
            return str(error)
        return None


def _row_problem(row: list[Any]) -> str | None:
    for name, value in zip(_COLUMNS.split(", "), row, strict=True):
        if name == "actor" and value is None:
            continue
        if not isinstance(value, str):
            return f"{name} is {type(value).__name__}, not text"
        if name not in ("payload", "actor") and not value:
            return f"{name} is empty"
    try:
        datetime.fromisoformat(row[5])
    except ValueError:
        return f"at {row[5][:60]!r} is not an ISO date-time"
    try:
        payload = parse_json(row[4])
    except (ValueError, JsonRefusedError) as error:
        return f"payload is not strict JSON: {error}"
    if not isinstance(payload, dict):
        return "payload is not a JSON object"
    return None
