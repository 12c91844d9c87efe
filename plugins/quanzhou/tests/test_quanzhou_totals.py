"""Totals instead of rosters: a station written with totals gets the status the same station
written with a consistent detailed list gets; inconsistent or impossible totals are errors
naming both paths; what a total cannot prove is missing evidence with a remedy."""

from __future__ import annotations

import copy
from collections import Counter
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import stationkit_quanzhou
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from stationkit_quanzhou.standard import STANDARD

import stationkit as sk
from stationkit.assessment import assess
from stationkit.records import dataset_from_data
from stationkit.standard import vocabularies_for

SAMPLE = Path(stationkit_quanzhou.__file__).parent / "samples" / "shishi_2025.yaml"
AS_OF = date(2025, 11, 15)
RAW: dict[str, Any] = yaml.safe_load(SAMPLE.read_text(encoding="utf-8"))
VOCABULARIES = vocabularies_for(STANDARD, "2025")
COUNTS = (
    "rescue.size",
    "rescue.average_age",
    "rescue.protection",
    "rescue.trainings",
    "org.posts",
    "org.posts_full_time",
    "plans.town_drill",
    "plans.village_drills",
    "mechanism.informants",
    "mechanism.village_grids",
)
EXCLUDED = {"enforcement", "rescue"}


def _statuses(station: dict[str, Any]) -> dict[str, str]:
    data = copy.deepcopy(RAW)
    data["stations"] = [station]
    dataset = dataset_from_data(data, vocabularies=VOCABULARIES)
    report = assess(dataset.stations[0], STANDARD, "2025", as_of=AS_OF, dataset=dataset)
    return {f.requirement: f.status.value for f in report.findings if f.requirement in COUNTS}


def _this_year(day: str) -> bool:
    parsed = date.fromisoformat(day)
    return parsed.year == AS_OF.year and parsed <= AS_OF


def _summarised(detail: dict[str, Any]) -> dict[str, Any]:
    """The same station with every list a count rule reads replaced by its totals."""
    station = copy.deepcopy(detail)
    team = station["teams"][0]
    members = team.pop("members")
    team["headcount"] = len(members)
    if members:
        team["average_age"] = sum(m["age"] for m in members) / len(members)
    team["insured"] = sum(m["insured"] for m in members)
    team["equipped"] = sum(m["protective_equipment"] for m in members)
    posts = station.pop("posts")
    categories = Counter(p.get("category") for p in posts if p.get("category"))
    station["post_totals"] = {
        "total": len(posts),
        "full_time": sum(bool(p["full_time"]) for p in posts),
        "by_category": [
            {
                "category": c,
                "count": n,
                "full_time": sum(bool(p["full_time"]) for p in posts if p.get("category") == c),
            }
            for c, n in sorted(categories.items())
        ],
    }
    trainings = [t for t in station.pop("trainings") if _this_year(t["date"])]
    kinds = Counter(t.get("kind") for t in trainings)
    kinds.setdefault("集中训练", 0)  # "none this year" is a total too
    station["training_totals"] = [
        {
            "year": AS_OF.year,
            "kind": kind,
            "count": n,
            "reported": sum(bool(t["reported"]) for t in trainings if t.get("kind") == kind),
            "photographed": sum(bool(t["photos"]) for t in trainings if t.get("kind") == kind),
        }
        for kind, n in kinds.items()
    ]
    drills = [d for d in station.pop("drills") if _this_year(d["date"])]
    town = Counter(d["kind"] for d in drills if d.get("village") is None)
    station["drill_totals"] = [
        {
            "year": AS_OF.year,
            "kind": kind,
            "count": n,
            "reviewed": sum(
                d.get("reviewed") is True
                for d in drills
                if d.get("village") is None and d["kind"] == kind
            ),
            "town": True,
        }
        for kind, n in town.items()
    ]
    villages = {d["village"] for d in drills if d.get("village") and d["kind"] == "转移避险演练"}
    region = next(c for c in RAW["region"]["children"] if c["code"] == station["region"])
    informants = station.pop("informants")
    station["informants"] = [e for e in informants if ":" not in e]
    grids = station.pop("grids")
    station["grids"] = [g for g in grids if not g.get("village")]
    station["village_totals"] = [
        {
            "year": AS_OF.year,
            "total": len(region["children"]),
            "with_evacuation_drill": len(villages),
            "with_informant": len({e.partition(":")[0] for e in informants if ":" in e}),
            "with_grid_staff": len(
                {g["village"] for g in grids if g.get("village") and g["staff"]}
            ),
        }
    ]
    return station


BASE = next(s for s in RAW["stations"] if s["id"] == "qz-2025-hanjiang")


@st.composite
def details(draw: st.DrawFn) -> dict[str, Any]:
    """The passing station with its lists thinned and its flags and ages varied."""
    station: dict[str, Any] = copy.deepcopy(BASE)
    team = station["teams"][0]
    members = team["members"][: draw(st.integers(0, len(team["members"])))]
    for m in members:
        m["age"] = draw(st.integers(18, 60))
        m["insured"] = draw(st.booleans())
        m["protective_equipment"] = draw(st.booleans())
    team["members"] = members
    posts = station["posts"][: draw(st.integers(0, len(station["posts"])))]
    for p in posts:
        p["full_time"] = True if p.get("category") in EXCLUDED else draw(st.booleans())
    station["posts"] = posts
    trainings = station["trainings"][: draw(st.integers(0, len(station["trainings"])))]
    for t in trainings:
        t["reported"] = t["photos"] = draw(st.booleans())
    station["trainings"] = trainings
    drills = station["drills"]
    station["drills"] = [d for d in drills if draw(st.booleans())]
    for d in station["drills"]:
        if d.get("village") is None:
            d["reviewed"] = draw(st.booleans())
    station["informants"] = [e for e in station["informants"] if draw(st.booleans())]
    station["grids"] = [g for g in station["grids"] if not g.get("village") or draw(st.booleans())]
    return station


