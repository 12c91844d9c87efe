"""Mapping a dataset's words to vocabulary codes, after structuring.

Every record field whose metadata names a vocabulary (see ``_model.vocab``) is looked up: an
alias becomes its code; a word of a closed vocabulary that is no term is an error naming the
field path, the word and the closest terms; a word of an open vocabulary (or of a closed one
under ``lenient``) is kept as written and listed as :class:`Unrecognised`.
"""

from __future__ import annotations

import functools
import types
import typing
from collections.abc import Mapping
from typing import Any

import attrs

from stationkit.errors import InputProblem
from stationkit.records._convert import optional_of
from stationkit.records._model import FILED_AS, VOCABULARY, Dataset, Region, Station, Unrecognised
from stationkit.records._vocabulary import Vocabulary, owner_hint, short_name

#: Words remembered per mapping (inputs repeat a few hundred words over and over).
MEMO_SIZE = 10_000
_UNSEEN: Any = object()


def looked_up(
    memo: dict[tuple[str, str], str | None],
    vocabulary: str,
    vocab: Vocabulary | None,
    word: str,
    prefixes: tuple[str, ...],
) -> str | None:
    """The code of ``word`` (None: no term; the word itself when ``vocab`` is None, a
    vocabulary the standard does not declare), remembered in ``memo`` (bounded)."""
    key = (vocabulary, word)
    code: str | None = memo.get(key, _UNSEEN)
    if code is _UNSEEN:
        code = word if vocab is None else vocab.lookup(word, prefixes)
        if len(memo) >= MEMO_SIZE:  # bounded, whatever the input's words
            memo.clear()
        memo[key] = code
    return code


@attrs.frozen
class _Plan:
    """Per record class: (field, vocabulary) pairs, (keeper, of) pairs, and the fields that
    hold records whose words need mapping (``children``: (field, holds a tuple))."""

    words: tuple[tuple[str, str], ...]
    keepers: tuple[tuple[str, str], ...]
    children: tuple[tuple[str, bool], ...]


def _record_type(tp: Any) -> tuple[type | None, bool]:
    """The record class a field holds (None: no record), and whether it holds a tuple."""
    inner = optional_of(tp)
    if inner is not None:
        return _record_type(inner)
    if typing.get_origin(tp) in (typing.Union, types.UnionType):
        return None, False
    args = typing.get_args(tp)
    if typing.get_origin(tp) is tuple and len(args) == 2 and args[1] is Ellipsis:
        return (args[0], True) if attrs.has(args[0]) else (None, False)
    return (tp, False) if isinstance(tp, type) and attrs.has(tp) else (None, False)


def _has_words(cls: type, seen: frozenset[type] = frozenset()) -> bool:
    """Whether records of ``cls`` can hold a word of a vocabulary, at any depth."""
    if cls in seen:
        return False
    fields = attrs.fields(attrs.resolve_types(cls))
    if any(VOCABULARY in f.metadata for f in fields):
        return True
    for f in fields:
        child, _ = _record_type(f.type)
        if child is not None and _has_words(child, seen | {cls}):
            return True
    return False


@functools.cache  # derived from the class's own fields: the same for every caller
def _plan(cls: type) -> _Plan:
    fields = attrs.fields(attrs.resolve_types(cls))
    children = []
    for f in fields:
        child, many = _record_type(f.type)
        # Records that can hold no word (members, evidence...) are not walked at all.
        if child is not None and _has_words(child):
            children.append((f.name, many))
    return _Plan(
        tuple((f.name, f.metadata[VOCABULARY]) for f in fields if VOCABULARY in f.metadata),
        tuple((f.name, f.metadata[FILED_AS]) for f in fields if FILED_AS in f.metadata),
        tuple(children),
    )


class _Mapper:
    def __init__(
        self,
        vocabularies: Mapping[str, Vocabulary],
        source: str,
        lenient: bool,
        prefixes: tuple[str, ...],
        memo: dict[tuple[str, str], str | None] | None = None,
    ) -> None:
        self.memo = {} if memo is None else memo
        self.vocabularies = vocabularies
        self.source = source
        self.lenient = lenient
        self.prefixes = prefixes
        self.problems: list[InputProblem] = []
        self.unrecognised: list[Unrecognised] = []

    def word(self, word: str, vocab: Vocabulary, path: str, subject: str | None) -> str:
        code = looked_up(self.memo, vocab.id, vocab, word, self.prefixes)
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
        plan = _plan(obj.__class__)
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
        for name, many in plan.children:
            value = getattr(obj, name)
            if value is None:
                continue
            if many:
                items = tuple(
                    self._child(v, f"{path}.{name}", i, subject) for i, v in enumerate(value)
                )
                if any(a is not b for a, b in zip(items, value, strict=True)):
                    changes[name] = items
            else:
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
    prefixes: tuple[str, ...] | None = None,
    stations_only: bool = False,
    memo: dict[tuple[str, str], str | None] | None = None,
) -> tuple[Dataset, list[InputProblem], list[Unrecognised]]:
    """The dataset with every known word replaced by its code; the problems (unknown words
    of closed vocabularies) and the unrecognised words (open vocabularies, or ``lenient``).
    A large input read in parts maps its region tree once and then only each part's
    stations (``stations_only``, ``prefixes`` being the tree's :func:`region_names`), keeping the
    words already looked up in ``memo`` (for the same vocabularies and prefixes only)."""
    if prefixes is None:
        prefixes = region_names(dataset.region)
    mapper = _Mapper(vocabularies, source, lenient, prefixes, memo)
    changes: dict[str, Any] = {}
    if dataset.region is not None and not stations_only:
        region = mapper.record(dataset.region, "region", dataset.region.code)
        if region is not dataset.region:
            changes["region"] = region
    stations = tuple(mapper._child(s, "stations", i, s.id) for i, s in enumerate(dataset.stations))
    if any(a is not b for a, b in zip(stations, dataset.stations, strict=True)):
        changes["stations"] = stations
    mapped = attrs.evolve(dataset, **changes) if changes else dataset
    return mapped, mapper.problems, mapper.unrecognised
