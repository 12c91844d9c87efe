"""The loading benchmark runs end to end on a tiny input and ends with its JSON line.

No timing is asserted: this only checks that the harness works and keeps its output format.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest

BENCHMARK = Path(__file__).resolve().parent.parent / "benchmarks" / "loading.py"


def test_the_loading_benchmark_prints_its_json_line(capsys: pytest.CaptureFixture[str]) -> None:
    spec = importlib.util.spec_from_file_location("loading_benchmark", BENCHMARK)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    try:
        spec.loader.exec_module(module)
        module.main(["--n", "3", "--repeat", "1"])
    finally:
        sys.modules.pop(spec.name, None)
    result = json.loads(capsys.readouterr().out.splitlines()[-1])
    assert result["name"] == "loading" and result["n"] == 3
    assert {"seconds", "baseline_seconds", "ratio", "billion_laughs_refused_seconds"} <= set(result)
