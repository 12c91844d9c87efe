"""The import-time benchmark runs end to end with one interpreter each and ends with its JSON
line. No timing is asserted: this only checks the harness and its output format."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest

BENCHMARK = Path(__file__).resolve().parent.parent / "benchmarks" / "import_time.py"


def test_the_import_time_benchmark_prints_its_json_line(
    capsys: pytest.CaptureFixture[str],
) -> None:
    spec = importlib.util.spec_from_file_location("import_time_benchmark", BENCHMARK)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    try:
        spec.loader.exec_module(module)
        module.main(["--n", "1"])
    finally:
        sys.modules.pop(spec.name, None)
    result = json.loads(capsys.readouterr().out.splitlines()[-1])
    assert result["name"] == "import_time" and result["n"] == 1
    assert {"seconds", "baseline_seconds", "ratio", "import_ms"} <= set(result)
    assert result["import_ms"] > 0
