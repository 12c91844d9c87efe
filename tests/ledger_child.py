"""A ledger writer run as a child process by the crash and race tests.

``crash URL RECORD``: append to RECORD forever, printing each event id once its append has
returned (is acknowledged). ``race URL RECORD TAG COUNT``: make COUNT appends to RECORD, each
at the version just read (starting when a line arrives on stdin), retrying on
``VersionConflictError``; print the number of conflicts.
Any other error ends the child with a traceback and a non-zero status.
"""

from __future__ import annotations

import sys
from datetime import datetime, timedelta

from stationkit.lifecycle import Event, VersionConflictError
from stationkit.lifecycle._open import open_ledger

T0 = datetime(2024, 5, 1, 9)
BLOB = "隐患" * 200  # a payload large enough that a torn write would show


def crash_event(record: str, version: int) -> Event:
    return Event(
        f"{record}/{version}",
        record,
        "note",
        T0 + timedelta(seconds=version),
        "hazard",
        {"n": version, "blob": BLOB},
        "child",
    )


def crash(url: str, record: str) -> None:
    with open_ledger(url) as ledger:
        while True:
            version = ledger.version(record)
            ledger.append(crash_event(record, version + 1), version)
            print(f"{record}/{version + 1}", flush=True)


def race(url: str, record: str, tag: str, count: int) -> None:
    conflicts = 0
    with open_ledger(url) as ledger:
        sys.stdin.readline()  # start together: the parent writes a line once both are ready
        for n in range(count):
            event = Event(f"{tag}/{n}", record, "note", T0, "hazard", {"n": n}, tag)
            while True:
                try:
                    ledger.append(event, ledger.version(record))
                    break
                except VersionConflictError:
                    conflicts += 1
    print(conflicts, flush=True)


if __name__ == "__main__":
    if sys.argv[1] == "crash":
        crash(sys.argv[2], sys.argv[3])
    else:
        race(sys.argv[2], sys.argv[3], sys.argv[4], int(sys.argv[5]))
