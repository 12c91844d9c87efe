"""The lifecycle benchmark runs end to end on a tiny input and ends with its JSON line.

No timing is asserted: this only checks that the harness works and keeps its output format.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType

import pytest

BENCHMARK = Path(__file__).resolve().parents[2] / "benchmarks" / "lifecycle.py"


def _load() -> ModuleType:
    spec = importlib.util.spec_from_file_location("lifecycle_benchmark", BENCHMARK)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    try:
        spec.loader.exec_module(module)
    finally:
        sys.modules.pop(spec.name, None)
    return module


def test_benchmark_main_prints_a_json_summary(capsys: pytest.CaptureFixture[str]) -> None:
    benchmark = _load()
    code = benchmark.main(["--n", "200", "--replay-events", "2000", "--repeat", "1", "--no-memory"])
    assert code == 0
    lines = capsys.readouterr().out.strip().splitlines()
    summary = json.loads(lines[-1])
    assert isinstance(summary, dict)
    assert {"name", "n", "seconds", "baseline_seconds", "ratio"} <= summary.keys()
    assert summary["name"] == "lifecycle.hazard_loop"
    assert summary["n"] == 200
    assert summary["events"] == 1400
    assert summary["sqlite_replay_events"] == 1995
