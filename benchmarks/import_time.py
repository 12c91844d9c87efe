"""Import-time benchmark: ``import stationkit`` in fresh interpreters against ``python -c
pass`` (the interpreter's own start-up: the baseline), interleaved, median of N each; also the
commoner first reads (``from stationkit import assess, Registry``; ``load_dataset``) and
``-X importtime``'s own figure for the package. Target (issue 10): ``import stationkit`` in
under 60 ms of its own.

Not a timed test: it prints measurements; its last line is one JSON object
``{"name", "n", "seconds", "baseline_seconds", "ratio", "import_ms", ...}``.
Usage: python benchmarks/import_time.py [--n 21]
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import subprocess
import sys
import time
from collections.abc import Sequence

STATEMENTS = {
    "baseline": "pass",
    "import": "import stationkit",
    "assess": "from stationkit import assess, Registry",
    "load": "from stationkit import load_dataset",
}


def _wall(statement: str) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", statement], check=True)
    return time.perf_counter() - start


def _own_ms(statement: str) -> float:
    """The package's cumulative import time as ``-X importtime`` reports it, in ms."""
    err = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", statement],
        check=True,
        capture_output=True,
        text=True,
    ).stderr
    found = re.findall(r"^import time:\s+\d+ \|\s+(\d+) \| stationkit$", err, re.MULTILINE)
    return int(found[-1]) / 1000


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--n", type=int, default=21)
    args = parser.parse_args(argv)
    times: dict[str, list[float]] = {key: [] for key in STATEMENTS}
    own: list[float] = []
    for _ in range(args.n):  # interleaved: a load spike hits every statement alike
        for key, statement in STATEMENTS.items():
            times[key].append(_wall(statement))
        own.append(_own_ms(STATEMENTS["import"]))
    median = {key: statistics.median(values) for key, values in times.items()}
    for key, statement in STATEMENTS.items():
        print(f"{statement!r}: median {median[key] * 1000:.1f} ms of {args.n} interpreters")
    import_ms = statistics.median(own)
    print(f"`import stationkit` by -X importtime: median {import_ms:.1f} ms")
    print(
        json.dumps(
            {
                "name": "import_time",
                "n": args.n,
                "seconds": round(median["import"], 4),
                "baseline_seconds": round(median["baseline"], 4),
                "ratio": round(median["import"] / median["baseline"], 3),
                "import_ms": round(import_ms, 1),
                "over_baseline_ms": round((median["import"] - median["baseline"]) * 1000, 1),
                "assess_over_baseline_ms": round((median["assess"] - median["baseline"]) * 1000, 1),
                "load_over_baseline_ms": round((median["load"] - median["baseline"]) * 1000, 1),
            }
        )
    )


if __name__ == "__main__":
    main()
