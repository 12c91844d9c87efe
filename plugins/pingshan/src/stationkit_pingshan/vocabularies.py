"""The Pingshan standard's own words: sub-kinds and plans (in kinds.py), and the lists its
rules compare word for word (ledgers, risk places, equipment categories, evidence topics and
items, alarm channels, wall maps, rules, member roles, team groups, training skills). A code
is the documents' own word (what the parameters hold); aliases are the other ways the
documents and clerks write it."""

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

_OPEN = "the guide names what a station must have, not everything a station may record"
_OPEN_ZH = "指引列出站点必须有的,而非站点可能记录的全部"

ALARM_CHANNELS = Vocabulary(
    "alarm_channel",
    "接警渠道",
    "alarm channels",
    (
        Term("119平台", "119平台", "the 119 platform", ("119", "119报警平台", "119指挥中心")),
        Term("街道办", "街道办", "the street office", ("街道办事处", "街道")),
        Term(
            "社区警务室",
            "社区警务室",
            "the community police office",
            ("警务室", "社区警务站", "社区民警", "社區警務室"),
        ),
        Term("群众电话", "群众电话", "calls from residents", ("群众来电", "电话", "群眾電話")),
        Term("到站求助", "到站求助", "help asked at the station", ("上门求助", "现场求助")),
    ),
    closed=False,
    why="the guide's list ends in 等 (and others): a station may take alarms other ways",
    why_zh="指引所列以“等”结尾:站点可以有其他接警方式",
)

WALL_MAPS = Vocabulary(
    "wall_map",
    "上墙图表",
    "wall maps",
    (
        Term(
            "逃生路线",
            "逃生路线",
            "escape routes",
            ("逃生路线图", "疏散路线", "疏散路线图", "应急疏散路径", "逃生疏散路线图"),
        ),
        Term(
            "应急避难场所",
            "应急避难场所",
            "emergency shelters",
            ("应急避难场所图", "避难场所", "避难场所分布图", "應急避難場所"),
        ),
    ),
    closed=False,
    why=_OPEN,
    why_zh=_OPEN_ZH,
)

RULES = Vocabulary(
    "rule",
    "管理制度",
    "management rules (制度)",
    (
        Term(
            "应急值守", "应急值守", "emergency duty", ("应急值守制度", "值守制度", "值班值守制度")
        ),
        Term("紧急出动", "紧急出动", "turn-out", ("紧急出动制度", "出动制度")),
        Term("训练培训", "训练培训", "training", ("训练培训制度", "培训训练制度", "训练制度")),
        Term("应急演练", "应急演练", "drills", ("应急演练制度", "演练制度")),
        Term("分析评估", "分析评估", "analysis and review", ("分析评估制度", "评估制度")),
        Term(
            "物资装备管理",
            "物资装备管理",
            "supplies and equipment",
            ("物资装备管理制度", "装备管理制度", "物资管理制度"),
        ),
        Term(
            "考勤与奖惩",
            "考勤与奖惩",
            "attendance, rewards and penalties",
            ("考勤与奖惩制度", "考勤奖惩制度", "考勤和奖惩制度", "考勤與獎懲"),
        ),
        Term("日常管理", "日常管理", "daily management", ("日常管理制度",)),
        Term("维修保养", "维修保养", "maintenance", ("维修保养制度", "维护保养", "維修保養")),
        Term(
            "物资管理调配",
            "物资管理调配",
            "supplies management and dispatch",
            ("物资管理调配制度", "物资调配制度", "物资调配"),
        ),
    ),
    closed=False,
    why=_OPEN,
    why_zh=_OPEN_ZH,
)

MEMBER_ROLES = Vocabulary(
    "member_role",
    "队员职务",
    "member roles",
    (
        Term("队长", "队长", "team leader", ("正队长", "应急救援队队长", "队伍队长")),
        Term("副队长", "副队长", "deputy leader", ("应急救援队副队长",)),
        Term("通信员", "通信员", "communications officer", ("通讯员", "通信联络员", "通訊員")),
        Term("安全员", "安全员", "safety officer", ("安全管理员", "安全員")),
        Term("队员", "队员", "member", ("普通队员", "应急队员", "member")),
    ),
    closed=False,
    why="a team may give other roles; the guide names the officers it must have",
    why_zh="队伍可设其他职务;指引只列必须有的骨干",
)

