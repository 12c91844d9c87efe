"""The 2023 schedule (PS §五, 示范建设年) as a rollout programme: four phases, each a
milestone due on its last day (inclusive) with its first day as the window start. The
dates are the ``phase_*`` parameters of edition 2023."""

from __future__ import annotations

from datetime import date

from stationkit import Citation, Text
from stationkit.standard import Milestone, Parameter, Programme
from stationkit_pingshan import citations as c
from stationkit_pingshan.parameters import SCHEDULE_2023

PROGRAMME_2023 = "pingshan-2023"


def _day(name: str) -> date:
    param: Parameter = next(p for p in SCHEDULE_2023 if p.name == name)
    assert isinstance(param.value, date)  # the phase parameters are dates by construction
    return param.value


def _phase(
    key: str, zh: str, en: str, who: tuple[str, ...], evidence: Text, cite: Citation
) -> Milestone:
    return Milestone(
        id=f"{PROGRAMME_2023}.{key}",
        title=Text(zh, en),
        due=_day(f"phase_{key}_end"),
        responsible=who,
        evidence=evidence,
        citation=cite,
        window_start=_day(f"phase_{key}_start"),
        due_parameter=f"phase_{key}_end",
        start_parameter=f"phase_{key}_start",
    )


def programmes_2023() -> tuple[Programme, ...]:
    return (
        Programme(
            id=PROGRAMME_2023,
            title=Text(
                "坪山区2023年应急管理服务站示范建设实施步骤",
                "Pingshan 2023 demonstration-year schedule",
            ),
            citation=c.PS_SCHEDULE,
            milestones=(
                _phase(
                    "survey",
                    "调研走访、构建框架",
                    "survey and framework",
                    ("区应急委办",),
                    Text(
                        "调研报告，确定建设框架、工作进度和推进措施",
                        "survey findings; the framework, timetable and measures",
                    ),
                    c.PS_PHASE_SURVEY,
                ),
                _phase(
                    "plan",
                    "制定方案、确立目标",
                    "plan and targets",
                    ("区应急委办", "各街道办事处"),
                    Text(
                        "《实施方案》《建设指引》及各街道年度工作方案和行动计划",
                        "the plan, the building guides, each street's yearly plan",
                    ),
                    c.PS_PHASE_PLAN,
                ),
                _phase(
                    "pilot",
                    "对照标准、建设试点",
                    "build the pilots",
                    ("各街道办事处", "区应急管理局"),
                    Text("建成三类示范站点", "the three kinds of demonstration stations built"),
                    c.PS_PHASE_PILOT,
                ),
                _phase(
                    "review",
                    "考核评估、总结提升",
                    "evaluate and review",
                    ("区应急管理局", "各街道办事处"),
                    Text(
                        "评估验收与考核结果，各街道专题报告",
                        "the evaluation and assessment; each street's topic report",
                    ),
                    c.PS_PHASE_REVIEW,
                ),
            ),
        ),
    )
