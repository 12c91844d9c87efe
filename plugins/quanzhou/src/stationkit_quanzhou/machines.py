"""Extensions of the core acceptance machine for each edition.

2023 (QZ23): the county bureau accepts; the city bureau spot-checks accepted stations
(``spot_check``, a self-loop on ``passed``).
2025 (QZ25): the town applies (the core's ``apply``), the city bureau reviews item by item
(the core's ``record_item``), and acceptance combines static inspection with a live drill:
``record_live_drill`` logs the drill during the review, and ``pass_review`` is refused until
one is logged. 泉州市's comprehensive evaluation is the same ``spot_check``.

Both editions (QZ25 keeps QZ23's guide where it is silent): the enforcement team's follow-up in
the hazard loop. A hazard found by an enforcement inspection and not rectified by its deadline
is penalised (``penalise``, 处罚) or referred to the competent department (``refer``, 上报有关部门
处罚); either way rectification goes on with a new assignment (the core's ``assign``).
"""

from __future__ import annotations

from stationkit import Text
from stationkit.lifecycle import (
    DEADLINE_STATES,
    HAZARD_ASSIGN_ACTIONS,
    HAZARD_ASSIGN_GUARDS,
    HAZARD_DEADLINE_PASSED,
    Action,
    DeadlinePolicy,
    Effect,
    Event,
    Example,
    Guard,
    GuardAttachment,
    JSONValue,
    MachineExtension,
    RecordState,
    StateSpec,
    TransitionSpec,
)
from stationkit_quanzhou import citations as c

STANDARD_ID = "quanzhou"
_NONE: tuple[Effect, ...] = ()


def _text_field(key: str) -> Guard:
    def check(state: RecordState, event: Event, policy: DeadlinePolicy) -> str | None:
        value = event.payload.get(key)
        if not isinstance(value, str) or not value.strip():
            return f"payload field {key!r} (a non-empty text) is required"
        return None

    return Guard(f"{key}_given", Text(f"须载明 {key}", f"the {key} is given"), check)


def _copy(name: str, key: str, fact: str) -> Action:
    def apply(
        state: RecordState, event: Event, policy: DeadlinePolicy
    ) -> tuple[dict[str, JSONValue], tuple[Effect, ...]]:
        done = state.facts.get(fact)
        previous = list(done) if isinstance(done, list) else []
        return {fact: [*previous, event.payload.get(key)]}, _NONE

    return Action(name, apply)


def _live_drill_logged(state: RecordState, event: Event, policy: DeadlinePolicy) -> str | None:
    drills = state.facts.get("live_drills")
    if not isinstance(drills, list) or not drills:
        return (
            "no live drill logged: acceptance combines static inspection with a live "
            "drill (record_live_drill) before a pass"
        )
    return None


LIVE_DRILL_GUARD = Guard(
    "live_drill_logged",
    Text("静态查验与动态演练检验相结合:须先记录现场演练", "a live drill is logged before a pass"),
    _live_drill_logged,
    c.QUANTIFIED_25,
)

SPOT_CHECK = TransitionSpec(
    "spot_check",
    ("passed",),
    "passed",
    Text("上级抽查检查/综合评估", "spot check by the city"),
    guards=(_text_field("checker"),),
    actions=(_copy("log_spot_check", "checker", "spot_checks"),),
    example=Example({"checker": "市应急局"}),
    citation=c.c23("附件3 (四)", "市应急局结合实际对验收情况开展抽查检查,确保创建质量。"),
)

LIVE_DRILL = TransitionSpec(
    "record_live_drill",
    ("under_review",),
    "under_review",
    Text("记录动态演练检验", "log the live drill"),
    guards=(_text_field("drill"),),
    actions=(_copy("log_live_drill", "drill", "live_drills"),),
    example=Example({"drill": "现场拉动演练"}),
    citation=c.QUANTIFIED_25,
)

EXTENSION_2023 = MachineExtension(
    machine="acceptance",
    standard=STANDARD_ID,
    editions=frozenset({"2023"}),
    add_transitions=(SPOT_CHECK,),
    citation=c.ACCEPTANCE_23,
)

