"""Counting stations for a region-level rule, and saying which were left out and why."""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable

import attrs

from stationkit.records._model import Station
from stationkit.standard._context import Context
from stationkit.standard._findings import Check, NotCounted, Tally
from stationkit.standard._standard import RegionSubject
from stationkit.standard._text import Text

#: Why a station outside every region node is never counted.
NO_REGION = Text("未登记所在区域(region),不计入任何区域", "no region recorded: counted nowhere")


def tally(
    stations: Iterable[Station], reason: Callable[[Station], Text | None]
) -> tuple[list[Station], Tally]:
    """The stations ``reason`` has nothing against (counted), and the tally that names the
    others with their reason."""
    counted: list[Station] = []
    left: list[NotCounted] = []
    for station in stations:
        why = reason(station)
        if why is None:
            counted.append(station)
        else:
            left.append(NotCounted(station.id, why))
    return counted, Tally(tuple(s.id for s in counted), tuple(left))


def region_tally(
    subject: RegionSubject, reason: Callable[[Station], Text | None]
) -> tuple[list[Station], Tally]:
    """:func:`tally` over the subject's stations, and the stations of the dataset that have
    no region (the subject at the top of the tree carries them) as not counted."""
    counted, result = tally(subject.stations, reason)
    outside = tuple(NotCounted(s.id, NO_REGION) for s in subject.outside)
    return counted, Tally(result.counted, result.not_counted + outside)


RegionPredicate = Callable[[RegionSubject, Context], Check]


def counting(
    reason: Callable[[Station, Context], Text | None],
) -> Callable[[RegionPredicate], RegionPredicate]:
    """Decorate a region-level predicate so that its finding lists the stations counted and
    those not counted with ``reason`` (which says why a station does not count, or None)."""

    def decorate(predicate: RegionPredicate) -> RegionPredicate:
        @functools.wraps(predicate)
        def wrapped(subject: RegionSubject, ctx: Context) -> Check:
            check = predicate(subject, ctx)
            _, result = region_tally(subject, lambda s: reason(s, ctx))
            return attrs.evolve(check, tally=result)

        return wrapped

    return decorate
