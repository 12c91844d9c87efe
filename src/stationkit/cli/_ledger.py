"""The ``stationkit ledger`` commands: init, migrate, append, replay, overdue, escalations,
history. JSON outputs are documented in docs/json.md.

A ledger is named by URL (``sqlite:///path.db``, ``postgresql://user@host/db``) or by path
(a SQLite file, or for the reading commands a JSON-lines event file). Reading commands open
SQLite read-only.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from contextlib import ExitStack
from datetime import date, datetime, time
from pathlib import Path

from stationkit.errors import (
    DuplicateEventError,
    GuardFailedError,
    IllegalEventError,
    LedgerError,
    LifecycleError,
    UsageError,
    VersionConflictError,
)
from stationkit.lifecycle._checked import Refusal, replay_located, states_json
from stationkit.lifecycle._deadlines import due_escalations, hazard_status
from stationkit.lifecycle._events import (
    Event,
    JSONValue,
    Located,
    locate_events,
    locate_events_in_text,
    open_events,
)
from stationkit.lifecycle._history import RecordHistory, record_history
from stationkit.lifecycle._ledger import Ledger
from stationkit.lifecycle._open import (
    LedgerURL,
    StoredLedger,
    init_ledger,
    migrate_ledger,
    open_ledger,
    parse_ledger_url,
)
from stationkit.lifecycle._replay import Definitions, Lifecycle, replay
from stationkit.lifecycle._spec import MACHINE_NAMES
from stationkit.lifecycle._sqlite import is_sqlite_file
from stationkit.lifecycle._state import RecordState
from stationkit.report._escape import dumps, printable
from stationkit.report._lang import Lang, say

EXIT_OK, EXIT_SOME_FAILED = 0, 1
_SUBMIT_TRIES = 3  # a version conflict (another writer) is re-validated this many times
_STDIN_LIMIT = 64 * 1024 * 1024  # characters read from one append input


def add_commands(ledger_sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the subcommands to ``stationkit ledger``."""

    def command(name: str, help_text: str, description: str) -> argparse.ArgumentParser:
        parser = ledger_sub.add_parser(name, help=help_text, description=description)
        parser.set_defaults(lifecycle_command=f"ledger {name}")
        return parser

    def common(parser: argparse.ArgumentParser, *, standard: bool = True) -> None:
        if standard:
            parser.add_argument(
                "--standard", metavar="ID@EDITION", help="use this standard's extended machines"
            )
        parser.add_argument(
            "--format", choices=("text", "json"), default="text", help="text (default) or JSON"
        )

    def source(parser: argparse.ArgumentParser, *, required: bool = True) -> None:
        parser.add_argument(
            "--ledger",
            required=required,
            metavar="URL|FILE",
            help="sqlite:///PATH, postgresql://USER@HOST/DB, a SQLite file or a .jsonl file",
        )

    for name, what in (("init", "create"), ("migrate", "upgrade")):
        p = command(
            name,
            f"{what} the ledger schema at URL",
            f"{what.capitalize()} the versioned ledger schema (SQLite or PostgreSQL) at URL.",
        )
        p.add_argument("url", metavar="URL", help="sqlite:///PATH or postgresql://USER@HOST/DB")
        common(p, standard=False)

    p = command(
        "append",
        "append events (one JSON object or JSON lines) through the machines",
        "Validate each event with the machines and append it to the ledger; print, per "
        "event, the version stored or why it was refused.",
    )
    source(p)
    p.add_argument("input", metavar="EVENT.json|-", help="an event file, or - for stdin")
    common(p)

    p = command(
        "replay",
        "replay a ledger or an event file; print the states",
        "Replay the events up to a date and print each record's state; a refused event is "
        "named with its file:line.",
    )
    p.add_argument("file", nargs="?", help="a .jsonl event file or a SQLite ledger file")
    source(p, required=False)
    p.add_argument(
        "--as-of", required=True, metavar="DATE", help="replay the events up to that day"
    )
    p.add_argument("--machine", choices=MACHINE_NAMES, help="replay only this machine")
    p.add_argument(
        "--keep-going",
        action="store_true",
        help="report refused events (file:line) and replay the rest",
    )
    common(p)

    p = command(
        "overdue",
        "hazards past their deadline: level and days overdue",
        "List the hazards whose rectification deadline has passed on a date (the deadline "
        "day itself is not overdue), with their level and days overdue.",
    )
    source(p)
    p.add_argument("--as-of", required=True, metavar="DATE", help="the day to look at")
    common(p)

    p = command(
        "escalations",
        "escalations due and not yet recorded",
        "List the escalations of overdue hazards that are due and not yet recorded; with "
        "--apply, append them to the ledger as events.",
    )
    source(p)
    p.add_argument("--as-of", required=True, metavar="DATETIME", help="ISO date or date-time")
    p.add_argument("--apply", action="store_true", help="append them to the ledger as events")
    common(p)

    p = command(
        "history",
        "every event of a record and the state it led to",
        "Print every event of a record with the state it led to, and for a hazard the days "
        "it was overdue (also after it closed).",
    )
    p.add_argument("record", metavar="RECORD", help="the record id")
    source(p)
    p.add_argument("--as-of", metavar="DATE", help="the history up to that day (default: today)")
    common(p)


