"""Extensions of the core acceptance machine for each edition.

2023 (QZ23): the county bureau accepts; the city bureau spot-checks accepted stations
(``spot_check``, a self-loop on ``passed``).
2025 (QZ25): the town applies (the core's ``apply``), the city bureau reviews item by item
(the core's ``record_item``), and acceptance combines static inspection with a live drill:
``record_live_drill`` logs the drill during the review, and ``pass_review`` is refused until
one is logged. 泉州市's comprehensive evaluation is the same ``spot_check``.
"""

from __future__ import annotations

from stationkit import Text
from stationkit.lifecycle import (
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

EXTENSIONS = (EXTENSION_2023, EXTENSION_2025)
