"""A large JSON document is read a window at a time: the same stations and header as the
whole-file reader, whatever the window size or key order; the same refusals."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from core_support import AS_OF, DATA
from hypothesis import given, settings
from hypothesis import strategies as st
from stationkit_example.plugin import STANDARD

from stationkit.assessment import assess_files
from stationkit.errors import InputError
from stationkit.records import _json_document as json_document
from stationkit.records import _stream


def _example() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(
        json.dumps(yaml.safe_load((DATA / "example.yaml").read_text(encoding="utf-8")), default=str)
    )
    return data


@pytest.fixture
def streamed(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every JSON document streamed, in windows of a few bytes (values cross windows)."""
    monkeypatch.setattr(_stream, "STREAM_BYTES", 0)
    monkeypatch.setattr(json_document, "WINDOW", 7)


def _write(path: Path, data: dict[str, Any], *, stations_first: bool = False) -> Path:
    if stations_first:
        data = {"stations": data["stations"], **{k: v for k, v in data.items() if k != "stations"}}
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    return path


@pytest.mark.parametrize("stations_first", [False, True])
def test_streamed_documents_read_as_whole_ones(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, stations_first: bool
) -> None:
    doc = _write(tmp_path / "example.json", _example(), stations_first=stations_first)
    whole = assess_files([doc], STANDARD, as_of=AS_OF, findings="all")
    monkeypatch.setattr(_stream, "STREAM_BYTES", 0)
    monkeypatch.setattr(json_document, "WINDOW", 7)
    source = _stream.open_source(doc)
    assert source.stations_at is not None and source.count == len(_example()["stations"])
    assert assess_files([doc], STANDARD, as_of=AS_OF, findings="all") == whole


@settings(max_examples=30, deadline=None)
@given(st.integers(1, 64), st.lists(st.integers(-(10**12), 10**12), max_size=5))
def test_any_window_reads_the_same_values(window: int, numbers: list[int]) -> None:
    import tempfile

    data = _example()
    data["stations"][0]["name"] = f"站 {numbers} “引号” \\ end"
    with tempfile.TemporaryDirectory() as tmp:
        doc = _write(Path(tmp) / "d.json", data)
        whole = _stream.open_source(doc)
        expected = [item for part in whole.parts() for item in part.items]
        original = (_stream.STREAM_BYTES, json_document.WINDOW)
        try:
            _stream.STREAM_BYTES, json_document.WINDOW = 0, window
            parts = list(_stream.open_source(doc).parts(3))
        finally:
            _stream.STREAM_BYTES, json_document.WINDOW = original
    assert all(part.texts for part in parts)
    assert [json.loads(text) for part in parts for text in part.items] == expected
    assert [part.start for part in parts] == list(range(0, len(expected), 3))


@pytest.mark.usefixtures("streamed")
@pytest.mark.parametrize(
    ("text", "where", "message"),
    [
        ('{"stations": [{"id": "a", "id": "b"}]}', "stations[0]", "duplicate key 'id'"),
        ('{"stations": [{"id": "a"}, {"x": NaN}]}', "stations[1]", "NaN"),
        ('{"stations": [{"id": "a", "x": ' + "9" * 40 + "}]}", "stations[0]", "40 digits"),
        ('{"stations": [{"id": "a"}, {"x": 1,]}', "stations[1]", "broken JSON"),
        ('{"year": 2024, "year": 2025, "stations": []}', "year", "duplicate key"),
        ('{"stations": [], "stations": []}', "stations", "duplicate key"),
        ('{"stations": []} trailing', "(top level)", "text after the end"),
        ('{"stations": [{"id": "a"} {"id": "b"}]}', "stations[0]", "expected , or ]"),
        ('{"stations": 5}', "stations", "expected a list"),
        ('["not", "a", "dataset"]', "(top level)", "expected {"),
    ],
)
def test_streamed_documents_refuse_what_whole_ones_refuse(
    tmp_path: Path, text: str, where: str, message: str
) -> None:
    doc = tmp_path / "bad.json"
    doc.write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as info:
        _read(doc)
    found = [(p.path, message in p.message) for p in info.value.problems]
    assert (where, True) in found, found


@pytest.mark.usefixtures("streamed")
def test_bytes_that_are_not_utf8_are_named(tmp_path: Path) -> None:
    doc = tmp_path / "latin.json"
    doc.write_bytes(b'{"stations": [{"id": "caf\xe9"}]}')
    with pytest.raises(InputError) as info:
        _read(doc)
    assert info.value.problems[0].path.startswith("byte ")


def _read(doc: Path) -> None:
    """Every station of ``doc`` read as workers read their parts, every problem raised."""
    source = _stream.open_source(doc)
    reader = source.reader()
    problems = []
    for part in source.parts(1):
        try:
            _stream.structure_part(part, reader)
        except InputError as exc:
            problems += exc.problems
    if problems:
        raise InputError(problems)
