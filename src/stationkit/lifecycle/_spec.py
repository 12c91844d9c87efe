"""Machine definitions as data: states, transitions, guards, actions, and plugin extensions."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date
from typing import Literal, TypeAlias

import attrs

from stationkit.lifecycle._effects import Effect
from stationkit.lifecycle._events import Event, JSONValue, Payload
from stationkit.lifecycle._policy import DeadlinePolicy
from stationkit.lifecycle._state import RecordState
from stationkit.standard._text import Citation, Text

MachineName: TypeAlias = Literal["station", "hazard", "drill", "acceptance", "rollout"]
MACHINE_NAMES: tuple[str, ...] = ("station", "hazard", "drill", "acceptance", "rollout")

GuardCheck: TypeAlias = Callable[[RecordState, Event, DeadlinePolicy], str | None]
"""A pure check: None when the event may pass, else the reason it may not."""

FactUpdates: TypeAlias = Mapping[str, JSONValue]
ActionApply: TypeAlias = Callable[
    [RecordState, Event, DeadlinePolicy], tuple[FactUpdates, tuple[Effect, ...]]
]
"""A pure function giving the facts a transition sets and the effects it announces."""

ActionFacts: TypeAlias = Callable[[RecordState, Event, DeadlinePolicy], FactUpdates]
"""The fact updates of an action alone (what ``ActionApply`` gives first)."""


@attrs.frozen
class Guard:
    """A named condition on a transition. ``check`` returns None, or why the event is refused."""

    name: str
    description: Text
    check: GuardCheck = attrs.field(eq=False)
    citation: Citation | None = None


@attrs.frozen
class Action:
    """A named pure update a transition makes to the record's facts (and effects it reports)."""

    name: str
    apply: ActionApply = attrs.field(eq=False)
    facts: ActionFacts | None = attrs.field(default=None, eq=False)
    """Optional: the same fact updates without building the effects, for an action whose
    effects are costly. ``replay`` discards effects and calls it instead of ``apply``; it
    must return what ``apply`` returns first (``step`` always calls ``apply``)."""


@attrs.frozen
class Example:
    """An event that passes the transition's own guards: for docs, and for generated paths
    that must cover every transition (plugins' paths included).

    ``build`` (when given) makes the payload from the event's date, for payloads holding
    dates; ``after_deadline`` says the event only passes once the record's deadline is past.
    """

    payload: Payload = attrs.field(factory=dict, hash=False)
    actor: str | None = None
    build: Callable[[date], Payload] | None = attrs.field(default=None, eq=False)
    after_deadline: bool = False

    def payload_on(self, day: date) -> Payload:
        return self.build(day) if self.build is not None else self.payload


@attrs.frozen
class StateSpec:
    name: str
    title: Text
    description: Text | None = None


@attrs.frozen
class TransitionSpec:
    """``trigger`` moves a record from any of ``sources`` to ``dest``.

    The source ``START`` ("[*]") marks the creating event of a record.
    """

    trigger: str
    sources: tuple[str, ...]
    dest: str
    title: Text
    guards: tuple[Guard, ...] = ()
    actions: tuple[Action, ...] = ()
    example: Example = Example()
    citation: Citation | None = None


@attrs.frozen
class GuardAttachment:
    """Attach ``guard`` to the transition(s) of ``trigger`` (only from ``source`` if given)."""

    trigger: str
    guard: Guard
    source: str | None = None


@attrs.frozen
class MachineSpec:
    """A machine before compilation: what base machines and extensions are made of."""

    name: str
    title: Text
    states: tuple[StateSpec, ...]
    transitions: tuple[TransitionSpec, ...]
    policy: DeadlinePolicy = attrs.field(factory=DeadlinePolicy)
    origins: tuple[str, ...] = ("core",)


@attrs.frozen
class MachineExtension:
    """A plugin's additions to one machine, for one standard (and some or all editions).

    Returned from the ``stationkit_machine_extensions`` hook. Extensions only add: states,
    transitions (a new trigger, or an existing trigger from new sources), guards on existing
    or new transitions, and deadline policy values.
    """

    machine: str
    standard: str
    editions: frozenset[str] | None = None
    add_states: tuple[StateSpec, ...] = ()
    add_transitions: tuple[TransitionSpec, ...] = ()
    add_guards: tuple[GuardAttachment, ...] = ()
    deadline_policies: DeadlinePolicy | None = None
    citation: Citation | None = None

    def applies_to(self, edition: str | None) -> bool:
        return self.editions is None or edition is None or edition in self.editions

    @property
    def label(self) -> str:
        editions = "" if self.editions is None else "@" + ",".join(sorted(self.editions))
        return f"{self.standard}{editions}"
