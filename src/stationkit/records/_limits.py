"""The limits every input reader enforces, in one place (docs/limits.md lists them).

Input files are data written by people or exported by systems: they have no use for deep
nesting, thousands of anchors, numbers of a hundred digits or texts of megabytes. A reader
refuses what exceeds these limits with an error naming the file and the place, before the
value can cost minutes or gigabytes. Readers of other formats (CSV, spreadsheets) call
``check_tree`` on what they parsed and the number helpers on each cell.
"""

from __future__ import annotations

import math
from collections.abc import Mapping

import attrs

from stationkit.errors import InputError, InputProblem


@attrs.frozen
class Limits:
    """What one input file may hold. The defaults fit a province's stations in one file."""

    #: bytes in one file (a province of tens of thousands of stations is a few tens of MB)
    max_bytes: int = 100_000_000
    #: characters of one YAML file: YAML is parsed into a graph of nodes first, about 70
    #: bytes of memory per character (a 10 MB file peaks near 750 MB); JSON has no such graph
    max_yaml_chars: int = 10_000_000
    #: nesting of mappings and lists (a dataset's own schema needs about 12)
    max_depth: int = 64
    #: values in the whole document, counting each use of an alias as a copy
    max_nodes: int = 5_000_000
    #: YAML alias uses (``*name``) in one document (a sample file reuses a baseline station
    #: some sixty times)
    max_aliases: int = 1_000
    #: values that aliases add by repeating anchored values: what makes a "billion laughs"
    #: file expand (each alias use counts every value it repeats, nested ones included)
    max_alias_values: int = 100_000
    #: characters in one text value or key
    max_text: int = 100_000
    #: digits in one number (a count or a size never needs more than a few)
    max_digits: int = 30


DEFAULT_LIMITS = Limits()


def refuse(source: str, where: str, message: str) -> InputError:
    """The error for one refused input, naming the file and the place."""
    return InputError([InputProblem(source, where, message)])


def check_size(size: int, source: str, limits: Limits = DEFAULT_LIMITS) -> None:
    if size > limits.max_bytes:
        raise refuse(
            source,
            "(file)",
            f"file of {size:,} bytes is over the limit of {limits.max_bytes:,} bytes",
        )


def number_problem(text: str, limits: Limits = DEFAULT_LIMITS) -> str | None:
    """Why the digits of a number literal are refused (None when they are fine)."""
    digits = sum(ch.isdigit() for ch in text)
    if digits > limits.max_digits:
        return f"number with {digits:,} digits is over the limit of {limits.max_digits} digits"
    return None


def finite_problem(value: float) -> str | None:
    """Why a float is refused: NaN and infinities are not numbers a report can carry
    (JSON has none); a literal like ``1e400`` overflows to infinity."""
    if math.isnan(value):
        return "NaN is not a number; write a number"
    if math.isinf(value):
        return "infinite or overflowing number (like 1e400 or .inf); write a finite number"
    return None


def check_tree(
    data: object, source: str, limits: Limits = DEFAULT_LIMITS, where: str = "(top level)"
) -> None:
    """Walk parsed data (without recursion) and refuse deep nesting, too many values, long
    texts, floats that are not finite and integers over the digit limit."""
    stack: list[tuple[object, int, str]] = [(data, 0, "")]
    nodes = 0
    while stack:
        value, depth, path = stack.pop()
        nodes += 1
        if nodes > limits.max_nodes:
            raise refuse(source, where, f"more than {limits.max_nodes:,} values in one file")
        here = path or where
        if depth > limits.max_depth:
            raise refuse(source, here, f"nested deeper than {limits.max_depth} levels")
        if isinstance(value, str):
            if len(value) > limits.max_text:
                raise refuse(
                    source, here, f"text of {len(value):,} characters is over {limits.max_text:,}"
                )
        elif isinstance(value, bool):
            continue
        elif isinstance(value, int):
            # Past ~4,300 digits even str(value) raises; bit length bounds the digits first.
            if value.bit_length() > limits.max_digits * 4 or number_problem(str(value), limits):
                raise refuse(source, here, f"number over the limit of {limits.max_digits} digits")
        elif isinstance(value, float):
            problem = finite_problem(value)
            if problem:
                raise refuse(source, here, problem)
        elif isinstance(value, Mapping):
            for key, item in value.items():
                label = str(key) if isinstance(key, str) else type(key).__name__
                if isinstance(key, str) and len(key) > limits.max_text:
                    raise refuse(source, here, f"key of {len(key):,} characters")
                stack.append((item, depth + 1, f"{path}.{label[:60]}" if path else label[:60]))
        elif isinstance(value, list | tuple):
            for index, item in enumerate(value):
                stack.append((item, depth + 1, f"{path}[{index}]"))
