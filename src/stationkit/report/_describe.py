"""A standard described as data (``show --json``) and as a documentation page (Markdown)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from stationkit.report._json import citation_json, text_json, value_json
from stationkit.report._programme_page import programme_markdown
from stationkit.standard import Citation, Programme
from stationkit.standard._outcome import OutcomeRule
from stationkit.standard._standard import Edition, Parameter, Requirement, Standard

if TYPE_CHECKING:  # the lifecycle wing stays unimported until used
    from stationkit.lifecycle import MachineExtension


def parameter_json(p: Parameter) -> dict[str, Any]:
    return {
        "name": p.name,
        "value": value_json(p.value),
        "unit": p.unit,
        "default": p.default,
        "title": text_json(p.title),
        "citation": citation_json(p.citation),
        "note": text_json(p.note) if p.note else None,
    }


def requirement_json(r: Requirement) -> dict[str, Any]:
    return {
        "id": r.id,
        "group": r.group,
        "title": text_json(r.title),
        "gate": r.gate,
        "weight": r.weight,
        "role": r.role.value,
        "monotone": r.monotone,
        "applies_to": {
            "subject": r.scope.subject,
            "kinds": sorted(r.scope.kinds),
            "levels": sorted(level.value for level in r.scope.levels),
        },
        "parameters": list(r.parameters),
        "citation": citation_json(r.citation),
    }


def _programme_json(programme: Programme) -> dict[str, Any]:
    describe = getattr(programme, "to_json", None)
    if callable(describe):  # a plugin's own, richer description
        result: dict[str, Any] = describe()
        return result
    return {
        "id": programme.id,
        "title": text_json(programme.title),
        "citation": citation_json(programme.citation) if programme.citation else None,
        "penalty_per_late": programme.penalty_per_late,
        "penalty_unit": text_json(programme.penalty_unit) if programme.penalty_unit else None,
        "milestones": [
            {
                "id": m.id,
                "title": text_json(m.title),
                "due": m.due.isoformat(),
                "window_start": m.window_start.isoformat() if m.window_start else None,
                "responsible": list(m.responsible),
                "evidence": text_json(m.evidence),
                "note": text_json(m.note) if m.note else None,
                "citation": citation_json(m.citation),
            }
            for m in programme.milestones
        ],
    }


def outcome_json(rule: OutcomeRule) -> dict[str, Any]:
    return {
        "kind": rule.kind.value,
        "title": text_json(rule.title),
        "default": rule.default,
        "citation": citation_json(rule.citation) if rule.citation else None,
        "note": text_json(rule.note) if rule.note else None,
    }


def _outcome_md(rule: OutcomeRule) -> list[str]:
    mark = " *default*" if rule.default else ""
    lines = [
        "## Acceptance 验收 (outcome)",
        "",
        f"Rule 规则: `{rule.kind.value}`{mark} — {rule.title.zh} / {rule.title.en}",
        "",
        "The report's `outcome` (and the exit code of `stationkit assess`) is this verdict; "
        "the grade is reported beside it. 报告的 `outcome`(及退出码)即此验收结论,评级另列。",
    ]
    if rule.citation:
        infer = " *inferred*" if rule.citation.inferred else ""
        lines += ["", f"- source 出处: {rule.citation.label()}{infer}: {rule.citation.quote}"]
    if rule.note:
        lines += [f"- {rule.note.zh} / {rule.note.en}"]
    return lines


_PERIOD_MD = [
    "## Assessed period 评估期",
    "",
    "“每年” counts a calendar year: the year assessed (`--year`, the API's `period`; "
    "default: the file's `year`, else the year of `--as-of`), 1 January to 31 December, "
    "never a rolling 365 days; records dated after `--as-of` do not count. "
    "“每年”按自然年计:评估年度(`--year`,默认为数据文件的 `year`,否则为评估日所在年),"
    "评估日之后的记录不计。",
]


def standard_json(std: Standard, ed: Edition, plugin: str | None = None) -> dict[str, Any]:
    """The documented ``show --json`` shape."""
    return {
        "id": std.id,
        "edition": ed.edition,
        "title": text_json(std.title),
        "edition_title": text_json(ed.title),
        "plugin": plugin,
        "sources": [
            {"key": s.key, "title": s.title, "issuer": s.issuer, "year": s.year}
            for s in std.sources
            if s.key in ed.sources
        ],
        "kinds": [
            {"id": k.id, "title": text_json(k.title), "subject": k.subject} for k in std.kinds
        ],
        "groups": [
            {"id": g.id, "title": text_json(g.title), "note": text_json(g.note) if g.note else None}
            for g in ed.groups
        ],
        "parameters": [parameter_json(p) for p in ed.parameters],
        "requirements": [requirement_json(r) for r in ed.requirements],
        "programmes": [_programme_json(p) for p in ed.programmes],
        "not_encoded": [text_json(t) for t in ed.not_encoded],
        "outcome_rule": outcome_json(ed.outcome_rule),
    }


def edition_diff(std: Standard, old: Edition, new: Edition) -> dict[str, Any]:
    """What changed from ``old`` to ``new``: parameters and requirements added, removed,
    changed (value or citation)."""
    op = {p.name: p for p in old.parameters}
    np_ = {p.name: p for p in new.parameters}
    orq = {r.id: r for r in old.requirements}
    nrq = {r.id: r for r in new.requirements}
    return {
        "standard": std.id,
        "from": old.edition,
        "to": new.edition,
        "parameters": {
            "added": sorted(set(np_) - set(op)),
            "removed": sorted(set(op) - set(np_)),
            "changed": [
                {
                    "name": n,
                    "from": value_json(op[n].value),
                    "to": value_json(np_[n].value),
                    "citation": citation_json(np_[n].citation),
                }
                for n in sorted(set(op) & set(np_))
                if op[n].value != np_[n].value or op[n].citation != np_[n].citation
            ],
        },
        "requirements": {
            "added": sorted(set(nrq) - set(orq)),
            "removed": sorted(set(orq) - set(nrq)),
            "changed": sorted(
                i
                for i in set(orq) & set(nrq)
                if (orq[i].citation, orq[i].gate, orq[i].weight, orq[i].group, orq[i].parameters)
                != (nrq[i].citation, nrq[i].gate, nrq[i].weight, nrq[i].group, nrq[i].parameters)
            ),
        },
    }


def _md(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def standard_markdown(
    std: Standard,
    ed: Edition,
    plugin: str | None = None,
    extensions: Sequence[MachineExtension] = (),
) -> str:
    """The generated documentation page of one edition: every parameter and requirement with
    its citation and the original quote; defaults and inferences marked; and the lifecycle
    machines' extensions for it (``extensions``), each addition with its source."""
    lines = [
        f"# {std.title.zh} / {std.title.en} — `{std.id}@{ed.edition}`",
        "",
        f"{ed.title.zh} / {ed.title.en}" + (f" (plugin `{plugin}`)" if plugin else ""),
        "",
        "## Sources 依据文件",
        "",
    ]
    for s in std.sources:
        if s.key in ed.sources:
            lines.append(
                f"- **{s.key}**: {s.title}" + (f" ({s.issuer}, {s.year})" if s.issuer else "")
            )
    if std.kinds:
        lines += ["", "## Kinds 类型", ""]
        lines += [f"- `{k.id}` {k.title.zh} / {k.title.en}" for k in std.kinds]
    lines += [
        "",
        "## Parameters 参数",
        "",
        "Values marked *default* are the plugin's own where the source is silent; "
        "*inferred* citations are readings the source does not state outright. "
        "标注 *default* 的为插件默认值（原文未规定），*inferred* 为推断。",
        "",
        "| name | value | unit | title 名称 | source 出处 | quote 原文 |",
        "|---|---|---|---|---|---|",
    ]
    for p in ed.parameters:
        value = value_json(p.value)
        mark = " *default*" if p.default else ""
        infer = " *inferred*" if p.citation.inferred else ""
        lines.append(
            f"| `{p.name}` | {_md(str(value))}{mark} | {p.unit or ''} | "
            f"{_md(p.title.zh)} / {_md(p.title.en)} | {p.citation.label()}{infer} | "
            f"{_md(p.citation.quote)} |"
        )
    groups = {g.id: g for g in ed.groups}
    lines += ["", "## Requirements 要求", ""]
    current = None
    for r in ed.requirements:
        if r.group != current:
            current = r.group
            g = groups.get(r.group)
            title = f"{g.title.zh} / {g.title.en}" if g else r.group
            lines += ["", f"### {title} (`{r.group}`)", ""]
            if g and g.note:
                lines += [f"{g.note.zh} / {g.note.en}", ""]
            lines += [
                "| id | title 名称 | gate 否决 | weight 权重 | parameters 参数 | "
                "source 出处 | quote 原文 |",
                "|---|---|---|---|---|---|---|",
            ]
        params = ", ".join(f"`{n}`" for n in r.parameters)
        role = "" if r.role.value == "scored" else f" ({r.role.value})"
        lines.append(
            f"| `{r.id}` | {_md(r.title.zh)} / {_md(r.title.en)}{role} | "
            f"{'yes' if r.gate else ''} | {r.weight:g} | {params} | "
            f"{r.citation.label()}{' *inferred*' if r.citation.inferred else ''} | "
            f"{_md(r.citation.quote)} |"
        )
    lines += ["", *_outcome_md(ed.outcome_rule), "", *_PERIOD_MD]
    lines += programme_markdown(ed)
    if ed.grading.bands or ed.grading.rank_caps:
        lines += ["", "## Grading 评级", ""]
        for b in ed.grading.bands:
            lines.append(f"- {b.grade} {b.title.zh} / {b.title.en}: score ≥ {b.min_score}")
        if ed.grading.pass_mark is not None:
            lines.append(f"- pass mark 合格线: {ed.grading.pass_mark}")
        for cap in ed.grading.rank_caps:
            lines.append(
                f"- rank cap 比例上限: {cap.grade} ≤ {cap.max_share} of a batch "
                f"({cap.citation.label()}: {cap.citation.quote})"
            )
    if extensions:
        lines += _extensions_markdown(extensions)
    if ed.not_encoded:
        lines += ["", "## Not encoded 未编码条款", ""]
        lines += [f"- {t.zh} / {t.en}" for t in ed.not_encoded]
    return "\n".join(lines) + "\n"


