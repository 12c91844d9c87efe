"""Machine definitions: building, Mermaid, covering paths, errors, plugin extensions."""

from __future__ import annotations

from datetime import datetime

import pytest

from stationkit.lifecycle import (
    MACHINE_NAMES,
    DeadlinePolicy,
    DefinitionError,
    Event,
    Example,
    Guard,
    GuardAttachment,
    GuardFailedError,
    IllegalEventError,
    MachineExtension,
    RecordState,
    StateSpec,
    TransitionSpec,
    base_machine,
    covering_paths,
    drive_path,
    resolve_machine,
    step,
)
from stationkit.standard._text import Text

T0 = datetime(2024, 1, 1, 8, 0)


def ev(record: str, type_: str, machine: str = "station", n: int = 0, **payload: object) -> Event:
    return Event(f"{record}/{type_}/{n}", record, type_, T0, machine, payload, "someone")  # type: ignore[arg-type]


@pytest.mark.parametrize("name", MACHINE_NAMES)
def test_every_machine_builds_and_exports_mermaid(name: str) -> None:
    definition = base_machine(name)
    assert "stateDiagram-v2" in definition.mermaid
    assert "[*] -->" in definition.mermaid
    for state in definition.states:
        assert f"as {state.name}" in definition.mermaid
        assert state.title.zh and state.title.en


@pytest.mark.parametrize("name", MACHINE_NAMES)
def test_covering_paths_take_every_transition(name: str) -> None:
    definition = base_machine(name)
    rows = {(source, trigger) for source, by in definition.table.items() for trigger in by}
    taken: set[tuple[str, str]] = set()
    for index, path in enumerate(covering_paths(definition)):
        driven = drive_path(definition, path, f"{name}-{index}", T0)
        assert [s.state for s in driven.states] == [row.dest for row in path]
        taken.update((row.source, row.trigger) for row in path)
    assert taken == rows


def test_illegal_event_names_record_state_and_allowed_events() -> None:
    definition = base_machine("station")
    planned = step(definition, None, ev("s1", "plan"))[0]
    with pytest.raises(IllegalEventError) as caught:
        step(definition, planned, ev("s1", "accept"))
    message = str(caught.value)
    assert "'s1'" in message and "'planned'" in message and "'accept'" in message
    assert caught.value.allowed == ("choose_site", "decommission")
    assert planned.state == "planned" and planned.version == 1


def test_failed_guard_names_the_guard_and_why() -> None:
    definition = base_machine("station")
    planned = step(definition, None, ev("s1", "plan"))[0]
    with pytest.raises(GuardFailedError) as caught:
        step(definition, planned, ev("s1", "choose_site"))
    assert caught.value.guard == "site_given"
    assert "site" in caught.value.reason


def test_final_state_allows_nothing() -> None:
    definition = base_machine("acceptance")
    state = RecordState("a1", "acceptance", "finalised", 5)
    with pytest.raises(IllegalEventError, match=r"none \(final state\)"):
        step(definition, state, ev("a1", "start_review", "acceptance"))


def _built(state: RecordState, event: Event, policy: DeadlinePolicy) -> str | None:
    return None if event.payload.get("built") is True else "the post is not reported built"


XUANEN = MachineExtension(
    machine="station",
    standard="xuanen",
    add_transitions=(
        TransitionSpec(
            "start_operation",
            ("under_construction",),
            "operating",
            Text(zh="建成一家、运行一家", en="operate as soon as built"),
            guards=(Guard("built", Text(zh="已建成", en="built"), _built),),
            example=Example({"built": True}),
        ),
    ),
)


def _live_drill_first(state: RecordState, event: Event, policy: DeadlinePolicy) -> str | None:
    return "Quanzhou requires the live drill review step before a pass"


QUANZHOU = MachineExtension(
    machine="acceptance",
    standard="quanzhou",
    editions=frozenset({"2025"}),
    add_states=(StateSpec("live_drill", Text(zh="现场演练检验", en="live drill")),),
    add_transitions=(
        TransitionSpec(
            "start_live_drill",
            ("under_review",),
            "live_drill",
            Text(zh="现场演练", en="start the live drill"),
        ),
        TransitionSpec(
            "pass_review",
            ("live_drill",),
            "passed",
            Text(zh="评审通过", en="pass"),
            example=Example({"grade": "A"}),
        ),
        TransitionSpec(
            "fail_review",
            ("live_drill",),
            "failed",
            Text(zh="评审不通过", en="fail"),
            example=Example({"reason": "team did not assemble"}),
        ),
    ),
    add_guards=(
        GuardAttachment(
            "pass_review",
            Guard(
                "live_drill_done", Text(zh="须经现场演练", en="live drill done"), _live_drill_first
            ),
            source="under_review",
        ),
    ),
)


