"""Paths through a machine's graph that cover every transition, and events that drive them."""

from __future__ import annotations

from collections import deque
from collections.abc import Sequence
from datetime import datetime, timedelta

import attrs

from stationkit.lifecycle._definition import CompiledTransition, MachineDefinition
from stationkit.lifecycle._events import Event
from stationkit.lifecycle._guards import as_date
from stationkit.lifecycle._overdue import overdue_moment
from stationkit.lifecycle._spec import Example
from stationkit.lifecycle._state import START, RecordState
from stationkit.lifecycle._step import step


def _rows(definition: MachineDefinition) -> list[CompiledTransition]:
    return [row for rows in definition.table.values() for row in rows.values()]


def _shortest(definition: MachineDefinition, target: str) -> list[CompiledTransition]:
    """The shortest transition sequence from the start to ``target``."""
    previous: dict[str, CompiledTransition | None] = {START: None}
    queue = deque([START])
    while queue:
        state = queue.popleft()
        if state == target:
            break
        for row in sorted(definition.table.get(state, {}).values(), key=lambda r: r.trigger):
            if row.dest not in previous:
                previous[row.dest] = row
                queue.append(row.dest)
    path: list[CompiledTransition] = []
    state = target
    step_back = previous.get(state)
    while step_back is not None:
        path.append(step_back)
        step_back = previous.get(step_back.source)
    return path[::-1]


def _with_loops(
    definition: MachineDefinition, path: Sequence[CompiledTransition]
) -> tuple[CompiledTransition, ...]:
    result: list[CompiledTransition] = []
    for row in path:
        if row.dest != row.source:
            loops = definition.table.get(row.source, {}).values()
            result.extend(sorted((r for r in loops if r.dest == r.source), key=lambda r: r.trigger))
        result.append(row)
    return tuple(result)


def covering_paths(definition: MachineDefinition) -> tuple[tuple[CompiledTransition, ...], ...]:
    """Paths from the start, together taking every transition (every trigger from every
    source) at least once: the shortest way to each row's source, then the row; before
    leaving a state, its self-loops are taken (work done in the state, e.g. reviewing items,
    that guards may require)."""
    paths: list[tuple[CompiledTransition, ...]] = []
    covered: set[tuple[str, str]] = set()
    for row in sorted(_rows(definition), key=lambda r: (r.source, r.trigger)):
        if (row.source, row.trigger) in covered:
            continue
        path = _with_loops(definition, (*_shortest(definition, row.source), row))
        covered.update((item.source, item.trigger) for item in path)
        paths.append(path)
    return tuple(paths)


def _example(definition: MachineDefinition, row: CompiledTransition) -> Example:
    for spec in definition.transitions:
        if spec.trigger == row.trigger and row.source in spec.sources:
            return spec.example
    return Example()


@attrs.frozen
class DrivenPath:
    events: tuple[Event, ...]
    states: tuple[RecordState, ...]


def drive_path(
    definition: MachineDefinition,
    path: Sequence[CompiledTransition],
    record_id: str,
    start: datetime,
) -> DrivenPath:
    """Events that take a record along ``path`` using each transition's example, one minute
    apart (or just after the deadline for events that need it). Raises if a guard refuses."""
    events: list[Event] = []
    states: list[RecordState] = []
    state: RecordState | None = None
    clock = start
    for index, row in enumerate(path):
        example = _example(definition, row)
        clock = clock + timedelta(minutes=1)
        if example.after_deadline and state is not None:
            deadline = as_date(state.facts.get("deadline"))
            if deadline is not None:
                clock = max(clock, overdue_moment(deadline, state.updated_at))
        actor = example.actor if example.actor is not None else f"{row.trigger}-actor"
        event = Event(
            event_id=f"{record_id}/{index}",
            record_id=record_id,
            type=row.trigger,
            at=clock,
            machine=definition.name,
            payload=example.payload_on(clock.date()),
            actor=actor,
        )
        state = step(definition, state, event)[0]
        events.append(event)
        states.append(state)
    return DrivenPath(tuple(events), tuple(states))
