"""Each edition's phases and dated milestones as a rollout programme.

Dates without a day are the last day of the month named ("6月底" = 06-30, inclusive); a phase
is a milestone due on its last day with ``window_start`` on its first. "11月中旬前" is read as
11-15 [infer].
"""

from __future__ import annotations

from datetime import date

from stationkit import Citation, Text
from stationkit.standard import Milestone, Programme
from stationkit_quanzhou import citations as c

COUNTY_BUREAU = "县应急局"
CITY_BUREAU = "市应急局"
TOWN = "XX镇"


def _m(
    mid: str,
    zh: str,
    en: str,
    due: date,
    who: tuple[str, ...],
    evidence_zh: str,
    evidence_en: str,
    cite: Citation,
    start: date | None = None,
    note: Text | None = None,
) -> Milestone:
    return Milestone(mid, Text(zh, en), due, who, Text(evidence_zh, evidence_en), cite, start, note)


PROGRAMME_2023 = Programme(
    id="quanzhou-2023-pilot",
    title=Text(
        "XX县乡镇标准化应急管理站建设试点(2022年11月底至2023年10月底)",
        "county pilot of the township standardized station, 2022-11 to 2023-10",
    ),
    citation=c.c23(
        "§五", "全县乡镇标准化应急管理站建设工作时间为2022年11 月底至2023年10月底,分为四个阶段"
    ),
    milestones=(
        _m(
            "research",
            "调研筹划阶段",
            "research and planning",
            date(2022, 12, 31),
            (COUNTY_BUREAU,),
            "摸底情况与工作方案",
            "survey and work plan",
            c.c23("§五(一)", "(一)调研筹划阶段(2022年11月下旬-2022年12月 底)"),
            start=date(2022, 11, 21),
            note=Text(
                "“11月下旬”起于11月21日 [推断]", "'late November' taken as from 11-21 [infer]"
            ),
        ),
        _m(
            "mobilise",
            "部署动员阶段",
            "deployment and mobilisation",
            date(2023, 3, 31),
            (COUNTY_BUREAU,),
            "标准、分工、试点乡镇、工作专班",
            "standards, roles, pilot town, task force",
            c.c23("§五(二)", "(二)部署动员阶段(2023年1月初-2023年3月底)"),
            start=date(2023, 1, 1),
        ),
        _m(
            "sites_and_rooms",
            "场地建设、库室整合",
            "premises built, store rooms merged",
            date(2023, 6, 30),
            (TOWN,),
            "场地与库室",
            "premises and store rooms",
            c.c23("附件3 (三)", "避免重复速设。2023年6月底 前XX镇"),
        ),
        _m(
            "av_equipment",
            "视频、音频设备配备和安装调试",
            "phone, video conference and broadcast installed",
            date(2023, 6, 30),
            (COUNTY_BUREAU, TOWN),
            "设备到位并调试",
            "equipment installed and tested",
            c.c23("附件3 (三)", "2023年6月底 前XX镇完成视频、音 频设备配备 和安装调试"),
        ),
        _m(
            "four_in_one",
            "“四合一”应急值班工作机制",
            "'four-in-one' duty in place",
            date(2023, 6, 30),
            (COUNTY_BUREAU, TOWN),
            "值班制度",
            "duty rules",
            c.c23(
                "附件3 (三)",
                "2023年6月底 前县应急局XX镇健全政务值 班、安全生 产、森林防灭 火、防汛抗旱 “四合一”应 急值班工作 机制",
            ),
        ),
        _m(
            "systems",
            "系统整合对接",
            "systems integrated and ready to connect",
            date(2023, 7, 31),
            (COUNTY_BUREAU, TOWN),
            "系统对接与操作培训",
            "integration and operator training",
            c.c23(
                "附件3 (三)", "待市级指挥信息平台研发完成后视情况 延伸。2023年7月底 前县应急局XX镇"
            ),
        ),
        _m(
            "staffing",
            "充实人员队伍",
            "staff and rescue team in place",
            date(2023, 7, 31),
            (TOWN,),
            "岗位与队伍名册",
            "posts and team roster",
            c.c23("附件3 (三)", "多能的综合应急救援队伍。2023年7月底 前XX镇"),
        ),
        _m(
            "trial_run",
            "规范管理和试运行",
            "managed trial run",
            date(2023, 7, 31),
            (CITY_BUREAU, COUNTY_BUREAU, TOWN),
            "试运行记录",
            "trial-run records",
            c.c23("附件3 (三)", "视情况组织现场交流学习2023年7月底 前市、县应急 局"),
        ),
        _m(
            "build",
            "建设实施阶段",
            "construction",
            date(2023, 7, 31),
            (TOWN,),
            "阶段任务完成",
            "phase tasks done",
            c.c23("§五(三)", "(三)建设实施阶段(2023年4月初-2023年7月底)"),
            start=date(2023, 4, 1),
        ),
        _m(
            "acceptance",
            "组织验收",
            "acceptance review",
            date(2023, 9, 30),
            (CITY_BUREAU, COUNTY_BUREAU),
            "验收结论",
            "acceptance verdict",
            c.c23("附件3 (四)", "确保创建质量。2023年9月底 前市、县应急 局"),
        ),
        _m(
            "summary",
            "总结经验做法,强化成果运用",
            "summary report",
            date(2023, 10, 31),
            (CITY_BUREAU, COUNTY_BUREAU),
            "工作总结",
            "summary report",
            c.c23("附件3 (四)", "奠定实践基础。2023年10月底 前市、县应急 局"),
        ),
        _m(
            "improve",
            "完善提升阶段",
            "improvement",
            date(2023, 10, 31),
            (CITY_BUREAU, COUNTY_BUREAU),
            "阶段任务完成",
            "phase tasks done",
            c.c23("§五(四)", "(四)完善提升阶段(2023年8月初-2023年10月底)"),
            start=date(2023, 8, 1),
        ),
    ),
)

