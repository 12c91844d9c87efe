"""Reading large inputs in parts: the stations of a file, a chunk at a time, never whole.

A dataset splits into a *header* (region tree, year, programme completions) that every part
needs, and its stations, which are independent of each other. A part carries its stations
unstructured (JSON text lines, or mappings already parsed) so that it is cheap to send to a
worker process, which structures them with the same strict converter as ``load_dataset``.

Inputs:

- ``.jsonl``: one station (a JSON object) per line. The region tree comes from a first line of
  its own (an object without ``id``: ``{"year": …, "region": {…}, "completions": […]}``) or from
  a separate file (``regions=``). The file is read a chunk at a time.
- ``.json`` / ``.yaml``: one dataset document, parsed whole (the parsed data is far smaller
  than the records built from it) and handed on in parts of ``size`` stations.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

import attrs
import cattrs

from stationkit.errors import InputError, InputProblem
from stationkit.records._convert import BadValueError, problems_from
from stationkit.records._loading import _parse, dataset_from_data, load_dataset, structure_record
from stationkit.records._model import Dataset, Station

#: Stations per part: large enough to amortise sending a part to a worker, small enough
#: that a part's records stay a few megabytes.
PART_SIZE = 500
#: The longest line a ``.jsonl`` input may have (one station's JSON).
MAX_LINE_BYTES = 4 * 1024 * 1024
#: Problems reported before giving up on a file (all of them would flood a terminal).
MAX_PROBLEMS = 200


@attrs.frozen
class Part:
    """Some consecutive stations of one input, not yet structured.

    ``items`` are JSON texts (from a ``.jsonl`` file, ``lines`` holding their line numbers) or
    parsed mappings (from a JSON/YAML document, ``start`` the index of the first one in its
    ``stations`` list)."""

    source: str
    items: tuple[Any, ...]
    start: int = 0
    lines: tuple[int, ...] = ()


def _where(part: Part, k: int, ident: object) -> str:
    base = f"line {part.lines[k]}" if part.lines else f"stations[{part.start + k}]"
    return f"{base} (id {ident})" if isinstance(ident, str) else base


def structure_part(part: Part) -> list[Station]:
    """The part's stations, strictly structured; every problem in the part reported at once,
    each naming the file, the line (or index) and id of the station, and the field path."""
    stations: list[Station] = []
    problems: list[InputProblem] = []
    for k, item in enumerate(part.items):
        data = item
        if isinstance(item, str):
            try:
                data = json.loads(item)
            except json.JSONDecodeError as exc:
                problems.append(
                    InputProblem(part.source, f"line {part.lines[k]}", f"broken JSON: {exc.msg}")
                )
                continue
        if not isinstance(data, Mapping):
            problems.append(
                InputProblem(
                    part.source,
                    _where(part, k, None),
                    f"expected a station (a mapping), got {type(data).__name__}",
                )
            )
            continue
        try:
            stations.append(structure_record(data, Station))
        except (cattrs.BaseValidationError, BadValueError) as exc:
            problems += problems_from(exc, part.source, _where(part, k, data.get("id")))
    if problems:
        raise InputError(problems[:MAX_PROBLEMS])
    return stations


@attrs.frozen
class Source:
    """One input file opened for reading in parts: its header and how to read its stations."""

    path: Path
    header: Dataset
    #: A JSON/YAML document's stations, as parsed (None for a ``.jsonl`` file, read lazily).
    raw: list[Any] | None = attrs.field(default=None, eq=False, repr=False)

    def parts(self, size: int = PART_SIZE) -> Iterator[Part]:
        """The file's stations, ``size`` at a time (re-readable: each call reads afresh)."""
        if size < 1:
            raise ValueError(f"part size must be at least 1, got {size}")
        if self.raw is None:
            yield from _jsonl_parts(self.path, size)
            return
        for start in range(0, len(self.raw), size):
            yield Part(str(self.path), tuple(self.raw[start : start + size]), start)

    def dataset(self) -> Dataset:
        """The whole dataset, stations structured (what region subjects need)."""
        stations: list[Station] = []
        for part in self.parts():
            stations += structure_part(part)
        return attrs.evolve(self.header, stations=tuple(stations))


