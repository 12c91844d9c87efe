"""Ledgers by URL: ``sqlite:///path.db`` (the embedded default) or ``postgresql://user@host/db``.

``sqlite:///ledger.db`` is a path relative to the working directory and
``sqlite:////var/lib/ledger.db`` an absolute one (SQLAlchemy's convention); a bare path is a
SQLite file too. ``postgres://`` is accepted as ``postgresql://``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

import attrs

from stationkit.errors import LedgerError, LedgerSchemaError
from stationkit.lifecycle._ledger import Ledger
from stationkit.lifecycle._migrations import SCHEMA_VERSION
from stationkit.lifecycle._postgres import PostgresLedger, migrate_postgres, redact
from stationkit.lifecycle._sqlite import SQLiteLedger

_MAX_URL = 4096


class StoredLedger(Ledger, Protocol):
    """A ledger in a database: closed when done, and a context manager."""

    def close(self) -> None: ...

    def schema_version(self) -> int: ...


@attrs.frozen
class LedgerURL:
    """A parsed ledger URL: ``backend`` is ``"sqlite"`` (with ``path``) or ``"postgresql"``."""

    backend: str
    url: str
    path: Path | None = None

    @property
    def shown(self) -> str:
        """The URL as printed: never with its password."""
        return redact(self.url) if self.backend == "postgresql" else self.url


def parse_ledger_url(url: str) -> LedgerURL:
    """Recognise a ledger URL; a ``LedgerError`` names what is wrong with it."""
    if not url or len(url) > _MAX_URL:
        raise LedgerError(f"a ledger URL must be 1 to {_MAX_URL} characters")
    if url.startswith(("postgresql://", "postgres://")):
        return LedgerURL("postgresql", "postgresql://" + url.split("://", 1)[1])
    if url.startswith("sqlite:"):
        if not url.startswith("sqlite:///") or len(url) == len("sqlite:///"):
            raise LedgerError(
                f"ledger URL {url!r}: expected sqlite:///relative/path.db or "
                "sqlite:////absolute/path.db"
            )
        return LedgerURL("sqlite", url, Path(url[len("sqlite:///") :]))
    scheme = url.split("://", 1)[0] if "://" in url else None
    if scheme is not None:
        raise LedgerError(
            f"ledger URL scheme {scheme!r} is not supported; use sqlite:///PATH or "
            "postgresql://USER@HOST/DB"
        )
    return LedgerURL("sqlite", url, Path(url))


def open_ledger(
    url: str | LedgerURL, *, read_only: bool = False, timeout: float = 30.0
) -> SQLiteLedger | PostgresLedger:
    """Open the ledger at ``url``. A SQLite file is created (or migrated) on first write
    use; a PostgreSQL database must have been initialised (``init_ledger``)."""
    target = url if isinstance(url, LedgerURL) else parse_ledger_url(url)
    if target.backend == "postgresql":
        return PostgresLedger(target.url, timeout=timeout, read_only=read_only)
    assert target.path is not None
    return SQLiteLedger(target.path, timeout=timeout, read_only=read_only)


def init_ledger(url: str) -> tuple[int, int]:
    """Create the ledger schema at ``url``: (version before, version after)."""
    target = parse_ledger_url(url)
    if target.backend == "postgresql":
        return migrate_postgres(target.url, create=True)
    assert target.path is not None
    if target.path.exists() and target.path.stat().st_size:
        with SQLiteLedger(target.path, read_only=True) as existing:
            found = existing.schema_version()
        raise LedgerSchemaError(
            f"{target.shown} already holds a stationkit ledger (schema version {found}); "
            f"use `stationkit ledger migrate {target.shown}` to upgrade it"
        )
    with SQLiteLedger(target.path):
        pass
    return 0, SCHEMA_VERSION


def migrate_ledger(url: str) -> tuple[int, int]:
    """Bring the ledger schema at ``url`` to this stationkit's version: (before, after)."""
    target = parse_ledger_url(url)
    if target.backend == "postgresql":
        return migrate_postgres(target.url, create=False)
    assert target.path is not None
    if not target.path.is_file():
        raise LedgerError(f"no such SQLite ledger: {str(target.path)!r}")
    with SQLiteLedger(target.path, read_only=True) as existing:  # refuses a non-ledger file
        before = existing.schema_version()
    with SQLiteLedger(target.path):  # opening for writing migrates, in one transaction
        pass
    return before, SCHEMA_VERSION