# --- arguments ------------------------------------------------------------------------------


def parse_day(text: str, flag: str = "--as-of") -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise UsageError(f"{flag} {text!r} is not an ISO date (YYYY-MM-DD)") from None


def parse_moment(text: str, flag: str = "--as-of") -> datetime:
    """A date-time; a bare date is the end of that day."""
    try:
        if len(text) == 10:
            return datetime.combine(date.fromisoformat(text), time.max)
        return datetime.fromisoformat(text)
    except ValueError:
        raise UsageError(
            f"{flag} {text!r} is not an ISO date or date-time (YYYY-MM-DD[THH:MM])"
        ) from None


class _Source:
    """Where a reading command's events come from: a ledger database or a JSON-lines file."""

    def __init__(self, spec: str, stack: ExitStack) -> None:
        self.spec = spec
        self.ledger: Ledger | None = None
        self.path: Path | None = None
        target = parse_ledger_url(spec)
        if target.backend == "sqlite" and "://" not in spec:
            path = Path(spec)
            if not path.is_file():
                raise UsageError(f"no such file: {path}")
            if not is_sqlite_file(path):
                self.path = path  # an event file
                return
        self.ledger = _opened(stack, open_ledger(target, read_only=True))

    def located(self, machine: str | None = None) -> Iterator[Located]:
        if self.path is not None:
            yield from locate_events(open_events(self.path), str(self.path))
            return
        assert self.ledger is not None
        for event in self.ledger.events(machine):
            yield f"{self.spec}: event {event.event_id!r}", event

    def events(self, machine: str | None = None) -> Iterator[Event]:
        if self.ledger is not None:
            return self.ledger.events(machine)
        return (e for e in _strict(self.located()) if machine in (None, e.machine))

    def history(self, record_id: str) -> Iterator[Event]:
        if self.ledger is not None:
            return iter(self.ledger.history(record_id))
        return (e for e in _strict(self.located()) if e.record_id == record_id)


def _opened(stack: ExitStack, ledger: StoredLedger) -> StoredLedger:
    stack.callback(ledger.close)
    return ledger


def _strict(items: Iterator[Located]) -> Iterator[Event]:
    for location, found in items:
        if isinstance(found, str):
            raise LedgerError(f"{location}: {found}")
        yield found


def _lang(args: argparse.Namespace) -> Lang:
    lang: Lang = getattr(args, "lang", "both")  # set by the core CLI's --lang
    return lang


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


def _print_json(data: JSONValue) -> None:
    print(dumps(data))


