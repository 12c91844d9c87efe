"""Resolving a machine for a standard: base definition + plugin extensions, validated, compiled."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import cache

import attrs

from stationkit.errors import DefinitionError
from stationkit.lifecycle._adapter import build_and_render
from stationkit.lifecycle._definition import MachineDefinition, compile_table
from stationkit.lifecycle._machines import (
    acceptance_spec,
    drill_spec,
    hazard_spec,
    rollout_spec,
    station_spec,
)
from stationkit.lifecycle._spec import (
    MACHINE_NAMES,
    GuardAttachment,
    MachineExtension,
    MachineSpec,
    TransitionSpec,
)
from stationkit.lifecycle._state import START

_BASE_SPECS: dict[str, Callable[[], MachineSpec]] = {
    "station": station_spec,
    "hazard": hazard_spec,
    "drill": drill_spec,
    "acceptance": acceptance_spec,
    "rollout": rollout_spec,
}
_NAME = re.compile(r"^[a-z][a-z0-9_]*$")


def _check_machine_name(name: str) -> None:
    if name not in _BASE_SPECS:
        raise DefinitionError(f"unknown machine {name!r}; machines are: {', '.join(MACHINE_NAMES)}")


@cache
def base_machine(name: str) -> MachineDefinition:
    """The core's definition of a machine, without any plugin extension."""
    _check_machine_name(name)
    return _compile(_BASE_SPECS[name](), where=f"core machine {name!r}")


def resolve_machine(
    name: str, extensions: Sequence[MachineExtension], edition: str | None = None
) -> MachineDefinition:
    """The machine ``name`` as extended by ``extensions`` (others' machines are skipped).

    Extensions apply in the order given. With ``edition``, extensions limited to other
    editions are skipped too. Raises ``DefinitionError`` naming the extension's standard when
    an extension is inconsistent (unknown state, a clash, a guard on a missing transition).
    """
    _check_machine_name(name)
    chosen = [ext for ext in extensions if ext.machine == name and ext.applies_to(edition)]
    if not chosen:
        return base_machine(name)
    spec = _BASE_SPECS[name]()
    for extension in chosen:
        spec = _extend(spec, extension)
    labels = ", ".join(ext.label for ext in chosen)
    return _compile(spec, where=f"machine {name!r} as extended by {labels}")


def _extend(spec: MachineSpec, ext: MachineExtension) -> MachineSpec:
    where = f"extension of machine {spec.name!r} by standard {ext.label!r}"
    known = {state.name for state in spec.states}
    for state in ext.add_states:
        if state.name in known:
            raise DefinitionError(f"{where}: state {state.name!r} already exists")
        known.add(state.name)
    transitions = list(spec.transitions)
    existing_rows = {(t.trigger, source) for t in transitions for source in t.sources}
    for transition in ext.add_transitions:
        for state_name in (*transition.sources, transition.dest):
            if state_name not in known and state_name != START:
                raise DefinitionError(
                    f"{where}: transition {transition.trigger!r} names unknown state "
                    f"{state_name!r}; "
                    f"known states: {', '.join(sorted(known))}"
                )
        for source in transition.sources:
            if (transition.trigger, source) in existing_rows:
                raise DefinitionError(
                    f"{where}: transition {transition.trigger!r} from {source!r} already exists "
                    "(extensions add guards to it instead of redefining it)"
                )
            existing_rows.add((transition.trigger, source))
        transitions.append(transition)
    for attachment in ext.add_guards:
        transitions = _attach(transitions, attachment, where)
    policy = spec.policy
    if ext.deadline_policies is not None:
        policy = policy.merged_with(ext.deadline_policies)
    return attrs.evolve(
        spec,
        states=(*spec.states, *ext.add_states),
        transitions=tuple(transitions),
        policy=policy,
        origins=(*spec.origins, ext.label),
    )


def _attach(
    transitions: list[TransitionSpec], attachment: GuardAttachment, where: str
) -> list[TransitionSpec]:
    matched = False
    result: list[TransitionSpec] = []
    for transition in transitions:
        if transition.trigger != attachment.trigger:
            result.append(transition)
            continue
        if attachment.source is None:
            matched = True
            result.append(attrs.evolve(transition, guards=(*transition.guards, attachment.guard)))
        elif attachment.source in transition.sources:
            matched = True
            # Split the row so the guard applies from that one source only.
            others = tuple(s for s in transition.sources if s != attachment.source)
            if others:
                result.append(attrs.evolve(transition, sources=others))
            result.append(
                attrs.evolve(
                    transition,
                    sources=(attachment.source,),
                    guards=(*transition.guards, attachment.guard),
                )
            )
        else:
            result.append(transition)
    if not matched:
        source = f" from {attachment.source!r}" if attachment.source else ""
        raise DefinitionError(
            f"{where}: guard {attachment.guard.name!r} is attached to transition "
            f"{attachment.trigger!r}{source}, which does not exist"
        )
    return result


def _validate(spec: MachineSpec, where: str) -> None:
    names = [state.name for state in spec.states]
    for name in names:
        if not _NAME.match(name):
            raise DefinitionError(f"{where}: state name {name!r} must match [a-z][a-z0-9_]*")
    duplicates = {name for name in names if names.count(name) > 1}
    if duplicates:
        raise DefinitionError(f"{where}: duplicate states {sorted(duplicates)}")
    known = set(names)
    rows: set[tuple[str, str]] = set()
    for transition in spec.transitions:
        if not _NAME.match(transition.trigger):
            raise DefinitionError(
                f"{where}: trigger {transition.trigger!r} must match [a-z][a-z0-9_]*"
            )
        if transition.dest not in known:
            raise DefinitionError(
                f"{where}: transition {transition.trigger!r} goes to unknown state "
                f"{transition.dest!r}"
            )
        for source in transition.sources:
            if source not in known and source != START:
                raise DefinitionError(
                    f"{where}: transition {transition.trigger!r} leaves unknown state {source!r}"
                )
            if (transition.trigger, source) in rows:
                raise DefinitionError(
                    f"{where}: transition {transition.trigger!r} from {source!r} is defined twice"
                )
            rows.add((transition.trigger, source))
    reachable = _reachable(spec)
    if not any(START in t.sources for t in spec.transitions):
        raise DefinitionError(f"{where}: no creating transition (source {START!r})")
    unreachable = [name for name in names if name not in reachable]
    if unreachable:
        raise DefinitionError(f"{where}: states not reachable from the start: {unreachable}")


def _reachable(spec: MachineSpec) -> set[str]:
    seen = {START}
    frontier = [START]
    while frontier:
        state = frontier.pop()
        for transition in spec.transitions:
            if state in transition.sources and transition.dest not in seen:
                seen.add(transition.dest)
                frontier.append(transition.dest)
    return seen


def _compile(spec: MachineSpec, where: str) -> MachineDefinition:
    _validate(spec, where)
    mermaid = build_and_render(spec)
    return MachineDefinition(
        name=spec.name,
        title=spec.title,
        states=spec.states,
        transitions=spec.transitions,
        policy=spec.policy,
        origins=spec.origins,
        mermaid=mermaid,
        rows=compile_table(spec.transitions),
    )
