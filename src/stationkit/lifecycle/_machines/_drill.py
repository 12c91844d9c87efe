"""The drill lifecycle: plan → announced or double-blind → executed (timed) → reviewed → closed."""

from __future__ import annotations

from stationkit.lifecycle._effects import Effect
from stationkit.lifecycle._events import Event, JSONValue
from stationkit.lifecycle._guards import as_datetime, payload_text_guard, set_facts_action
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

TIME_FIELDS = ("alarm_at", "assembled_at", "departed_at", "arrived_at", "rescue_started_at")
"""The response times a drill records, in their required order."""

STATES = (
    StateSpec("planned", Text(zh="已计划", en="planned")),
    StateSpec("announced", Text(zh="已通知（明演）", en="announced")),
    StateSpec("unannounced", Text(zh="双盲（不打招呼）", en="unannounced (double-blind)")),
    StateSpec("executed", Text(zh="已实施", en="executed")),
    StateSpec("reviewed", Text(zh="已复盘", en="reviewed")),
    StateSpec("closed", Text(zh="已归档", en="closed")),
)

_NONE: tuple[Effect, ...] = ()


def _times_check(state: RecordState, event: Event, policy: DeadlinePolicy) -> str | None:
    if as_datetime(event.payload.get("alarm_at")) is None:
        return "payload field 'alarm_at' (ISO date-time of the alarm) is required"
    previous_name, previous = "alarm_at", as_datetime(event.payload.get("alarm_at"))
    for name in TIME_FIELDS[1:]:
        raw = event.payload.get(name)
        if raw is None:
            continue
        moment = as_datetime(raw)
        if moment is None:
            return f"payload field {name!r} is not an ISO date-time: {raw!r}"
        assert previous is not None
        try:
            backwards = moment < previous
        except TypeError:
            return f"{name!r} and {previous_name!r} mix time-zone-aware and naive times"
        if backwards:
            return f"{name} {moment} is before {previous_name} {previous}"
        previous_name, previous = name, moment
    return None


_TIMES_OK = Guard(
    "times_in_order",
    Text(
        zh="须有报警时间，且各时间点先后有序",
        en="the alarm time is given and the recorded times are in order",
    ),
    _times_check,
)


def _record_times(
    state: RecordState, event: Event, policy: DeadlinePolicy
) -> tuple[dict[str, JSONValue], tuple[Effect, ...]]:
    return {name: event.payload.get(name) for name in TIME_FIELDS}, _NONE


def drill_spec() -> MachineSpec:
    t = TransitionSpec
    return MachineSpec(
        name="drill",
        title=Text(zh="应急演练", en="drill"),
        states=STATES,
        transitions=(
            # A drill is an exercise by construction: it never counts as a real incident.
            t(
                "plan",
                (START,),
                "planned",
                Text(zh="制定演练计划", en="plan"),
                actions=(set_facts_action("mark_exercise", exercise=True),),
            ),
            t("announce", ("planned",), "announced", Text(zh="提前通知", en="announce")),
            t(
                "keep_unannounced",
                ("planned",),
                "unannounced",
                Text(zh="双盲不通知", en="keep unannounced (double-blind)"),
            ),
            t(
                "execute",
                ("announced", "unannounced"),
                "executed",
                Text(zh="实施演练", en="execute"),
                guards=(_TIMES_OK,),
                actions=(Action("record_times", _record_times),),
                example=Example(
                    {
                        "alarm_at": "2024-05-12T09:00:00",
                        "assembled_at": "2024-05-12T09:04:10",
                        "departed_at": "2024-05-12T09:08:00",
                        "arrived_at": "2024-05-12T09:14:30",
                        "rescue_started_at": "2024-05-12T09:16:00",
                    }
                ),
            ),
            t(
                "review",
                ("executed",),
                "reviewed",
                Text(zh="复盘", en="review"),
                guards=(
                    payload_text_guard("summary", Text(zh="复盘总结", en="the review summary")),
                ),
                example=Example({"summary": "assembly slow: roster outdated"}),
            ),
            t("close", ("reviewed",), "closed", Text(zh="归档", en="close")),
        ),
    )
