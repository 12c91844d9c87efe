"""The page "Writing your data" (docs/data.md, docs/data.zh.md), generated from the code: the
vocabularies with their aliases, the normalisation, the totals that may stand for lists, and
the spreadsheet layout. A test keeps the committed pages current."""

from __future__ import annotations

import typing
from collections.abc import Sequence

import attrs

from stationkit.records._convert import LOCAL_TIME
from stationkit.records._core_vocabularies import CORE_VOCABULARIES
from stationkit.records._layout import layout
from stationkit.records._model import (
    VOCABULARY,
    AgeBand,
    CategoryCount,
    Dataset,
    DrillTotal,
    PostTotals,
    Region,
    Team,
    TrainingTotal,
    VillageTotals,
)
from stationkit.records._tables import NONE_WORDS, SHEET_LABELS
from stationkit.records._vocabulary import OPTIONAL_WORDS, REGION_SUFFIXES, Vocabulary
from stationkit.standard._standard import Edition, Standard
from stationkit.standard._vocabularies import kind_vocabulary

#: The totals, and for Team and Region the fields they add to a record that also has lists.
SUMMARIES: tuple[tuple[type, tuple[str, ...] | None], ...] = (
    (Team, ("headcount", "average_age", "age_bands", "insured", "equipped")),
    (AgeBand, None),
    (PostTotals, None),
    (CategoryCount, None),
    (TrainingTotal, None),
    (DrillTotal, None),
    (VillageTotals, None),
    (Region, ("drills", "informants", "grid_staff", "posts")),
)

