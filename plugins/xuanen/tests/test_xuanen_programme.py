"""The 2024 programme: due dates at their edges, deductions, quarters, the sample's status."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

import attrs
import pytest
from stationkit_xuanen import STANDARD
from stationkit_xuanen.programmes import MILESTONES

import stationkit as sk
import stationkit.records
import stationkit.standard
from stationkit.assessment import programme_status
from stationkit.records import Completion

Assess = Callable[..., sk.Report]
EDITION = STANDARD.edition("2024")


def _due(name: str) -> date:
    value = EDITION.parameter(name).value
    assert isinstance(value, date)
    return value


DUE = {m.id: _due(m.due) for m in MILESTONES}


def finding(report: sk.Report, req: str) -> sk.Finding:
    return next(f for f in report.findings if f.requirement == req)


def with_completions(county: sk.Dataset, *done: sk.records.Completion) -> sk.Dataset:
    return attrs.evolve(county, completions=done)


def test_due_dates_read_from_the_plan() -> None:
    plan = {
        "T1": date(2024, 4, 30),
        "T2": date(2024, 5, 20),
        "T3": date(2024, 7, 31),
        "T4": date(2024, 8, 31),
        "T5": date(2024, 10, 31),
        "T6": date(2024, 11, 25),
    }
    assert plan == DUE
    assert EDITION.parameter("t5_start").value == date(2024, 9, 1)
    assert EDITION.parameter("t5_table_start").value == date(2024, 8, 1)
    assert EDITION.parameter("t1_meeting_on").value == date(2024, 4, 28)


@pytest.mark.parametrize("milestone", sorted(DUE))
def test_done_on_the_due_date_is_on_time(
    milestone: str, county: sk.Dataset, subject: sk.standard.RegionSubject, assess: Assess
) -> None:
    due = DUE[milestone]
    data = with_completions(county, sk.records.Completion(milestone, due, "evidence"))
    f = finding(assess(subject, due + timedelta(days=40), dataset=data), f"programme.{milestone}")
    assert f.status is sk.Status.MET
    assert f.points == 0.0
    assert f.observed["status"] == "done_on_time"


@pytest.mark.parametrize("milestone", sorted(DUE))
def test_done_the_next_day_is_late(
    milestone: str, county: sk.Dataset, subject: sk.standard.RegionSubject, assess: Assess
) -> None:
    due = DUE[milestone]
    data = with_completions(county, sk.records.Completion(milestone, due + timedelta(days=1), "ev"))
    f = finding(assess(subject, due + timedelta(days=40), dataset=data), f"programme.{milestone}")
    assert f.status is sk.Status.NOT_MET
    assert f.points == 1.0
    assert f.observed["status"] == "done_late"
    assert f.observed["days_late"] == 1
    month = (due + timedelta(days=1)).month
    assert f.observed["quarter"] == f"2024Q{(month - 1) // 3 + 1}"


@pytest.mark.parametrize("milestone", sorted(DUE))
def test_not_done_is_pending_on_the_due_date_and_overdue_the_day_after(
    milestone: str, county: sk.Dataset, subject: sk.standard.RegionSubject, assess: Assess
) -> None:
    data = with_completions(county)
    due = DUE[milestone]
    on_due = finding(assess(subject, due, dataset=data), f"programme.{milestone}")
    assert on_due.status is sk.Status.NOT_APPLICABLE
    assert on_due.observed["status"] == "pending"
    after = finding(
        assess(subject, due + timedelta(days=1), dataset=data), f"programme.{milestone}"
    )
    assert after.status is sk.Status.NOT_MET
    assert after.observed["status"] == "overdue"
    assert after.points == 1.0


def test_completion_reported_after_as_of_is_not_yet_known(
    county: sk.Dataset, subject: sk.standard.RegionSubject, assess: Assess
) -> None:
    data = with_completions(county, sk.records.Completion("T2", date(2024, 5, 19), "ev"))
    f = finding(assess(subject, date(2024, 5, 18), dataset=data), "programme.T2")
    assert f.observed["status"] == "pending"


def test_deduction_amount_is_tailorable(
    county: sk.Dataset, subject: sk.standard.RegionSubject, assess: Assess
) -> None:
    report = assess(subject, parameters={"late_deduction_points": 2.5})
    assert finding(report, "programme.T3").points == 2.5
    assert report.deductions == 2.5
    assert "late_deduction_points" in report.overridden


def test_due_date_is_tailorable(subject: sk.standard.RegionSubject, assess: Assess) -> None:
    report = assess(subject, parameters={"t3_due": date(2024, 8, 10)})
    assert finding(report, "programme.T3").status is sk.Status.MET


def test_quarter_follows_the_due_date(
    county: sk.Dataset, subject: sk.standard.RegionSubject, assess: Assess
) -> None:
    data = with_completions(
        county,
        sk.records.Completion("T2", date(2024, 7, 2), "ev"),
        sk.records.Completion("T5", date(2024, 11, 3), "ev"),
    )
    report = assess(subject, date(2024, 11, 30), dataset=data)
    assert finding(report, "programme.T2").observed["quarter"] == "2024Q2"
    assert finding(report, "programme.T5").observed["quarter"] == "2024Q4"


def test_t5_window_is_reported(
    county: sk.Dataset, subject: sk.standard.RegionSubject, assess: Assess
) -> None:
    data = with_completions(county)
    before = finding(assess(subject, date(2024, 8, 15), dataset=data), "programme.T5")
    inside = finding(assess(subject, date(2024, 9, 1), dataset=data), "programme.T5")
    assert before.observed["window"] == "not_open"
    assert inside.observed["window"] == "open"
    assert inside.expected["window_start"] == "2024-09-01"
    assert inside.expected["table_start"] == "2024-08-01"


def test_on_time_without_evidence_is_missing_evidence(
    county: sk.Dataset, subject: sk.standard.RegionSubject, assess: Assess
) -> None:
    data = with_completions(county, sk.records.Completion("T1", date(2024, 4, 28)))
    f = finding(assess(subject, dataset=data), "programme.T1")
    assert f.status is sk.Status.MISSING_EVIDENCE


def test_sample_has_one_late_milestone(subject: sk.standard.RegionSubject, assess: Assess) -> None:
    report = assess(subject)
    late = [
        f.requirement
        for f in report.findings
        if f.group == "programme" and f.status is sk.Status.NOT_MET
    ]
    assert late == ["programme.T3"]
    assert report.deductions == 1.0
    assert report.score == 99.0
    t3 = finding(report, "programme.T3")
    assert t3.observed["quarter"] == "2024Q3"
    assert t3.expected["responsible"] == ["县应急局"]


def test_edition_programme_agrees_with_lifecycle_status(county: sk.Dataset) -> None:
    (programme,) = EDITION.programmes
    done = [Completion(c.milestone, c.completed_on, c.evidence) for c in county.completions]
    status = programme_status(programme, done, date(2024, 11, 30))
    assert status.late_count == 1
    assert status.of("T3").status == "done_late"
    assert status.penalty_total == 1.0
    assert dict(status.late_by_quarter) == {"2024Q3": 1}
    assert [m.id for m in programme.milestones] == ["T1", "T2", "T3", "T4", "T5", "T6"]
    assert programme.milestone("T5").window_start == date(2024, 9, 1)


def test_a_late_milestone_costs_points_not_the_countys_acceptance(
    subject: sk.standard.RegionSubject, assess: Assess
) -> None:
    """XE §三(六) "未能按期完成工作任务的，纳入优化营商环境工作季度考核扣分": a late task is a
    deduction in the quarter's business-environment assessment, reported with its quarter;
    it does not turn the county's coverage into a failed verdict."""
    report = assess(subject)
    t3 = finding(report, "programme.T3")
    assert t3.status is sk.Status.NOT_MET and t3.points == 1.0
    assert t3.observed["quarter"] == "2024Q3" and t3.observed["deduction"] == 1.0
    assert report.acceptance is not None and "programme.T3" not in report.acceptance.not_met
    assert report.passed
