"""Applying a remedy's structured changes to a record (through its JSON form)."""

from __future__ import annotations

import re
from typing import Any, TypeVar

from stationkit.errors import ChangeError
from stationkit.standard._findings import Change, Remedy

T = TypeVar("T")
_SEGMENT = re.compile(r"^(?P<name>[A-Za-z_][A-Za-z0-9_]*)(?:\[(?P<sel>[^\]]+)\])?$")


def _select(items: list[Any], sel: str, path: str) -> Any:
    if sel.isdigit():
        index = int(sel)
        if index >= len(items):
            raise ChangeError(f"{path}: no item [{index}] (the list has {len(items)})")
        return items[index]
    key, _, value = sel.partition("=")
    for item in items:
        if isinstance(item, dict) and str(item.get(key)) == value:
            return item
    raise ChangeError(f"{path}: no item with {key} = {value!r}")


def _apply(data: dict[str, Any], change: Change) -> None:
    segments = change.path.split(".")
    node: Any = data
    for i, segment in enumerate(segments):
        match = _SEGMENT.match(segment)
        if match is None:
            raise ChangeError(f"{change.path}: cannot read segment {segment!r}")
        name, sel = match["name"], match["sel"]
        last = i == len(segments) - 1
        if not isinstance(node, dict):
            raise ChangeError(f"{change.path}: {segment!r} is not inside a mapping")
        if last and sel is None:
            if change.op == "set":
                node[name] = change.value
            elif change.op == "append":
                node[name] = [*(node.get(name) or []), *change.value]
            else:
                raise ChangeError(f"{change.path}: unknown op {change.op!r} (set, append)")
            return
        child = node.get(name)
        if child is None:
            if sel is not None:
                raise ChangeError(f"{change.path}: {name} is not recorded")
            child = node[name] = {}
        if sel is None:
            node = child
        elif isinstance(child, list):
            node = _select(child, sel, change.path)
        else:
            raise ChangeError(f"{change.path}: {name} is not a list")
    raise ChangeError(f"{change.path}: a change must end at a field, not a list item")


def apply_changes(record: T, changes: tuple[Change, ...]) -> T:
    """A copy of ``record`` with ``changes`` applied; the result is re-validated strictly."""
    from stationkit.records._loading import converter  # YAML and cattrs only when applied

    conv = converter()
    data = conv.unstructure(record)
    for change in changes:
        _apply(data, change)
    result: T = conv.structure(data, type(record))
    return result


def apply_remedy(record: T, remedy: Remedy) -> T:
    """Apply a finding's remedy to the record it was found on."""
    return apply_changes(record, remedy.change)
