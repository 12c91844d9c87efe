"""A record-level shrinker: drop every recorded fact a failure does not need.

Hypothesis shrinks the choices that built a station, which for a large nested record is slow
(minutes); this works on the record's JSON form instead, deleting fields and list items
breadth-first while the failure persists, and takes milliseconds. The result is what a
failure message shows: the station with only the facts that matter.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Iterator
from typing import Any, TypeVar

from stationkit.records._loading import converter
from stationkit.records._model import Station
from stationkit.standard._standard import RegionSubject

T = TypeVar("T")
Path = tuple[str | int, ...]


def _paths(data: Any, prefix: Path = ()) -> Iterator[Path]:
    """Every deletable place, shallow ones first (big deletions are tried first)."""
    level: list[tuple[Path, Any]] = [(prefix, data)]
    while level:
        nxt: list[tuple[Path, Any]] = []
        for path, node in level:
            if isinstance(node, dict):
                for key, value in node.items():
                    if value is not None:
                        yield (*path, key)
                        nxt.append(((*path, key), value))
            elif isinstance(node, list):
                for i in reversed(range(len(node))):
                    yield (*path, i)
                for i, value in enumerate(node):
                    nxt.append(((*path, i), value))
        level = nxt


def _without(data: Any, path: Path) -> Any | None:
    """A copy with the place at ``path`` deleted (a field set to None, a list item dropped);
    None when the path does not exist."""
    out = copy.deepcopy(data)
    node = out
    for step in path[:-1]:
        try:
            node = node[step]
        except (KeyError, IndexError, TypeError):
            return None
    last = path[-1]
    if isinstance(node, dict) and isinstance(last, str) and node.get(last) is not None:
        node[last] = None
    elif isinstance(node, list) and isinstance(last, int) and last < len(node):
        del node[last]
    else:
        return None
    return out


def _structure(data: Any, kind: type[T]) -> T | None:
    try:
        result: T = converter().structure(data, kind)
    except Exception:
        return None
    return result


def _subject_type(value: Any) -> type | None:
    return type(value) if isinstance(value, Station | RegionSubject) else None


class _Budget:
    """How many more candidates may be tried: a count, not a clock, so a shrink gives the
    same result however busy the machine is."""

    def __init__(self, attempts: int) -> None:
        self.left = attempts

    def spend(self) -> bool:
        self.left -= 1
        return self.left >= 0


def shrink(
    example: T,
    still_fails: Callable[[T], bool],
    *,
    attempts: int = 2000,
    budget: _Budget | None = None,
) -> T:
    """The smallest variant of ``example`` (a subject; a tuple whose first items are subjects,
    edited jointly — e.g. a station and its richer copy; or a list of subjects) for which
    ``still_fails`` holds. Tries at most ``attempts`` candidates, keeping the best so far."""
    budget = budget or _Budget(attempts)
    if isinstance(example, list):
        listed: Any = _shrink_list(example, still_fails, budget)  # type: ignore[arg-type]
        return listed  # type: ignore[no-any-return]
    items = example if isinstance(example, tuple) else (example,)
    joint = [i for i, item in enumerate(items) if _subject_type(item) is not None]
    if not joint:
        return example
    conv = converter()
    datas = {i: conv.unstructure(items[i]) for i in joint}

    def rebuild(candidate: dict[int, Any]) -> T | None:
        parts = list(items)
        for i in joint:
            kind = _subject_type(items[i])
            assert kind is not None
            value = _structure(candidate[i], kind)
            if value is None:
                return None
            parts[i] = value
        built = tuple(parts)
        return built if isinstance(example, tuple) else built[0]  # type: ignore[return-value]

    best = example
    changed = True
    while changed and budget.left > 0:
        changed = False
        for path in list(_paths(datas[joint[0]])):
            candidate = {}
            for i in joint:
                edited = _without(datas[i], path)
                if edited is None:
                    break
                candidate[i] = edited
            else:
                built = rebuild(candidate)
                if built is None:
                    continue
                if not budget.spend():
                    return best
                if _fails(still_fails, built):
                    best, datas, changed = built, candidate, True
                    break
    return best


def _fails(still_fails: Callable[[T], bool], value: T) -> bool:
    try:
        return still_fails(value)
    except Exception:  # a candidate that crashes the check is not the failure being shrunk
        return False


def _shrink_list(
    example: list[Any], still_fails: Callable[[list[Any]], bool], budget: _Budget
) -> list[Any]:
    best = list(example)
    i = len(best) - 1
    while i >= 0 and budget.spend():
        candidate = best[:i] + best[i + 1 :]
        if candidate and _fails(still_fails, candidate):
            best = candidate
        i -= 1
    # Then each member, with the rest fixed, from the same budget.
    for j in range(len(best)):
        if budget.left <= 0:
            break

        def member_fails(item: Any, j: int = j) -> bool:
            return _fails(still_fails, [*best[:j], item, *best[j + 1 :]])

        best[j] = shrink(best[j], member_fails, budget=budget)
    return best
