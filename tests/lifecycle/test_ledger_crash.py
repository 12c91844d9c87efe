"""Crash and race tests on each database backend, with real processes.

A writer killed with SIGKILL mid-append loses no acknowledged event and leaves no partial one;
two writers racing on one record lose no update, and their races surface only as
``VersionConflictError`` (any other error ends a child with a non-zero status).
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from ledger_child import crash_event

from stationkit.lifecycle._open import open_ledger

CHILD = Path(__file__).parent.parent / "ledger_child.py"
KILLS = 20
RACE_APPENDS = 5000


def _child(*args: str) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    return subprocess.Popen(
        [sys.executable, str(CHILD), *args],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )


@pytest.mark.slow
def test_sigkill_mid_append_loses_no_acknowledged_event(ledger_url: str) -> None:
    rng = random.Random(14)
    acknowledged: list[str] = []
    for _ in range(KILLS):
        child = _child("crash", ledger_url, "h1")
        assert child.stdout is not None
        first = child.stdout.readline()  # it is appending now
        assert first, child.communicate()[1]
        time.sleep(rng.uniform(0.0, 0.15))
        child.send_signal(signal.SIGKILL)
        rest, _ = child.communicate()
        assert child.returncode == -signal.SIGKILL
        acknowledged += [first.strip(), *rest.split()]
    with open_ledger(ledger_url) as ledger:
        history = ledger.history("h1")
    stored = {event.event_id for event in history}
    assert len(acknowledged) > KILLS
    assert [a for a in acknowledged if a not in stored] == []  # 0 acknowledged lost
    # 0 partial: every stored event whole, versions 1..n without a gap.
    assert list(history) == [crash_event("h1", v) for v in range(1, len(history) + 1)]


@pytest.mark.slow
def test_two_processes_racing_on_one_record_lose_no_update(ledger_url: str) -> None:
    children = [_child("race", ledger_url, "h1", tag, str(RACE_APPENDS)) for tag in "ab"]
    for child in children:  # both connected: start them together
        assert child.stdin is not None
        child.stdin.write("go\n")
        child.stdin.flush()
    outputs = [child.communicate(timeout=300) for child in children]
    for child, (_, err) in zip(children, outputs, strict=True):
        assert child.returncode == 0, err  # only VersionConflictError was raised, and retried
    with open_ledger(ledger_url) as ledger:
        history = ledger.history("h1")
    assert len(history) == 2 * RACE_APPENDS
    assert {e.event_id for e in history} == {
        f"{tag}/{n}" for tag in "ab" for n in range(RACE_APPENDS)
    }
    for tag in "ab":  # each writer's events in its own order
        mine = [e.payload["n"] for e in history if e.actor == tag]
        assert mine == list(range(RACE_APPENDS))
