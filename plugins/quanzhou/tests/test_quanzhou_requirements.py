"""Every requirement: the passing sample station meets it; an edit that breaks it gives
not-met (or missing evidence), and the finding's remedy, applied, makes it met again."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

import attrs
import pytest
from stationkit_quanzhou.standard import EDITION_2023, EDITION_2025

import stationkit as sk
import stationkit.standard

Edit = Callable[[sk.Station], sk.Station]


def ch(path: str, value: Any, op: str = "set") -> Edit:
    return lambda s: sk.standard.apply_changes(s, (sk.standard.Change(op, path, value),))


def drop_plan(kind: str) -> Edit:
    return lambda s: attrs.evolve(s, plans=tuple(p for p in s.plans or () if kind not in p.type))


def members(count: int) -> Edit:
    def edit(s: sk.Station) -> sk.Station:
        teams = tuple(
            attrs.evolve(t, members=(t.members or ())[:count]) if t.kind == "rescue" else t
            for t in s.teams or ()
        )
        return attrs.evolve(s, teams=teams)

    return edit


def stage(field: str, minutes: float) -> Edit:
    def edit(s: sk.Station) -> sk.Station:
        drills = list(s.drills or ())
        alarm = drills[0].alarm_at
        assert alarm is not None
        changes: dict[str, Any] = {field: alarm + timedelta(minutes=minutes)}
        drills[0] = attrs.evolve(drills[0], **changes)
        return attrs.evolve(s, drills=tuple(drills))

    return edit


OLD = "2020-01-01"
BOTH = ("2023", "2025")
#: (requirement, editions, edit breaking it, status expected after the edit)
CASES: list[tuple[str, tuple[str, ...], Edit, str]] = [
    ("org.sign", BOTH, ch("signs[0].logo", "其他"), "not_met"),
    ("org.premises", BOTH, ch("premises.rooms", [{"kind": "办公室"}]), "not_met"),
    ("org.posts", BOTH, ch("posts[5].category", "rescue"), "not_met"),
    ("org.posts_full_time", BOTH, ch("posts[1].full_time", False), "not_met"),
    ("org.post_duties", BOTH, ch("posts[5].duty", "其他"), "not_met"),
    ("command.satellite_phone", BOTH, ch("communications.satellite_phones", 0), "not_met"),
    ("command.video_conference", BOTH, ch("communications.video_conference", False), "not_met"),
    ("command.screen", BOTH, ch("communications.screen_inches", 99.9), "not_met"),
    ("command.broadcast", BOTH, ch("communications.broadcast", False), "not_met"),
    ("command.platform_links", BOTH, ch("communications.linked_platforms", ["county"]), "not_met"),
    ("command.around_the_clock", BOTH, ch("duty.around_the_clock", False), "not_met"),
    ("mechanism.governance", BOTH, ch("rules", ["会商制度"]), "not_met"),
    ("mechanism.annual_plan", BOTH, ch("functions[topic=纳入年度工作安排].items", []), "not_met"),
    (
        "mechanism.enterprise_lists",
        BOTH,
        ch("functions[topic=生产经营单位三张清单].items", ["检查清单"]),
        "not_met",
    ),
    ("mechanism.town_lists", BOTH, ch("ledgers[kind=责任清单].kind", "其他"), "not_met"),
    ("mechanism.closed_loop", BOTH, ch("functions[topic=闭环管理].items", ["定期检查"]), "not_met"),
    ("mechanism.risk_grids", BOTH, ch("grids[0].staff", []), "not_met"),
    (
        "mechanism.village_grids",
        ("2025",),
        ch("grids[village=350581100203].village", None),
        "not_met",
    ),
    ("mechanism.grid_patrols", BOTH, ch("functions[topic=网格巡查].items", ["照片"]), "not_met"),
    ("mechanism.grid_ledger", BOTH, ch("ledgers[kind=网格巡查台账].updated_on", OLD), "not_met"),
    ("mechanism.four_in_one", BOTH, ch("duty.merged_duties", ["政务值班"]), "not_met"),
    ("mechanism.single_channel", BOTH, ch("duty.single_channel", False), "not_met"),
    ("mechanism.informants", BOTH, ch("informants", ["镇信息员"]), "not_met"),
    (
        "mechanism.supervision_list",
        ("2025",),
        ch("ledgers[kind=综合监管职责清单].kind", "x"),
        "not_met",
    ),
    (
        "mechanism.standardization_system",
        ("2025",),
        ch("functions[topic=安全生产标准化信息系统].items", []),
        "not_met",
    ),
    (
        "enforcement.formal_officers",
        BOTH,
        ch("teams[kind=enforcement].members[2].formal", False),
        "not_met",
    ),
    ("enforcement.pairs", BOTH, ch("teams[kind=enforcement].members[0].partner", "无"), "not_met"),
    (
        "enforcement.inspections",
        BOTH,
        ch("functions[topic=日常巡查和执法检查].items", []),
        "not_met",
    ),
    ("enforcement.ledger", BOTH, ch("ledgers[kind=执法检查台账].entries", 0), "not_met"),
    ("rescue.size", BOTH, members(29), "not_met"),
    ("rescue.roster", BOTH, ch("teams[kind=rescue].roster", False), "not_met"),
    (
        "rescue.average_age",
        BOTH,
        ch(
            "teams[kind=rescue].members",
            [{"name": f"老队员{i}", "age": 65} for i in range(10)],
            "append",
        ),
        "not_met",
    ),
    ("rescue.trainings", BOTH, ch("trainings[1].photos", False), "not_met"),
    ("rescue.protection", BOTH, ch("teams[kind=rescue].members[0].insured", False), "not_met"),
    (
        "rescue.protection_records",
        BOTH,
        ch("functions[topic=防护装备和保险记录].items", ["购买记录"]),
        "not_met",
    ),
    ("rescue.fire_team", BOTH, ch("teams[kind=fire].kind", "other"), "not_met"),
    ("rescue.party_commando", BOTH, ch("teams[kind=party_commando].kind", "other"), "not_met"),
    ("plans.required", BOTH, ch("plans[0].type", "其他预案"), "not_met"),
    ("plans.conditional.industry_trade", BOTH, drop_plan("工贸"), "not_met"),
    ("plans.conditional.mining", ("2023",), drop_plan("矿山"), "not_met"),
    ("plans.conditional.hazardous_chemicals", ("2025",), drop_plan("危险化学品"), "not_met"),
    ("plans.management", BOTH, ch("functions[topic=预案管理].items", ["修订"]), "not_met"),
    ("plans.handbook", BOTH, ch("handbook", False), "not_met"),
    ("plans.wall_maps", BOTH, ch("wall_maps", ["避灾点分布图"]), "not_met"),
    ("plans.carry_lists", BOTH, ch("functions[topic=装备携带清单].items", []), "not_met"),
    ("plans.response.assembled", BOTH, stage("assembled_at", 5.02), "not_met"),
    ("plans.response.departed", BOTH, stage("departed_at", 10.5), "not_met"),
    ("plans.response.arrived", BOTH, stage("arrived_at", 15.1), "not_met"),
    ("plans.response.rescue_started", BOTH, stage("rescue_started_at", 20.1), "not_met"),
    ("plans.town_drill", BOTH, ch("drills[0].reviewed", False), "not_met"),
    ("plans.village_drills", BOTH, ch("drills[1].village", "other"), "not_met"),
    ("plans.mountain_drills", ("2023",), ch("drills[0].hazards", ["台风"]), "not_met"),
    ("plans.double_blind", BOTH, ch("drills[0].announced", True), "not_met"),
    (
        "plans.village_guidance",
        ("2025",),
        ch("functions[topic=指导村(社区)预案制修订].items", []),
        "not_met",
    ),
    ("warehouse.sign", BOTH, ch("warehouse.sign", "仓库"), "not_met"),
    ("warehouse.supplies", BOTH, ch("equipment[0].quantity", 0), "not_met"),
    ("warehouse.rules", BOTH, ch("warehouse.rules", ["紧急采购"]), "not_met"),
    ("warehouse.keeper", BOTH, ch("warehouse.ledger", False), "not_met"),
    (
        "warehouse.shelter",
        BOTH,
        ch("functions[topic=应急避灾示范点].items", ["标识醒目"]),
        "not_met",
    ),
    ("publicity.board", BOTH, ch("publicity[kind=warning_board].updated_on", OLD), "not_met"),
    (
        "publicity.column",
        BOTH,
        ch("publicity[kind=wechat_column].sections", ["安全生产"]),
        "not_met",
    ),
    ("publicity.experience_hall", BOTH, ch("publicity[kind=experience_hall].kind", "x"), "not_met"),
    ("publicity.broadcast", BOTH, ch("publicity[kind=broadcast].kind", "x"), "not_met"),
    ("funding.construction", BOTH, ch("funding.construction_yuan", 100000), "not_met"),
    ("funding.upkeep", BOTH, ch("funding.annual_upkeep_yuan", 0), "missing_or_no_change"),
    # missing evidence: not recorded is never a pass nor a zero
    ("command.screen", BOTH, ch("communications.screen_inches", None), "missing_evidence"),
    ("rescue.size", BOTH, ch("teams[kind=rescue].members", None), "missing_evidence"),
    ("rescue.average_age", BOTH, ch("teams[kind=rescue].members[0].age", None), "missing_evidence"),
    ("plans.town_drill", BOTH, ch("drills", None), "missing_evidence"),
    ("plans.village_drills", BOTH, ch("region", None), "missing_evidence"),
    ("mechanism.informants", BOTH, ch("region", "999999"), "missing_evidence"),
    ("org.posts_full_time", BOTH, ch("posts[1].full_time", None), "missing_evidence"),
    ("mechanism.annual_plan", BOTH, ch("functions", None), "missing_evidence"),
]

IDS = [f"{rid}-{status}-{i}" for i, (rid, _, _, status) in enumerate(CASES)]


@pytest.mark.parametrize(("rid", "editions", "edit", "status"), CASES, ids=IDS)
def test_requirement_met_broken_and_remedied(
    qz: Any, edition: str, rid: str, editions: tuple[str, ...], edit: Edit, status: str
) -> None:
    if edition not in editions:
        pytest.skip(f"{rid}: case for {editions}")
    station = qz.station(edition)
    assert qz.finding(station, edition, rid).status is sk.Status.MET
    broken = edit(station)
    found = qz.finding(broken, edition, rid)
    if status == "missing_or_no_change":  # upkeep 0: not met, no record edit can budget money
        assert found.status is sk.Status.NOT_MET and found.remedy is not None
        return
    assert found.status.value == status, found
    assert found.remedy is not None
    if status == "not_met":
        assert found.remedy.change, f"{rid}: a not-met finding should carry a record change"
        fixed = sk.standard.apply_remedy(broken, found.remedy)
        assert qz.finding(fixed, edition, rid).status is sk.Status.MET


def test_every_requirement_has_a_case() -> None:
    covered = {rid for rid, *_ in CASES}
    station_reqs = {
        r.id
        for ed in (EDITION_2023, EDITION_2025)
        for r in ed.requirements
        if r.scope.subject == "station"
    }
    assert station_reqs - covered == set()


def test_village_grids_not_due_before_deadline(qz: Any) -> None:
    broken = ch("grids[village=350599100203].village", None)(qz.station("2023"))
    found = qz.finding(broken, "2023", "mechanism.village_grids")
    assert found.status is sk.Status.NOT_APPLICABLE
    later = qz.finding(
        broken,
        "2023",
        "mechanism.village_grids",
        params={"village_grid_deadline": date(2023, 6, 30)},
    )
    assert later.status is sk.Status.NOT_MET


def test_conditional_plans_follow_enterprise_kinds(qz: Any) -> None:
    st = qz.station("2025", "qz-2025-hubin")  # 湖滨街道: no enterprises recorded as present
    for kind in ("hazardous_chemicals", "mining", "industry_trade"):
        found = qz.finding(st, "2025", f"plans.conditional.{kind}")
        assert found.status is sk.Status.NOT_APPLICABLE
    xz = qz.station("2025", "qz-2025-xiangzhi")  # enterprise_kinds not recorded
    assert qz.finding(xz, "2025", "plans.conditional.mining").status is sk.Status.MISSING_EVIDENCE


def test_risk_areas_declared_absent_are_not_required(qz: Any) -> None:
    st = qz.station("2025")
    assert qz.finding(st, "2025", "mechanism.risk_grids").status is sk.Status.MET
    undeclared = ch("functions[topic=辖区无此类风险区域].items", [])(st)
    found = qz.finding(undeclared, "2025", "mechanism.risk_grids")
    assert found.status is sk.Status.NOT_MET
    assert found.observed == {"lacking": ["山洪灾害易发区", "水库山塘"]}


def test_enforcement_and_rescue_posts_do_not_count_in_2023(qz: Any) -> None:
    st = qz.station("2023")
    assert qz.finding(st, "2023", "org.posts").observed == 6  # 8 posts, 2 excluded
    counted = qz.finding(st, "2023", "org.posts", params={"posts_excluded_categories": []})
    assert counted.observed == 8


@pytest.mark.parametrize("edition", ["2023", "2025"])
def test_the_screen_is_an_lcd(qz: Any, edition: str) -> None:
    """QZ23 附件2 "不低于100寸的液晶显示屏幕": the type (液晶) is recorded and checked beside the
    size; a 110-inch LED wall does not meet it, an unrecorded type is missing evidence."""
    station = qz.station(edition)
    assert qz.finding(station, edition, "command.screen").status is sk.Status.MET
    comms = station.communications
    assert comms is not None and comms.screen_type == "液晶"
    led = attrs.evolve(station, communications=attrs.evolve(comms, screen_type="LED"))
    f = qz.finding(led, edition, "command.screen")
    assert f.status is sk.Status.NOT_MET and f.observed == {"inches": 110.0, "type": "LED"}
    assert f.remedy is not None
    fixed = sk.standard.apply_remedy(led, f.remedy)
    assert qz.finding(fixed, edition, "command.screen").status is sk.Status.MET
    unknown = attrs.evolve(station, communications=attrs.evolve(comms, screen_type=None))
    f = qz.finding(unknown, edition, "command.screen")
    assert f.status is sk.Status.MISSING_EVIDENCE
