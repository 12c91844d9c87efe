"""Reports for people: terminal text (colour on a TTY) and Markdown, in Chinese and English."""

from __future__ import annotations

from collections.abc import Sequence

from stationkit.assessment._report import Report
from stationkit.report._escape import markdown, printable
from stationkit.report._lang import Lang, label, say
from stationkit.report._report_parts import (
    COUNTED,
    EXPIRED_WAIVER,
    LEFT_OUT,
    NOT_COUNTED,
    PERIOD,
    UNRECOGNISED,
    WAIVED,
    acceptance_parts,
    grade_notes,
    listed,
    more_text,
    rule_title,
    waiver_text,
)
from stationkit.standard._findings import Finding, Status, Tally
from stationkit.standard._text import Text

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


def _ids(ids: Sequence[str]) -> str:
    shown, more = listed(ids)
    return ", ".join(printable(i) for i in shown) + (f" (+{more})" if more else "")


def _tally_lines(tally: Tally, lang: Lang) -> list[str]:
    """The stations a region finding counted, and those it did not with the reason."""
    lines = [f"      {say(COUNTED, lang)} ({len(tally.counted)}): {_ids(tally.counted) or '—'}"]
    if tally.not_counted:
        lines.append(f"      {say(NOT_COUNTED, lang)} ({len(tally.not_counted)}):")
        shown, more = listed(tally.not_counted)
        lines += [f"        {printable(n.id)}: {printable(say(n.reason, lang))}" for n in shown]
        if more:
            lines.append(f"        ({say(more_text(more), lang)})")
    return lines


def _finding_lines(f: Finding, colour: bool, lang: Lang) -> list[str]:
    mark, code = _MARK[f.status]
    gate = f" [{label('否决项', 'gate', lang)}]" if f.gate else ""
    waived = f" [{say(WAIVED, lang)}]" if f.waiver else ""
    title = printable(say(f.title, lang))
    lines = [f"  {_paint(mark, code, colour)} {printable(f.requirement)}{gate}{waived}  {title}"]
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
        lines.append(f"      {say(WAIVED, lang)}: {printable(say(waiver_text(f.waiver), lang))}")
    if f.tally is not None:
        lines += _tally_lines(f.tally, lang)
    if f.note and f.status is Status.NOT_APPLICABLE:
        lines.append(f"      {printable(say(f.note, lang))}")
    return lines


def _acceptance(r: Report, lang: Lang) -> list[str]:
    """The acceptance verdict with what decided it, and the rule that gave it."""
    a = r.acceptance
    if a is None:
        return []
    parts = [
        say(text, lang) + (": " + _ids(ids) if ids else "") for text, ids in acceptance_parts(a)
    ]
    return [
        f"    {label('验收', 'acceptance', lang)}: {'; '.join(parts)}",
        f"      {label('验收规则', 'rule', lang)} ({printable(a.rule)}): "
        f"{printable(say(rule_title(a.rule), lang))}",
    ]


def _grade(r: Report, lang: Lang) -> str:
    if not r.grade:
        return ""
    title = f" {printable(say(r.grade_title, lang))}" if r.grade_title else ""
    notes = "".join(f" ({say(n, lang)})" for _, n in grade_notes(r))
    return f"  {label('等级', 'grade', lang)}: {printable(r.grade)}{title}{notes}"


