"""Reports for people: terminal text (colour on a TTY) and Markdown, in Chinese and English."""

from __future__ import annotations

from collections.abc import Sequence

from stationkit.assessment._report import Report
from stationkit.report._escape import markdown, printable
from stationkit.report._lang import Lang, label, say
from stationkit.standard._findings import Finding, Status

_MARK = {
    Status.MET: ("✓", "32"),
    Status.NOT_MET: ("✗", "31"),
    Status.MISSING_EVIDENCE: ("?", "33"),
    Status.NOT_APPLICABLE: ("-", "90"),
}
_STATUS_TEXT = {
    Status.MET: "符合 met",
    Status.NOT_MET: "不符合 not met",
    Status.MISSING_EVIDENCE: "缺少证据 missing evidence",
    Status.NOT_APPLICABLE: "不适用 not applicable",
}


def _num(x: float) -> str:
    """Points for people: at most two decimals, no trailing zeros (reports keep full values)."""
    return f"{round(x, 2):g}"


_NEEDS_WORK = (Status.NOT_MET, Status.MISSING_EVIDENCE)


def _paint(text: str, code: str, colour: bool) -> str:
    return f"\x1b[{code}m{text}\x1b[0m" if colour else text


def _short(value: object) -> str:
    """A value for one line of a report: shortened, control and bidi characters escaped."""
    text = str(value)
    return printable(text if len(text) <= 90 else text[:87] + "...")


def _finding_lines(f: Finding, colour: bool, lang: Lang) -> list[str]:
    mark, code = _MARK[f.status]
    gate = f" [{label('否决项', 'gate', lang)}]" if f.gate else ""
    title = printable(say(f.title, lang))
    lines = [f"  {_paint(mark, code, colour)} {printable(f.requirement)}{gate}  {title}"]
    if f.status is not Status.MET and f.status is not Status.NOT_APPLICABLE:
        lines.append(
            f"      {label('实际', 'observed', lang)}: {_short(f.observed)}   "
            f"{label('要求', 'expected', lang)}: {_short(f.expected)}"
        )
        if f.remedy:
            remedy = printable(say(f.remedy.text, lang))
            lines.append(f"      {label('整改', 'remedy', lang)}: {remedy}")
        lines.append(f"      {label('依据', 'cite', lang)}: {printable(f.citation.label())}")
    if f.waiver:
        w = f.waiver
        lines.append(
            f"      {label('豁免', 'waived', lang)}: {printable(w.justification)} "
            f"({printable(w.approved_by)}, {label('有效至', 'expires', lang)} {w.expires.isoformat()})"
        )
    if f.note and f.status is Status.NOT_APPLICABLE:
        lines.append(f"      {printable(say(f.note, lang))}")
    return lines


def _acceptance(r: Report, lang: Lang) -> str:
    a = r.acceptance
    if a is None:
        return ""
    parts = [
        label("通过", "accepted", lang) if a.accepted else label("未通过", "not accepted", lang)
    ]
    if a.not_met:
        parts.append(f"{label('未达标', 'not met', lang)}: " + ", ".join(a.not_met))
    if a.waived:
        parts.append(f"{label('豁免', 'waived', lang)}: " + ", ".join(a.waived))
    if a.below_pass_mark:
        parts.append(label("低于合格线", "below the pass mark", lang))
    return "; ".join(parts)


