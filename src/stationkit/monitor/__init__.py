"""Live monitoring of the hazard closed loop: events as they arrive, time from an injected
clock, alerts when a rectification deadline passes.

One engine so far behind the boundary (``MonitorEngine``): ``PythonMonitor`` (plain Python).

    definition = resolve_machine("hazard", extensions, edition)
    monitor = PythonMonitor(definition)
    monitor.post(event)                      # alerts due up to the event's time
    monitor.advance(datetime(2025, 3, 1))    # time passes: deadlines passed by then
"""

from stationkit.monitor._alert import Alert, MonitorEngine
from stationkit.monitor._python import PythonMonitor

__all__ = ["Alert", "MonitorEngine", "PythonMonitor"]
