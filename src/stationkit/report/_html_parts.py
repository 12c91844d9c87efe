"""The parts of the HTML report for what a report carries beside its score and findings:
acceptance and the rule that gave it, notes on the grade, warnings (unrecognised words,
expired waivers), tailoring, a finding's waiver and the stations a region finding counted.

Every string from input goes through :func:`esc` (via ``t`` and ``value``), like the rest of
the page.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from stationkit.assessment._report import Report
from stationkit.report._html_words import t, value, w
from stationkit.report._markup import esc
from stationkit.report._report_parts import (
    COUNTED,
    EXPIRED_WAIVER,
    LEFT_OUT,
    NOT_COUNTED,
    UNRECOGNISED,
    WAIVED,
    acceptance_parts,
    grade_notes,
    listed,
    more_text,
    rule_title,
    waiver_text,
)
from stationkit.standard._findings import Finding, Tally
from stationkit.standard._waiver import Waiver


def _ids(ids: Sequence[str], anchors: Mapping[str, str]) -> str:
    """Requirement or station ids as code; a station detailed on the page links to it."""
    shown, more = listed(ids)
    items = [
        f'<a href="#{anchors[i]}"><code>{esc(i)}</code></a>'
        if i in anchors
        else f"<code>{esc(i)}</code>"
        for i in shown
    ]
    if more:
        items.append(f'<span class="more">{t(more_text(more))}</span>')
    return ", ".join(items)


def acceptance_rows(r: Report) -> list[tuple[str, str]]:
    """Rows of the summary table: the acceptance verdict with what decided it, and the rule
    that gave it."""
    a = r.acceptance
    if a is None:
        return []
    (verdict, _), *reasons = acceptance_parts(a)
    badge = f'<span class="badge {"pass" if a.accepted else "fail"}">{t(verdict)}</span>'
    details = "".join(
        f'<div class="why">{t(text)}{": " + _ids(ids, {}) if ids else ""}</div>'
        for text, ids in reasons
    )
    return [
        (w("验收", "acceptance"), badge + details),
        (
            w("验收规则", "acceptance rule"),
            f"{t(rule_title(a.rule))} <code>{esc(a.rule)}</code>",
        ),
    ]


_NOTE_CLASS = {"capped": "cap", "provisional": "provisional", "population": "note"}


def grade_cell(r: Report) -> str:
    """The grade with its title and every note that qualifies it."""
    if not r.grade:
        return ""
    title = t(r.grade_title) if r.grade_title else ""
    notes = "".join(f' <span class="{_NOTE_CLASS[k]}">{t(n)}</span>' for k, n in grade_notes(r))
    return f"<code>{esc(r.grade)}</code> {title}{notes}"


def provisional_mark(r: Report) -> str:
    return (
        f' <span class="provisional">{w("暂定", "provisional")}</span>'
        if r.grade_provisional
        else ""
    )


def _waiver_item(wv: Waiver) -> str:
    return f"<li><code>{esc(wv.requirement)}</code> {t(waiver_text(wv))}</li>"


def warnings(r: Report) -> str:
    """What a reader must not miss: words a lenient run could not read, and waivers that
    had expired (and so were not applied)."""
    out: list[str] = []
    if r.unrecognised:
        rows = "".join(
            f"<tr><td><code>{esc(u.path)}</code></td><td><code>{esc(u.word)}</code></td>"
            f"<td><code>{esc(u.vocabulary)}</code></td>"
            f"<td>{', '.join(f'<code>{esc(s)}</code>' for s in u.suggestions) or '—'}</td></tr>"
            for u in r.unrecognised
        )
        out.append(
            f'<section class="warning unrecognised"><h3>⚠ {t(UNRECOGNISED)}</h3>'
            f'<table class="words"><thead><tr><th>{w("位置", "path")}</th>'
            f"<th>{w('词', 'word')}</th><th>{w('词表', 'vocabulary')}</th>"
            f"<th>{w('是否应为', 'did you mean')}</th></tr></thead><tbody>{rows}</tbody>"
            "</table></section>"
        )
    if r.expired_waivers:
        items = "".join(_waiver_item(wv) for wv in r.expired_waivers)
        out.append(
            f'<section class="warning expired"><h3>⚠ {t(EXPIRED_WAIVER)}</h3>'
            f"<ul>{items}</ul></section>"
        )
    return "".join(out)


def tailoring(r: Report) -> str:
    """The parameters a tailoring set (with the source's value and the reason), and the
    requirements it left out."""
    out: list[str] = []
    if r.overridden:
        rows = "".join(
            f"<tr><td><code>{esc(name)}</code></td><td>{value(o.value)}</td>"
            f"<td>{value(o.source_value)}</td><td>{esc(o.reason) if o.reason else '—'}</td></tr>"
            for name, o in r.overridden.items()
        )
        out.append(
            f'<h3>{w("调整参数", "tailored parameters")}</h3><table class="tailoring"><thead>'
            f"<tr><th>{w('参数', 'parameter')}</th><th>{w('采用值', 'value used')}</th>"
            f"<th>{w('原文值', 'source value')}</th><th>{w('理由', 'reason')}</th></tr></thead>"
            f"<tbody>{rows}</tbody></table>"
        )
    if r.left_out:
        out.append(
            f'<section class="left-out"><h3>{t(LEFT_OUT)}</h3><p>{_ids(r.left_out, {})}</p>'
            "</section>"
        )
    return "".join(out)


def waiver_note(f: Finding) -> str:
    """A finding's waiver: its status stays, marked waived, with who approved it until when."""
    if f.waiver is None:
        return ""
    return (
        f'<div class="waiver"><span class="waived">{t(WAIVED)}</span> '
        f"{t(waiver_text(f.waiver))}</div>"
    )


def tally_row(tally: Tally | None, columns: int, anchors: Mapping[str, str]) -> str:
    """A row under a region finding: the stations it counted, and those it did not, why."""
    if tally is None:
        return ""
    counted = _ids(tally.counted, anchors) or "—"
    body = f'<div class="counted">{t(COUNTED)} ({len(tally.counted)}): {counted}</div>'
    if tally.not_counted:
        shown, more = listed(tally.not_counted)
        items = "".join(f"<li>{_ids([n.id], anchors)} {t(n.reason)}</li>" for n in shown) + (
            f"<li>{t(more_text(more))}</li>" if more else ""
        )
        body += (
            f'<div class="not-counted">{t(NOT_COUNTED)} ({len(tally.not_counted)}):'
            f"<ul>{items}</ul></div>"
        )
    return f'<tr class="tally"><td colspan="{columns}">{body}</td></tr>'
