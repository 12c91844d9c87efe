"""Reports as JSON: the shape other programs parse (see docs/json.md). Extend only by adding."""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import date
from typing import Any

import orjson

from stationkit.assessment._report import (
    Acceptance,
    GroupScore,
    Override,
    Report,
    SubjectRef,
)
from stationkit.records._model import Unrecognised
from stationkit.standard._findings import (
    Change,
    Finding,
    NotCounted,
    Remedy,
    Status,
    Tally,
)
from stationkit.standard._standard import ParamValue
from stationkit.standard._text import Citation, Text
from stationkit.standard._waiver import Waiver


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


def waiver_json(w: Waiver) -> dict[str, Any]:
    return {
        "requirement": w.requirement,
        "subject": w.subject,
        "justification": w.justification,
        "approved_by": w.approved_by,
        "expires": w.expires.isoformat(),
        "approved_on": w.approved_on.isoformat() if w.approved_on else None,
    }


def _waiver(d: Mapping[str, Any] | None) -> Waiver | None:
    if d is None:
        return None
    return Waiver(
        d["requirement"],
        d["subject"],
        d["justification"],
        d["approved_by"],
        date.fromisoformat(d["expires"]),
        date.fromisoformat(d["approved_on"]) if d.get("approved_on") else None,
    )


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
        "stations": _tally_json(f.tally),
        "waiver": waiver_json(f.waiver) if f.waiver else None,
    }


def _tally_json(t: Tally | None) -> dict[str, Any] | None:
    if t is None:
        return None
    return {
        "counted": list(t.counted),
        "not_counted": [{"id": n.id, "reason": text_json(n.reason)} for n in t.not_counted],
    }


def _tally(d: Mapping[str, Any] | None) -> Tally | None:
    if d is None:
        return None
    return Tally(
        tuple(d["counted"]),
        tuple(NotCounted(n["id"], _text(n["reason"])) for n in d["not_counted"]),
    )


def acceptance_json(a: Acceptance) -> dict[str, Any]:
    return {
        "rule": a.rule,
        "accepted": a.accepted,
        "not_met": list(a.not_met),
        "waived": list(a.waived),
        "below_pass_mark": a.below_pass_mark,
    }


def _acceptance(d: Mapping[str, Any] | None) -> Acceptance | None:
    if d is None:
        return None
    return Acceptance(
        d["rule"], d["accepted"], tuple(d["not_met"]), tuple(d["waived"]), d["below_pass_mark"]
    )


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
        "period": r.period,
        "outcome": r.outcome,
        "score": r.score,
        "max_score": r.max_score,
        "grade": r.grade,
        "grade_title": text_json(r.grade_title) if r.grade_title else None,
        "rank_capped": r.rank_capped,
        "grade_provisional": r.grade_provisional,
        "rank_tie": r.rank_tie,
        "rank_population": r.rank_population,
        "base_score": r.base_score,
        "bonus": r.bonus,
        "deductions": r.deductions,
        "failed_gates": list(r.failed_gates),
        "acceptance": acceptance_json(r.acceptance) if r.acceptance else None,
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
            name: {
                "value": value_json(o.value),
                "source_value": value_json(o.source_value),
                "reason": o.reason,
            }
            for name, o in r.overridden.items()
        },
        "left_out": list(r.left_out),
        "expired_waivers": [waiver_json(w) for w in r.expired_waivers],
        "findings": [finding_json(f) for f in r.findings],
        "unrecognised": [
            {
                "path": u.path,
                "word": u.word,
                "vocabulary": u.vocabulary,
                "suggestions": list(u.suggestions),
            }
            for u in r.unrecognised
        ],
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
        tally=_tally(d.get("stations")),
        waiver=_waiver(d.get("waiver")),
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
        grade_provisional=d.get("grade_provisional", False),
        rank_tie=d.get("rank_tie", False),
        rank_population=d.get("rank_population"),
        base_score=d["base_score"],
        bonus=d["bonus"],
        deductions=d["deductions"],
        failed_gates=tuple(d["failed_gates"]),
        acceptance=_acceptance(d.get("acceptance")),
        period=d.get("period"),
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
                v.get("reason"),
            )
            for k, v in d["overridden"].items()
        },
        findings=tuple(_finding(f) for f in d["findings"]),
        unrecognised=tuple(
            Unrecognised(
                u["path"], u["word"], u["vocabulary"], d["subject"]["id"], tuple(u["suggestions"])
            )
            for u in d.get("unrecognised", ())
        ),
        left_out=tuple(d.get("left_out", ())),
        expired_waivers=tuple(
            w for w in (_waiver(x) for x in d.get("expired_waivers", ())) if w is not None
        ),
    )


def report_line(r: Report) -> str:
    """The report as one line of JSON (``--format jsonl``): the same object as an item of
    ``--format json``'s ``reports``, without indentation. Encoded by orjson, an order of
    magnitude faster than ``json`` on these reports (long quotes, many findings); ``json``
    when orjson refuses a value (an integer over 64 bits)."""
    data = report_to_json(r)
    try:
        return orjson.dumps(data).decode("utf-8")
    except orjson.JSONEncodeError:
        return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def recapped_line(
    line: str,
    grade: str | None,
    title: Text | None,
    *,
    rank_capped: bool,
    rank_tie: bool,
    grade_provisional: bool,
    rank_population: int | None,
) -> str:
    """A report line given what the rank caps, applied over the whole population once every
    line was written, decided for its subject."""
    if not rank_capped:  # the grade stands: only the four rank fields change, in place
        for provisional_before in (True, False):
            before = _rank_fields(False, provisional_before, False, None)
            if before in line:
                after = _rank_fields(False, grade_provisional, rank_tie, rank_population)
                # The first match is the report's own: inside a JSON text every quote is
                # escaped, so no name or word can contain this fragment.
                return line.replace(before, after, 1)
    data = json.loads(line)
    data["grade"] = grade
    if rank_capped:
        data["grade_title"] = text_json(title) if title else None
    data["rank_capped"] = rank_capped
    data["rank_tie"] = rank_tie
    data["grade_provisional"] = grade_provisional
    data["rank_population"] = rank_population
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def _rank_fields(capped: bool, provisional: bool, tie: bool, population: int | None) -> str:
    """The rank fields as ``report_line`` writes them, side by side."""
    return json.dumps(
        {
            "rank_capped": capped,
            "grade_provisional": provisional,
            "rank_tie": tie,
            "rank_population": population,
        },
        separators=(",", ":"),
    )[1:-1]
