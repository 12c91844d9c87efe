"""Region references checked: a station's ``region`` (and a drill's ``village``) is a code of
the dataset's region tree or a name that names exactly one node.

Names resolve by, in order: the node's name (``蚶江镇``), its ancestors' names before it
(``石狮市湖滨街道``), its name without the level suffix (``蚶江``). When several nodes match
at the first step that matches any, and one of them lies above all the others (the town
蚶江镇 over its village 蚶江村), that one is meant; otherwise the name is ambiguous and an
error lists the candidates.
"""

from __future__ import annotations

import difflib
import unicodedata
from typing import Any

import attrs

from stationkit.errors import InputProblem
from stationkit.records._model import Dataset, Region
from stationkit.records._vocabulary import short_name


def _key(name: str) -> str:
    return "".join(unicodedata.normalize("NFKC", name).split())


@attrs.frozen
class RegionNames:
    """Indexes of a region tree: codes, and names at three strengths."""

    nodes: dict[str, Region]
    parents: dict[str, str | None]
    exact: dict[str, list[str]]
    qualified: dict[str, list[str]]
    short: dict[str, list[str]]

    @classmethod
    def of(cls, root: Region) -> RegionNames:
        nodes: dict[str, Region] = {}
        parents: dict[str, str | None] = {}
        exact: dict[str, list[str]] = {}
        qualified: dict[str, list[str]] = {}
        short: dict[str, list[str]] = {}
        stack: list[tuple[Region, tuple[str, ...], str | None]] = [(root, (), None)]
        while stack:
            node, above, parent = stack.pop()
            nodes[node.code] = node
            parents[node.code] = parent
            exact.setdefault(_key(node.name), []).append(node.code)
            for start in range(len(above)):
                joined = _key("".join((*above[start:], node.name)))
                qualified.setdefault(joined, []).append(node.code)
            short.setdefault(_key(short_name(node.name)), []).append(node.code)
            stack.extend((child, (*above, node.name), node.code) for child in node.children)
        return cls(nodes, parents, exact, qualified, short)

    def _above_all(self, codes: list[str]) -> str | None:
        for code in codes:
            others = [c for c in codes if c != code]
            if all(self._is_ancestor(code, other) for other in others):
                return code
        return None

    def _is_ancestor(self, code: str, other: str) -> bool:
        up = self.parents.get(other)
        while up is not None:
            if up == code:
                return True
            up = self.parents.get(up)
        return False

    def resolve(self, ref: str) -> str | list[str] | None:
        """The code ``ref`` means; the candidate codes when it is ambiguous; None when no
        node matches."""
        if ref in self.nodes:
            return ref
        key = _key(ref)
        for index in (self.exact, self.qualified, self.short):
            codes = list(dict.fromkeys(index.get(key, ())))
            if len(codes) == 1:
                return codes[0]
            if codes:
                top = self._above_all(codes)
                return top if top is not None else codes
        return None

    def describe(self, code: str) -> str:
        return f"{code} ({self.nodes[code].name})"

    def suggestions(self, ref: str) -> list[str]:
        names = {n.name: c for c, n in self.nodes.items()}
        close = difflib.get_close_matches(ref, list(names) + list(self.nodes), n=3, cutoff=0.5)
        return [self.describe(names.get(c, c)) for c in close]


def _problem(names: RegionNames, ref: str, got: str | list[str] | None, where: str) -> str:
    if isinstance(got, list):
        listed = ", ".join(names.describe(c) for c in got)
        return f"region {ref!r} is ambiguous: it names {listed}; write the code"
    close = names.suggestions(ref)
    hint = f"; did you mean {', '.join(close)}?" if close else ""
    return f"region {ref!r} is neither a code nor a name in the {where}{hint}"


def resolve_regions(
    dataset: Dataset, source: str, names: RegionNames | None = None
) -> tuple[Dataset, list[InputProblem]]:
    """Stations' regions and drills' villages as codes, or the problems naming them
    (``names``: the tree's indexes when already built, as for each part of a large input)."""
    if dataset.region is None:
        return dataset, []
    names = names or RegionNames.of(dataset.region)
    problems: list[InputProblem] = []
    stations = []
    for i, station in enumerate(dataset.stations):
        changes: dict[str, Any] = {}
        path = f"stations[{i}] (id {station.id})"
        if station.region is not None:
            got = names.resolve(station.region)
            if isinstance(got, str):
                if got != station.region:
                    changes["region"] = got
            else:
                problems.append(
                    InputProblem(
                        source,
                        f"{path}.region",
                        _problem(names, station.region, got, "region tree"),
                    )
                )
        drills = list(station.drills or ())
        for j, drill in enumerate(drills):
            if drill.village is None:
                continue
            got = names.resolve(drill.village)
            if isinstance(got, str):
                if got != drill.village:
                    drills[j] = attrs.evolve(drill, village=got)
            else:
                problems.append(
                    InputProblem(
                        source,
                        f"{path}.drills[{j}].village",
                        _problem(names, drill.village, got, "region tree"),
                    )
                )
        if station.drills is not None and any(
            a is not b for a, b in zip(drills, station.drills, strict=True)
        ):
            changes["drills"] = tuple(drills)
        stations.append(attrs.evolve(station, **changes) if changes else station)
    return attrs.evolve(dataset, stations=tuple(stations)), problems
