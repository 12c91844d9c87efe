"""A standard described as data (``show --json``) and as a documentation page (Markdown)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from stationkit.report._json import citation_json, text_json, value_json
from stationkit.report._programme_page import programme_markdown
from stationkit.report._rules_page import (
    grading_json,
    grading_markdown,
    machines_json,
    machines_markdown,
    resolved_machines,
    scoring_json,
    scoring_markdown,
)
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
        "vocabulary": p.vocabulary,
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


def standard_json(
    std: Standard,
    ed: Edition,
    plugin: str | None = None,
    extensions: Sequence[MachineExtension] = (),
) -> dict[str, Any]:
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
        "scoring": scoring_json(ed),
        "grading": grading_json(ed),
        "machines": machines_json(resolved_machines(extensions, ed.edition)),
    }


def _changed(old: Any, new: Any) -> dict[str, Any] | None:
    return None if old == new else {"from": old, "to": new}


def _keyed_diff(old: list[dict[str, Any]], new: list[dict[str, Any]], key: str) -> dict[str, Any]:
    before = {item[key]: item for item in old}
    after = {item[key]: item for item in new}
    return {
        "added": sorted(set(after) - set(before)),
        "removed": sorted(set(before) - set(after)),
        "changed": sorted(k for k in set(before) & set(after) if before[k] != after[k]),
    }


def judging_diff(old: Edition, new: Edition) -> dict[str, Any]:
    """How judging changed: the outcome rule, grading (with values), programmes (by id, and
    milestones by id) and the not-encoded list."""
    old_texts = {(t.zh, t.en) for t in old.not_encoded}
    new_texts = {(t.zh, t.en) for t in new.not_encoded}
    old_programmes = [_programme_json(p) for p in old.programmes]
    new_programmes = [_programme_json(p) for p in new.programmes]
    milestones: dict[str, Any] = {}
    for p in {p["id"] for p in old_programmes} & {p["id"] for p in new_programmes}:
        a = next(x for x in old_programmes if x["id"] == p)
        b = next(x for x in new_programmes if x["id"] == p)
        milestones[p] = _keyed_diff(a["milestones"], b["milestones"], "id")
    return {
        "outcome_rule": _changed(outcome_json(old.outcome_rule), outcome_json(new.outcome_rule)),
        "grading": _changed(grading_json(old), grading_json(new)),
        "scoring": _changed(scoring_json(old), scoring_json(new)),
        "programmes": {
            **_keyed_diff(old_programmes, new_programmes, "id"),
            "milestones": milestones,
        },
        "not_encoded": {
            "added": [{"zh": zh, "en": en} for zh, en in sorted(new_texts - old_texts)],
            "removed": [{"zh": zh, "en": en} for zh, en in sorted(old_texts - new_texts)],
        },
    }


def edition_diff(std: Standard, old: Edition, new: Edition) -> dict[str, Any]:
    """What changed from ``old`` to ``new``: parameters and requirements added, removed,
    changed (value or citation); the outcome rule, scoring, grading, programmes and the
    not-encoded list (see :func:`judging_diff`)."""
    op = {p.name: p for p in old.parameters}
    np_ = {p.name: p for p in new.parameters}
    orq = {r.id: r for r in old.requirements}
    nrq = {r.id: r for r in new.requirements}
    return {
        **judging_diff(old, new),
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
    its citation and the original quote; defaults and inferences marked; the outcome rule,
    the assessed period, scoring and grading with their values, programmes with their dates,
    the lifecycle machines' extensions for it (``extensions``), each addition with its
    source, and the machines as resolved; what is not encoded. Each section once."""
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
    # One section per group, in the groups' order, whatever order the requirements come in
    # (a later edition appends its new requirements at the end).
    order = [g.id for g in ed.groups]
    order += [r.group for r in ed.requirements if r.group not in order]
    by_group = {gid: [r for r in ed.requirements if r.group == gid] for gid in order}
    for gid, reqs in by_group.items():
        if not reqs:
            continue
        g = groups.get(gid)
        title = f"{g.title.zh} / {g.title.en}" if g else gid
        lines += ["", f"### {title} (`{gid}`)", ""]
        if g and g.note:
            lines += [f"{g.note.zh} / {g.note.en}", ""]
        lines += [
            "| id | title 名称 | gate 否决 | weight 权重 | parameters 参数 | "
            "source 出处 | quote 原文 |",
            "|---|---|---|---|---|---|---|",
        ]
        for r in reqs:
            params = ", ".join(f"`{n}`" for n in r.parameters)
            role = "" if r.role.value == "scored" else f" ({r.role.value})"
            lines.append(
                f"| `{r.id}` | {_md(r.title.zh)} / {_md(r.title.en)}{role} | "
                f"{'yes' if r.gate else ''} | {r.weight:g} | {params} | "
                f"{r.citation.label()}{' *inferred*' if r.citation.inferred else ''} | "
                f"{_md(r.citation.quote)} |"
            )
    lines += ["", *_outcome_md(ed.outcome_rule), "", *_PERIOD_MD]
    lines += ["", *scoring_markdown(ed)]
    grading = grading_markdown(ed)
    if grading:
        lines += ["", *grading]
    lines += programme_markdown(ed)
    if extensions:
        lines += _extensions_markdown(extensions)
        lines += ["", *machines_markdown(resolved_machines(extensions, ed.edition))]
    if ed.not_encoded:
        lines += ["", "## Not encoded 未编码条款", ""]
        lines += [f"- {t.zh} / {t.en}" for t in ed.not_encoded]
    text = "\n".join(lines).rstrip("\n") + "\n"
    return text.replace("\n\n\n", "\n\n")


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
