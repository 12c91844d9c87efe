"""Reports as JUnit XML, so that CI systems (GitLab, Jenkins, GitHub) show assessments as tests.

One ``<testsuite>`` per subject, one ``<testcase>`` per requirement: not met and missing
evidence are ``<failure>``s carrying observed, expected and the citation; not applicable is
``<skipped>``. Text is escaped by ElementTree; characters XML 1.0 cannot hold at all (control
characters) are replaced, so the file always parses.
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from collections.abc import Sequence

from stationkit.assessment._report import Report
from stationkit.report._markup import clean as _x
from stationkit.standard._findings import Finding, Status

_FAILED = (Status.NOT_MET, Status.MISSING_EVIDENCE)


def _json(value: object) -> str:
    return _x(json.dumps(value, ensure_ascii=False, default=str))


def _case(suite: ET.Element, r: Report, f: Finding) -> None:
    case = ET.SubElement(
        suite,
        "testcase",
        {
            "classname": _x(f"{r.standard}@{r.edition}.{r.subject.id}"),
            "name": _x(f"{f.requirement} {f.title.zh} / {f.title.en}"),
            "time": "0",
        },
    )
    if f.status in _FAILED:
        quote = f"\n  quote 原文: {f.citation.quote}" if f.citation.quote else ""
        remedy = f"\nremedy 整改: {f.remedy.text.zh} / {f.remedy.text.en}" if f.remedy else ""
        gate = " [gate 否决项]" if f.gate else ""
        failure = ET.SubElement(
            case,
            "failure",
            {
                "type": f.status.value,
                "message": _x(
                    f"{f.status.value}{gate}: observed {_json(f.observed)}, "
                    f"expected {_json(f.expected)} ({f.citation.label()})"
                ),
            },
        )
        failure.text = _x(
            f"observed 实际: {_json(f.observed)}\nexpected 要求: {_json(f.expected)}\n"
            f"citation 依据: {f.citation.label()}{quote}{remedy}"
        )
    elif f.status is Status.NOT_APPLICABLE:
        note = f"{f.note.zh} / {f.note.en}" if f.note else "not applicable"
        ET.SubElement(case, "skipped", {"message": _x(note)})


def render_junit(reports: Sequence[Report]) -> str:
    """The reports as a JUnit XML document (UTF-8, with its declaration)."""
    root = ET.Element("testsuites", {"name": "stationkit"})
    tests = failures = skipped = 0
    for r in reports:
        failed = sum(f.status in _FAILED for f in r.findings)
        skips = sum(f.status is Status.NOT_APPLICABLE for f in r.findings)
        name = f"{r.subject.id} {r.subject.name}" if r.subject.name else r.subject.id
        suite = ET.SubElement(
            root,
            "testsuite",
            {
                "name": _x(f"{name} — {r.standard}@{r.edition}"),
                "tests": str(len(r.findings)),
                "failures": str(failed),
                "errors": "0",
                "skipped": str(skips),
                "time": "0",
                "timestamp": f"{r.as_of.isoformat()}T00:00:00",
            },
        )
        props = ET.SubElement(suite, "properties")
        for key, value in (
            ("subject", r.subject.id),
            ("kind", r.subject.kind),
            ("outcome", r.outcome),
            ("score", f"{r.score:g}/{r.max_score:g}"),
            ("grade", r.grade or ""),
            ("as_of", r.as_of.isoformat()),
        ):
            ET.SubElement(props, "property", {"name": key, "value": _x(value)})
        for f in r.findings:
            _case(suite, r, f)
        tests += len(r.findings)
        failures += failed
        skipped += skips
    root.set("tests", str(tests))
    root.set("failures", str(failures))
    root.set("errors", "0")
    root.set("skipped", str(skipped))
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
