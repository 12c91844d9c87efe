"""Loading input files: strict types, every problem at once, each with file and path."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from core_support import DATA

import stationkit as sk
import stationkit.records


def test_example_file_loads_with_the_region_tree() -> None:
    data = sk.load_dataset(DATA / "example.yaml")
    assert [s.id for s in data.stations] == ["p1", "p2", "p3"]
    assert data.region is not None and data.region.level is sk.records.RegionLevel.COUNTY
    assert len(data.region_index()) == 6
    member = data.stations[0].teams[0].members[29]  # type: ignore[index]
    assert str(member.birth_date) == "1990-05-01"


def test_absent_facts_stay_not_recorded() -> None:
    p3 = sk.load_dataset(DATA / "example.yaml").stations[2]
    assert p3.teams is None and p3.communications is None


def test_every_problem_is_reported_with_file_and_path() -> None:
    with pytest.raises(sk.InputError) as info:
        sk.load_dataset(DATA / "bad.yaml")
    found = {(p.path, p.message) for p in info.value.problems}
    assert all(p.source.endswith("bad.yaml") for p in info.value.problems)
    paths = {path for path, _ in found}
    # Each path names the record (its id) as well as the field inside it.
    assert paths == {
        "stations[0] (id x1).completed_on",
        "stations[0] (id x1).teams[0].members[0].age",
        "stations[0] (id x1).teams[0].members[1]",
        "stations[0] (id x1).teams[0].vehicles",
        "stations[0] (id x1).communications",
        "stations[0] (id x1).communications.satellite_phones",
        "stations[1] (id x2).name",
    }
    messages = dict(found)
    assert "did you mean 'birth_date'" in messages["stations[0] (id x1).teams[0].members[1]"]
    assert "did you mean 'screen_inches'" in messages["stations[0] (id x1).communications"]
    assert "≥ 0" in messages["stations[0] (id x1).teams[0].members[0].age"]
    assert "YYYY-MM-DD" in messages["stations[0] (id x1).completed_on"]
    assert messages["stations[1] (id x2).name"] == "required field missing"


def test_broken_yaml_names_line_and_column() -> None:
    with pytest.raises(sk.InputError) as info:
        sk.load_dataset(DATA / "broken.yaml")
    (problem,) = info.value.problems
    assert problem.path.startswith("line ") and "broken YAML" in problem.message


def test_json_is_loaded_the_same_way(tmp_path: Path) -> None:
    path = tmp_path / "one.json"
    path.write_text(
        json.dumps(
            {
                "stations": [
                    {"id": "a", "name": "A", "kind": "post", "posts": [{"duty": "d", "person": 3}]}
                ]
            }
        )
    )
    with pytest.raises(
        sk.InputError, match=r"stations\[0\] \(id a\)\.posts\[0\]\.person: expected a text"
    ):
        sk.load_dataset(path)


@pytest.mark.parametrize(
    ("value", "message"),
    [("yes", "expected true or false"), (1, "expected true or false")],
)
def test_booleans_are_never_guessed(value: object, message: str) -> None:
    with pytest.raises(sk.InputError, match=message):
        sk.records.dataset_from_data(
            {"stations": [{"id": "a", "name": "A", "kind": "k", "handbook": value}]}
        )


def test_a_string_is_not_a_list() -> None:
    with pytest.raises(sk.InputError, match=r"wall_maps: expected a list"):
        sk.records.dataset_from_data(
            {"stations": [{"id": "a", "name": "A", "kind": "k", "wall_maps": "abc"}]}
        )


def test_top_level_must_be_a_mapping() -> None:
    with pytest.raises(sk.InputError, match="expected a mapping"):
        sk.records.dataset_from_data(["not", "a", "mapping"])


def test_missing_file_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(sk.InputError, match=r"nope\.yaml"):
        sk.load_dataset(tmp_path / "nope.yaml")
