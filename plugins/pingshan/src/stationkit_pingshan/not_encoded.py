"""Every clause of the catalogue and sources that the plugin does not encode, and why.
The same list is in the plugin's README."""

from __future__ import annotations

from stationkit import Text

_COMMON = (
    Text(
        "PS §三 工业园区类“三张清单”“五个一”“十项职能”：方案未展开其内容（见附件3，不在文本中），无"
        "从编码。",
        "PS §三 industrial parks' “three lists”, “five ones”, “ten functions”: the plan does not "
        "spell them out (attachment 3 is not in the text).",
    ),
    Text(
        "PS 附件1–5（评分细则、三类建设指引、外观建设指引）不在文本中：五大模块的分值分配、部分得分"
        "与外观式样均为插件默认值（已标注 default）。",
        "PS attachments 1–5 (scoring rules, building guides, exterior guide) are not in the text: "
        "the module split, partial credit and the exterior are the plugin's defaults.",
    ),
    Text(
        "PS §四(三)“每季度组织核实通过”：记录中没有核实字段，凡记录了当年建成日期的站点均计入"
        "加分。",
        "PS §四(三) quarterly verification: records carry no verification field, so every station "
        "with a completion date in the year counts towards the bonus.",
    ),
    Text(
        "PS §四 纳入区应急管理和消防工作考核：年度成绩如何并入区级考核不属站点或街道事实。",
        "PS §四 the results feed the district's emergency and fire assessment: how is outside the "
        "street's facts.",
    ),
    Text(
        "PS §二 组织领导与职责分工（领导小组、各部门职责）：组织安排，无站点或街道可查事实。",
        "PS §二 the leading group and the departments' duties: organisation, no station or street "
        "fact to check.",
    ),
    Text(
        "PS §三 社区类站点依托社区党群中心、社区工作站，街面类依托小型/微型消防站等场地：记录中没有"
        "“依托场所”字段；街面站以 SZ 细分类型 sub_kind 报告（profile.sub_kind）。",
        "PS §三 the premises a community or street station is based in: no record field; street "
        "stations report SZ's finer kind as sub_kind instead.",
    ),
    Text(
        "PS §三(二) 第一响应人、志愿者培训，居民熟悉预警信号和疏散路径：无可量化字段，仅以当年应急"
        "疏散演练体现。",
        "PS §三(二) training of first responders and volunteers, residents knowing warning signals "
        "and routes: nothing measurable beyond the year's evacuation drills.",
    ),
    Text(
        "PS §三(四)“保证急需、有效使用、防止浪费”及“随用随有、随调随到”：原则性表述，仅检查定点储存"
        "（物资仓库、台账）与管理调配、维修保养制度。",
        "PS §三(四) the supply principles: only the fixed store with a ledger and the upkeep and "
        "dispatch rules are checked.",
    ),
    Text(
        "PS §三(三)、(五) 处置时限与实际处置过程（第一时间上报、统筹调度、抢救伤员等）：记录的是准"
        "备情况（上报类别、先期处置任务），实际事件处置不在记录中。",
        "PS §三(三), (五) how fast real incidents were reported and handled: the records hold the "
        "preparation (categories, tasks), not real incidents.",
    ),
    Text(
        "PS §一、§六“平战结合、专兼结合、值处结合”“负一秒响应”“六多”“三管三必须”等：原则与要求，无"
        "可检查的数字或事实；五句话目标中“功能场所固定”“外观标识统一”作为信息项报告，其余由队伍、"
        "到场时间、便民服务体现。",
        "PS §一, §六 principles and exhortations: nothing to check; of the five goal phrases, "
        "fixed "
        "premises and unified signs are reported, the rest show in the team, arrival and services "
        "checks.",
    ),
    Text(
        "SZ 按属地职能开展的培训（林区站点森林防灭火、人员搜救、三防培训）及小微型消防站升级新增三"
        "防、森防、地震职能：报道性描述，未给可检查的标准；林区站点只检查加配装备。",
        "SZ local training (forest fire, search, flood) and the upgrade of small fire stations: "
        "narrative, no checkable standard; forest-area stations are checked for their extra kit "
        "only.",
    ),
    Text(
        "SZ 新闻中的个案（门锁救助、S形站点、有毒有害生物清理等便民救助）与全市建站数量：叙述，非标"
        "准。",
        "SZ case stories (a child's hand in a lock, the S-shaped station, nuisance calls) and "
        "city-wide counts: narrative, not a standard.",
    ),
)

NOT_ENCODED_2023 = (
    *_COMMON,
    Text(
        "PS §五 各阶段的具体工作（调研、起草方案、督导、专题报告）：由区、街道承担，编码为滚动计划"
        "的里程碑及其佐证说明，不作站点要求；2023年评估验收七项内容为参数 evaluation_2023_items，其"
        "评分细则（附件1）不在文本中。",
        "PS §五 the phases' tasks are the district's and streets': encoded as milestones of the "
        "rollout programme, not as station requirements; the 2023 evaluation's seven items are "
        "parameter evaluation_2023_items, their scoring (attachment 1) is not in the text.",
    ),
)

NOT_ENCODED_2024 = (
    *_COMMON,
    Text(
        "PS 未给出2024年（巩固提升年）的实施步骤：2024版无滚动计划。",
        "PS gives no schedule for 2024 (the consolidation year): edition 2024 has no rollout "
        "programme.",
    ),
)
