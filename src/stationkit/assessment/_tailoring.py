"""Tailoring: a deployment overrides parameters by name, checked against the edition."""

from __future__ import annotations

import difflib
from collections.abc import Mapping
from datetime import date

from stationkit.errors import TailoringError
from stationkit.records._core_vocabularies import CORE_VOCABULARIES
from stationkit.records._limits import DEFAULT_LIMITS, finite_problem, number_problem
from stationkit.records._vocabulary import Vocabulary, merge_all
from stationkit.standard._standard import Edition, Parameter, ParamValue

MAX_TEXT = DEFAULT_LIMITS.max_text


def _kind(value: ParamValue) -> str:
    if isinstance(value, bool):
        return "true or false"
    if isinstance(value, int):
        return "whole number"
    if isinstance(value, float):
        return "number"
    if isinstance(value, date):
        return "date (YYYY-MM-DD)"
    if isinstance(value, tuple):
        return "list of texts (comma-separated on the command line)"
    return "text"


def _parse(raw: object, current: ParamValue) -> ParamValue | None:
    """``raw`` as the type of ``current`` (a same-typed value, or a string the CLI passed);
    None when it is not one."""
    text = raw if isinstance(raw, str) else None
    if isinstance(current, bool):
        if isinstance(raw, bool):
            return raw
        if text is not None and text.lower() in ("true", "false"):
            return text.lower() == "true"
    elif isinstance(current, int | float):
        if isinstance(raw, int) and not isinstance(raw, bool):
            return raw if isinstance(current, int) else float(raw)
        if isinstance(raw, float) and isinstance(current, float):
            return raw
        if text is not None:
            try:
                return int(text) if isinstance(current, int) else float(text)
            except ValueError:
                return None
    elif isinstance(current, date):
        if isinstance(raw, date):
            return raw
        if text is not None:
            try:
                return date.fromisoformat(text)
            except ValueError:
                return None
    elif isinstance(current, tuple):
        if isinstance(raw, list | tuple) and all(isinstance(x, str) for x in raw):
            return tuple(raw)
        if text is not None:
            return tuple(part.strip() for part in text.split(",") if part.strip())
    elif isinstance(raw, str):
        return raw
    return None


def _coerce(param: Parameter, raw: object) -> ParamValue:
    """Accept ``raw`` for ``param``; anything else is an error, never a silent default. A
    number must be finite and within the parameter's plausible range: at least 0 where the
    source's figure is ≥ 0 (a count, a size, a number of minutes), at most its maximum."""
    name, current = param.name, param.value
    if isinstance(raw, str) and len(raw) > MAX_TEXT:
        raise TailoringError(f"parameter {name!r}: a value of {len(raw):,} characters")
    if isinstance(current, int | float) and not isinstance(current, bool):
        problem = _number_problem(raw)
        if problem:
            raise TailoringError(f"parameter {name!r}: {problem}")
    value = _parse(raw, current)
    if value is None:
        raise TailoringError(
            f"parameter {name!r}: expected a {_kind(current)} like {current!r}, got {_show(raw)}"
        )
    if isinstance(value, int | float) and not isinstance(value, bool):
        if isinstance(current, int | float) and current >= 0 > value:
            raise TailoringError(
                f"parameter {name!r}: expected a value ≥ 0 like {current!r}, got {raw!r}"
            )
        top = param.maximum
        if top is not None and value > top:
            unit = f" {param.unit}" if param.unit else ""
            raise TailoringError(
                f"parameter {name!r}: {value:,} is over its plausible maximum of {top:,}{unit}"
            )
    return value


