"""The PostgreSQL ledger: the server option, behind the same protocol as SQLite.

psycopg stays inside this module: every driver error leaves it as a ``LedgerError`` (busy,
connection, schema, conflict), never as a psycopg exception. The schema is created and
migrated only on request (``init_postgres``/``migrate_postgres``, the ``ledger init`` and
``ledger migrate`` commands): a server database is shared and its schema is the operator's.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qsl, urlsplit, urlunsplit

from stationkit.errors import (
    LedgerBusyError,
    LedgerConnectionError,
    LedgerError,
    LedgerSchemaError,
    VersionConflictError,
)
from stationkit.lifecycle._events import Event, EventRow, EventRows, event_from_row, event_row
from stationkit.lifecycle._ledger import AppendResult, repeated_append
from stationkit.lifecycle._migrations import (
    POSTGRES_STEPS,
    SCHEMA_VERSION,
    pending_steps,
    too_new,
)

if TYPE_CHECKING:
    import psycopg

_COLUMNS = "event_id, record_id, machine, type, payload, at, actor"
_PAGE = 5000  # rows fetched per query when streaming the log
_RETRIES = 3  # a unique-key race is re-examined this many times before giving up
# One advisory lock key (any fixed number) serialises concurrent init/migrate runs.
_MIGRATION_LOCK = 0x5354_4B4C


def redact(url: str) -> str:
    """The URL without its password (in the authority or as a ``password=`` parameter)."""
    parts = urlsplit(url)
    netloc = parts.netloc
    if "@" in netloc:
        userinfo, host = netloc.rsplit("@", 1)
        user = userinfo.split(":", 1)[0]
        netloc = f"{user}:***@{host}" if ":" in userinfo else f"{user}@{host}"
    query = re.sub(r"(^|&)password=[^&]*", r"\1password=***", parts.query)
    return urlunsplit((parts.scheme, netloc, parts.path, query, parts.fragment))


def _secrets(url: str) -> list[str]:
    parts = urlsplit(url)
    found = [parts.password] if parts.password else []
    found += [v for k, v in parse_qsl(parts.query) if k == "password" and v]
    return found


def _driver() -> Any:
    try:
        import psycopg
    except ImportError:
        raise LedgerError(
            "a PostgreSQL ledger needs psycopg: pip install 'stationkit[postgresql]'"
        ) from None
    return psycopg


class PostgresLedger:
    """A ledger in a PostgreSQL database (tables ``stationkit_events`` and
    ``stationkit_schema_version``). Each instance holds one connection; use one per thread.

    Appends run in one transaction each; the version check is backed by the unique
    (record_id, version) constraint, so two writers racing on one record get a
    ``VersionConflictError``, never a lost update. ``timeout`` (seconds) bounds how long an
    append waits for locks before ``LedgerBusyError``.
    """

    def __init__(
        self, url: str, *, timeout: float = 30.0, connect_timeout: int = 10, read_only: bool = False
    ) -> None:
        self.url = redact(url)
        self.read_only = read_only
        self._secrets = _secrets(url)
        self._pg = _driver()
        self._conn: psycopg.Connection[Any] = self._connect(url, timeout, connect_timeout)
        found = self.schema_version()
        if found == 0:
            self.close()
            raise LedgerSchemaError(
                f"{self.url} holds no stationkit ledger; create it with "
                f"`stationkit ledger init {self.url}`"
            )
        if found != SCHEMA_VERSION:
            self.close()
            if found > SCHEMA_VERSION:
                raise LedgerSchemaError(too_new(self.url, found))
            raise LedgerSchemaError(
                f"{self.url}: ledger schema version {found} is older than {SCHEMA_VERSION}; "
                f"run `stationkit ledger migrate {self.url}`"
            )

    # --- connection and errors ----------------------------------------------------------------

    def _connect(self, url: str, timeout: float, connect_timeout: int) -> psycopg.Connection[Any]:
        try:
            conn: psycopg.Connection[Any] = self._pg.connect(
                url, autocommit=True, connect_timeout=connect_timeout
            )
        except self._pg.Error as error:
            raise LedgerConnectionError(
                f"cannot connect to PostgreSQL ledger {self.url}: {self._clean(error)}"
            ) from None
        try:
            conn.execute(f"SET lock_timeout = {max(1, int(timeout * 1000))}")
            if self.read_only:
                conn.execute("SET default_transaction_read_only = on")
        except self._pg.Error as error:
            conn.close()
            raise self._wrap(error) from None
        return conn

    def _clean(self, error: BaseException) -> str:
        text = str(error).strip().replace("\n", " ")
        for secret in self._secrets:
            text = text.replace(secret, "***")
        return text

    def _wrap(self, error: BaseException) -> LedgerError:
        """The ledger's error for a driver error."""
        errors = self._pg.errors
        text = self._clean(error)
        busy = (
            errors.LockNotAvailable,
            errors.QueryCanceled,
            errors.TooManyConnections,
            errors.SerializationFailure,
            errors.DeadlockDetected,
            errors.CannotConnectNow,
        )
        if isinstance(error, busy):
            return LedgerBusyError(
                f"PostgreSQL ledger {self.url} is busy ({text}); nothing was written, retry later"
            )
        if isinstance(error, errors.UndefinedTable):
            return LedgerSchemaError(
                f"{self.url} holds no stationkit ledger; create it with "
                f"`stationkit ledger init {self.url}`"
            )
        if isinstance(error, self._pg.OperationalError):
            return LedgerConnectionError(f"PostgreSQL ledger {self.url}: {text}")
        return LedgerError(f"PostgreSQL ledger {self.url}: {text}")

    def _query(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        try:
            return self._conn.execute(sql, params).fetchall()
        except self._pg.Error as error:
            raise self._wrap(error) from None

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> PostgresLedger:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def schema_version(self) -> int:
        return _stored_version(self._conn, self._pg, self._wrap)

    # --- appends ------------------------------------------------------------------------------

    def append(self, event: Event, expected_version: int) -> AppendResult:
        return self.append_batch([(event, expected_version)])[0]

    def append_batch(self, items: Iterable[tuple[Event, int]]) -> list[AppendResult]:
        if self.read_only:
            raise LedgerError(f"PostgreSQL ledger {self.url} is open read-only")
        batch = list(items)
        for attempt in range(_RETRIES):
            try:
                with self._conn.transaction():
                    return [self._append_one(event, expected) for event, expected in batch]
            except self._pg.errors.UniqueViolation:
                # Another writer inserted the same event id or the same (record, version)
                # between our check and our insert; the transaction is gone, so look again:
                # the next attempt sees their row and answers duplicate or conflict.
                if attempt == _RETRIES - 1:
                    raise LedgerBusyError(
                        f"PostgreSQL ledger {self.url}: appends kept racing with another "
                        "writer; nothing was written, retry later"
                    ) from None
            except self._pg.Error as error:
                raise self._wrap(error) from None
        raise AssertionError("unreachable")  # pragma: no cover

    def _append_one(self, event: Event, expected: int) -> AppendResult:
        conn = self._conn
        row = event_row(event)
        stored = conn.execute(
            f"SELECT {_COLUMNS}, version FROM stationkit_events WHERE event_id = %s",
            (event.event_id,),
        ).fetchone()
        if stored is not None:
            return repeated_append(stored, row)
        actual = self._version_in(conn, event.record_id)
        if actual != expected:
            raise VersionConflictError(event.record_id, expected, actual)
        conn.execute(
            f"INSERT INTO stationkit_events ({_COLUMNS}, version) "
            "VALUES (%s, %s, %s, %s, %s, %s, %s, %s)",
            (*row, expected + 1),
        )
        return AppendResult(event.event_id, event.record_id, expected + 1, False)

    @staticmethod
    def _version_in(conn: psycopg.Connection[Any], record_id: str) -> int:
        row = conn.execute(
            "SELECT COALESCE(MAX(version), 0) FROM stationkit_events WHERE record_id = %s",
            (record_id,),
        ).fetchone()
        return int(row[0]) if row else 0

    # --- reads --------------------------------------------------------------------------------

    def get(self, event_id: str) -> Event | None:
        rows = self._query(
            f"SELECT {_COLUMNS} FROM stationkit_events WHERE event_id = %s", (event_id,)
        )
        return event_from_row(rows[0]) if rows else None

    def version(self, record_id: str) -> int:
        rows = self._query(
            "SELECT COALESCE(MAX(version), 0) FROM stationkit_events WHERE record_id = %s",
            (record_id,),
        )
        return int(rows[0][0])

    def history(self, record_id: str) -> tuple[Event, ...]:
        rows = self._query(
            f"SELECT {_COLUMNS} FROM stationkit_events WHERE record_id = %s ORDER BY version",
            (record_id,),
        )
        return tuple(event_from_row(row) for row in rows)

    def events(self, machine: str | None = None) -> Iterator[Event]:
        """All events in append order (optionally of one machine), fetched a page at a time
        (keyed on the sequence number): the whole log never sits in memory at once."""
        return EventRows(self._rows(machine))

    def _rows(self, machine: str | None) -> Iterator[EventRow]:
        where = "seq > %s" if machine is None else "seq > %s AND machine = %s"
        sql = (
            f"SELECT seq, {_COLUMNS} FROM stationkit_events WHERE {where} "
            f"ORDER BY seq LIMIT {_PAGE}"
        )
        last = 0
        while True:
            params: tuple[Any, ...] = (last,) if machine is None else (last, machine)
            rows = self._query(sql, params)
            for row in rows:
                yield tuple(row[1:])
            if len(rows) < _PAGE:
                return
            last = int(rows[-1][0])


def _stored_version(conn: Any, pg: Any, wrap: Any) -> int:
    """The database's ledger schema version; 0 if it holds no ledger."""
    try:
        found = conn.execute(
            "SELECT to_regclass('stationkit_schema_version') IS NOT NULL, "
            "to_regclass('stationkit_events') IS NOT NULL"
        ).fetchone()
        if found[0]:
            row = conn.execute("SELECT version FROM stationkit_schema_version").fetchone()
            return int(row[0]) if row else 0
        return 1 if found[1] else 0
    except pg.Error as error:
        raise wrap(error) from None


def migrate_postgres(url: str, *, create: bool) -> tuple[int, int]:
    """Create (``create``) or migrate the ledger schema at ``url``; (before, after) versions.

    Runs in one transaction under an advisory lock: concurrent runs wait for each other, and
    a failure leaves the old schema whole. ``create`` on a database that already holds a
    ledger is refused (use migrate); migrate on one without a ledger is refused (use init).
    """
    pg = _driver()
    shown = redact(url)
    secrets = _secrets(url)

    def clean(error: BaseException) -> str:
        text = str(error).strip().replace("\n", " ")
        for secret in secrets:
            text = text.replace(secret, "***")
        return text

    def wrap(error: BaseException) -> LedgerError:
        if isinstance(error, pg.OperationalError):
            return LedgerConnectionError(f"PostgreSQL ledger {shown}: {clean(error)}")
        return LedgerError(f"PostgreSQL ledger {shown}: {clean(error)}")

    try:
        conn = pg.connect(url, autocommit=True, connect_timeout=10)
    except pg.Error as error:
        raise LedgerConnectionError(
            f"cannot connect to PostgreSQL ledger {shown}: {clean(error)}"
        ) from None
    try:
        with conn.transaction():
            conn.execute("SELECT pg_advisory_xact_lock(%s)", (_MIGRATION_LOCK,))
            before = _stored_version(conn, pg, wrap)
            if before > SCHEMA_VERSION:
                raise LedgerSchemaError(too_new(shown, before))
            if create and before:
                raise LedgerSchemaError(
                    f"{shown} already holds a stationkit ledger (schema version {before}); "
                    f"use `stationkit ledger migrate {shown}` to upgrade it"
                )
            if not create and not before:
                raise LedgerSchemaError(
                    f"{shown} holds no stationkit ledger; create it with "
                    f"`stationkit ledger init {shown}`"
                )
            for _, sql in pending_steps(POSTGRES_STEPS, before):
                conn.execute(sql)
            conn.execute(
                "CREATE TABLE IF NOT EXISTS stationkit_schema_version (version INTEGER NOT NULL)"
            )
            conn.execute("DELETE FROM stationkit_schema_version")
            conn.execute(
                "INSERT INTO stationkit_schema_version (version) VALUES (%s)", (SCHEMA_VERSION,)
            )
    except pg.Error as error:
        raise wrap(error) from None
    finally:
        conn.close()
    return before, SCHEMA_VERSION
