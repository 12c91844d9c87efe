"""The public API as a user's type checker sees it: ``assert_type`` on what each public face
returns. ``make typecheck`` runs mypy --strict over this file, so a signature that loses or
changes its types fails the build; tests/test_typing_example.py also runs it."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any, assert_type

import stationkit as sk
from stationkit.errors import InputError, StationkitError, UsageError, exit_code
from stationkit.records import Dataset, Station
from stationkit.report import render_text, report_to_json
from stationkit.standard import (
    Check,
    Context,
    Edition,
    Finding,
    Sample,
    Standard,
    Status,
    Text,
    append_to,
    credit,
    in_year,
    names_check,
)

DATA = Path(__file__).parent / "data" / "example.yaml"


def registry_and_assessment() -> None:
    registry = sk.Registry()
    assert_type(registry.load_entry_points(only=["example"]), tuple[sk.PluginInfo, ...])
    assert_type(registry.standards(), tuple[Standard, ...])
    assert_type(registry.samples(), tuple[Sample, ...])
    standard, edition = registry.standard("example@2024")
    assert_type(standard, Standard)
    assert_type(edition, Edition)

    dataset = sk.load_dataset(DATA)
    assert_type(dataset, Dataset)
    as_of = date(2024, 6, 30)
    reports = sk.assess_dataset(dataset, standard, as_of=as_of)
    assert_type(reports, list[sk.Report])
    batch = sk.assess_batch(dataset.stations, standard, "2024", as_of=as_of, dataset=dataset)
    assert_type(batch, list[sk.Report])
    report = sk.assess(dataset.stations[0], standard, as_of=as_of, dataset=dataset)
    assert_type(report, sk.Report)
    assert_type(report.passed, bool)
    assert_type(report.score, float)
    assert_type(report.finding("team.size"), Finding)
    assert_type(report.with_status(Status.NOT_MET), tuple[Finding, ...])
    assert_type(report_to_json(report), dict[str, Any])
    assert_type(render_text(reports, lang="en"), str)


def plugin_contract() -> None:
    ctx = Context(as_of=date(2024, 6, 30), params={})
    station = Station(id="s", name="s", kind="post", rules=("值班",))
    check = names_check(
        station.rules,
        ("值班",),
        field="rules",
        what=Text("制度", "rules"),
        change=append_to("rules"),
        partial=True,
    )
    assert_type(check, Check)
    assert_type(check.status, Status)
    assert_type(credit(1, 2, partial=True), float)
    assert_type(in_year(station.completed_on, ctx), bool)


def errors() -> None:
    error: StationkitError = UsageError("x")
    assert_type(exit_code(error), int)
    assert_type(InputError([]).problems, list[sk.errors.InputProblem])
    assert isinstance(sk.__version__, str)


def run_all() -> None:
    registry_and_assessment()
    plugin_contract()
    errors()
