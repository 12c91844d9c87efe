"""Monitor benchmark: the same observations decided by the python engine, by the durable
engine (the adapter: shared ruleset, sid, lock, recording actions, exactly-one check), and by
raw durable ``post()`` in the same run; then whole monitors on a hazard stream.

Not a timed test: it prints measurements; its last line is one JSON object with
``ratio`` = durable engine seconds / raw durable seconds (target <= 1.2), the events per
second of each, and the peak growth of the resident memory over each run (target: flat,
< 50 MB over a million events). Usage: python benchmarks/monitor.py [--events 1000000]
"""

from __future__ import annotations

import argparse
import gc
import json
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from stationkit import Text
from stationkit.lifecycle import Event, resolve_machine
from stationkit.monitor import (
    Rule,
    durable_unavailable,
    field,
    open_monitor,
    rules_in_force,
)
from stationkit.monitor._durable import DurableDecider, _get_runtime
from stationkit.monitor._python import PythonDecider

# Quanzhou's drill limits, written out here so the benchmark needs no plugin.
LIMITS = {"assembled": 300, "departed": 600, "arrived": 900, "rescue_started": 1200}
TITLE = Text("限时", "limit")
SAMPLE_EVERY = 50_000
PAGE = 4096


def rules() -> tuple[Rule, ...]:
    found: list[Rule] = []
    for milestone, limit in LIMITS.items():
        same = field("milestone") == milestone
        found.append(
            Rule(
                f"b.{milestone}.late",
                "drill.response",
                (same, field("seconds") > limit),
                "alert",
                TITLE,
                message=Text("{record}", "{record}"),
            )
        )
        found.append(
            Rule(
                f"b.{milestone}.ok",
                "drill.response",
                (same, field("seconds") <= limit),
                "none",
                TITLE,
            )
        )
    return rules_in_force(found)


def observations(n: int) -> Iterator[dict[str, Any]]:
    names = tuple(LIMITS)
    for i in range(n):
        seconds = (i * 37) % 1500
        yield {
            "topic": "drill.response",
            "record": f"D{i % 1000}",
            "milestone": names[i % 4],
            "seconds": seconds,
            "minutes": "x",
        }


def rss_mb() -> float:
    try:
        pages = int(Path("/proc/self/statm").read_text().split()[1])
    except OSError:  # not Linux: the peak reported is then 0
        return 0.0
    return pages * PAGE / 2**20


def measure(name: str, n: int, run: Callable[[Iterator[dict[str, Any]]], int]) -> dict[str, Any]:
    gc.collect()
    start_rss = rss_mb()
    peak = [start_rss]

    def sampled() -> Iterator[dict[str, Any]]:
        for i, item in enumerate(observations(n)):
            if i % SAMPLE_EVERY == 0:
                peak[0] = max(peak[0], rss_mb())
            yield item

    began = time.perf_counter()
    alerts = run(sampled())
    seconds = time.perf_counter() - began
    peak[0] = max(peak[0], rss_mb())
    result = {
        "name": name,
        "events": n,
        "seconds": round(seconds, 3),
        "per_s": round(n / seconds),
        "alerts": alerts,
        "rss_growth_mb": round(peak[0] - start_rss, 1),
    }
    print(
        f"{name:<22} {n:>9} events  {seconds:8.2f} s  {n / seconds:>9,.0f}/s  "
        f"alerts {alerts:>8}  RSS +{peak[0] - start_rss:.1f} MB"
    )
    return result


def decide_all(
    decider: PythonDecider | DurableDecider,
) -> Callable[[Iterator[dict[str, Any]]], int]:
    def run(items: Iterator[dict[str, Any]]) -> int:
        decide = decider.decide
        return sum(1 for item in items if decide(item).decision == "alert")

    return run


