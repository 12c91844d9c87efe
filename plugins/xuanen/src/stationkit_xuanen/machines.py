"""Lifecycle extensions for Xuan'en.

- hazard: the three-level closed loop (XE §三(四), §六(三)) — 采集 → 分析研判 → 分类交办 →
  整改督办 on the ladder village → township → county, with the plugin's default rectification
  deadlines per grade (XE sets none); when a deadline passes the hazard escalates to the
  level above (the core's ``escalate``), and stops at the county. A verification that rejects
  the rectification sends the hazard back with a new deadline (``reassign``, 整改督办).
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
    Action,
    DeadlinePolicy,
    DeadlineSet,
    Effect,
    EscalationLevel,
    Event,
    Example,
    Guard,
    JSONValue,
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


def _reassign_check(state: RecordState, event: Event, policy: DeadlinePolicy) -> str | None:
    if event.actor is None:
        return "the verifier must be named (actor)"
    if event.actor == state.facts.get("rectifier"):
        return (
            f"{event.actor!r} claimed the rectification and cannot also verify it; "
            "verification is done by someone else"
        )
    reason = event.payload.get("reason")
    if not isinstance(reason, str) or not reason.strip():
        return "payload field 'reason' (why the rectification is rejected) is required"
    raw = event.payload.get("deadline")
    try:
        deadline = date.fromisoformat(raw[:10]) if isinstance(raw, str) else None
    except ValueError:
        deadline = None
    if deadline is None:
        return "payload field 'deadline' (the new rectification deadline, ISO date) is required"
    day = event.at.date()
    if deadline < day:
        return f"the new deadline {deadline} is before the verification date {day}"
    grade = state.facts.get("grade")
    days = policy.rectification_days.get(grade) if isinstance(grade, str) else None
    if days is not None and (deadline - day).days > days:
        return (
            f"the new deadline {deadline} is {(deadline - day).days} days away; the policy "
            f"allows at most {days} days for a {grade} hazard"
        )
    return None


def _reassign(
    state: RecordState, event: Event, policy: DeadlinePolicy
) -> tuple[dict[str, JSONValue], tuple[Effect, ...]]:
    deadline = event.payload["deadline"]
    assert isinstance(deadline, str)  # the guard ran first
    given = event.payload.get("responsible")
    kept = state.facts.get("responsible")
    responsible = given if isinstance(given, str) and given else kept
    count = state.facts.get("reassigned")
    facts: dict[str, JSONValue] = {
        "deadline": deadline[:10],
        "responsible": responsible,
        "rectifier": None,
        "reassigned": (count if isinstance(count, int) else 0) + 1,
        "verification_failed": event.payload.get("reason"),
    }
    return facts, (
        DeadlineSet(
            state.record_id,
            date.fromisoformat(deadline[:10]),
            responsible if isinstance(responsible, str) else None,
        ),
    )


def _ten_days_on(day: date) -> Payload:
    return {"reason": "rectification incomplete", "deadline": (day + timedelta(10)).isoformat()}


REASSIGN = TransitionSpec(
    "reassign",
    ("rectification_claimed",),
    "assigned",
    Text(
        "核查不通过，重新交办（新整改期限）",
        "verification rejects the rectification: reassign with a new deadline",
    ),
    guards=(
        Guard(
            "reassign_ok",
            Text(
                "核查人不得为整改人；须说明理由并设新整改期限（不超过政策时限）",
                "an independent verifier, a reason and a new deadline within the policy",
            ),
            _reassign_check,
            c.inferred(c.LOOP_THREE_LEVELS),
        ),
    ),
    actions=(Action("set_new_deadline", _reassign),),
    example=Example(actor="inspector-1", build=_ten_days_on),
    citation=c.inferred(c.LOOP_THREE_LEVELS),
)


def hazard_extension(values: Mapping[str, ParamValue]) -> MachineExtension:
    return MachineExtension(
        machine="hazard",
        standard=STANDARD_ID,
        editions=EDITIONS,
        add_transitions=(REASSIGN,),
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
