"""Lifecycle benchmark: the hazard closed loop via stationkit vs a hand-written dict table,
and a replay of a SQLite ledger. Not a timed test: it prints measurements; its last line is
one JSON object. Usage: python benchmarks/lifecycle.py [--n 100000] [--replay-events N] [--repeat 5]
"""

from __future__ import annotations

import argparse
import gc
import json
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable, Sequence
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from stationkit.lifecycle import (
    Event,
    RecordState,
    SQLiteLedger,
    base_machine,
    replay,
)

LOOP = ("report", "assess", "assign", "start_rectification", "claim_rectified", "verify", "close")
START = datetime(2024, 3, 1, 8, 0)


def hazard_events(n: int, prefix: str = "h") -> list[Event]:
    """n hazards through the 7-event loop, stage by stage (records interleave as in life)."""
    events: list[Event] = []
    deadline = (START.date() + timedelta(days=20)).isoformat()
    payloads: dict[str, dict[str, Any]] = {
        "report": {"level": "village", "description": "blocked fire exit"},
        "assess": {"grade": "general", "level": "village"},
        "assign": {"responsible": "unit-7", "deadline": deadline},
    }
    actors = {
        "report": "grid-1",
        "assess": "township-1",
        "assign": "township-1",
        "start_rectification": "unit-7",
        "claim_rectified": "unit-7",
        "verify": "inspector-2",
        "close": "township-1",
    }
    for stage, trigger in enumerate(LOOP):
        at = START + timedelta(days=stage)
        payload = payloads.get(trigger, {})
        actor = actors[trigger]
        for i in range(n):
            record = f"{prefix}{i}"
            events.append(Event(f"{record}/{stage}", record, trigger, at, "hazard", payload, actor))
    return events


# The baseline: what a developer would write by hand for the same loop and the same guards.
_TABLE: dict[str, dict[str, str]] = {
    "[*]": {"report": "reported"},
    "reported": {"assess": "assessed", "reject": "rejected"},
    "assessed": {"assign": "assigned", "reject": "rejected"},
    "escalated": {"assign": "assigned"},
    "assigned": {"start_rectification": "rectifying", "escalate": "escalated"},
    "rectifying": {
        "claim_rectified": "rectification_claimed",
        "request_extension": "extension_requested",
        "escalate": "escalated",
    },
    "extension_requested": {
        "grant_extension": "rectifying",
        "deny_extension": "rectifying",
        "escalate": "escalated",
    },
    "rectification_claimed": {"verify": "verified", "fail_verification": "rectifying"},
    "verified": {"close": "closed"},
    "closed": {"reopen": "assessed"},
}
_LEVELS = ("village", "township", "county", "prefecture", "province")


def baseline(events: Sequence[Event]) -> dict[str, dict[str, Any]]:
    records: dict[str, dict[str, Any]] = {}
    for ev in events:
        rec = records.get(ev.record_id)
        state = rec["state"] if rec is not None else "[*]"
        dest = _TABLE.get(state, {}).get(ev.type)
        if dest is None:
            raise ValueError(f"{ev.record_id}: {ev.type} not allowed in {state}")
        p = ev.payload
        t = ev.type
        if rec is None:
            level = p.get("level", "village")
            if level not in _LEVELS:
                raise ValueError("level")
            rec = {"version": 0, "level": level, "reporter": ev.actor}
            records[ev.record_id] = rec
        elif t == "assess":
            if p.get("grade") not in ("general", "major"):
                raise ValueError("grade")
            if "level" in p and p["level"] not in _LEVELS:
                raise ValueError("level")
            rec["grade"] = p["grade"]
            rec["level"] = p.get("level", rec["level"])
        elif t == "assign":
            unit = p.get("responsible")
            if not isinstance(unit, str) or not unit.strip():
                raise ValueError("responsible")
            raw = p.get("deadline")
            if not isinstance(raw, str):
                raise ValueError("deadline")
            deadline = date.fromisoformat(raw[:10])
            if deadline < ev.at.date():
                raise ValueError("deadline")
            rec["deadline"] = p["deadline"]
            rec["responsible"] = unit
            rec["assigned_by"] = ev.actor
        elif t == "claim_rectified":
            if not ev.actor:
                raise ValueError("actor")
            rec["rectifier"] = ev.actor
        elif t == "verify":
            if ev.actor is None or ev.actor == rec.get("rectifier"):
                raise ValueError("verifier")
            rec["verifier"] = ev.actor
        rec["state"] = dest
        rec["version"] += 1
        rec["updated_at"] = ev.at
    return records