def _codes(param: Parameter, value: ParamValue, vocab: Vocabulary) -> ParamValue:
    """The words of ``value`` as codes of ``vocab`` (the documents' words become the codes
    the rules compare); a word that is no term is refused, naming the closest terms."""
    words = (value,) if isinstance(value, str) else value
    if not isinstance(words, tuple):
        return value
    known = set(vocab.codes)
    codes: list[str] = []
    unknown: list[str] = []
    for word in words:
        code = word if word in known else vocab.lookup(word)
        if code is None:
            close = vocab.suggestions(word)
            hint = (
                f"; did you mean {', '.join(close)}?"
                if close
                else f" (terms: {', '.join(vocab.codes)})"
            )
            unknown.append(f"unknown {vocab.id} {word!r} ({vocab.zh}){hint}")
        else:
            codes.append(code)
    if unknown:
        raise TailoringError(f"parameter {param.name!r}: " + "; ".join(unknown))
    mapped = tuple(dict.fromkeys(codes))  # two spellings of one term name it once
    return mapped[0] if isinstance(value, str) else mapped


def edition_vocabularies(edition: Edition) -> dict[str, Vocabulary]:
    """The core's vocabularies with the edition's own terms (what ``tailor`` maps through
    when its caller passes none)."""
    return merge_all(CORE_VOCABULARIES, edition.vocabularies)


def _number_problem(raw: object) -> str | None:
    """Numbers that no figure can be: NaN, infinities, and literals past the digit limit."""
    if isinstance(raw, str):
        problem = number_problem(raw)
        if problem:
            return problem
        try:
            number = float(raw)
        except ValueError:
            return None  # not a number at all: reported with the expected kind
        return finite_problem(number)
    if isinstance(raw, float):
        return finite_problem(raw)
    if isinstance(raw, int) and raw.bit_length() > 100:
        return "a number over the limit of 30 digits"
    return None


def _show(raw: object) -> str:
    text = repr(raw)
    return text if len(text) <= 60 else text[:57] + "..."


def _number_names(*numbers: object) -> set[str]:
    return {n for n in numbers if isinstance(n, str)}


def assessment_readers(edition: Edition) -> set[str]:
    """The parameters an assessment reads: its requirements' and its scoring and grading's."""
    read = {name for req in edition.requirements for name in req.parameters}
    read |= _number_names(*(s.share for s in edition.scoring.shares), edition.scoring.bonus_cap)
    grading = edition.grading
    read |= _number_names(
        *(b.min_score for b in grading.bands),
        grading.pass_mark,
        *(c.max_share for c in grading.rank_caps),
    )
    return read


def programme_readers(edition: Edition) -> set[str]:
    """The parameters the edition's programmes take their dates from."""
    return {
        name
        for programme in edition.programmes
        for m in programme.milestones
        for name in (m.due_parameter, m.start_parameter)
        if name is not None
    }


def tailor(
    edition: Edition,
    overrides: Mapping[str, object],
    *,
    readers: set[str] | None = None,
    vocabularies: Mapping[str, Vocabulary] | None = None,
) -> dict[str, ParamValue]:
    """Validate ``overrides`` against ``edition``; returns the typed values that differ.

    A parameter that nothing reads (``readers``: by default what an assessment reads) is
    refused: tailoring it would change nothing, yet the report would list it as overridden.
    The words of a parameter that names a vocabulary are mapped to its codes (``--set
    wall_maps=防汛防台风形势图`` and its aliases mean the same); a word that is no term is
    refused with the closest terms. ``vocabularies``: by default the core's and the
    edition's (``edition_vocabularies``).
    """
    declared = {p.name: p for p in edition.parameters}
    vocabs = edition_vocabularies(edition) if vocabularies is None else vocabularies
    read = assessment_readers(edition) if readers is None else readers
    problems: list[str] = []
    result: dict[str, ParamValue] = {}
    for name, raw in overrides.items():
        param = declared.get(name)
        if param is None:
            close = difflib.get_close_matches(name, declared, n=1)
            hint = f"; did you mean {close[0]!r}?" if close else ""
            problems.append(f"unknown parameter {name!r}{hint}")
            continue
        if name not in read:
            problems.append(
                f"parameter {name!r} is read by nothing this command uses in "
                f"{edition.edition}: tailoring it would change nothing"
            )
            continue
        try:
            value = _coerce(param, raw)
            vocab = vocabs.get(param.vocabulary) if param.vocabulary else None
            result[name] = value if vocab is None else _codes(param, value, vocab)
        except TailoringError as exc:
            problems.append(str(exc))
    if problems:
        raise TailoringError("; ".join(problems))
    return result
