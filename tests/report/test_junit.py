"""JUnit XML: one test case per requirement per subject; failures say observed, expected and
where the rule comes from; the file parses whatever the input held."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import date

import attrs
from core_support import DATA
from hypothesis import given, settings
from hypothesis import strategies as st

import stationkit as sk
from stationkit.assessment import Assessor, subjects_of
from stationkit.records import load_dataset
from stationkit.report import render_junit

AS_OF = date(2024, 6, 30)


def _reports(registry: sk.Registry, name: str | None = None) -> list[sk.Report]:
    std, ed = registry.standard("example@2024")
    dataset = load_dataset(DATA / "example.yaml")
    if name is not None:
        first = attrs.evolve(dataset.stations[0], name=name, id=name)
        dataset = attrs.evolve(dataset, stations=(first, *dataset.stations[1:]))
    assessor = Assessor(std, ed.edition, as_of=AS_OF, dataset=dataset)
    return assessor.assess_batch(subjects_of(dataset, ed))


def test_one_case_per_requirement_per_subject(registry: sk.Registry) -> None:
    reports = _reports(registry)
    root = ET.fromstring(render_junit(reports))
    assert root.tag == "testsuites"
    suites = root.findall("testsuite")
    assert len(suites) == len(reports)
    for suite, report in zip(suites, reports, strict=True):
        cases = suite.findall("testcase")
        assert len(cases) == len(report.findings) == int(suite.get("tests", ""))
        failing = [
            f
            for f in report.findings
            if f.status in (sk.Status.NOT_MET, sk.Status.MISSING_EVIDENCE)
        ]
        assert (
            int(suite.get("failures", "")) == len(failing) == len(suite.findall("testcase/failure"))
        )
        skipped = sum(f.status is sk.Status.NOT_APPLICABLE for f in report.findings)
        assert len(suite.findall("testcase/skipped")) == skipped
    assert int(root.get("tests", "")) == sum(len(r.findings) for r in reports)


def test_failures_carry_observed_expected_and_citation(registry: sk.Registry) -> None:
    reports = _reports(registry)
    root = ET.fromstring(render_junit(reports))
    failed = next(f for r in reports for f in r.findings if f.status is sk.Status.NOT_MET)
    failures = [
        case.find("failure")
        for case in root.iter("testcase")
        if case.get("name", "").startswith(failed.requirement + " ")
        and case.find("failure") is not None
    ]
    assert failures
    text = failures[0].text or "" if failures[0] is not None else ""
    assert "observed" in text and "expected" in text
    assert failed.citation.label() in text and failed.citation.quote in text


@settings(max_examples=50, deadline=None)
@given(name=st.text(min_size=1, max_size=30).filter(lambda s: s.strip() == s))
def test_any_station_name_parses(name: str) -> None:
    from stationkit_example import plugin

    registry = sk.Registry(strict=True)
    registry.register(plugin, "example")
    root = ET.fromstring(render_junit(_reports(registry, name)).encode("utf-8", "replace"))
    assert len(root.findall("testsuite")) >= 1