def _say(*fields: object) -> None:
    """Print one tab-separated line; values from the ledger shown escaped (a record id can
    hold a terminal escape sequence or a bidi override)."""
    print("\t".join(printable(str(field)) for field in fields))


# --- commands -------------------------------------------------------------------------------


def run(args: argparse.Namespace, definitions: Definitions) -> int:
    """Run ``stationkit ledger ...`` with the (possibly extended) machines."""
    name = args.lifecycle_command
    if name in ("ledger init", "ledger migrate"):
        return _init_or_migrate(args)
    with ExitStack() as stack:
        if name == "ledger append":
            return _append(args, definitions, stack)
        if name == "ledger replay":
            return _replay(args, definitions, stack)
        source = _Source(args.ledger, stack)
        if name == "ledger overdue":
            return _overdue(args, definitions, source)
        if name == "ledger escalations":
            return _escalations(args, definitions, source, stack)
        if name == "ledger history":
            return _history(args, definitions, source)
    raise UsageError(f"unknown ledger command {name!r}")


def _init_or_migrate(args: argparse.Namespace) -> int:
    target: LedgerURL = parse_ledger_url(args.url)
    create = args.lifecycle_command == "ledger init"
    before, after = init_ledger(args.url) if create else migrate_ledger(args.url)
    if args.format == "json":
        _print_json({"ledger": target.shown, "schema_before": before, "schema_version": after})
    elif before == after:
        print(f"{target.shown}: ledger schema is current (version {after})")
    else:
        print(f"{target.shown}: ledger schema version {before} → {after}")
    return EXIT_OK


def _read_input(spec: str) -> tuple[str, str]:
    if spec == "-":
        text = sys.stdin.read(_STDIN_LIMIT + 1)
        name = "<stdin>"
    else:
        path = Path(spec)
        if not path.is_file():
            raise UsageError(f"no such file: {path}")
        with path.open(encoding="utf-8") as handle:
            text = handle.read(_STDIN_LIMIT + 1)
        name = str(path)
    if len(text) > _STDIN_LIMIT:
        raise UsageError(f"{name}: more than {_STDIN_LIMIT} characters; split it")
    return text, name


def _submit(life: Lifecycle, event: Event) -> tuple[str, int, str]:
    """Submit ``event``; (status, version, state). Refusals raise (LifecycleError)."""
    for attempt in range(_SUBMIT_TRIES):
        try:
            done = life.submit(event)
        except VersionConflictError:
            if attempt == _SUBMIT_TRIES - 1:
                raise
            continue  # another writer appended first: validate again against their event
        return ("duplicate" if done.duplicate else "stored"), done.state.version, done.state.state
    raise AssertionError("unreachable")  # pragma: no cover


def _append(args: argparse.Namespace, definitions: Definitions, stack: ExitStack) -> int:
    text, name = _read_input(args.input)
    target = parse_ledger_url(args.ledger)
    if target.backend == "sqlite" and "://" not in args.ledger:
        path = Path(args.ledger)
        if path.exists() and not is_sqlite_file(path):
            raise UsageError(f"{path} is not a SQLite ledger (append writes to a ledger)")
    ledger = _opened(stack, open_ledger(target))
    life = Lifecycle(ledger, definitions)
    results: list[dict[str, JSONValue]] = []
    for location, found in locate_events_in_text(text, name):
        row: dict[str, JSONValue] = {"location": location}
        if isinstance(found, str):
            row.update(status="refused", reason=found)
        else:
            row.update(event_id=found.event_id, record_id=found.record_id)
            try:
                status, version, state = _submit(life, found)
                row.update(status=status, version=version, state=state)
            except (VersionConflictError, DuplicateEventError) as error:
                row.update(status="refused", reason=str(error))
            except LedgerError:
                raise  # busy, unreachable, no schema: the ledger's fault, not this event's
            except LifecycleError as error:  # illegal, guard failed, unknown machine
                row.update(status="refused", reason=str(error))
        results.append(row)
        if args.format == "text":
            print(_append_line(row))
    refused = sum(1 for r in results if r["status"] == "refused")
    if args.format == "json":
        _print_json(
            {
                "ledger": target.shown,
                "results": list[JSONValue](results),
                "stored": sum(1 for r in results if r["status"] == "stored"),
                "duplicates": sum(1 for r in results if r["status"] == "duplicate"),
                "refused": refused,
            }
        )
    elif not results:
        print(f"{name}: no events")
    return EXIT_SOME_FAILED if refused else EXIT_OK


