"""Catalogue clauses the plugin does not check, each with the reason (also in README.md)."""

from __future__ import annotations

from stationkit import Text


def _t(zh: str, en: str) -> Text:
    return Text(zh, en)


COMMON: tuple[Text, ...] = (
    _t(
        "总体目标“标准化建设、实体化运作、规范化管理、实时化响应、常态化运行”及“三项标准化”体系:"
        "为目标表述,无可核查的事实;以各项要求体现",
        "the overall aims and the 'three standardizations' are aims, not checkable facts; the "
        "requirements carry them",
    ),
    _t(
        "“八个有”与“五大能力”的对应关系:来源未给出,各组 note 中的对应为推断",
        "the have → capability mapping is not in the sources; the group notes give an inferred one",
    ),
    _t(
        "logo 的应急蓝底色及市应急局统一样式:记录无颜色/样式字段,只核查标牌文字、位置、可见及“安安”l"
        "ogo",
        "the logo's 应急蓝 colour and the city's design: no record field; only sign text, place, "
        "visibility and the 安安 logo are checked",
    ),
    _t(
        "固定场所的用途(会议、协调指挥、集结训练、装备物资存放):只核查固定场所及三类功能室",
        "what the premises are used for: only fixed premises and the three rooms are checked",
    ),
    _t(
        "“四个一”值班的具体内容:来源未定义,只作为岗位职责名称核查",
        "what '四个一' duty consists of is not defined: checked only as a post duty name",
    ),
    _t(
        "“定期研究解决重点难点问题和薄弱环节”:无可核查的频次,只核查“纳入年度工作安排”的记录",
        "'regularly study key problems': no frequency; only the annual-plan record is checked",
    ),
    _t(
        "信息员“能及时收集、统计和上报”信息的能力:只核查镇和各村(社区)是否落实信息员",
        "informants' ability to report promptly: only their presence in town and villages",
    ),
    _t(
        "整合网格员、安全员、护林员、巡防员、交通劝导员等力量,引进第三方、常驻专家、保险机构、社会救援队合作"
        "(工作要求):组织方式,无可核查的门槛",
        "integrating grid/safety/forest staff, third parties, experts, insurers, social rescue "
        "teams: ways of working without a checkable threshold",
    ),
    _t(
        "执法:可聘任技术检查员(许可性条款);对逾期未整改隐患处罚或上报有关部门处罚见 hazard 机器扩展"
        "(penalise / refer),不属站点记录",
        "enforcement: hiring technical inspectors is permissive; penalties or referral for "
        "overdue hazards are in the hazard machine extension (penalise / refer), not the "
        "station record",
    ),
    _t(
        "乡镇消防队按 GB/T 35547-2017 的人员、营房、装备、经费细则:外部国家标准,未编码;只核查消防队("
        "站)存在",
        "the GB/T 35547-2017 details of the town fire team: an external standard; only the "
        "team's existence is checked",
    ),
    _t(
        "救援队伍来源(森林防灭火、抗洪抢险、微型消防站、社会力量、民兵、退役军人、志愿者等)及"
        "“统一指挥、一专多能、一队多能”:组建方式,无门槛",
        "where the rescue team is drawn from and "
        "'unified command, multi-skilled': composition guidance without a threshold",
    ),
    _t(
        "花名册中的装备明细与存放地点:记录中无对应字段,以 roster 标记代表",
        "the roster's equipment list and storage places: no record field; the roster flag "
        "stands for them",
    ),
    _t(
        "编制预案前的风险评估和资源调查:无对应记录;“重点预防小火亡人”:目标表述",
        "the risk assessment and resource survey before drafting plans: no record; 'prevent "
        "deaths in small fires': an aim",
    ),
    _t(
        "将消防站、微型消防站、基层应急救援所纳入区域指挥调度体系:无对应记录字段",
        "bringing fire stations into the area dispatch system: no record field",
    ),
    _t(
        "应急物资储备站的选址原则、集中/分区/分散/委托储备方式(许可性)、物资调配体制与家庭储备倡导",
        "warehouse siting principles, storage modes (permissive), dispatch system and household "
        "stockpiles (advocacy)",
    ),
    _t(
        "附件4 各类别下的具体物资名称及数量:由当地按需配备,只核查各类别均有储备(数量为默认 ≥1)",
        "the items and quantities under each 附件4 category are set locally; only that each "
        "category is stocked (default ≥ 1) is checked",
    ),
    _t(
        "应急避灾示范点按泉应急〔2022〕97号的细则:外部文件;只核查七项要求的记录",
        "the model shelter details of 泉应急〔2022〕97号: an external document; only the seven "
        "listed standards are checked as evidence",
    ),
    _t(
        "数字体验馆选址与配电、网络、承重、防雷等设计要求,应急广播按X政办(2020)56号建设及“五进”:"
        "设计规范和外部文件,只核查场所/广播存在",
        "the hall's siting and design factors, broadcasting per X政办(2020)56号 and the 'five "
        "intos': design rules and external documents; only existence is checked",
    ),
    _t(
        "建设资金专款专用、资金来源:不是站点事实;建设经费仅作信息报告,不计分(不属“八个有”)",
        "funds used only for their purpose and where they come from are not station facts; "
        "funding is reported, not scored (not one of the eight haves)",
    ),
    _t(
        "领导小组(附件1)、工作专班、县/市分工:县级组织安排,不是站点事实;相应节点见建设进度计划",
        "the leading group (附件1), task forces and the county/city division of work are not "
        "station facts; the rollout programme carries their dates",
    ),
    _t(
        "验收结论的出具、存档与备案:程序性,见验收机器扩展;等级分数线与合格线为本插件默认值",
        "issuing, archiving and filing acceptance results are procedure (see the acceptance "
        "machine extension); grade bands and pass mark are plugin defaults",
    ),
)

