"""Readable renderings for failure messages: a record with only its recorded facts, a finding
with what was observed, expected and proposed."""

from __future__ import annotations

import json
from typing import Any

from stationkit.assessment._report import Report
from stationkit.records._loading import converter
from stationkit.records._model import Station
from stationkit.standard._findings import Finding, Remedy
from stationkit.standard._standard import RegionSubject, Subject

#: Lists longer than this are shown by their first items and a count.
_LIST_SHOWN = 4


def _prune(value: Any) -> Any:
    """Drop unrecorded (None) fields and abbreviate long lists."""
    if isinstance(value, dict):
        return {k: _prune(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        items = [_prune(v) for v in value]
        if len(items) > _LIST_SHOWN + 1:
            rest = f"... {len(items) - _LIST_SHOWN} more ({len(items)} in all)"
            return [*items[:_LIST_SHOWN], rest]
        return items
    return value


def record_data(record: object) -> Any:
    """A record as JSON-native data (the loader's own unstructuring)."""
    return converter().unstructure(record)


def show_subject(subject: Subject) -> str:
    """One subject in compact JSON, only the facts that are recorded."""
    if isinstance(subject, Station):
        data = _prune(record_data(subject))
    elif isinstance(subject, RegionSubject):
        data = {
            "region": _prune(record_data(subject.region)),
            "stations": [_prune(record_data(s)) for s in subject.stations],
        }
    else:  # pragma: no cover - defensive
        data = repr(subject)
    return json.dumps(data, ensure_ascii=False, default=str)


def show_remedy(remedy: Remedy | None) -> str:
    if remedy is None:
        return "none"
    changes = "; ".join(
        f"{c.op} {c.path} = {json.dumps(c.value, ensure_ascii=False, default=str)}"
        for c in remedy.change
    )
    return f"{remedy.text.en} [{changes or 'no structured change'}]"


def show_finding(finding: Finding) -> str:
    """``req.id: status (observed … expected …) remedy: …``"""
    obs = json.dumps(finding.observed, ensure_ascii=False, default=str)
    exp = json.dumps(finding.expected, ensure_ascii=False, default=str)
    text = (
        f"{finding.requirement} [{finding.citation.label()}]: {finding.status.value} "
        f"(observed {obs}, expected {exp})"
    )
    if finding.remedy is not None:
        text += f"; remedy: {show_remedy(finding.remedy)}"
    return text


def explain(report: Report) -> str:
    """A report as the text a failing test should print: outcome, score, grade, findings."""
    lines = [
        f"{report.subject.id} ({report.subject.kind}) against {report.standard}@{report.edition} "
        f"as of {report.as_of}: {report.outcome}, score {report.score:g}/{report.max_score:g}, "
        f"grade {report.grade}" + (" (rank-capped)" if report.rank_capped else ""),
    ]
    if report.failed_gates:
        lines.append(f"  failed gates: {', '.join(report.failed_gates)}")
    lines.extend(f"  - {show_finding(f)}" for f in report.findings)
    return "\n".join(lines)
