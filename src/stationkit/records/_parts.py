"""Structuring a large input's stations a part at a time, against the input's header.

A dataset splits into a *header* (region tree, year, completions, given scores) and its
stations. Each part of stations goes through the same steps as a whole file does in
``_loading``: strict structuring, region names resolved against the header's tree, words
mapped to vocabulary codes, totals checked. The header's indexes are built once, not per
part. Problems and unrecognised words name each station by where it is in the input (a
line of a ``.jsonl`` file, or its index in a document's ``stations``) and by its id.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from typing import Any

import attrs
import cattrs

from stationkit.errors import InputError, InputProblem
from stationkit.records._convert import BadValueError, problems_from
from stationkit.records._fast import NotPlainError, fast_structurer
from stationkit.records._loading import converter, core_vocabularies
from stationkit.records._model import Dataset, Station, Unrecognised
from stationkit.records._regions import RegionNames, resolve_regions
from stationkit.records._totals import check_totals
from stationkit.records._vocabulary import Vocabulary
from stationkit.records._words import MEMO_SIZE, looked_up, map_words, region_names

#: ``where(k, id)``: how the k-th station of a part is named in messages.
Where = Callable[[int, object], str]

_STATION = re.compile(r"^stations\[(\d+)\](?: \(id [^)]*\))?")


def _renamed(path: str, where: Where, index: Callable[[int], int], ids: Sequence[str]) -> str:
    """``path`` with its ``stations[j]`` prefix named as the station's place in the input
    (``index(j)``: its index in the part)."""
    match = _STATION.match(path)
    if match is None:
        return path
    k = index(int(match[1]))
    return where(k, ids[k]) + path[match.end() :]


class PartReader:
    """Structures parts of one input's stations as ``load_dataset`` would the whole file."""

    def __init__(
        self,
        header: Dataset,
        source: str,
        vocabularies: Mapping[str, Vocabulary] | None = None,
        lenient: bool = False,
    ) -> None:
        self.header = attrs.evolve(header, stations=())
        self.source = source
        self.vocabularies = core_vocabularies() if vocabularies is None else vocabularies
        self.lenient = lenient
        self._names = RegionNames.of(header.region) if header.region is not None else None
        self._prefixes = region_names(header.region)
        self._regions = header.region_index()
        self._memo: dict[tuple[str, str], str | None] = {}  # words looked up, across parts
        # Well-formed stations are structured with their words mapped as they are built.
        self._codes: dict[tuple[str, str], str] = {}  # the words known, with their codes
        self._fast = fast_structurer(self._word, self._codes)

    def _word(self, vocabulary: str, word: str) -> str:
        vocab = self.vocabularies.get(vocabulary)
        code = looked_up(self._memo, vocabulary, vocab, word, self._prefixes)
        if code is None:
            raise NotPlainError  # an unknown word: ``map_words`` names it or keeps it
        if len(self._codes) < MEMO_SIZE:
            self._codes[(vocabulary, word)] = code
        return code

    def read(self, items: Sequence[Any], where: Where) -> tuple[list[Station], list[Unrecognised]]:
        """The stations of ``items`` (parsed mappings, or stations already read and checked)
        and their unrecognised words; every problem of the part raised at once."""
        source = self.source
        stations: list[Station] = []
        unmapped: list[int] = []  # stations whose words are still as written
        problems: list[InputProblem] = []
        for k, item in enumerate(items):
            if isinstance(item, Station):
                stations.append(item)
                continue
            if not isinstance(item, Mapping):
                message = f"expected a station (a mapping), got {type(item).__name__}"
                problems.append(InputProblem(source, where(k, None), message))
                continue
            try:
                stations.append(self._fast(item, Station))
                continue
            except Exception:  # not plainly well formed: the strict converter says why
                pass
            try:
                stations.append(converter().structure(item, Station))
                unmapped.append(len(stations) - 1)
            except (cattrs.BaseValidationError, BadValueError) as exc:
                problems += problems_from(exc, source, where(k, item.get("id")))
        if problems:
            raise InputError(problems)
        ids = [s.id for s in stations]
        part = attrs.evolve(self.header, stations=tuple(stations))
        part, problems = resolve_regions(part, source, self._names)
        problems = [attrs.evolve(p, path=_renamed(p.path, where, int, ids)) for p in problems]
        unrecognised: list[Unrecognised] = []
        if unmapped:
            read = list(part.stations)
            words = attrs.evolve(self.header, stations=tuple(read[k] for k in unmapped))
            words, word_problems, unrecognised = map_words(
                words,
                self.vocabularies,
                source,
                lenient=self.lenient,
                prefixes=self._prefixes,
                stations_only=True,
                memo=self._memo,
            )
            for k, station in zip(unmapped, words.stations, strict=True):
                read[k] = station
            part = attrs.evolve(part, stations=tuple(read))
            problems += [
                attrs.evolve(p, path=_renamed(p.path, where, unmapped.__getitem__, ids))
                for p in word_problems
            ]
            unrecognised = [
                attrs.evolve(u, path=_renamed(u.path, where, unmapped.__getitem__, ids))
                for u in unrecognised
            ]
        if not problems:  # totals compare codes: only once every word is one
            problems += [
                attrs.evolve(p, path=_renamed(p.path, where, int, ids))
                for p in check_totals(part, source, self._regions)
            ]
        if problems:
            raise InputError(problems)
        return list(part.stations), unrecognised
