"""Rollout programme statuses as JSON and as text."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from stationkit.assessment._rollout import ProgrammeStatus
from stationkit.report._json import text_json
from stationkit.report._lang import Lang, label, say
from stationkit.standard._standard import Edition


def status_json(status: ProgrammeStatus) -> dict[str, Any]:
    return {
        "programme": status.programme,
        "as_of": status.as_of.isoformat(),
        "late_count": status.late_count,
        "penalty_total": status.penalty_total,
        "penalty_unit": text_json(status.penalty_unit) if status.penalty_unit else None,
        "late_by_quarter": dict(status.late_by_quarter),
        "milestones": [
            {
                "milestone": m.milestone,
                "status": m.status,
                "due": m.due.isoformat(),
                "completed_on": m.completed_on.isoformat() if m.completed_on else None,
                "days_late": m.days_late,
                "late_quarter": m.late_quarter,
            }
            for m in status.milestones
        ],
    }


_LABEL = {
    "pending": ("待完成", "pending"),
    "done_on_time": ("按期完成", "on time"),
    "done_late": ("逾期完成", "late"),
    "overdue": ("逾期未完成", "overdue"),
}


def render_statuses(
    edition: Edition, statuses: Sequence[ProgrammeStatus], *, lang: Lang = "both"
) -> str:
    """Each programme's milestones as of the status date, in ``lang`` (zh, en or both)."""
    lines: list[str] = []
    titles = {p.id: p for p in edition.programmes}
    for status in statuses:
        programme = titles[status.programme]
        milestones = {m.id: m for m in programme.milestones}
        lines.append(
            f"{say(programme.title, lang)} — {label('截至', 'as of', lang)} "
            f"{status.as_of.isoformat()}"
        )
        for m in status.milestones:
            zh, en = _LABEL[m.status]
            state = label(zh, en, lang, both=f"{zh} {en}")
            done = (
                f", {label('完成', 'done', lang, both='done')} {m.completed_on.isoformat()}"
                if m.completed_on
                else ""
            )
            late = (
                f", {label(f'逾期 {m.days_late} 天', f'{m.days_late} days late', lang, both=f'{m.days_late} days late')} ({m.late_quarter})"
                if m.days_late
                else ""
            )
            title = milestones[m.milestone].title
            lines.append(
                f"  {m.milestone:<8} {state:<18} {label('截止', 'due', lang, both='due')} "
                f"{m.due.isoformat()}{done}{late}  {title.en if lang == 'en' else title.zh}"
            )
        penalty = ""
        if status.penalty_total is not None:
            unit = (
                status.penalty_unit.get("en" if lang == "en" else "zh")
                if status.penalty_unit
                else ""
            )
            penalty = f"; {label('扣分', 'penalty', lang)} {status.penalty_total:g} {unit}"
        lines.append(f"  {label('逾期', 'late', lang)}: {status.late_count}{penalty}")
    return "\n".join(lines)
