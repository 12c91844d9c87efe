"""The core's vocabularies: the words every standard shares, with the documents' spellings.

Codes are what the rules compare (some are the documents' own Chinese words, kept as codes
because the standards' parameters name them so). A standard adds terms to any of these ids
through ``Edition.vocabularies``; station kinds come from ``Standard.kinds``.
"""

from __future__ import annotations

from stationkit.records._vocabulary import Term, Vocabulary

ENTERPRISE_KIND = Vocabulary(
    "enterprise_kind",
    "辖区企业类型",
    "kinds of enterprise in a region",
    (
        Term(
            "hazardous_chemicals",
            "危险化学品企业",
            "hazardous-chemicals enterprises",
            (
                "危险化学品",
                "危化品",
                "危化品企业",
                "危化企业",
                "危险化学品生产经营单位",
                "hazardous chemicals",
            ),
        ),
        Term("mining", "矿山企业", "mines", ("矿山", "非煤矿山", "煤矿", "mine")),
        Term(
            "industry_trade",
            "工贸企业",
            "industry and trade enterprises",
            ("工贸", "工贸行业", "工贸行业企业", "industry and trade"),
        ),
    ),
)

POST_CATEGORY = Vocabulary(
    "post_category",
    "岗位人员类别",
    "post categories",
    (
        Term("enforcement", "执法人员", "law enforcement", ("执法", "综合执法", "执法队员")),
        Term("rescue", "救援人员", "rescue", ("救援", "救援队员", "应急救援")),
        Term(
            "emergency_office",
            "应急办工作人员",
            "emergency office staff",
            ("应急办", "应急管理办公室", "乡镇应急办"),
        ),
        Term("fire_station", "消防站人员", "fire station staff", ("消防站", "专职消防")),
        Term("volunteer", "志愿者", "volunteer", ("应急志愿者", "志愿服务")),
    ),
)

TEAM_KIND = Vocabulary(
    "team_kind",
    "队伍类型",
    "team kinds",
    (
        Term(
            "rescue",
            "综合应急救援队伍",
            "comprehensive rescue team",
            ("救援队", "应急救援队", "应急救援队伍", "综合救援队", "综合应急救援队", "救援队伍"),
        ),
        Term("enforcement", "执法队伍", "enforcement team", ("执法队", "综合执法队")),
        Term(
            "fire",
            "消防队伍",
            "fire team",
            ("消防队", "专职消防队", "志愿消防队", "微型消防站", "专职消防队伍"),
        ),
        Term(
            "party_commando",
            "党员突击队",
            "party commando",
            ("党员应急突击队", "党员先锋队", "party commando team"),
        ),
        Term("volunteer", "志愿者队伍", "volunteer team", ("志愿者", "应急志愿者队伍", "志愿队")),
        Term("militia", "民兵应急分队", "militia", ("民兵", "民兵队伍")),
    ),
)

DRILL_KIND = Vocabulary(
    "drill_kind",
    "演练类型",
    "drill kinds",
    (
        Term(
            "综合演练",
            "综合演练",
            "comprehensive drill",
            ("综合性应急演练", "综合应急演练", "综合性演练", "comprehensive"),
        ),
        Term("专项演练", "专项演练", "special drill", ("专项应急演练", "special")),
        Term(
            "转移避险演练",
            "转移避险演练",
            "danger-area evacuation drill",
            (
                "自主转移避险演练",
                "危险区域人员自主转移避险演练",
                "人员转移避险演练",
                "避险转移演练",
            ),
        ),
        Term(
            "应急疏散演练",
            "应急疏散演练",
            "site evacuation drill",
            ("疏散演练", "紧急疏散演练", "evacuation"),
        ),
        Term(
            "应急拉动演练",
            "应急拉动演练",
            "turn-out drill",
            ("拉动演练", "队伍拉动演练", "应急拉练", "turn-out"),
        ),
        Term("桌面推演", "桌面推演", "tabletop exercise", ("桌面演练", "tabletop")),
    ),
)

TRAINING_KIND = Vocabulary(
    "training_kind",
    "训练类型",
    "training kinds",
    (
        Term(
            "集中训练",
            "集中训练",
            "concentrated training",
            ("集中轮训", "集中练兵", "集中培训训练", "concentrated"),
        ),
        Term("日常训练", "日常训练", "routine training", ("日常培训", "routine")),
        Term("专题培训", "专题培训", "thematic course", ("专题讲座", "course")),
    ),
)