_T = {
    "title": ("Writing your data", "填写数据"),
    "intro": (
        "A dataset is a YAML, JSON, Excel (.xlsx) or CSV file of facts: the region tree, the "
        "stations and what each has. Write them in the documents' own words or in codes, as "
        "lists (rosters) or as totals: loading maps every word to its vocabulary term and "
        "checks every reference, or stops with an error naming the file, the field path (or "
        "the sheet, row and column), the word and the closest terms (exit 2). Nothing is "
        "dropped or misread silently. `stationkit schema --standard ID` gives the same rules "
        "as a JSON Schema.",
        "数据集是一个 YAML、JSON、Excel（.xlsx）或 CSV 文件，记录事实：区域树、站点及其各项情况。"
        "可以用文件原文的说法或代码填写，可以逐人逐项列出，也可以只填合计：加载时每个词都对应到词表"
        "中的条目，每个引用都经过核对；否则报错并指出文件、字段路径（或工作表、行、列）、所填的词和"
        "最接近的条目（退出码 2）。不会有任何记录被悄悄丢弃或误读。`stationkit schema --standard ID`"
        " 以 JSON Schema 给出同样的规则。",
    ),
    "words": ("Words and vocabularies", "词语与词表"),
    "words_text": (
        "Every word a rule compares belongs to a vocabulary: a term has a code, a Chinese and "
        "an English name and aliases. Before comparing, a word is normalised: full-width forms "
        "become half-width (NFKC); anything in brackets is dropped (`(2024年修订)`, "
        "`（试行）`); a year (`2024年`, `2024年度`) and a trailing 修订/修订版/试行 are dropped; "
        "punctuation and spaces are dropped; Latin letters are lower-cased; and the optional "
        "words {optional} are dropped. When the word still matches no term, a leading region "
        "name of the dataset's tree (`石狮市蚶江镇`) or a placeholder (`XX镇`, `某街道`) is "
        "stripped and the word tried again.",
        "规则比较的每个词都属于一个词表：条目有代码、中文名、英文名和别名。比较前先规范化："
        "全角转半角（NFKC）；去掉括号中的内容（`(2024年修订)`、`（试行）`）；去掉年份"
        "（`2024年`、`2024年度`）和末尾的“修订/修订版/试行”；去掉标点和空格；英文字母转小写；"
        "去掉可省略的词 {optional}。仍不匹配时，去掉开头的区域名称（数据集区域树中的名称，如"
        "`石狮市蚶江镇`）或占位写法（`XX镇`、`某街道`）后再试。",
    ),
    "closed_text": (
        "A **closed** vocabulary refuses a word that is no term (exit 2, with suggestions); "
        "`stationkit assess --lenient` keeps such words instead and lists them under "
        "`unrecognised` in the report. An **open** vocabulary (plans a town may add, duties, "
        "ledgers...) keeps unknown words and always lists them under `unrecognised`: a rule "
        "that looks for a term never takes an unknown word for it.",
        "**封闭**词表不接受表外的词（退出码 2，并给出建议）；`stationkit assess --lenient` 改为保留"
        "这些词，并在报告的 `unrecognised` 中列出。**开放**词表（乡镇可增加的预案、岗位职责、台账等）"
        "保留表外的词，并总在 `unrecognised` 中列出：规则不会把表外的词当成所要的条目。",
    ),
    "fields_text": (
        "Which fields hold words of which vocabulary (a field whose vocabulary the standard in "
        "use does not declare is kept as written: none of its rules compare it). A standard's "
        "parameters that list such words hold codes of the same vocabulary (checked when the "
        "plugin is registered), and a tailored value (`--set wall_maps=...`, `parameters=`, "
        "a tailoring file) is mapped through the vocabulary too: an alias becomes its code, a "
        "word that is no term is refused (exit 2) naming the parameter, the word and the "
        "closest terms.",
        "下表列出各字段的词属于哪个词表（所用标准未声明该词表的字段按原文保留：其规则不比较它）。"
        "标准中列出这类词的参数，存的是同一词表的代码（插件注册时检查）；覆盖参数的值（`--set "
        "wall_maps=...`、`parameters=`、覆盖文件）同样经词表映射：别名换成代码，表外的词被拒绝"
        "（退出码 2），并指出参数、该词和最接近的条目。",
    ),
    "head_vocab_fields": (
        "| field | vocabulary |\n|---|---|",
        "| 字段 | 词表 |\n|---|---|",
    ),
    "why": ("Why {kind}", "为何{kind}"),
    "regions": ("Regions", "区域"),
    "regions_text": (
        "A station's `region` (and a drill's `village`) is a code of the region tree or a name "
        "naming exactly one node: its name (`蚶江镇`), its ancestors' names before it "
        "(`石狮市湖滨街道`), or its name without the level suffix ({suffixes}), e.g. `蚶江`. "
        "When several nodes match and one lies above all the others (the town 蚶江镇 over its "
        "village 蚶江村), that one is meant; otherwise the name is ambiguous and the error "
        "lists the candidates. Region-level findings list the stations they counted and those "
        "they did not, with the reason (`stations` in the finding's JSON).",
        "站点的 `region`（以及演练的 `village`）填区域树中的代码，或只指向一个节点的名称：节点名称"
        "（`蚶江镇`）、带上级名称的全称（`石狮市湖滨街道`），或去掉层级后缀（{suffixes}）的简称，如"
        "`蚶江`。多个节点匹配、其中一个是其余节点的上级时（蚶江镇与其下的蚶江村），取上级；否则名称"
        "有歧义，报错并列出候选。区域级结论列出计入的站点和未计入的站点及原因（结论 JSON 中的 "
        "`stations`）。",
    ),
    "totals": ("Totals instead of lists", "合计代替名单"),
    "totals_text": (
        "Every count or average a rule reads may be given as a total instead of (or beside) "
        "the list. Rules use the list when there is one and the total otherwise; a finding "
        'computed from a total shows `observed` as `{"value", "source": "summary", '
        '"path"}`. A total that disagrees with the list beside it, or an impossible total '
        "(7 full-time of 6 posts; an average age of 150), is an error naming both paths. What "
        "a total cannot prove (that each village drilled, not just 12 drills) is missing "
        "evidence, with a remedy saying what to record. Empty lists and totals of zero are "
        'facts: an empty cell or an absent field means "not recorded".',
        "规则读取的每个数量或平均数，都可以用合计代替名单（或与名单并存）。有名单时用名单，否则用"
        '合计；由合计得出的结论，其 `observed` 为 `{"value", "source": "summary", "path"}`。'
        "合计与并存的名单不一致，或合计不可能成立（6 个岗位中 7 个专职；平均年龄 150 岁），报错并"
        "指出两处路径。合计无法证明的（每个村都演练过，而不只是共 12 次演练）报告为缺少证据，并说明"
        "应补充记录什么。空名单和为零的合计是事实；空单元格或缺少的字段表示“未记录”。",
    ),
    "villages_text": (
        "Village-level facts (drills, informants, grid staff, posts) may sit on the village's "
        "own node of the region tree; a township's rules read them from there as well as "
        "from the station.",
        "村级情况（演练、信息员、网格员、岗位）可以记在区域树中该村自己的节点上；乡镇的规则会同时"
        "读取村节点和站点上的记录。",
    ),
    "times": ("Dates and times", "日期和时间"),
    "times_text": (
        "Dates are `YYYY-MM-DD`. Timestamps are `YYYY-MM-DDTHH:MM[:SS]`, with or without a UTC "
        "offset; both the schema and loading accept exactly this. A timestamp without an "
        "offset is China Standard Time ({tz}, UTC+8); one with an offset is converted to it. "
        "So `2025-05-01T01:00:00Z` and `2025-05-01T09:00:00` are the same moment.",
        "日期写作 `YYYY-MM-DD`。时间写作 `YYYY-MM-DDTHH:MM[:SS]`，可带或不带 UTC 时差；schema 与加载"
        "接受的格式完全相同。不带时差的时间按北京时间（{tz}，UTC+8）理解；带时差的时间换算为北京时间。"
        "因此 `2025-05-01T01:00:00Z` 与 `2025-05-01T09:00:00` 是同一时刻。",
    ),
    "sheets": ("Spreadsheets", "电子表格"),
    "sheets_text": (
        "`stationkit assess stations.xlsx` reads a workbook; `stationkit template ID@EDITION "
        "--out stations.xlsx` writes an empty one with Chinese headers and drop-down lists of "
        "the standard's terms. One row per station on the stations sheet; each list of a "
        "station on a further sheet whose rows name the station (`station` / 站点编号), and "
        "lists inside those (a team's members) also the 1-based row of their team. Column "
        "names may be the codes below or their Chinese names; units in brackets are ignored "
        "(`卫星电话(部)`). A list of words is one cell separated by 、 , ; or new lines; {none} "
        'means "recorded, none". Scores a reviewer gave (Pingshan\'s district scoring a '
        "street's modules) go on the `given_scores` sheet (评分), one row a subject and "
        "requirement. A CSV file holds one sheet, in UTF-8 or in GB18030/GBK (what Excel on a "
        "Chinese Windows writes; the report says which: `inputs` in the JSON): the stations, "
        "or the given scores (or completions) when every heading of its first row names a "
        "column of that sheet. Every problem names the file, sheet, row and column.",
        "`stationkit assess stations.xlsx` 读取工作簿；`stationkit template ID@版本 --out "
        "stations.xlsx` 生成空白模板，表头为中文，并带有该标准词表的下拉列表。站点表每行一个站点；"
        "站点的各类清单放在其他工作表，每行写明所属站点（`station` / 站点编号），清单中的清单（队伍的"
        "队员）还写明所属队伍在队伍表中的序号（从 1 起）。列名可用下表的代码或中文名；括号中的单位"
        "不影响识别（`卫星电话(部)`）。一组词写在一个单元格里，用、，；或换行分隔；{none} 表示“已"
        "记录，没有”。评审给出的分数（如坪山区对街道各模块的评分）填在 `given_scores` 表（评分），"
        "每行一个对象的一个评分项目。CSV 文件只含一张表，可为 UTF-8 或 GB18030/GBK（中文 Windows 上"
        " Excel 的默认编码；报告会写明所用编码，即 JSON 中的 `inputs`）：一般为站点表；若首行的每个"
        "列名都是评分表（或完成情况表）的列，则为该表。每个问题都指出文件、工作表、行和列。",
    ),
    "vocabs": ("The vocabularies", "词表"),
    "core": ("Core vocabularies", "核心词表"),
    "closed": ("closed", "封闭"),
    "open": ("open", "开放"),
    "filled": (
        "terms come from the standard in use (below)",
        "条目由所用标准提供（见下）",
    ),
    "std": ("{id}@{edition}: its own words", "{id}@{edition} 的专用词"),
    "head_terms": (
        "| code | 中文 | English | aliases |\n|---|---|---|---|",
        "| 代码 | 中文 | 英文 | 别名 |\n|---|---|---|---|",
    ),
    "head_fields": (
        "| field | type | meaning |\n|---|---|---|",
        "| 字段 | 类型 | 含义 |\n|---|---|---|",
    ),
    "head_cols": (
        "| column | 中文表头 | also accepted |\n|---|---|---|",
        "| 列 | 中文表头 | 也可写作 |\n|---|---|---|",
    ),
    "sheet": ("Sheet", "工作表"),
    "generated": (
        "<!-- generated by tools/gen_docs.py from the code: do not edit -->",
        "<!-- 由 tools/gen_docs.py 根据代码生成：请勿手改 -->",
    ),
}


