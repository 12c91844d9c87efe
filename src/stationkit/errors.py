"""Every error stationkit raises on purpose, in one tree; each says what was wrong and where.

    StationkitError                    exit 2 from the CLI unless said otherwise
    ├── InputError                     input files: every problem with file, record, path
    ├── UsageError                     a command line that cannot be carried out
    ├── TailoringError                 a parameter override or tailoring file refused
    ├── ChangeError                    a remedy's change that cannot be applied
    ├── RequirementError               a plugin's predicate failed (exit 3: a bug, not input)
    ├── PluginError                    a plugin failed to load or answer (strict mode)
    │   └── DuplicateStandardError     two plugins register one id@edition
    ├── UnknownStandardError           no loaded plugin provides id@edition (also LookupError)
    ├── MonitorError                   the live monitor
    │   ├── EngineUnavailableError     the engine cannot run on this Python (durable on 3.13+)
    │   └── RuleEngineError            rules left an observation undecided, an action raised,
    │                                  the rule runtime broke (exit 3: a bug, not input)
    └── LifecycleError
        ├── DefinitionError            a machine definition or extension is inconsistent
        ├── IllegalEventError          the state does not allow the event (state untouched)
        ├── GuardFailedError           a guard refused the event (state untouched)
        └── LedgerError                an append refused or a ledger unreadable
            ├── VersionConflictError   another writer appended first
            ├── DuplicateEventError    an event id reused for different content
            ├── LedgerBusyError        the database stayed locked past the timeout
            ├── LedgerConnectionError  the database unreachable or the login refused
            └── LedgerSchemaError      no ledger schema, or one of another version

``exit_code`` maps an error to the CLI's exit code, in this one place.
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs


class StationkitError(Exception):
    """Base of every error the library raises on purpose."""


@attrs.frozen
class InputProblem:
    """One problem in an input file: where, and what was expected."""

    source: str
    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.source}: {self.path}: {self.message}"


class InputError(StationkitError):
    """Input that cannot be loaded; carries every problem found, not only the first."""

    def __init__(self, problems: list[InputProblem]) -> None:
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


class TailoringError(StationkitError):
    """A parameter override that names no parameter or has the wrong type."""


class UnknownStandardError(StationkitError, LookupError):
    """No loaded plugin provides the standard (or edition) asked for."""


class PluginError(StationkitError):
    """A plugin failed to load or to answer a hook (raised in strict mode)."""


class DuplicateStandardError(PluginError):
    """Two plugins register the same standard id and edition."""


class UsageError(StationkitError):
    """A command line that cannot be carried out: a missing file, an unknown format."""


class ChangeError(StationkitError):
    """A remedy's change that cannot be applied to the record it names."""


class RequirementError(StationkitError):
    """A plugin's predicate raised: a bug in the plugin, reported with the requirement id."""


class MonitorError(StationkitError):
    """Base of the live monitor's errors."""


class EngineUnavailableError(MonitorError):
    """The monitor engine asked for cannot run on this Python (e.g. durable on 3.13+)."""


class RuleEngineError(MonitorError):
    """The monitor rules failed to decide an observation: no rule matched, an action raised
    (the original is the ``__cause__``), or the rule runtime broke. A bug in the rules or
    the engine, not in the input."""


class LifecycleError(StationkitError):
    """Base class of every lifecycle error."""


class DefinitionError(LifecycleError):
    """A machine definition or an extension is inconsistent (unknown state, clash, ...)."""


class IllegalEventError(LifecycleError):
    """The record's current state does not allow the event; the state is left untouched."""

    def __init__(
        self, record_id: str, machine: str, state: str, event: str, allowed: Sequence[str]
    ) -> None:
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

    def __init__(
        self, record_id: str, machine: str, state: str, event: str, guard: str, reason: str
    ) -> None:
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


class LedgerBusyError(LedgerError):
    """The database stayed locked or overloaded past the ledger's timeout; nothing was written.

    Retrying later is safe: appends are atomic and idempotent.
    """


class LedgerConnectionError(LedgerError):
    """The ledger's database cannot be reached or refused the credentials (never printed)."""


class LedgerSchemaError(LedgerError):
    """The database holds no ledger schema, or one of another version: init or migrate it."""


EXIT_OK, EXIT_FAILED, EXIT_BAD_INPUT, EXIT_INTERNAL = 0, 1, 2, 3


def exit_code(error: BaseException) -> int:
    """The CLI's exit code for an error: 2 for anything the user can fix, 3 for a bug."""
    if isinstance(error, RequirementError | RuleEngineError):
        return EXIT_INTERNAL
    if isinstance(error, StationkitError | OSError):
        return EXIT_BAD_INPUT
    return EXIT_INTERNAL
