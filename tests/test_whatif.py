"""``stationkit whatif``: the subjects a parameter change flips, with the findings behind."""

from __future__ import annotations

import io
import json

import pytest
from core_support import DATA

from stationkit.assessment import Row
from stationkit.cli import main
from stationkit.cli._whatif import changed_findings, flips

COMMON = ["whatif", str(DATA / "example.yaml"), "--standard", "example", "--as-of", "2024-06-30"]


def _run(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    return main([*COMMON, *argv], out=out), out.getvalue()


def test_raising_a_threshold_lists_the_subjects_it_fails_with_the_finding() -> None:
    code, text = _run("--set", "team_min=40", "--format", "jsonl", "--jobs", "1")
    lines = [json.loads(line) for line in text.splitlines()]
    summary = lines[-1]["summary"]
    changes = lines[:-1]
    assert code == 1
    assert summary["flips"] == len(changes) > 0
    assert summary["set"]["team_min"]["value"] == 40
    for change in changes:
        assert change["before"]["outcome"] == "pass" or change["before"]["grade"] is not None
        assert {"requirement": "team.size", "before": "passed", "after": "not_met"} in change[
            "findings"
        ]
    assert sum(r["flips"] for r in summary["by_region"].values()) == summary["flips"]
    assert _run("--set", "team_min=40", "--format", "jsonl", "--jobs", "2")[1] == text


def test_a_change_that_flips_nothing_exits_zero() -> None:
    code, text = _run("--set", "team_min=1")
    assert code == 0
    assert "0 个变化 flip" in text


@pytest.mark.parametrize(
    ("argv", "message"),
    [([], "at least one --set"), (["--set", "nope=1"], "nope")],
)
def test_bad_whatif_input_exits_2(
    argv: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _run(*argv)[0] == 2
    assert message in capsys.readouterr().err


def test_changed_findings_and_flips_compare_rows() -> None:
    before = Row("s", "post", None, "station", "r", "pass", 90.0, "good", (("a", "not_met"),))
    after = Row(
        "s", "post", None, "station", "r", "fail", 50.0, "fail", (("b", "missing_evidence"),)
    )
    assert changed_findings(before, after) == (
        ("a", "not_met", "passed"),
        ("b", "passed", "missing_evidence"),
    )
    assert [f.findings for f in flips([before], [after])] == [changed_findings(before, after)]
    assert flips([before], [before]) == []
