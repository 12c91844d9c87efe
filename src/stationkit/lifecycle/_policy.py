"""Deadline policies and the ladder of administrative levels that escalation climbs."""

from __future__ import annotations

from collections.abc import Mapping

import attrs

from stationkit.standard._text import Citation, Text


@attrs.frozen
class EscalationLevel:
    """One rung of the administrative ladder (village, township, county, ...)."""

    id: str
    title: Text


DEFAULT_LADDER: tuple[EscalationLevel, ...] = (
    EscalationLevel("village", Text(zh="村（社区）", en="village (community)")),
    EscalationLevel("township", Text(zh="乡镇（街道）", en="township (sub-district)")),
    EscalationLevel("county", Text(zh="县（市、区）", en="county (district)")),
    EscalationLevel("prefecture", Text(zh="市（州）", en="prefecture (city)")),
    EscalationLevel("province", Text(zh="省", en="province")),
)


def _frozen_days(value: Mapping[str, int]) -> Mapping[str, int]:
    return dict(value)


@attrs.frozen
class DeadlinePolicy:
    """The deadline rules of a machine, as a standard sets them.

    ``rectification_days`` caps the rectification deadline per hazard grade/class (days from
    the assignment date; absent = no cap). ``extension_max_days`` caps how far one granted
    extension may move a deadline. ``ladder`` is the escalation ladder, lowest first.
    When extensions are composed, ``rectification_days`` merge key by key and the other fields
    replace the earlier value when set.
    """

    rectification_days: Mapping[str, int] = attrs.field(
        factory=dict, converter=_frozen_days, hash=False
    )
    extension_max_days: int | None = None
    ladder: tuple[EscalationLevel, ...] | None = None
    citation: Citation | None = None
    # Derived once: guards look levels up on every event.
    level_ids: tuple[str, ...] = attrs.field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "level_ids", tuple(level.id for level in self.levels()))

    def levels(self) -> tuple[EscalationLevel, ...]:
        return self.ladder if self.ladder is not None else DEFAULT_LADDER

    def level_above(self, level_id: str) -> EscalationLevel | None:
        """The next rung above ``level_id``; None at the top or for an unknown level."""
        ids = self.level_ids
        if level_id not in ids:
            return None
        index = ids.index(level_id)
        return self.levels()[index + 1] if index + 1 < len(ids) else None

    def merged_with(self, other: DeadlinePolicy) -> DeadlinePolicy:
        return DeadlinePolicy(
            rectification_days={**self.rectification_days, **other.rectification_days},
            extension_max_days=(
                other.extension_max_days
                if other.extension_max_days is not None
                else self.extension_max_days
            ),
            ladder=other.ladder if other.ladder is not None else self.ladder,
            citation=other.citation if other.citation is not None else self.citation,
        )


NO_POLICY = DeadlinePolicy()
