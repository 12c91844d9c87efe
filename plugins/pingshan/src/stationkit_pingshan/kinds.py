"""Station kinds and the region kinds of the Pingshan tree.

Three station kinds (PS): ``community`` 社区类, ``industrial_park`` 工业园区类, ``street`` 街面类.
The street centre station (one per street) is one of the street's stations, of any type
("其中一个为街道中心站"), with ``sub_kind="street_centre"``; SZ's finer kinds are ``sub_kind`` values (parameter
``sz_sub_kinds``). A station's ``region`` is the code of the community or industrial park it
serves; a street station's is its street's code.
"""

from __future__ import annotations

from stationkit import Text
from stationkit.records import RegionLevel, Term, Vocabulary
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
    Kind(
        COMMUNITY,
        Text("社区类应急管理服务站", "community station"),
        aliases=("社区类", "社区站", "社区应急管理服务站", "社区服务站点"),
    ),
    Kind(
        INDUSTRIAL_PARK,
        Text("工业园区类应急管理服务站", "industrial-park station"),
        aliases=("工业园区类", "工业园区站", "园区站", "工业园区应急管理服务站"),
    ),
    Kind(
        STREET,
        Text(
            "街面类应急管理服务站（含街道中心站 sub_kind=street_centre）",
            "street station (the street centre station: sub_kind=street_centre)",
        ),
        aliases=("街面类", "街面站", "街面类应急管理服务站", "街面应急管理服务站"),
    ),
)

#: SZ's finer kinds (parameter ``sz_sub_kinds``), in the words of SZ's list.
SUB_KINDS = Vocabulary(
    "station_sub_kind",
    "站点细分类型（深圳）",
    "Shenzhen's finer station kinds",
    (
        Term(STREET_CENTRE, "街道中心站", "street centre station", ("街道应急管理服务中心站",)),
        Term("industrial_park", "工业园区站", "industrial-park station", ("园区站",)),
        Term("mall", "大型商超站", "large mall station", ("商超站", "大型商场站", "商场站")),
        Term("community_service", "社区服务站", "community service station", ()),
        Term("small", "小型站", "small station", ("小型服务站",)),
        Term("hospital", "医院站", "hospital station", ()),
        Term("other", "其他", "other", ("其它",)),
    ),
)

PLAN_TYPES = Vocabulary(
    "plan_type",
    "应急预案",
    "plan types",
    (
        Term("应急预案", "应急预案", "emergency plan", ("综合应急预案", "总体应急预案")),
        Term("行动方案", "行动方案", "action plan", ("应急行动方案", "应急处置行动方案")),
        Term(
            "应急装备安全操作规程",
            "应急装备安全操作规程",
            "equipment operating rules",
            ("装备安全操作规程", "装备操作规程", "应急装备操作规程"),
        ),
    ),
    closed=False,
)
