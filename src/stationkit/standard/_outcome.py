"""The outcome rule: how a standard accepts a subject, a verdict apart from its grade.

A document may accept a station by reviewing it item by item and grade it by a quantitative
assessment: two verdicts. The rule says which one decides acceptance (and so the report's
``outcome`` and the CLI's exit code); the grade is always reported beside it.
"""

from __future__ import annotations

from enum import StrEnum

import attrs

from stationkit.standard._text import Citation, Text


class OutcomeKind(StrEnum):
    #: Every applicable item (scored requirement, and every gate) met or waived;
    #: ``missing_evidence`` counts as not met. Deductions cost points and bonuses add them:
    #: neither is an item to meet.
    ITEM_BY_ITEM = "item_by_item"
    #: Every gate met and the score at least the grading's pass mark.
    PASS_MARK = "pass_mark"
    #: Every gate met; the score only grades.
    GATES_ONLY = "gates_only"


_TITLES = {
    OutcomeKind.ITEM_BY_ITEM: Text(
        "逐项评审:每个适用项均达标(或经豁免),缺少证据视为未达标",
        "item by item: every applicable item met (or waived); missing evidence is not met",
    ),
    OutcomeKind.PASS_MARK: Text(
        "合格线:否决项均达标且得分不低于合格线",
        "pass mark: every gate met and the score at least the pass mark",
    ),
    OutcomeKind.GATES_ONLY: Text(
        "仅否决项:否决项均达标,得分只用于评级",
        "gates only: every gate met; the score only grades",
    ),
}


@attrs.frozen
class OutcomeRule:
    """How an edition accepts a subject. ``default`` is True where the source is silent and
    the rule is the plugin's own choice; ``citation`` is the sentence it rests on."""

    kind: OutcomeKind
    citation: Citation | None = None
    default: bool = False
    note: Text | None = None

    @property
    def title(self) -> Text:
        return _TITLES[self.kind]
