"""Reading large inputs in parts: the stations of a file, a chunk at a time, never whole.

A dataset splits into a *header* (region tree, year, completions, given scores) that every
part needs, and its stations, which are independent of each other. A part carries its
stations unstructured (JSON text lines, or mappings already parsed) so that it is cheap to
send to a worker process, which structures them as ``load_dataset`` does (``_parts``).

Inputs:

- ``.jsonl``: one station (a JSON object) per line. The region tree comes from a first line of
  its own (an object without ``id``: ``{"year": …, "region": {…}, "completions": […]}``) or from
  a separate file (``regions=``). The file is read a chunk at a time.
- ``.json`` / ``.yaml``: one dataset document, parsed whole within the usual limits (the
  parsed data is far smaller than the records built from it) and handed on in parts of
  ``size`` stations.
- ``.xlsx`` / ``.csv``: read whole (sheets name their problems by cell), in parts of records.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

import attrs

from stationkit.errors import InputError, InputProblem
from stationkit.records import _json_document as json_document
from stationkit.records._limits import DEFAULT_LIMITS, check_tree, plainly_within, refuse
from stationkit.records._loading import (
    dataset_from_data,
    load_dataset,
    load_file,
    parse_text,
    read_text,
)
from stationkit.records._model import Dataset, Station, Unrecognised
from stationkit.records._parts import PartReader
from stationkit.records._spreadsheet import SPREADSHEET_SUFFIXES
from stationkit.records._strict_json import JsonRefusedError, parse_json
from stationkit.records._vocabulary import Vocabulary

#: Stations per part: large enough to amortise sending a part to a worker, small enough
#: that a part's records stay a few megabytes.
PART_SIZE = 500
#: The longest line a ``.jsonl`` input may have (one station's JSON).
MAX_LINE_BYTES = 4 * 1024 * 1024
#: Problems reported before giving up on an input (all of them would flood a terminal).
MAX_PROBLEMS = 200
#: JSON documents larger than this are read a window at a time (``_json_document``), never
#: whole; smaller ones are parsed whole (within the limits of ``_limits``).
STREAM_BYTES = 32 * 1024 * 1024


@attrs.frozen
class Part:
    """Some consecutive stations of one input, not yet structured.

    ``items`` are JSON texts (from a ``.jsonl`` file, ``lines`` holding their line numbers,
    or from a large JSON document, ``texts``), parsed mappings (from a JSON/YAML document)
    or stations already read (from a spreadsheet); ``start`` is the index of the first one
    in the document's ``stations``. Texts are parsed where the part is read (a worker)."""

    source: str
    items: tuple[Any, ...]
    start: int = 0
    lines: tuple[int, ...] = ()
    #: The items are JSON texts of a document's stations (named by index, not by line).
    texts: bool = False


def _named(base: str, ident: object) -> str:
    return f"{base} (id {ident})" if isinstance(ident, str) else base


def structure_part(
    part: Part, reader: PartReader, *, strict: bool = True
) -> tuple[list[Station], list[Unrecognised]]:
    """The part's stations, read as ``load_dataset`` reads a file's (``reader``: the input's
    header, vocabularies and leniency), and their unrecognised words; every problem in the
    part reported at once, each naming the file, the line (or index) and id of the station,
    and the field path.

    ``strict=False`` parses JSON texts with the plain C reader (no duplicate-key, NaN, digit
    or limit checks): only for texts the strict reader reads too in the same run, whose
    problems are the ones reported (the same values come out of valid JSON either way)."""

    def place(k: int) -> str:
        return f"line {part.lines[k]}" if part.lines else f"stations[{part.start + k}]"

    def where(k: int, ident: object) -> str:
        return _named(place(k), ident)

    if not part.lines and not part.texts:
        return reader.read(part.items, where)
    items: list[Any] = []
    problems: list[InputProblem] = []
    for k, text in enumerate(part.items):
        try:
            if not strict:
                try:
                    items.append(json.loads(text))
                except RecursionError:  # the strict reader names it where it reads the text
                    problems.append(InputProblem(part.source, place(k), "nested too deep"))
                continue
            data = parse_json(text)
            if not plainly_within(len(text)):
                check_tree(data, part.source, DEFAULT_LIMITS, place(k))
        except JsonRefusedError as exc:
            problems.append(InputProblem(part.source, place(k), exc.message))
            continue
        except ValueError as exc:  # json.JSONDecodeError
            problems.append(InputProblem(part.source, place(k), f"broken JSON: {exc}"))
            continue
        except InputError as exc:
            problems += exc.problems
            continue
        items.append(data)
    if problems:
        raise InputError(problems[:MAX_PROBLEMS])
    return reader.read(items, where)


