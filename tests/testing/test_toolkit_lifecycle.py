"""Valid event streams for the core machines, and the lifecycle properties on them."""

from __future__ import annotations

import pytest
from hypothesis import given, settings

from stationkit.lifecycle import (
    MACHINE_NAMES,
    Event,
    base_machine,
)
from stationkit.testing.lifecycle import (
    check_lifecycle,
    event_streams,
    hazard_event_streams,
    path_problems,
)

FAST = settings(max_examples=15, deadline=None, database=None)
HAZARD = base_machine("hazard")


@pytest.mark.parametrize("name", MACHINE_NAMES)
def test_every_core_transition_can_be_driven(name: str) -> None:
    assert path_problems(base_machine(name)) == []


@FAST
@given(hazard_event_streams())
def test_hazard_streams_are_valid_and_replay_like_stepping(events: list[Event]) -> None:
    assert [e.at for e in events] == sorted(e.at for e in events)
    check_lifecycle(HAZARD, events)


@FAST
@given(event_streams(base_machine("drill"), max_records=2))
def test_drill_streams_replay_like_stepping(events: list[Event]) -> None:
    check_lifecycle(base_machine("drill"), events)
    assert {e.record_id for e in events} <= {"R1", "R2"}
