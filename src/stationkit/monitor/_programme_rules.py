"""Rules for a standard's programmes: an overdue milestone alerts, citing its programme."""

from __future__ import annotations

from collections.abc import Sequence

from stationkit.monitor._rules import Rule, field
from stationkit.standard import Programme, Text

MILESTONE_MESSAGE = Text(
    "{programme} 节点 {milestone}（{title_zh}）应于 {due} 完成，至今未完成；"
    "责任单位：{responsible}",
    "{programme} milestone {milestone} ({title_en}) was due on {due} and is not complete; "
    "responsible: {responsible}",
)


def programme_rules(
    prefix: str, programmes: Sequence[Programme], message: Text = MILESTONE_MESSAGE
) -> tuple[Rule, ...]:
    """One ``milestone.overdue`` alert rule per programme (citing the programme), and one
    for the milestones of any other programme (a rollout record scheduled ad hoc), so that
    the rules decide every overdue milestone exactly once."""
    rules = [
        Rule(
            f"{prefix}.milestone.{programme.id}",
            "milestone.overdue",
            (field("programme") == programme.id,),
            "alert",
            Text(
                f"{programme.title.zh}：节点逾期未完成",
                f"{programme.title.en}: milestone overdue",
            ),
            programme.citation,
            message,
        )
        for programme in programmes
    ]
    rules.append(
        Rule(
            f"{prefix}.milestone.other",
            "milestone.overdue",
            tuple(field("programme") != programme.id for programme in programmes),
            "alert",
            Text("其他推进节点逾期未完成", "another scheduled milestone overdue"),
            message=MILESTONE_MESSAGE,
        )
    )
    return tuple(rules)