def timed(fn: Callable[[], Any]) -> tuple[float, Any]:
    gc.collect()
    start = time.perf_counter()
    result = fn()
    return time.perf_counter() - start, result


def peak_mb(fn: Callable[[], Any]) -> float:
    gc.collect()
    tracemalloc.start()
    fn()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak / 1e6


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--n", type=int, default=100_000, help="hazard records (7 events each)")
    parser.add_argument(
        "--replay-events",
        type=int,
        default=None,
        help="events in the SQLite replay (default 10 x n)",
    )
    parser.add_argument(
        "--repeat", type=int, default=5, help="best of this many (interleaved) runs"
    )
    parser.add_argument("--no-memory", action="store_true", help="skip the tracemalloc pass")
    args = parser.parse_args(argv)
    n = args.n
    replay_n = args.replay_events if args.replay_events is not None else 10 * n

    hazard = base_machine("hazard")
    definitions = {"hazard": hazard}
    events = hazard_events(n)

    def via_stationkit() -> dict[str, RecordState]:
        return replay(events, definitions)

    def via_baseline() -> dict[str, dict[str, Any]]:
        return baseline(events)

    # Interleaved (stationkit, baseline, stationkit, ...) so that both sides see the same
    # machine: on a shared VM, load that comes and goes would otherwise skew the ratio.
    runs: dict[str, list[float]] = {"stationkit": [], "baseline": []}
    for _ in range(args.repeat):
        runs["stationkit"].append(timed(via_stationkit)[0])
        runs["baseline"].append(timed(via_baseline)[0])
    seconds = min(runs["stationkit"])
    baseline_seconds = min(runs["baseline"])
    states = via_stationkit()
    by_hand = via_baseline()
    assert all(s.state == "closed" for s in states.values()), "every hazard should be closed"
    assert {k: v["state"] for k, v in by_hand.items()} == {k: s.state for k, s in states.items()}
    memory = (
        {}
        if args.no_memory
        else {
            "peak_mb": round(peak_mb(via_stationkit), 1),
            "baseline_peak_mb": round(peak_mb(via_baseline), 1),
        }
    )
    print(
        f"hazard loop: {len(events)} events over {n} records: stationkit {seconds:.3f} s, "
        f"dict table {baseline_seconds:.3f} s, ratio {seconds / baseline_seconds:.2f}"
    )

    # SQLite: write the ledger (untimed setup, one transaction per batch), then replay it.
    records_for_replay = max(1, replay_n // len(LOOP))
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "ledger.sqlite"
        with SQLiteLedger(path) as ledger:
            written = 0
            batch: list[tuple[Event, int]] = []
            for event in hazard_events(records_for_replay, prefix="r"):
                if written >= replay_n:
                    break
                batch.append((event, LOOP.index(event.type)))
                written += 1
                if len(batch) >= 50_000:
                    ledger.append_batch(batch)
                    batch = []
            if batch:
                ledger.append_batch(batch)
            # ``ledger.events()`` streams stored rows; ``replay`` reads them directly.
            replay_seconds, replayed = timed(lambda: replay(ledger.events(), definitions))
    assert sum(state.version for state in replayed.values()) == written, "events were lost"
    print(
        f"sqlite replay: {written} events, {len(replayed)} records in {replay_seconds:.3f} s "
        f"({written / replay_seconds:,.0f} events/s)"
    )
    print(
        json.dumps(
            {
                "name": "lifecycle.hazard_loop",
                "n": n,
                "events": len(events),
                "seconds": round(seconds, 4),
                "baseline_seconds": round(baseline_seconds, 4),
                "ratio": round(seconds / baseline_seconds, 3),
                **memory,
                "sqlite_replay_events": written,
                "sqlite_replay_seconds": round(replay_seconds, 4),
                "python": sys.version.split()[0],
            }
        )
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
