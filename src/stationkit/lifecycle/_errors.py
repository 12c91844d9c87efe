"""The errors of the lifecycles: each names the record, its state and what would be allowed."""

from __future__ import annotations

from collections.abc import Sequence


class LifecycleError(Exception):
    """Base class of every lifecycle error."""


class DefinitionError(LifecycleError):
    """A machine definition or an extension is inconsistent (unknown state, clash, ...)."""


class IllegalEventError(LifecycleError):
    """The record's current state does not allow the event; the state is left untouched."""

    def __init__(self, record_id: str, machine: str, state: str, event: str,
                 allowed: Sequence[str]) -> None:
        self.record_id = record_id
        self.machine = machine
        self.state = state
        self.event = event
        self.allowed = tuple(allowed)
        allowed_text = ", ".join(self.allowed) if self.allowed else "none (final state)"
        super().__init__(
            f"{machine} record {record_id!r} is in state {state!r}, which does not allow "
            f"event {event!r}; allowed events: {allowed_text}"
        )


class GuardFailedError(LifecycleError):
    """A guard refused the event; names the guard and why. The state is left untouched."""

    def __init__(self, record_id: str, machine: str, state: str, event: str, guard: str,
                 reason: str) -> None:
        self.record_id = record_id
        self.machine = machine
        self.state = state
        self.event = event
        self.guard = guard
        self.reason = reason
        super().__init__(
            f"{machine} record {record_id!r} in state {state!r}: event {event!r} refused by "
            f"guard {guard!r}: {reason}"
        )


class LedgerError(LifecycleError):
    """The ledger refused an append or could not be read."""


class VersionConflictError(LedgerError):
    """Another writer appended to the record first: the expected version is stale."""

    def __init__(self, record_id: str, expected: int, actual: int) -> None:
        self.record_id = record_id
        self.expected = expected
        self.actual = actual
        super().__init__(
            f"record {record_id!r}: expected version {expected} but the ledger is at version "
            f"{actual} (another writer appended first); replay and retry"
        )


class DuplicateEventError(LedgerError):
    """An event id was posted again with different content: an id names one event only."""

    def __init__(self, event_id: str) -> None:
        self.event_id = event_id
        super().__init__(
            f"event id {event_id!r} is already stored with different content; "
            "event ids must be unique per event"
        )
