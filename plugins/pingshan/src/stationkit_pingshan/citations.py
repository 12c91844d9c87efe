"""The two sources and every quote the plugin cites, copied verbatim from them.

PS is Pingshan's own plan (draft for comment); SZ is the report on the Shenzhen-wide
service stations that Pingshan's belong to (the city baseline). Quotes are the original
Chinese text; a test checks each is a substring of its document.
"""

from __future__ import annotations

from stationkit import Citation, Text
from stationkit.standard import Source

PS = "PS"
SZ = "SZ"

SOURCES = (
    Source(
        PS,
        "坪山区应急管理服务站建设实施方案（征求意见稿）",
        "坪山区应急委办",
        2023,
        Text(
            "征求意见稿；附件1–5（评分细则与建设指引）不在文本中。",
            "Draft for comment; attachments 1–5 (scoring rules, building guides) are not part of the text.",
        ),
    ),
    Source(
        SZ,
        "X应急管理部门推进应急管理服务站建设工作新亮点",
        "深圳市（推断）",
        2023,
        Text(
            "关于全市应急管理服务站的新闻报道，作为市级基线。",
            "A news report on the city-wide stations, read as the city baseline.",
        ),
    ),
)


def ps(section: str, quote: str, *, inferred: bool = False) -> Citation:
    return Citation(PS, section, quote, inferred)


def sz(section: str, quote: str, *, inferred: bool = False) -> Citation:
    return Citation(SZ, section, quote, inferred)


# -- PS §一 工作目标 -------------------------------------------------------------------------
PS_TYPES = ps("序言", "在全区推动建立社区、工业园区、街面三种类型的应急管理服务站")
PS_GOAL_WORDS = ps("一", "功能场所固定、外观标识统一、队伍职能明确、响应处置迅速、应急服务到位")
PS_YEARS = ps("一", "确定2023年为示范建设年，2024年为巩固提升年")
PS_TARGET_2023 = ps(
    "一",
    "2023年底前，每个街道建成1个以上社区类应急管理服务站，3个工业园区类应急管理服务站，1个街面类应急管理服务站，以“1+3+1”典型示范框架推广三种类型建设经验",
)
PS_TARGET_2023_COMMUNITY = ps("一", "每个街道建成1个以上社区类应急管理服务站")
PS_TARGET_2023_PARK = ps("一", "3个工业园区类应急管理服务站", inferred=True)
PS_TARGET_2023_STREET = ps("一", "1个街面类应急管理服务站", inferred=True)
PS_TARGET_2024 = ps(
    "一",
    "2024年底前，每个街道建设社区类应急管理服务站覆盖率过半，建设工业园区类应急管理服务站覆盖率过半，建设一批街面类应急管理服务站，实现“两过半+一批”的建设目标",
)
PS_TARGET_2024_COMMUNITY = ps("一", "建设社区类应急管理服务站覆盖率过半")
PS_TARGET_2024_PARK = ps("一", "建设工业园区类应急管理服务站覆盖率过半")

# -- PS §二 职责分工 (the community's functions) -------------------------------------------
PS_COMMUNITY_FUNCTIONS = ps("二(二)4", "统筹发挥好安全宣教、防灾救助、应急处置、咨询服务作用")

