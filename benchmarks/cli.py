"""CLI benchmark: a 10,000-station quanzhou@2025 JSON file (the national benchmark's seeded
stations) through ``stationkit assess --format jsonl``, as a user runs it: a fresh process,
every core, every requirement, one report a line with the findings not passed.

Baseline, in the same run: a plain-Python script that reads the same file and writes one
JSON line per station with the hand-written 14-requirement verdicts of
``benchmarks/national.py`` — the floor of reading, deciding and writing, not the same work
(stationkit assesses all 66 requirements and explains each failing finding).

Not a timed test: it prints measurements; its last line is one JSON object.
Usage: python benchmarks/cli.py [--stations 10000] [--jobs N]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from national import SELECTED, _samples, _vary

HERE = Path(__file__).resolve().parent
BASELINE = """
import json, sys
sys.path.insert(0, {here!r})
import stationkit as sk
from stationkit.records import Dataset, Station
from stationkit.records._fast import fast_structurer
from national import baseline
registry = sk.Registry(); registry.load_entry_points()
_, edition = registry.standard("quanzhou@2025")
# The floor: plain json, records built by the generated structurer (no limits, no words, no
# regions, no totals), the 14 verdicts by hand, one JSON line each.
with open(sys.argv[1], encoding="utf-8") as handle:
    data = json.load(handle)
structure = fast_structurer()
stations = [structure(s, Station) for s in data.pop("stations")]
regions = structure(data, Dataset).region_index()
with open(sys.argv[2], "w", encoding="utf-8") as out:
    for row in baseline(stations, edition, regions):
        out.write(json.dumps(row, ensure_ascii=False) + "\\n")
"""


def write_document(path: Path, n: int, seed: int) -> None:
    import random

    header, stations = _samples()
    bases = [json.dumps(b, ensure_ascii=False) for b in stations]
    rng = random.Random(seed)
    data = {**header, "stations": [_vary(bases[i % len(bases)], rng, i) for i in range(n)]}
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


def _run(argv: list[str]) -> tuple[float, int]:
    t = time.perf_counter()
    done = subprocess.run(argv, check=False, stdout=subprocess.DEVNULL)
    return time.perf_counter() - t, done.returncode


def main(argv: Sequence[str] | None = None) -> dict[str, Any]:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stations", type=int, default=10_000)
    parser.add_argument("--jobs", type=int, help="passed to stationkit (default: every core)")
    parser.add_argument("--seed", type=int, default=17)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        doc = Path(tmp) / "stations.json"
        # Written by a process of its own: this one stays small, so that the peak measured
        # is stationkit's (a fork inherits its parent's resident pages until it execs).
        writer = f"import sys; sys.path.insert(0, {str(HERE)!r}); from cli import write_document; "
        writer += f"from pathlib import Path; write_document(Path({str(doc)!r}), {args.stations}, "
        writer += f"{args.seed})"
        subprocess.run([sys.executable, "-c", writer], check=True)
        out = Path(tmp) / "reports.jsonl"
        exe = str(Path(sys.executable).with_name("stationkit"))
        command = [exe, "assess", str(doc), "--standard", "quanzhou@2025"]
        command += ["--as-of", "2025-12-31", "--format", "jsonl"]
        command += ["--jobs", str(args.jobs)] if args.jobs else []
        t = time.perf_counter()
        with out.open("w", encoding="utf-8") as sink:
            process = subprocess.Popen(command, stdout=sink)
            # wait4: this child's peak, its worker processes included.
            _, status, usage = os.wait4(process.pid, 0)
            process.returncode = code = os.waitstatus_to_exitcode(status)
        seconds = time.perf_counter() - t
        peak_mb = usage.ru_maxrss / 1024
        lines = sum(1 for _ in out.open(encoding="utf-8"))
        written_mb = out.stat().st_size / 1e6
        script = Path(tmp) / "baseline.py"
        script.write_text(BASELINE.format(here=str(HERE)), encoding="utf-8")
        base_out = Path(tmp) / "baseline.jsonl"
        base_seconds, _ = _run([sys.executable, str(script), str(doc), str(base_out)])
    if code not in (0, 1):
        raise SystemExit(f"stationkit assess exited {code}")
    result = {
        "name": "cli",
        "n": args.stations,
        "seconds": round(seconds, 2),
        "peak_rss_mb": round(peak_mb),
        "lines": lines,
        "written_mb": round(written_mb, 1),
        "baseline_seconds": round(base_seconds, 2),
        "baseline_requirements": len(SELECTED),
        "ratio": round(seconds / base_seconds, 2),
    }
    print(
        f"stationkit assess --format jsonl: {args.stations} stations in {seconds:.1f} s, "
        f"peak {peak_mb:.0f} MB, {lines} lines ({written_mb:.0f} MB); plain-Python floor "
        f"(json, generated records, the 14 verdicts) {base_seconds:.1f} s",
        file=sys.stderr,
    )
    print(json.dumps(result))
    return result


if __name__ == "__main__":
    main()
