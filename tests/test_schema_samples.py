"""Schema and loader agree: every bundled sample validates against the schema (with the
standard's vocabularies, format checks on), and timestamps with or without a UTC offset are
read alike by both."""

from __future__ import annotations

import copy
import functools
from typing import Any

import jsonschema
import pytest
import yaml

import stationkit as sk
from stationkit.assessment import assess_dataset
from stationkit.records import dataset_from_data, dataset_schema
from stationkit.records._loading import _Loader
from stationkit.report._json import report_to_json
from stationkit.standard import vocabularies_for


@functools.cache
def _registry() -> sk.Registry:
    registry = sk.Registry(strict=True)
    registry.load_entry_points(only=["quanzhou", "pingshan", "xuanen"])
    return registry


def _samples() -> list[sk.standard.Sample]:
    return list(_registry().samples())


@pytest.mark.parametrize("sample", _samples(), ids=lambda s: s.name)
def test_every_sample_validates_against_the_schema_with_format_checks(
    sample: sk.standard.Sample,
) -> None:
    standard, edition = _registry().standard(f"{sample.standard}@{sample.edition}")
    schema = dataset_schema(vocabularies_for(standard, edition.edition))
    jsonschema.Draft202012Validator.check_schema(schema)
    data = yaml.load(sample.path.read_text(encoding="utf-8"), Loader=_Loader)
    validator = jsonschema.Draft202012Validator(
        schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(data)]
    assert errors == []


def _with_offsets(data: Any) -> Any:
    """Every timestamp rewritten as the same instant in UTC (``...Z``)."""
    if isinstance(data, dict):
        return {k: _with_offsets(v) for k, v in data.items()}
    if isinstance(data, list):
        return [_with_offsets(v) for v in data]
    if isinstance(data, str) and len(data) >= 16 and data[10:11] == "T":
        hour = int(data[11:13]) - 8
        day = data[:10]
        if hour < 0:
            return data  # crossing midnight: leave it (the test needs only some)
        return f"{day}T{hour:02d}{data[13:]}Z"
    return data


def test_timestamps_with_and_without_an_offset_are_the_same_instants() -> None:
    sample = next(s for s in _samples() if s.name == "quanzhou-shishi-2025")
    standard, edition = _registry().standard(f"{sample.standard}@{sample.edition}")
    vocabularies = vocabularies_for(standard, edition.edition)
    raw = yaml.load(sample.path.read_text(encoding="utf-8"), Loader=_Loader)
    shifted = _with_offsets(copy.deepcopy(raw))
    assert shifted != raw
    schema = dataset_schema(vocabularies)
    jsonschema.validate(shifted, schema, format_checker=jsonschema.FormatChecker())
    plain = dataset_from_data(raw, vocabularies=vocabularies)
    utc = dataset_from_data(shifted, vocabularies=vocabularies)
    assert plain == utc
    reports = assess_dataset(plain, standard, edition.edition, as_of=sample.as_of)
    assert [report_to_json(r) for r in reports] == [
        report_to_json(r)
        for r in assess_dataset(utc, standard, edition.edition, as_of=sample.as_of)
    ]


@pytest.mark.parametrize("stamp", ["2025-05-01", "20250501T0900", "2025-05-01T9:00"])
def test_what_the_schema_refuses_the_loader_refuses(stamp: str) -> None:
    schema = dataset_schema()
    data = {
        "stations": [
            {
                "id": "s",
                "name": "s",
                "kind": "k",
                "drills": [{"date": "2025-05-01", "kind": "综合演练", "alarm_at": stamp}],
            }
        ]
    }
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, schema)
    with pytest.raises(sk.InputError, match="alarm_at"):
        dataset_from_data(data)