TEAM_GROUPS = Vocabulary(
    "team_group",
    "队伍分组",
    "team groups",
    (
        Term("应急处置组", "应急处置组", "response group", ("处置组", "应急处置小组")),
        Term("安全巡查组", "安全巡查组", "patrol group", ("巡查组", "安全巡查小组", "巡逻组")),
    ),
    why="the guide divides the team into exactly these two groups (设有应急处置组和安全巡查组)",
    why_zh="指引规定队伍分设这两个组(设有应急处置组和安全巡查组)",
)

SKILLS = Vocabulary(
    "training_skill",
    "培训技能",
    "training skills",
    (
        Term("会逃生", "会逃生", "knows how to escape", ()),
        Term("会救人", "会救人", "knows how to rescue", ("救人",)),
        Term("会报警", "会报警", "knows how to raise the alarm", ("报警", "會報警")),
        Term("灭火技能", "灭火技能", "fire-fighting skill", ("灭火",)),
        Term("逃生技能", "逃生技能", "escape skill", ()),
        Term(
            "灭火器材",
            "灭火器材",
            "fire extinguishers",
            ("灭火器材使用", "灭火器使用", "灭火器", "滅火器材"),
        ),
    ),
    closed=False,
    why="trainings teach more than the “三会两技能一器材” the guide asks for",
    why_zh="培训内容不止指引要求的“三会两技能一器材”",
)

EVIDENCE_ITEMS = Vocabulary(
    "evidence_item",
    "工作记录内容",
    "evidence items",
    (
        # the functions of each kind of station
        Term("安全宣教", "安全宣教", "safety education", ("安全宣传教育",)),
        Term("防灾救助", "防灾救助", "disaster relief", ()),
        Term("应急处置", "应急处置", "emergency response", ()),
        Term("咨询服务", "咨询服务", "advice", ("咨询",)),
        Term("巡查", "巡查", "patrols", ("日常巡查",)),
        Term("处置", "处置", "response", ()),
        Term("救援", "救援", "rescue", ()),
        Term("宣传", "宣传", "publicity", ()),
        Term("服务", "服务", "service", ()),
        Term("信息枢纽", "信息枢纽", "information hub", ()),
        Term("指挥调度", "指挥调度", "command and dispatch", ()),
        Term("宣传培训", "宣传培训", "publicity and training", ()),
        Term("综合服务", "综合服务", "general service", ()),
        # the forces each kind of station integrates
        Term("安全员", "安全员", "safety officers", ("社区安全员",)),
        Term("网格员", "网格员", "grid staff", ("社区网格员",)),
        Term("消防巡查员", "消防巡查员", "fire patrollers", ()),
        Term("社区民警", "社区民警", "community police", ("民警",)),
        Term("物业人员", "物业人员", "property staff", ("物业",)),
        Term("股份公司管理员", "股份公司管理员", "shareholding-company staff", ()),
        Term("园区物业人员", "园区物业人员", "park property staff", ("园区物业",)),
        Term("企业安全管理人员", "企业安全管理人员", "firms' safety managers", ()),
        Term("城中村物业管理队伍", "城中村物业管理队伍", "urban-village property teams", ()),
        Term("安全网格员", "安全网格员", "safety grid staff", ()),
        Term("森林巡防员", "森林巡防员", "forest patrollers", ()),
        Term("第一响应人", "第一响应人", "first responders", ("第一响应者",)),
        Term("志愿者", "志愿者", "volunteers", ("社会志愿者", "应急志愿者")),
        # what is reported at once
        Term("火灾", "火灾", "fire", ()),
        Term("触电", "触电", "electric shock", ()),
        Term("高空坠落", "高空坠落", "fall from height", ()),
        Term("电梯事故", "电梯事故", "lift accident", ()),
        Term("食物中毒", "食物中毒", "food poisoning", ()),
        Term("中毒窒息", "中毒窒息", "poisoning and asphyxia", ()),
        Term("交通事故", "交通事故", "traffic accident", ()),
        Term("自然灾害", "自然灾害", "natural disaster", ()),
        Term("群体事件", "群体事件", "mass incident", ("群体性事件",)),
        # publicity themes
        Term("风险辨识", "风险辨识", "risk identification", ()),
        Term("防灾减灾", "防灾减灾", "disaster prevention", ()),
        Term("应急救援", "应急救援", "emergency rescue", ()),
        # the places a risk identification names (parameter risk_place_kinds)
        *(Term(w, w, "") for w in _values("risk_place_kinds")),
        # the service desk
        Term("紧急医药用品", "紧急医药用品", "first-aid supplies", ("医药用品", "急救药品")),
        Term("短时充电", "短时充电", "phone charging", ("充电",)),
        Term("紧急事项咨询", "紧急事项咨询", "urgent enquiries", ()),
        # first-response tasks
        Term("先期处置", "先期处置", "first response", ()),
        Term("抢救伤员", "抢救伤员", "saving the injured", ("救治伤员",)),
        Term("疏散群众", "疏散群众", "evacuating people", ("疏散人员",)),
        Term("维持秩序", "维持秩序", "keeping order", ("维护秩序", "现场秩序维护")),
    ),
    closed=False,
    why=(
        "evidence holds whatever a station files; the rules look for the items named here, "
        "and other items are listed"
    ),
    why_zh="工作记录可含站点存档的任何内容;规则只查这里列出的内容,其他内容列为未识别",
)

