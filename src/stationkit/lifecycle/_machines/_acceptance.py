"""The acceptance review: item-by-item review to a verdict, rectification, and a locked final."""

from __future__ import annotations

from stationkit.lifecycle._effects import Effect, VerdictLocked
from stationkit.lifecycle._events import Event, JSONValue
from stationkit.lifecycle._guards import copy_payload_action, payload_text_guard
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
    StateSpec("applied", Text(zh="已申请", en="applied")),
    StateSpec("under_review", Text(zh="逐项评审中", en="under review")),
    StateSpec("passed", Text(zh="通过（已定等级）", en="passed (graded)")),
    StateSpec("failed", Text(zh="未通过", en="failed")),
    StateSpec("rectifying", Text(zh="整改中", en="rectifying")),
    StateSpec("finalised", Text(zh="结论已锁定", en="finalised (locked)")),
)

_NONE: tuple[Effect, ...] = ()


def _item_check(state: RecordState, event: Event, policy: DeadlinePolicy) -> str | None:
    if not isinstance(event.payload.get("item"), str) or not event.payload["item"]:
        return "payload field 'item' (the reviewed item's id) is required"
    if not isinstance(event.payload.get("met"), bool):
        return "payload field 'met' (true/false) is required"
    return None


def _count(value: JSONValue) -> int:
    return value if isinstance(value, int) else 0


def _record_item(
    state: RecordState, event: Event, policy: DeadlinePolicy
) -> tuple[dict[str, JSONValue], tuple[Effect, ...]]:
    failed = 0 if event.payload.get("met") else 1
    return {
        "items_reviewed": _count(state.facts.get("items_reviewed")) + 1,
        "items_failed": _count(state.facts.get("items_failed")) + failed,
    }, _NONE


def _reviewed_check(state: RecordState, event: Event, policy: DeadlinePolicy) -> str | None:
    if _count(state.facts.get("items_reviewed")) < 1:
        return "no item has been reviewed yet; review item by item before a verdict"
    return None


_ITEMS_REVIEWED = Guard(
    "items_reviewed",
    Text(zh="须逐项评审后方可作出结论", en="items were reviewed before the verdict"),
    _reviewed_check,
)


def _finalise(
    state: RecordState, event: Event, policy: DeadlinePolicy
) -> tuple[dict[str, JSONValue], tuple[Effect, ...]]:
    grade = state.facts.get("grade")
    return {"locked": True, "verdict": state.state}, (
        VerdictLocked(state.record_id, state.state, grade if isinstance(grade, str) else None),
    )


def acceptance_spec() -> MachineSpec:
    t = TransitionSpec
    return MachineSpec(
        name="acceptance",
        title=Text(zh="验收评审", en="acceptance review"),
        states=STATES,
        transitions=(
            t("apply", (START,), "applied", Text(zh="提出验收申请", en="apply")),
            t("start_review", ("applied",), "under_review", Text(zh="开始评审", en="start review")),
            t(
                "record_item",
                ("under_review",),
                "under_review",
                Text(zh="逐项评审记录", en="record an item"),
                guards=(
                    Guard(
                        "item_given",
                        Text(zh="须载明评审项及结论", en="the item and its result are given"),
                        _item_check,
                    ),
                ),
                actions=(Action("count_item", _record_item),),
                example=Example({"item": "duty-roster", "met": True}),
            ),
            t(
                "pass_review",
                ("under_review",),
                "passed",
                Text(zh="评审通过", en="pass"),
                guards=(
                    _ITEMS_REVIEWED,
                    payload_text_guard("grade", Text(zh="等级", en="the grade")),
                ),
                actions=(copy_payload_action("record_grade", ("grade",)),),
                example=Example({"grade": "A"}),
            ),
            t(
                "fail_review",
                ("under_review",),
                "failed",
                Text(zh="评审不通过", en="fail"),
                guards=(
                    _ITEMS_REVIEWED,
                    payload_text_guard("reason", Text(zh="理由", en="the reason")),
                ),
                example=Example({"reason": "no drill records"}),
            ),
            t(
                "start_rectification",
                ("failed",),
                "rectifying",
                Text(zh="开始整改", en="start rectification"),
            ),
            t(
                "request_rereview",
                ("rectifying",),
                "under_review",
                Text(zh="申请复审", en="request re-review"),
                actions=(
                    Action(
                        "reset_items",
                        lambda s, e, p: ({"items_reviewed": 0, "items_failed": 0}, _NONE),
                    ),
                ),
            ),
            t(
                "finalise",
                ("passed", "failed"),
                "finalised",
                Text(zh="结论定稿（锁定）", en="finalise (lock)"),
                actions=(Action("lock_verdict", _finalise),),
            ),
        ),
    )