def _t(key: str, lang: str) -> str:
    en, zh = _T[key]
    return zh if lang == "zh" else en


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _terms(vocab: Vocabulary, lang: str) -> list[str]:
    lines = [_t("head_terms", lang)]
    for term in vocab.terms:
        aliases = "、".join(f"`{a}`" for a in term.aliases) or "—"
        lines.append(
            f"| `{_cell(term.code)}` | {_cell(term.zh)} | {_cell(term.en) or '—'} | {aliases} |"
        )
    return lines


def _vocab_title(vocab: Vocabulary, lang: str) -> str:
    kind = _t("closed" if vocab.closed else "open", lang)
    name = vocab.zh if lang == "zh" else vocab.en
    return f"#### `{vocab.id}` — {name} ({kind})"


def _why(vocab: Vocabulary, lang: str) -> list[str]:
    """The vocabulary's reason for being closed or open, when it gives one."""
    why = vocab.why_zh if lang == "zh" else vocab.why
    if not why:
        return []
    kind = _t("closed" if vocab.closed else "open", lang)
    return [f"*{_t('why', lang).format(kind=kind)}:* {why}", ""]


def _vocabulary_fields(lang: str) -> list[str]:
    """Every record field that holds vocabulary words, as ``Class.field``, from the model."""
    lines = [_t("head_vocab_fields", lang)]
    seen: set[type] = set()
    todo: list[type] = [Dataset]
    while todo:
        cls = todo.pop(0)
        if cls in seen:
            continue
        seen.add(cls)
        hints = typing.get_type_hints(cls)
        for field in attrs.fields(cls):
            vocab_id = field.metadata.get(VOCABULARY)
            if vocab_id is not None:
                lines.append(f"| `{cls.__name__}.{field.name}` | `{vocab_id}` |")
            todo += [t for t in _record_types(hints[field.name]) if t not in seen]
    return lines


