"""Village-level facts for a township's rules: from the station's own records and from the
village nodes of the region tree, whichever holds them (issue 11: the village's own record)."""

from __future__ import annotations

import attrs

from stationkit.records._model import Drill, Region, RegionLevel, Station


def villages_under(region: Region) -> list[Region]:
    """The village-level nodes directly under a township node."""
    return [c for c in region.children if c.level is RegionLevel.VILLAGE]


def drills_in_villages(station: Station, region: Region) -> list[Drill] | None:
    """The drills held in the township's villages: the station's drills that name a village,
    and each village node's own drills (their ``village`` set to the node's code). None when
    neither place records drills."""
    villages = villages_under(region)
    if station.drills is None and all(v.drills is None for v in villages):
        return None
    held = [d for d in station.drills or () if d.village is not None]
    for village in villages:
        held += [
            d if d.village == village.code else attrs.evolve(d, village=village.code)
            for d in village.drills or ()
        ]
    return held


def villages_with_informants(station: Station, region: Region) -> set[str] | None:
    """The codes of places with an informant: entries ``<code>:<name>`` of the station (an
    entry without a code is the township's own) and villages whose node names one. None when
    neither place records informants."""
    villages = villages_under(region)
    if station.informants is None and all(v.informants is None for v in villages):
        return None
    covered: set[str] = set()
    for entry in station.informants or ():
        code, sep, _ = entry.partition(":")
        covered.add(code if sep else region.code)
    covered.update(v.code for v in villages if v.informants)
    return covered


def villages_with_grid_staff(station: Station, region: Region) -> set[str] | None:
    """The codes of villages with grid staff: the station's grids that name a village, and
    village nodes that name their grid staff. None when neither place records them."""
    villages = villages_under(region)
    if station.grids is None and all(v.grid_staff is None for v in villages):
        return None
    staffed = {g.village for g in station.grids or () if g.village and g.staff}
    staffed.update(v.code for v in villages if v.grid_staff)
    return staffed
