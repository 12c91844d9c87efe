"""Live-monitoring rules of Xuan'en (``stationkit monitor --standard xuanen@2024``).

- hazard (XE §六(三), the three-level loop 采集、分析研判、分类交办、整改督办): a hazard not
  claimed rectified by its deadline escalates to the next level the day after, per level of
  the ladder; at the county there is no level above. A hazard sent back by a failed
  verification (``reassign``, with a new deadline) that passes its new deadline is named as
  such.
- programme (XE §三(六)): a milestone not complete the day after its due date alerts, with
  the unit responsible and the quarter of the business-environment deduction
  ("纳入优化营商环境工作季度考核扣分").
"""

from __future__ import annotations

from collections.abc import Mapping

from stationkit import Text
from stationkit.monitor import Rule, RuleBook, field, programme_rules
from stationkit.standard import ParamValue
from stationkit_xuanen import citations as c
from stationkit_xuanen.machines import EDITIONS, STANDARD_ID
from stationkit_xuanen.parameters import default_values
from stationkit_xuanen.programmes import build_programme

_REASSIGNED, _ABOVE = field("reassigned"), field("next_level")


def hazard_rules(values: Mapping[str, ParamValue]) -> tuple[Rule, ...]:
    levels = values["hazard_levels"]
    assert isinstance(levels, tuple)
    rules: list[Rule] = []
    for index, level in enumerate(levels):
        level = str(level)
        top = index == len(levels) - 1
        if top:
            message = Text(
                "隐患 {record}（{level_zh}督办）整改期限 {deadline} 已过，未报整改完成；"
                "已至县级，无上一级，由县级持续督办",
                "hazard {record} (supervised at {level}): the rectification deadline "
                "{deadline} has passed without a claim of rectification; the county is the top "
                "of the loop: it stays under county supervision",
            )
        else:
            message = Text(
                "隐患 {record}（{level_zh}督办）整改期限 {deadline} 已过，未报整改完成；"
                "自期限次日起升级至{next_level_zh}督办",
                "hazard {record} (supervised at {level}): the rectification deadline "
                "{deadline} has passed without a claim of rectification; from the day after "
                "it escalates to {next_level}",
            )
        rules.append(
            Rule(
                f"xuanen.hazard.{'top' if top else 'escalate'}.{level}",
                "hazard.overdue",
                (field("level") == level, _REASSIGNED.equals(False)),
                "alert",
                Text(
                    f"{level} 级隐患逾期：" + ("县级持续督办" if top else "次日升级至上一级"),
                    f"overdue hazard at {level}: "
                    + ("stays at the top" if top else "escalates the day after"),
                ),
                c.inferred(c.LOOP_THREE_LEVELS),
                message,
            )
        )
    reopened = Text("核查不通过重新交办后再次逾期", "overdue again after a failed verification")
    rules.append(
        Rule(
            "xuanen.hazard.reassigned.escalate",
            "hazard.overdue",
            (_REASSIGNED.equals(True), _ABOVE != ""),
            "alert",
            reopened,
            c.inferred(c.LOOP_THREE_LEVELS),
            Text(
                "隐患 {record} 核查不通过、重新交办后，新整改期限 {deadline} 又已过；"
                "自期限次日起升级至{next_level_zh}督办",
                "hazard {record}: after a failed verification it was reassigned, and the new "
                "deadline {deadline} has passed too; from the day after it escalates to "
                "{next_level}",
            ),
        )
    )
    rules.append(
        Rule(
            "xuanen.hazard.reassigned.top",
            "hazard.overdue",
            (_REASSIGNED.equals(True), _ABOVE == ""),
            "alert",
            reopened,
            c.inferred(c.LOOP_THREE_LEVELS),
            Text(
                "隐患 {record} 核查不通过、重新交办后，新整改期限 {deadline} 又已过；"
                "已至县级，由县级持续督办",
                "hazard {record}: after a failed verification it was reassigned, and the new "
                "deadline {deadline} has passed too; it stays under county supervision",
            ),
        )
    )
    return tuple(rules)


def milestone_rules(values: Mapping[str, ParamValue]) -> tuple[Rule, ...]:
    programme = build_programme(values)
    points = values["late_deduction_points"]
    assert isinstance(points, int | float)
    message = Text(
        "{programme} 节点 {milestone}（{title_zh}）应于 {due} 完成，逾期未完成；责任单位："
        "{responsible}。纳入优化营商环境工作季度考核扣分：计入 {quarter} 季度考核，"
        f"扣 {points:g} 分",
        "{programme} milestone {milestone} ({title_en}) was due on {due} and is not "
        "complete; responsible: {responsible}. It counts in the quarterly "
        "business-environment assessment of {quarter}: "
        f"{points:g} point(s) off",
    )
    return programme_rules("xuanen", (programme,), message)


def rule_books(values: Mapping[str, ParamValue] | None = None) -> tuple[RuleBook, ...]:
    """The rule book of the 2024 edition, from its defaults or tailored ``values``."""
    chosen = default_values() if values is None else {**default_values(), **values}
    return (RuleBook(STANDARD_ID, hazard_rules(chosen) + milestone_rules(chosen), EDITIONS),)
