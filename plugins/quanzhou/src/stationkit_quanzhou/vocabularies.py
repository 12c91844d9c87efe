"""The Quanzhou standard's own words: its plans, post duties, risk areas, station kind, wall
maps, rules (制度), publicity sections, merged duty lines, evidence items, command platforms
and screen type, each with the spellings the documents and clerks use (QZ23 附件2, QZ25 §四).
A code is the documents' own word (what the parameters hold); aliases are the other ways
the documents and clerks write it."""

from __future__ import annotations

from stationkit.records import Term, Vocabulary, word_list
from stationkit_quanzhou.parameters import RISK_AREAS as RISK_AREA_WORDS
from stationkit_quanzhou.parameters import SUPPLY_SUBCATEGORIES

PLAN_TYPES = Vocabulary(
    "plan_type",
    "应急预案",
    "plan types",
    (
        Term(
            "突发事件总体应急预案", "突发事件总体应急预案", "general emergency plan", ("总体预案",)
        ),
        Term(
            "防汛抗旱防台风应急预案",
            "防汛抗旱防台风应急预案",
            "flood, drought and typhoon plan",
            ("防汛防台风应急预案", "防汛防台应急预案", "防汛抗旱防台应急预案", "防台风应急预案"),
        ),
        Term(
            "突发地质灾害应急预案",
            "突发地质灾害应急预案",
            "geological hazard plan",
            ("地灾应急预案",),
        ),
        Term(
            "森林火灾应急预案",
            "森林火灾应急预案",
            "forest fire plan",
            ("森林防火应急预案", "森林防灭火应急预案", "森林火灾扑救应急预案"),
        ),
        Term(
            "自然灾害救助应急预案",
            "自然灾害救助应急预案",
            "natural disaster relief plan",
            ("自然灾害救助预案", "自然灾害应急预案"),
        ),
        Term(
            "生产安全事故应急预案",
            "生产安全事故应急预案",
            "work-safety accident plan",
            ("安全生产事故应急预案", "生产安全事故应急救援预案"),
        ),
        Term("火灾事故应急预案", "火灾事故应急预案", "fire accident plan", ("火灾应急预案",)),
        Term(
            "防溺水事件应急预案", "防溺水事件应急预案", "drowning prevention plan", ("防溺水预案",)
        ),
        Term(
            "处置突发群体性事件应急预案",
            "处置突发群体性事件应急预案",
            "mass incident plan",
            ("群体性事件处置应急预案",),
        ),
        Term(
            "处置突发公共卫生事件应急预案",
            "处置突发公共卫生事件应急预案",
            "public health emergency plan",
            ("公共卫生应急预案",),
        ),
        Term(
            "危险化学品生产安全事故应急预案",
            "危险化学品生产安全事故应急预案",
            "hazardous-chemicals accident plan",
            ("危化品生产安全事故应急预案", "危险化学品事故应急预案", "危化品事故应急预案"),
        ),
        Term(
            "矿山生产安全事故应急预案",
            "矿山生产安全事故应急预案",
            "mine accident plan",
            ("矿山事故应急预案", "非煤矿山生产安全事故应急预案"),
        ),
        Term(
            "工贸企业生产安全事故应急预案",
            "工贸企业生产安全事故应急预案",
            "industry and trade accident plan",
            ("工贸行业生产安全事故应急预案", "工贸企业事故应急预案"),
        ),
    ),
    closed=False,
)

POST_DUTIES = Vocabulary(
    "post_duty",
    "岗位职责",
    "post duties",
    (
        Term(
            "安全生产和防灾减灾检查",
            "安全生产和防灾减灾检查",
            "work-safety and disaster-prevention inspection",
            ("安全生产检查和防灾减灾检查", "安全生产与防灾减灾检查", "安全检查"),
        ),
        Term("综合协调", "综合协调", "coordination", ("统筹协调", "综合协调员")),
        Term(
            "“四个一”值班",
            "“四个一”值班",
            "the 'four ones' duty",
            ("四个一值班", "值班值守", "值班"),
        ),
        Term("收集汇总数据", "收集汇总数据", "collecting data", ("数据收集汇总", "数据统计")),
        Term("上报各类信息", "上报各类信息", "reporting", ("信息上报", "信息报送")),
        Term("物资管理", "物资管理", "supplies management", ("物资管理员", "应急物资管理")),
        Term("综合执法", "综合执法", "law enforcement (not counted)", ("执法",)),
        Term("救援队长", "救援队长", "rescue team leader (not counted)", ("队长",)),
    ),
    closed=False,
)

