"""The core's monitor rules: the schedule's decisions, and defaults for the other topics.

The ``deadline`` rules decide what a change in a running deadline does to its pending alert;
they partition the five cases of (was running, running, moved). The defaults of the other
topics apply to a standard whose plugin supplies no rules for that topic.
"""

from __future__ import annotations

from stationkit.monitor._rules import Rule, Test, field
from stationkit.standard import Text


def _flags(**values: bool) -> tuple[Test, ...]:
    return tuple(Test(name, "==", value) for name, value in values.items())


SCHEDULE_RULES: tuple[Rule, ...] = (
    Rule(
        "core.deadline.arm",
        "deadline",
        _flags(was_running=False, running=True),
        "arm",
        Text("期限开始计时：排期提醒", "a deadline starts running: schedule its alert"),
    ),
    Rule(
        "core.deadline.cancel",
        "deadline",
        _flags(was_running=True, running=False),
        "cancel",
        Text(
            "期限停止（已报完成、销号或升级）：取消提醒",
            "a deadline stops (claimed, closed or escalated): cancel its alert",
        ),
    ),
    Rule(
        "core.deadline.move",
        "deadline",
        _flags(was_running=True, running=True, moved=True),
        "move",
        Text(
            "期限改变（如批准延期）：改期提醒",
            "a deadline moves (e.g. an extension): reschedule its alert",
        ),
    ),
    Rule(
        "core.deadline.keep_running",
        "deadline",
        _flags(was_running=True, running=True, moved=False),
        "keep",
        Text("期限照常计时：提醒不变", "a deadline keeps running: its alert stands"),
    ),
    Rule(
        "core.deadline.keep_idle",
        "deadline",
        _flags(was_running=False, running=False),
        "keep",
        Text("无期限计时：无提醒", "no deadline running: no alert"),
    ),
)

DEFAULT_RULES: tuple[Rule, ...] = (
    Rule(
        "core.hazard.escalate",
        "hazard.overdue",
        (field("next_level") != "",),
        "alert",
        Text("隐患逾期未整改：升级至上一级督办", "overdue hazard: escalate to the level above"),
        message=Text(
            "隐患 {record} 整改期限 {deadline} 已过，未报整改完成；应升级至{next_level_zh}督办",
            "hazard {record}: the rectification deadline {deadline} has passed without a "
            "claim of rectification; escalate to {next_level}",
        ),
    ),
    Rule(
        "core.hazard.top",
        "hazard.overdue",
        (field("next_level") == "",),
        "alert",
        Text("隐患逾期未整改：已无上一级", "overdue hazard at the top of the ladder"),
        message=Text(
            "隐患 {record} 整改期限 {deadline} 已过，未报整改完成；已无上一级",
            "hazard {record}: the rectification deadline {deadline} has passed without a "
            "claim of rectification; there is no level above",
        ),
    ),
    Rule(
        "core.milestone.overdue",
        "milestone.overdue",
        (),
        "alert",
        Text("推进计划节点逾期未完成", "programme milestone overdue"),
        message=Text(
            "{programme} 节点 {milestone}（{title_zh}）应于 {due} 完成，至今未完成；"
            "责任单位：{responsible}",
            "{programme} milestone {milestone} ({title_en}) was due on {due} and is not "
            "complete; responsible: {responsible}",
        ),
    ),
    Rule(
        "core.drill.no_limit",
        "drill.response",
        (),
        "none",
        Text("未设响应时限：不提醒", "no response-time limit set: no alert"),
    ),
    Rule(
        "core.station.quarter",
        "station.quarter",
        (),
        "none",
        Text("季度末站点核实：不提醒", "a station at the end of a quarter: no alert"),
    ),
)
