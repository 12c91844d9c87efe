"""The ledger's schema, versioned: each backend's steps from version 0 to the latest.

A ledger database records its schema version in a one-row table. ``init`` creates the
latest schema in an empty database; ``migrate`` applies the steps after the stored version.
Version 1 is the event table (SQLite files from before versioning hold exactly it, without
the version table); version 2 indexes events by machine for per-machine replays.
"""

from __future__ import annotations

SCHEMA_VERSION = 2
"""The schema version this stationkit writes and reads."""

SQLITE_STEPS: dict[int, tuple[str, ...]] = {
    1: (
        """
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
)""",
    ),
    2: ("CREATE INDEX IF NOT EXISTS events_machine ON events (machine, seq)",),
}

# PostgreSQL: the tables are prefixed, since a county's database holds other applications'.
POSTGRES_STEPS: dict[int, tuple[str, ...]] = {
    1: (
        """
CREATE TABLE stationkit_events (
    seq       BIGSERIAL PRIMARY KEY,
    event_id  TEXT NOT NULL UNIQUE,
    record_id TEXT NOT NULL,
    version   INTEGER NOT NULL,
    machine   TEXT NOT NULL,
    type      TEXT NOT NULL,
    payload   TEXT NOT NULL,
    at        TEXT NOT NULL,
    actor     TEXT,
    UNIQUE (record_id, version)
)""",
    ),
    2: ("CREATE INDEX stationkit_events_machine ON stationkit_events (machine, seq)",),
}

assert sorted(SQLITE_STEPS) == sorted(POSTGRES_STEPS) == list(range(1, SCHEMA_VERSION + 1))


def pending_steps(steps: dict[int, tuple[str, ...]], current: int) -> list[tuple[int, str]]:
    """The (version, statement) pairs to run to go from ``current`` to ``SCHEMA_VERSION``."""
    return [
        (version, sql)
        for version in range(current + 1, SCHEMA_VERSION + 1)
        for sql in steps[version]
    ]


def too_new(where: str, found: int) -> str:
    return (
        f"{where}: ledger schema version {found} is newer than this stationkit supports "
        f"({SCHEMA_VERSION}); upgrade stationkit"
    )