RISK_AREAS = Vocabulary(
    "risk_area",
    "风险区域类型",
    "risk-area kinds",
    (
        Term("山洪灾害易发区", "山洪灾害易发区", "flash-flood prone area", ("山洪易发区",)),
        Term("地质灾害隐患点", "地质灾害隐患点", "geohazard spot", ("地灾隐患点",)),
        Term("危旧房屋", "危旧房屋", "dilapidated housing", ("危房", "危旧房")),
        Term("水库山塘", "水库山塘", "reservoirs and ponds", ("水库", "山塘")),
        Term("低洼易涝点", "低洼易涝点", "low-lying flood spot", ("易涝点", "低洼地")),
        Term("旅游景区和非景区景点", "旅游景区和非景区景点", "scenic spots", ("旅游景区", "景区")),
    ),
    closed=False,
)

#: The lists and ledgers the rules look for (QZ23 附件2 “有一套...机制”; QZ25 §四(三)4).
LEDGER_KINDS = word_list(
    "ledger_kind",
    "台账、清单",
    "ledgers and lists",
    (
        "检查清单",
        "排查清单",
        "隐患清单",
        "整改清单",
        "责任清单",
        "网格巡查台账",
        "执法检查台账",
        "综合监管职责清单",
    ),
)
#: Evidence topics the rules read (one per evidenced task).
EVIDENCE_TOPICS = word_list(
    "evidence_topic",
    "工作记录主题",
    "evidence topics",
    (
        "纳入年度工作安排",
        "生产经营单位三张清单",
        "闭环管理",
        "辖区无此类风险区域",
        "网格巡查",
        "日常巡查和执法检查",
        "防护装备和保险记录",
        "预案管理",
        "装备携带清单",
        "指导村(社区)预案制修订",
        "应急避灾示范点",
        "安全生产标准化信息系统",
    ),
)
#: 附件4's rows: categories and their sub-categories.
SUPPLY_CATEGORIES = word_list(
    "supply_category",
    "物资装备类别",
    "supply and equipment categories",
    (part for row in SUPPLY_SUBCATEGORIES for part in row.split("/")),
)
RISK_AREA_LIST = word_list(
    "risk_area", "风险区域类型", "risk-area kinds", (*RISK_AREA_WORDS, "村(社区)网格")
)


_OPEN = "the guide names what a station must have, not everything a station may record"
_OPEN_ZH = "指南列出站点必须有的,而非站点可能记录的全部"

WALL_MAPS = Vocabulary(
    "wall_map",
    "上墙图表",
    "wall maps",
    (
        Term(
            "防汛防台风形势图",
            "防汛防台风形势图",
            "flood and typhoon situation map",
            ("防汛防台形势图", "防汛防台风形势", "防汛防台风图", "防汛形势图", "防汛防颱風形勢圖"),
        ),
        Term(
            "地质灾害风险点图",
            "地质灾害风险点图",
            "geohazard risk-spot map",
            ("地灾风险点图", "地质灾害风险点", "地质灾害风险点分布图", "地質災害風險點圖"),
        ),
        Term(
            "避灾点分布图",
            "避灾点分布图",
            "shelter map",
            ("避灾点图", "避灾点分布", "避灾场所分布图", "避災點分佈圖"),
        ),
    ),
    closed=False,
    why=_OPEN,
    why_zh=_OPEN_ZH,
)

