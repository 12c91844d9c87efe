"""The bundled samples give the verdicts the sources imply; editions, schedules, machines."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

import pytest
import stationkit_quanzhou.plugin as plugin
from stationkit_quanzhou.machines import EXTENSIONS
from stationkit_quanzhou.standard import EDITION_2023, EDITION_2025, STANDARD

import stationkit as sk
import stationkit.standard
from stationkit.assessment import programme_status
from stationkit.lifecycle import (
    Event,
    GuardFailedError,
    resolve_machine,
    step,
)
from stationkit.records import Completion as ProgrammeCompletion


def _batch(qz: Any, edition: str) -> dict[str, sk.Report]:
    ds = qz.dataset(edition)
    reports = sk.assess_batch(ds.stations, STANDARD, edition, as_of=qz.as_of[edition], dataset=ds)
    return {r.subject.id: r for r in reports}


def _statuses(report: sk.Report, status: sk.Status) -> set[str]:
    return {f.requirement for f in report.findings if f.status is status}


def test_shishi_2025_verdicts(qz: Any) -> None:
    reports = _batch(qz, "2025")
    best = reports["qz-2025-hanjiang"]
    assert best.passed and best.grade == "excellent" and best.score == 100.0
    narrow = reports["qz-2025-yongning"]
    assert not narrow.passed and narrow.grade == "fail"
    assert set(narrow.failed_gates) == {"command.screen", "rescue.size"}
    assert {"rescue.average_age", "rescue.trainings", "plans.response.assembled"} <= _statuses(
        narrow, sk.Status.NOT_MET
    )
    assert narrow.score >= 90  # narrowly: high score, but gates fail
    gaps = reports["qz-2025-xiangzhi"]
    assert not gaps.passed
    assert {
        "command.screen",
        "plans.town_drill",
        "rescue.trainings",
        "plans.conditional.mining",
    } <= _statuses(gaps, sk.Status.MISSING_EVIDENCE)
    capped = reports["qz-2025-hubin"]
    assert capped.score >= 90
    assert capped.grade == "good" and capped.rank_capped  # 优秀 ≤ 30 % of 4 = 1 station


def test_acceptance_is_item_by_item_apart_from_the_grade(qz: Any) -> None:
    """QZ25 §四(四)1 "围绕“五大能力”“八个有”建站标准逐项进行评审" accepts item by item;
    §四(四)2 "结合量化评估" grades: a not-met item that is no gate fails acceptance, the
    grade stays what the score gives."""
    hubin = _batch(qz, "2025")["qz-2025-hubin"]
    assert hubin.acceptance is not None
    assert hubin.acceptance.rule == "item_by_item"
    assert hubin.acceptance.not_met == ("publicity.experience_hall",)
    assert not hubin.failed_gates and not hubin.passed  # no gate failed, yet not accepted
    assert hubin.grade == "good" and hubin.score >= 90
    assert EDITION_2025.outcome_rule.citation is not None
    assert EDITION_2025.outcome_rule.citation.quote == "围绕“五大能力”“八个有”建站标准逐项进行评审"


def test_2023_acceptance_is_item_by_item_too(qz: Any) -> None:
    """QZ23 §五(四)1 "县应急局负责组织……综合验收" and §六(二) "验收阶段将严格项目审查":
    missing evidence counts as not met."""
    rule = EDITION_2023.outcome_rule
    assert rule.kind.value == "item_by_item" and rule.citation is not None
    assert rule.citation.inferred and not rule.default
    gaps = _batch(qz, "2023")["qz-2023-zz"]
    assert gaps.acceptance is not None and not gaps.acceptance.accepted
    assert "org.posts_full_time" in gaps.acceptance.not_met  # missing evidence: not met


def test_every_not_met_finding_of_the_samples_has_a_remedy(qz: Any) -> None:
    for edition in ("2023", "2025"):
        for report in _batch(qz, edition).values():
            for f in report.findings:
                if f.status in (sk.Status.NOT_MET, sk.Status.MISSING_EVIDENCE):
                    assert f.remedy is not None, (report.subject.id, f.requirement)


def test_remedies_turn_the_narrow_failure_into_a_pass(qz: Any) -> None:
    station = qz.station("2025", "qz-2025-yongning")
    for _ in range(3):
        report = qz.report(station, "2025")
        for f in report.findings:
            if f.status is sk.Status.NOT_MET and f.remedy and f.remedy.change:
                station = sk.standard.apply_remedy(station, f.remedy)
    final = qz.report(station, "2025")
    assert final.passed and final.grade == "excellent"


def test_county_2023_verdicts(qz: Any) -> None:
    reports = _batch(qz, "2023")
    assert reports["qz-2023-pilot"].passed
    assert reports["qz-2023-pilot"].grade == "excellent"  # no cap in QZ23
    narrow = reports["qz-2023-yy"]
    assert set(narrow.failed_gates) == {"org.posts", "enforcement.formal_officers"}
    assert "plans.response.rescue_started" in _statuses(narrow, sk.Status.NOT_MET)
    gaps = reports["qz-2023-zz"]
    assert {"org.posts_full_time", "rescue.size", "enforcement.ledger"} <= _statuses(
        gaps, sk.Status.MISSING_EVIDENCE
    )


@pytest.mark.parametrize("edition", ["2023", "2025"])
def test_rollout_region(qz: Any, edition: str) -> None:
    ds = qz.dataset(edition)
    assert ds.region is not None
    subject = sk.standard.RegionSubject(ds.region, ds.stations, ds.year)
    report = sk.assess(subject, STANDARD, edition, as_of=qz.as_of[edition], dataset=ds)
    assert report.passed
    fewer = sk.standard.RegionSubject(ds.region, ds.stations[:1], ds.year)
    smaller = sk.assess(fewer, STANDARD, edition, as_of=qz.as_of[edition], dataset=ds)
    assert smaller.passed is (edition == "2023")  # QZ23: one pilot; QZ25: all four towns


def test_samples_hook_points_at_shipped_files() -> None:
    samples = plugin.stationkit_samples()
    assert {s.edition for s in samples} == {"2023", "2025"}
    assert all(s.subject == "station" for s in samples)
    for sample in samples:
        assert sample.path.is_file()
        assert sample.as_of.year == int(sample.edition)


def test_editions_differ_where_qz25_changes() -> None:
    assert EDITION_2025.parameter("funding_construction_yuan").value == 300000
    assert EDITION_2023.parameter("funding_construction_yuan").value == 800000
    assert EDITION_2023.grading.rank_caps == ()
    assert EDITION_2025.grading.rank_caps[0].max_share == "excellent_share_max"
    assert EDITION_2025.parameter("excellent_share_max").value == 0.3
    new = {r.id for r in EDITION_2025.requirements} - {r.id for r in EDITION_2023.requirements}
    assert new == {
        "mechanism.supervision_list",
        "mechanism.standardization_system",
        "plans.village_guidance",
        "rollout.towns",
    }
    # inherited unchanged from the QZ23 guide
    assert EDITION_2025.parameter("rescue_team_min") == EDITION_2023.parameter("rescue_team_min")
    assert (
        EDITION_2025.parameter("merged_duties").value
        != EDITION_2023.parameter("merged_duties").value
    )


def test_every_figure_is_cited_and_defaults_are_marked() -> None:
    for ed in (EDITION_2023, EDITION_2025):
        for p in ed.parameters:
            assert p.citation.quote, p.name
        defaults = {p.name for p in ed.parameters if p.default}
        assert {"pass_mark", "grade_excellent_min", "ledger_max_age_days"} <= defaults
        assert "rescue_team_min" not in defaults
        assert ed.not_encoded


def test_programme_status_of_the_2025_sample(qz: Any) -> None:
    (programme,) = EDITION_2025.programmes
    done = [
        ProgrammeCompletion(c.milestone, c.completed_on, c.evidence)
        for c in qz.dataset("2025").completions
    ]
    status = programme_status(programme, done, date(2025, 11, 15))
    assert status.of("benchmark_town").status == "done_on_time"
    assert status.of("all_tasks").status == "done_late"  # 11-04 after the 10-31 deadline
    assert status.of("acceptance").status == "pending"  # due 11-15 [infer]
    later = programme_status(programme, done, date(2025, 11, 16))
    assert later.of("acceptance").status == "overdue"


def test_programme_2023_milestones_dated_as_the_sources() -> None:
    (programme,) = EDITION_2023.programmes
    assert programme.milestone("acceptance").due == date(2023, 9, 30)
    assert programme.milestone("four_in_one").due == date(2023, 6, 30)
    assert programme.milestone("research").window_start == date(2022, 11, 21)


def _event(i: int, kind: str, payload: dict[str, Any] | None = None) -> Event:
    return Event(f"a/{i}", "acc-1", kind, datetime(2025, 11, 10, 9, i), "acceptance", payload or {})


def test_acceptance_2025_needs_a_live_drill() -> None:
    machine = resolve_machine("acceptance", EXTENSIONS, "2025")
    state = None
    events: list[tuple[str, dict[str, Any]]] = [
        ("apply", {}),
        ("start_review", {}),
        ("record_item", {"item": "rescue.size", "met": True}),
    ]
    for i, (kind, payload) in enumerate(events):
        state, _ = step(machine, state, _event(i, kind, payload))
    with pytest.raises(GuardFailedError):
        step(machine, state, _event(5, "pass_review", {"grade": "excellent"}))
    state, _ = step(machine, state, _event(6, "record_live_drill", {"drill": "双盲拉动"}))
    state, _ = step(machine, state, _event(7, "pass_review", {"grade": "excellent"}))
    assert state.state == "passed"
    state, _ = step(machine, state, _event(8, "spot_check", {"checker": "泉州市应急管理局"}))
    assert state.facts["spot_checks"] == ["泉州市应急管理局"]


def test_acceptance_2023_passes_without_a_live_drill() -> None:
    machine = resolve_machine("acceptance", EXTENSIONS, "2023")
    state = None
    events: list[tuple[str, dict[str, Any]]] = [
        ("apply", {}),
        ("start_review", {}),
        ("record_item", {"item": "org.posts", "met": True}),
        ("pass_review", {"grade": "good"}),
    ]
    for i, (kind, payload) in enumerate(events):
        state, _ = step(machine, state, _event(i, kind, payload))
    assert state is not None and state.state == "passed"
