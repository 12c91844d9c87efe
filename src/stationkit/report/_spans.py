"""When each milestone of a programme is worked on, for Gantt charts (HTML and Mermaid)."""

from __future__ import annotations

from datetime import date, timedelta

from stationkit.standard._programme import Milestone, Programme

#: How long before its due day a milestone with no window and no predecessor is drawn.
LEAD_DAYS = 14


def milestone_spans(programme: Programme) -> list[tuple[Milestone, date]]:
    """Each milestone with the day its bar starts: its own window's start when the source
    gives one; else the day after the previous milestone was due; else ``LEAD_DAYS`` before."""
    spans: list[tuple[Milestone, date]] = []
    previous: date | None = None
    for m in programme.milestones:
        if m.window_start is not None:
            start = m.window_start
        elif previous is not None and previous < m.due:
            start = previous + timedelta(days=1)
        else:
            start = m.due - timedelta(days=LEAD_DAYS)
        spans.append((m, start))
        previous = m.due
    return spans