@attrs.frozen
class Source:
    """One input file opened for reading in parts: its header and how to read its stations.

    ``header`` holds everything but the stations (its ``unrecognised``: the header's own
    words); ``raw`` a document's stations as parsed or a spreadsheet's as read (None for a
    ``.jsonl`` file, read lazily, a part at a time)."""

    path: Path
    header: Dataset
    raw: list[Any] | None = attrs.field(default=None, eq=False, repr=False)
    encoding: str | None = None
    #: A large JSON document's: the byte offset of its ``stations`` array, their count, and
    #: where each is in the array's text (start and end, in characters from the ``[``).
    stations_at: int | None = None
    count: int | None = None
    spans: Sequence[int] = attrs.field(default=(), eq=False, repr=False)

    def parts(self, size: int = PART_SIZE) -> Iterator[Part]:
        """The file's stations, ``size`` at a time (re-readable: each call reads afresh)."""
        if size < 1:
            raise ValueError(f"part size must be at least 1, got {size}")
        if self.stations_at is not None:
            yield from _document_parts(self.path, self.stations_at, self.spans, size)
            return
        if self.raw is None:
            yield from _jsonl_parts(self.path, size)
            return
        for start in range(0, len(self.raw), size):
            yield Part(str(self.path), tuple(self.raw[start : start + size]), start)

    def reader(
        self, vocabularies: Mapping[str, Vocabulary] | None = None, lenient: bool = False
    ) -> PartReader:
        return PartReader(self.header, str(self.path), vocabularies, lenient)

    def dataset(
        self,
        vocabularies: Mapping[str, Vocabulary] | None = None,
        lenient: bool = False,
        *,
        strict: bool = True,
    ) -> Dataset:
        """The whole dataset, stations read (what region subjects need); ``strict`` as for
        :func:`structure_part`."""
        reader = self.reader(vocabularies, lenient)
        stations: list[Station] = []
        words = list(self.header.unrecognised)
        for part in self.parts():
            got, unrecognised = structure_part(part, reader, strict=strict)
            stations += got
            words += unrecognised
        return attrs.evolve(self.header, stations=tuple(stations), unrecognised=tuple(words))


def is_jsonl(path: Path) -> bool:
    return path.suffix.lower() in (".jsonl", ".ndjson")


def _lines(path: Path) -> Iterator[tuple[int, str]]:
    """The non-blank lines with their numbers, each checked against the length limit."""
    try:
        # utf-8-sig: a byte-order mark (as Windows tools write) is no part of the first line.
        with path.open("r", encoding="utf-8-sig") as handle:
            for number, line in enumerate(handle, start=1):
                if len(line) > MAX_LINE_BYTES:
                    raise refuse(
                        str(path),
                        f"line {number}",
                        f"longer than {MAX_LINE_BYTES:,} characters (one station a line)",
                    )
                if line.strip():
                    yield number, line
    except OSError as exc:
        raise refuse(str(path), "(file)", exc.strerror or str(exc)) from None
    except UnicodeDecodeError as exc:
        raise refuse(
            str(path), "(file)", f"not UTF-8 at byte {exc.start:,}: {exc.reason}"
        ) from None


#: The keys a header line may hold (a dataset's, but for its stations and what loading sets).
HEADER_KEYS = frozenset({"region", "year", "completions", "given_scores", "stations"})


def _header_data(line: str) -> dict[str, Any] | None:
    """The first line's object when it is a header: no ``id``, and only a dataset's keys (a
    first station that lacks its id is a station, reported as one)."""
    try:
        data = parse_json(line)
    except (ValueError, JsonRefusedError):
        return None
    if not isinstance(data, dict) or "id" in data or not set(data) <= HEADER_KEYS:
        return None
    return data


def _jsonl_parts(path: Path, size: int) -> Iterator[Part]:
    items: list[str] = []
    numbers: list[int] = []
    first = True
    for number, line in _lines(path):
        if first:
            first = False
            if _header_data(line) is not None:
                continue
        items.append(line)
        numbers.append(number)
        if len(items) == size:
            yield Part(str(path), tuple(items), lines=tuple(numbers))
            items, numbers = [], []
    if items:
        yield Part(str(path), tuple(items), lines=tuple(numbers))


