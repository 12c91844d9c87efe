"""Live-monitoring rules of Quanzhou (``stationkit monitor --standard quanzhou@2025``).

- drills (QZ23 附件2, “5分钟响应,15分钟到达,20分钟内开展施救”): a drill whose assembled /
  departed / arrived / rescue-started time exceeds its limit after the alarm (the edition's
  ``response_*_minutes`` parameters: 5 / 10 / 15 / 20) raises an alert citing the parameter's
  clause; within the limit, none.
- programme (QZ23 §五 phases, QZ25 §四 phases and the 目标表 dates): a milestone not complete
  the day after its due date alerts, with the unit responsible.
"""

from __future__ import annotations

from stationkit.monitor import Rule, RuleBook, field, programme_rules
from stationkit.standard import Edition, Text
from stationkit_quanzhou.standard import STANDARD

#: milestone of the drill → (parameter of its limit, zh, en)
LIMITS = (
    ("assembled", "response_assemble_minutes", "集结", "assembled"),
    ("departed", "response_depart_minutes", "出动", "departed"),
    ("arrived", "response_arrive_minutes", "到达现场", "on scene"),
    ("rescue_started", "response_rescue_minutes", "开展施救", "rescue begun"),
)


def drill_rules(edition: Edition) -> tuple[Rule, ...]:
    rules: list[Rule] = []
    for milestone, name, zh, en in LIMITS:
        parameter = edition.parameter(name)
        minutes = parameter.value
        if isinstance(minutes, bool) or not isinstance(minutes, int):
            raise TypeError(f"parameter {name!r} is {minutes!r}, not whole minutes")
        limit = minutes * 60
        rules.append(
            Rule(
                f"quanzhou.drill.{milestone}.late",
                "drill.response",
                (field("milestone") == milestone, field("seconds") > limit),
                "alert",
                Text(
                    f"演练{zh}超过报警后 {minutes} 分钟",
                    f"drill {en} later than {minutes} min after the alarm",
                ),
                parameter.citation,
                Text(
                    f"演练 {{record}}：报警后 {{minutes}} 分钟才{zh}，超过 {minutes} 分钟时限",
                    f"drill {{record}}: {en} {{minutes}} min after the alarm, over the "
                    f"{minutes}-minute limit",
                ),
            )
        )
        rules.append(
            Rule(
                f"quanzhou.drill.{milestone}.within",
                "drill.response",
                (field("milestone") == milestone, field("seconds") <= limit),
                "none",
                Text(f"演练{zh}在 {minutes} 分钟内", f"drill {en} within {minutes} min"),
                parameter.citation,
            )
        )
    return tuple(rules)


def rule_books() -> tuple[RuleBook, ...]:
    """One rule book per edition: its response limits and its programme."""
    return tuple(
        RuleBook(
            STANDARD.id,
            drill_rules(edition) + programme_rules("quanzhou", edition.programmes),
            frozenset({edition.edition}),
        )
        for edition in STANDARD.editions
    )
