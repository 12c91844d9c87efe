"""Station kinds and the region kinds of the Pingshan tree.

Three station kinds (PS): ``community`` 社区类, ``industrial_park`` 工业园区类, ``street`` 街面类.
The street centre station (one per street) is one of the street's stations, of any type
("其中一个为街道中心站"), with ``sub_kind="street_centre"``; SZ's finer kinds are ``sub_kind`` values (parameter
``sz_sub_kinds``). A station's ``region`` is the code of the community or industrial park it
serves; a street station's is its street's code.
"""

from __future__ import annotations

from stationkit import Text
from stationkit.records import RegionLevel
from stationkit.standard import Kind, Scope

COMMUNITY = "community"
INDUSTRIAL_PARK = "industrial_park"
STREET = "street"
STREET_CENTRE = "street_centre"

STATION_KINDS = frozenset({COMMUNITY, INDUSTRIAL_PARK, STREET})

#: Station-level requirements: every station of the three kinds.
STATIONS = Scope("station", kinds=STATION_KINDS)
#: The street's yearly assessment: a township-level region (街道).
STREETS = Scope("region", levels=frozenset({RegionLevel.TOWNSHIP}))

KINDS = (
    Kind(COMMUNITY, Text("社区类应急管理服务站", "community station")),
    Kind(INDUSTRIAL_PARK, Text("工业园区类应急管理服务站", "industrial-park station")),
    Kind(
        STREET,
        Text(
            "街面类应急管理服务站（含街道中心站 sub_kind=street_centre）",
            "street station (the street centre station: sub_kind=street_centre)",
        ),
    ),
)
