"""The bundled 坪山区 samples: six streets, each year's target met by one street, missed by
one station by another, a capped bonus, and the 2023 schedule's programme status."""

from __future__ import annotations

import json
from datetime import date
from io import StringIO

import pytest
from stationkit_pingshan.plugin import SAMPLES_DIR, stationkit_samples
from stationkit_pingshan.standard import EDITION_2023, EDITION_2024, STANDARD

import stationkit as sk
from stationkit.assessment import programme_status
from stationkit.assessment._subjects import region_subjects
from stationkit.cli._main import main
from stationkit.records import Completion

STREETS = {"坪山街道", "马峦街道", "碧岭街道", "石井街道", "坑梓街道", "龙田街道"}


def _reports(dataset: sk.Dataset, edition: str) -> dict[str, sk.Report]:
    ed = EDITION_2023 if edition == "2023" else EDITION_2024
    subjects = region_subjects(dataset, ed)
    reports = sk.assess_batch(
        subjects, STANDARD, edition, as_of=date(int(edition), 12, 31), dataset=dataset
    )
    return {r.subject.name or r.subject.id: r for r in reports}


def test_samples_are_registered(pingshan_registry: sk.Registry) -> None:
    samples = {s.name: s for s in pingshan_registry.samples()}
    assert set(samples) == {"pingshan-2023", "pingshan-2024"}
    for s in stationkit_samples():
        assert s.path.exists() and s.subject == "region"
        assert s.as_of == date(int(s.edition), 12, 31)


@pytest.mark.parametrize("name", ["pingshan_2023.yaml", "pingshan_2024.yaml"])
def test_tree_has_six_streets_with_communities_and_parks(name: str) -> None:
    ds = sk.load_dataset(SAMPLES_DIR / name)
    assert ds.region is not None and ds.region.name == "坪山区"
    assert {s.name for s in ds.region.children} == STREETS
    for street in ds.region.children:
        kinds = {c.kind for c in street.children}
        assert kinds == {"community", "industrial_park"}
    codes = {n.code for n in ds.region.walk()}
    assert all(s.region in codes for s in ds.stations)


def test_2023_sample(pingshan_2023: sk.Dataset) -> None:
    reports = _reports(pingshan_2023, "2023")
    assert set(reports) == STREETS
    assert reports["坪山街道"].finding("street.construction").status is sk.Status.MET
    short = reports["马峦街道"].finding("street.construction")
    assert short.status is sk.Status.NOT_MET
    assert short.observed["industrial_park"] == {"built": 2, "target": 3}
    capped = reports["碧岭街道"]
    assert capped.finding("street.bonus").points == pytest.approx(1.1)
    assert capped.bonus == 1.0 and capped.score == 101.0
    assert reports["石井街道"].finding("street.construction").observed["street_centre"] == {
        "built": 0,
        "target": 1,
    }
    assert reports["龙田街道"].finding("street.operations.archives").status is sk.Status.NOT_MET


def test_2024_sample(pingshan_2024: sk.Dataset) -> None:
    reports = _reports(pingshan_2024, "2024")
    assert reports["坪山街道"].finding("street.construction").status is sk.Status.MET
    assert reports["坪山街道"].passed
    half = reports["马峦街道"].finding("street.construction")
    assert half.status is sk.Status.NOT_MET
    assert half.observed["industrial_park_coverage"]["built"] == 2
    assert half.observed["industrial_park_coverage"]["of"] == 4  # exactly half
    assert half.remedy is not None and len(half.remedy.change[0].value) == 1  # one station short
    streets = reports["石井街道"].finding("street.construction")
    assert streets.observed["street"] == {"built": 2, "target": 3}
    capped = reports["坑梓街道"]
    assert capped.finding("street.bonus").observed["completed_in_year"] == 11
    assert capped.bonus == 1.0
    assert capped.finding("street.operations.publicity").status is sk.Status.MISSING_EVIDENCE
    assert reports["龙田街道"].finding("street.bonus").status is sk.Status.NOT_MET
    for report in reports.values():
        parts = sum(g.points or 0.0 for g in report.breakdown)
        assert parts == pytest.approx(report.base_score, abs=1e-5)