KIT = Vocabulary(
    "supply_item",
    "装备器材",
    "equipment items",
    (
        Term("微型巡逻车", "微型巡逻车", "small patrol vehicle", ("巡逻车", "微型巡逻电动车")),
        Term("灭火装置", "灭火装置", "fire extinguishing kit", ("灭火设备", "灭火器具")),
        Term("消防泵", "消防泵", "fire pump", ("消防水泵", "手抬机动消防泵", "机动消防泵")),
        Term("个人防护", "个人防护", "personal protection", ("个人防护装备", "个人防护用品")),
        Term("破拆工具", "破拆工具", "breaching tools", ("破拆工具组", "破拆器材")),
        Term("水域救生", "水域救生", "water lifesaving kit", ("水域救生装备", "水域救生器材")),
        Term("应急通信", "应急通信", "emergency communications", ("应急通信设备", "通信设备")),
        Term("森林消防水车", "森林消防水车", "forest fire water truck", ("森林消防车",)),
        Term("水泵", "水泵", "water pump", ("抽水泵",)),
        Term("搜救", "搜救", "search and rescue kit", ("搜救设备", "搜救装备")),
        Term("水域救援", "水域救援", "water rescue kit", ("水域救援装备", "水域救援器材")),
    ),
    closed=False,
    why="a station holds more kit than the guide requires; other items are listed",
    why_zh="站点装备多于指引的必配项;其他装备列为未识别",
)

TRAINING_TOPICS = Vocabulary(
    "training_topic",
    "培训主题",
    "training topics",
    (
        Term(
            "三会两技能一器材",
            "三会两技能一器材",
            "the core skills",
            ("“三会”“两技能”“一器材”", "三会两技能一器材培训"),
        ),
        Term("交通安全", "交通安全", "traffic safety", ("交通安全知识", "交通安全培训")),
        Term(
            "用电用气安全",
            "用电用气安全",
            "electricity and gas safety",
            ("用电用气安全知识", "用电用气安全培训", "用电安全和用气安全", "用电、用气安全"),
        ),
    ),
    closed=False,
    why="trainings cover many topics; the rule asks for these two safety topics",
    why_zh="培训主题多样;规则要求这两个安全主题",
)

VOCABULARIES: tuple[Vocabulary, ...] = (
    SUB_KINDS,
    PLAN_TYPES,
    LEDGER_KINDS,
    RISK_PLACES,
    EQUIPMENT,
    EVIDENCE_TOPICS,
    ALARM_CHANNELS,
    WALL_MAPS,
    RULES,
    MEMBER_ROLES,
    TEAM_GROUPS,
    SKILLS,
    EVIDENCE_ITEMS,
    KIT,
    TRAINING_TOPICS,
)
