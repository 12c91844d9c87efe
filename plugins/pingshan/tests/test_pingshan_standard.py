"""The standard as data: editions, parameters with citations, scoring model, documentation."""

from __future__ import annotations

import json
from io import StringIO

from stationkit_pingshan import citations
from stationkit_pingshan.scoring import MODULES
from stationkit_pingshan.standard import EDITION_2023, EDITION_2024, STANDARD

import stationkit as sk
from stationkit.cli._main import main


def test_two_editions_with_their_year_roles() -> None:
    assert [e.edition for e in STANDARD.editions] == ["2023", "2024"]
    assert EDITION_2023.parameter("year_role").value == "示范建设年"
    assert EDITION_2024.parameter("year_role").value == "巩固提升年"
    assert {k.id for k in STANDARD.kinds} == {"community", "industrial_park", "street"}


def test_every_parameter_and_requirement_cites_a_quote() -> None:
    for edition in STANDARD.editions:
        for p in edition.parameters:
            assert p.citation.document in ("PS", "SZ") and p.citation.quote, p.name
            assert p.title.zh and p.title.en
            if p.default:
                assert p.note is not None, f"{p.name}: a default says why"
        for r in edition.requirements:
            assert r.citation.quote, r.id
            declared = {p.name for p in edition.parameters}
            assert set(r.parameters) <= declared, r.id
        assert edition.not_encoded


def test_quotes_are_unique_per_constant_and_source_keys_known() -> None:
    keys = {s.key for s in citations.SOURCES}
    assert keys == {"PS", "SZ"}
    assert all(c.document in keys for c in citations.ALL)


def test_scoring_model_is_40_plus_five_modules_of_60() -> None:
    for edition in STANDARD.editions:
        values = {p.name: p.value for p in edition.parameters}
        assert values["construction_share"] == 40.0
        assert values["operations_share"] == 60.0
        module_total = sum(float(str(values[f"share_{m}"])) for m in MODULES)
        assert module_total == values["operations_share"]
        assert all(edition.parameter(f"share_{m}").default for m in MODULES)
        assert not edition.parameter("construction_share").default
        assert edition.scoring.bonus_cap == "bonus_cap"
        assert values["bonus_cap"] == 1.0 and values["bonus_per_station"] == 0.1


def test_targets_differ_by_edition() -> None:
    assert EDITION_2023.parameter("target_park_stations_min").value == 3
    assert EDITION_2023.parameter("target_street_stations_min").value == 1
    assert EDITION_2024.parameter("target_street_stations_min").value == 3
    assert EDITION_2024.parameter("target_community_coverage_over").value == 0.5
    names_2024 = {p.name for p in EDITION_2024.parameters}
    assert "target_park_stations_min" not in names_2024
    assert "phase_survey_start" not in names_2024


def test_show_json_lists_everything_with_citations(pingshan_registry: sk.Registry) -> None:
    for ref in ("pingshan@2023", "pingshan@2024"):
        _std, ed = pingshan_registry.standard(ref)
        out = StringIO()
        assert main(["show", ref, "--json"], out=out) == 0
        data = json.loads(out.getvalue())
        assert {p["name"] for p in data["parameters"]} == {p.name for p in ed.parameters}
        assert {r["id"] for r in data["requirements"]} == {r.id for r in ed.requirements}
        assert all(p["citation"]["quote"] for p in data["parameters"])
        assert all(r["citation"]["quote"] for r in data["requirements"])
        assert data["not_encoded"]


def test_2023_edition_carries_the_schedule_programme() -> None:
    (programme,) = EDITION_2023.programmes
    dues = [m.due.isoformat() for m in programme.milestones]
    assert dues == ["2023-03-31", "2023-06-30", "2023-10-31", "2023-12-31"]
    starts = [m.window_start.isoformat() for m in programme.milestones if m.window_start]
    assert starts == ["2023-02-01", "2023-04-01", "2023-07-01", "2023-11-01"]
    assert EDITION_2024.programmes == ()
