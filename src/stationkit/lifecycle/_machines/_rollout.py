"""The rollout milestone lifecycle: one record per milestone of a programme."""

from __future__ import annotations

from stationkit.lifecycle._effects import Effect, MilestoneCompleted
from stationkit.lifecycle._events import Event, JSONValue
from stationkit.lifecycle._guards import as_date, payload_text_guard
from stationkit.lifecycle._policy import DeadlinePolicy
from stationkit.lifecycle._spec import (
    Action,
    Example,
    Guard,
    MachineSpec,
    StateSpec,
    TransitionSpec,
)
from stationkit.lifecycle._state import START, RecordState
from stationkit.standard._text import Text

STATES = (
    StateSpec("scheduled", Text(zh="已排期", en="scheduled")),
    StateSpec("in_progress", Text(zh="推进中", en="in progress")),
    StateSpec("completed", Text(zh="已完成", en="completed")),
)

_NONE: tuple[Effect, ...] = ()


def _due_check(state: RecordState, event: Event, policy: DeadlinePolicy) -> str | None:
    if as_date(event.payload.get("due")) is None:
        return "payload field 'due' (ISO date) is required"
    return None


def _schedule(
    state: RecordState, event: Event, policy: DeadlinePolicy
) -> tuple[dict[str, JSONValue], tuple[Effect, ...]]:
    keys = ("programme", "milestone", "due", "responsible")
    return {key: event.payload.get(key) for key in keys}, _NONE


def _complete(
    state: RecordState, event: Event, policy: DeadlinePolicy
) -> tuple[dict[str, JSONValue], tuple[Effect, ...]]:
    day = event.at.date()
    return {"completed_on": day.isoformat(), "evidence": event.payload.get("evidence")}, (
        MilestoneCompleted(state.record_id, day),
    )


def rollout_spec() -> MachineSpec:
    t = TransitionSpec
    return MachineSpec(
        name="rollout",
        title=Text(zh="推进计划节点", en="rollout milestone"),
        states=STATES,
        transitions=(
            t(
                "schedule",
                (START,),
                "scheduled",
                Text(zh="排期", en="schedule"),
                guards=(
                    Guard(
                        "due_given", Text(zh="须有完成时限", en="a due date is given"), _due_check
                    ),
                ),
                actions=(Action("record_schedule", _schedule),),
                example=Example(
                    {
                        "programme": "p",
                        "milestone": "m1",
                        "due": "2024-06-30",
                        "responsible": ["county"],
                    }
                ),
            ),
            t("start", ("scheduled",), "in_progress", Text(zh="启动", en="start")),
            t(
                "complete",
                ("scheduled", "in_progress"),
                "completed",
                Text(zh="完成", en="complete"),
                actions=(Action("record_completion", _complete),),
            ),
            t(
                "reopen",
                ("completed",),
                "in_progress",
                Text(zh="退回重做", en="reopen"),
                guards=(payload_text_guard("reason", Text(zh="理由", en="the reason")),),
                actions=(
                    Action("clear_completion", lambda s, e, p: ({"completed_on": None}, _NONE)),
                ),
                example=Example({"reason": "evidence rejected at inspection"}),
            ),
        ),
    )
