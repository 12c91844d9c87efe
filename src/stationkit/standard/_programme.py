"""Rollout programmes a standard edition carries: dated milestones, their units and evidence."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

import attrs

from stationkit.standard._text import Citation, Text


@attrs.frozen
class Milestone:
    """A dated task of a programme. Done on ``due`` is on time; the day after is late."""

    id: str
    title: Text
    due: date
    responsible: tuple[str, ...]
    evidence: Text
    citation: Citation
    window_start: date | None = None
    note: Text | None = None
    due_parameter: str | None = None
    """The parameter the due date comes from (tailoring it moves the date)."""
    start_parameter: str | None = None


@attrs.frozen
class Programme:
    """A rollout programme a standard edition carries, e.g. a province's construction plan."""

    id: str
    title: Text
    milestones: tuple[Milestone, ...]
    citation: Citation | None = None
    penalty_per_late: float | None = None
    penalty_unit: Text | None = None

    def __attrs_post_init__(self) -> None:
        ids = [milestone.id for milestone in self.milestones]
        duplicates = sorted({item for item in ids if ids.count(item) > 1})
        if duplicates:
            raise ValueError(f"programme {self.id!r} repeats milestone ids {duplicates}")

    def tailored(self, values: Mapping[str, object]) -> Programme:
        """The programme with the dates its milestones take from ``values``."""

        def day(name: str | None, current: date | None) -> date | None:
            value = values.get(name) if name is not None else None
            return value if isinstance(value, date) else current

        milestones = tuple(
            attrs.evolve(
                m,
                due=day(m.due_parameter, m.due) or m.due,
                window_start=day(m.start_parameter, m.window_start),
            )
            for m in self.milestones
        )
        return attrs.evolve(self, milestones=milestones)

    def milestone(self, milestone_id: str) -> Milestone:
        for milestone in self.milestones:
            if milestone.id == milestone_id:
                return milestone
        raise KeyError(milestone_id)
