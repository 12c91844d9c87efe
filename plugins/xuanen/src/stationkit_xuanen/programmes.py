"""The 2024 rollout programme (XE §三 and the 工作流程表) as a lifecycle ``Programme``.

The milestones' dates and responsible units are parameters, so the programme is built from
parameter values: the edition carries the one built from the defaults, and the requirements
build it again from the tailored values of their assessment.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

import attrs

from stationkit import Citation, Text
from stationkit.standard import Milestone, ParamValue, Programme
from stationkit_xuanen import citations as c

PROGRAMME_ID = "xuanen-2024"


@attrs.frozen
class MilestoneDef:
    """What a milestone is, with the names of the parameters holding its dates and units."""

    id: str
    title: Text
    evidence: Text
    citation: Citation
    table: Citation
    due: str
    responsible: str
    start: str | None = None
    note: Text | None = None


MILESTONES: tuple[MilestoneDef, ...] = (
    MilestoneDef(
        "T1",
        Text(
            "制定方案: 召开协调会并制定实施方案",
            "plan: coordination meeting and implementation plan",
        ),
        Text(
            "协调会纪要及印发的《实施方案》",
            "minutes of the coordination meeting and the issued implementation plan",
        ),
        c.T1_BODY,
        c.T1_TABLE,
        "t1_due",
        "t1_responsible",
        note=Text(
            "流程表: 协调会4月28日(t1_meeting_on); 正文: 方案4月底完成。",
            "Table: meeting on 28 April (t1_meeting_on); body: plan by the end of April.",
        ),
    ),
    MilestoneDef(
        "T2",
        Text("试点建设: 珠山镇应急服务驿站试点", "pilot post at 珠山镇"),
        Text(
            "珠山镇驿站建成记录(人员整合、职责清单)",
            "record of the 珠山镇 post built (staff merged, duties listed)",
        ),
        c.T2_BODY,
        c.T2_TABLE,
        "t2_due",
        "t2_responsible",
    ),
    MilestoneDef(
        "T3",
        Text(
            "业务培训: 动员部署会、岗前培训及实操考核",
            "training: mobilisation meeting, pre-job training, practical exam",
        ),
        Text(
            "动员部署会通知、培训签到及实操考核成绩",
            "mobilisation notice, training sign-in sheets and practical exam results",
        ),
        c.T3_BODY,
        c.T3_TABLE,
        "t3_due",
        "t3_responsible",
        note=Text("动员部署会见 §三(三)。", "The mobilisation meeting is in §三(三)."),
    ),
    MilestoneDef(
        "T4",
        Text(
            "社区试点: 乡镇及村（社区）办公楼设驿站, 三级闭环运行",
            "community pilot: posts in township and village buildings; the "
            "three-level hazard loop running",
        ),
        Text(
            "村（社区）驿站名单及三级隐患闭环流转记录",
            "list of village posts and records of hazards handled through the three-level loop",
        ),
        c.T4_BODY,
        c.T4_TABLE,
        "t4_due",
        "t4_responsible",
    ),
    MilestoneDef(
        "T5",
        Text("全面运行: “建成一家、运行一家”", "full operation: each post runs once built"),
        Text("全县驿站建成及投入运行台账", "register of every post built and operating"),
        c.T5_BODY,
        c.T5_TABLE,
        "t5_due",
        "t5_responsible",
        start="t5_start",
        note=Text(
            "正文窗口9月—10月; 流程表为8月-10月(t5_table_start)。",
            "Body window September–October; the table says August–October (t5_table_start).",
        ),
    ),
    MilestoneDef(
        "T6",
        Text(
            "检查验收: 各乡镇报备, 县营商办验收",
            "acceptance: townships report, the 县营商办 inspects",
        ),
        Text(
            "各乡镇报备材料及县营商办验收意见",
            "townships' reports and the 县营商办's acceptance opinion",
        ),
        c.T6_BODY,
        c.T6_TABLE,
        "t6_due",
        "t6_responsible",
    ),
)


def _text(text: Text | None) -> dict[str, str] | None:
    return None if text is None else {"zh": text.zh, "en": text.en}


def _citation(citation: Citation) -> dict[str, object]:
    return {
        "document": citation.document,
        "section": citation.section,
        "quote": citation.quote,
        "inferred": citation.inferred,
    }


@attrs.frozen
class DescribedProgramme(Programme):
    """The lifecycle ``Programme`` with a JSON description for ``stationkit show --json``
    (the core calls ``to_json`` when a programme has one)."""

    def to_json(self) -> dict[str, object]:
        tables = {m.id: m.table for m in MILESTONES}
        return {
            "id": self.id,
            "title": _text(self.title),
            "citation": _citation(self.citation) if self.citation else None,
            "penalty_per_late": self.penalty_per_late,
            "penalty_unit": _text(self.penalty_unit),
            "milestones": [
                {
                    "id": m.id,
                    "title": _text(m.title),
                    "due": m.due.isoformat(),
                    "window_start": m.window_start.isoformat() if m.window_start else None,
                    "responsible": list(m.responsible),
                    "evidence": _text(m.evidence),
                    "note": _text(m.note),
                    "citation": _citation(m.citation),
                    "table_citation": _citation(tables[m.id]) if m.id in tables else None,
                }
                for m in self.milestones
            ],
        }


PENALTY_UNIT = Text(
    "分(优化营商环境季度考核)", "points (quarterly business-environment assessment)"
)


def _date(values: Mapping[str, ParamValue], name: str) -> date:
    value = values[name]
    if not isinstance(value, date):
        raise TypeError(f"parameter {name!r} is {value!r}, not a date")
    return value


def _names(values: Mapping[str, ParamValue], name: str) -> tuple[str, ...]:
    value = values[name]
    if not isinstance(value, tuple):
        raise TypeError(f"parameter {name!r} is {value!r}, not a list")
    return value


def build_programme(values: Mapping[str, ParamValue]) -> DescribedProgramme:
    """The programme with the dates, units and deduction of ``values`` (tailored or not)."""
    milestones = tuple(
        Milestone(
            id=m.id,
            title=m.title,
            due=_date(values, m.due),
            responsible=_names(values, m.responsible),
            evidence=m.evidence,
            citation=m.citation,
            window_start=_date(values, m.start) if m.start else None,
            note=m.note,
            due_parameter=m.due,
            start_parameter=m.start,
        )
        for m in MILESTONES
    )
    penalty = values["late_deduction_points"]
    if isinstance(penalty, bool) or not isinstance(penalty, int | float):
        raise TypeError(f"parameter 'late_deduction_points' is {penalty!r}, not a number")
    return DescribedProgramme(
        id=PROGRAMME_ID,
        title=Text("宣恩县应急服务驿站建设 2024 年工作流程", "Xuan'en service-post rollout, 2024"),
        milestones=milestones,
        citation=c.LATE_DEDUCTION,
        penalty_per_late=float(penalty),
        penalty_unit=PENALTY_UNIT,
    )
