"""The plugin contract, checked when a standard is registered (not when it is first used).

A standard that passes is one the engine can assess without tripping over the plugin's own
inconsistencies: it has editions, its ids are unique, every parameter a requirement declares
or a scoring model names exists and has the right kind, numbers are finite and within their
plausible range, and grading refers to bands that exist.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Mapping

from stationkit.records._vocabulary import Vocabulary
from stationkit.standard._standard import Edition, Number, Parameter, Requirement, Standard
from stationkit.standard._vocabularies import vocabularies_for


def _duplicates(names: Iterable[str]) -> list[str]:
    return sorted(name for name, n in Counter(names).items() if n > 1)


def _number(edition: Edition, value: Number, what: str) -> list[str]:
    """A literal number must be finite; a name must be a numeric parameter of the edition."""
    if isinstance(value, str):
        try:
            param = edition.parameter(value)
        except KeyError:
            return [f"{what} names parameter {value!r}, which the edition does not declare"]
        if isinstance(param.value, bool) or not isinstance(param.value, int | float):
            return [f"{what} names parameter {value!r}, which is not a number"]
        return []
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        return [f"{what} is {value!r}, not a finite number"]
    return []


def _requirement(edition: Edition, req: Requirement) -> list[str]:
    where = f"requirement {req.id!r}"
    problems = []
    declared = {p.name for p in edition.parameters}
    for name in req.parameters:
        if name not in declared:
            problems.append(f"{where} reads parameter {name!r}, which the edition does not declare")
    if not math.isfinite(req.weight) or req.weight < 0:
        problems.append(f"{where} has weight {req.weight!r}, not a finite number ≥ 0")
    if not callable(req.predicate):
        problems.append(f"{where} has a predicate that is not callable")
    return problems


def _words(param: Parameter, vocabularies: Mapping[str, Vocabulary]) -> list[str]:
    """A parameter naming a vocabulary holds codes of it (the words the rules compare)."""
    where = f"parameter {param.name!r}"
    if param.vocabulary is None:
        return []
    vocab = vocabularies.get(param.vocabulary)
    if vocab is None:
        return [f"{where} names vocabulary {param.vocabulary!r}, which the edition lacks"]
    value = param.value
    if not isinstance(value, str | tuple):
        return [f"{where} names vocabulary {param.vocabulary!r} but holds no words"]
    codes = set(vocab.codes)
    problems = []
    for word in (value,) if isinstance(value, str) else value:
        if word not in codes:
            code = vocab.lookup(word)
            hint = f" (an alias of {code!r}: write the code)" if code else ""
            problems.append(f"{where}: {word!r} is no term of {vocab.id}{hint}")
    return problems


def edition_problems(
    standard_id: str, edition: Edition, vocabularies: Mapping[str, Vocabulary] | None = None
) -> list[str]:
    """Every inconsistency of one edition, each naming what is wrong (``vocabularies``: the
    edition's, to check parameters that hold vocabulary words; None skips that check)."""
    problems: list[str] = []
    if vocabularies is not None:
        for param in edition.parameters:
            problems += _words(param, vocabularies)
    for kind, names in (
        ("requirement id", [r.id for r in edition.requirements]),
        ("parameter", [p.name for p in edition.parameters]),
        ("group", [g.id for g in edition.groups]),
        ("programme", [p.id for p in edition.programmes]),
    ):
        problems += [f"{kind} {name!r} is declared twice" for name in _duplicates(names)]
    for param in edition.parameters:
        value, top = param.value, param.maximum
        if isinstance(value, float) and not math.isfinite(value):
            problems.append(f"parameter {param.name!r} is {value!r}, not a finite number")
        elif top is not None and isinstance(value, int | float) and value > top:
            problems.append(
                f"parameter {param.name!r} is {value!r}, over its plausible maximum {top!r} "
                "(declare a larger max)"
            )
    # Groups are declared (with titles) or implied by the requirements that name them.
    groups = {g.id for g in edition.groups} | {r.group for r in edition.requirements}
    for req in edition.requirements:
        problems += _requirement(edition, req)
    scoring, grading = edition.scoring, edition.grading
    if not math.isfinite(scoring.max_score) or scoring.max_score <= 0:
        problems.append(f"scoring: max_score {scoring.max_score!r} is not a finite number > 0")
    for share in scoring.shares:
        if share.group not in groups:
            problems.append(
                f"scoring: a share names group {share.group!r}, which has no requirement"
            )
        problems += _number(edition, share.share, f"scoring: the share of {share.group!r}")
    if scoring.bonus_cap is not None:
        problems += _number(edition, scoring.bonus_cap, "scoring: bonus_cap")
    bands = {band.grade for band in grading.bands}
    for band in grading.bands:
        problems += _number(edition, band.min_score, f"grading: band {band.grade!r}")
    problems += [
        f"grading: band {grade!r} is declared twice"
        for grade in _duplicates(b.grade for b in grading.bands)
    ]
    if grading.pass_mark is not None:
        problems += _number(edition, grading.pass_mark, "grading: pass_mark")
    for cap in grading.rank_caps:
        if cap.grade not in bands:
            problems.append(f"grading: a rank cap names grade {cap.grade!r}, which no band has")
        problems += _number(edition, cap.max_share, f"grading: the rank cap of {cap.grade!r}")
    return [f"{standard_id}@{edition.edition}: {p}" for p in problems]


def standard_problems(standard: Standard) -> list[str]:
    """Every inconsistency of a standard and its editions (empty when it is sound)."""
    if not standard.id or "@" in standard.id or standard.id != standard.id.strip():
        return [f"standard id {standard.id!r} is not a plain name"]
    if not standard.editions:
        return [f"standard {standard.id!r} has no editions"]
    problems = [
        f"standard {standard.id!r}: edition {name!r} is declared twice"
        for name in _duplicates(e.edition for e in standard.editions)
    ]
    problems += [
        f"standard {standard.id!r}: kind {name!r} is declared twice"
        for name in _duplicates(k.id for k in standard.kinds)
    ]
    for edition in standard.editions:
        try:
            vocabularies = vocabularies_for(standard, edition.edition)
        except ValueError as exc:  # two terms claim one spelling
            problems.append(f"{standard.id}@{edition.edition}: {exc}")
            continue
        problems += edition_problems(standard.id, edition, vocabularies)
    return problems
