"""Property: every vocabulary term written in any of its spellings gives exactly the report
the canonical code gives, over the bundled samples of the three standards."""

from __future__ import annotations

import functools
import types
import typing
from typing import Any

import attrs
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import stationkit as sk
from stationkit.assessment import assess_dataset
from stationkit.records import Vocabulary, dataset_from_data
from stationkit.records._model import VOCABULARY, Dataset
from stationkit.report._json import report_to_json
from stationkit.standard import Sample, Standard, vocabularies_for


@functools.cache
def _registry() -> sk.Registry:
    registry = sk.Registry(strict=True)
    registry.load_entry_points(only=["quanzhou", "pingshan", "xuanen"])
    return registry


@functools.cache
def _samples() -> tuple[Sample, ...]:
    return tuple(_registry().samples())


def _record_class(tp: Any) -> type | None:
    """The attrs class inside ``X | None`` or ``tuple[X, ...]``, if any."""
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType, tuple):
        for arg in typing.get_args(tp):
            found = _record_class(arg)
            if found is not None:
                return found
        return None
    return tp if isinstance(tp, type) and attrs.has(tp) else None


Slot = tuple[Any, Any, str]  # container, key, vocabulary id


def _slots(value: Any, cls: type, out: list[Slot]) -> None:
    """Every place in raw ``value`` (of record ``cls``) that holds a vocabulary word."""
    if not isinstance(value, dict):
        return
    hints = typing.get_type_hints(cls)
    for field in attrs.fields(cls):
        item = value.get(field.name)
        if item is None:
            continue
        vocab = field.metadata.get(VOCABULARY)
        if vocab is not None:
            if isinstance(item, list):
                out.extend((item, i, vocab) for i in range(len(item)))
            else:
                out.append((value, field.name, vocab))
            continue
        inner = _record_class(hints[field.name])
        if inner is None:
            continue
        for child in item if isinstance(item, list) else [item]:
            _slots(child, inner, out)


def _strip(report: dict[str, Any]) -> dict[str, Any]:
    """The report without the filed titles (which say how the plans were written)."""
    for finding in report["findings"]:
        observed = finding["observed"]
        if isinstance(observed, dict) and "filed_as" in observed:
            finding["observed"] = observed["plans"]
    return report


@functools.cache
def _prepared(index: int) -> tuple[Standard, dict[str, Vocabulary], str, list[dict[str, Any]]]:
    sample = _samples()[index]
    standard, edition = _registry().standard(f"{sample.standard}@{sample.edition}")
    vocabularies = vocabularies_for(standard, edition.edition)
    text = sample.path.read_text(encoding="utf-8")
    reference = _reports(standard, edition.edition, sample, _load(text, vocabularies))
    return standard, vocabularies, text, reference


def _load(text: str, vocabularies: dict[str, Vocabulary]) -> Dataset:
    return dataset_from_data(yaml.safe_load(text), vocabularies=vocabularies)


def _reports(
    standard: Standard, edition: str, sample: Sample, dataset: Dataset
) -> list[dict[str, Any]]:
    which = "all" if sample.subject == "station" else sample.subject
    reports = assess_dataset(dataset, standard, edition, as_of=sample.as_of, subjects=which)
    return [_strip(report_to_json(r)) for r in reports]


@settings(
    max_examples=12, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow]
)
@given(st.data())
def test_every_alias_gives_the_report_of_its_code(data: st.DataObject) -> None:
    index = data.draw(st.integers(0, len(_samples()) - 1), label="sample")
    sample = _samples()[index]
    standard, vocabularies, text, reference = _prepared(index)
    raw = yaml.safe_load(text)
    slots: list[Slot] = []
    _slots(raw, Dataset, slots)
    chosen = data.draw(
        st.lists(st.integers(0, len(slots) - 1), min_size=1, max_size=40, unique=True),
        label="places",
    )
    for i in chosen:
        container, key, vocab_id = slots[i]
        vocab = vocabularies.get(vocab_id)
        if vocab is None:
            continue
        code = vocab.lookup(container[key])
        if code is None:
            continue
        spellings = [s for s in vocab.term(code).spellings() if s]
        word = data.draw(st.sampled_from(spellings), label=f"{vocab_id}:{code}")
        if data.draw(st.booleans(), label="with clerk's spaces"):
            word = f" {word} "
        container[key] = word
    edition = sample.edition
    written = _reports(standard, edition, sample, _load(yaml.safe_dump(raw), vocabularies))
    assert written == reference


def test_every_spelling_of_every_term_finds_its_code() -> None:
    for sample in _samples():
        standard, edition = _registry().standard(f"{sample.standard}@{sample.edition}")
        for vocab in vocabularies_for(standard, edition.edition).values():
            for term in vocab.terms:
                for spelling in term.spellings():
                    if spelling:
                        assert vocab.lookup(spelling) == term.code, (vocab.id, spelling)
