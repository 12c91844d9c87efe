"""The compiled rows and replay fast paths give exactly what stepping event by event gives:
the same states, the same errors with the same messages (in memory and from SQLite rows)."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta
from pathlib import Path

import attrs
import pytest

from stationkit.lifecycle import (
    MACHINE_NAMES,
    Event,
    GuardFailedError,
    IllegalEventError,
    LifecycleError,
    RecordState,
    SQLiteLedger,
    base_definitions,
    base_machine,
    covering_paths,
    drive_path,
    replay,
    step,
)
from stationkit.lifecycle._events import EventRows, make_event, payload_from_json

T0 = datetime(2024, 1, 1, 8, 0)


def _all_path_events() -> list[Event]:
    """Every machine, every transition: the covering paths, one record per path, with the
    records' events interleaved (as a ledger holds them)."""
    paths: list[list[Event]] = []
    for name in MACHINE_NAMES:
        definition = base_machine(name)
        for index, path in enumerate(covering_paths(definition)):
            driven = drive_path(definition, path, f"{name}-{index}", T0)
            paths.append(list(driven.events))
    events: list[Event] = []
    for position in range(max(len(path) for path in paths)):
        events.extend(path[position] for path in paths if position < len(path))
    return events


def _stepped(events: list[Event], as_of: date | None = None) -> dict[str, RecordState]:
    definitions = base_definitions()
    states: dict[str, RecordState] = {}
    for event in events:
        if as_of is not None and event.at.date() > as_of:
            continue
        states[event.record_id] = step(
            definitions[event.machine], states.get(event.record_id), event
        )[0]
    return states


def _sqlite(events: list[Event], path: Path) -> SQLiteLedger:
    ledger = SQLiteLedger(path)
    versions: dict[str, int] = {}
    batch = []
    for event in events:
        batch.append((event, versions.get(event.record_id, 0)))
        versions[event.record_id] = versions.get(event.record_id, 0) + 1
    ledger.append_batch(batch)
    return ledger


def _message(error: pytest.ExceptionInfo[BaseException]) -> tuple[type[BaseException], str]:
    return type(error.value), str(error.value)


def test_replay_equals_stepping_every_transition(tmp_path: Path) -> None:
    events = _all_path_events()
    expected = _stepped(events)
    assert replay(events, base_definitions()) == expected
    with _sqlite(events, tmp_path / "ledger.sqlite") as ledger:
        rows = ledger.events()
        assert isinstance(rows, EventRows)
        assert replay(rows, base_definitions()) == expected
        # The decoded events are the stored ones, field for field.
        assert list(ledger.events()) == events


@pytest.mark.parametrize("days", [0, 1, 30, 400])
def test_replay_as_of_equals_stepping(tmp_path: Path, days: int) -> None:
    events = _all_path_events()
    as_of = T0.date() + timedelta(days=days)
    expected = _stepped(events, as_of)
    assert replay(events, base_definitions(), as_of) == expected
    with _sqlite(events, tmp_path / "ledger.sqlite") as ledger:
        assert replay(ledger.events(), base_definitions(), as_of) == expected


def _hazard(record: str, n: int, type_: str, actor: str = "someone", **payload: object) -> Event:
    return Event(f"{record}/{n}", record, type_, T0 + timedelta(days=n), "hazard", payload, actor)  # type: ignore[arg-type]


BAD_LEDGERS = {
    "illegal first event": [_hazard("h1", 0, "assess", grade="general")],
    "illegal later event": [_hazard("h1", 0, "report"), _hazard("h1", 1, "close")],
    "guard refuses": [_hazard("h1", 0, "report"), _hazard("h1", 1, "assess", grade="tiny")],
    "second guard refuses": [
        _hazard("h1", 0, "report"),
        _hazard("h1", 1, "assess", grade="major", level="galaxy"),
    ],
    "verifier is the rectifier": [
        _hazard("h1", 0, "report"),
        _hazard("h1", 1, "assess", grade="major"),
        _hazard("h1", 2, "assign", responsible="unit", deadline="2024-01-20"),
        _hazard("h1", 3, "start_rectification"),
        _hazard("h1", 4, "claim_rectified", actor="unit"),
        _hazard("h1", 5, "verify", actor="unit"),
    ],
    "final state": [
        _hazard("h1", 0, "report"),
        _hazard("h1", 1, "reject", reason="not a hazard"),
        _hazard("h1", 2, "reopen", reason="again"),
    ],
}


