"""The fast structuring path never accepts what the strict converter refuses, and builds
the same records from what both accept."""

from __future__ import annotations

from typing import Any

import attrs
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from stationkit.records import Dataset, Station
from stationkit.records._fast import fast_structurer
from stationkit.records._loading import converter
from stationkit.testing import strategies as sks

FAST = settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
# Dates in other ISO forms (basic, with an offset) are read by the strict hooks or refused.
STRANGE: list[Any] = [
    *(None, -1, 0, 1.5, -2.5, "x", "2024-13-01", True, [], {}, [1], {"x": 1}),
    *("20240301", "2024-03-01T08:00:00+00:00", "2024-03-01 08:00Z", "2024-W09-5"),
]


def _paths(node: Any, at: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    out = [at]
    if isinstance(node, dict):
        for key, value in node.items():
            out += _paths(value, (*at, key))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            out += _paths(value, (*at, i))
    return out


def _replace(node: Any, path: tuple[Any, ...], value: Any) -> Any:
    if not path:
        return value
    head, rest = path[0], path[1:]
    if isinstance(node, dict):
        return {**node, head: _replace(node[head], rest, value)}
    copy = list(node)
    copy[head] = _replace(node[head], rest, value)
    return copy


def _agree(data: Any, cls: type) -> None:
    strict: Any
    try:
        strict = converter().structure(data, cls)
    except Exception:
        strict = None
    try:
        fast = fast_structurer()(data, cls)
    except Exception:
        return
    assert strict is not None, f"the fast path accepted what the strict one refuses: {data!r}"
    assert fast == strict


@FAST
@given(sks.stations(), st.data())
def test_fast_and_strict_agree_on_stations_and_their_mutations(
    station: Station, data: st.DataObject
) -> None:
    raw = converter().unstructure(station)
    assert fast_structurer()(raw, Station) == station  # well-formed: the fast path takes it
    _agree(raw, Station)
    path = data.draw(st.sampled_from(_paths(raw)))
    strange = data.draw(st.sampled_from(STRANGE))
    _agree(_replace(raw, path, strange), Station)
    if path and isinstance(raw, dict):
        _agree({**raw, "unknown_key": 1}, Station)


@FAST
@given(sks.datasets())
def test_fast_and_strict_agree_on_datasets(dataset: Dataset) -> None:
    raw = converter().unstructure(dataset)
    _agree(raw, Dataset)
    assert fast_structurer()(raw, Dataset) == attrs.evolve(dataset)


def test_fields_set_by_loading_are_refused_as_input_by_both_paths() -> None:
    raw: dict[str, list[Any]] = {"stations": [], "unrecognised": []}
    _agree(raw, Dataset)
    try:
        fast_structurer()(raw, Dataset)
    except Exception:
        return
    raise AssertionError("the fast path accepted a key that loading sets")


def test_timestamps_with_an_offset_become_china_standard_time_on_both_paths() -> None:
    drill = {"date": "2024-03-01", "kind": "flood", "alarm_at": "2024-03-01T00:00Z"}
    raw: dict[str, Any] = {"id": "s1", "name": "s1", "kind": "post", "drills": [drill]}
    _agree(raw, Station)
    station = fast_structurer()(raw, Station)
    assert station.drills[0].alarm_at.isoformat() == "2024-03-01T08:00:00"


@FAST
@given(sks.stations(), st.data())
def test_words_mapped_while_structuring_match_the_dataset_reader(
    station: Station, data: st.DataObject
) -> None:
    """A part's stations, words mapped as they are built (or by ``map_words`` when a word is
    unknown), are what the whole-dataset reader gives: codes, kept titles, unrecognised."""
    from stationkit_quanzhou.standard import STANDARD as QUANZHOU

    from stationkit.records import Dataset as DatasetRecord
    from stationkit.records._loading import dataset_from_data
    from stationkit.records._parts import PartReader
    from stationkit.standard import vocabularies_for

    raw = converter().unstructure(station)
    vocabularies = vocabularies_for(QUANZHOU, "2025")  # plan types with the documents' words
    raw["kind"] = "township_station"
    for plan in raw.get("plans") or ():
        terms = vocabularies["plan_type"].terms
        choice = data.draw(st.sampled_from(["code", "zh", "unknown"]))
        if choice == "unknown":
            plan["type"] = "未见过的预案"
        elif terms:
            term = data.draw(st.sampled_from(terms))
            plan["type"] = term.code if choice == "code" else term.zh
    whole = dataset_from_data({"stations": [raw]}, "f", vocabularies=vocabularies, lenient=True)
    reader = PartReader(DatasetRecord(), "f", vocabularies, lenient=True)
    got, words = reader.read([raw], lambda k, ident: f"stations[{k}] (id {ident})")
    assert got == list(whole.stations)
    assert words == list(whole.unrecognised)