def _cited(citation: Citation | None) -> str:
    if citation is None:
        return " | "
    infer = " *inferred*" if citation.inferred else ""
    return f"{citation.label()}{infer} | {_md(citation.quote)}"


def _extensions_markdown(extensions: Sequence[MachineExtension]) -> list[str]:
    """What each extension adds to a core machine (``stationkit machines show`` draws it)."""
    lines = [
        "",
        "## Lifecycle extensions 生命周期扩展",
        "",
        "Additions to the core machines; `stationkit machines show MACHINE --standard ID@EDITION` "
        "draws the resolved machine. 对核心状态机的补充。",
    ]
    for ext in extensions:
        lines += ["", f"### `{ext.machine}` ({ext.label})", ""]
        if ext.citation is not None:
            lines += [f"{ext.citation.label()}: {ext.citation.quote}", ""]
        for state in ext.add_states:
            lines.append(f"- state 状态 `{state.name}`: {state.title.zh} / {state.title.en}")
        if ext.add_states:
            lines.append("")
        rows = [
            f"| `{t.trigger}` | {', '.join(f'`{s}`' for s in t.sources)} → `{t.dest}` | "
            f"{_md(t.title.zh)} / {_md(t.title.en)} | "
            f"{', '.join(f'`{g.name}`' for g in t.guards)} | {_cited(t.citation)} |"
            for t in ext.add_transitions
        ]
        rows += [
            f"| `{a.trigger}` | {f'`{a.source}`' if a.source else 'any'} | guard added 增加条件 | "
            f"`{a.guard.name}`: {_md(a.guard.description.zh)} / {_md(a.guard.description.en)} | "
            f"{_cited(a.guard.citation)} |"
            for a in ext.add_guards
        ]
        if rows:
            lines += [
                "| trigger 事件 | from → to | title 名称 | guards 条件 | source 出处 | quote 原文 |",
                "|---|---|---|---|---|---|",
                *rows,
            ]
    return lines
