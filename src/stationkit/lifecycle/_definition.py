"""MachineDefinition: a resolved machine compiled into an immutable lookup table."""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

import attrs

from stationkit.lifecycle._compile import ReplayFn, StepFn, compile_replay_row, compile_step_row
from stationkit.lifecycle._events import JSONValue
from stationkit.lifecycle._policy import DeadlinePolicy
from stationkit.lifecycle._spec import Action, Guard, StateSpec, TransitionSpec
from stationkit.lifecycle._state import START
from stationkit.standard._text import Text


@attrs.frozen
class CompiledTransition:
    """One row of the table: where a trigger goes from one state, and what it checks/does."""

    trigger: str
    source: str
    dest: str
    guards: tuple[Guard, ...]
    actions: tuple[Action, ...]


Table = Mapping[str, Mapping[str, CompiledTransition]]


def compile_table(
    transitions: tuple[TransitionSpec, ...],
) -> dict[str, dict[str, CompiledTransition]]:
    # A nested dict: state -> trigger -> row. Two dict lookups per step, no tuple key.
    table: dict[str, dict[str, CompiledTransition]] = {}
    for spec in transitions:
        for source in spec.sources:
            table.setdefault(source, {})[spec.trigger] = CompiledTransition(
                spec.trigger, source, spec.dest, spec.guards, spec.actions
            )
    return table


@attrs.frozen
class MachineDefinition:
    """A machine as resolved for a standard: its states, transitions, policy and table.

    Built by ``base_machine``/``resolve_machine`` only (validated through ``transitions`` once);
    driven by ``step``. ``origins`` lists the core and the extensions that shaped it.
    """

    name: str
    title: Text
    states: tuple[StateSpec, ...]
    transitions: tuple[TransitionSpec, ...]
    policy: DeadlinePolicy
    origins: tuple[str, ...]
    mermaid: str = attrs.field(repr=False)
    # Plain dicts for speed (dict.get is specialised by the interpreter, mappingproxy's is
    # not); never handed out mutable: ``table`` gives a read-only view.
    rows: dict[str, dict[str, CompiledTransition]] = attrs.field(repr=False, eq=False, hash=False)
    # Each row compiled once into one function (guards, actions, new state): state ->
    # trigger -> function. ``step_rows`` serves ``step``; ``replay_rows`` serves ``replay`` and
    # also has an (empty) entry for every state without rows, so a lookup by the state name
    # of a record of this machine never misses at the first level.
    step_rows: dict[str, dict[str, StepFn]] = attrs.field(
        init=False, repr=False, eq=False, hash=False
    )
    replay_rows: dict[str, dict[str, ReplayFn]] = attrs.field(
        init=False, repr=False, eq=False, hash=False
    )
    # The replay functions of rows with neither guards nor actions, to their destination:
    # replaying stored rows moves such records without decoding an Event.
    replay_moves: dict[ReplayFn, str] = attrs.field(init=False, repr=False, eq=False, hash=False)

    def __attrs_post_init__(self) -> None:
        step_rows: dict[str, dict[str, StepFn]] = {}
        replay_rows: dict[str, dict[str, ReplayFn]] = {state.name: {} for state in self.states}
        replay_rows.setdefault(START, {})
        replay_moves: dict[ReplayFn, str] = {}
        for source, rows in self.rows.items():
            for trigger, row in rows.items():
                step_rows.setdefault(source, {})[trigger] = compile_step_row(
                    self.name, row.dest, row.guards, row.actions, self.policy
                )
                fire = compile_replay_row(self.name, row.dest, row.guards, row.actions, self.policy)
                replay_rows.setdefault(source, {})[trigger] = fire
                if not row.guards and not row.actions:
                    replay_moves[fire] = row.dest
        object.__setattr__(self, "step_rows", step_rows)
        object.__setattr__(self, "replay_rows", replay_rows)
        object.__setattr__(self, "replay_moves", replay_moves)

    @property
    def table(self) -> Table:
        """The compiled table, read-only: state -> trigger -> row."""
        return MappingProxyType(
            {state: MappingProxyType(rows) for state, rows in self.rows.items()}
        )

    @property
    def state_names(self) -> tuple[str, ...]:
        return tuple(state.name for state in self.states)

    @property
    def initial(self) -> tuple[str, ...]:
        """The states a record may start in (destinations of creating events)."""
        return tuple(sorted({row.dest for row in self.rows.get(START, {}).values()}))

    @property
    def creating_events(self) -> tuple[str, ...]:
        return tuple(sorted(self.rows.get(START, {})))

    def allowed(self, state: str) -> tuple[str, ...]:
        """The events the state allows, sorted."""
        return tuple(sorted(self.rows.get(state, {})))

    def state_title(self, state: str) -> Text:
        for spec in self.states:
            if spec.name == state:
                return spec.title
        raise KeyError(state)

    def final_states(self) -> tuple[str, ...]:
        return tuple(name for name in self.state_names if not self.rows.get(name))

    def to_json(self) -> dict[str, JSONValue]:
        return {
            "name": self.name,
            "title": {"zh": self.title.zh, "en": self.title.en},
            "origins": list(self.origins),
            "states": [
                {
                    "name": state.name,
                    "title": {"zh": state.title.zh, "en": state.title.en},
                    "final": not self.rows.get(state.name),
                }
                for state in self.states
            ],
            "transitions": [
                {
                    "trigger": spec.trigger,
                    "title": {"zh": spec.title.zh, "en": spec.title.en},
                    "sources": list(spec.sources),
                    "dest": spec.dest,
                    "guards": [
                        {
                            "name": guard.name,
                            "description": {
                                "zh": guard.description.zh,
                                "en": guard.description.en,
                            },
                        }
                        for guard in spec.guards
                    ],
                }
                for spec in self.transitions
            ],
            "policy": {
                "rectification_days": dict(self.policy.rectification_days),
                "extension_max_days": self.policy.extension_max_days,
                "ladder": [level.id for level in self.policy.levels()],
            },
        }
