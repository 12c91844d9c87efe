"""Loading datasets from YAML, JSON, spreadsheet (.xlsx, .csv) files or Python data: bytes
decoded (``_decode``), parsed strictly (``_yaml``, ``_strict_json``) within limits (``_limits``),
then structured, words mapped to vocabulary codes and region names to codes."""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any, TypeVar

import attrs
import cattrs
import yaml

from stationkit.errors import InputError, InputProblem
from stationkit.records._convert import BadValueError, make_converter, problems_from
from stationkit.records._core_vocabularies import CORE_VOCABULARIES
from stationkit.records._decode import Decoded, decode
from stationkit.records._fast import fast_structurer
from stationkit.records._limits import DEFAULT_LIMITS, Limits, check_size, check_tree, refuse
from stationkit.records._model import Dataset
from stationkit.records._regions import resolve_regions
from stationkit.records._spreadsheet import SPREADSHEET_SUFFIXES, read_csv, read_xlsx
from stationkit.records._strict_json import JsonRefusedError, locate, parse_json
from stationkit.records._tables import Reader
from stationkit.records._tables import locate as locate_cell
from stationkit.records._totals import check_totals
from stationkit.records._vocabulary import Vocabulary, merge_all
from stationkit.records._words import map_words
from stationkit.records._yaml import YamlRefusedError, parse_yaml


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

T = TypeVar("T")


@functools.cache  # generated on first use per record type: a cache of code, not of records
def _fast() -> Callable[[Any, type], Any]:
    return fast_structurer()


def structure_record(data: Any, cls: type[T]) -> T:
    """``data`` as a ``cls`` record: the fast path for well-formed data, else the strict
    converter (which raises the problems with their field paths)."""
    try:
        record: T = _fast()(data, cls)
        return record
    except Exception:
        strict: T = converter().structure(data, cls)
        return strict


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
    check_tree(data, source)
    return _structure(data, source, vocabularies, lenient)


def _structure(
    data: Mapping[str, Any],
    source: str,
    vocabularies: Mapping[str, Vocabulary] | None = None,
    lenient: bool = False,
) -> Dataset:
    try:
        dataset: Dataset = structure_record(data, Dataset)
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


@attrs.frozen
class LoadedFile:
    """A dataset with what was learnt reading its file: the encoding it was in."""

    dataset: Dataset
    source: str
    encoding: str | None
    """The text encoding, or None for a workbook (.xlsx)."""


def read_document(path: str | Path, limits: Limits = DEFAULT_LIMITS) -> Any:
    """The parsed content of a YAML or JSON file (waivers, tailoring), read within the same
    limits as a dataset, or an input error naming the file."""
    path = Path(path)
    return parse_text(read_text(path, limits).text, str(path), path.suffix, limits)


def read_text(path: Path, limits: Limits = DEFAULT_LIMITS) -> Decoded:
    """A file's text: its size checked first, its encoding detected (see ``_decode``)."""
    source = str(path)
    try:
        with path.open("rb") as handle:
            if path.is_file():  # a regular file: refuse by its size before reading it
                check_size(path.stat().st_size, source, limits)
            data = handle.read(limits.max_bytes + 1)
    except OSError as exc:
        raise InputError([InputProblem(source, "(file)", exc.strerror or str(exc))]) from None
    check_size(len(data), source, limits)
    return decode(data, source)


def parse_text(text: str, source: str, suffix: str, limits: Limits = DEFAULT_LIMITS) -> Any:
    """Parse a YAML or (``suffix`` ``.json``) JSON text, strictly and within ``limits``."""
    if suffix.lower() == ".json":
        try:
            data = parse_json(text, limits)
        except json.JSONDecodeError as exc:
            where = f"line {exc.lineno}, column {exc.colno}"
            raise refuse(source, where, f"broken JSON: {exc.msg}") from None
        except JsonRefusedError as exc:
            raise refuse(source, locate(text, exc.token, exc.occurrence), exc.message) from None
    else:
        if len(text) > limits.max_yaml_chars:
            raise refuse(
                source,
                "(file)",
                f"YAML of {len(text):,} characters is over the limit of "
                f"{limits.max_yaml_chars:,}; write a file this large as JSON",
            )
        try:
            data = parse_yaml(text, limits)
        except YamlRefusedError as exc:
            raise refuse(source, _where(exc.mark), exc.message) from None
        except yaml.reader.ReaderError as exc:
            where = _position(text, exc.position)
            code = exc.character if isinstance(exc.character, int) else ord(exc.character)
            message = f"character U+{code:04X} is not allowed in YAML (a control character)"
            raise refuse(source, where, message) from None
        except yaml.YAMLError as exc:
            problem = getattr(exc, "problem", None) or str(exc)
            where = _where(getattr(exc, "problem_mark", None))
            raise refuse(source, where, f"broken YAML: {problem}") from None
        except RecursionError:  # the pure-Python parser, when libyaml is missing
            raise refuse(
                source, "(file)", f"nested deeper than {limits.max_depth} levels"
            ) from None
    check_tree(data, source, limits)
    return data


def _where(mark: Any) -> str:
    return f"line {mark.line + 1}, column {mark.column + 1}" if mark is not None else "(file)"


def _position(text: str, offset: int) -> str:
    line = text.count("\n", 0, offset) + 1
    return f"line {line}, column {offset - (text.rfind(chr(10), 0, offset) + 1) + 1}"


def load_file(
    path: str | Path,
    limits: Limits = DEFAULT_LIMITS,
    *,
    vocabularies: Mapping[str, Vocabulary] | None = None,
    lenient: bool = False,
) -> LoadedFile:
    """Load one YAML, JSON, .xlsx or .csv file, and say which encoding it was in."""
    path = Path(path)
    source = str(path)
    if path.suffix.lower() in SPREADSHEET_SUFFIXES:
        dataset = _load_spreadsheet(path, vocabularies, lenient, limits)
        return LoadedFile(dataset, source, dataset.encoding)
    decoded = read_text(path, limits)
    data = parse_text(decoded.text, source, path.suffix, limits)
    if not isinstance(data, Mapping):
        dataset = dataset_from_data(data, source, vocabularies=vocabularies, lenient=lenient)
    else:
        dataset = _structure(data, source, vocabularies, lenient)
    return LoadedFile(dataset, source, decoded.encoding)


def load_dataset(
    path: str | Path,
    limits: Limits = DEFAULT_LIMITS,
    *,
    vocabularies: Mapping[str, Vocabulary] | None = None,
    lenient: bool = False,
) -> Dataset:
    """Load one YAML, JSON, .xlsx or .csv file; every problem in it is reported at once.
    ``vocabularies`` and ``lenient`` as for :func:`dataset_from_data`."""
    return load_file(path, limits, vocabularies=vocabularies, lenient=lenient).dataset


def _load_spreadsheet(
    path: Path,
    vocabularies: Mapping[str, Vocabulary] | None,
    lenient: bool,
    limits: Limits = DEFAULT_LIMITS,
) -> Dataset:
    """A workbook or CSV file: rows to records, every problem named by sheet, row, column."""
    encoding: str | None = None
    try:
        if path.is_file():  # refuse by its size before reading it
            check_size(path.stat().st_size, str(path), limits)
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
        raise InputError([locate_cell(p, reader.origin) for p in exc.problems]) from None
    return attrs.evolve(dataset, encoding=encoding)


@functools.cache  # built on first use, not at import; stateless after set-up (hooks only)
def converter() -> Any:
    """The strict record converter (for unstructuring records back to JSON-able data)."""
    return make_converter()
