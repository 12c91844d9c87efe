"""Rollout programmes: milestone status as of a date, lateness quarters and penalties."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from stationkit.assessment import programme_status
from stationkit.lifecycle import (
    Event,
    InMemoryLedger,
    Lifecycle,
    completions_from_states,
)
from stationkit.records import Completion
from stationkit.standard import Milestone, Programme
from stationkit.standard._text import Citation, Text

CITE = Citation("plan-2024", "§3")


def milestone(id_: str, due: date) -> Milestone:
    return Milestone(id_, Text(zh=id_, en=id_), due, ("county",), Text(zh="材料", en="files"), CITE)


PROGRAMME = Programme(
    "p",
    Text(zh="推进计划", en="plan"),
    (
        milestone("m1", date(2024, 6, 30)),
        milestone("m2", date(2024, 9, 30)),
        milestone("m3", date(2024, 12, 31)),
    ),
    penalty_per_late=0.5,
    penalty_unit=Text(zh="分", en="points"),
)


def test_statuses_and_due_day_boundary() -> None:
    status = programme_status(
        PROGRAMME,
        [
            Completion("m1", date(2024, 6, 30)),  # on the due day: on time
            Completion("m2", date(2024, 10, 1)),  # the next day: late
        ],
        as_of=date(2025, 1, 1),
    )
    assert [m.status for m in status.milestones] == ["done_on_time", "done_late", "overdue"]
    assert status.late_count == 2 and status.penalty_total == 1.0
    assert status.of("m2").late_quarter == "2024Q4"  # late from 1 October
    assert status.of("m3").late_quarter == "2025Q1"
    assert dict(status.late_by_quarter) == {"2024Q4": 1, "2025Q1": 1}


def test_pending_and_completions_after_as_of_ignored() -> None:
    status = programme_status(
        PROGRAMME, [Completion("m1", date(2024, 7, 5))], as_of=date(2024, 6, 30)
    )
    assert status.of("m1").status == "pending"
    assert status.late_count == 0 and status.penalty_total == 0.0
    assert (
        programme_status(PROGRAMME, [Completion("m1", date(2024, 7, 5))], as_of=date(2024, 7, 1))
        .of("m1")
        .status
        == "overdue"
    )


def test_unknown_milestone_is_an_error() -> None:
    with pytest.raises(ValueError, match="'m9'"):
        programme_status(PROGRAMME, [Completion("m9", date(2024, 1, 1))], date(2024, 1, 2))


def test_no_penalty_gives_none() -> None:
    programme = Programme("q", Text(zh="q", en="q"), (milestone("m1", date(2024, 1, 1)),))
    assert programme_status(programme, [], date(2024, 2, 1)).penalty_total is None


def test_completions_from_rollout_ledger() -> None:
    life = Lifecycle(InMemoryLedger())
    at = datetime(2024, 1, 1)
    life.submit(
        Event(
            "1",
            "p/m1",
            "schedule",
            at,
            "rollout",
            {"programme": "p", "milestone": "m1", "due": "2024-06-30"},
        )
    )
    life.submit(
        Event("2", "p/m1", "complete", datetime(2024, 7, 2), "rollout", {"evidence": "doc-7"})
    )
    completions = completions_from_states(life.states().values(), "p")
    assert completions == (Completion("m1", date(2024, 7, 2), "doc-7"),)
    assert programme_status(PROGRAMME, completions, date(2024, 8, 1)).of("m1").status == (
        "done_late"
    )
    assert completions_from_states(life.states(as_of=date(2024, 7, 1)).values(), "p") == ()


@settings(max_examples=60)
@given(
    due=st.dates(date(2020, 1, 1), date(2030, 1, 1)),
    offset=st.integers(-40, 40),
    as_of_offset=st.integers(-40, 80),
)
def test_status_rules(due: date, offset: int, as_of_offset: int) -> None:
    programme = Programme("x", Text(zh="x", en="x"), (milestone("m", due),), penalty_per_late=2)
    done = due + timedelta(days=offset)
    as_of = due + timedelta(days=as_of_offset)
    result = programme_status(programme, [Completion("m", done)], as_of).of("m")
    if done <= as_of:
        assert result.status == ("done_on_time" if done <= due else "done_late")
    else:
        assert result.status == ("overdue" if as_of > due else "pending")
    assert result.late == (result.late_quarter is not None)