def _is_jsonl(path: Path) -> bool:
    return path.suffix.lower() in (".jsonl", ".ndjson")


def _document(path: Path) -> dict[str, Any]:
    try:
        data = _parse(path)
    except OSError as exc:
        raise InputError([InputProblem(str(path), "(file)", exc.strerror or str(exc))]) from None
    if not isinstance(data, dict):
        raise InputError(
            [
                InputProblem(
                    str(path),
                    "(top level)",
                    f"expected a mapping with 'stations', got {type(data).__name__}",
                )
            ]
        )
    stations = data.get("stations")
    if stations is not None and not isinstance(stations, list):
        raise InputError(
            [InputProblem(str(path), "stations", f"expected a list, got {type(stations).__name__}")]
        )
    return data


def _lines(path: Path) -> Iterator[tuple[int, str]]:
    """The non-blank lines with their numbers, each checked against the length limit."""
    try:
        with path.open("r", encoding="utf-8") as handle:
            for number, line in enumerate(handle, start=1):
                if len(line) > MAX_LINE_BYTES:
                    raise InputError(
                        [
                            InputProblem(
                                str(path),
                                f"line {number}",
                                f"longer than {MAX_LINE_BYTES} characters (one station a line)",
                            )
                        ]
                    )
                if line.strip():
                    yield number, line
    except OSError as exc:
        raise InputError([InputProblem(str(path), "(file)", exc.strerror or str(exc))]) from None
    except UnicodeDecodeError as exc:
        raise InputError([InputProblem(str(path), "(file)", f"not UTF-8: {exc.reason}")]) from None


def _is_header(line: str) -> bool:
    try:
        data = json.loads(line)
    except json.JSONDecodeError:
        return False
    return isinstance(data, dict) and "id" not in data


def _jsonl_parts(path: Path, size: int) -> Iterator[Part]:
    items: list[str] = []
    numbers: list[int] = []
    first = True
    for number, line in _lines(path):
        if first:
            first = False
            if _is_header(line):
                continue
        items.append(line)
        numbers.append(number)
        if len(items) == size:
            yield Part(str(path), tuple(items), lines=tuple(numbers))
            items, numbers = [], []
    if items:
        yield Part(str(path), tuple(items), lines=tuple(numbers))


def _header_of(data: Mapping[str, Any], source: str) -> Dataset:
    if "stations" in data:
        raise InputError(
            [
                InputProblem(
                    source,
                    "line 1",
                    "a header line holds region, year and completions; "
                    "stations go one per line after it",
                )
            ]
        )
    return dataset_from_data(data, source)


def open_source(path: str | Path, regions: str | Path | None = None) -> Source:
    """Open an input for reading in parts (``regions``: a YAML/JSON file whose region tree,
    year and completions a ``.jsonl`` input uses; the file must hold no stations)."""
    path = Path(path)
    if not _is_jsonl(path):
        if regions is not None:
            raise InputError(
                [InputProblem(str(path), "(file)", "--regions applies to .jsonl inputs only")]
            )
        data = _document(path)
        rest = {k: v for k, v in data.items() if k != "stations"}
        return Source(path, dataset_from_data(rest, str(path)), data.get("stations") or [])
    header: Dataset | None = None
    for _, line in _lines(path):  # only the first non-blank line may be a header
        if _is_header(line):
            header = _header_of(json.loads(line), str(path))
        break
    if regions is not None:
        if header is not None:
            raise InputError(
                [
                    InputProblem(
                        str(path),
                        "line 1",
                        "the file has a header line and --regions was given: use one",
                    )
                ]
            )
        tree = load_dataset(regions)
        if tree.stations:
            raise InputError(
                [
                    InputProblem(
                        str(regions),
                        "stations",
                        f"a regions file holds the region tree only; it lists "
                        f"{len(tree.stations)} stations",
                    )
                ]
            )
        header = tree
    return Source(path, header or Dataset())


def read_parts(sources: Sequence[Source], size: int = PART_SIZE) -> Iterator[tuple[int, Part]]:
    """Every part of every source, with the index of its source."""
    for index, source in enumerate(sources):
        for part in source.parts(size):
            yield index, part
