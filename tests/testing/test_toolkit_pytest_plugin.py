"""The pytest plugin end to end, in a subprocess: opt-in, fixtures, coverage threshold."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

TEST = """
from datetime import date
import stationkit as sk
import stationkit.records
from stationkit_example import plugin

def test_assess(stationkit_registry, stationkit_assess, stationkit_clock):
    stationkit_registry(plugin)
    stationkit_clock.set(date(2024, 12, 31))
    team = sk.records.Team("rescue", members=tuple(sk.records.Member(f"m{i}", age=30) for i in range({n})))
    station = sk.Station("s", "s", "post", teams=(team,))
    report = stationkit_assess(station, "example@2024")
    assert report == report

def test_report_diff(stationkit_registry, stationkit_assess):
    stationkit_registry(plugin)
    a = stationkit_assess(sk.Station("a", "a", "post"), "example")
    b = stationkit_assess(sk.Station("b", "b", "post"), "example")
    assert a == b
"""


def _run(tmp_path: Path, *args: str, n: int = 30) -> subprocess.CompletedProcess[str]:
    (tmp_path / "conftest.py").write_text('pytest_plugins = ["stationkit.testing"]\n')
    (tmp_path / "test_policy.py").write_text(TEST.replace("{n}", str(n)))
    example = Path(__file__).resolve().parents[1] / "plugins" / "example" / "src"
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:cacheprovider",
            "--rootdir",
            str(tmp_path),
            str(tmp_path),
            *args,
        ],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        check=False,
        env={"PYTHONPATH": str(example), "PATH": "/usr/bin:/bin"},
    )


@pytest.mark.slow
def test_fixtures_coverage_report_and_explained_report_diffs(tmp_path: Path) -> None:
    run = _run(tmp_path, "--stationkit-coverage")
    out = run.stdout
    assert "1 failed, 1 passed" in out, out
    assert "stationkit reports differ" in out and "team.size" in out
    assert "stationkit requirement coverage" in out
    assert "example@2024 team.size: met 1" in out


@pytest.mark.slow
def test_coverage_below_the_minimum_fails_the_run(tmp_path: Path) -> None:
    run = _run(tmp_path, "--stationkit-coverage-min=0.9", "-k", "test_assess")
    assert run.returncode == 1, run.stdout
    assert "requirement coverage 0% (0/6) is below 90%" in run.stdout