def _record_types(tp: object) -> list[type]:
    """The attrs classes inside a type hint (``tuple[Team, ...] | None`` → ``[Team]``)."""
    if isinstance(tp, type) and attrs.has(tp):
        return [tp]
    return [t for arg in typing.get_args(tp) for t in _record_types(arg)]


#: What each field of the totals means, (en, zh).
MEANINGS: dict[str, tuple[str, str]] = {
    "headcount": ("people in the team", "队伍人数"),
    "average_age": ("their average age (years)", "平均年龄（岁）"),
    "age_bands": ("how many people in each age band", "各年龄段人数"),
    "insured": ("people with accident insurance", "购买意外伤害保险的人数"),
    "equipped": ("people with protective equipment", "配备防护装备的人数"),
    "min_age": ("lowest age of the band", "年龄段下限"),
    "max_age": ("highest age of the band", "年龄段上限"),
    "count": ("how many", "数量"),
    "total": ("how many in all", "总数"),
    "full_time": ("how many of them are full-time", "其中专职的数量"),
    "by_category": ("how many of each category", "各类别的数量"),
    "category": ("the post category (vocabulary post_category)", "岗位类别（词表 post_category）"),
    "year": ("the year the total covers", "合计所属年度"),
    "kind": ("the kind (its vocabulary)", "类型（对应词表）"),
    "reported": ("how many were reported to the county", "已报送县应急局的次数"),
    "photographed": ("how many have photos", "留有照片的次数"),
    "reviewed": ("how many were reviewed afterwards", "已复盘评估的次数"),
    "town": ("true: the town's own drills; false: villages'", "true：镇级演练；false：村级演练"),
    "with_evacuation_drill": (
        "villages that held an evacuation drill this year",
        "本年开展过转移避险演练的村数",
    ),
    "with_informant": ("villages with an informant", "有信息员的村数"),
    "with_grid_staff": ("villages with grid staff", "有网格员的村数"),
    "drills": ("the village's own drills", "本村的演练"),
    "informants": ("the village's informants", "本村的信息员"),
    "grid_staff": ("the village's grid staff", "本村的网格员"),
    "posts": ("the village's posts", "本村的岗位"),
}


