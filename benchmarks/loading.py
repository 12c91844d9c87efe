"""Loading benchmark: a dataset of many stations (default 2,000 stations, 30 members each)
through ``stationkit.records.load_dataset`` (decoding, libyaml parsing, limits, duplicate-key
and alias checks, strict structuring) and through the plain way it was read before: the
pure-Python ``yaml.SafeLoader`` and the same strict structuring, in the same run. Also times
the refusals that used to hang: a "billion laughs" file and a file over the size limit.

Not a timed test: it prints measurements; its last line is one JSON object
``{"name", "n", "seconds", "baseline_seconds", "ratio", ...}``.
Usage: python benchmarks/loading.py [--n 2000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

import stationkit as sk
from stationkit.records._loading import dataset_from_data


def dataset_text(n: int) -> str:
    lines = ["stations:"]
    for i in range(n):
        lines += [
            f"  - id: s{i}",
            f"    name: 第{i}站",
            "    kind: township_station",
            "    completed_on: 2024-03-01",
            "    communications: {satellite_phones: 1, screen_inches: 100.5}",
            "    teams:",
            "      - kind: rescue",
            "        members:",
        ]
        lines += [f"          - {{name: m{k}, age: {20 + k}}}" for k in range(30)]
    return "\n".join(lines) + "\n"


def laughs() -> str:
    text = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
    previous = "a"
    for name in "bcdefghi":
        text += f"{name}: &{name} [{', '.join(['*' + previous] * 9)}]\n"
        previous = name
    return text


def best(run: Callable[[], Any], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return min(times)


def refused_in(path: Path) -> float:
    start = time.perf_counter()
    try:
        sk.load_dataset(path)
    except sk.InputError:
        return time.perf_counter() - start
    raise AssertionError(f"{path} was not refused")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=2_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as directory:
        path = Path(directory) / "stations.yaml"
        text = dataset_text(args.n)
        path.write_text(text, encoding="utf-8")

        def baseline() -> sk.records.Dataset:
            data = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.SafeLoader)
            return dataset_from_data(data, str(path))

        assert len(sk.load_dataset(path).stations) == args.n == len(baseline().stations)
        seconds = best(lambda: sk.load_dataset(path), args.repeat)
        base_seconds = best(baseline, args.repeat)
        bomb = Path(directory) / "laughs.yaml"
        bomb.write_text(laughs(), encoding="utf-8")
        big = Path(directory) / "big.yaml"
        with big.open("wb") as handle:  # sparse: over the size limit without writing it
            handle.truncate(sk.records.Limits().max_bytes + 1)
        result = {
            "name": "loading",
            "n": args.n,
            "bytes": len(text.encode()),
            "seconds": round(seconds, 4),
            "baseline_seconds": round(base_seconds, 4),
            "ratio": round(seconds / base_seconds, 3),
            "billion_laughs_refused_seconds": round(refused_in(bomb), 4),
            "oversize_refused_seconds": round(refused_in(big), 4),
        }
    print(
        f"{args.n} stations ({result['bytes']:,} bytes): {seconds:.3f} s, "
        f"pure-Python SafeLoader {base_seconds:.3f} s"
    )
    print(json.dumps(result))


if __name__ == "__main__":
    main()
