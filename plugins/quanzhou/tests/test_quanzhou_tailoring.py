"""Tailoring the quanzhou grading: the pass mark and band minimums are the plugin's defaults
(QZ25 §四(四)2 "结合量化评估" gives no figures), and a tailored minimum keeps the bands in
their order."""

from __future__ import annotations

from datetime import date

from stationkit_quanzhou.standard import STANDARD

from stationkit.assessment import Assessor


def test_a_raised_pass_mark_keeps_the_bands_ordered() -> None:
    assessor = Assessor(STANDARD, "2025", as_of=date(2025, 11, 15), parameters={"pass_mark": 95})
    plan = assessor._plan
    assert [(b.grade, m) for b, m in plan.bands] == [
        ("excellent", 95.0),
        ("good", 95.0),
        ("pass", 95.0),
    ]
    band = plan.grade(96.9, True)
    assert band is not None and band.grade == "excellent"  # never 合格 above 良好 and 优秀
    low = plan.grade(94.0, True)
    assert low is not None and low.grade == "fail"
