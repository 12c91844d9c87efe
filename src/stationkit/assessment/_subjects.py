"""Which subjects of a dataset an edition assesses: its stations and its region nodes."""

from __future__ import annotations

from stationkit.records._model import Dataset, Region, Station
from stationkit.standard._standard import Edition, RegionSubject, Subject


def region_subjects(dataset: Dataset, edition: Edition) -> list[RegionSubject]:
    """Every node of the tree that some region-level requirement of ``edition`` covers,
    with the stations whose region lies in the node's subtree.

    Linear in stations × tree depth: each station is added to its node and the node's
    ancestors, instead of scanning every station for every node."""
    if dataset.region is None:
        return []
    scopes = [r.scope for r in edition.requirements if r.scope.subject == "region"]
    if not scopes:
        return []
    parent: dict[str, str | None] = {}
    order: list[Region] = []
    stack: list[tuple[Region, str | None]] = [(dataset.region, None)]
    while stack:
        node, up = stack.pop()
        parent[node.code] = up
        order.append(node)
        stack.extend((child, node.code) for child in reversed(node.children))
    inside: dict[str, list[Station]] = {code: [] for code in parent}
    for station in dataset.stations:
        code = station.region
        while code is not None and code in parent:
            inside[code].append(station)
            code = parent[code]
    outside = tuple(s for s in dataset.stations if s.region is None)
    subjects = []
    for node in order:
        top = outside if node is dataset.region else ()
        subject = RegionSubject(node, tuple(inside[node.code]), dataset.year, top)
        if any(scope.covers(subject) for scope in scopes):
            subjects.append(subject)
    return subjects


def subjects_of(dataset: Dataset, edition: Edition, which: str = "all") -> list[Subject]:
    """The stations and region nodes of ``dataset`` that ``edition`` covers
    (``which``: ``all``, ``station`` or ``region``)."""
    subjects: list[Subject] = []
    if which in ("all", "station"):
        kinds = [r.scope for r in edition.requirements if r.scope.subject == "station"]
        subjects += [s for s in dataset.stations if any(scope.covers(s) for scope in kinds)]
    if which in ("all", "region"):
        subjects += region_subjects(dataset, edition)
    return subjects
