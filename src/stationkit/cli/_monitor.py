"""``stationkit monitor``: JSON-lines events in (a file, or ``-`` for stdin as they arrive),
each alert out as one JSON line as soon as it is due.

Exit 0 when the stream is processed, 2 on bad input (naming the line) or usage. An event
the lifecycle refuses (an illegal transition, a failed guard) is reported on stderr with its
line number and skipped, as a ledger would refuse it; the stream goes on.
"""

from __future__ import annotations

import argparse
import json
import queue
import sys
import threading
from collections.abc import Callable, Iterator
from datetime import date, datetime, time
from pathlib import Path
from typing import TextIO

from stationkit._registry import Registry
from stationkit.errors import StationkitError
from stationkit.lifecycle import Event, LifecycleError, resolve_machine
from stationkit.monitor import (
    ENGINES,
    WATCHED,
    Alert,
    MonitorEngine,
    default_engine,
    durable_unavailable,
    open_monitor,
)

MAX_LINE = 1_000_000  # characters of one event line
WALL_TICK = 1.0  # seconds between wall-clock ticks while no event arrives


class MonitorInputError(StationkitError):
    """A line of the event stream that is not an event (names the line)."""


def parse_until(text: str) -> datetime:
    """An ISO date-time, or a date meaning the end of that day."""
    try:
        if len(text) == 10:
            return datetime.combine(date.fromisoformat(text), time.max)
        return datetime.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"expected a date YYYY-MM-DD or an ISO date-time, got {text!r}"
        ) from None


def add_command(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "monitor",
        help="live monitoring: JSON-lines events in, an alert per line out as soon as due",
        description="Follow the hazard, drill, rollout and station events of a JSON-lines "
        "file (or - for stdin, line by line as they arrive) and print each alert the "
        "standard's monitor rules raise, as soon as it is due. Refused events are reported "
        "on stderr and skipped.",
    )
    p.add_argument("events", metavar="EVENTS", help="a JSON-lines file of events, or - (stdin)")
    p.add_argument(
        "--standard",
        metavar="ID[@EDITION]",
        help="the standard whose machines, programmes and monitor rules apply (default: the "
        "core machines and rules)",
    )
    p.add_argument(
        "--engine",
        choices=ENGINES,
        help="the rule engine (default: durable where it can run, else python)",
    )
    p.add_argument(
        "--clock",
        choices=("events", "wall"),
        default="events",
        help="events: time is the events' timestamps (deterministic); wall: the machine's "
        "local time also passes between events",
    )
    p.add_argument(
        "--until",
        type=parse_until,
        metavar="DATETIME",
        help="after the last event, advance the clock to this moment (a date: its end)",
    )
    p.add_argument(
        "--format",
        choices=("jsonl", "text"),
        default="jsonl",
        help="jsonl: one JSON object per alert (docs/json.md); text: for people",
    )


def _lines(stream: TextIO) -> Iterator[str]:
    # readline, not iteration: each line is handed on as soon as it arrives on a pipe.
    return iter(stream.readline, "")


def _open_monitor(registry: Registry | None, args: argparse.Namespace) -> MonitorEngine:
    engine = args.engine or default_engine()
    if engine == "durable":
        reason = durable_unavailable()
        if reason is not None:
            raise MonitorInputError(reason)
    if registry is None or args.standard is None:
        return open_monitor(engine, [resolve_machine(name, ()) for name in WATCHED])
    std, ed = registry.standard(args.standard)
    extensions = registry.machine_extensions(std.id, ed.edition)
    machines = [resolve_machine(name, extensions, ed.edition) for name in WATCHED]
    rules = registry.monitor_rules(std.id, ed.edition)
    return open_monitor(engine, machines, rules, ed.programmes)


def _event(line: str, where: str) -> Event:
    if len(line) > MAX_LINE:
        raise MonitorInputError(f"{where}: the line is longer than {MAX_LINE} characters")
    try:
        data = json.loads(line)
        if not isinstance(data, dict):
            raise ValueError("each line must be a JSON object (an event)")
        return Event.from_json(data)
    except ValueError as error:  # json.JSONDecodeError is a ValueError
        raise MonitorInputError(f"{where}: {error}") from None


def _writer(fmt: str, out: TextIO) -> Callable[[Alert], None]:
    def write(alert: Alert) -> None:
        if fmt == "jsonl":
            out.write(json.dumps(alert.to_json(), ensure_ascii=False) + "\n")
        else:
            out.write(
                f"{alert.at.isoformat()}  {alert.record_id}  [{alert.rule}]\n"
                f"    {alert.message.zh}\n    {alert.message.en}\n"
            )
        out.flush()

    return write


def _reader(stream: TextIO, lines: queue.Queue[str | None]) -> None:
    try:
        for line in _lines(stream):
            lines.put(line)
    finally:
        lines.put(None)


def _wall_lines(stream: TextIO, tick: Callable[[], None]) -> Iterator[str]:
    """The stream's lines; while none arrives, ``tick`` every ``WALL_TICK`` seconds."""
    lines: queue.Queue[str | None] = queue.Queue(maxsize=1024)
    threading.Thread(target=_reader, args=(stream, lines), daemon=True).start()
    while True:
        try:
            line = lines.get(timeout=WALL_TICK)
        except queue.Empty:
            tick()
            continue
        if line is None:
            return
        yield line


def run_monitor(
    args: argparse.Namespace, registry: Registry | None, out: TextIO, err: TextIO
) -> int:
    name = "<stdin>" if args.events == "-" else args.events
    write = _writer(args.format, out)
    monitor = _open_monitor(registry, args)
    try:
        with (
            sys.stdin if args.events == "-" else Path(args.events).open(encoding="utf-8")
        ) as stream:

            def tick() -> None:
                for alert in monitor.advance(datetime.now()):
                    write(alert)

            lines = _wall_lines(stream, tick) if args.clock == "wall" else _lines(stream)
            for number, line in enumerate(lines, start=1):
                if not line.strip():
                    continue
                event = _event(line, f"{name}:{number}")
                if args.clock == "wall":
                    tick()
                try:
                    alerts = monitor.post(event)
                except LifecycleError as error:
                    err.write(f"stationkit: {name}:{number}: event refused: {error}\n")
                    continue
                for alert in alerts:
                    write(alert)
        if args.until is not None:
            for alert in monitor.advance(args.until):
                write(alert)
    finally:
        monitor.close()
    return 0
