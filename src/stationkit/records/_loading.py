"""Loading datasets from YAML (safe loader) and JSON files or Python data."""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any, TypeVar

import cattrs
import yaml

from stationkit.errors import InputError, InputProblem
from stationkit.records._convert import BadValueError, make_converter, problems_from
from stationkit.records._fast import fast_structurer
from stationkit.records._model import Dataset


class _Loader(yaml.SafeLoader):
    """The safe loader, with dates left as text so a bad date is reported at its field path
    (PyYAML's own timestamp parsing raises a bare ValueError with no location)."""


_Loader.yaml_implicit_resolvers = {
    first: [
        (tag, regexp)
        for tag, regexp in resolvers
        if tag not in ("tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:bool")
    ]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
# Only ``true``/``false`` are booleans: YAML 1.1 would also read yes/no/on/off (so a key
# ``on:`` became True, and ``handbook: no`` a silent False).
_Loader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)

_CONVERTER = make_converter()  # stateless after set-up: hooks only, no registry of records
# Generated on first use per record type; a cache of code, not of records.
_FAST = fast_structurer()

T = TypeVar("T")


def structure_record(data: Any, cls: type[T]) -> T:
    """``data`` as a ``cls`` record: the fast path for well-formed data, else the strict
    converter (which raises the problems with their field paths)."""
    try:
        record: T = _FAST(data, cls)
        return record
    except Exception:
        strict: T = _CONVERTER.structure(data, cls)
        return strict


def dataset_from_data(data: object, source: str = "<data>") -> Dataset:
    """Structure already-parsed data (a mapping) into a :class:`Dataset`, strictly."""
    if not isinstance(data, Mapping):
        raise InputError(
            [
                InputProblem(
                    source,
                    "(top level)",
                    f"expected a mapping with 'stations', got {type(data).__name__}",
                )
            ]
        )
    try:
        return structure_record(data, Dataset)
    except (cattrs.BaseValidationError, BadValueError) as exc:
        raise InputError([_name_record(p, data) for p in problems_from(exc, source)]) from None


_STATION_PATH = re.compile(r"^stations\[(\d+)\]")


def _name_record(problem: InputProblem, data: Mapping[str, Any]) -> InputProblem:
    """Add the station's id to a path inside it: ``stations[3] (id hb-1).teams[0]...``."""
    match = _STATION_PATH.match(problem.path)
    stations = data.get("stations")
    if match is None or not isinstance(stations, list):
        return problem
    index = int(match[1])
    record = stations[index] if index < len(stations) else None
    ident = record.get("id") if isinstance(record, Mapping) else None
    if not isinstance(ident, str):
        return problem
    path = f"{match[0]} (id {ident}){problem.path[match.end() :]}"
    return InputProblem(problem.source, path, problem.message)


def _parse(path: Path) -> Any:
    text = path.read_text(encoding="utf-8")
    if path.suffix.lower() == ".json":
        try:
            return json.loads(text)
        except json.JSONDecodeError as exc:
            raise InputError(
                [
                    InputProblem(
                        str(path),
                        f"line {exc.lineno}, column {exc.colno}",
                        f"broken JSON: {exc.msg}",
                    )
                ]
            ) from None
    try:
        return yaml.load(text, Loader=_Loader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}, column {mark.column + 1}" if mark else "(file)"
        problem = getattr(exc, "problem", None) or str(exc)
        raise InputError([InputProblem(str(path), where, f"broken YAML: {problem}")]) from None


def load_dataset(path: str | Path) -> Dataset:
    """Load one YAML or JSON file; every problem in it is reported at once."""
    path = Path(path)
    try:
        data = _parse(path)
    except OSError as exc:
        raise InputError([InputProblem(str(path), "(file)", exc.strerror or str(exc))]) from None
    return dataset_from_data(data, str(path))


def converter() -> Any:
    """The strict record converter (for unstructuring records back to JSON-able data)."""
    return _CONVERTER
