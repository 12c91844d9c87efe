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


def plainly_within(size: int, limits: Limits = DEFAULT_LIMITS) -> bool:
    """Whether a value parsed from ``size`` characters of JSON needs no walk to be within the
    limits: its numbers were checked as they were parsed, and a text no longer than the text
    limit holds no longer text or key, nor more values than the value limit. (Nesting: the
    parser refuses what would exhaust its stack, and records accept only their own shape,
    about a dozen levels deep.)"""
    return size <= min(limits.max_text, limits.max_nodes)


def _path(chain: tuple[object, ...] | None) -> str:
    """The path of a node from its chain of (parent chain, key or index) links."""
    labels: list[object] = []
    while chain is not None:
        chain, label = chain  # type: ignore[assignment]
        labels.append(label)
    path = ""
    for label in reversed(labels):
        path += f"[{label}]" if isinstance(label, int) else (f".{label}" if path else str(label))
    return path


def check_tree(
    data: object, source: str, limits: Limits = DEFAULT_LIMITS, where: str = "(top level)"
) -> None:
    """Walk parsed data (without recursion) and refuse deep nesting, too many values, long
    texts, floats that are not finite and integers over the digit limit.

    Every node of every input passes here, so paths are not built as it goes: each node
    keeps a link to its parent's, and a path is spelt out only for the node refused."""
    stack: list[tuple[object, int, tuple[object, ...] | None]] = [(data, 0, None)]
    nodes = 0
    max_nodes, max_depth, max_text = limits.max_nodes, limits.max_depth, limits.max_text
    # An integer of at most 3·d bits is below 8**d < 10**d: at most d digits.
    safe_bits = limits.max_digits * 3
    pop, push = stack.pop, stack.append
    while stack:
        value, depth, chain = pop()
        nodes += 1
        if nodes > max_nodes:
            raise refuse(source, where, f"more than {max_nodes:,} values in one file")
        if depth > max_depth:
            raise refuse(source, _path(chain) or where, f"nested deeper than {max_depth} levels")
        cls = value.__class__
        if cls is str or isinstance(value, str):
            if len(value) > max_text:  # type: ignore[arg-type]
                raise refuse(
                    source,
                    _path(chain) or where,
                    f"text of {len(value):,} characters is over {max_text:,}",  # type: ignore[arg-type]
                )
        elif cls is dict or (cls is not list and isinstance(value, Mapping)):
            for key, item in value.items():  # type: ignore[attr-defined]
                if isinstance(key, str):
                    if len(key) > max_text:
                        raise refuse(
                            source, _path(chain) or where, f"key of {len(key):,} characters"
                        )
                    label: object = key[:60]
                else:
                    label = type(key).__name__
                push((item, depth + 1, (chain, label)))
        elif cls is list or cls is tuple or isinstance(value, list | tuple):
            for index, item in enumerate(value):  # type: ignore[arg-type]
                push((item, depth + 1, (chain, index)))
        elif cls is bool or value is None:
            continue
        elif isinstance(value, int) and not isinstance(value, bool):
            if value.bit_length() <= safe_bits:
                continue
            # Past ~4,300 digits even str(value) raises; bit length bounds the digits first.
            if value.bit_length() > limits.max_digits * 4 or number_problem(str(value), limits):
                raise refuse(
                    source,
                    _path(chain) or where,
                    f"number over the limit of {limits.max_digits} digits",
                )
        elif isinstance(value, float):
            problem = finite_problem(value)
            if problem:
                raise refuse(source, _path(chain) or where, problem)
