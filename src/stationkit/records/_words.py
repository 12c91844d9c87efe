"""Mapping a dataset's words to vocabulary codes, after structuring.

Every record field whose metadata names a vocabulary (see ``_model.vocab``) is looked up: an
alias becomes its code; a word of a closed vocabulary that is no term is an error naming the
field path, the word and the closest terms; a word of an open vocabulary (or of a closed one
under ``lenient``) is kept as written and listed as :class:`Unrecognised`.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from typing import Any

import attrs

from stationkit.errors import InputProblem
from stationkit.records._model import FILED_AS, VOCABULARY, Dataset, Region, Station, Unrecognised
from stationkit.records._vocabulary import Vocabulary, owner_hint, short_name


@attrs.frozen
class _Plan:
    """Per record class: (field, vocabulary) pairs and (keeper, of) pairs."""

    words: tuple[tuple[str, str], ...]
    keepers: tuple[tuple[str, str], ...]
    names: tuple[str, ...]


@functools.cache  # derived from the class's own field metadata: the same for every caller
def _plan(cls: type) -> _Plan:
    fields = attrs.fields(cls)
    return _Plan(
        tuple((f.name, f.metadata[VOCABULARY]) for f in fields if VOCABULARY in f.metadata),
        tuple((f.name, f.metadata[FILED_AS]) for f in fields if FILED_AS in f.metadata),
        tuple(f.name for f in fields),
    )


class _Mapper:
    def __init__(
        self,
        vocabularies: Mapping[str, Vocabulary],
        source: str,
        lenient: bool,
        prefixes: tuple[str, ...],
    ) -> None:
        self.vocabularies = vocabularies
        self.source = source
        self.lenient = lenient
        self.prefixes = prefixes
        self.problems: list[InputProblem] = []
        self.unrecognised: list[Unrecognised] = []

    def word(self, word: str, vocab: Vocabulary, path: str, subject: str | None) -> str:
        code = vocab.lookup(word, self.prefixes)
        if code is not None:
            return code
        suggestions = vocab.suggestions(word)
        if vocab.closed and not self.lenient:
            hint = owner_hint(word, self.vocabularies, vocab.id)
            close = f"; did you mean {', '.join(suggestions)}?" if suggestions else ""
            known = "" if suggestions else f" (terms: {', '.join(vocab.codes) or 'none'})"
            extra = f"; {hint}" if hint else ""
            self.problems.append(
                InputProblem(
                    self.source,
                    path,
                    f"unknown {vocab.id} {word!r} ({vocab.zh}){known}{close}{extra}",
                )
            )
        else:
            self.unrecognised.append(Unrecognised(path, word, vocab.id, subject, suggestions))
        return word

    def record(self, obj: Any, path: str, subject: str | None) -> Any:
        cls: type = obj.__class__
        plan = _plan(cls)
        changes: dict[str, Any] = {}
        for name, vocab_id in plan.words:
            vocab = self.vocabularies.get(vocab_id)
            value = getattr(obj, name)
            if vocab is None or value is None:
                continue
            if isinstance(value, tuple):
                new: Any = tuple(
                    self.word(w, vocab, f"{path}.{name}[{i}]", subject) for i, w in enumerate(value)
                )
            else:
                new = self.word(value, vocab, f"{path}.{name}", subject)
            if new != value:
                changes[name] = new
        for keeper, of in plan.keepers:
            if of in changes and getattr(obj, keeper) is None:
                changes[keeper] = getattr(obj, of)
        for name in plan.names:
            value = getattr(obj, name)
            if isinstance(value, tuple) and value and attrs.has(type(value[0])):
                items = tuple(
                    self._child(v, f"{path}.{name}", i, subject) for i, v in enumerate(value)
                )
                if any(a is not b for a, b in zip(items, value, strict=True)):
                    changes[name] = items
            elif attrs.has(type(value)):
                item = self.record(value, f"{path}.{name}", subject)
                if item is not value:
                    changes[name] = item
        return attrs.evolve(obj, **changes) if changes else obj

    def _child(self, value: Any, path: str, index: int, subject: str | None) -> Any:
        if isinstance(value, Station):
            return self.record(value, f"{path}[{index}] (id {value.id})", value.id)
        if isinstance(value, Region):
            return self.record(value, f"{path}[{index}] (code {value.code})", value.code)
        return self.record(value, f"{path}[{index}]", subject)


def region_names(region: Region | None) -> tuple[str, ...]:
    """Every region name of the tree and its short form: the prefixes a word may carry."""
    if region is None:
        return ()
    names: set[str] = set()
    for node in region.walk():
        names.update((node.name, short_name(node.name)))
    return tuple(sorted(names))


def map_words(
    dataset: Dataset,
    vocabularies: Mapping[str, Vocabulary],
    source: str,
    *,
    lenient: bool = False,
) -> tuple[Dataset, list[InputProblem], list[Unrecognised]]:
    """The dataset with every known word replaced by its code; the problems (unknown words
    of closed vocabularies) and the unrecognised words (open vocabularies, or ``lenient``)."""
    mapper = _Mapper(vocabularies, source, lenient, region_names(dataset.region))
    changes: dict[str, Any] = {}
    if dataset.region is not None:
        region = mapper.record(dataset.region, "region", dataset.region.code)
        if region is not dataset.region:
            changes["region"] = region
    stations = tuple(mapper._child(s, "stations", i, s.id) for i, s in enumerate(dataset.stations))
    if any(a is not b for a, b in zip(stations, dataset.stations, strict=True)):
        changes["stations"] = stations
    mapped = attrs.evolve(dataset, **changes) if changes else dataset
    return mapped, mapper.problems, mapper.unrecognised
