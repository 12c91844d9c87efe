"""Each table row compiled once into one function: its guards, its actions and the new state.

``step`` and ``replay`` call one pre-bound function per event instead of walking the row's
guard and action tuples, re-reading the policy and rebuilding the state generically. Two
variants per row: a *step* function returning ``(new state, effects)`` and a *replay*
function returning the new state only (replay discards effects). Both run the guards in
order, raise the same ``GuardFailedError`` as before, call the actions with the state before
the event, and merge their fact updates the same way; they are pure.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from stationkit.errors import GuardFailedError
from stationkit.lifecycle._effects import Effect
from stationkit.lifecycle._events import Event
from stationkit.lifecycle._policy import DeadlinePolicy
from stationkit.lifecycle._spec import Action, Guard, GuardCheck
from stationkit.lifecycle._state import RecordState

StepFn = Callable[[RecordState, Event], tuple[RecordState, tuple[Effect, ...]]]
"""A compiled row for ``step``: (state in the row's source, event) -> (new state, effects)."""

ReplayFn = Callable[[RecordState, Event], RecordState]
"""A compiled row for ``replay``: (state in the row's source, event) -> new state."""

_NO_EFFECTS: tuple[Effect, ...] = ()
# tuple.__new__ directly: the NamedTuple's own __new__ adds a Python frame per event.
_new_tuple = tuple.__new__


def _refused(
    machine: str, current: RecordState, event: Event, guard: str, reason: str
) -> GuardFailedError:
    return GuardFailedError(current[0], machine, current[2], event.type, guard, reason)


_Updater = Callable[[RecordState, Event, DeadlinePolicy], Any]


def _updater(action: Action) -> tuple[_Updater, bool]:
    """What replay calls for an action, and whether its result is the pair ``apply`` gives
    (True) or the fact updates alone (its ``facts``, False)."""
    if action.facts is not None:
        return action.facts, False
    return action.apply, True


def _split_guards(
    guards: tuple[Guard, ...],
) -> tuple[GuardCheck | None, str, GuardCheck | None, str, tuple[tuple[str, GuardCheck], ...]]:
    first = guards[0] if guards else None
    second = guards[1] if len(guards) > 1 else None
    rest = tuple((guard.name, guard.check) for guard in guards[2:])
    return (
        first.check if first is not None else None,
        first.name if first is not None else "",
        second.check if second is not None else None,
        second.name if second is not None else "",
        rest,
    )


def compile_replay_row(
    machine: str,
    dest: str,
    guards: tuple[Guard, ...],
    actions: tuple[Action, ...],
    policy: DeadlinePolicy,
) -> ReplayFn:
    """The replay function of one row (see the module docstring)."""
    if not guards and not actions:
        # Nothing to check or record: only the state name, version and time move.
        def move(current: RecordState, event: Event) -> RecordState:
            return _new_tuple(
                RecordState,
                (current[0], machine, dest, current[3] + 1, current[4], event.at),
            )

        return move

    g0, n0, g1, n1, more_guards = _split_guards(guards)
    updaters = tuple(_updater(action) for action in actions)
    a0, pair0 = updaters[0] if updaters else (None, False)
    more_actions = updaters[1:]

    # The common shapes (at most two guards, at most one action) get a function of their
    # own, with no branch on what the row has; the rest take the general one.
    if len(guards) == 1 and len(actions) == 1:
        c0 = guards[0].check
        u0, p0 = updaters[0]

        def one_guard_one_action(current: RecordState, event: Event) -> RecordState:
            reason = c0(current, event, policy)
            if reason is not None:
                raise _refused(machine, current, event, n0, reason)
            facts = current[4]
            updates = u0(current, event, policy)
            if p0:
                updates = updates[0]
            if updates:
                facts = {**facts, **updates} if facts else updates
            return _new_tuple(
                RecordState, (current[0], machine, dest, current[3] + 1, facts, event.at)
            )

        return one_guard_one_action

    if len(guards) == 2 and len(actions) == 1:
        c0, c1 = guards[0].check, guards[1].check
        u0, p0 = updaters[0]

        def two_guards_one_action(current: RecordState, event: Event) -> RecordState:
            reason = c0(current, event, policy)
            if reason is not None:
                raise _refused(machine, current, event, n0, reason)
            reason = c1(current, event, policy)
            if reason is not None:
                raise _refused(machine, current, event, n1, reason)
            facts = current[4]
            updates = u0(current, event, policy)
            if p0:
                updates = updates[0]
            if updates:
                facts = {**facts, **updates} if facts else updates
            return _new_tuple(
                RecordState, (current[0], machine, dest, current[3] + 1, facts, event.at)
            )

        return two_guards_one_action

    def fire(current: RecordState, event: Event) -> RecordState:
        if g0 is not None:
            reason = g0(current, event, policy)
            if reason is not None:
                raise _refused(machine, current, event, n0, reason)
            if g1 is not None:
                reason = g1(current, event, policy)
                if reason is not None:
                    raise _refused(machine, current, event, n1, reason)
                for name, check in more_guards:
                    reason = check(current, event, policy)
                    if reason is not None:
                        raise _refused(machine, current, event, name, reason)
        facts = current[4]
        if a0 is not None:
            updates = a0(current, event, policy)
            if pair0:
                updates = updates[0]
            if updates:
                facts = {**facts, **updates} if facts else updates
            for update, pair in more_actions:
                updates = update(current, event, policy)
                if pair:
                    updates = updates[0]
                if updates:
                    facts = {**facts, **updates} if facts else updates
        return _new_tuple(RecordState, (current[0], machine, dest, current[3] + 1, facts, event.at))

    return fire


def compile_step_row(
    machine: str,
    dest: str,
    guards: tuple[Guard, ...],
    actions: tuple[Action, ...],
    policy: DeadlinePolicy,
) -> StepFn:
    """The step function of one row: as the replay function, and it collects the effects."""
    g0, n0, g1, n1, more_guards = _split_guards(guards)
    applies = tuple(action.apply for action in actions)

    def fire(current: RecordState, event: Event) -> tuple[RecordState, tuple[Effect, ...]]:
        if g0 is not None:
            reason = g0(current, event, policy)
            if reason is not None:
                raise _refused(machine, current, event, n0, reason)
            if g1 is not None:
                reason = g1(current, event, policy)
                if reason is not None:
                    raise _refused(machine, current, event, n1, reason)
                for name, check in more_guards:
                    reason = check(current, event, policy)
                    if reason is not None:
                        raise _refused(machine, current, event, name, reason)
        facts = current[4]
        effects = _NO_EFFECTS
        for apply in applies:
            updates, produced = apply(current, event, policy)
            if updates:
                facts = {**facts, **updates} if facts else updates
            if produced:
                effects = effects + produced
        new_state: RecordState = _new_tuple(
            RecordState, (current[0], machine, dest, current[3] + 1, facts, event.at)
        )
        return new_state, effects

    return fire
