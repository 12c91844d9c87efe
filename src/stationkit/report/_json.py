"""Reports as JSON: the shape other programs parse (see docs/json.md). Extend only by adding."""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import date
from typing import Any

from stationkit.assessment._report import GroupScore, Override, Report, SubjectRef
from stationkit.standard._findings import Change, Finding, Remedy, Status
from stationkit.standard._standard import ParamValue
from stationkit.standard._text import Citation, Text


def text_json(text: Text) -> dict[str, str]:
    return {"zh": text.zh, "en": text.en}


def citation_json(c: Citation) -> dict[str, Any]:
    return {"document": c.document, "section": c.section, "quote": c.quote, "inferred": c.inferred}


def value_json(value: ParamValue) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, tuple):
        return list(value)
    return value


def _remedy_json(r: Remedy | None) -> dict[str, Any] | None:
    if r is None:
        return None
    return {
        "text": text_json(r.text),
        "change": [{"op": c.op, "path": c.path, "value": c.value} for c in r.change],
    }


def finding_json(f: Finding) -> dict[str, Any]:
    return {
        "requirement": f.requirement,
        "status": f.status.value,
        "observed": f.observed,
        "expected": f.expected,
        "citation": citation_json(f.citation),
        "remedy": _remedy_json(f.remedy),
        "title": text_json(f.title),
        "group": f.group,
        "gate": f.gate,
        "weight": f.weight,
        "credit": f.credit,
        "points": f.points,
        "note": text_json(f.note) if f.note else None,
    }


def report_to_json(r: Report) -> dict[str, Any]:
    """The report as JSON-native data, in the documented shape."""
    return {
        "subject": {
            "id": r.subject.id,
            "kind": r.subject.kind,
            "name": r.subject.name,
            "type": r.subject.subject,
        },
        "standard": r.standard,
        "edition": r.edition,
        "as_of": r.as_of.isoformat(),
        "outcome": r.outcome,
        "score": r.score,
        "max_score": r.max_score,
        "grade": r.grade,
        "grade_title": text_json(r.grade_title) if r.grade_title else None,
        "rank_capped": r.rank_capped,
        "base_score": r.base_score,
        "bonus": r.bonus,
        "deductions": r.deductions,
        "failed_gates": list(r.failed_gates),
        "breakdown": [
            {
                "group": g.group,
                "title": text_json(g.title),
                "points": g.points,
                "max_points": g.max_points,
                "met": g.met,
                "applicable": g.applicable,
            }
            for g in r.breakdown
        ],
        "overridden": {
            name: {"value": value_json(o.value), "source_value": value_json(o.source_value)}
            for name, o in r.overridden.items()
        },
        "findings": [finding_json(f) for f in r.findings],
    }


def _text(d: Mapping[str, Any]) -> Text:
    return Text(d["zh"], d["en"])


def _param_value(raw: Any, like: Any) -> ParamValue:
    if isinstance(raw, list):
        return tuple(raw)
    if isinstance(raw, str) and isinstance(like, str):
        try:
            return date.fromisoformat(raw)
        except ValueError:
            return raw
    value: ParamValue = raw
    return value


def _finding(d: Mapping[str, Any]) -> Finding:
    rem = d.get("remedy")
    return Finding(
        requirement=d["requirement"],
        status=Status(d["status"]),
        observed=d["observed"],
        expected=d["expected"],
        citation=Citation(**d["citation"]),
        title=_text(d["title"]),
        group=d["group"],
        remedy=Remedy(_text(rem["text"]), tuple(Change(**c) for c in rem["change"]))
        if rem
        else None,
        note=_text(d["note"]) if d.get("note") else None,
        gate=d["gate"],
        weight=d["weight"],
        credit=d["credit"],
        points=d["points"],
    )


def report_from_json(d: Mapping[str, Any]) -> Report:
    """Rebuild a report from :func:`report_to_json` output."""
    return Report(
        subject=SubjectRef(
            d["subject"]["id"],
            d["subject"]["kind"],
            d["subject"].get("name"),
            d["subject"].get("type", "station"),
        ),
        standard=d["standard"],
        edition=d["edition"],
        as_of=date.fromisoformat(d["as_of"]),
        outcome=d["outcome"],
        score=d["score"],
        max_score=d["max_score"],
        grade=d["grade"],
        grade_title=_text(d["grade_title"]) if d.get("grade_title") else None,
        rank_capped=d["rank_capped"],
        base_score=d["base_score"],
        bonus=d["bonus"],
        deductions=d["deductions"],
        failed_gates=tuple(d["failed_gates"]),
        breakdown=tuple(
            GroupScore(
                g["group"],
                _text(g["title"]),
                g["points"],
                g["max_points"],
                g["met"],
                g["applicable"],
            )
            for g in d["breakdown"]
        ),
        overridden={
            k: Override(
                _param_value(v["value"], v["source_value"]),
                _param_value(v["source_value"], v["source_value"]),
            )
            for k, v in d["overridden"].items()
        },
        findings=tuple(_finding(f) for f in d["findings"]),
    )


def report_line(r: Report) -> str:
    """The report as one line of JSON (``--format jsonl``): the same object as an item of
    ``--format json``'s ``reports``, without indentation (indenting was most of the time)."""
    return json.dumps(report_to_json(r), ensure_ascii=False, separators=(",", ":"))


def recapped_line(line: str, grade: str | None, title: Text | None) -> str:
    """A report line whose subject the rank caps demoted, with its new grade."""
    data = json.loads(line)
    data["grade"] = grade
    data["grade_title"] = text_json(title) if title else None
    data["rank_capped"] = True
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))