RULES = Vocabulary(
    "rule",
    "制度",
    "rules (制度)",
    (
        Term("统筹制度", "统筹制度", "coordination rules", ("统筹", "应急管理统筹制度")),
        Term("议事制度", "议事制度", "deliberation rules", ("议事", "应急管理议事制度")),
        Term("决策制度", "决策制度", "decision rules", ("决策", "应急管理决策制度")),
        Term("会商制度", "会商制度", "consultation rules", ("会商", "应急管理会商制度")),
        Term("调度制度", "调度制度", "dispatch rules", ("调度", "应急管理调度制度")),
        Term(
            "紧急采购",
            "紧急采购",
            "emergency purchase",
            ("紧急采购制度", "紧急采购管理制度", "应急物资紧急采购制度"),
        ),
        Term(
            "维护检测",
            "维护检测",
            "upkeep and testing",
            ("维护检测制度", "维护检测管理制度", "维护检修制度", "維護檢測"),
        ),
        Term(
            "分发使用",
            "分发使用",
            "issue and use",
            ("分发使用制度", "分发使用管理制度", "发放使用制度"),
        ),
        Term(
            "回收报废",
            "回收报废",
            "return and disposal",
            ("回收报废制度", "回收报废管理制度", "回收報廢"),
        ),
        Term(
            "核销补库",
            "核销补库",
            "write-off and restocking",
            ("核销补库制度", "核销补库管理制度", "核銷補庫"),
        ),
    ),
    closed=False,
    why=_OPEN,
    why_zh=_OPEN_ZH,
)

SECTIONS = Vocabulary(
    "publicity_section",
    "宣传栏目",
    "publicity sections",
    (
        Term("安全生产", "安全生产", "work safety", ("安全生产栏目", "安全生产专栏", "安全生產")),
        Term(
            "防灾减灾",
            "防灾减灾",
            "disaster prevention",
            ("防灾减灾栏目", "防灾减灾救灾", "防灾减灾专栏", "防災減災"),
        ),
        Term(
            "自救互救",
            "自救互救",
            "self- and mutual rescue",
            ("自救互救栏目", "自救互救常识", "应急自救互救常识", "应急自救互救"),
        ),
        Term(
            "警示曝光",
            "警示曝光",
            "warnings and exposure",
            ("警示曝光栏目", "曝光台", "警示曝光台", "曝光"),
        ),
    ),
    closed=False,
    why="the guide's list ends in 等栏目 (and other sections): a column may have more",
    why_zh="指南写作“等栏目”:专栏可以有更多栏目",
)

MERGED_DUTIES = Vocabulary(
    "merged_duty",
    "“四合一”值班",
    "merged duty lines",
    (
        Term("政务值班", "政务值班", "government duty", ("政务值班值守", "政务值守")),
        Term("安全生产", "安全生产", "work safety", ("安全生产值班",)),
        Term("森林防灭火", "森林防灭火", "forest fire", ("森林防火", "森林防灭火值班")),
        Term("防汛抗旱", "防汛抗旱", "flood and drought", ("防汛", "防汛抗旱值班", "三防")),
        Term("防灾减灾", "防灾减灾", "disaster prevention", ("防灾减灾救灾", "防灾减灾值班")),
        Term("应急救援", "应急救援", "emergency rescue", ("应急救援值班",)),
    ),
    why=(
        "“四合一” names exactly the duty lines that merge (QZ23 and QZ25 each name four; "
        "the vocabulary holds both editions' words)"
    ),
    why_zh="“四合一”穷举了合并的值班(QZ23、QZ25 各列四项;词表兼收两版)",
)

PLATFORM_LEVELS = Vocabulary(
    "platform_level",
    "上级指挥平台层级",
    "levels of the command platforms a station links to",
    (
        Term(
            "province",
            "省级平台",
            "provincial platform",
            ("省", "省级", "省应急指挥平台", "省级应急指挥平台", "provincial"),
        ),
        Term(
            "prefecture",
            "市级平台",
            "prefecture platform",
            ("市级", "地级市", "泉州市", "市级应急指挥平台", "市级指挥信息平台", "prefectural"),
        ),
        Term(
            "county",
            "县级平台",
            "county platform",
            ("县级", "县级市", "石狮市", "县级应急指挥平台", "县应急指挥平台"),
        ),
    ),
    why=(
        "the levels above a township are exactly these; a bare 市 is refused, since a "
        "county-level city (石狮市) is a 市 too"
    ),
    why_zh="乡镇以上只有这三级;单写“市”不予识别(县级市如石狮市也是“市”)",
)

