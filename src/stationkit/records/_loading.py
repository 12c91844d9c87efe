"""Loading datasets from YAML (safe loader), JSON, spreadsheet (.xlsx, .csv) files or Python
data."""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import attrs
import cattrs
import yaml

from stationkit.errors import InputError, InputProblem
from stationkit.records._convert import BadValueError, make_converter, problems_from
from stationkit.records._core_vocabularies import CORE_VOCABULARIES
from stationkit.records._model import Dataset
from stationkit.records._regions import resolve_regions
from stationkit.records._spreadsheet import SPREADSHEET_SUFFIXES, read_csv, read_xlsx
from stationkit.records._tables import Reader, locate
from stationkit.records._totals import check_totals
from stationkit.records._vocabulary import Vocabulary, merge_all
from stationkit.records._words import map_words


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


def core_vocabularies() -> dict[str, Vocabulary]:
    """The core's vocabularies that hold terms (those a standard fills in are left out:
    without the standard, their words cannot be judged)."""
    merged = merge_all(CORE_VOCABULARIES)
    return {k: v for k, v in merged.items() if v.terms or not v.closed}


def dataset_from_data(
    data: object,
    source: str = "<data>",
    *,
    vocabularies: Mapping[str, Vocabulary] | None = None,
    lenient: bool = False,
) -> Dataset:
    """Structure already-parsed data (a mapping) into a :class:`Dataset`, strictly: every word
    mapped to its vocabulary code (``vocabularies``: the core's by default; pass a standard's
    from ``stationkit.standard.vocabularies_for`` to check its words too), every region
    reference resolved to a code. ``lenient`` keeps unknown words of closed vocabularies as
    ``Dataset.unrecognised`` entries instead of refusing them."""
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
        dataset: Dataset = _CONVERTER.structure(data, Dataset)
    except (cattrs.BaseValidationError, BadValueError) as exc:
        raise InputError([_name_record(p, data) for p in problems_from(exc, source)]) from None
    dataset, problems = resolve_regions(dataset, source)
    vocabs = core_vocabularies() if vocabularies is None else vocabularies
    dataset, word_problems, unrecognised = map_words(dataset, vocabs, source, lenient=lenient)
    problems += word_problems
    if not problems:  # totals compare codes: only once every word is one
        problems += check_totals(dataset, source)
    if problems:
        raise InputError(problems)
    if unrecognised:
        dataset = attrs.evolve(dataset, unrecognised=tuple(unrecognised))
    return dataset


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


def load_dataset(
    path: str | Path,
    *,
    vocabularies: Mapping[str, Vocabulary] | None = None,
    lenient: bool = False,
) -> Dataset:
    """Load one YAML or JSON file; every problem in it is reported at once. ``vocabularies``
    and ``lenient`` as for :func:`dataset_from_data`."""
    path = Path(path)
    if path.suffix.lower() in SPREADSHEET_SUFFIXES:
        return _load_spreadsheet(path, vocabularies, lenient)
    try:
        data = _parse(path)
    except OSError as exc:
        raise InputError([InputProblem(str(path), "(file)", exc.strerror or str(exc))]) from None
    return dataset_from_data(data, str(path), vocabularies=vocabularies, lenient=lenient)


def _load_spreadsheet(
    path: Path, vocabularies: Mapping[str, Vocabulary] | None, lenient: bool
) -> Dataset:
    """A workbook or CSV file: rows to records, every problem named by sheet, row, column."""
    encoding: str | None = None
    try:
        if path.suffix.lower() == ".csv":
            tables, encoding = read_csv(path)
        else:
            tables = read_xlsx(path)
    except OSError as exc:
        raise InputError([InputProblem(str(path), "(file)", exc.strerror or str(exc))]) from None
    reader = Reader(str(path))
    data = reader.read(tables)
    if reader.problems:
        raise InputError(reader.problems)
    try:
        dataset = dataset_from_data(data, str(path), vocabularies=vocabularies, lenient=lenient)
    except InputError as exc:
        raise InputError([locate(p, reader.origin) for p in exc.problems]) from None
    return attrs.evolve(dataset, encoding=encoding)


def converter() -> Any:
    """The strict record converter (for unstructuring records back to JSON-able data)."""
    return _CONVERTER
