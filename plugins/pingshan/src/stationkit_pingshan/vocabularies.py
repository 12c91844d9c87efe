"""The Pingshan standard's own words: sub-kinds and plans (in kinds.py), and the lists its
rules compare word for word (ledgers, risk places, equipment categories, evidence topics)."""

from __future__ import annotations

from stationkit.records import Term, Vocabulary, word_list
from stationkit_pingshan.kinds import PLAN_TYPES, SUB_KINDS
from stationkit_pingshan.parameters import COMMON


def _values(name: str) -> tuple[str, ...]:
    for param in COMMON:
        if param.name == name and isinstance(param.value, tuple):
            return param.value
    raise KeyError(name)


def _text(name: str) -> str:
    for param in COMMON:
        if param.name == name and isinstance(param.value, str):
            return param.value
    raise KeyError(name)


LEDGER_KINDS = word_list(
    "ledger_kind", "管理台账", "ledgers", (*_values("ledger_kinds"), _text("patrol_ledger"))
)
RISK_PLACES = word_list(
    "risk_area",
    "重点风险区域场所",
    "risk places",
    (*_values("risk_place_kinds"), "村(社区)网格"),
)
EQUIPMENT = word_list(
    "supply_category",
    "应急救援装备器材类别",
    "equipment categories",
    (*_values("equipment_categories"), "通信"),
)
EVIDENCE_TOPICS = Vocabulary(
    "evidence_topic",
    "工作记录主题",
    "evidence topics",
    (
        Term("integration", "力量整合", "forces integrated", ("力量整合记录",)),
        Term("functions", "站点功能", "station functions", ("功能发挥",)),
        Term("reporting", "信息报告", "reporting", ("第一时间上报", "信息上报")),
        Term("risk_identification", "风险辨识", "risk identification", ("风险辨识管控",)),
        Term("first_response", "先期处置", "first response", ("应急处置",)),
        Term("publicity", "宣传教育", "publicity", ("安全宣教", "宣传培训")),
        Term("service_desk", "服务台", "service desk", ("咨询服务台",)),
    ),
    closed=False,
)

VOCABULARIES: tuple[Vocabulary, ...] = (
    SUB_KINDS,
    PLAN_TYPES,
    LEDGER_KINDS,
    RISK_PLACES,
    EQUIPMENT,
    EVIDENCE_TOPICS,
)
