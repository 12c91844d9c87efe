"""Charts as inline SVG, drawn in Python from report data: no script, no network, printable.

Labels are bilingual: each carries a ``lang="zh"`` and a ``lang="en"`` line, which the report's
language switch shows or hides like any other text. Every string from input is escaped here.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

import attrs

from stationkit.report._markup import esc
from stationkit.standard._text import Text

#: Limits that keep a chart readable and its SVG small whatever the input.
MAX_BARS = 60


@attrs.frozen
class Bar:
    """One bar: ``value`` out of ``total``; ``css`` picks its colour (see report.css)."""

    label: Text
    value: float
    total: float
    css: str = "bar"
    note: str = ""  # the figure printed after the bar, e.g. "9.38/12.5"


@attrs.frozen
class GanttRow:
    """One milestone: planned from ``start`` to ``due``; ``done`` when completed."""

    label: Text
    start: date
    due: date
    done: date | None
    status: str  # pending | done_on_time | done_late | overdue
    status_label: Text


def _clip(text: str, width: float, size: float) -> str:
    """As much of ``text`` as fits ``width`` pixels at font ``size`` (CJK characters are a
    full em wide, others about half), with an ellipsis when cut."""
    used, budget = 0.0, width / size
    for i, char in enumerate(text):
        used += 1.0 if ord(char) > 0x2E7F else 0.58
        if used > budget - 1:
            return text[:i] + "…"
    return text


def _label(x: float, y: float, text: Text, width: float) -> str:
    """Two lines, zh then en, each hidden by the language switch when not wanted."""
    return (
        f'<text x="{x:.1f}" y="{y:.1f}" class="lbl" lang="zh">'
        f"{esc(_clip(text.zh, width, 13))}</text>"
        f'<text x="{x:.1f}" y="{y + 14:.1f}" class="lbl en" lang="en">'
        f"{esc(_clip(text.en, width, 11))}</text>"
    )


def bar_chart(bars: Sequence[Bar], *, title: Text, css: str = "chart") -> str:
    """Horizontal bars, each filled to ``value / total`` of its track."""
    shown = list(bars)[:MAX_BARS]
    label_w, track_w, note_w, row_h = 230.0, 250.0, 70.0, 36.0
    width = label_w + track_w + note_w
    height = row_h * len(shown) + 8
    parts = [
        f'<svg class="{esc(css)}" role="img" viewBox="0 0 {width:.0f} {height:.0f}" '
        f'width="{width:.0f}" height="{height:.0f}" xmlns="http://www.w3.org/2000/svg">',
        f"<title>{esc(title.zh)} / {esc(title.en)}</title>",
    ]
    for i, bar in enumerate(shown):
        y = 4 + i * row_h
        share = 0.0 if bar.total <= 0 else max(0.0, min(1.0, bar.value / bar.total))
        parts.append(
            f'<g class="row"><title>{esc(bar.label.zh)} / {esc(bar.label.en)}: '
            f"{esc(bar.note)}</title>"
        )
        parts.append(_label(0, y + 13, bar.label, label_w - 8))
        parts.append(
            f'<rect class="track" x="{label_w:.1f}" y="{y + 4:.1f}" width="{track_w:.1f}" '
            f'height="18" rx="3"/>'
            f'<rect class="{esc(bar.css)}" x="{label_w:.1f}" y="{y + 4:.1f}" '
            f'width="{track_w * share:.1f}" height="18" rx="3"/>'
            f'<text class="num" x="{label_w + track_w + 8:.1f}" y="{y + 18:.1f}">'
            f"{esc(bar.note)}</text></g>"
        )
    parts.append("</svg>")
    return "".join(parts)


def _months(first: date, last: date) -> list[date]:
    day = date(first.year, first.month, 1)
    out = []
    while day <= last:
        out.append(day)
        day = date(day.year + (day.month == 12), day.month % 12 + 1, 1)
    return out


def gantt_chart(rows: Sequence[GanttRow], *, as_of: date, title: Text) -> str:
    """A Gantt chart: one bar per milestone coloured by status, a diamond where it was done,
    and a line at ``as_of``."""
    shown = list(rows)[:MAX_BARS]
    if not shown:
        return ""
    days = [r.start for r in shown] + [r.due for r in shown] + [as_of]
    days += [r.done for r in shown if r.done is not None]
    first, last = min(days) - timedelta(days=7), max(days) + timedelta(days=7)
    span = max(1, (last - first).days)
    label_w, plot_w, row_h, top = 300.0, 520.0, 36.0, 24.0
    width, height = label_w + plot_w + 40, top + row_h * len(shown) + 8

    def x(day: date) -> float:
        return label_w + plot_w * (day - first).days / span

    parts = [
        f'<svg class="chart gantt" role="img" viewBox="0 0 {width:.0f} {height:.0f}" '
        f'width="{width:.0f}" height="{height:.0f}" xmlns="http://www.w3.org/2000/svg">',
        f"<title>{esc(title.zh)} / {esc(title.en)}</title>",
    ]
    months = _months(first, last)
    step = max(1, -(-len(months) * 56 // int(plot_w)))  # a tick label needs about 56 px
    for month in months[::step]:
        if month < first or x(month) + 48 > width:
            continue
        parts.append(
            f'<line class="grid" x1="{x(month):.1f}" y1="{top - 4:.1f}" x2="{x(month):.1f}" '
            f'y2="{height:.1f}"/><text class="tick" x="{x(month) + 2:.1f}" y="{top - 8:.1f}">'
            f"{month.year}-{month.month:02d}</text>"
        )
    for i, row in enumerate(shown):
        y = top + i * row_h
        start, due = x(row.start), x(row.due)
        parts.append(
            f'<g class="row"><title>{esc(row.label.zh)} / {esc(row.label.en)}: '
            f"{esc(row.status_label.zh)} / {esc(row.status_label.en)}, "
            f"due {row.due.isoformat()}"
            + (f", done {row.done.isoformat()}" if row.done else "")
            + "</title>"
        )
        parts.append(_label(0, y + 13, row.label, label_w - 8))
        parts.append(
            f'<rect class="g-{esc(row.status)}" x="{start:.1f}" y="{y + 4:.1f}" '
            f'width="{max(3.0, due - start):.1f}" height="18" rx="3"/>'
        )
        if row.done is not None:
            cx, cy = x(row.done), y + 13
            parts.append(
                f'<path class="done-mark" d="M{cx:.1f} {cy - 8:.1f} L{cx + 8:.1f} {cy:.1f} '
                f'L{cx:.1f} {cy + 8:.1f} L{cx - 8:.1f} {cy:.1f} Z"/>'
            )
        parts.append("</g>")
    line = x(as_of)
    # The date reads to the right of the line, or to its left near the chart's edge.
    near_edge = line + 70 > width
    parts.append(
        f'<line class="as-of" x1="{line:.1f}" y1="{top - 4:.1f}" x2="{line:.1f}" '
        f'y2="{height:.1f}"/><text class="tick as-of-label" '
        f'x="{line - 3 if near_edge else line + 3:.1f}" y="{height - 2:.1f}" '
        f'text-anchor="{"end" if near_edge else "start"}">{as_of.isoformat()}</text>'
    )
    parts.append("</svg>")
    return "".join(parts)
