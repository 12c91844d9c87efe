"""The parts of a standard's page that say how it judges: scoring and grading with their
values, and the lifecycle machines as resolved (Mermaid state diagrams)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from stationkit.report._json import citation_json, text_json, value_json
from stationkit.standard._standard import Edition, Number, Role

#: Why ties at a rank cap's cut are demoted and left to the reviewer (docs and pages).
TIE_RULE = (
    "Ties at the cut: the sources give no tie-break, so every subject tied at the cut is "
    "demoted (the cap is never exceeded, and no tie is broken by input order) and its grade is "
    "marked provisional (`rank_tie`): the reviewer who applies the cap decides between them. "
    "并列于限额边界者一律降一档并标注暂定,由评审机关裁定。"
)
POPULATION_RULE = (
    "A cap counts the population declared (`assess --cap-over FILE`, the API's `population=`); "
    "without one it counts the subjects of the run, and the capped grades are provisional. "
    "比例按所声明的评估总体计;未声明时按本次评估的对象计,等级标注暂定。"
)


def _number(ed: Edition, number: Number | None) -> dict[str, Any] | None:
    """A figure with the parameter that holds it: ``{value, parameter, default}``."""
    if number is None:
        return None
    if not isinstance(number, str):
        return {"value": number, "parameter": None, "default": False}
    param = ed.parameter(number)
    return {"value": value_json(param.value), "parameter": number, "default": param.default}


def _show(ed: Edition, number: Number | None) -> str:
    figure = _number(ed, number)
    if figure is None:
        return "—"
    if figure["parameter"] is None:
        return f"{figure['value']:g}" if isinstance(figure["value"], float) else str(number)
    mark = " *default*" if figure["default"] else ""
    return f"{figure['value']} (`{figure['parameter']}`{mark})"


def scoring_json(ed: Edition) -> dict[str, Any]:
    model = ed.scoring
    return {
        "max_score": model.max_score,
        "shares": [{"group": s.group, "share": _number(ed, s.share)} for s in model.shares],
        "bonus_cap": _number(ed, model.bonus_cap),
        "bonuses": [r.id for r in ed.requirements if r.role is Role.BONUS],
        "deductions": [r.id for r in ed.requirements if r.role is Role.DEDUCTION],
        "informational": [r.id for r in ed.requirements if r.role is Role.INFO],
    }


def grading_json(ed: Edition) -> dict[str, Any]:
    g = ed.grading
    return {
        "bands": [
            {"grade": b.grade, "title": text_json(b.title), "min_score": _number(ed, b.min_score)}
            for b in g.bands
        ],
        "pass_mark": _number(ed, g.pass_mark),
        "fail_grade": (
            {"grade": g.fail_grade.grade, "title": text_json(g.fail_grade.title)}
            if g.fail_grade
            else None
        ),
        "rank_caps": [
            {
                "grade": c.grade,
                "max_share": _number(ed, c.max_share),
                "subject": c.subject,
                "citation": citation_json(c.citation),
            }
            for c in g.rank_caps
        ],
        "tie_rule": TIE_RULE if g.rank_caps else None,
    }


def scoring_markdown(ed: Edition) -> list[str]:
    model = ed.scoring
    groups = {g.id: g.title for g in ed.groups}
    lines = ["## Scoring 计分", "", f"- maximum 满分: {model.max_score:g}"]
    for s in model.shares:
        title = groups.get(s.group)
        name = f"{title.zh} / {title.en}" if title else s.group
        lines.append(f"- share 权重 `{s.group}` ({name}): {_show(ed, s.share)}")
    if not model.shares:
        lines.append("- groups share the maximum by their requirements' weights 各组按权重分配")
    else:
        lines.append(
            "- shares are rescaled over the groups a subject is assessed on "
            "(各组权重按适用的组重新折算)"
        )
    for role, zh, en in (
        (Role.BONUS, "加分", "bonus"),
        (Role.DEDUCTION, "扣分", "deduction"),
        (Role.INFO, "仅报告", "reported, not scored"),
    ):
        reqs = [r for r in ed.requirements if r.role is role]
        for r in reqs:
            params = ", ".join(f"{n} = {value_json(ed.parameter(n).value)}" for n in r.parameters)
            lines.append(
                f"- {en} {zh}: `{r.id}` {r.title.zh} / {r.title.en}"
                + (f" ({params})" if params else "")
            )
    if model.bonus_cap is not None:
        lines.append(f"- bonus cap 加分上限: {_show(ed, model.bonus_cap)}")
    lines.append(
        "- score 得分 = max(base − deductions, 0) + min(bonus, cap); "
        "a failed gate grades 不合格 whatever the score 否决项不达标即不合格"
    )
    return lines


def grading_markdown(ed: Edition) -> list[str]:
    g = ed.grading
    if not g.bands and not g.rank_caps:
        return []
    lines = ["## Grading 评级", ""]
    for b in g.bands:
        lines.append(f"- {b.grade} {b.title.zh} / {b.title.en}: score ≥ {_show(ed, b.min_score)}")
    if g.fail_grade:
        lines.append(f"- {g.fail_grade.grade} {g.fail_grade.title.zh} / {g.fail_grade.title.en}")
    if g.pass_mark is not None:
        lines.append(f"- pass mark 合格线: {_show(ed, g.pass_mark)}")
    lines.append(
        "- a tailored minimum never reorders the bands: each is at least the minimum of the "
        "bands below it 调整分数线不改变等级次序"
    )
    for cap in g.rank_caps:
        lines.append(
            f"- rank cap 比例上限: {cap.grade} ≤ {_show(ed, cap.max_share)} of the "
            f"{cap.subject}s ({cap.citation.label()}: {cap.citation.quote})"
        )
    if g.rank_caps:
        lines += [f"- {POPULATION_RULE}", f"- {TIE_RULE}"]
    return lines


def machines_json(machines: Mapping[str, tuple[tuple[str, ...], str]]) -> list[dict[str, Any]]:
    return [
        {"name": name, "extended_by": list(labels), "mermaid": mermaid}
        for name, (labels, mermaid) in machines.items()
    ]


def machines_markdown(machines: Mapping[str, tuple[tuple[str, ...], str]]) -> list[str]:
    """``machines``: name → (the extensions applied, the resolved machine's Mermaid)."""
    if not machines:
        return []
    lines = ["## Lifecycles as resolved 解析后的状态机", ""]
    for name, (labels, mermaid) in machines.items():
        how = f"the core's machine with {', '.join(labels)}"
        lines += [f"### `{name}` — {how}", "", "```mermaid", mermaid.rstrip("\n"), "```", ""]
    return lines


def resolved_machines(
    extensions: Sequence[Any], edition: str
) -> dict[str, tuple[tuple[str, ...], str]]:
    """The machines the standard's extensions change, resolved for ``edition``: name →
    (the extensions applied, the Mermaid state diagram). Imported lazily: pages only."""
    from stationkit.lifecycle import MACHINE_NAMES, resolve_machine

    out: dict[str, tuple[tuple[str, ...], str]] = {}
    for name in MACHINE_NAMES:
        applied = tuple(e.label for e in extensions if e.machine == name and e.applies_to(edition))
        if applied:
            out[name] = (applied, resolve_machine(name, extensions, edition).mermaid)
    return out
