"""Reports as one self-contained HTML page: a dashboard for a batch, then every subject.

Styles, script and charts are inline (no network when the page is viewed); every text shows in
Chinese and English, with a switch to show one; print CSS lays it out for A4. Every string from
the input is escaped with :func:`html.escape`. The page is built by small functions, one per
section (:data:`SUBJECT_SECTIONS`), so a new field of the report is one more function.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import date
from importlib import resources

import attrs

from stationkit.assessment._report import Report
from stationkit.assessment._rollout import ProgrammeStatus, programme_statuses
from stationkit.records._model import LEVEL_TITLES, Dataset, Region, RegionLevel
from stationkit.report._html_parts import (
    acceptance_rows,
    grade_cell,
    provisional_mark,
    tailoring,
    tally_row,
    waiver_note,
    warnings,
)
from stationkit.report._html_words import t, w
from stationkit.report._html_words import value as _value
from stationkit.report._lang import Lang
from stationkit.report._markup import esc
from stationkit.report._render import _num
from stationkit.report._report_parts import PERIOD, WAIVED
from stationkit.report._spans import milestone_spans
from stationkit.report._svg import Bar, GanttRow, bar_chart, gantt_chart
from stationkit.standard._findings import Finding, Status
from stationkit.standard._standard import Edition
from stationkit.standard._text import Text

#: Subjects shown in full on one page (about 60 kB each): the dashboard counts every subject,
#: the page says how many more there are, and the JSON report has them all.
MAX_DETAILED_SUBJECTS = 500


@attrs.frozen
class Dashboard:
    """What the page shows beyond the reports: the edition (its groups, grades and
    programmes), the region trees, where each station stands, and the programme statuses."""

    edition: Edition | None = None
    regions: tuple[Region, ...] = ()
    station_regions: Mapping[str, str | None] = attrs.field(factory=dict)
    statuses: tuple[ProgrammeStatus, ...] = ()

    @classmethod
    def of(cls, edition: Edition, datasets: Iterable[Dataset], as_of: date) -> Dashboard:
        """The dashboard of the datasets assessed against ``edition`` as of a day."""
        sets = list(datasets)
        statuses: list[ProgrammeStatus] = []
        for dataset in sets:
            if edition.programmes and dataset.completions:
                statuses += programme_statuses(edition, dataset, as_of)
        return cls(
            edition=edition,
            regions=tuple(d.region for d in sets if d.region is not None),
            station_regions={s.id: s.region for d in sets for s in d.stations},
            statuses=tuple(statuses),
        )


# -- words -------------------------------------------------------------------------------------
_STATUS = {
    Status.MET: Text("符合", "met"),
    Status.NOT_MET: Text("不符合", "not met"),
    Status.MISSING_EVIDENCE: Text("缺少证据", "missing evidence"),
    Status.NOT_APPLICABLE: Text("不适用", "not applicable"),
}
_MILESTONE = {
    "pending": Text("待完成", "pending"),
    "done_on_time": Text("按期完成", "done on time"),
    "done_late": Text("逾期完成", "done late"),
    "overdue": Text("逾期未完成", "overdue"),
}
_OUTCOME = {"pass": Text("通过", "pass"), "fail": Text("未通过", "fail")}
_NEEDS_WORK = (Status.NOT_MET, Status.MISSING_EVIDENCE)
_CAPPED = ' <span class="cap"><span lang="zh">比例降级</span><span class="sep"> / </span><span lang="en">rank-capped</span></span>'
_ORDER = {Status.NOT_MET: 0, Status.MISSING_EVIDENCE: 1, Status.MET: 2, Status.NOT_APPLICABLE: 3}


def _badge(outcome: str) -> str:
    words = _OUTCOME.get(outcome, Text(outcome, outcome))
    return f'<span class="badge {"pass" if outcome == "pass" else "fail"}">{t(words)}</span>'


def _subject_name(r: Report) -> str:
    name = f" {esc(r.subject.name)}" if r.subject.name else ""
    return f"<code>{esc(r.subject.id)}</code>{name}"


def _anchor(index: int) -> str:
    # Ids from input may hold anything: anchors are positions, never input.
    return f"subject-{index + 1}"


def _group_titles(reports: Sequence[Report], edition: Edition | None) -> dict[str, Text]:
    titles = {g.id: g.title for g in edition.groups} if edition else {}
    for r in reports:
        for g in r.breakdown:
            titles.setdefault(g.group, g.title)
    return titles


# -- one subject -------------------------------------------------------------------------------
@attrs.frozen
class _Page:
    """What every section function may need."""

    reports: tuple[Report, ...]
    dashboard: Dashboard
    groups: Mapping[str, Text]
    detailed: int  # how many of ``reports`` (the first) the page shows in full
    #: The anchor of each station detailed on the page, for the stations a tally names.
    stations: Mapping[str, str] = attrs.field(factory=dict)


def _header(r: Report, i: int, page: _Page) -> str:
    kind = r.subject.subject
    return (
        f'<header><h2>{_subject_name(r)} {_badge(r.outcome)}</h2><p class="meta">'
        f"{w('类型', 'kind')}: <code>{esc(r.subject.kind)}</code> ({esc(kind)}) · "
        f"{w('标准', 'standard')}: <code>{esc(r.standard)}@{esc(r.edition)}</code> · "
        f"{w('截至', 'as of')} {r.as_of.isoformat()}</p></header>"
    )


def _summary(r: Report, i: int, page: _Page) -> str:
    rows = [
        (w("结论", "outcome"), _badge(r.outcome)),
        *acceptance_rows(r),
        (w("得分", "score"), f"<strong>{_num(r.score)}</strong> / {_num(r.max_score)}"),
    ]
    if r.bonus or r.deductions:
        rows.append(
            (
                w("加分 / 扣分", "bonus / deductions"),
                f"+{_num(r.bonus)} / −{_num(r.deductions)} ({w('基础分', 'base')} "
                f"{_num(r.base_score)})",
            )
        )
    if r.grade:
        rows.append((w("等级", "grade"), grade_cell(r)))
    if r.failed_gates:
        waived = r.acceptance.waived if r.acceptance else ()
        gates = ", ".join(
            f"<code>{esc(g)}</code>"
            + (f' <span class="waived">{t(WAIVED)}</span>' if g in waived else "")
            for g in r.failed_gates
        )
        rows.append((w("未通过否决项", "failed gates"), gates))
    if r.period is not None:
        rows.append((t(PERIOD), str(r.period)))
    body = "".join(f"<tr><th>{k}</th><td>{v}</td></tr>" for k, v in rows)
    return f'<table class="summary">{body}</table>'


def _breakdown(r: Report, i: int, page: _Page) -> str:
    if not r.breakdown:
        return ""
    bars = [
        Bar(
            g.title,
            g.points or 0.0,
            g.max_points,
            "bar" if g.points is not None and g.points >= g.max_points else "bar part",
            f"{'n/a' if g.points is None else _num(g.points)}/{_num(g.max_points)}",
        )
        for g in r.breakdown
    ]
    title = Text("分组得分", "score by group")
    return (
        f'<figure class="breakdown"><figcaption>{t(title)}</figcaption>'
        f"{bar_chart(bars, title=title)}</figure>"
    )


def _warnings(r: Report, i: int, page: _Page) -> str:
    return warnings(r)


def _tailoring(r: Report, i: int, page: _Page) -> str:
    return tailoring(r)


def _finding_row(f: Finding, page: _Page) -> str:
    gate = f' <span class="gate">{w("否决项", "gate")}</span>' if f.gate else ""
    remedy = t(f.remedy.text) if f.remedy and f.status in _NEEDS_WORK else ""
    note = f'<div class="note">{t(f.note)}</div>' if f.note else ""
    quote = (
        f'<blockquote lang="zh">{esc(f.citation.quote)}</blockquote>' if f.citation.quote else ""
    )
    inferred = (
        f' <span class="inferred">{w("推断", "inferred")}</span>' if f.citation.inferred else ""
    )
    waived = " is-waived" if f.waiver else ""
    return (
        f'<tr class="st-{f.status.value}{waived}"><td class="status">{t(_STATUS[f.status])}'
        f"</td><td><code>{esc(f.requirement)}</code>{gate}<div>{t(f.title)}</div>{note}"
        f"{waiver_note(f)}</td>"
        f"<td>{_value(f.observed)}</td><td>{_value(f.expected)}</td><td>{remedy}</td>"
        f'<td class="cite">{esc(f.citation.label())}{inferred}{quote}</td></tr>'
        f"{tally_row(f.tally, 6, page.stations)}"
    )


def _findings(r: Report, i: int, page: _Page) -> str:
    order: list[str] = []
    by_group: dict[str, list[Finding]] = {}
    for f in r.findings:
        if f.group not in by_group:
            order.append(f.group)
            by_group[f.group] = []
        by_group[f.group].append(f)
    out = [f"<h3>{w('检查结果', 'findings')}</h3>"]
    for group in order:
        # What needs work first, then what is met, then what does not apply.
        found = sorted(by_group[group], key=lambda f: _ORDER[f.status])
        title = page.groups.get(group, Text(group, group))
        work = sum(f.status in _NEEDS_WORK for f in found)
        count = f'<span class="count">{sum(f.status is Status.MET for f in found)}/{len(found)} {w("符合", "met")}</span>'
        flag = " needs-work" if work else ""
        out.append(
            f'<section class="group{flag}"><h4>{t(title)} <code>{esc(group)}</code> {count}'
            f'</h4><table class="findings"><colgroup><col class="c-status"><col class="c-req">'
            f'<col class="c-val"><col class="c-val"><col class="c-remedy"><col class="c-cite">'
            f"</colgroup><thead><tr><th>{w('状态', 'status')}</th>"
            f"<th>{w('要求', 'requirement')}</th><th>{w('实际', 'observed')}</th>"
            f"<th>{w('要求值', 'expected')}</th><th>{w('整改', 'remedy')}</th>"
            f"<th>{w('依据', 'citation')}</th></tr></thead><tbody>"
            + "".join(_finding_row(f, page) for f in found)
            + "</tbody></table></section>"
        )
    return "".join(out)


SectionFn = Callable[[Report, int, _Page], str]
#: The sections of one subject, in order. A new report field is one more function here.
SUBJECT_SECTIONS: tuple[SectionFn, ...] = (
    _header,
    _summary,
    _warnings,
    _breakdown,
    _tailoring,
    _findings,
)


def _subject(r: Report, i: int, page: _Page) -> str:
    body = "".join(section(r, i, page) for section in SUBJECT_SECTIONS)
    back = (
        f'<p class="back"><a href="#dashboard">{w("返回总览", "back to the dashboard")}</a></p>'
        if len(page.reports) > 1
        else ""
    )
    return f'<article class="subject" id="{_anchor(i)}">{body}{back}</article>'


# -- the dashboard -----------------------------------------------------------------------------
def _tiles(reports: Sequence[Report]) -> str:
    passed = sum(r.passed for r in reports)
    stations = sum(r.subject.subject == "station" for r in reports)
    tiles = [
        (w("评估对象", "assessed"), str(len(reports)), ""),
        (w("站点", "stations"), str(stations), ""),
        (w("区域", "regions"), str(len(reports) - stations), ""),
        (w("通过", "passed"), str(passed), "pass"),
        (w("未通过", "failed"), str(len(reports) - passed), "fail"),
    ]
    # What qualifies the counts, shown when it occurs: a clerk must not miss any of it.
    extra = [
        (w("等级暂定", "provisional grades"), sum(r.grade_provisional for r in reports), "caution"),
        (
            w("豁免项", "waived items"),
            sum(f.waiver is not None for r in reports for f in r.findings),
            "",
        ),
        (
            w("豁免已过期", "expired waivers"),
            sum(len(r.expired_waivers) for r in reports),
            "caution",
        ),
        (
            w("未识别的词", "unrecognised words"),
            sum(len(r.unrecognised) for r in reports),
            "caution",
        ),
    ]
    tiles += [(k, str(n), c) for k, n, c in extra if n]
    return (
        '<div class="tiles">'
        + "".join(
            f'<div class="tile {c}"><div class="big">{n}</div><div>{k}</div></div>'
            for k, n, c in tiles
        )
        + "</div>"
    )


def _outcome_chart(reports: Sequence[Report]) -> str:
    total = len(reports)
    passed = sum(r.passed for r in reports)
    bars = [
        Bar(_OUTCOME["pass"], passed, total, "bar pass", f"{passed}/{total}"),
        Bar(_OUTCOME["fail"], total - passed, total, "bar fail", f"{total - passed}/{total}"),
    ]
    return bar_chart(bars, title=Text("通过与未通过", "pass and fail"), css="chart outcomes")


def _grade_chart(reports: Sequence[Report], edition: Edition | None) -> str:
    counts = Counter(r.grade for r in reports if r.grade)
    if not counts:
        return ""
    titles: dict[str, Text] = {}
    if edition:
        bands = list(edition.grading.bands)
        if edition.grading.fail_grade:
            bands.append(edition.grading.fail_grade)
        titles = {b.grade: b.title for b in bands}
    for r in reports:
        if r.grade and r.grade_title:
            titles.setdefault(r.grade, r.grade_title)
    order = [g for g in titles if g in counts] + sorted(g for g in counts if g not in titles)
    bars = [
        Bar(
            titles.get(g, Text(g, g)),
            counts[g],
            len(reports),
            "bar fail"
            if edition and edition.grading.fail_grade and g == edition.grading.fail_grade.grade
            else "bar",
            f"{counts[g]}",
        )
        for g in order
    ]
    return bar_chart(bars, title=Text("等级分布", "grades"), css="chart grades")


def _failed_groups_chart(reports: Sequence[Report], groups: Mapping[str, Text]) -> str:
    failing: Counter[str] = Counter()
    for r in reports:
        failing.update({f.group for f in r.findings if f.status in _NEEDS_WORK})
    if not failing:
        return ""
    bars = [
        Bar(groups.get(g, Text(g, g)), n, len(reports), "bar fail", f"{n}/{len(reports)}")
        for g, n in failing.most_common(12)
    ]
    return bar_chart(
        bars, title=Text("最常未达标的分组", "groups most often failed"), css="chart groups"
    )


def _subtree_reports(
    node: Region, station_reports: Mapping[str, list[Report]], inside: dict[str, list[Report]]
) -> list[Report]:
    """Fill ``inside`` with the station reports in each node's subtree; return the node's."""
    own = list(station_reports.get(node.code, ()))
    for child in node.children:
        own += _subtree_reports(child, station_reports, inside)
    inside[node.code] = own
    return own


def _region_rows(
    node: Region,
    depth: int,
    inside: Mapping[str, list[Report]],
    region_reports: Mapping[str, tuple[int, Report]],
) -> Iterable[str]:
    """A row for ``node`` and for each node under it, down to townships."""
    if node.level is RegionLevel.VILLAGE:
        return
    own = inside[node.code]
    passed = sum(r.passed for r in own)
    provisional = sum(r.grade_provisional for r in own)
    covered = sum(bool(inside[child.code]) for child in node.children)
    verdict = ""
    if node.code in region_reports:
        index, report = region_reports[node.code]
        verdict = f'<a href="#{_anchor(index)}">{_badge(report.outcome)}</a>'
        verdict += provisional_mark(report)
    coverage = f"{covered}/{len(node.children)}" if node.children else "—"
    rate = f"{100 * passed / len(own):.0f}%" if own else "—"
    yield (
        f'<tr><td style="padding-left:{0.4 + depth * 1.2:.1f}em">'
        f"{esc(node.name)} <code>{esc(node.code)}</code></td>"
        f"<td>{w(*LEVEL_TITLES[node.level])}</td><td>{len(own)}</td><td>{passed}</td>"
        f"<td>{len(own) - passed}</td><td>{rate}</td><td>{provisional or '—'}</td>"
        f"<td>{coverage}</td><td>{verdict}</td></tr>"
    )
    for child in node.children:
        yield from _region_rows(child, depth + 1, inside, region_reports)


def _region_table(reports: Sequence[Report], dashboard: Dashboard) -> str:
    if not dashboard.regions:
        return ""
    station_reports: dict[str, list[Report]] = {}
    region_reports: dict[str, tuple[int, Report]] = {}
    for i, r in enumerate(reports):
        if r.subject.subject == "station":
            code = dashboard.station_regions.get(r.subject.id)
            if code is not None:
                station_reports.setdefault(code, []).append(r)
        else:
            region_reports[r.subject.id] = (i, r)
    rows: list[str] = []
    for root in dashboard.regions:
        inside: dict[str, list[Report]] = {}
        _subtree_reports(root, station_reports, inside)
        rows += _region_rows(root, 0, inside, region_reports)
    return (
        f'<h3>{w("分区情况", "by region")}</h3><p class="hint">'
        f"{w('覆盖：下一级单位中有站点的个数', 'coverage: units one level down with a station assessed')}"
        f'</p><table class="regions"><thead><tr><th>{w("区域", "region")}</th>'
        f"<th>{w('层级', 'level')}</th><th>{w('站点', 'stations')}</th>"
        f"<th>{w('通过', 'passed')}</th><th>{w('未通过', 'failed')}</th>"
        f"<th>{w('通过率', 'pass rate')}</th><th>{w('等级暂定', 'provisional')}</th>"
        f"<th>{w('覆盖', 'coverage')}</th>"
        f"<th>{w('区域结论', 'region verdict')}</th></tr></thead><tbody>"
        + "".join(rows)
        + "</tbody></table>"
    )


def _gantt(dashboard: Dashboard) -> str:
    if not dashboard.statuses or dashboard.edition is None:
        return ""
    programmes = {p.id: p for p in dashboard.edition.programmes}
    out = [f"<h3>{w('推进计划', 'rollout programme')}</h3>"]
    for status in dashboard.statuses:
        programme = programmes[status.programme]
        statuses = {m.milestone: m for m in status.milestones}
        rows = [
            GanttRow(
                Text(f"{m.id} {m.title.zh}", f"{m.id} {m.title.en}"),
                start,
                m.due,
                statuses[m.id].completed_on,
                statuses[m.id].status,
                _MILESTONE[statuses[m.id].status],
            )
            for m, start in milestone_spans(programme)
        ]
        counts: Counter[str] = Counter(s.status for s in status.milestones)
        legend = " ".join(
            f'<span class="legend g-{k}">{t(_MILESTONE[k])} {counts.get(k, 0)}</span>'
            for k in _MILESTONE
        )
        penalty = ""
        if status.penalty_total is not None:
            unit = t(status.penalty_unit) if status.penalty_unit else ""
            penalty = f" · {w('扣分', 'penalty')} {_num(status.penalty_total)} {unit}"
        out.append(
            f'<figure class="rollout"><figcaption>{t(programme.title)} — {w("截至", "as of")} '
            f"{status.as_of.isoformat()} · {w('逾期', 'late')} {status.late_count}{penalty}"
            f'</figcaption><p class="legends">{legend}</p>'
            f"{gantt_chart(rows, as_of=status.as_of, title=programme.title)}</figure>"
        )
    return "".join(out)


def _waived_mark(r: Report) -> str:
    n = sum(f.waiver is not None for f in r.findings)
    return f' <span class="waived">{w(f"豁免 {n} 项", f"{n} waived")}</span>' if n else ""


def _warned_mark(r: Report) -> str:
    n = len(r.unrecognised) + len(r.expired_waivers)
    return f' <span class="warn">⚠ {w(f"{n} 条提示", f"{n} warnings")}</span>' if n else ""


def _subject_index(reports: Sequence[Report], detailed: int) -> str:
    omitted = len(reports) - detailed
    more = (
        f'<p class="omitted">{w(f"另有 {omitted} 个对象未在本页详列", f"{omitted} more subjects are not detailed on this page")} '
        f"({w('上限', 'limit')} {detailed}; --format json)</p>"
        if omitted > 0
        else ""
    )
    rows = "".join(
        f'<tr><td><a href="#{_anchor(i)}">{_subject_name(r)}</a></td>'
        f"<td><code>{esc(r.subject.kind)}</code></td><td>{_badge(r.outcome)}"
        f"{_waived_mark(r)}</td>"
        f"<td>{_num(r.score)} / {_num(r.max_score)}</td>"
        f"<td>{esc(r.grade or '—')}{_CAPPED if r.rank_capped else ''}{provisional_mark(r)}</td>"
        f"<td>{sum(f.status in _NEEDS_WORK for f in r.findings)}{_warned_mark(r)}</td></tr>"
        for i, r in enumerate(reports[:detailed])
    )
    return (
        f'<h3>{w("评估对象", "subjects")}</h3>{more}<table class="index"><thead><tr>'
        f"<th>{w('对象', 'subject')}</th><th>{w('类型', 'kind')}</th>"
        f"<th>{w('结论', 'outcome')}</th><th>{w('得分', 'score')}</th>"
        f"<th>{w('等级', 'grade')}</th><th>{w('待整改', 'to fix')}</th></tr></thead>"
        f"<tbody>{rows}</tbody></table>"
    )


def _dashboard(page: _Page) -> str:
    reports = page.reports
    charts = "".join(
        f"<figure><figcaption>{w(*caption)}</figcaption>{svg}</figure>"
        for caption, svg in (
            (("通过与未通过", "pass and fail"), _outcome_chart(reports)),
            (("等级分布", "grades"), _grade_chart(reports, page.dashboard.edition)),
            (
                ("最常未达标的分组", "groups most often failed"),
                _failed_groups_chart(reports, page.groups),
            ),
        )
        if svg
    )
    return (
        f'<section id="dashboard" class="dashboard"><h2>{w("总览", "dashboard")}</h2>'
        f'{_tiles(reports)}<div class="charts">{charts}</div>'
        f"{_region_table(reports, page.dashboard)}{_gantt(page.dashboard)}"
        f"{_subject_index(reports, page.detailed)}</section>"
    )


# -- the page ----------------------------------------------------------------------------------
def _asset(name: str) -> str:
    return resources.files("stationkit.report").joinpath("assets", name).read_text("utf-8")


def render_html(
    reports: Sequence[Report],
    dashboard: Dashboard | None = None,
    *,
    title: Text | None = None,
    max_detailed: int = MAX_DETAILED_SUBJECTS,
    lang: Lang = "both",
) -> str:
    """The reports as one HTML page; a batch of more than one subject opens on a dashboard.

    The dashboard counts every report; the first ``max_detailed`` are shown in full. ``lang``
    is the language shown when the page opens; its switch shows the others."""
    board = dashboard or Dashboard()
    detailed = max(0, min(len(reports), max_detailed))
    anchors = {
        r.subject.id: _anchor(i)
        for i, r in enumerate(reports[:detailed])
        if r.subject.subject == "station"
    }
    page = _Page(tuple(reports), board, _group_titles(reports, board.edition), detailed, anchors)
    standards = sorted({f"{r.standard}@{r.edition}" for r in reports})
    heading = title or Text("应急管理站评估报告", "Station assessment report")
    dates = sorted({r.as_of.isoformat() for r in reports})
    subtitle = esc(", ".join(standards)) + (
        f" · {w('截至', 'as of')} {esc(', '.join(dates))}" if dates else ""
    )
    board_html = _dashboard(page) if len(reports) > 1 else ""
    subjects = "".join(_subject(r, i, page) for i, r in enumerate(reports[:detailed]))
    if not reports:
        subjects = f"<p>{w('没有评估对象', 'nothing was assessed')}</p>"
    return (
        f'<!DOCTYPE html>\n<html lang="{"en" if lang == "en" else "zh-CN"}" data-lang="{lang}">'
        '<head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        # The page needs nothing from the network: say so to the browser as well.
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
        "style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\">"
        f"<title>{esc(heading.zh)} / {esc(heading.en)}</title>"
        f"<style>{_asset('report.css')}</style></head><body>"
        f'<nav class="lang-switch" aria-label="language"><button data-set-lang="zh">中文</button>'
        f'<button data-set-lang="en">English</button><button data-set-lang="both">'
        f"中文 + English</button></nav>"
        f'<header class="page"><h1>{t(heading)}</h1><p>{subtitle}</p></header>'
        f"<main>{board_html}{subjects}</main>"
        f"<footer><p>stationkit — {w('由标准插件生成，引用原文', 'generated from the standard plugins, citing the sources')}</p></footer>"
        f"<script>{_asset('report.js')}</script></body></html>\n"
    )