SCREEN_TYPES = Vocabulary(
    "screen_type",
    "显示屏类型",
    "display types",
    (
        Term(
            "液晶",
            "液晶",
            "LCD",
            ("液晶屏", "液晶显示屏", "液晶显示屏幕", "液晶屏幕", "液晶拼接屏", "lcd"),
        ),
        Term("LED", "LED屏", "LED", ("LED显示屏", "LED大屏")),
        Term("投影", "投影", "projector", ("投影仪", "投影幕", "projection")),
    ),
    closed=False,
    why="display technologies keep coming: a new one is listed, never taken for 液晶",
    why_zh="显示技术不断更新:新类型列为未识别,绝不当作液晶",
)

EVIDENCE_ITEMS = Vocabulary(
    "evidence_item",
    "工作记录内容",
    "evidence items",
    (
        # 三张清单 (QZ23 附件2)
        Term("检查清单", "检查清单", "inspection list", ("检查清单表",)),
        Term("隐患清单", "隐患清单", "hazard list", ("隐患排查清单表", "隐患台账清单")),
        Term("整改清单", "整改清单", "rectification list", ("整改台账清单",)),
        # 闭环管理
        Term("定期检查", "定期检查", "periodic inspection", ("定期检查记录",)),
        Term("风险隐患排查", "风险隐患排查", "hazard screening", ("隐患排查", "风险排查")),
        Term("问题整改", "问题整改", "rectification", ("整改", "问题整改记录")),
        Term("复查", "复查", "re-inspection", ("复查记录", "复核")),
        Term("回头看", "回头看", "follow-up review", ("回头看记录", "“回头看”")),
        # 网格巡查材料
        Term("巡查记录", "巡查记录", "patrol records", ("巡查台账", "巡查日志")),
        Term("照片", "照片", "photos", ("巡查照片", "现场照片", "图片")),
        Term("巡查报告", "巡查报告", "patrol report", ("巡查情况报告",)),
        # 预案日常管理
        Term("修订", "修订", "revision", ("修订记录", "预案修订记录")),
        Term("培训", "培训", "training", ("预案培训", "培训记录")),
        Term("宣传", "宣传", "publicity", ("预案宣传", "宣传记录")),
        # 防护装备和保险记录
        Term("购买记录", "购买记录", "purchase records", ("购买", "采购记录", "購買記錄")),
        Term("发放记录", "发放记录", "issue records", ("发放", "發放記錄")),
        Term("使用记录", "使用记录", "use records", ("使用", "使用記錄")),
        Term("维护记录", "维护记录", "upkeep records", ("维护", "维护保养记录", "維護記錄")),
        # 日常巡查和执法检查; 纳入年度工作安排
        Term("检查记录", "检查记录", "inspection records", ("执法检查记录", "巡查检查记录")),
        Term("执法检查计划", "执法检查计划", "inspection plan", ("年度执法检查计划",)),
        Term(
            "党委政府工作要点",
            "党委政府工作要点",
            "the party committee's and government's work priorities",
            ("镇党委政府工作要点", "街道党工委办事处工作要点", "年度工作要点", "工作要点"),
        ),
        # 装备携带清单: the kinds of incident a list is for
        Term("防汛防台", "防汛防台", "flood and typhoon", ("防汛防台风", "防汛", "防台风")),
        Term("地质灾害", "地质灾害", "geohazards", ("地灾",)),
        Term("火灾", "火灾", "fire", ("火灾扑救",)),
        Term("森林火灾", "森林火灾", "forest fire", ("森林防火",)),
        # 指导村(社区)预案制修订; 安全生产标准化信息系统
        Term(
            "预案制修订任务清单",
            "预案制修订任务清单",
            "villages' plan-revision task list",
            ("各村(社区)预案制修订任务清单", "村(社区)预案制修订任务清单"),
        ),
        Term(
            "开通账号",
            "开通账号",
            "accounts opened",
            ("已开通账号", "已开通账号并培训操作人员", "开通账号并培训操作人员"),
        ),
        # 辖区无此类风险区域: the kinds of risk area the township lacks
        *(Term(w, w, "") for w in RISK_AREA_WORDS),
        # 应急避灾示范点
        Term("标识醒目", "标识醒目", "clear signs", ("标识", "标识明显")),
        Term("路径明显", "路径明显", "clear routes", ("路径", "路线明显")),
        Term("责任明确", "责任明确", "clear responsibility", ("责任",)),
        Term("预案健全", "预案健全", "sound plan", ("预案",)),
        Term("制度上墙", "制度上墙", "rules on the wall", ("制度",)),
        Term("设施配套", "设施配套", "facilities", ("设施",)),
        Term("功能完善", "功能完善", "complete functions", ("功能",)),
    ),
    closed=False,
    why=(
        "evidence holds whatever a station files; the rules look for the items named here, "
        "and other items are listed"
    ),
    why_zh="工作记录可含站点存档的任何内容;规则只查这里列出的内容,其他内容列为未识别",
)

