"""The rollout programmes of an edition on its documentation page: a table and a Mermaid Gantt
chart (drawn by the site's own copy of mermaid, offline)."""

from __future__ import annotations

import re

from stationkit.report._markup import md_cell as _md
from stationkit.report._spans import milestone_spans
from stationkit.standard._standard import Edition

# Mermaid's Gantt syntax ends a task name at ":" and a line at ";" or "#": use the
# full-width forms, which read the same.
_MERMAID_SPECIAL = str.maketrans({":": "：", ";": "；", "#": "＃"})


def _mermaid_text(text: str) -> str:
    return re.sub(r"\s+", " ", text).translate(_MERMAID_SPECIAL).strip()


def programme_markdown(ed: Edition) -> list[str]:
    """Lines of the "Rollout programmes" section; none when the edition has no programme."""
    if not ed.programmes:
        return []
    lines = ["", "## Rollout programmes 推进计划", ""]
    for programme in ed.programmes:
        cite = f" ({programme.citation.label()})" if programme.citation else ""
        lines += [f"### {programme.title.zh} / {programme.title.en}{cite}", ""]
        if programme.penalty_per_late is not None:
            unit = programme.penalty_unit
            lines += [
                f"Late milestone 逾期一项: {programme.penalty_per_late:g} "
                + (f"{unit.zh} / {unit.en}" if unit else ""),
                "",
            ]
        lines += [
            "```mermaid",
            # Readable on a documentation page: larger text and bars than mermaid's default.
            '%%{init: {"gantt": {"fontSize": 14, "barHeight": 26, "barGap": 6, '
            '"topPadding": 40, "leftPadding": 10, "gridLineStartPadding": 30}}}%%',
            "gantt",
            f"  title {_mermaid_text(programme.title.zh)}",
            "  dateFormat YYYY-MM-DD",
            "  axisFormat %Y-%m",
        ]
        for m, start in milestone_spans(programme):
            name = _mermaid_text(f"{m.id} {m.title.zh}")
            if start >= m.due:
                lines.append(f"  {name} : milestone, {m.due.isoformat()}, 0d")
            else:
                lines.append(f"  {name} : {start.isoformat()}, {m.due.isoformat()}")
        lines += [
            "```",
            "",
            "| id | milestone 任务 | window 起始 | due 截止 | responsible 责任单位 | "
            "evidence 佐证 | source 出处 | quote 原文 |",
            "|---|---|---|---|---|---|---|---|",
        ]
        for m in programme.milestones:
            window = m.window_start.isoformat() if m.window_start else ""
            lines.append(
                f"| `{m.id}` | {_md(m.title.zh)} / {_md(m.title.en)} | {window} | "
                f"{m.due.isoformat()} | {_md('、'.join(m.responsible))} | "
                f"{_md(m.evidence.zh)} / {_md(m.evidence.en)} | {m.citation.label()} | "
                f"{_md(m.citation.quote)} |"
            )
        lines.append("")
    return lines
