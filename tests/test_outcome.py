"""Acceptance and grade are two verdicts: the edition's outcome rule decides acceptance.

QZ25 §四(四)1 accepts "围绕“五大能力”“八个有”建站标准逐项进行评审" (item by item) and
§四(四)2 grades "结合量化评估": the core offers the three rules a document may give.
"""

from __future__ import annotations

import attrs
import pytest
from core_support import AS_OF
from toy_standards._base import CITE, PHONES, PHONES_REQ, standard

import stationkit as sk
from stationkit.report._describe import standard_json, standard_markdown
from stationkit.report._json import report_from_json, report_to_json
from stationkit.standard import (
    Check,
    Context,
    OutcomeKind,
    OutcomeRule,
    Parameter,
    Requirement,
    Text,
    check_threshold,
)

SCREEN = Parameter("screen_min", 100, CITE, Text("屏幕尺寸", "screen size"), unit="inch")


def _screen(station: sk.Station, ctx: Context) -> Check:
    comms = station.communications
    return check_threshold(
        comms.screen_inches if comms else None,
        ctx.integer("screen_min"),
        field="communications.screen_inches",
        remedy=sk.standard.Remedy(Text("换大屏", "a larger screen")),
    )


GATE = attrs.evolve(PHONES_REQ, gate=True)
SCREEN_REQ = Requirement(
    "comms.screen", "command", Text("屏幕", "screen"), CITE, _screen, PHONES_REQ.scope, 0.25
)


def _std(kind: OutcomeKind | None) -> sk.standard.Standard:
    rule = OutcomeRule(kind, CITE) if kind else None
    return standard("toy-outcome", (GATE, SCREEN_REQ), (PHONES, SCREEN), outcome=rule)


def _station(screen: float | None) -> sk.Station:
    comms = sk.records.Communications(satellite_phones=1, screen_inches=screen)
    return sk.Station(id="s", name="s", kind="post", communications=comms)


@pytest.mark.parametrize(
    ("kind", "accepted"),
    [
        (OutcomeKind.ITEM_BY_ITEM, False),  # the screen is not met: not accepted
        (OutcomeKind.PASS_MARK, True),  # 80 ≥ 60 and the gate is met
        (OutcomeKind.GATES_ONLY, True),
    ],
)
def test_each_rule_decides_acceptance_and_the_grade_stays(
    kind: OutcomeKind, accepted: bool
) -> None:
    report = sk.assess(_station(98.0), _std(kind), as_of=AS_OF)
    assert report.score == 80.0 and report.grade == "good"  # the grade is the same
    assert report.acceptance is not None and report.acceptance.rule == kind.value
    assert report.acceptance.accepted is accepted
    assert report.passed is accepted  # outcome is the acceptance verdict


def test_missing_evidence_counts_as_not_met_item_by_item() -> None:
    report = sk.assess(_station(None), _std(OutcomeKind.ITEM_BY_ITEM), as_of=AS_OF)
    assert report.finding("comms.screen").status is sk.Status.MISSING_EVIDENCE
    assert report.acceptance is not None
    assert report.acceptance.not_met == ("comms.screen",) and not report.passed


def test_below_the_pass_mark_is_said() -> None:
    std = _std(OutcomeKind.PASS_MARK)
    low = attrs.evolve(SCREEN_REQ, weight=1.0)
    std = attrs.evolve(std, editions=(attrs.evolve(std.editions[0], requirements=(GATE, low)),))
    report = sk.assess(_station(98.0), std, as_of=AS_OF)
    assert report.score == 50.0 and report.acceptance is not None
    assert report.acceptance.below_pass_mark and not report.acceptance.not_met
    assert not report.passed


def test_an_undeclared_rule_is_the_engines_marked_default() -> None:
    rule = _std(None).edition().outcome_rule
    assert rule.default and rule.kind is OutcomeKind.PASS_MARK  # the toy grading has one


def test_acceptance_round_trips_and_is_documented() -> None:
    std = _std(OutcomeKind.ITEM_BY_ITEM)
    report = sk.assess(_station(98.0), std, as_of=AS_OF)
    data = report_to_json(report)
    assert data["acceptance"] == {
        "rule": "item_by_item",
        "accepted": False,
        "not_met": ["comms.screen"],
        "waived": [],
        "below_pass_mark": False,
    }
    assert report_from_json(data) == report
    shown = standard_json(std, std.edition())
    assert shown["outcome_rule"]["kind"] == "item_by_item"
    assert "## Acceptance 验收 (outcome)" in standard_markdown(std, std.edition())