EXTENSION_2025 = MachineExtension(
    machine="acceptance",
    standard=STANDARD_ID,
    editions=frozenset({"2025"}),
    add_transitions=(LIVE_DRILL, SPOT_CHECK),
    add_guards=(GuardAttachment("pass_review", LIVE_DRILL_GUARD),),
    citation=c.ACCEPTANCE_25,
)

# -- the enforcement follow-up of an overdue hazard ------------------------------------------

FOLLOW_UP_SOURCES = (*DEADLINE_STATES, "escalated")
"""Unrectified hazards: a deadline running, or escalated after it passed."""


def _found_by_enforcement(state: RecordState, event: Event, policy: DeadlinePolicy) -> str | None:
    inspection = event.payload.get("inspection")
    if not isinstance(inspection, str) or not inspection.strip():
        return (
            "payload field 'inspection' (the enforcement inspection that found the hazard, "
            "e.g. its entry in the enforcement ledger) is required"
        )
    return None


ENFORCEMENT_FINDING_GUARD = Guard(
    "found_by_enforcement",
    Text("执法检查发现的隐患(载明执法检查台账)", "found by an enforcement inspection (named)"),
    _found_by_enforcement,
    c.ENF_FOLLOW_UP,
)
# With the core's deadline_passed: "未落实整改或逾期整改" — still unrectified past the deadline.
FOLLOW_UP_GUARDS = (ENFORCEMENT_FINDING_GUARD, HAZARD_DEADLINE_PASSED)


def _record(kind: str, key: str) -> Action:
    def apply(
        state: RecordState, event: Event, policy: DeadlinePolicy
    ) -> tuple[dict[str, JSONValue], tuple[Effect, ...]]:
        done = state.facts.get("enforcement")
        previous = list(done) if isinstance(done, list) else []
        entry: dict[str, JSONValue] = {
            "action": kind,
            "inspection": event.payload.get("inspection"),
            key: event.payload.get(key),
            "on": event.at.date().isoformat(),
        }
        return {"enforcement": [*previous, entry]}, _NONE

    return Action(f"record_{kind}", apply)


PENALISE = TransitionSpec(
    "penalise",
    FOLLOW_UP_SOURCES,
    "penalised",
    Text("依法处罚", "penalise (enforcement team)"),
    guards=(*FOLLOW_UP_GUARDS, _text_field("decision")),
    actions=(_record("penalty", "decision"),),
    example=Example(
        {"inspection": "执法检查台账 2023-017", "decision": "行政处罚决定书 2023-05"},
        "镇综合执法队",
        after_deadline=True,
    ),
    citation=c.ENF_FOLLOW_UP,
)

REFER = TransitionSpec(
    "refer",
    FOLLOW_UP_SOURCES,
    "referred",
    Text("上报有关部门处罚", "refer to the competent department for a penalty"),
    guards=(*FOLLOW_UP_GUARDS, _text_field("authority")),
    actions=(_record("referral", "authority"),),
    example=Example(
        {"inspection": "执法检查台账 2023-018", "authority": "县应急管理局"},
        "镇综合执法队",
        after_deadline=True,
    ),
    citation=c.ENF_FOLLOW_UP,
)


# After the penalty or referral, the hazard is assigned again with a new deadline: the core's
# assignment, guards and deadline effect included, from the two new states.
REASSIGN = TransitionSpec(
    "assign",
    ("penalised", "referred"),
    "assigned",
    Text("处罚后重新交办整改", "assign the rectification again"),
    guards=HAZARD_ASSIGN_GUARDS,
    actions=HAZARD_ASSIGN_ACTIONS,
    example=Example(
        actor="镇应急办",
        build=lambda day: {"responsible": "unit-a", "deadline": day.isoformat()},
    ),
    citation=c.ENF_FOLLOW_UP,
)

HAZARD_EXTENSION = MachineExtension(
    machine="hazard",
    standard=STANDARD_ID,
    add_states=(
        StateSpec("penalised", Text("已依法处罚", "penalised")),
        StateSpec("referred", Text("已上报有关部门处罚", "referred for a penalty")),
    ),
    add_transitions=(PENALISE, REFER, REASSIGN),
    citation=c.ENF_FOLLOW_UP,
)

EXTENSIONS = (EXTENSION_2023, EXTENSION_2025, HAZARD_EXTENSION)