PUBLICITY_CHANNEL = Vocabulary(
    "publicity_channel",
    "宣传渠道",
    "publicity channels",
    (
        Term("warning_board", "警示牌", "warning board", ("警示标牌", "警示标识", "宣传警示牌")),
        Term("website_column", "网站专栏", "website column", ("政府网站专栏", "网站")),
        Term(
            "wechat_column",
            "微信公众号专栏",
            "WeChat column",
            ("公众号专栏", "微信公众号", "公众号", "微信专栏"),
        ),
        Term(
            "experience_hall",
            "应急科普体验馆",
            "experience hall",
            ("体验馆", "科普体验馆", "安全体验馆", "应急体验馆", "体验室"),
        ),
        Term("broadcast", "应急广播", "broadcast", ("广播", "大喇叭", "村村响")),
        Term("board", "宣传栏", "notice board", ("宣传橱窗", "公示栏", "宣传展板")),
    ),
)

ROOM_KIND = Vocabulary(
    "room_kind",
    "功能室",
    "room kinds",
    (
        Term("办公室", "办公室", "office (duty room)", ("值班室", "办公值班室", "office")),
        Term(
            "会议室",
            "会议室",
            "meeting room (command)",
            ("指挥会商室", "会商室", "指挥室", "指挥中心", "meeting room"),
        ),
        Term(
            "物资储备室",
            "物资储备室",
            "supplies store",
            ("物资仓库", "应急物资储备室", "物资储备库", "储备室", "仓库", "store"),
        ),
    ),
    closed=False,
)

REGION_KIND = Vocabulary(
    "region_kind",
    "区域类型",
    "region kinds",
    (
        Term("province", "省", "province", ("省份", "自治区")),
        Term("prefecture", "地级市", "prefecture", ("地级", "自治州", "地区")),
        Term("city", "市", "city", ("城市",)),
        Term("county", "县", "county", ("县域", "自治县")),
        Term("district", "区", "district", ("市辖区", "城区")),
        Term("town", "镇", "town", ("建制镇",)),
        Term("township", "乡", "township", ("民族乡",)),
        Term("street", "街道", "street", ("街道办事处", "街道办")),
        Term("village", "村", "village", ("行政村", "村委会", "村民委员会")),
        Term("community", "社区", "community", ("居委会", "居民委员会", "社区居委会")),
        Term("industrial_park", "工业园区", "industrial park", ("园区", "工业区", "产业园区")),
    ),
    closed=False,
    why="a standard may divide its regions more finely; another kind is listed, never matched",
    why_zh="标准可以有更细的区域类型;其他类型列为未识别,从不被当作这些类型",
)

#: Vocabularies a standard fills in (station kinds come from ``Standard.kinds``).
STATION_KIND = Vocabulary("station_kind", "站点类型", "station kinds")
STATION_SUB_KIND = Vocabulary("station_sub_kind", "站点细分类型", "station sub-kinds")
PLAN_TYPE = Vocabulary("plan_type", "应急预案", "plan types", closed=False)
POST_DUTY = Vocabulary("post_duty", "岗位职责", "post duties", closed=False)
LEDGER_KIND = Vocabulary("ledger_kind", "台账、清单", "ledgers and lists", closed=False)
SUPPLY_CATEGORY = Vocabulary(
    "supply_category", "物资装备类别", "supply and equipment categories", closed=False
)
RISK_AREA = Vocabulary("risk_area", "风险区域类型", "risk-area kinds", closed=False)
EVIDENCE_TOPIC = Vocabulary(
    "evidence_topic", "工作记录主题", "evidence topics (functions and tasks)", closed=False
)

CORE_VOCABULARIES: tuple[Vocabulary, ...] = (
    STATION_KIND,
    STATION_SUB_KIND,
    ENTERPRISE_KIND,
    ROOM_KIND,
    POST_CATEGORY,
    POST_DUTY,
    TEAM_KIND,
    SUPPLY_CATEGORY,
    PLAN_TYPE,
    DRILL_KIND,
    TRAINING_KIND,
    LEDGER_KIND,
    RISK_AREA,
    PUBLICITY_CHANNEL,
    EVIDENCE_TOPIC,
    REGION_KIND,
)