def _type_name(tp: object) -> str:
    text = str(tp).replace("typing.", "").replace("stationkit.records._model.", "")
    text = text.replace("<class '", "").replace("'>", "")
    for optional in ("Optional[int]", "int | None"):
        text = text.replace(optional, "int")
    return text.replace(" | None", "")


def _fields(cls: type, only: tuple[str, ...] | None, lang: str) -> list[str]:
    hints = typing.get_type_hints(cls)
    lines = [f"### `{cls.__name__}`", "", " ".join((cls.__doc__ or "").split()), ""]
    lines.append(_t("head_fields", lang))
    for field in attrs.fields(cls):
        if only is not None and field.name not in only:
            continue
        en, zh = MEANINGS.get(field.name, ("", ""))
        meaning = zh if lang == "zh" else en
        lines.append(f"| `{field.name}` | `{_cell(_type_name(hints[field.name]))}` | {meaning} |")
    return [*lines, ""]


def _sheets(lang: str) -> list[str]:
    lines: list[str] = []
    for sheet in layout().sheets:
        title = (SHEET_LABELS.get(sheet.name) or (sheet.name,))[0]
        lines += [f"#### {_t('sheet', lang)} `{sheet.name}` ({title})", "", _t("head_cols", lang)]
        names = sheet.headers()
        for column in sheet.columns:
            term = names.term(column.name)
            also = "、".join(f"`{a}`" for a in term.aliases) or "—"
            zh = term.zh if term.zh != term.code else "—"
            lines.append(f"| `{column.name}` | {_cell(zh)} | {also} |")
        lines.append("")
    return lines


def data_page(standards: Sequence[tuple[Standard, Edition]], lang: str = "en") -> str:
    """The page in ``lang`` (``en`` or ``zh``), listing the core vocabularies and the own
    words of each of ``standards`` (one edition each)."""
    optional = "、".join(f"`{w}`" for w in OPTIONAL_WORDS)
    suffixes = "、".join(REGION_SUFFIXES)
    none = " / ".join(f"`{w}`" for w in sorted(NONE_WORDS))
    out = [
        _t("generated", lang),
        f"# {_t('title', lang)}",
        "",
        _t("intro", lang),
        "",
        f"## {_t('words', lang)}",
        "",
        _t("words_text", lang).replace("{optional}", optional),
        "",
        _t("closed_text", lang),
        "",
        _t("fields_text", lang),
        "",
        *_vocabulary_fields(lang),
        "",
        f"## {_t('regions', lang)}",
        "",
        _t("regions_text", lang).replace("{suffixes}", suffixes),
        "",
        f"## {_t('totals', lang)}",
        "",
        _t("totals_text", lang),
        "",
        _t("villages_text", lang),
        "",
    ]
    for cls, only in SUMMARIES:
        out += _fields(cls, only, lang)
    out += [
        f"## {_t('times', lang)}",
        "",
        _t("times_text", lang).replace("{tz}", str(LOCAL_TIME)),
        "",
        f"## {_t('sheets', lang)}",
        "",
        _t("sheets_text", lang).replace("{none}", none),
        "",
        *_sheets(lang),
        f"## {_t('vocabs', lang)}",
        "",
        f"### {_t('core', lang)}",
        "",
    ]
    for vocab in CORE_VOCABULARIES:
        out += [_vocab_title(vocab, lang), "", *_why(vocab, lang)]
        out += _terms(vocab, lang) if vocab.terms else [f"*{_t('filled', lang)}*"]
        out.append("")
    for standard, edition in standards:
        title = _t("std", lang).format(id=standard.id, edition=edition.edition)
        out += [f"### {title}", ""]
        for vocab in (kind_vocabulary(standard), *edition.vocabularies):
            if vocab.terms:
                out += [_vocab_title(vocab, lang), "", *_why(vocab, lang)]
                out += [*_terms(vocab, lang), ""]
    return "\n".join(out).rstrip() + "\n"
