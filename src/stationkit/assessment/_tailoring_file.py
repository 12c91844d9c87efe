"""Tailoring files (``--tailoring FILE``), like an XCCDF tailoring profile::

    set:
      pass_mark: {value: 75, reason: 市应急局2025年评分细则}
    select: [org, command.screen]      # requirement ids or groups; default: all
    unselect: [funding]

Every value carries its reason; ``select``/``unselect`` are checked against the edition
when assessing (unknown ids or groups are errors).
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import attrs

from stationkit.assessment._documents import Shape
from stationkit.errors import InputError


@attrs.frozen
class Tailoring:
    values: Mapping[str, object] = attrs.field(factory=dict)
    reasons: Mapping[str, str] = attrs.field(factory=dict)
    select: tuple[str, ...] = ()
    unselect: tuple[str, ...] = ()


def tailoring_from_data(data: Any, source: str = "<tailoring>") -> Tailoring:
    shape = Shape(source)
    if data is None:
        data = {}
    if not shape.mapping(data, "(top level)", {"set", "select", "unselect"}, set()):
        raise InputError(shape.problems)
    values: dict[str, object] = {}
    reasons: dict[str, str] = {}
    raw = data.get("set") or {}
    if not isinstance(raw, Mapping):
        shape.fail("set", f"expected a mapping NAME: {{value, reason}}, got {raw!r}")
        raw = {}
    for name, entry in raw.items():
        path = f"set.{name}"
        if not shape.mapping(entry, path, {"value", "reason"}, {"value", "reason"}):
            continue
        reason = shape.text(entry["reason"], f"{path}.reason")
        if reason is not None:
            values[str(name)] = entry["value"]
            reasons[str(name)] = reason
    lists: dict[str, tuple[str, ...]] = {}
    for key in ("select", "unselect"):
        items = shape.items(data.get(key) or [], key)
        lists[key] = tuple(
            t for k, item in enumerate(items) if (t := shape.text(item, f"{key}[{k}]"))
        )
    if shape.problems:
        raise InputError(shape.problems)
    return Tailoring(values, reasons, lists["select"], lists["unselect"])


def load_tailoring(path: str | Path) -> Tailoring:
    from stationkit.records._loading import read_document  # YAML only when a file is read

    return tailoring_from_data(read_document(path), str(path))
