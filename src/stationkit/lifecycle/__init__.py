"""Lifecycles: station, hazard, drill, acceptance and rollout machines, a ledger, deadlines.

Machines are data (``MachineSpec``), extended by plugins (``MachineExtension``), resolved and
compiled into an immutable ``MachineDefinition``, and driven by the pure ``step``. Events go to
a ``Ledger`` (in memory, SQLite or PostgreSQL — ``open_ledger(url)``); state is what ``replay``
gives, at any ``as_of`` date.
"""

from stationkit.errors import (
    DefinitionError,
    DuplicateEventError,
    GuardFailedError,
    IllegalEventError,
    LedgerBusyError,
    LedgerConnectionError,
    LedgerError,
    LedgerSchemaError,
    LifecycleError,
    VersionConflictError,
)
from stationkit.lifecycle._checked import CheckedReplay, Refusal, replay_located
from stationkit.lifecycle._deadlines import (
    ESCALATION_ACTOR,
    HazardStatus,
    due_escalations,
    escalate_overdue,
    hazard_status,
)
from stationkit.lifecycle._definition import CompiledTransition, MachineDefinition
from stationkit.lifecycle._effects import (
    DeadlineSet,
    Effect,
    Escalated,
    MilestoneCompleted,
    VerdictLocked,
)
from stationkit.lifecycle._events import Event, JSONValue, Payload
from stationkit.lifecycle._history import OverdueSpan, RecordHistory, record_history
from stationkit.lifecycle._ledger import AppendResult, InMemoryLedger, Ledger
from stationkit.lifecycle._machines._drill import TIME_FIELDS as DRILL_TIME_FIELDS
from stationkit.lifecycle._machines._hazard import ASSIGN_ACTIONS as HAZARD_ASSIGN_ACTIONS
from stationkit.lifecycle._machines._hazard import ASSIGN_GUARDS as HAZARD_ASSIGN_GUARDS
from stationkit.lifecycle._machines._hazard import DEADLINE_PASSED as HAZARD_DEADLINE_PASSED
from stationkit.lifecycle._machines._hazard import DEADLINE_STATES, GRADES
from stationkit.lifecycle._open import (
    StoredLedger,
    init_ledger,
    migrate_ledger,
    open_ledger,
)
from stationkit.lifecycle._overdue import overdue_moment
from stationkit.lifecycle._paths import DrivenPath, covering_paths, drive_path
from stationkit.lifecycle._policy import DEFAULT_LADDER, DeadlinePolicy, EscalationLevel
from stationkit.lifecycle._postgres import PostgresLedger
from stationkit.lifecycle._programme import completions_from_states
from stationkit.lifecycle._replay import (
    Lifecycle,
    Submission,
    base_definitions,
    replay,
    replay_record,
    resolve_definitions,
)
from stationkit.lifecycle._resolve import base_machine, resolve_machine
from stationkit.lifecycle._response import (
    MILESTONES,
    SEGMENTS,
    Exclusion,
    ResponseSummary,
    ResponseVerdict,
    Span,
    SpanCheck,
    SpanStats,
    TimedRecord,
    percentile,
    response_summary,
    response_verdict,
)
from stationkit.lifecycle._spec import (
    MACHINE_NAMES,
    Action,
    Example,
    Guard,
    GuardAttachment,
    MachineExtension,
    MachineSpec,
    StateSpec,
    TransitionSpec,
)
from stationkit.lifecycle._sqlite import SQLiteLedger
from stationkit.lifecycle._state import START, RecordState
from stationkit.lifecycle._step import step

__all__ = [
    "DEADLINE_STATES",
    "DEFAULT_LADDER",
    "DRILL_TIME_FIELDS",
    "ESCALATION_ACTOR",
    "GRADES",
    "HAZARD_ASSIGN_ACTIONS",
    "HAZARD_ASSIGN_GUARDS",
    "HAZARD_DEADLINE_PASSED",
    "MACHINE_NAMES",
    "MILESTONES",
    "SEGMENTS",
    "START",
    "Action",
    "AppendResult",
    "CheckedReplay",
    "CompiledTransition",
    "DeadlinePolicy",
    "DeadlineSet",
    "DefinitionError",
    "DrivenPath",
    "DuplicateEventError",
    "Effect",
    "Escalated",
    "EscalationLevel",
    "Event",
    "Example",
    "Exclusion",
    "Guard",
    "GuardAttachment",
    "GuardFailedError",
    "HazardStatus",
    "IllegalEventError",
    "InMemoryLedger",
    "JSONValue",
    "Ledger",
    "LedgerBusyError",
    "LedgerConnectionError",
    "LedgerError",
    "LedgerSchemaError",
    "Lifecycle",
    "LifecycleError",
    "MachineDefinition",
    "MachineExtension",
    "MachineSpec",
    "MilestoneCompleted",
    "OverdueSpan",
    "Payload",
    "PostgresLedger",
    "RecordHistory",
    "RecordState",
    "Refusal",
    "ResponseSummary",
    "ResponseVerdict",
    "SQLiteLedger",
    "Span",
    "SpanCheck",
    "SpanStats",
    "StateSpec",
    "StoredLedger",
    "Submission",
    "TimedRecord",
    "TransitionSpec",
    "VerdictLocked",
    "VersionConflictError",
    "base_definitions",
    "base_machine",
    "completions_from_states",
    "covering_paths",
    "drive_path",
    "due_escalations",
    "escalate_overdue",
    "hazard_status",
    "init_ledger",
    "migrate_ledger",
    "open_ledger",
    "overdue_moment",
    "percentile",
    "record_history",
    "replay",
    "replay_located",
    "replay_record",
    "resolve_definitions",
    "resolve_machine",
    "response_summary",
    "response_verdict",
    "step",
]