def _extras(r: Report, lang: Lang) -> list[str]:
    """Tailoring, expired waivers and unrecognised words: never hidden by a short report."""
    out: list[str] = []
    for name_, o in r.overridden.items():
        why = f" — {printable(o.reason)}" if o.reason else ""
        out.append(
            f"    {label('调整参数', 'overridden', lang)}: {printable(name_)} = "
            f"{_short(repr(o.value))} ({label('原值', 'source', lang, both='source 原值')} "
            f"{_short(repr(o.source_value))}){why}"
        )
    if r.left_out:
        out.append(f"    {say(LEFT_OUT, lang)}: {_ids(r.left_out)}")
    for w in r.expired_waivers:
        out.append(
            f"    ! {say(EXPIRED_WAIVER, lang)}: {printable(w.requirement)} "
            f"({label('有效至', 'expired', lang)} {w.expires.isoformat()}; "
            f"{printable(say(waiver_text(w), lang))})"
        )
    if r.unrecognised:
        out.append(f"    ! {say(UNRECOGNISED, lang)}:")
        for u in r.unrecognised:
            close = (
                f" ({label('是否应为', 'did you mean', lang)} "
                f"{', '.join(printable(s) for s in u.suggestions)}?)"
                if u.suggestions
                else ""
            )
            out.append(
                f"      {printable(u.path)} = {_short(repr(u.word))} "
                f"[{printable(u.vocabulary)}]{close}"
            )
    return out


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
        period = f", {say(PERIOD, lang)} {r.period}" if r.period is not None else ""
        out.append(
            f"{printable(r.subject.id)}{name} ({printable(r.subject.kind)}) — "
            f"{printable(r.standard)}@{printable(r.edition)} "
            f"{label('截至', 'as of', lang, both='as of')} {r.as_of.isoformat()}{period}"
        )
        out.append(
            f"  {verdict}  {label('得分', 'score', lang)}: {_num(r.score)}/{_num(r.max_score)}"
            f"{_grade(r, lang)}"
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
        out += _acceptance(r, lang)
        out += _extras(r, lang)
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


def _md(text: Text) -> str:
    """Text from a standard or a report, both languages, for a Markdown page."""
    return markdown(say(text, "both"))


def _md_ids(ids: Sequence[str]) -> str:
    shown, more = listed(ids)
    return ", ".join(markdown(i) for i in shown) + (f" (+{more})" if more else "")


def _md_summary(r: Report) -> list[str]:
    """The lines under a subject's heading: outcome and acceptance, score, grade, tailoring,
    warnings."""
    out = [f"- as of 截至: {r.as_of.isoformat()}"]
    if r.period is not None:
        out.append(f"- {_md(PERIOD)}: {r.period}")
    out.append(f"- outcome 结论: **{markdown(r.outcome)}**")
    a = r.acceptance
    if a is not None:
        parts = [
            _md(text) + (": " + _md_ids(ids) if ids else "") for text, ids in acceptance_parts(a)
        ]
        out.append(f"- acceptance 验收: **{parts[0]}**" + "".join(f"; {p}" for p in parts[1:]))
        out.append(f"  - rule 规则 ({markdown(a.rule)}): {_md(rule_title(a.rule))}")
    out.append(
        f"- score 得分: {_num(r.score)} / {_num(r.max_score)}"
        + (
            f" (bonus +{_num(r.bonus)}, deductions -{_num(r.deductions)})"
            if r.bonus or r.deductions
            else ""
        )
    )
    if r.grade:
        title = f" {_md(r.grade_title)}" if r.grade_title else ""
        notes = "".join(f" ({_md(n)})" for _, n in grade_notes(r))
        out.append(f"- grade 等级: {markdown(r.grade)}{title}{notes}")
    for name_, o in r.overridden.items():
        why = f" — {markdown(o.reason)}" if o.reason else ""
        out.append(
            f"- overridden 调整参数: {markdown(name_)} = {_cell(repr(o.value))} "
            f"(source 原值 {_cell(repr(o.source_value))}){why}"
        )
    if r.left_out:
        out.append(f"- {_md(LEFT_OUT)}: {_md_ids(r.left_out)}")
    for w in r.expired_waivers:
        out.append(f"- ⚠ {_md(EXPIRED_WAIVER)}: {markdown(w.requirement)} — {_md(waiver_text(w))}")
    return out


def _md_unrecognised(r: Report) -> list[str]:
    if not r.unrecognised:
        return []
    out = [
        f"\n### ⚠ {_md(UNRECOGNISED)}\n",
        "| path 位置 | word 词 | vocabulary 词表 | did you mean 是否应为 |\n|---|---|---|---|",
    ]
    out += [
        f"| {_cell(u.path)} | {_cell(u.word)} | {_cell(u.vocabulary)} | "
        f"{_cell(', '.join(u.suggestions))} |"
        for u in r.unrecognised
    ]
    return out


def _md_notes(r: Report) -> list[str]:
    """Under the findings table: each waiver in force, and each region finding's tally."""
    out: list[str] = []
    waived = [f for f in r.findings if f.waiver is not None]
    if waived:
        out.append(f"\n### {_md(WAIVED)}\n")
        out += [
            f"- {markdown(f.requirement)}: {_md(waiver_text(f.waiver))}"
            for f in waived
            if f.waiver is not None
        ]
    tallied = [f for f in r.findings if f.tally is not None]
    if tallied:
        out.append(f"\n### {_md(COUNTED)}\n")
    for f in tallied:
        if f.tally is None:
            continue
        out.append(
            f"- {markdown(f.requirement)}: {_md(COUNTED)} ({len(f.tally.counted)}): "
            f"{_md_ids(f.tally.counted) or '—'}"
        )
        shown, more = listed(f.tally.not_counted)
        if shown:
            out.append(f"  - {_md(NOT_COUNTED)} ({len(f.tally.not_counted)}):")
            out += [f"    - {markdown(n.id)}: {_md(n.reason)}" for n in shown]
        if more:
            out.append(f"    - {_md(more_text(more))}")
    return out


def render_markdown(reports: Sequence[Report]) -> str:
    out: list[str] = []
    for r in reports:
        name = f" {markdown(r.subject.name)}" if r.subject.name else ""
        out.append(
            f"## {markdown(r.subject.id)}{name} — {markdown(r.standard)}@{markdown(r.edition)}\n"
        )
        out += _md_summary(r)
        out += _md_unrecognised(r)
        if r.breakdown:
            out.append("\n| group 分组 | points 得分 | max 满分 | met 符合 |\n|---|---|---|---|")
            for g in r.breakdown:
                pts = "n/a" if g.points is None else f"{_num(g.points)}"
                out.append(
                    f"| {_cell(g.title.zh)} {_cell(g.title.en)} | {pts} | "
                    f"{_num(g.max_points)} | {g.met}/{g.applicable} |"
                )
        out.append(
            "\n| requirement 要求 | status 状态 | observed 实际 | expected 要求值 | "
            "remedy 整改 | citation 依据 |\n|---|---|---|---|---|---|"
        )
        for f in r.findings:
            remedy = f"{f.remedy.text.zh} / {f.remedy.text.en}" if f.remedy else ""
            status = _STATUS_TEXT[f.status] + (f", {WAIVED.en} {WAIVED.zh}" if f.waiver else "")
            out.append(
                f"| {_cell(f.requirement)} {_cell(f.title.zh)} | {status} | "
                f"{_cell(f.observed)} | {_cell(f.expected)} | {_cell(remedy)} | "
                f"{_cell(f.citation.label())} |"
            )
        out += _md_notes(r)
        out.append("")
    return "\n".join(out)
