"""The monitor rules of a standard as documentation (Markdown section) and as JSON."""

from __future__ import annotations

from collections.abc import Sequence

from stationkit.lifecycle import JSONValue
from stationkit.monitor._rules import TOPICS, Rule


def _md(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def rules_markdown(rules: Sequence[Rule]) -> str:
    """The "Monitor rules" section of a standard's page: each rule, its tests and clause."""
    lines = [
        "",
        "## Monitor rules 实时监测规则",
        "",
        "What `stationkit monitor` decides for this edition, topic by topic; a topic this "
        "standard does not cover uses the core's default rules. 各主题下规则互斥且完备。",
    ]
    for name, topic in TOPICS.items():
        chosen = [rule for rule in rules if rule.topic == name]
        if not chosen:
            continue
        lines += [
            "",
            f"### {topic.description.zh} / {topic.description.en} (`{name}`)",
            "",
            "| rule | when 条件 | decision 决定 | title 名称 | source 出处 | quote 原文 |",
            "|---|---|---|---|---|---|",
        ]
        for rule in chosen:
            when = " and ".join(f"`{test}`" for test in rule.when) or "always"
            cite = rule.citation
            source = (
                "core" if cite is None else cite.label() + (" *inferred*" if cite.inferred else "")
            )
            quote = "" if cite is None else _md(cite.quote)
            lines.append(
                f"| `{rule.id}` | {_md(when)} | {rule.decision} | "
                f"{_md(rule.title.zh)} / {_md(rule.title.en)} | {source} | {quote} |"
            )
    return "\n".join(lines) + "\n"


def rules_json(rules: Sequence[Rule]) -> list[JSONValue]:
    """The rules as JSON (``stationkit show --json``, field ``monitor_rules``)."""
    found: list[JSONValue] = []
    for rule in rules:
        cite = rule.citation
        found.append(
            {
                "id": rule.id,
                "topic": rule.topic,
                "decision": rule.decision,
                "when": [{"field": t.field, "op": t.op, "value": t.value} for t in rule.when],
                "title": {"zh": rule.title.zh, "en": rule.title.en},
                "message": None
                if rule.message is None
                else {"zh": rule.message.zh, "en": rule.message.en},
                "citation": None
                if cite is None
                else {
                    "document": cite.document,
                    "section": cite.section,
                    "quote": cite.quote,
                    "inferred": cite.inferred,
                },
            }
        )
    return found