def _append_line(row: dict[str, JSONValue]) -> str:
    where = row["location"]
    if row["status"] == "refused":
        return f"{where}: refused: {row['reason']}"
    repeat = " (already stored)" if row["status"] == "duplicate" else ""
    return (
        f"{where}: {row['event_id']} → {row['record_id']} version {row['version']} "
        f"({row['state']}){repeat}"
    )


def _replay(args: argparse.Namespace, definitions: Definitions, stack: ExitStack) -> int:
    as_of = parse_day(args.as_of)
    if (args.file is None) == (args.ledger is None):
        raise UsageError("ledger replay: give either FILE or --ledger URL|FILE (one of them)")
    source = _Source(args.ledger or args.file, stack)
    if source.ledger is not None and not args.keep_going:
        states = _replay_stored(source, args.machine, definitions, as_of)
        refused: tuple[Refusal, ...] = ()
    else:
        checked = replay_located(
            source.located(args.machine),
            definitions,
            as_of,
            machine=args.machine,
            keep_going=args.keep_going,
        )
        states, refused = checked.states, checked.refused
    for refusal in refused:
        print(f"stationkit: refused: {printable(str(refusal))}", file=sys.stderr)
    if args.format == "json":
        rows = states_json(states)
        if args.keep_going:
            _print_json(
                {
                    "as_of": as_of.isoformat(),
                    "states": list[JSONValue](rows),
                    "refused": [r.to_json() for r in refused],
                }
            )
        else:
            _print_json(list[JSONValue](rows))
    else:
        ordered = sorted(states.values(), key=lambda s: (s.machine, s.record_id))
        for s in ordered:
            shown = say(definitions[s.machine].state_title(s.state), _lang(args))
            _say(s.machine, s.record_id, s.state, shown, f"v{s.version}")
        tail = f"; {_count(len(refused), 'event')} refused" if args.keep_going else ""
        print(f"{len(ordered)} records as of {as_of.isoformat()}{tail}")
    return EXIT_SOME_FAILED if refused else EXIT_OK


def _replay_stored(
    source: _Source, machine: str | None, definitions: Definitions, as_of: date
) -> dict[str, RecordState]:
    """Replay a database ledger; a row it cannot read, or an event the machines refuse, is
    an error naming the ledger (and the row, found when replay fails: rows are read unchecked,
    for speed)."""
    assert source.ledger is not None
    try:
        return replay(source.ledger.events(machine), definitions, as_of)
    except (ValueError, TypeError):
        bad_row = getattr(source.ledger, "bad_row", None)
        problem = bad_row() if bad_row is not None else None
        if problem is None:
            raise
        raise LedgerError(f"{source.spec}: {problem}") from None
    except LedgerError:
        raise
    except LifecycleError as error:
        raise LedgerError(f"{source.spec}: {error}") from None


