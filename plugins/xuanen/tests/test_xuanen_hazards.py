"""The three-level hazard loop and "建成一家、运行一家" on the lifecycle machines."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta

import pytest
from stationkit_xuanen import machines
from stationkit_xuanen.samples import HAZARDS

from stationkit.lifecycle import (
    Event,
    GuardFailedError,
    InMemoryLedger,
    Lifecycle,
    due_escalations,
    replay,
    resolve_definitions,
)

DEFS = resolve_definitions(machines.extensions(), "2024")
HAZARD = DEFS["hazard"]


def ledger_events() -> list[Event]:
    lines = HAZARDS.read_text(encoding="utf-8").splitlines()
    return [Event.from_json(json.loads(line)) for line in lines if line.strip()]


def ev(n: int, typ: str, at: datetime, actor: str | None = "actor", **payload: object) -> Event:
    return Event(f"h/{n}", "h", typ, at, "hazard", payload, actor)  # type: ignore[arg-type]


def assigned(lc: Lifecycle, grade: str = "general", deadline: date = date(2024, 7, 1)) -> None:
    lc.submit(ev(1, "report", datetime(2024, 6, 1, 9), "grid", level="village"))
    lc.submit(ev(2, "assess", datetime(2024, 6, 1, 10), "town", grade=grade, level="village"))
    lc.submit(
        ev(
            3,
            "assign",
            datetime(2024, 6, 1, 11),
            "town",
            responsible="村委会",
            deadline=deadline.isoformat(),
        )
    )


def test_policy_is_the_three_level_ladder_with_default_deadlines() -> None:
    policy = HAZARD.policy
    assert [level.id for level in policy.levels()] == ["village", "township", "county"]
    assert dict(policy.rectification_days) == {"general": 30, "major": 60}
    assert policy.level_above("county") is None


def test_sample_ledger_goes_around_the_loop_with_one_escalation() -> None:
    states = replay(ledger_events(), DEFS, as_of=date(2024, 11, 30))
    h1, h2 = states["XE-H-2024-001"], states["XE-H-2024-002"]
    assert h1.state == "closed" and h1.facts.get("escalations") is None
    assert h2.state == "closed"
    assert h2.facts["escalations"] == 1
    assert h2.facts["level"] == "township"


def test_sample_ledger_on_the_way_round() -> None:
    events = ledger_events()
    at_deadline = replay(events, DEFS, as_of=date(2024, 8, 2))["XE-H-2024-002"]
    assert (at_deadline.state, at_deadline.facts["level"]) == ("rectifying", "village")
    after = replay(events, DEFS, as_of=date(2024, 8, 3))["XE-H-2024-002"]
    assert (after.state, after.facts["level"]) == ("escalated", "township")


def test_escalation_is_due_exactly_when_the_deadline_passes() -> None:
    events = [
        e
        for e in ledger_events()
        if not (
            e.record_id == "XE-H-2024-002"
            and e.type != "start_rectification"
            and e.at >= datetime(2024, 8, 3)
        )
    ]
    deadline = date(2024, 8, 2)
    on_deadline = replay(events, DEFS, as_of=deadline)
    assert due_escalations(on_deadline.values(), deadline, HAZARD.policy) == ()
    next_day = deadline + timedelta(days=1)
    due = due_escalations(replay(events, DEFS, as_of=next_day).values(), next_day, HAZARD.policy)
    assert [(e.record_id, e.at, e.payload["to_level"]) for e in due] == [
        ("XE-H-2024-002", datetime(2024, 8, 3), "township")
    ]


def test_escalating_on_the_deadline_day_is_refused() -> None:
    lc = Lifecycle(InMemoryLedger(), DEFS)
    assigned(lc, deadline=date(2024, 7, 1))
    with pytest.raises(GuardFailedError):
        lc.submit(ev(4, "escalate", datetime(2024, 7, 1, 23, 59), "system"))
    state = lc.submit(ev(5, "escalate", datetime(2024, 7, 2), "system")).state
    assert (state.state, state.facts["level"]) == ("escalated", "township")


def test_escalation_climbs_to_the_county_and_stops() -> None:
    lc = Lifecycle(InMemoryLedger(), DEFS)
    assigned(lc, deadline=date(2024, 7, 1))
    lc.submit(ev(4, "escalate", datetime(2024, 7, 2), "system"))
    lc.submit(
        ev(
            5,
            "assign",
            datetime(2024, 7, 3),
            "township",
            responsible="乡镇应急办",
            deadline="2024-07-10",
        )
    )
    state = lc.submit(ev(6, "escalate", datetime(2024, 7, 11), "system")).state
    assert state.facts["level"] == "county"
    lc.submit(
        ev(
            7,
            "assign",
            datetime(2024, 7, 12),
            "county",
            responsible="县应急局",
            deadline="2024-07-20",
        )
    )
    with pytest.raises(GuardFailedError):
        lc.submit(ev(8, "escalate", datetime(2024, 7, 21), "system"))


@pytest.mark.parametrize(("grade", "days"), [("general", 30), ("major", 60)])
def test_deadline_per_grade_is_capped(grade: str, days: int) -> None:
    lc = Lifecycle(InMemoryLedger(), DEFS)
    assigned(lc, grade, date(2024, 6, 1) + timedelta(days=days))  # at the cap: accepted
    lc2 = Lifecycle(InMemoryLedger(), DEFS)
    with pytest.raises(GuardFailedError):
        assigned(lc2, grade, date(2024, 6, 1) + timedelta(days=days + 1))
    assert machines.escalation_deadline(date(2024, 6, 1), grade) == (
        date(2024, 6, 1) + timedelta(days=days)
    )


def test_tailored_deadlines_build_a_tailored_policy() -> None:
    ext = machines.extensions({"hazard_days_general": 10})
    policy = resolve_definitions(ext, "2024")["hazard"].policy
    assert dict(policy.rectification_days) == {"general": 10, "major": 60}


def _station(lc: Lifecycle, built: date, start: date) -> str:
    steps = [("plan", {}), ("choose_site", {"site": "乡镇政府办公楼"}), ("start_construction", {})]
    for i, (typ, payload) in enumerate(steps):
        lc.submit(Event(f"s/{i}", "s", typ, datetime(2024, 5, 1 + i), "station", payload))
    return lc.submit(
        Event(
            "s/op",
            "s",
            "start_operation",
            datetime.combine(start, datetime.min.time()),
            "station",
            {"completed_on": built.isoformat()},
        )
    ).state.state


def test_post_runs_on_the_day_it_is_built() -> None:
    assert (
        _station(Lifecycle(InMemoryLedger(), DEFS), date(2024, 9, 1), date(2024, 9, 1))
        == "operating"
    )


def test_post_idle_after_it_is_built_is_refused() -> None:
    with pytest.raises(GuardFailedError):
        _station(Lifecycle(InMemoryLedger(), DEFS), date(2024, 9, 1), date(2024, 9, 2))
    with pytest.raises(GuardFailedError):
        _station(Lifecycle(InMemoryLedger(), DEFS), date(2024, 9, 2), date(2024, 9, 1))
