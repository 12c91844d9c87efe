"""The monitor agrees with the deadlines the core computes from a replayed ledger."""

from __future__ import annotations

from datetime import datetime, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from stationkit.lifecycle import Event, hazard_status, replay, resolve_machine
from stationkit.monitor import Alert, MonitorEngine, PythonMonitor
from stationkit.testing.lifecycle import event_streams

HAZARD = resolve_machine("hazard", ())


def _run(
    monitor: MonitorEngine, events: list[Event], ticks: list[tuple[int, datetime]]
) -> list[Alert]:
    alerts: list[Alert] = []
    pending = sorted(ticks)
    for index, event in enumerate(events):
        while pending and pending[0][0] <= index:
            alerts += monitor.advance(pending.pop(0)[1])
        alerts += monitor.post(event)
    for _, moment in pending:
        alerts += monitor.advance(moment)
    return alerts


@settings(max_examples=25, deadline=None)
@given(event_streams(HAZARD, max_records=3), st.integers(0, 24 * 400))
def test_alerts_agree_with_the_replayed_ledger(events: list[Event], hours: int) -> None:
    """After the last event, a record's deadline is overdue (``hazard_status`` on the
    replayed ledger) exactly when the monitor raised an alert for its current deadline since
    the deadline last started running."""
    now = events[-1].at + timedelta(hours=hours)
    monitor = PythonMonitor(HAZARD)
    alerts = _run(monitor, events, [(len(events), now)])
    states = replay(events, {"hazard": HAZARD})
    for record, state in states.items():
        status = hazard_status(state, now.date(), HAZARD.policy)
        # When did the current run of this deadline start? (the last event before which
        # it was not running with this deadline)
        history = [e for e in events if e.record_id == record]
        started: datetime | None = None
        last_key: tuple[bool, object] | None = None
        for k, event in enumerate(history):
            partial = replay(history[: k + 1], {"hazard": HAZARD})
            now_status = hazard_status(partial[record], event.at.date(), HAZARD.policy)
            key = (now_status.deadline_running, now_status.deadline)
            if not now_status.deadline_running:
                started = None
            elif started is None or key != last_key:
                started = event.at
            last_key = key
        raised = [
            a
            for a in alerts
            if a.record_id == record
            and started is not None
            and a.at >= started
            and status.deadline is not None
            and a.due == status.deadline.isoformat()
        ]
        assert bool(raised) == status.overdue, (record, status, alerts)
        if raised:
            assert raised[-1].next_level == (status.next_level.id if status.next_level else None)
