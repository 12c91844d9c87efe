"""Ledgers read from untrusted files: read-only, rows named when bad, busy is the ledger's
own error, JSON-lines replay as the ledger stores events."""

from __future__ import annotations

import json
import sqlite3
from datetime import datetime
from pathlib import Path

import pytest

from stationkit.errors import LedgerError
from stationkit.lifecycle import Event, SQLiteLedger
from stationkit.lifecycle._events import read_events_jsonl


def _event(n: int, **changes: object) -> Event:
    fields: dict[str, object] = {
        "event_id": f"e{n}",
        "record_id": "h1",
        "type": "report",
        "at": datetime(2024, 1, n, 8),
        "machine": "hazard",
    }
    fields.update(changes)
    return Event(**fields)  # type: ignore[arg-type]


@pytest.fixture
def stored(tmp_path: Path) -> Path:
    path = tmp_path / "ledger.sqlite"
    with SQLiteLedger(path) as ledger:
        ledger.append(_event(1), 0)
    return path


def test_a_read_only_ledger_never_writes_the_file(stored: Path) -> None:
    before = stored.read_bytes()
    with SQLiteLedger(stored, read_only=True) as ledger:
        assert [e.event_id for e in ledger.events()] == ["e1"]
        with pytest.raises(LedgerError, match="read-only"):
            ledger.append(_event(2), 1)
    assert stored.read_bytes() == before


def test_a_read_only_ledger_keeps_the_files_journal_mode(tmp_path: Path) -> None:
    path = tmp_path / "plain.sqlite"
    db = sqlite3.connect(path)
    db.execute(
        "CREATE TABLE events (seq INTEGER PRIMARY KEY, event_id TEXT, record_id TEXT, "
        "version INTEGER, machine TEXT, type TEXT, payload TEXT, at TEXT, actor TEXT)"
    )
    db.commit()
    db.close()
    before = path.read_bytes()
    with SQLiteLedger(path, read_only=True) as ledger:
        assert list(ledger.events()) == []
    assert path.read_bytes() == before  # no table added, not switched to WAL
    assert not (tmp_path / "plain.sqlite-wal").exists()


def test_a_busy_ledger_raises_the_ledgers_own_error(stored: Path) -> None:
    holder = sqlite3.connect(stored, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        with (
            SQLiteLedger(stored, timeout=0.05) as ledger,
            pytest.raises(LedgerError, match="locked"),
        ):
            ledger.append(_event(2), 1)
    finally:
        holder.execute("ROLLBACK")
        holder.close()


def test_a_bad_row_is_named_by_its_seq_and_event_id(stored: Path) -> None:
    db = sqlite3.connect(stored)
    db.execute("UPDATE events SET at = 'soon' WHERE event_id = 'e1'")
    db.commit()
    db.close()
    with SQLiteLedger(stored, read_only=True) as ledger:
        assert ledger.bad_row() == "row 1 (event_id 'e1'): at 'soon' is not an ISO date-time"


def test_another_schema_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.sqlite"
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE events (id, body)")
    db.commit()
    db.close()
    with pytest.raises(LedgerError, match="another schema"):
        SQLiteLedger(path, read_only=True)


def _write(path: Path, *events: Event) -> Path:
    path.write_text("".join(json.dumps(e.to_json()) + "\n" for e in events), encoding="utf-8")
    return path


def test_a_repeated_event_id_with_the_same_content_is_applied_once(tmp_path: Path) -> None:
    path = _write(tmp_path / "e.jsonl", _event(1), _event(1), _event(2, type="assess"))
    assert [e.event_id for e in read_events_jsonl(path)] == ["e1", "e2"]


def test_a_repeated_event_id_with_other_content_names_both_lines(tmp_path: Path) -> None:
    path = _write(tmp_path / "e.jsonl", _event(1), _event(1, type="assess"))
    with pytest.raises(LedgerError, match=r"e\.jsonl:2: event id 'e1' was used on line 1"):
        list(read_events_jsonl(path))


def test_a_record_going_back_in_time_names_both_lines(tmp_path: Path) -> None:
    path = _write(tmp_path / "e.jsonl", _event(3), _event(4, at=datetime(2024, 1, 2)))
    with pytest.raises(LedgerError, match=r"e\.jsonl:2: record 'h1' goes back in time.*line 1"):
        list(read_events_jsonl(path))


def test_a_payload_with_nan_is_never_stored(tmp_path: Path) -> None:
    with SQLiteLedger(tmp_path / "l.sqlite") as ledger, pytest.raises(LedgerError, match="NaN"):
        ledger.append(_event(1, payload={"x": float("nan")}), 0)