CITY = "石狮市应急管理局"
TOWNS = "创建镇(街道)"

PROGRAMME_2025 = Programme(
    id="quanzhou-2025-shishi",
    title=Text(
        "石狮市2025年镇(街道)标准化应急管理站建设",
        "石狮市 2025 rollout of the township standardized station",
    ),
    citation=c.c25(
        "§四", "全市镇(街道)标准化应急管理站建设工作时间为2025年1月初—2025年12月底,初步分为四个阶段"
    ),
    milestones=(
        _m(
            "survey",
            "摸底筹划阶段",
            "survey and planning",
            date(2025, 2, 28),
            (CITY,),
            "建设工作方案",
            "construction plan",
            c.c25("§四(一)", "(一)摸底筹划阶段(2025年1月初—2025年2月底)"),
            start=date(2025, 1, 1),
        ),
        _m(
            "mobilise",
            "部署动员阶段",
            "deployment and mobilisation",
            date(2025, 4, 30),
            (CITY, TOWNS),
            "建设位置、细化方案、工作专班",
            "sites, detailed plans, task forces",
            c.c25("§四(二)", "(二)部署动员阶段(2025年3月初—2025年4月底)"),
            start=date(2025, 3, 1),
        ),
        _m(
            "benchmark_town",
            "梳理1个标杆试点镇(街道)",
            "one benchmark town",
            date(2025, 8, 31),
            (CITY, TOWNS),
            "标杆镇(街道)名单",
            "the benchmark town",
            c.c25("§四(三)6", "力争8月底前梳理1个标杆试点镇(街道)"),
        ),
        _m(
            "build",
            "建设实施阶段",
            "construction",
            date(2025, 9, 30),
            (TOWNS,),
            "阶段任务完成",
            "phase tasks done",
            c.c25("§四(三)", "(三)建设实施阶段(2025年5月初—2025年9月底)"),
            start=date(2025, 5, 1),
        ),
        _m(
            "all_tasks",
            "完成目标任务",
            "all tasks done",
            date(2025, 10, 31),
            (TOWNS,),
            "建设任务完成",
            "tasks done",
            c.c25("§五(四)", "确保2025年10月底前完成目标任务"),
        ),
        _m(
            "acceptance",
            "逐项评审、综合验收",
            "item-by-item acceptance review",
            date(2025, 11, 15),
            (CITY,),
            "验收意见及结果",
            "acceptance opinions and results",
            c.c25(
                "§四(四)1",
                "市应急管理局于11月中旬前,围绕“五大能力”“八个有”建站标准逐项进行评审",
                inferred=True,
            ),
            note=Text("“11月中旬前”读作11月15日 [推断]", "'by mid-November' read as 11-15 [infer]"),
        ),
        _m(
            "improve",
            "完善提升阶段",
            "improvement",
            date(2025, 12, 31),
            (CITY, TOWNS),
            "阶段任务完成、经验总结",
            "phase tasks done, lessons summarised",
            c.c25("§四(四)", "(四)完善提升阶段(2025年10月初—2025年12月底)"),
            start=date(2025, 10, 1),
        ),
    ),
)
