"""Lifecycle strategies and properties: valid event streams for a resolved machine, and the
checks a machine (as a plugin extends it) must satisfy.

    definition = resolve_machine("hazard", registry.machine_extensions("quanzhou"), "2025")

    @given(event_streams(definition))
    def test_replay_matches_stepping(events):
        check_lifecycle(definition, events)

Streams are built from the machine's own covering paths (each transition driven with its
declared example payload), cut at a random point per record and interleaved across records,
so every stream is one the machine accepts.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta

import attrs
from hypothesis import strategies as st
from hypothesis.strategies import SearchStrategy

from stationkit.lifecycle import (
    Event,
    LifecycleError,
    MachineDefinition,
    MachineExtension,
    RecordState,
    covering_paths,
    drive_path,
    replay,
    resolve_machine,
    step,
)
from stationkit.testing.properties import Problem, PropertyFailure

__all__ = [
    "check_lifecycle",
    "driven_paths",
    "event_streams",
    "hazard_event_streams",
    "lifecycle_problems",
    "path_problems",
]

START = datetime(2025, 1, 6, 9, 0)


def driven_paths(
    definition: MachineDefinition, record_id: str, start: datetime = START
) -> list[tuple[Event, ...]]:
    """Each covering path of the machine, driven into events (paths a guard refuses with
    its example payload are left out; :func:`path_problems` reports them)."""
    out = []
    for path in covering_paths(definition):
        try:
            out.append(drive_path(definition, path, record_id, start).events)
        except LifecycleError:
            continue
    return out


@st.composite
def event_streams(
    draw: st.DrawFn, definition: MachineDefinition, *, max_records: int = 3, start: datetime = START
) -> list[Event]:
    """A valid event stream of up to ``max_records`` records of the machine, in time order:
    each record follows a prefix of a covering path; records are interleaved."""
    n = draw(st.integers(1, max_records), label="records")
    per_record: list[list[Event]] = []
    for i in range(n):
        day = start + timedelta(days=draw(st.integers(0, 60), label="start offset"))
        paths = driven_paths(definition, f"R{i + 1}", day)
        if not paths:
            break
        events = list(draw(st.sampled_from(paths), label="path"))
        cut = draw(st.integers(1, len(events)), label="prefix")
        per_record.append(events[:cut])
    stream = [e for events in per_record for e in events]
    # Time order across records; each record's own order is kept (its times increase).
    stream.sort(key=lambda e: e.at)
    return [attrs.evolve(e, event_id=f"{e.record_id}/{k}") for k, e in enumerate(stream)]


def hazard_event_streams(
    extensions: Sequence[MachineExtension] = (), edition: str | None = None, **kw: object
) -> SearchStrategy[list[Event]]:
    """Valid hazard event streams for the hazard machine as ``extensions`` extend it."""
    return event_streams(resolve_machine("hazard", extensions, edition), **kw)  # type: ignore[arg-type]


def path_problems(definition: MachineDefinition, ref: str = "") -> list[Problem]:
    """Every transition is reachable and its declared example is accepted by its guards."""
    out = []
    for path in covering_paths(definition):
        try:
            drive_path(definition, path, "R1", START)
        except LifecycleError as exc:
            last = path[-1]
            out.append(
                Problem(
                    "lifecycle",
                    f"machine {definition.name!r}: driving {last.source} "
                    f"--{last.trigger}--> {last.dest} with the transitions' examples fails: {exc}",
                    ref,
                )
            )
    return out


def _stepped(definition: MachineDefinition, events: Sequence[Event]) -> dict[str, RecordState]:
    states: dict[str, RecordState] = {}
    for event in events:
        states[event.record_id] = step(definition, states.get(event.record_id), event)[0]
    return states


def lifecycle_problems(
    definition: MachineDefinition, events: Sequence[Event], ref: str = ""
) -> list[Problem]:
    """Replaying equals stepping event by event; replaying up to a date equals stepping the
    events up to it; versions count events; every state is one of the machine's."""
    out: list[Problem] = []
    shown = ", ".join(f"{e.record_id}:{e.type}@{e.at:%m-%d %H:%M}" for e in events[:12])

    def bad(message: str) -> None:
        out.append(
            Problem(
                "lifecycle",
                f"machine {definition.name!r}: {message}",
                ref,
                subject=f"events: {shown}",
            )
        )

    try:
        stepped = _stepped(definition, events)
        replayed = replay(events, {definition.name: definition})
    except LifecycleError as exc:
        bad(f"a valid stream was refused: {exc}")
        return out
    if dict(replayed) != stepped:
        bad("replay and step give different states")
    known = set(definition.state_names)
    for record, state in stepped.items():
        count = sum(e.record_id == record for e in events)
        if state.version != count:
            bad(f"record {record} has version {state.version} after {count} events")
        if state.state not in known:
            bad(f"record {record} is in {state.state!r}, not a state of the machine")
    if events:
        middle = events[len(events) // 2].at.date()
        early = [e for e in events if e.at.date() <= middle]
        if dict(replay(events, {definition.name: definition}, middle)) != _stepped(
            definition, early
        ):
            bad(f"replay as of {middle} differs from stepping the events up to it")
    return out


def check_lifecycle(definition: MachineDefinition, events: Sequence[Event]) -> None:
    problems = lifecycle_problems(definition, events)
    if problems:
        raise PropertyFailure(problems, "lifecycle properties broken")