def _document_parts(path: Path, offset: int, spans: Sequence[int], size: int) -> Iterator[Part]:
    items: list[str] = []
    start = 0
    for index, text in json_document.station_texts(path, offset, spans):
        if not items:
            start = index
        items.append(text)
        if len(items) == size:
            yield Part(str(path), tuple(items), start, texts=True)
            items = []
    if items:
        yield Part(str(path), tuple(items), start, texts=True)


def _header_of(
    data: Mapping[str, Any],
    source: str,
    vocabularies: Mapping[str, Vocabulary] | None,
    lenient: bool,
) -> Dataset:
    if "stations" in data:
        raise refuse(
            source,
            "line 1",
            "a header line holds region, year, completions and given scores; stations go "
            "one per line after it",
        )
    return dataset_from_data(data, source, vocabularies=vocabularies, lenient=lenient)


def open_source(
    path: str | Path,
    regions: str | Path | None = None,
    *,
    vocabularies: Mapping[str, Vocabulary] | None = None,
    lenient: bool = False,
) -> Source:
    """Open an input for reading in parts (``regions``: a YAML/JSON file whose region tree,
    year, completions and given scores a ``.jsonl`` input uses; it must hold no stations).
    ``vocabularies`` and ``lenient`` as for ``load_dataset``: the header's words are read
    here, the stations' when each part is read."""
    path = Path(path)
    source = str(path)
    if not is_jsonl(path):
        if regions is not None:
            raise refuse(source, "(file)", "--regions applies to .jsonl inputs only")
        if path.suffix.lower() in SPREADSHEET_SUFFIXES:
            loaded = load_file(path, vocabularies=vocabularies, lenient=lenient).dataset
            sheets = attrs.evolve(loaded, stations=())
            return Source(path, sheets, list(loaded.stations), loaded.encoding)
        if (
            path.suffix.lower() == ".json"
            and path.is_file()
            and path.stat().st_size > STREAM_BYTES
            and json_document.is_utf8_document(path)
        ):
            return _streamed_document(path, vocabularies, lenient)
        decoded = read_text(path)
        data = parse_text(decoded.text, source, path.suffix)
        if not isinstance(data, dict):
            raise refuse(
                source,
                "(top level)",
                f"expected a mapping with 'stations', got {type(data).__name__}",
            )
        stations = data.get("stations")
        if stations is not None and not isinstance(stations, list):
            raise refuse(source, "stations", f"expected a list, got {type(stations).__name__}")
        rest = {k: v for k, v in data.items() if k != "stations"}
        document = dataset_from_data(rest, source, vocabularies=vocabularies, lenient=lenient)
        return Source(path, document, stations or [], decoded.encoding)
    header: Dataset | None = None
    for _, line in _lines(path):  # only the first non-blank line may be a header
        first = _header_data(line)
        if first is not None:
            header = _header_of(first, source, vocabularies, lenient)
        break
    if regions is not None:
        if header is not None:
            raise refuse(
                source, "line 1", "the file has a header line and --regions was given: use one"
            )
        tree = load_dataset(regions, vocabularies=vocabularies, lenient=lenient)
        if tree.stations:
            raise refuse(
                str(regions),
                "stations",
                f"a regions file holds the region tree only; it lists "
                f"{len(tree.stations):,} stations",
            )
        header = tree
    return Source(path, header or Dataset(), encoding="utf-8")


def _streamed_document(
    path: Path, vocabularies: Mapping[str, Vocabulary] | None, lenient: bool
) -> Source:
    """A large JSON document: its header read now, its stations a part at a time later."""
    rest, offset, spans = json_document.scan(path)
    header = dataset_from_data(rest, str(path), vocabularies=vocabularies, lenient=lenient)
    if offset is None:
        return Source(path, header, [], "utf-8")
    return Source(path, header, None, "utf-8", offset, len(spans) // 2, spans)


def read_parts(sources: Sequence[Source], size: int = PART_SIZE) -> Iterator[tuple[int, Part]]:
    """Every part of every source, with the index of its source."""
    for index, source in enumerate(sources):
        for part in source.parts(size):
            yield index, part
