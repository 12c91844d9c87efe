"""The standard as a whole: registration, citations, show --json, conformance."""

from __future__ import annotations

from typing import Any

import attrs
import stationkit_xuanen.plugin as plugin
from stationkit_xuanen import STANDARD
from stationkit_xuanen.programmes import MILESTONES, DescribedProgramme
from stationkit_xuanen.samples import COUNTY

import stationkit as sk
import stationkit.standard
from stationkit.testing.conformance import check_plugin

EDITION = STANDARD.edition("2024")


def registry() -> sk.Registry:
    reg = sk.Registry()
    reg.register(plugin, "xuanen")
    return reg


def test_registers_standard_samples_and_extensions() -> None:
    reg = registry()
    std, ed = reg.standard("xuanen@2024")
    assert std is STANDARD and ed.edition == "2024"
    names = {s.name for s in reg.samples()}
    assert names == {"xuanen-programme", "xuanen-posts"}
    for sample in reg.samples():
        assert sample.path.is_file()
    programme = next(s for s in reg.samples() if s.name == "xuanen-programme")
    assert programme.subject == "region"
    assert programme.ledger is not None and programme.ledger.is_file()
    machines = {ext.machine for ext in plugin.stationkit_machine_extensions()}
    assert machines == {"hazard", "station"}


def test_every_figure_is_a_cited_parameter() -> None:
    names = {p.name for p in EDITION.parameters}
    for p in EDITION.parameters:
        assert p.citation.document == "XE" and p.citation.quote, p.name
        if p.default:
            assert p.citation.inferred and p.note is not None, p.name
    for r in EDITION.requirements:
        assert set(r.parameters) <= names, r.id
        assert r.citation.quote, r.id
    assert {
        "township_count",
        "village_count",
        "pilot_township",
        "late_deduction_points",
        "hazard_days_general",
        "hazard_days_major",
        "hazard_levels",
    } <= names


def test_every_milestone_has_a_requirement_and_a_programme_entry() -> None:
    ids = {r.id for r in EDITION.requirements}
    (programme,) = EDITION.programmes
    for m in MILESTONES:
        assert f"programme.{m.id}" in ids
        assert EDITION.requirement(f"programme.{m.id}").role is sk.standard.Role.DEDUCTION
        milestone = programme.milestone(m.id)
        assert milestone.responsible and milestone.evidence.zh and milestone.citation.quote


def test_show_json_lists_milestones_with_quotes() -> None:
    (programme,) = EDITION.programmes
    assert isinstance(programme, DescribedProgramme)  # what `stationkit show --json` prints
    described: dict[str, Any] = programme.to_json()
    assert [m["id"] for m in described["milestones"]] == ["T1", "T2", "T3", "T4", "T5", "T6"]
    t5 = described["milestones"][4]
    assert t5["window_start"] == "2024-09-01"
    assert "8月-10月" in t5["table_citation"]["quote"]


def test_not_encoded_is_documented() -> None:
    assert len(EDITION.not_encoded) >= 5
    for text in EDITION.not_encoded:
        assert text.zh and text.en


def region_examples() -> list[sk.standard.RegionSubject]:
    """County subjects that fail coverage and the tree check, so that those requirements
    are seen both met and not met (the programme's completions come from the dataset)."""
    data = sk.load_dataset(COUNTY)
    assert data.region is not None
    full = sk.standard.RegionSubject(data.region, data.stations, data.year)
    no_posts = attrs.evolve(full, stations=())
    short_tree = attrs.evolve(
        full, region=attrs.evolve(data.region, children=data.region.children[:-1])
    )
    return [full, no_posts, short_tree]


def test_conformance() -> None:
    result = check_plugin(plugin, name="xuanen", examples=region_examples())
    assert result.ok
