"""Tailoring the quanzhou grading: the pass mark and band minimums are the plugin's defaults
(QZ25 §四(四)2 "结合量化评估" gives no figures), and a tailored minimum keeps the bands in
their order."""

from __future__ import annotations

import json
from datetime import date
from io import StringIO
from pathlib import Path
from typing import Any

import attrs
import pytest
from stationkit_quanzhou.plugin import SAMPLES_DIR
from stationkit_quanzhou.standard import STANDARD

import stationkit as sk
from stationkit.assessment import Assessor, load_waivers, tailoring_from_data
from stationkit.cli._main import main
from stationkit.errors import InputError, TailoringError
from stationkit.report._render import render_text
from stationkit.standard import Waiver


def test_a_raised_pass_mark_keeps_the_bands_ordered() -> None:
    assessor = Assessor(STANDARD, "2025", as_of=date(2025, 11, 15), parameters={"pass_mark": 95})
    plan = assessor.plan
    assert [(b.grade, m) for b, m in plan.bands] == [
        ("excellent", 95.0),
        ("good", 95.0),
        ("pass", 95.0),
    ]
    band = plan.grade(96.9, True)
    assert band is not None and band.grade == "excellent"  # never 合格 above 良好 and 优秀
    low = plan.grade(94.0, True)
    assert low is not None and low.grade == "fail"


# -- waivers ---------------------------------------------------------------------------------
# QZ25 §四(四)1 accepts "逐项进行评审": an approved waiver lets acceptance pass an item the
# station does not meet, while the finding keeps its status and shows the waiver.

HALL = "publicity.experience_hall"
AS_OF = date(2025, 11, 15)


WAIVER = Waiver(
    requirement=HALL,
    subject="qz-2025-hubin",
    justification="体验馆与市级场馆共建,2026年建成",
    approved_by="石狮市应急管理局",
    expires=date(2026, 6, 30),
    approved_on=date(2025, 11, 1),
)


def _waiver(**changes: Any) -> Waiver:
    return attrs.evolve(WAIVER, **changes)


def _hubin(qz: Any, **kwargs: Any) -> sk.Report:
    station = qz.station("2025", "qz-2025-hubin")
    return sk.assess(station, STANDARD, "2025", as_of=AS_OF, dataset=qz.dataset("2025"), **kwargs)


def test_a_waived_finding_keeps_its_status_and_acceptance_passes(qz: Any) -> None:
    plain = _hubin(qz)
    report = _hubin(qz, waivers=[_waiver()])
    hall = report.finding(HALL)
    assert hall.status is sk.Status.NOT_MET and hall.waiver == _waiver()
    assert report.acceptance is not None and report.acceptance.waived == (HALL,)
    assert report.passed and not plain.passed
    assert (report.score, report.grade) == (plain.score, plain.grade)  # the grade is apart
    assert _hubin(qz, waivers=[_waiver(subject="*")]).passed


def test_an_expired_waiver_is_ignored_and_said(qz: Any) -> None:
    old = _waiver(expires=date(2025, 11, 14), approved_on=date(2025, 1, 1))
    report = _hubin(qz, waivers=[old])
    assert report.finding(HALL).waiver is None and not report.passed
    assert report.expired_waivers == (old,)
    assert "expired waiver ignored" in render_text([report])


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"requirement": "publicity.experience_hal"}, "did you mean 'publicity.experience_hall'"),
        ({"approved_on": date(2025, 12, 1)}, "after the assessment date"),
        ({"expires": date(2025, 10, 1)}, "before its approval"),
    ],
)
def test_waivers_are_checked_like_input(qz: Any, changes: dict[str, Any], message: str) -> None:
    with pytest.raises(InputError, match=message):
        _hubin(qz, waivers=[_waiver(**changes)])


def test_a_waiver_file_needs_a_justification(tmp_path: Path) -> None:
    path = tmp_path / "waivers.yaml"
    path.write_text(
        "- requirement: publicity.experience_hall\n  subject: '*'\n  justification: ''\n"
        "  approved_by: 市应急局\n  expires: 2026-06-30\n",
        encoding="utf-8",
    )
    with pytest.raises(InputError, match=r"waivers\[0\]\.justification"):
        load_waivers(path)


# -- tailoring files -------------------------------------------------------------------------
def test_tailoring_values_carry_their_reasons_and_selection_leaves_out(qz: Any) -> None:
    tailoring = tailoring_from_data(
        {
            "set": {"pass_mark": {"value": 75, "reason": "市局评分细则"}},
            "unselect": ["publicity"],
        }
    )
    report = _hubin(qz, tailoring=tailoring)
    assert report.overridden["pass_mark"].reason == "市局评分细则"
    assert HALL in report.left_out and all(f.group != "publicity" for f in report.findings)
    assert report.passed  # acceptance covers only what was selected
    with pytest.raises(InputError, match=r"set\.pass_mark\.reason"):
        tailoring_from_data({"set": {"pass_mark": {"value": 75}}})
    with pytest.raises(TailoringError, match="publicty"):
        _hubin(qz, tailoring=tailoring_from_data({"select": ["publicty"]}))


def test_cli_reads_waiver_and_tailoring_files(tmp_path: Path) -> None:
    waivers = tmp_path / "waivers.yaml"
    waivers.write_text(
        "waivers:\n- requirement: publicity.experience_hall\n  subject: qz-2025-hubin\n"
        "  justification: 与市级场馆共建\n  approved_by: 石狮市应急管理局\n"
        "  expires: 2026-06-30\n",
        encoding="utf-8",
    )
    tailoring = tmp_path / "tailoring.yaml"
    tailoring.write_text("set:\n  pass_mark: {value: 75, reason: 市局评分细则}\n", encoding="utf-8")
    out = StringIO()
    code = main(
        [
            "assess",
            str(SAMPLES_DIR / "shishi_2025.yaml"),
            "--standard",
            "quanzhou@2025",
            "--as-of",
            "2025-11-15",
            "--subject",
            "station",
            "--format",
            "json",
            "--waivers",
            str(waivers),
            "--tailoring",
            str(tailoring),
        ],
        out=out,
    )
    assert code == 1  # 永宁 and 祥芝 fail their gates
    reports = {r["subject"]["id"]: r for r in json.loads(out.getvalue())["reports"]}
    hubin = reports["qz-2025-hubin"]
    assert hubin["outcome"] == "pass" and hubin["acceptance"]["waived"] == [HALL]
    hall = next(f for f in hubin["findings"] if f["requirement"] == HALL)
    assert hall["status"] == "not_met" and hall["waiver"]["approved_by"] == "石狮市应急管理局"
    assert hubin["overridden"]["pass_mark"]["reason"] == "市局评分细则"
