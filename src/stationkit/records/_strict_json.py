"""The JSON reader: RFC 8259 strictly — no NaN or Infinity, no duplicate keys, numbers within
the digit limit, nesting that cannot exhaust the stack."""

from __future__ import annotations

import functools
import json
import re
from typing import Any

from stationkit.records._limits import DEFAULT_LIMITS, Limits, finite_problem, number_problem


class JsonRefusedError(Exception):
    """A JSON value refused; ``token`` is its text, to find the line it is on."""

    def __init__(self, message: str, token: str | None = None, occurrence: int = 1) -> None:
        super().__init__(message)
        self.message = message
        self.token = token
        self.occurrence = occurrence


def _pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)  # built in C; a repeated key shows as a shorter dict
    if len(result) == len(pairs):
        return result
    seen: set[str] = set()
    for key, _ in pairs:
        if key in seen:
            raise JsonRefusedError(
                f"duplicate key {key!r}", json.dumps(key, ensure_ascii=False), occurrence=2
            )
        seen.add(key)
    raise AssertionError("unreachable: a shorter dict has a repeated key")  # pragma: no cover


def _constant(name: str) -> Any:
    raise JsonRefusedError(f"{name} is not JSON (RFC 8259 has no NaN or Infinity)", name)


@functools.lru_cache(maxsize=8)  # one decoder per set of limits, not one per line
def strict_decoder(limits: Limits = DEFAULT_LIMITS) -> json.JSONDecoder:
    """A decoder that raises ``JsonRefusedError`` for NaN, Infinity, duplicate keys and
    numbers over the digit limit (``raw_decode`` reads one value of a longer text)."""

    def integer(digits: str) -> int:
        if len(digits) <= limits.max_digits:  # the common case: short enough to be fine
            return int(digits)
        problem = number_problem(digits, limits)
        if problem:
            raise JsonRefusedError(problem, digits)
        return int(digits)

    def number(literal: str) -> float:
        problem = number_problem(literal, limits)
        if problem is None:
            value = float(literal)
            problem = finite_problem(value)
            if problem is None:
                return value
        raise JsonRefusedError(problem, literal)

    return json.JSONDecoder(
        object_pairs_hook=_pairs, parse_constant=_constant, parse_int=integer, parse_float=number
    )


def parse_json(text: str, limits: Limits = DEFAULT_LIMITS) -> Any:
    """Parse ``text``; raises ``json.JSONDecodeError`` or ``JsonRefusedError``."""
    try:
        return strict_decoder(limits).decode(text)
    except RecursionError:
        raise JsonRefusedError(f"nested deeper than {limits.max_depth} levels") from None


def locate(text: str, token: str | None, occurrence: int = 1) -> str:
    """``line L, column C`` of an occurrence of ``token`` (the first, or the second for a
    repeated key) outside a string, or ``(file)`` when it cannot be found."""
    if token is None:
        return "(file)"
    pattern = re.escape(token) if token.startswith('"') else rf'(?<![\w."]){re.escape(token)}'
    found = None
    for found in re.finditer(pattern, text):  # noqa: B007 - the last one looked at is kept
        occurrence -= 1
        if occurrence <= 0:
            break
    match = found
    if match is None:
        return "(file)"
    line = text.count("\n", 0, match.start()) + 1
    column = match.start() - (text.rfind("\n", 0, match.start()) + 1) + 1
    return f"line {line}, column {column}"
