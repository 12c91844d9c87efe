"""Rollout completions read from replayed rollout records."""

from __future__ import annotations

from collections.abc import Iterable

from stationkit.lifecycle._guards import as_date
from stationkit.lifecycle._state import RecordState
from stationkit.records._model import Completion


def completions_from_states(
    states: Iterable[RecordState], programme_id: str
) -> tuple[Completion, ...]:
    """The completions of a programme's milestones, read from replayed rollout records."""
    found: list[Completion] = []
    for state in states:
        if state.machine != "rollout" or state.facts.get("programme") != programme_id:
            continue
        milestone = state.facts.get("milestone")
        done = as_date(state.facts.get("completed_on"))
        evidence = state.facts.get("evidence")
        if state.state == "completed" and isinstance(milestone, str) and done is not None:
            found.append(
                Completion(milestone, done, evidence if isinstance(evidence, str) else None)
            )
    return tuple(found)