def raw_durable(chosen: Sequence[Rule]) -> Callable[[Iterator[dict[str, Any]]], int]:
    """durable's own ``post()`` on a ruleset of the same rules (the same definition the
    engine registers), with one-argument actions that only count the alerts."""
    host = _get_runtime().host
    count = [0]

    def alert(c: Any) -> None:
        count[0] += 1

    def quiet(c: Any) -> None:
        pass

    ops = {"==": None, "!=": "$neq", "<": "$lt", "<=": "$lte", ">": "$gt", ">=": "$gte"}
    definition: dict[str, Any] = {}
    for index, rule in enumerate(sorted(chosen, key=lambda r: r.id)):
        tests: list[dict[str, Any]] = [{"topic": rule.topic}]
        for test in rule.when:
            op = ops[test.op]
            tests.append({test.field: test.value} if op is None else {op: {test.field: test.value}})
        definition[f"r{index}"] = {
            "all": [{"m": {"$and": tests}}],
            "run": alert if rule.decision == "alert" else quiet,
        }
    name = f"bench_raw_{time.monotonic_ns()}"
    host.register_rulesets({name: definition})

    def run(items: Iterator[dict[str, Any]]) -> int:
        post = host.post
        for item in items:
            item["sid"] = "raw"
            post(name, item)
        return count[0]

    return run


def hazard_stream(records: int) -> list[Event]:
    start = datetime(2024, 3, 1, 8)
    events: list[Event] = []
    for r in range(records):
        day = start + timedelta(hours=r)
        rid = f"H{r}"
        deadline = (day + timedelta(days=10)).date().isoformat()
        late = r % 3 == 0  # a third pass their deadline before they are claimed
        claim = day + timedelta(days=12 if late else 5)
        for k, (type_, at, payload, actor) in enumerate(
            (
                ("report", day, {"level": "village"}, "grid"),
                (
                    "assess",
                    day + timedelta(minutes=5),
                    {"grade": "general", "level": "village"},
                    "t",
                ),
                (
                    "assign",
                    day + timedelta(minutes=9),
                    {"responsible": "u", "deadline": deadline},
                    "t",
                ),
                ("start_rectification", day + timedelta(hours=1), {}, "u"),
                ("claim_rectified", claim, {}, "u"),
            )
        ):
            events.append(Event(f"{rid}/{k}", rid, type_, at, "hazard", payload, actor))
    events.sort(key=lambda e: e.at)
    return events


def monitor_run(engine: str, events: Sequence[Event]) -> dict[str, Any]:
    hazard = resolve_machine("hazard", ())
    monitor = open_monitor(engine, [hazard])
    gc.collect()
    start_rss = rss_mb()
    began = time.perf_counter()
    alerts = sum(len(monitor.post(event)) for event in events)
    seconds = time.perf_counter() - began
    growth = rss_mb() - start_rss
    monitor.close()
    print(
        f"monitor {engine:<14} {len(events):>9} events  {seconds:8.2f} s  "
        f"{len(events) / seconds:>9,.0f}/s  alerts {alerts:>8}  RSS +{growth:.1f} MB"
    )
    return {
        "events": len(events),
        "seconds": round(seconds, 3),
        "per_s": round(len(events) / seconds),
        "alerts": alerts,
        "rss_growth_mb": round(growth, 1),
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument(
        "--monitor-events",
        type=int,
        default=None,
        help="events through the whole monitors (default: events / 10)",
    )
    args = parser.parse_args(argv)
    if args.events < 1 or args.events > 50_000_000:
        parser.error("--events must be between 1 and 50,000,000")
    reason = durable_unavailable()
    if reason is not None:
        print(json.dumps({"name": "monitor", "skipped": reason}))
        return 0
    chosen = rules()
    python = measure("python engine", args.events, decide_all(PythonDecider(chosen)))
    durable_decider = DurableDecider(chosen)
    durable = measure("durable engine", args.events, decide_all(durable_decider))
    durable_decider.close()
    raw = measure("raw durable post()", args.events, raw_durable(chosen))
    assert python["alerts"] == durable["alerts"] == raw["alerts"], "the engines disagree"
    records = max(1, (args.monitor_events or args.events // 10) // 5)
    events = hazard_stream(records)
    monitors = {engine: monitor_run(engine, events) for engine in ("python", "durable")}
    assert monitors["python"]["alerts"] == monitors["durable"]["alerts"]
    summary = {
        "name": "monitor.decide",
        "events": args.events,
        "ratio": round(durable["seconds"] / raw["seconds"], 3),
        "python_per_s": python["per_s"],
        "durable_per_s": durable["per_s"],
        "raw_durable_per_s": raw["per_s"],
        "rss_growth_mb": {
            "python": python["rss_growth_mb"],
            "durable": durable["rss_growth_mb"],
            "raw_durable": raw["rss_growth_mb"],
        },
        "monitor": monitors,
        "python": sys.version.split()[0],
    }
    print(json.dumps(summary))
    return 0


if __name__ == "__main__":
    sys.exit(main())
