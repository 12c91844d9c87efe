"""Write the generated pages of the documentation site (``make docs``).

- ``docs/standards/ID@EDITION.md`` for every installed standard edition: what
  ``stationkit show ID@EDITION`` prints;
- ``docs/standards/comparison.md``: the standards side by side, one column per edition, each
  cell a parameter of the plugin with its citation.

tests/test_generated_docs.py fails when a committed page differs from what the plugins
generate now.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

import stationkit as sk
from stationkit.monitor import rules_markdown
from stationkit.report._data_page import data_page
from stationkit.report._describe import standard_markdown
from stationkit.report._json import value_json
from stationkit.report._markup import md_cell as _md
from stationkit.standard import Text
from stationkit.standard._standard import Edition, Number, Parameter, Standard

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "standards"
PLUGINS = ["quanzhou", "pingshan", "xuanen"]
LIST_ITEMS_SHOWN = 6  # longer lists show their first items and a count (the edition's page has all)

#: The rows of the comparison: a topic and the parameters (by name, across the plugins) that
#: state it. A name no edition has is an error (tests/test_generated_docs.py), so a renamed
#: parameter cannot silently empty a row.
TOPICS: tuple[tuple[Text, tuple[str, ...]], ...] = (
    (Text("岗位", "posts"), ("posts_min", "post_duties", "posts_excluded_categories")),
    (
        Text("专职岗位", "full-time posts"),
        ("full_time_posts_min", "dedicated_staff_min", "dedicated_staff_categories"),
    ),
    (
        Text("队伍规模", "team size"),
        ("rescue_team_min", "team_size_min", "team_size_max", "enforcement_formal_min"),
    ),
    (Text("平均年龄", "average age"), ("rescue_average_age_max",)),
    (
        Text("培训", "trainings"),
        ("rescue_trainings_min", "training_kind", "training_core_skills"),
    ),
    (
        Text("响应时限", "response limits"),
        (
            "response_assemble_minutes",
            "response_depart_minutes",
            "response_arrive_minutes",
            "response_rescue_minutes",
            "arrival_minutes_max",
            "duty_around_the_clock",
        ),
    ),
    (
        Text("演练", "drills"),
        ("town_drills_min", "village_drills_min", "drills_min", "evacuation_drills_min"),
    ),
    (Text("预案", "plans"), ("required_plans", "plan_types")),
    (
        Text("通信", "communications"),
        ("satellite_phones_min", "screen_inches_min", "linked_platforms", "alarm_channels"),
    ),
    (Text("经费", "funding"), ("funding_construction_yuan",)),
)


class _Notes:
    """Footnotes: one per distinct citation, numbered in order of first use."""

    def __init__(self) -> None:
        self.order: list[tuple[str, str, bool]] = []

    def cite(self, label: str, quote: str, inferred: bool) -> str:
        key = (label, quote, inferred)
        if key not in self.order:
            self.order.append(key)
        return f"[^{self.order.index(key) + 1}]"

    def lines(self) -> list[str]:
        out = []
        for i, (label, quote, inferred) in enumerate(self.order, 1):
            mark = " *inferred 推断*" if inferred else ""
            text = f": “{_md(quote)}”" if quote else ""
            out.append(f"[^{i}]: **{label}**{mark}{text}")
        return out


def _once(cell: str) -> str:
    """A cell cites each footnote once: later repeats of a reference are dropped."""
    seen: set[str] = set()

    def keep(match: re.Match[str]) -> str:
        ref = match.group(0)
        if ref in seen:
            return ""
        seen.add(ref)
        return ref

    return re.sub(r"\[\^\d+\]", keep, cell)


def _value(p: Parameter) -> str:
    value = value_json(p.value)
    if isinstance(value, list):
        shown = "、".join(str(v) for v in value[:LIST_ITEMS_SHOWN])
        more = f" … ({len(value)})" if len(value) > LIST_ITEMS_SHOWN else ""
        text = f"{shown}{more}"
    elif isinstance(value, bool):
        text = "yes 是" if value else "no 否"
    else:
        text = str(value)
    unit = f" {p.unit}" if p.unit else ""
    default = " *default*" if p.default else ""
    return f"{_md(text)}{unit}{default}"


def _param_cell(ed: Edition, names: Sequence[str], notes: _Notes) -> str:
    parts = []
    for name in names:
        try:
            p = ed.parameter(name)
        except KeyError:
            continue
        c = p.citation
        parts.append(
            f"{_md(p.title.en)}: **{_value(p)}**{notes.cite(c.label(), c.quote, c.inferred)}"
        )
    return "<br>".join(parts) if parts else "— *not set 未规定*"


def _number(ed: Edition, n: Number, notes: _Notes) -> str:
    """A number of the scoring model: a literal, or a parameter (then cited)."""
    if isinstance(n, str):
        p = ed.parameter(n)
        c = p.citation
        return f"{value_json(p.value)}{notes.cite(c.label(), c.quote, c.inferred)}"
    return f"{n:g} *(plugin literal)*"


def _scoring_cell(ed: Edition, notes: _Notes) -> str:
    s = ed.scoring
    parts = [f"max {s.max_score:g}"]
    if s.shares:
        shares = ", ".join(f"`{g.group}` {_number(ed, g.share, notes)}" for g in s.shares)
        parts.append(f"group shares: {shares}")
    else:
        parts.append("groups split by requirement weight")
    if s.bonus_cap is not None:
        parts.append(f"bonus cap {_number(ed, s.bonus_cap, notes)}")
    deductions = [r for r in ed.requirements if r.role.value == "deduction"]
    if deductions:
        cites = "".join(
            notes.cite(r.citation.label(), r.citation.quote, r.citation.inferred)
            for r in deductions
        )
        parts.append(f"{len(deductions)} deduction requirement(s){cites}")
    return "<br>".join(parts)


def _outcome_cell(ed: Edition, notes: _Notes) -> str:
    g = ed.grading
    gates = [r for r in ed.requirements if r.gate]
    rule = ed.outcome_rule
    cite = (
        notes.cite(rule.citation.label(), rule.citation.quote, rule.citation.inferred)
        if rule.citation
        else ""
    )
    default = " (the plugin's default)" if rule.default else ""
    parts = [f"acceptance 验收: `{rule.kind.value}`{default}{cite}"]
    if gates:
        cites = "".join(
            notes.cite(r.citation.label(), r.citation.quote, r.citation.inferred) for r in gates[:3]
        )
        parts.append(f"fail on any of {len(gates)} gate(s) 否决项{cites}")
    if g.pass_mark is not None:
        parts.append(f"pass mark 合格线 {_number(ed, g.pass_mark, notes)}")
    for band in g.bands:
        parts.append(f"{band.grade} {band.title.zh} ≥ {_number(ed, band.min_score, notes)}")
    for cap in g.rank_caps:
        c = cap.citation
        share = _number(ed, cap.max_share, notes)
        parts.append(
            f"{cap.grade} ≤ {share} of a batch{notes.cite(c.label(), c.quote, c.inferred)}"
        )
    return "<br>".join(parts)


def comparison(editions: Sequence[tuple[Standard, Edition]]) -> str:
    """The comparison page: one column per standard and edition, each cell cited."""
    notes = _Notes()
    head = (
        "| topic 主题 | "
        + " | ".join(f"[`{s.id}@{e.edition}`]({s.id}@{e.edition}.md)" for s, e in editions)
        + " |"
    )
    rows = [head, "|---|" + "---|" * len(editions)]
    for title, names in TOPICS:
        cells = [_once(_param_cell(e, names, notes)) for _, e in editions]
        rows.append(f"| **{title.zh}** {title.en} | " + " | ".join(cells) + " |")
    rows.append(
        "| **计分模型** scoring model | "
        + " | ".join(_once(_scoring_cell(e, notes)) for _, e in editions)
        + " |"
    )
    rows.append(
        "| **结论规则** outcome rule | "
        + " | ".join(_once(_outcome_cell(e, notes)) for _, e in editions)
        + " |"
    )
    intro = [
        "# Cross-jurisdiction comparison 跨地区对比",
        "",
        "Generated by `tools/gen_docs.py` from the plugins' parameters: every figure is the "
        "plugin's named parameter, and every footnote gives the source document, section and "
        "original quote. *default* marks a plugin's own value where the source is silent; "
        "*not set* means the edition states nothing on the topic.",
        "",
        "由 `tools/gen_docs.py` 根据各插件的参数生成：每个数值都是插件中的具名参数，脚注给出文件、条款与原文。"
        "*default* 为原文未规定时的插件默认值；*not set 未规定* 表示该版本未对此作出规定。",
        "",
    ]
    return "\n".join([*intro, *rows, "", *notes.lines()]) + "\n"


def pages(registry: sk.Registry) -> dict[str, str]:
    """File name → content of every generated page of the registry's standards."""
    editions = [(std, ed) for std in registry.standards() for ed in std.editions]
    out = {
        f"{std.id}@{ed.edition}.md": standard_markdown(
            std,
            ed,
            registry.provider(std.id, ed.edition),
            registry.machine_extensions(std.id, ed.edition),
        )
        + rules_markdown(registry.monitor_rules(std.id, ed.edition))
        for std, ed in editions
    }
    if editions:
        out["comparison.md"] = comparison(editions)
    return out


def data_pages(registry: sk.Registry) -> dict[str, str]:
    """docs/data.md and docs/data.zh.md: "Writing your data", with each standard's words
    (its latest edition)."""
    latest = [(std, std.edition()) for std in registry.standards()]
    return {
        "data.md": data_page(latest, "en"),
        "data.zh.md": data_page(latest, "zh"),
    }


def main() -> None:
    registry = sk.Registry(strict=True)
    registry.load_entry_points(only=PLUGINS)
    OUT.mkdir(parents=True, exist_ok=True)
    for name, text in pages(registry).items():
        (OUT / name).write_text(text, encoding="utf-8")
        print(f"wrote docs/standards/{name}")
    for name, text in data_pages(registry).items():
        (OUT.parent / name).write_text(text, encoding="utf-8")
        print(f"wrote docs/{name}")


if __name__ == "__main__":
    main()
