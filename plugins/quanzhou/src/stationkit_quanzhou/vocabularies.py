"""The Quanzhou standard's own words: its plans, post duties, risk areas and station kind,
each with the spellings the documents and clerks use (QZ23 附件2, QZ25 §四)."""

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

VOCABULARIES: tuple[Vocabulary, ...] = (
    PLAN_TYPES,
    POST_DUTIES,
    RISK_AREAS,
    RISK_AREA_LIST,
    LEDGER_KINDS,
    EVIDENCE_TOPICS,
    SUPPLY_CATEGORIES,
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