def _overdue(args: argparse.Namespace, definitions: Definitions, source: _Source) -> int:
    as_of = parse_day(args.as_of)
    hazard = definitions["hazard"]
    states = replay(source.events("hazard"), {"hazard": hazard}, as_of)
    statuses = [hazard_status(state, as_of, hazard.policy) for state in states.values()]
    overdue = sorted(
        (s for s in statuses if s.overdue), key=lambda s: (-s.days_overdue, s.record_id)
    )
    if args.format == "json":
        _print_json(
            {
                "as_of": as_of.isoformat(),
                "overdue": [
                    {
                        "record_id": s.record_id,
                        "state": s.state,
                        "level": s.level,
                        "deadline": s.deadline.isoformat() if s.deadline else None,
                        "days_overdue": s.days_overdue,
                        "escalation_due": s.escalation_due,
                        "next_level": s.next_level.id if s.next_level else None,
                    }
                    for s in overdue
                ],
            }
        )
    else:
        for s in overdue:
            above = f"; escalate to {s.next_level.id}" if s.escalation_due and s.next_level else ""
            _say(
                s.record_id,
                s.state,
                f"level {s.level}",
                f"deadline {s.deadline}",
                f"{s.days_overdue} days overdue{above}",
            )
        print(f"{_count(len(overdue), 'hazard')} overdue as of {as_of.isoformat()}")
    return EXIT_SOME_FAILED if overdue else EXIT_OK


def _escalations(
    args: argparse.Namespace, definitions: Definitions, source: _Source, stack: ExitStack
) -> int:
    moment = parse_moment(args.as_of)
    as_of = moment.date()
    hazard = definitions["hazard"]
    states = replay(source.events("hazard"), {"hazard": hazard}, as_of)
    due = [
        e
        for e in due_escalations(states.values(), as_of, hazard.policy)
        if e.at.replace(tzinfo=None) <= moment.replace(tzinfo=None)
    ]
    rows: list[dict[str, JSONValue]] = [{"event": e.to_json(), "status": "due"} for e in due]
    refused = 0
    if args.apply:
        if source.ledger is None:
            raise UsageError(
                "--apply appends to a ledger: give --ledger a ledger, not an event file"
            )
        writable = _opened(stack, open_ledger(args.ledger))
        life = Lifecycle(writable, definitions)
        for row, event in zip(rows, due, strict=True):
            try:
                status, version, state = _submit(life, event)
                row.update(status=status, version=version, state=state)
            except (IllegalEventError, GuardFailedError, VersionConflictError) as error:
                row.update(status="refused", reason=str(error))
                refused += 1
    if args.format == "json":
        _print_json(
            {"as_of": args.as_of, "applied": args.apply, "escalations": list[JSONValue](rows)}
        )
    else:
        for row, event in zip(rows, due, strict=True):
            payload = event.payload
            _say(
                event.record_id,
                f"{payload['from_level']} → {payload['to_level']}",
                f"deadline {payload['deadline']}",
                f"due {event.at.isoformat()}",
                row["status"],
            )
        verb = "applied" if args.apply else "due"
        print(f"{_count(len(due) - refused, 'escalation')} {verb} as of {args.as_of}")
    return EXIT_SOME_FAILED if refused else EXIT_OK


def _history(args: argparse.Namespace, definitions: Definitions, source: _Source) -> int:
    as_of = parse_day(args.as_of) if args.as_of else date.today()
    found = record_history(source.history(args.record), definitions, as_of)
    if found is None:
        raise UsageError(f"record {args.record!r} has no events up to {as_of.isoformat()}")
    if args.format == "json":
        _print_json(history_json(found))
        return EXIT_OK
    for item in found.steps:
        event, state = item.event, item.state
        shown = say(definitions[state.machine].state_title(state.state), _lang(args))
        actor = f" by {event.actor}" if event.actor else ""
        _say(
            f"v{state.version}",
            event.at.isoformat(),
            f"{event.type}{actor}",
            f"→ {state.state} ({shown})",
        )
    for span in found.overdue:
        print(span.describe())
    return EXIT_OK


def history_json(found: RecordHistory) -> dict[str, JSONValue]:
    state = found.state
    assert state is not None
    return {
        "record_id": found.record_id,
        "machine": state.machine,
        "as_of": found.as_of.isoformat(),
        "state": state.state,
        "version": state.version,
        "steps": [
            {
                "version": s.state.version,
                "event": s.event.to_json(),
                "state": s.state.state,
                "facts": dict(s.state.facts),
            }
            for s in found.steps
        ],
        "overdue": [span.to_json() for span in found.overdue],
    }
