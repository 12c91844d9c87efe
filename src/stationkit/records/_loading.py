"""Loading datasets from YAML and JSON files or Python data: bytes decoded (``_decode``),
parsed strictly (``_yaml``, ``_strict_json``) within limits (``_limits``), then structured."""

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
from stationkit.records._decode import Decoded, decode
from stationkit.records._limits import DEFAULT_LIMITS, Limits, check_size, check_tree, refuse
from stationkit.records._model import Dataset
from stationkit.records._strict_json import JsonRefusedError, locate, parse_json
from stationkit.records._yaml import YamlRefusedError, parse_yaml

_CONVERTER = make_converter()  # stateless after set-up: hooks only, no registry of records


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
    check_tree(data, source)
    return _structure(data, source)


def _structure(data: Mapping[str, Any], source: str) -> Dataset:
    try:
        return _CONVERTER.structure(data, Dataset)
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


@attrs.frozen
class LoadedFile:
    """A dataset with what was learnt reading its file: the encoding it was in."""

    dataset: Dataset
    source: str
    encoding: str


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


def load_file(path: str | Path, limits: Limits = DEFAULT_LIMITS) -> LoadedFile:
    """Load one YAML or JSON file, and say which encoding it was in."""
    path = Path(path)
    decoded = read_text(path, limits)
    source = str(path)
    data = parse_text(decoded.text, source, path.suffix, limits)
    if not isinstance(data, Mapping):
        return LoadedFile(dataset_from_data(data, source), source, decoded.encoding)
    return LoadedFile(_structure(data, source), source, decoded.encoding)


def load_dataset(path: str | Path, limits: Limits = DEFAULT_LIMITS) -> Dataset:
    """Load one YAML or JSON file; every problem in it is reported at once."""
    return load_file(path, limits).dataset


def converter() -> Any:
    """The strict record converter (for unstructuring records back to JSON-able data)."""
    return _CONVERTER
