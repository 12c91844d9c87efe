"""Property tests: a RuleBasedStateMachine per machine, and a differential test vs transitions."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, rule

from stationkit.lifecycle import (
    MACHINE_NAMES,
    START,
    Event,
    GuardFailedError,
    IllegalEventError,
    InMemoryLedger,
    Lifecycle,
    MachineDefinition,
    RecordState,
    base_definitions,
    base_machine,
    replay,
    step,
)
from stationkit.lifecycle._adapter import TransitionsTwin

T0 = datetime(2024, 1, 1, 8, 0)
RECORDS = ("r1", "r2", "r3")
ACTORS = ("unit-a", "unit-b", "inspector", None)
HAZARD_STAGES = {
    "reported",
    "assessed",
    "assigned",
    "rectifying",
    "rectification_claimed",
    "verified",
    "closed",
}


def _payloads(definition: MachineDefinition) -> dict[str, list[Any]]:
    """Per trigger: the example builders plus an empty and a junk payload."""
    found: dict[str, list[Any]] = {}
    for spec in definition.transitions:
        found.setdefault(spec.trigger, []).append(spec.example)
    return found


def _triggers(definition: MachineDefinition) -> list[str]:
    return [*sorted({spec.trigger for spec in definition.transitions}), "no_such_event"]


def make_machine_test(name: str) -> type[RuleBasedStateMachine]:
    definition = base_machine(name)
    examples = _payloads(definition)

    class LifecycleMachine(RuleBasedStateMachine):
        def __init__(self) -> None:
            super().__init__()
            self.life = Lifecycle(InMemoryLedger(), base_definitions())
            self.live: dict[str, RecordState] = {}
            self.clock = T0
            self.counter = 0

        @rule(
            record=st.sampled_from(RECORDS),
            trigger=st.sampled_from(_triggers(definition)),
            shape=st.sampled_from(("example", "empty", "junk")),
            actor=st.sampled_from(ACTORS),
            days=st.integers(0, 45),
        )
        def fire(self, record: str, trigger: str, shape: str, actor: str | None, days: int) -> None:
            self.clock += timedelta(days=days, minutes=1)
            payload: Any = {}
            if shape == "example" and trigger in examples:
                payload = dict(examples[trigger][0].payload_on(self.clock.date()))
            elif shape == "junk":
                payload = {"deadline": "not a date", "grade": "huge", "alarm_at": 5}
            self.counter += 1
            event = Event(f"e{self.counter}", record, trigger, self.clock, name, payload, actor)
            before = self.life.state(record)
            version = self.life.ledger.version(record)
            try:
                result = self.life.submit(event)
            except (IllegalEventError, GuardFailedError):
                assert self.life.state(record) == before  # a refused event changes nothing
                assert self.life.ledger.version(record) == version
                return
            self.live[record] = result.state

        @rule(
            record=st.sampled_from(RECORDS),
            pick=st.integers(0, 20),
            actor=st.sampled_from(ACTORS[:3]),
            days=st.integers(0, 45),
        )
        def advance(self, record: str, pick: int, actor: str, days: int) -> None:
            """Mostly-legal progress, so that deep states (closed, finalised) are reached."""
            current = self.live.get(record)
            allowed = definition.allowed(current.state if current is not None else START)
            if allowed:
                self.fire(record, allowed[pick % len(allowed)], "example", actor, days)

        @invariant()
        def states_are_declared(self) -> None:
            for state in self.live.values():
                assert state.state in definition.state_names

        @invariant()
        def replay_equals_live(self) -> None:
            assert replay(self.life.ledger.events(), base_definitions()) == self.live

        @invariant()
        def closed_hazards_passed_every_stage(self) -> None:
            if name != "hazard":
                return
            for record, state in self.live.items():
                if state.state != "closed":
                    continue
                seen: set[str] = set()
                current: RecordState | None = None
                for event in self.life.ledger.history(record):
                    current = step(definition, current, event)[0]
                    seen.add(current.state)
                assert seen >= HAZARD_STAGES

    LifecycleMachine.__name__ = f"{name.title()}Machine"
    return LifecycleMachine


_SETTINGS = settings(
    max_examples=25,
    stateful_step_count=30,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)

TestStationMachine = make_machine_test("station").TestCase
TestHazardMachine = make_machine_test("hazard").TestCase
TestDrillMachine = make_machine_test("drill").TestCase
TestAcceptanceMachine = make_machine_test("acceptance").TestCase
TestRolloutMachine = make_machine_test("rollout").TestCase
for _case in (
    TestStationMachine,
    TestHazardMachine,
    TestDrillMachine,
    TestAcceptanceMachine,
    TestRolloutMachine,
):
    _case.settings = _SETTINGS


@pytest.mark.parametrize("name", MACHINE_NAMES)
@settings(max_examples=30, deadline=None)
@given(data=st.data())
def test_compiled_step_agrees_with_transitions(name: str, data: st.DataObject) -> None:
    definition = base_machine(name)
    examples = _payloads(definition)
    twin = TransitionsTwin(definition, "r1")
    state: RecordState | None = None
    clock = T0
    for index in range(data.draw(st.integers(1, 25), label="length")):
        trigger = data.draw(st.sampled_from(_triggers(definition)), label="trigger")
        use_example = data.draw(st.booleans(), label="example")
        clock += timedelta(days=data.draw(st.integers(0, 45), label="days"))
        payload: Any = {}
        if use_example and trigger in examples:
            payload = dict(examples[trigger][0].payload_on(clock.date()))
        actor = data.draw(st.sampled_from(ACTORS), label="actor")
        event = Event(f"e{index}", "r1", trigger, clock, name, payload, actor)
        try:
            state = step(definition, state, event)[0]
            ours = "ok"
        except IllegalEventError:
            ours = "illegal"
        except GuardFailedError:
            ours = "refused"
        assert twin.fire(event) == ours
        assert twin.state == (state.state if state is not None else START)
        if state is not None:
            assert twin.record == state
