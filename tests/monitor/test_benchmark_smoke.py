"""The monitor benchmark runs end to end on a small input and ends with its JSON line.

No timing is asserted: this only checks that the harness works and keeps its output format.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest

BENCHMARK = Path(__file__).resolve().parents[2] / "benchmarks" / "monitor.py"


def test_benchmark_main_prints_a_json_summary(capsys: pytest.CaptureFixture[str]) -> None:
    spec = importlib.util.spec_from_file_location("monitor_benchmark", BENCHMARK)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    try:
        spec.loader.exec_module(module)
        assert module.main(["--events", "3000", "--monitor-events", "500"]) == 0
    finally:
        sys.modules.pop(spec.name, None)
    summary = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    if "skipped" in summary:
        pytest.skip(summary["skipped"])
    assert {
        "ratio",
        "python_per_s",
        "durable_per_s",
        "raw_durable_per_s",
        "rss_growth_mb",
        "monitor",
    } <= summary.keys()
    assert summary["events"] == 3000