@settings(max_examples=30, deadline=None, database=None)
@given(details())
def test_totals_get_the_status_of_a_consistent_roster(detail: dict[str, Any]) -> None:
    summary = _summarised(detail)
    assert _statuses(summary) == _statuses(detail)


def test_the_issues_totals_are_accepted() -> None:
    station = _summarised(BASE)
    station["teams"][0].update(headcount=30, average_age=38, insured=30, equipped=30)
    station["post_totals"] = {
        "total": 8,
        "full_time": 4,
        "by_category": [{"category": "执法", "count": 1}, {"category": "救援", "count": 1}],
    }
    statuses = _statuses(station)
    assert statuses["rescue.size"] == statuses["rescue.average_age"] == "met"
    assert statuses["org.posts"] == statuses["org.posts_full_time"] == "met"


@pytest.mark.parametrize(
    ("change", "paths"),
    [
        (lambda s: s["teams"][0].update(headcount=29), ["teams[0].headcount", "teams[0].members"]),
        (lambda s: s["teams"][0].update(average_age=150), ["teams[0].average_age"]),
        (
            lambda s: s.update(post_totals={"total": 6, "full_time": 7}),
            ["post_totals.full_time", "post_totals.total"],
        ),
        (
            lambda s: s.update(post_totals={"total": 7}),
            ["post_totals.total", ".posts"],
        ),
        (
            lambda s: s.update(training_totals=[{"year": 2025, "kind": "集中训练", "count": 5}]),
            ["training_totals[0].count", ".trainings"],
        ),
    ],
)
def test_inconsistent_or_impossible_totals_are_errors_naming_both_paths(
    change: Any, paths: list[str]
) -> None:
    station: dict[str, Any] = copy.deepcopy(BASE)
    change(station)
    data = copy.deepcopy(RAW)
    data["stations"] = [station]
    with pytest.raises(sk.InputError) as caught:
        dataset_from_data(data, "stations.yaml", vocabularies=VOCABULARIES)
    message = str(caught.value)
    assert "stations.yaml" in message
    for path in paths:
        assert path in message


def test_drill_totals_cannot_prove_each_village_drilled() -> None:
    station = _summarised(BASE)
    del station["village_totals"]
    station["drill_totals"].append(
        {"year": 2025, "kind": "自主转移避险演练", "count": 3, "town": False}
    )
    data = copy.deepcopy(RAW)
    data["stations"] = [station]
    dataset = dataset_from_data(data, vocabularies=VOCABULARIES)
    report = assess(dataset.stations[0], STANDARD, "2025", as_of=AS_OF, dataset=dataset)
    finding = report.finding("plans.village_drills")
    assert finding.status.value == "missing_evidence"
    assert finding.remedy is not None and "village_totals" in finding.remedy.text.en


def test_a_summary_finding_says_it_used_the_summary() -> None:
    station = _summarised(BASE)
    data = copy.deepcopy(RAW)
    data["stations"] = [station]
    dataset = dataset_from_data(data, vocabularies=VOCABULARIES)
    report = assess(dataset.stations[0], STANDARD, "2025", as_of=AS_OF, dataset=dataset)
    observed = report.finding("rescue.size").observed
    assert observed == {"value": 32, "source": "summary", "path": "teams[kind=rescue].headcount"}


def _on_villages(detail: dict[str, Any], data: dict[str, Any]) -> dict[str, Any]:
    """The station with its village-level facts moved onto the villages' own records."""
    station = copy.deepcopy(detail)
    town = next(c for c in data["region"]["children"] if c["code"] == station["region"])
    villages = {v["code"]: v for v in town["children"]}
    for drill in [d for d in station["drills"] if d.get("village")]:
        station["drills"].remove(drill)
        villages[drill.pop("village")].setdefault("drills", []).append(drill)
    for entry in [e for e in station["informants"] if ":" in e]:
        station["informants"].remove(entry)
        code, _, name = entry.partition(":")
        villages[code].setdefault("informants", []).append(name)
    for grid in [g for g in station["grids"] if g.get("village")]:
        station["grids"].remove(grid)
        villages[grid["village"]].setdefault("grid_staff", []).extend(grid["staff"])
    return station


def _findings(station: dict[str, Any], data: dict[str, Any]) -> dict[str, Any]:
    data["stations"] = [station]
    dataset = dataset_from_data(data, vocabularies=VOCABULARIES)
    report = assess(dataset.stations[0], STANDARD, "2025", as_of=AS_OF, dataset=dataset)
    keep = ("plans.village_drills", "mechanism.informants", "mechanism.village_grids")
    return {f.requirement: (f.status, f.observed) for f in report.findings if f.requirement in keep}


@settings(max_examples=20, deadline=None, database=None)
@given(details())
def test_village_facts_on_the_villages_own_records_give_the_same_findings(
    detail: dict[str, Any],
) -> None:
    moved = copy.deepcopy(RAW)
    on_villages = _on_villages(detail, moved)
    assert _findings(on_villages, moved) == _findings(detail, copy.deepcopy(RAW))
