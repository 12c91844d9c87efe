"""The county's programme status: one deduction requirement per milestone (XE §三, §三(六)).

A milestone done on or before its due date is on time; done later, or past due and not done
as of the assessment date, it is late and costs ``late_deduction_points`` in the quarterly
business-environment assessment of the quarter holding the day after the due date. The status
logic is the lifecycle's ``programme_status``; this module only turns it into findings.
"""

from __future__ import annotations

from collections.abc import Callable

from stationkit import Status, Text
from stationkit.assessment import programme_status
from stationkit.records import Completion, RegionLevel
from stationkit.standard import (
    Check,
    Context,
    Milestone,
    Programme,
    RegionSubject,
    Remedy,
    Requirement,
    Role,
    Scope,
    met,
    missing,
    not_met,
)
from stationkit_xuanen.programmes import MILESTONES, PROGRAMME_ID, MilestoneDef

COUNTY = Scope("region", levels=frozenset({RegionLevel.COUNTY}))
GROUP = "programme"


def _milestone(m: MilestoneDef, ctx: Context) -> Milestone:
    return Milestone(
        id=m.id,
        title=m.title,
        due=ctx.day(m.due),
        responsible=ctx.names(m.responsible),
        evidence=m.evidence,
        citation=m.citation,
        window_start=ctx.day(m.start) if m.start else None,
        note=m.note,
    )


def _expected(m: MilestoneDef, milestone: Milestone, ctx: Context) -> dict[str, object]:
    expected: dict[str, object] = {
        "due": milestone.due.isoformat(),
        "responsible": list(milestone.responsible),
        "evidence": {"zh": m.evidence.zh, "en": m.evidence.en},
    }
    if milestone.window_start is not None:
        expected["window_start"] = milestone.window_start.isoformat()
    if m.id == "T1":
        expected["meeting_on"] = ctx.day("t1_meeting_on").isoformat()
    if m.id == "T5":
        expected["table_start"] = ctx.day("t5_table_start").isoformat()
    return expected


def milestone_check(m: MilestoneDef) -> Callable[[RegionSubject, Context], Check]:
    """The predicate for milestone ``m``: its status as of ``ctx.as_of`` and any deduction."""

    def check(subject: RegionSubject, ctx: Context) -> Check:
        milestone = _milestone(m, ctx)
        programme = Programme(PROGRAMME_ID, Text(m.id, m.id), (milestone,))
        done = [
            Completion(x.milestone, x.completed_on, x.evidence)
            for x in ctx.dataset.completions
            if x.milestone == m.id
        ]
        status = programme_status(programme, done, ctx.as_of).of(m.id)
        expected = _expected(m, milestone, ctx)
        evidence = next(
            (
                x.evidence
                for x in sorted(done, key=lambda x: x.completed_on)
                if x.completed_on == status.completed_on
            ),
            None,
        )
        observed: dict[str, object] = {
            "status": status.status,
            "completed_on": status.completed_on.isoformat() if status.completed_on else None,
            "days_late": status.days_late,
            "quarter": status.late_quarter,
            "evidence": evidence,
        }
        if status.status == "pending":
            start = milestone.window_start
            if start is not None:
                observed["window"] = "open" if ctx.as_of >= start else "not_open"
            return Check(
                Status.NOT_APPLICABLE,
                observed,
                expected,
                note=Text(
                    f"{m.id} 尚未到期({milestone.due.isoformat()})",
                    f"{m.id} is not yet due ({milestone.due.isoformat()})",
                ),
            )
        if status.late:
            points = ctx.number("late_deduction_points")
            observed["deduction"] = points
            verb = (
                ("逾期完成", "was done late")
                if status.status == "done_late"
                else ("逾期未完成", "is overdue")
            )
            return not_met(
                observed,
                expected,
                Remedy(
                    Text(
                        f"{m.id} {verb[0]}, 计入{status.late_quarter}优化营商环境考核扣{points:g}分;"
                        "逾期无法通过补录记录消除, 未完成的须尽快完成并报备。",
                        f"{m.id} {verb[1]}: {points:g} point(s) off in the {status.late_quarter} "
                        "business-environment assessment. Lateness cannot be undone by a record; "
                        "finish what is open and report it.",
                    )
                ),
                points=points,
            )
        if evidence is None:
            return missing(f"completions[milestone={m.id}].evidence", expected)
        return met(observed, expected, points=0.0)

    return check


REQUIREMENTS: tuple[Requirement, ...] = tuple(
    Requirement(
        id=f"programme.{m.id}",
        group=GROUP,
        title=Text(f"{m.id} 按期完成: {m.title.zh}", f"{m.id} done on time: {m.title.en}"),
        citation=m.citation,
        predicate=milestone_check(m),
        scope=COUNTY,
        role=Role.DEDUCTION,
        parameters=(
            m.due,
            m.responsible,
            "late_deduction_points",
            *((m.start,) if m.start else ()),
            *(("t1_meeting_on",) if m.id == "T1" else ()),
            *(("t5_table_start",) if m.id == "T5" else ()),
        ),
    )
    for m in MILESTONES
)
