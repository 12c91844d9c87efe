"""Which subjects of a dataset an edition assesses: its stations and its region nodes."""

from __future__ import annotations

from stationkit._records import Dataset
from stationkit._standard import Edition, RegionSubject, Subject


def region_subjects(dataset: Dataset, edition: Edition) -> list[RegionSubject]:
    """Every node of the tree that some region-level requirement of ``edition`` covers,
    with the stations whose region lies in the node's subtree."""
    if dataset.region is None:
        return []
    scopes = [r.scope for r in edition.requirements if r.scope.subject == "region"]
    subjects = []
    for node in dataset.region.walk():
        inside = {n.code for n in node.walk()}
        subject = RegionSubject(
            node, tuple(s for s in dataset.stations if s.region in inside), dataset.year
        )
        if any(scope.covers(subject) for scope in scopes):
            subjects.append(subject)
    return subjects


def subjects_of(dataset: Dataset, edition: Edition, which: str) -> list[Subject]:
    subjects: list[Subject] = []
    if which in ("all", "station"):
        kinds = [r.scope for r in edition.requirements if r.scope.subject == "station"]
        subjects += [s for s in dataset.stations if any(scope.covers(s) for scope in kinds)]
    if which in ("all", "region"):
        subjects += region_subjects(dataset, edition)
    return subjects