SIGN_LOCATIONS = Vocabulary(
    "sign_location",
    "标牌位置",
    "where a sign hangs",
    (
        Term(
            "外墙",
            "外墙",
            "the outer wall",
            ("外墙上", "建筑外墙", "站外墙", "外墙醒目位置", "外墙面", "外牆", "outer wall"),
        ),
    ),
    closed=False,
    why="a sign may hang anywhere; the rule asks for the outer wall, other places are listed",
    why_zh="标牌可挂在任何地方;规则要求外墙,其他位置列为未识别",
)

LOGOS = Vocabulary(
    "logo",
    "标识形象",
    "logos",
    (Term("安安", "安安", "Anan", ("「安安」", "安安形象", "安安logo", "应急安安", "anan")),),
    closed=False,
    why="the rule asks for 安安; any other logo is listed, never taken for it",
    why_zh="规则要求“安安”;其他形象列为未识别,绝不当作“安安”",
)

HAZARDS = Vocabulary(
    "hazard",
    "灾种",
    "hazards",
    (
        Term("山洪", "山洪", "flash flood", ("山洪灾害", "山洪暴发")),
        Term("地质灾害", "地质灾害", "geohazard", ("地灾", "地质灾害隐患", "地質災害")),
        Term("台风", "台风", "typhoon", ("防台风", "台风灾害", "颱風")),
        Term("内涝", "内涝", "waterlogging", ("城市内涝", "积水内涝")),
        Term("森林火灾", "森林火灾", "forest fire", ("森林防火", "山火")),
    ),
    closed=False,
    why="a drill may rehearse any hazard; the rule asks mountain areas for 山洪 and 地质灾害",
    why_zh="演练可针对任何灾种;规则要求山区演练山洪和地质灾害",
)

_COMPARED: tuple[Vocabulary, ...] = (
    SIGN_LOCATIONS,
    LOGOS,
    HAZARDS,
    WALL_MAPS,
    RULES,
    SECTIONS,
    MERGED_DUTIES,
    PLATFORM_LEVELS,
    SCREEN_TYPES,
    EVIDENCE_ITEMS,
)

VOCABULARIES: tuple[Vocabulary, ...] = (
    PLAN_TYPES,
    POST_DUTIES,
    RISK_AREAS,
    RISK_AREA_LIST,
    LEDGER_KINDS,
    EVIDENCE_TOPICS,
    SUPPLY_CATEGORIES,
    *_COMPARED,
)

#: The documents' words for the township station (``Kind.aliases``).
STATION_ALIASES = (
    "标准化应急管理站",
    "乡镇标准化应急管理站",
    "镇(街道)标准化应急管理站",
    "镇街标准化应急管理站",
    "乡镇应急管理站",
    "街道应急管理站",
    "应急管理站",
)