def render_text(
    reports: Sequence[Report], *, colour: bool = False, every: bool = False, lang: Lang = "both"
) -> str:
    """Each report with its score breakdown and the findings that need work (``every``: all
    findings, met ones included), in Chinese, English or both (``lang``)."""
    out: list[str] = []
    for r in reports:
        verdict = _paint(
            label("通过", "PASS", lang) if r.passed else label("未通过", "FAIL", lang),
            "32" if r.passed else "31",
            colour,
        )
        name = f" {printable(r.subject.name)}" if r.subject.name else ""
        out.append(
            f"{printable(r.subject.id)}{name} ({printable(r.subject.kind)}) — "
            f"{r.standard}@{r.edition} "
            f"{label('截至', 'as of', lang, both='as of')} {r.as_of.isoformat()}"
        )
        capped = f" ({label('比例限制', 'rank cap', lang)})" if r.rank_capped else ""
        if r.grade_provisional:
            capped += f" ({label('暂定', 'provisional', lang)})"
        graded = f"  {label('等级', 'grade', lang)}: {r.grade}{capped}" if r.grade else ""
        out.append(
            f"  {verdict}  {label('得分', 'score', lang)}: {_num(r.score)}/{_num(r.max_score)}"
            f"{graded}"
        )
        for g in r.breakdown:
            pts = "n/a" if g.points is None else f"{_num(g.points)}"
            title = label(g.title.zh, g.title.en, lang, both=f"{g.title.zh} {g.title.en}")
            met = label("项符合", "met", lang, both="met")
            out.append(f"    {title}: {pts}/{_num(g.max_points)} ({g.met}/{g.applicable} {met})")
        if r.bonus or r.deductions:
            parts = ([f"{label('加分', 'bonus', lang)}: +{_num(r.bonus)}"] if r.bonus else []) + (
                [f"{label('扣分', 'deductions', lang)}: -{_num(r.deductions)}"]
                if r.deductions
                else []
            )
            out.append("    " + "   ".join(parts))
        if r.acceptance is not None:
            out.append(
                f"    {label('验收', 'acceptance', lang)} ({r.acceptance.rule}): "
                f"{_acceptance(r, lang)}"
            )
        for name_, o in r.overridden.items():
            why = f" — {o.reason}" if o.reason else ""
            out.append(
                f"    {label('调整参数', 'overridden', lang)}: {name_} = {o.value!r} "
                f"({label('原值', 'source', lang, both='source 原值')} {o.source_value!r}){why}"
            )
        if r.left_out:
            out.append(f"    {label('未选', 'left out', lang)}: {', '.join(r.left_out)}")
        for w in r.expired_waivers:
            out.append(
                f"    {label('豁免已过期,不予采用', 'expired waiver ignored', lang)}: "
                f"{w.requirement} ({w.expires.isoformat()})"
            )
        for u in r.unrecognised:
            close = f" (did you mean {', '.join(u.suggestions)}?)" if u.suggestions else ""
            out.append(f"    unrecognised 未识别词: {u.path} = {u.word!r} [{u.vocabulary}]{close}")
        shown = [f for f in r.findings if every or f.status in _NEEDS_WORK]
        for f in shown:
            out.extend(_finding_lines(f, colour, lang))
        hidden = len(r.findings) - len(shown)
        if hidden:
            more = label(
                "其余符合或不适用",
                "more met or not applicable",
                lang,
                both="more met or not applicable 其余符合或不适用",
            )
            out.append(f"  ({hidden} {more}; --all lists them)")
        out.append("")
    passed = sum(r.passed for r in reports)
    if lang == "zh":
        out.append(f"共评估 {len(reports)} 个, 通过 {passed} 个, 未通过 {len(reports) - passed} 个")
    else:
        out.append(f"{len(reports)} assessed, {passed} passed, {len(reports) - passed} failed")
    return "\n".join(out)


def _cell(value: object) -> str:
    text = str(value)
    return markdown(text if len(text) <= 90 else text[:87] + "...")


def render_markdown(reports: Sequence[Report]) -> str:
    out: list[str] = []
    for r in reports:
        name = f" {markdown(r.subject.name)}" if r.subject.name else ""
        out.append(f"## {markdown(r.subject.id)}{name} — {r.standard}@{r.edition}\n")
        out.append(f"- as of 截至: {r.as_of.isoformat()}")
        out.append(f"- outcome 结论: **{r.outcome}**")
        out.append(
            f"- score 得分: {_num(r.score)} / {_num(r.max_score)}"
            + (
                f" (bonus +{_num(r.bonus)}, deductions -{_num(r.deductions)})"
                if r.bonus or r.deductions
                else ""
            )
        )
        if r.grade:
            out.append(f"- grade 等级: {r.grade}" + (" (rank cap)" if r.rank_capped else ""))
        for name_, o in r.overridden.items():
            out.append(
                f"- overridden 调整参数: `{name_}` = {o.value!r} (source {o.source_value!r})"
            )
        for u in r.unrecognised:
            out.append(f"- unrecognised 未识别词: `{u.path}` = {u.word!r} ({u.vocabulary})")
        if r.breakdown:
            out.append("\n| group 分组 | points 得分 | max 满分 | met 符合 |\n|---|---|---|---|")
            for g in r.breakdown:
                pts = "n/a" if g.points is None else f"{_num(g.points)}"
                out.append(
                    f"| {g.title.zh} {g.title.en} | {pts} | {_num(g.max_points)} | "
                    f"{g.met}/{g.applicable} |"
                )
        out.append(
            "\n| requirement 要求 | status 状态 | observed 实际 | expected 要求值 | "
            "remedy 整改 | citation 依据 |\n|---|---|---|---|---|---|"
        )
        for f in r.findings:
            remedy = f"{f.remedy.text.zh} / {f.remedy.text.en}" if f.remedy else ""
            out.append(
                f"| {_cell(f.requirement)} {_cell(f.title.zh)} | {_STATUS_TEXT[f.status]} | "
                f"{_cell(f.observed)} | {_cell(f.expected)} | {_cell(remedy)} | "
                f"{_cell(f.citation.label())} |"
            )
        out.append("")
    return "\n".join(out)
