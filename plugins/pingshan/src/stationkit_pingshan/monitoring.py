"""Live-monitoring rules of Pingshan (``stationkit monitor --standard pingshan@2023``).

- programme (the 2023 实施步骤 phases): a phase not complete the day after its end date
  alerts, with the units responsible.
- the continuous-construction bonus (PS §四(三), "每季度组织核实通过"): at the end of each
  quarter, a new station that is built but not yet verified (accepted) is listed: it earns
  no bonus until it is.
"""

from __future__ import annotations

from stationkit.monitor import Rule, RuleBook, field, programme_rules
from stationkit.standard import Text
from stationkit_pingshan import citations as c
from stationkit_pingshan.standard import STANDARD

_BUILT, _VERIFIED = field("built"), field("verified")


def quarter_rules() -> tuple[Rule, ...]:
    return (
        Rule(
            "pingshan.station.unverified",
            "station.quarter",
            (_BUILT.equals(True), _VERIFIED.equals(False)),
            "alert",
            Text("季度末：新建站点尚未核实通过", "quarter end: a new station not yet verified"),
            c.PS_BONUS,
            Text(
                "站点 {record} 已建成，至 {quarter} 季度末尚未核实通过（状态：{state}）；"
                "未核实通过的站点不计入年度持续建设加分",
                "station {record} is built but not verified by the end of {quarter} (state: "
                "{state}); until it is, it earns no continuous-construction bonus",
            ),
        ),
        Rule(
            "pingshan.station.verified",
            "station.quarter",
            (_BUILT.equals(True), _VERIFIED.equals(True)),
            "none",
            Text("季度末：站点已核实通过", "quarter end: the station is verified"),
            c.PS_BONUS,
        ),
        Rule(
            "pingshan.station.not_built",
            "station.quarter",
            (_BUILT.equals(False),),
            "none",
            Text("季度末：站点尚未建成，不计", "quarter end: not built yet, not counted"),
            c.PS_BONUS,
        ),
    )


def rule_books() -> tuple[RuleBook, ...]:
    """One rule book per edition: the quarterly verification list, and the programme's
    phases where the edition has a programme."""
    return tuple(
        RuleBook(
            STANDARD.id,
            quarter_rules() + (programme_rules("pingshan", ed.programmes) if ed.programmes else ()),
            frozenset({ed.edition}),
        )
        for ed in STANDARD.editions
    )