# -- PS §三 工作内容 -------------------------------------------------------------------------
PS_COMMUNITY_STATION = ps(
    "三",
    "整合安全员、网格员、消防巡查员、社区民警、物业人员、股份公司管理员等力量",
)
PS_PARK_STATION = ps("三", "及时稳妥做好巡查、处置、救援、宣传、服务等工作")
PS_STREET_STATION = ps("三", "充分发挥基层信息枢纽、指挥调度、宣传培训、综合服务的“前哨”“支点”作用")
PS_STREET_FORCES = ps(
    "三",
    "整合城中村物业管理队伍、安全网格员、森林巡防员、“第一响应人”、志愿者等基层队伍",
)
PS_STREET_BASES = ps(
    "三",
    "依托街道辖区的小型消防站、微型消防站、社区服务站、大型医院、大型商超、应急救援仓库、大型公益站、森林防火哨站点等场地",
)
PS_PARK_FORCES = ps("三(一)", "工业园区类重点整合园区物业人员和企业安全管理人员")
PS_TEAM_INTEGRATION = ps(
    "三(一)",
    "整合社区安全员、网格员、消防巡查员、民警、物业人员、股份公司管理员等资源（工业园区类重点整合园区物业人员和企业安全管理人员），组建应急救援队伍",
)
PS_RULES = ps(
    "三(一)",
    "建立应急值守、紧急出动、训练培训、应急演练、分析评估、物资装备管理、考勤与奖惩等管理制度",
)
PS_LEDGERS = ps(
    "三(一)",
    "根据应急预案，应急培训、应急演练、安全隐患排查治理、应急队伍、应急物资、物业企业数量等各类信息，建立完善各类管理台账",
)
PS_THREE_TWO_ONE = ps(
    "三(二)",
    "组织应急救援队员熟练掌握“三会”（会逃生、会救人、会报警）、“两技能”（灭火技能、逃生技能）、“一器材”（灭火器材）”以及交通安全、用电用气安全等知识",
)
PS_MOBILISATION_DRILLS = ps("三(二)", "组织开展各类突发事件应急拉动演练")
PS_PUBLICITY = ps("三(二)", "不定期组织开展风险辨识、防灾减灾、应急救援等综合性宣传")
PS_EVACUATION_DRILLS = ps("三(二)", "常态化组织开展各类应急疏散演练")
PS_PATROLS = ps(
    "三(三)",
    "定期开展安全巡查，及时发现和上报企业、三小场所等生产经营单位及居民楼栋存在的一般安全隐患问题",
)
PS_REPORTING = ps(
    "三(三)",
    "发生火灾、触电、高空坠落、电梯事故、食物中毒、中毒窒息、交通事故、自然灾害、群体事件等应第一时间上报相关信息",
)
PS_RISK_PLACES = ps(
    "三(三)",
    "加强对人员密集场所、公共聚集场所、消防重点单位、老旧小区、三小场所、危险边坡、低洼地带、小散零星工程等可能存在较大以上风险的区域、场所进行风险辨识、分级管控与排查治理",
)
PS_SUPPLY_PRINCIPLE = ps("三(四)", "坚持“保证急需、有效使用、防止浪费、定点储存”原则")
PS_EQUIPMENT = ps("三(四)", "结合实际储备一批交通、防护、灭火、破拆、救生等应急救援装备器材")
PS_SUPPLY_RULES = ps("三(四)", "加强应急物资装备的日常管理和维修保养，完善物资管理调配制度")
PS_ESCAPE = ps("三(五)", "科学规划逃生路线和设置应急避难场所")
PS_PLANS = ps(
    "三(五)",
    "组织修编应急预案，建立健全应急预案和行动方案，完善安全防护技术、应急装备安全操作规程",
)
PS_FIRST_RESPONSE = ps(
    "三(五)",
    "在专业救援队伍赶到之前，组织开展先期处置、抢救伤员、疏散群众、维持秩序等力所能及的处置工作",
)

