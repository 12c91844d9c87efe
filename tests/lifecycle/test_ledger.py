"""The ledger contract: atomic, idempotent appends with expected versions, on every backend
(the ``ledger`` and ``ledger_url`` fixtures: memory, SQLite, PostgreSQL)."""

from __future__ import annotations

import threading
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from stationkit.lifecycle import (
    DuplicateEventError,
    Event,
    IllegalEventError,
    Ledger,
    Lifecycle,
    SQLiteLedger,
    VersionConflictError,
    base_definitions,
    replay,
)
from stationkit.lifecycle._open import open_ledger

T0 = datetime(2024, 5, 1, 10, 0)


def drill_event(record: str, n: int, type_: str, **payload: object) -> Event:
    return Event(
        f"{record}/{n}",
        record,
        type_,
        T0 + timedelta(minutes=n),
        "drill",
        payload,  # type: ignore[arg-type]
        "planner",
    )


def test_append_and_history(ledger: Ledger) -> None:
    first = ledger.append(drill_event("d1", 0, "plan"), 0)
    second = ledger.append(drill_event("d1", 1, "announce"), 1)
    assert (first.version, second.version) == (1, 2)
    assert [e.type for e in ledger.history("d1")] == ["plan", "announce"]
    assert ledger.version("d1") == 2 and ledger.version("nope") == 0
    assert ledger.get("d1/1") == drill_event("d1", 1, "announce")
    assert [e.event_id for e in ledger.events("drill")] == ["d1/0", "d1/1"]
    assert list(ledger.events("hazard")) == []


def test_duplicate_event_is_stored_once(ledger: Ledger) -> None:
    event = drill_event("d1", 0, "plan", kind="flood")
    ledger.append(event, 0)
    again = ledger.append(event, 0)  # a retry with the stale version is still a no-op
    assert again.duplicate and again.version == 1
    assert len(ledger.history("d1")) == 1
    with pytest.raises(DuplicateEventError):
        ledger.append(drill_event("d1", 0, "plan", kind="fire"), 1)


def test_stale_expected_version_conflicts_and_writes_nothing(ledger: Ledger) -> None:
    ledger.append(drill_event("d1", 0, "plan"), 0)
    with pytest.raises(VersionConflictError) as caught:
        ledger.append(drill_event("d1", 1, "announce"), 0)
    assert (caught.value.expected, caught.value.actual) == (0, 1)
    assert "d1" in str(caught.value)
    assert ledger.version("d1") == 1 and ledger.get("d1/1") is None


def test_batch_is_all_or_nothing(ledger: Ledger) -> None:
    with pytest.raises(VersionConflictError):
        ledger.append_batch(
            [
                (drill_event("d1", 0, "plan"), 0),
                (drill_event("d2", 0, "plan"), 0),
                (drill_event("d1", 1, "announce"), 0),
            ]
        )
    assert list(ledger.events()) == []
    results = ledger.append_batch(
        [(drill_event("d1", 0, "plan"), 0), (drill_event("d1", 1, "announce"), 1)]
    )
    assert [r.version for r in results] == [1, 2]


def test_refused_event_changes_nothing(ledger: Ledger) -> None:
    life = Lifecycle(ledger)
    life.submit(drill_event("d1", 0, "plan"))
    before = life.state("d1")
    with pytest.raises(IllegalEventError):
        life.submit(drill_event("d1", 1, "review", summary="x"))
    assert life.state("d1") == before
    assert ledger.version("d1") == 1


def test_replay_equals_live_state(ledger: Ledger) -> None:
    life = Lifecycle(ledger)
    live = {}
    for record in ("d1", "d2"):
        live[record] = life.submit(drill_event(record, 0, "plan")).state
        live[record] = life.submit(drill_event(record, 1, "keep_unannounced")).state
    assert replay(ledger.events(), base_definitions()) == live


def test_two_writers_on_one_record_conflict(ledger_url: str) -> None:
    with open_ledger(ledger_url) as a, open_ledger(ledger_url) as b:
        Lifecycle(a).submit(drill_event("d1", 0, "plan"))
        # both writers read version 1, then both try to append
        a.append(drill_event("d1", 1, "announce"), 1)
        with pytest.raises(VersionConflictError):
            b.append(drill_event("d1", 100, "keep_unannounced"), 1)
        assert [e.type for e in b.history("d1")] == ["plan", "announce"]


def test_racing_threads_never_lose_an_update(ledger_url: str) -> None:
    with open_ledger(ledger_url) as setup:
        setup.append(drill_event("d1", 0, "plan"), 0)
    barrier = threading.Barrier(4)
    outcomes: list[str] = []
    lock = threading.Lock()

    def writer(index: int) -> None:
        with open_ledger(ledger_url) as store:
            version = store.version("d1")
            barrier.wait()
            try:
                store.append(drill_event("d1", 10 + index, "announce"), version)
                result = "ok"
            except VersionConflictError:
                result = "conflict"
        with lock:
            outcomes.append(result)

    threads = [threading.Thread(target=writer, args=(i,)) for i in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == ["conflict", "conflict", "conflict", "ok"]
    with open_ledger(ledger_url) as check:
        assert check.version("d1") == 2


def test_sqlite_runs_in_wal_mode(tmp_path: Path) -> None:
    with SQLiteLedger(tmp_path / "d.sqlite") as store:
        assert store._db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_stored_across_connections(ledger_url: str) -> None:
    with open_ledger(ledger_url) as store:
        store.append(drill_event("d1", 0, "plan", kind="fire"), 0)
    with open_ledger(ledger_url) as store:
        (event,) = store.history("d1")
        assert event.payload == {"kind": "fire"} and event.at == T0