NOT_ENCODED_2023: tuple[Text, ...] = (
    *COMMON,
    _t(
        "优秀比例上限:QZ23 未规定,2023 版无等级比例限制",
        "a cap on 优秀: QZ23 has none, so the 2023 edition has no rank cap",
    ),
    _t(
        "QZ23 附件2 称物资清单为“附件5”,实际为附件4:按附件4编码",
        "QZ23 附件2 calls the supplies list 附件5; it is 附件4, which is encoded",
    ),
    _t(
        "“四合一”的另一表述(附件3 和正文:防灾减灾、应急救援):2023 版采用附件2 表述,可通过参数覆盖",
        "the other wording of '四合一' (附件3 and the body): the 2023 edition uses 附件2's; "
        "override merged_duties to use the other",
    ),
)

NOT_ENCODED_2025: tuple[Text, ...] = (
    *COMMON,
    _t(
        "建设基层预警指挥服务站(QZ25 §四(三)3):来源未给出具体内容,以通信平台各项体现",
        "the 基层预警指挥服务站 (QZ25 §四(三)3): no content given; the command requirements "
        "stand for it",
    ),
    _t(
        "按应急厅函〔2023〕231号编制预案的具体格式:外部文件;只核查10项预案及对村(社区)的指导",
        "plan format per 应急厅函〔2023〕231号: an external document; the 10 plans and the "
        "guidance to villages are checked",
    ),
    _t(
        "“习惯过紧日子”“利旧、整合、优化、提升”、不搞“面子”装修:建设原则,无可核查事实",
        "'live frugally', reuse and no showcase decoration: principles, not checkable facts",
    ),
    _t(
        "属地企业专职救援力量、民兵、预备役、物业、保安、医务人员参与救援队伍:组建方式,无门槛",
        "drawing the team from enterprise, militia, reserve, property, security and medical "
        "staff: composition guidance without a threshold",
    ),
    _t(
        "建设资金“约30万元”:为参考值,仅报告(≥ 参数值为达到),不计分",
        "'about 300,000 yuan': a reference figure, reported (met at or above it), not scored",
    ),
)