@pytest.mark.parametrize("case", sorted(BAD_LEDGERS))
def test_replay_raises_what_step_raises(case: str, tmp_path: Path) -> None:
    events = BAD_LEDGERS[case]
    with pytest.raises(LifecycleError) as by_step:
        _stepped(events)
    assert isinstance(by_step.value, IllegalEventError | GuardFailedError)
    with pytest.raises(LifecycleError) as by_replay:
        replay(events, base_definitions())
    assert _message(by_replay) == _message(by_step)
    with (
        _sqlite(events, tmp_path / "ledger.sqlite") as ledger,
        pytest.raises(LifecycleError) as by_rows,
    ):
        replay(ledger.events(), base_definitions())
    assert _message(by_rows) == _message(by_step)


def test_replay_names_an_unknown_machine_or_a_mismatched_definition(tmp_path: Path) -> None:
    stray = Event("x/0", "x", "plan", T0, "spaceship", {}, "someone")
    with pytest.raises(LifecycleError, match="names unknown machine 'spaceship'"):
        replay([stray], base_definitions())
    with (
        _sqlite([stray], tmp_path / "ledger.sqlite") as ledger,
        pytest.raises(LifecycleError, match="names unknown machine 'spaceship'"),
    ):
        replay(ledger.events(), base_definitions())
    plan = Event("s/0", "s", "plan", T0, "station", {}, "someone")
    with pytest.raises(LifecycleError) as by_step:
        step(base_machine("drill"), None, plan)
    with pytest.raises(LifecycleError) as by_replay:
        replay([plan], {"station": base_machine("drill")})
    assert _message(by_replay) == _message(by_step)


def test_step_effects_are_unchanged() -> None:
    hazard = base_machine("hazard")
    state, effects = step(hazard, None, _hazard("h1", 0, "report", level="village"))
    assert effects == ()
    state, _ = step(hazard, state, _hazard("h1", 1, "assess", grade="general"))
    state, effects = step(
        hazard, state, _hazard("h1", 2, "assign", responsible="unit-7", deadline="2024-01-20")
    )
    assert state.state == "assigned"
    assert state.version == 3
    assert state.facts == {
        "level": "village",
        "reporter": "someone",
        "grade": "general",
        "deadline": "2024-01-20",
        "responsible": "unit-7",
        "assigned_by": "someone",
    }
    from stationkit.lifecycle import DeadlineSet

    assert effects == (DeadlineSet("h1", date(2024, 1, 20), "unit-7"),)


def test_actions_facts_agree_with_apply() -> None:
    """An action's optional ``facts`` gives what its ``apply`` gives first, on every path."""
    checked = 0
    for name in MACHINE_NAMES:
        definition = base_machine(name)
        for index, path in enumerate(covering_paths(definition)):
            driven = drive_path(definition, path, f"r{index}", T0)
            before: RecordState = RecordState(f"r{index}", name, "[*]", 0)
            for row, event, after in zip(path, driven.events, driven.states, strict=True):
                for action in row.actions:
                    if action.facts is not None:
                        assert (
                            action.facts(before, event, definition.policy)
                            == action.apply(before, event, definition.policy)[0]
                        )
                        checked += 1
                before = after
    assert checked > 0


def test_fast_event_is_an_event() -> None:
    # make_event sets Event's slots directly: that is only right while Event's __init__
    # does nothing else (no converter, no validator, no post-init).
    for field in attrs.fields(Event):
        assert field.converter is None and field.validator is None
    assert not hasattr(Event, "__attrs_post_init__")
    payload = {"a": 1}
    built = make_event("e1", "r1", "plan", T0, "station", payload, None)
    assert built == Event("e1", "r1", "plan", T0, "station", payload, None)
    assert type(built) is Event
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        built.type = "other"  # type: ignore[misc]


@pytest.mark.parametrize(
    "text",
    [
        "{}",
        '{"a":1}',
        '{"a":[1,2,{"b":null}],"c":"中文"}',
        ' {"a": 1} ',
        '{"a":1} ',
    ],
)
def test_payload_from_json_equals_json_loads(text: str) -> None:
    assert payload_from_json(text) == json.loads(text)


@pytest.mark.parametrize("text", ["[1]", '"text"', "3"])
def test_a_payload_that_is_not_an_object_is_refused(text: str) -> None:
    with pytest.raises(ValueError, match="not a JSON object"):
        payload_from_json(text)


@pytest.mark.parametrize("text", ['{"a":1', '{"a":1}x', "", "nope"])
def test_payload_from_json_raises_like_json_loads(text: str) -> None:
    with pytest.raises(json.JSONDecodeError):
        payload_from_json(text)