def test_extension_adds_transition_with_guard() -> None:
    station = resolve_machine("station", [XUANEN, QUANZHOU])
    assert station.origins == ("core", "xuanen")
    assert "start_operation" in station.allowed("under_construction")
    state = RecordState("s1", "station", "under_construction", 3)
    with pytest.raises(GuardFailedError, match="built"):
        step(station, state, ev("s1", "start_operation"))
    assert step(station, state, ev("s1", "start_operation", built=True))[0].state == "operating"
    assert "start_operation" not in base_machine("station").allowed("under_construction")


def test_extension_adds_state_and_guard_on_existing_transition() -> None:
    acceptance = resolve_machine("acceptance", [QUANZHOU], edition="2025")
    assert "live_drill" in acceptance.state_names
    assert "live_drill" in acceptance.mermaid
    reviewing = RecordState("a1", "acceptance", "under_review", 3, {"items_reviewed": 2})
    with pytest.raises(GuardFailedError) as caught:
        step(acceptance, reviewing, ev("a1", "pass_review", "acceptance", grade="A"))
    assert caught.value.guard == "live_drill_done"
    drill = step(acceptance, reviewing, ev("a1", "start_live_drill", "acceptance"))[0]
    assert step(acceptance, drill, ev("a1", "pass_review", "acceptance", grade="A"))[0].state == (
        "passed"
    )
    # other editions do not get it
    assert "live_drill" not in resolve_machine("acceptance", [QUANZHOU], "2023").state_names
    for index, path in enumerate(covering_paths(acceptance)):
        if any(row.trigger == "pass_review" and row.source == "under_review" for row in path):
            continue  # refused by design in this edition
        drive_path(acceptance, path, f"a-{index}", T0)


def test_extensions_compose() -> None:
    extra = MachineExtension(
        machine="station",
        standard="other",
        add_guards=(
            GuardAttachment(
                "start_operation",
                Guard(
                    "roster",
                    Text(zh="值班表", en="roster"),
                    lambda s, e, p: None if e.payload.get("roster") else "no roster",
                ),
            ),
        ),
    )
    station = resolve_machine("station", [XUANEN, extra])
    row = station.table["under_construction"]["start_operation"]
    assert [g.name for g in row.guards] == ["built", "roster"]
    assert [g.name for g in station.table["accepted"]["start_operation"].guards] == ["roster"]


def test_unknown_state_in_extension_is_a_clear_error() -> None:
    bad = MachineExtension(
        machine="station",
        standard="xuanen",
        add_transitions=(
            TransitionSpec(
                "start_operation", ("built",), "operating", Text(zh="运行", en="operate")
            ),
        ),
    )
    with pytest.raises(DefinitionError, match=r"xuanen.*unknown state 'built'"):
        resolve_machine("station", [bad])


def test_redefining_an_existing_transition_is_refused() -> None:
    bad = MachineExtension(
        machine="hazard",
        standard="pingshan",
        add_transitions=(
            TransitionSpec("close", ("verified",), "closed", Text(zh="销号", en="close")),
        ),
    )
    with pytest.raises(DefinitionError, match=r"pingshan.*already exists"):
        resolve_machine("hazard", [bad])


def test_guard_on_missing_transition_is_refused() -> None:
    bad = MachineExtension(
        machine="drill",
        standard="quanzhou",
        add_guards=(
            GuardAttachment("fly", Guard("g", Text(zh="甲", en="g"), lambda s, e, p: None)),
        ),
    )
    with pytest.raises(DefinitionError, match=r"quanzhou.*'fly'"):
        resolve_machine("drill", [bad])


def test_unknown_machine() -> None:
    with pytest.raises(DefinitionError, match="unknown machine 'boat'"):
        base_machine("boat")


def test_deadline_policies_merge() -> None:
    first = MachineExtension(
        machine="hazard",
        standard="a",
        deadline_policies=DeadlinePolicy(rectification_days={"general": 30, "major": 90}),
    )
    second = MachineExtension(
        machine="hazard",
        standard="b",
        deadline_policies=DeadlinePolicy(rectification_days={"major": 60}, extension_max_days=15),
    )
    policy = resolve_machine("hazard", [first, second]).policy
    assert dict(policy.rectification_days) == {"general": 30, "major": 60}
    assert policy.extension_max_days == 15


def test_json_export_lists_states_and_guards() -> None:
    data = base_machine("hazard").to_json()
    assert data["name"] == "hazard"
    assert isinstance(data["transitions"], list)
    verify = [t for t in data["transitions"] if isinstance(t, dict) and t["trigger"] == "verify"]
    assert verify and verify[0]["guards"]
