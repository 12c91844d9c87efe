"""The words and limits the text, Markdown and HTML reports share for what a report carries
beside its findings: the acceptance rule that gave the outcome, notes on the grade (rank cap,
provisional, tie, population), waivers and the stations a region finding counted.

One place for each phrase, so the three renderers say the same thing in both languages.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeVar

from stationkit.assessment._report import Acceptance, Report
from stationkit.standard._findings import Tally
from stationkit.standard._outcome import OutcomeKind, OutcomeRule
from stationkit.standard._text import Text
from stationkit.standard._waiver import Waiver

#: Stations listed by name on each side of a region finding's tally (counted, not counted);
#: past it the report says how many more (the JSON report lists them all).
MAX_TALLY_LISTED = 60

ACCEPTED = Text("通过验收", "accepted")
NOT_ACCEPTED = Text("未通过验收", "not accepted")
NOT_MET_ITEMS = Text("未达标项", "items not met")
WAIVED_ITEMS = Text("经豁免视为达标", "waived, counted as met")
BELOW_PASS_MARK = Text("得分低于合格线", "score below the pass mark")
WAIVED = Text("已豁免", "waived")
EXPIRED_WAIVER = Text("豁免已过期,不予采用", "expired waiver ignored")
COUNTED = Text("计入的站点", "stations counted")
NOT_COUNTED = Text("未计入的站点", "stations not counted")
UNRECOGNISED = Text(
    "未识别的词(宽松读取,未作判断)", "unrecognised words (read leniently, not judged)"
)
LEFT_OUT = Text("经裁剪未选的要求", "requirements the tailoring left out")
PERIOD = Text("考核年度", "assessed year")

T = TypeVar("T")


def rule_title(rule: str) -> Text:
    """What the acceptance rule ``rule`` (an :class:`OutcomeKind` value) means, in both
    languages; a rule this version does not know (a newer report's) shows as its word."""
    try:
        return OutcomeRule(OutcomeKind(rule)).title
    except ValueError:
        return Text(rule, rule)


def acceptance_parts(a: Acceptance) -> list[tuple[Text, tuple[str, ...]]]:
    """The acceptance verdict, then what decided it: each a label and the requirement ids it
    names (none for a label that stands alone)."""
    parts: list[tuple[Text, tuple[str, ...]]] = [(ACCEPTED if a.accepted else NOT_ACCEPTED, ())]
    if a.not_met:
        parts.append((NOT_MET_ITEMS, a.not_met))
    if a.waived:
        parts.append((WAIVED_ITEMS, a.waived))
    if a.below_pass_mark:
        parts.append((BELOW_PASS_MARK, ()))
    return parts


def grade_notes(r: Report) -> list[tuple[str, Text]]:
    """What qualifies the grade, each with its kind (``capped``, ``provisional``,
    ``population``): the rank cap lowered it, it is provisional (and why), and the population
    the cap counted."""
    notes: list[tuple[str, Text]] = []
    if r.rank_capped:
        notes.append(("capped", Text("受比例上限降级", "lowered by the rank cap")))
    if r.rank_tie:
        notes.append(
            (
                "provisional",
                Text(
                    "暂定:与比例上限分界处同分,由评审决定",
                    "provisional: tied at the rank cap's cut, the reviewer decides",
                ),
            )
        )
    elif r.grade_provisional:
        notes.append(
            (
                "provisional",
                Text(
                    "暂定:比例上限的全部对象评估后方可确定",
                    "provisional: final once the rank cap's whole population is assessed",
                ),
            )
        )
    if r.rank_population is not None:
        n = r.rank_population
        notes.append(
            ("population", Text(f"比例上限按 {n} 个对象计", f"rank cap counted over {n} subjects"))
        )
    return notes


def waiver_text(w: Waiver) -> Text:
    """A waiver in one line: why, who approved it (and when), until when."""
    on_zh = f",{w.approved_on.isoformat()} 批准" if w.approved_on else ""
    on_en = f" on {w.approved_on.isoformat()}" if w.approved_on else ""
    return Text(
        f"{w.justification}(审批:{w.approved_by}{on_zh};有效至 {w.expires.isoformat()})",
        f"{w.justification} (approved by {w.approved_by}{on_en}; expires {w.expires.isoformat()})",
    )


def listed(items: Sequence[T], limit: int = MAX_TALLY_LISTED) -> tuple[Sequence[T], int]:
    """The first ``limit`` items and how many more there are."""
    return items[:limit], max(0, len(items) - limit)


def more_text(count: int) -> Text:
    return Text(f"另有 {count} 个", f"{count} more")


def has_tally(t: Tally | None) -> bool:
    return t is not None and bool(t.counted or t.not_counted)
