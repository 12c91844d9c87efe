"""Live monitoring: events as they arrive, time from an injected clock, alerts by rules.

Rules are data in a small language of the core's own (``Rule``: constant tests on one
observation's fields, ``field("level") == "village"``; no joins) and run on two engines with
the same answers: ``durable`` (durable_rules, behind a private adapter) and ``python``.
Pending deadlines live in one Python schedule both engines share; durable only decides.

    monitor = open_monitor("durable", machines, rules, programmes)
    monitor.post(event)                      # alerts due up to the event's time
    monitor.advance(datetime(2025, 3, 1))    # time passes: deadlines passed by then
    monitor.close()
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from stationkit.errors import EngineUnavailableError, MonitorError, RuleEngineError
from stationkit.lifecycle import MachineDefinition
from stationkit.monitor._alert import Alert, MonitorEngine
from stationkit.monitor._core_rules import DEFAULT_RULES, SCHEDULE_RULES
from stationkit.monitor._describe import rules_json, rules_markdown
from stationkit.monitor._durable import DurableMonitor, unavailable_reason
from stationkit.monitor._monitor import WATCHED, rules_in_force
from stationkit.monitor._programme_rules import MILESTONE_MESSAGE, programme_rules
from stationkit.monitor._python import PythonMonitor
from stationkit.monitor._rules import TOPICS, Field, Rule, RuleBook, Test, Topic, field
from stationkit.standard import Programme

ENGINES = ("durable", "python")


def durable_unavailable() -> str | None:
    """Why the durable engine cannot run on this Python, or None when it can."""
    return unavailable_reason()


def default_engine() -> str:
    """``durable`` where it can run, else ``python``."""
    return "durable" if unavailable_reason() is None else "python"


def open_monitor(
    engine: str,
    machines: MachineDefinition | Iterable[MachineDefinition],
    rules: Sequence[Rule] | None = None,
    programmes: Sequence[Programme] = (),
) -> MonitorEngine:
    """A monitor on ``engine`` (``durable`` or ``python``); the core's default rules apply to
    every topic ``rules`` leave. ``EngineUnavailableError`` when durable cannot run here."""
    if engine == "python":
        return PythonMonitor(machines, rules, programmes)
    if engine == "durable":
        return DurableMonitor(machines, rules, programmes)
    raise ValueError(f"unknown monitor engine {engine!r}; engines: {list(ENGINES)}")


__all__ = [
    "DEFAULT_RULES",
    "ENGINES",
    "MILESTONE_MESSAGE",
    "SCHEDULE_RULES",
    "TOPICS",
    "WATCHED",
    "Alert",
    "DurableMonitor",
    "EngineUnavailableError",
    "Field",
    "MonitorEngine",
    "MonitorError",
    "PythonMonitor",
    "Rule",
    "RuleBook",
    "RuleEngineError",
    "Test",
    "Topic",
    "default_engine",
    "durable_unavailable",
    "field",
    "open_monitor",
    "programme_rules",
    "rules_in_force",
    "rules_json",
    "rules_markdown",
]
