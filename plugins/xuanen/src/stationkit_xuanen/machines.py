"""Lifecycle extensions for Xuan'en.

- hazard: the three-level closed loop (XE §三(四), §六(三)) — 采集 → 分析研判 → 分类交办 →
  整改督办 on the ladder village → township → county, with the plugin's default rectification
  deadlines per grade (XE sets none); when a deadline passes the hazard escalates to the
  level above (the core's ``escalate``), and stops at the county.
- station: "建成一家、运行一家" (XE §三(五)) — a post goes from construction straight into
  operation (``start_operation`` from ``under_construction``), guarded so that operation
  starts within ``start_operating_within_days`` of the completion date.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta

from stationkit import Text
from stationkit.lifecycle import (
    DEFAULT_LADDER,
    DeadlinePolicy,
    EscalationLevel,
    Event,
    Example,
    Guard,
    MachineExtension,
    Payload,
    RecordState,
    TransitionSpec,
)
from stationkit.standard import ParamValue
from stationkit_xuanen import citations as c
from stationkit_xuanen.parameters import default_values

STANDARD_ID = "xuanen"
EDITIONS = frozenset({"2024"})


def _ladder(ids: tuple[str, ...]) -> tuple[EscalationLevel, ...]:
    titles = {level.id: level.title for level in DEFAULT_LADDER}
    return tuple(EscalationLevel(i, titles.get(i, Text(i, i))) for i in ids)


def _int(values: Mapping[str, ParamValue], name: str) -> int:
    value = values[name]
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"parameter {name!r} is {value!r}, not a whole number")
    return value


def _names(values: Mapping[str, ParamValue], name: str) -> tuple[str, ...]:
    value = values[name]
    if not isinstance(value, tuple):
        raise TypeError(f"parameter {name!r} is {value!r}, not a list")
    return value


def hazard_policy(values: Mapping[str, ParamValue]) -> DeadlinePolicy:
    """The deadline policy of the loop from (possibly tailored) parameter values."""
    return DeadlinePolicy(
        rectification_days={
            "general": _int(values, "hazard_days_general"),
            "major": _int(values, "hazard_days_major"),
        },
        ladder=_ladder(_names(values, "hazard_levels")),
        citation=c.LOOP_THREE_LEVELS,
    )


def hazard_extension(values: Mapping[str, ParamValue]) -> MachineExtension:
    return MachineExtension(
        machine="hazard",
        standard=STANDARD_ID,
        editions=EDITIONS,
        deadline_policies=hazard_policy(values),
        citation=c.LOOP_THREE_LEVELS,
    )


def _completed_on(event: Event) -> date | None:
    value = event.payload.get("completed_on")
    if not isinstance(value, str):
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


def run_when_built_guard(days: int) -> Guard:
    """Operation starts on completion (within ``days``), never before it."""

    def check(state: RecordState, event: Event, policy: DeadlinePolicy) -> str | None:
        built = _completed_on(event)
        if built is None:
            return "payload field 'completed_on' (ISO date the post was built) is required"
        started = event.at.date()
        if started < built:
            return f"operation on {started} is before the post was built on {built}"
        if (started - built).days > days:
            return (
                f"'建成一家、运行一家': the post was built on {built} and must run within "
                f"{days} day(s); operation on {started} is {(started - built).days} days "
                "later"
            )
        return None

    return Guard(
        "run_when_built",
        Text(
            f"建成一家、运行一家: 建成后 {days} 日内投入运行",
            f"one built, one running: operating within {days} day(s) of completion",
        ),
        check,
        c.RUN_WHEN_BUILT,
    )


def _built_today(day: date) -> Payload:
    return {"completed_on": day.isoformat()}


def station_extension(values: Mapping[str, ParamValue]) -> MachineExtension:
    days = _int(values, "start_operating_within_days")
    return MachineExtension(
        machine="station",
        standard=STANDARD_ID,
        editions=EDITIONS,
        add_transitions=(
            TransitionSpec(
                "start_operation",
                ("under_construction",),
                "operating",
                Text("建成即投入运行", "built: start operating"),
                guards=(run_when_built_guard(days),),
                example=Example(build=_built_today),
                citation=c.RUN_WHEN_BUILT,
            ),
        ),
        citation=c.RUN_WHEN_BUILT,
    )


def extensions(values: Mapping[str, ParamValue] | None = None) -> tuple[MachineExtension, ...]:
    """Both extensions, from the edition's defaults or from tailored ``values``."""
    chosen = default_values() if values is None else {**default_values(), **values}
    return hazard_extension(chosen), station_extension(chosen)


def escalation_deadline(
    assigned_on: date, grade: str, values: Mapping[str, ParamValue] | None = None
) -> date:
    """The last day to rectify a hazard of ``grade`` assigned on ``assigned_on``: the day
    after it, the hazard escalates."""
    days = hazard_policy(default_values() if values is None else values).rectification_days
    return assigned_on + timedelta(days=days[grade])