# -- PS §四 考核管理 -------------------------------------------------------------------------
PS_ASSESSMENT = ps(
    "四",
    "考核由建设指标和运营管理两部分组成，后续将持续建设纳入年度考核加分予以推进",
)
PS_CONSTRUCTION_2023 = ps(
    "四(一)",
    "2023年底每个街道按照“1+3+1”框架建成三种类型示范应急管理服务站，其中一个为街道中心站，占年度考核成绩的40%",
)
PS_CENTRE = ps("四(一)", "其中一个为街道中心站")
PS_CONSTRUCTION_2024 = ps(
    "四(一)",
    "2024年底每个街道按照“两过半+一批”（街面类不少于3个）的建设目标，推广经验，扩大成果，占年度考核成绩的40%",
)
PS_STREET_2024 = ps("四(一)", "街面类不少于3个")
PS_CONSTRUCTION_SHARE = ps("四(一)", "占年度考核成绩的40%")
PS_OPERATIONS = ps("四(二)", "运营管理考核。包括五大模块")
PS_OPERATIONS_SHARE = ps("四(二)", "分别占2023年度、2024年度考核成绩的60%")
PS_MODULE_COMMAND = ps("四(二)", "应急指挥调度（重点考查应急预案、应急演练、应急指挥能力）")
PS_MODULE_PREVENTION = ps(
    "四(二)",
    "安全防控（重点考查风险辨识、风险防控、安全巡查、安全隐患排查治理）",
)
PS_MODULE_PUBLICITY = ps("四(二)", "安全应急宣传（重点考查宣传培训开展情况）")
PS_MODULE_RESCUE = ps("四(二)", "应急救援（重点考查应急救援队伍建设、应急救援物资装备及管理）")
PS_MODULE_ARCHIVES = ps("四(二)", "台账管理与档案建设（重点考查各类工作台账的管理情况）")
PS_BONUS = ps(
    "四(三)",
    "年度每街道每建成1个站点，在本年度总成绩上加0.1分，每季度组织核实通过，以年终统计通过数量确定加分值，加分封顶值为1分",
)
PS_BONUS_PER_STATION = ps("四(三)", "年度每街道每建成1个站点，在本年度总成绩上加0.1分")
PS_BONUS_CAP = ps("四(三)", "加分封顶值为1分")

# -- PS §五 实施步骤 -------------------------------------------------------------------------
PS_SCHEDULE = ps("五", "2023年为应急管理服务站示范建设年，实施步骤如下")
PS_PHASE_SURVEY = ps("五(一)", "调研走访、构建框架阶段（2月1日至3月31日）")
PS_PHASE_PLAN = ps("五(二)", "制定方案、确立目标阶段（4月1日至6月30日）")
PS_PHASE_PILOT = ps("五(三)", "对照标准、建设试点阶段（7月1日至10月31日）")
PS_PHASE_REVIEW = ps("五(四)", "考核评估、总结提升阶段（11月1日至12月31日）")
PS_EVALUATION_2023 = ps(
    "五(四)",
    "组织对试点建设应急管理服务站的外观标识、职责整合、运行调度、安全防控、应急响应、宣传培训、应急服务等建设功能进行评估验收",
)
PS_SIGNS = ps("六(三)", "统一外观标识，规范运行管理")

# -- SZ: the city baseline -----------------------------------------------------------------
SZ_TEAM_GROUPS = sz("一、二是", "设有应急处置组和安全巡查组")
SZ_TEAM_OFFICERS = sz("一、二是", "设正、副队长1名;通信员和安全员各1名")
SZ_TEAM_SIZE = sz("一、二是", "人员数量按照需求配备10至30人不等")
SZ_VEHICLES = sz("一、二是", "应急处置车辆每站不少于2辆")
SZ_FOREST_KIT = sz(
    "一、三是",
    "比如林区站点,主要开展森林防灭火、人员搜救、三防等业务培训,并配备森林消防水车、水泵、搜",
)
SZ_REQUIRED_KIT = sz(
    "一、四是",
    "除了配备微型巡逻车、灭火装置、消防泵、个人防护、破拆工具、水域救生、应急通信等必配硬件设备外",
)
SZ_ON_SITE = sz("二、四是", "所有应急管理服务站24小时驻扎在社区一线")
SZ_FIVE_MINUTES = sz("二、四是", "基本实现了救早、灭小5分钟到场的建设目标")
SZ_SERVICE_DESK = sz("二、五是", "提供紧急医药用品、短时充电、紧急事项咨询等便民服务")
SZ_DUTY = sz("三", "全市应急管理服务站365天24小时值班备勤")
SZ_ALARMS = sz(
    "三",
    "可通过119平台调度、辖区街道办及社区警务室指挥协调、群众电话或到站求助等多渠道接警",
)
SZ_SUB_KINDS = sz(
    "三",
    "其中街道中心站X个,工业园区站X个,大型商超站X个,社区服务站X个,小型站X个,医院站X个,其他类型站X个",
)

#: Every citation above, for the test that checks each quote against its document.
ALL = tuple(v for k, v in sorted(globals().items()) if isinstance(v, Citation) and k.isupper())
