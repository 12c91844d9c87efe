"""Findings: what one requirement concluded about one subject, and how to fix it."""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum
from typing import Any

import attrs

from stationkit.standard._text import Citation, Text
from stationkit.standard._waiver import Waiver

#: A JSON value as the reports carry it.
JSON = Any


class Status(StrEnum):
    MET = "met"
    NOT_MET = "not_met"
    NOT_APPLICABLE = "not_applicable"
    MISSING_EVIDENCE = "missing_evidence"


@attrs.frozen
class Change:
    """One structured edit to a record, applied to its JSON form.

    ``op`` is ``set`` (put ``value`` at ``path``) or ``append`` (add the items of ``value``
    to the list at ``path``, creating it when not recorded). ``path`` is dotted, with
    ``[i]`` for list items and ``[kind=rescue]`` to select the list item whose key matches,
    e.g. ``teams[kind=rescue].members``.
    """

    op: str
    path: str
    value: JSON


#: A remedy lists the items it would add (members, drills, posts, stations) one by one up to
#: this many; past it, its text states the count and it carries no change: a target tailored
#: to thousands must not make an assessment build thousands of records per subject.
REMEDY_ITEMS_MAX = 100


def new_items(count: int, make: Callable[[int], JSON]) -> list[JSON] | None:
    """``[make(0), ..., make(count - 1)]``, or None when ``count`` is over
    ``REMEDY_ITEMS_MAX`` (the remedy then describes the count instead)."""
    if count > REMEDY_ITEMS_MAX:
        return None
    return [make(i) for i in range(max(count, 0))]


def append_new(path: str, count: int, make: Callable[[int], JSON]) -> tuple[Change, ...]:
    """An ``append`` of ``count`` new items at ``path``, built by ``make(i)``; no change at
    all past ``REMEDY_ITEMS_MAX`` (see ``new_items``)."""
    items = new_items(count, make)
    return () if items is None else (Change("append", path, items),)


@attrs.frozen
class Remedy:
    """The smallest change that would meet the requirement: for people and for programs."""

    text: Text
    change: tuple[Change, ...] = ()


@attrs.frozen
class NotCounted:
    """A station a region-level rule did not count, and why."""

    id: str
    reason: Text


@attrs.frozen
class Tally:
    """The stations a region-level finding counted, and those it did not with the reason."""

    counted: tuple[str, ...] = ()
    not_counted: tuple[NotCounted, ...] = ()


@attrs.frozen
class Check:
    """What a requirement's predicate returns; the assessment adds the requirement and citation.

    ``credit`` is partial credit in [0, 1] for scored requirements (None: 1 when met, else 0);
    ``points`` is the amount of a bonus or deduction requirement.

    ``not_met`` and ``missing`` also take a function for the remedy (``later``): it is built
    the first time ``remedy`` is read, so a bulk assessment that keeps only scores never
    builds it. Reading ``remedy`` is the same either way.
    """

    status: Status
    observed: JSON = None
    expected: JSON = None
    _remedy: Remedy | None = None
    note: Text | None = None
    credit: float | None = None
    points: float | None = None
    tally: Tally | None = None
    later: Callable[[], Remedy] | None = attrs.field(default=None, eq=False, repr=False)

    @property
    def remedy(self) -> Remedy | None:
        """The smallest change that would meet the requirement (None: none offered)."""
        if self._remedy is None and self.later is not None:
            # Built once, on first read; the record stays immutable to its readers.
            object.__setattr__(self, "_remedy", self.later())
        return self._remedy


#: A remedy, or a function that builds it only when a finding needs it.
RemedyLike = Remedy | Callable[[], Remedy]


def met(
    observed: JSON,
    expected: JSON,
    *,
    credit: float | None = None,
    points: float | None = None,
    note: Text | None = None,
) -> Check:
    return Check(Status.MET, observed, expected, None, note, credit, points)


def not_met(
    observed: JSON,
    expected: JSON,
    remedy: RemedyLike | None,
    *,
    credit: float | None = None,
    points: float | None = None,
    note: Text | None = None,
) -> Check:
    """Not met; ``remedy`` may be a function building it (called only for a report)."""
    if remedy is None or isinstance(remedy, Remedy):
        return Check(Status.NOT_MET, observed, expected, remedy, note, credit, points)
    return Check(Status.NOT_MET, observed, expected, None, note, credit, points, later=remedy)


def _record(field: str) -> Remedy:
    return Remedy(Text(zh=f"补充记录 {field}", en=f"record {field}"))


def missing(field: str, expected: JSON, *, remedy: RemedyLike | None = None) -> Check:
    """The fact at ``field`` is not recorded: report missing evidence, never a pass or a zero."""
    observed = {"not_recorded": field}
    if isinstance(remedy, Remedy):
        return Check(Status.MISSING_EVIDENCE, observed, expected, remedy)
    later = remedy or (lambda: _record(field))
    return Check(Status.MISSING_EVIDENCE, observed, expected, later=later)


def not_applicable(reason: Text) -> Check:
    return Check(Status.NOT_APPLICABLE, None, None, None, reason)


def check_threshold(
    observed: float | int | None,
    minimum: float | int,
    *,
    field: str,
    remedy: Remedy | Callable[[], Remedy],
    at_most: bool = False,
) -> Check:
    """The common case: a recorded number against a minimum (or, with ``at_most``, a maximum).

    ``remedy`` may be a function that builds it: it is then only called when the threshold
    is missed (most stations meet most thresholds, and remedies carry text to format).
    """
    expected = {"max" if at_most else "min": minimum}
    if observed is None:
        return missing(field, expected)
    if (observed <= minimum) if at_most else (observed >= minimum):
        return Check(Status.MET, observed, expected)
    return not_met(observed, expected, remedy)


@attrs.frozen
class Finding:
    requirement: str
    status: Status
    observed: JSON
    expected: JSON
    citation: Citation
    title: Text
    group: str
    remedy: Remedy | None = None
    note: Text | None = None
    gate: bool = False
    weight: float = 1.0
    credit: float = 0.0
    points: float | None = None
    tally: Tally | None = None
    waiver: Waiver | None = None
    """The waiver in force for this finding; the status stays what the check found."""

    @property
    def passed(self) -> bool:
        return self.status in (Status.MET, Status.NOT_APPLICABLE)