def test_cli_assess_names_the_parts_and_what_is_missing() -> None:
    out = StringIO()
    code = main(
        [
            "assess",
            str(SAMPLES_DIR / "pingshan_2024.yaml"),
            "--standard",
            "pingshan@2024",
            "--subject",
            "region",
            "--as-of",
            "2024-12-31",
            "--format",
            "json",
        ],
        out=out,
    )
    assert code in (0, 1)
    reports = json.loads(out.getvalue())["reports"]
    malan = next(r for r in reports if r["subject"]["name"] == "马峦街道")
    groups = {g["group"] for g in malan["breakdown"]}
    assert groups == {"construction", "command", "prevention", "publicity", "rescue", "archives"}
    assert malan["bonus"] == pytest.approx(0.4)
    construction = next(f for f in malan["findings"] if f["requirement"] == "street.construction")
    assert "industrial-park coverage: 1 short" in construction["remedy"]["text"]["en"]


def test_stations_of_the_sample_can_be_assessed_one_by_one(pingshan_2024: sk.Dataset) -> None:
    reports = sk.assess_batch(
        pingshan_2024.stations, STANDARD, "2024", as_of=date(2024, 12, 31), dataset=pingshan_2024
    )
    assert len(reports) == len(pingshan_2024.stations)
    assert sum(r.passed for r in reports) >= len(reports) - 6


def test_2023_schedule_status(pingshan_2023: sk.Dataset) -> None:
    (programme,) = EDITION_2023.programmes
    done = [Completion(c.milestone, c.completed_on, c.evidence) for c in pingshan_2023.completions]
    status = programme_status(programme, done, date(2023, 12, 31))
    assert status.of("pingshan-2023.survey").status == "done_on_time"
    assert status.of("pingshan-2023.pilot").status == "done_late"
    assert status.of("pingshan-2023.review").status == "pending"
    assert (
        programme_status(programme, done, date(2024, 1, 1)).of("pingshan-2023.review").status
        == "overdue"
    )


def test_cli_year_picks_the_targets_of_the_year_assessed() -> None:
    """PS 一 "确定2023年为示范建设年，2024年为巩固提升年": assessing 2023 on 2024-01-15 applies
    the 2023 targets ("1+3+1") and counts what was done in 2023 (每年 = the calendar year)."""
    out = StringIO()
    argv = [
        "assess",
        str(SAMPLES_DIR / "pingshan_2023.yaml"),
        "--standard",
        "pingshan",
        "--year",
        "2023",
        "--subject",
        "region",
        "--as-of",
        "2024-01-15",
        "--format",
        "json",
    ]
    code = main(argv, out=out)
    assert code in (0, 1)
    reports = json.loads(out.getvalue())["reports"]
    assert {(r["edition"], r["period"]) for r in reports} == {("2023", 2023)}
    err = StringIO()
    assert main([*argv[:5], "2025", *argv[6:]], out=err) == 2  # a year not yet begun


def test_a_parameter_nothing_reads_is_refused() -> None:
    """Tailoring ``goal_words`` (PS 一's goal wording) or a phase date would change no
    finding of an assessment: it is refused, not listed as overridden."""
    err = StringIO()
    base = ["assess", str(SAMPLES_DIR / "pingshan_2023.yaml"), "--standard", "pingshan@2023"]
    for name in ("goal_words=x", "operations_share=0.5", "phase_pilot_end=2023-11-30"):
        assert main([*base, "--set", name], out=err) == 2


def test_programme_set_moves_a_phase() -> None:
    """PS 五(三) "对照标准、建设试点阶段（7月1日至10月31日）": the phase date is a parameter the
    programme reads, so `programme --set` moves it; one the programme does not read is refused."""
    argv = [
        "programme",
        str(SAMPLES_DIR / "pingshan_2023.yaml"),
        "--standard",
        "pingshan@2023",
        "--as-of",
        "2023-12-31",
        "--format",
        "json",
    ]
    out = StringIO()
    main([*argv, "--set", "phase_pilot_end=2023-12-15"], out=out)
    (programme,) = json.loads(out.getvalue())["programmes"]
    pilot = next(m for m in programme["milestones"] if m["milestone"] == "pingshan-2023.pilot")
    assert pilot["due"] == "2023-12-15" and pilot["status"] == "done_on_time"
    assert main([*argv, "--set", "bonus_cap=2"], out=StringIO()) == 2
