"""The hazard closed loop: 采集 → 分析研判 → 分类交办 → 整改督办 → 核查销号, with escalation."""

from __future__ import annotations

from datetime import date, timedelta

from stationkit.lifecycle._effects import DeadlineSet, Effect, Escalated
from stationkit.lifecycle._events import Event, JSONValue
from stationkit.lifecycle._guards import (
    actor_guard,
    as_date,
    copy_payload_action,
    payload_choice_guard,
    payload_text_guard,
)
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

GRADES = ("general", "major")
"""Hazard grades: 一般隐患 (general) and 重大隐患 (major)."""

DEADLINE_STATES = ("assigned", "rectifying", "extension_requested")
"""States in which a rectification deadline runs (and can pass)."""

_NONE: tuple[Effect, ...] = ()

STATES = (
    StateSpec("reported", Text(zh="已采集上报", en="reported")),
    StateSpec("assessed", Text(zh="已分析研判", en="assessed")),
    StateSpec("assigned", Text(zh="已分类交办", en="assigned")),
    StateSpec("rectifying", Text(zh="整改中", en="rectifying")),
    StateSpec("extension_requested", Text(zh="申请延期", en="extension requested")),
    StateSpec("rectification_claimed", Text(zh="已报整改完成", en="rectification claimed")),
    StateSpec("verified", Text(zh="核查通过", en="verified")),
    StateSpec("closed", Text(zh="已销号", en="closed")),
    StateSpec("rejected", Text(zh="不属隐患（已退回）", en="rejected as not a hazard")),
    StateSpec("escalated", Text(zh="逾期升级督办", en="escalated (overdue)")),
)


def _level_check(state: RecordState, event: Event, policy: DeadlinePolicy) -> str | None:
    level = event.payload.get("level")
    if level is None:
        return None
    ids = policy.level_ids
    return None if level in ids else f"level {level!r} is not on the ladder {list(ids)}"


_LEVEL_KNOWN = Guard(
    "level_on_ladder",
    Text(zh="属地层级须在层级序列内", en="the owning level is on the ladder"),
    _level_check,
)


def _deadline_check(state: RecordState, event: Event, policy: DeadlinePolicy) -> str | None:
    # as_date() inlined, and the event's day computed once: this guard runs on every assign.
    raw = event.payload.get("deadline")
    if not isinstance(raw, str):
        return "payload field 'deadline' (ISO date) is required"
    try:
        deadline = date.fromisoformat(raw[:10])
    except ValueError:
        return "payload field 'deadline' (ISO date) is required"
    day = event.at.date()
    if deadline < day:
        return f"deadline {deadline} is before the assignment date {day}"
    grade = state.facts.get("grade")
    days = policy.rectification_days.get(grade) if isinstance(grade, str) else None
    if days is not None and (deadline - day).days > days:
        return (
            f"deadline {deadline} is {(deadline - day).days} days away; the policy "
            f"allows at most {days} days for a {grade} hazard"
        )
    return None


_DEADLINE_OK = Guard(
    "deadline_within_policy",
    Text(zh="须设整改期限且不超过政策时限", en="a deadline is set, within the policy's limit"),
    _deadline_check,
)


def _assign_facts(state: RecordState, event: Event, policy: DeadlinePolicy) -> dict[str, JSONValue]:
    payload = event.payload
    return {
        "deadline": payload["deadline"],
        "responsible": payload["responsible"],
        "assigned_by": event.actor,
    }


def _assign(
    state: RecordState, event: Event, policy: DeadlinePolicy
) -> tuple[dict[str, JSONValue], tuple[Effect, ...]]:
    deadline = event.payload["deadline"]
    responsible = event.payload["responsible"]
    parsed = as_date(deadline)
    assert parsed is not None and isinstance(responsible, str)  # guards ran first
    return (
        _assign_facts(state, event, policy),
        (DeadlineSet(state.record_id, parsed, responsible),),
    )


def _extension_check(state: RecordState, event: Event, policy: DeadlinePolicy) -> str | None:
    requested = as_date(event.payload.get("deadline"))
    current = as_date(state.facts.get("deadline"))
    if requested is None:
        return "payload field 'deadline' (the requested new deadline, ISO date) is required"
    if current is not None and requested <= current:
        return f"requested deadline {requested} is not after the current deadline {current}"
    return None


_EXTENSION_LATER = Guard(
    "extension_later",
    Text(zh="延期后期限须晚于原期限", en="the requested deadline is later than the current one"),
    _extension_check,
)


def _grant_check(state: RecordState, event: Event, policy: DeadlinePolicy) -> str | None:
    limit = policy.extension_max_days
    requested = as_date(state.facts.get("requested_deadline"))
    current = as_date(state.facts.get("deadline"))
    if limit is None or requested is None or current is None:
        return None
    if (requested - current).days > limit:
        return (
            f"the extension moves the deadline by {(requested - current).days} days; the "
            f"policy allows at most {limit}"
        )
    return None


_GRANT_OK = Guard(
    "extension_within_policy",
    Text(zh="延期天数不超过政策上限", en="the extension is within the policy's limit"),
    _grant_check,
)


def _grant(
    state: RecordState, event: Event, policy: DeadlinePolicy
) -> tuple[dict[str, JSONValue], tuple[Effect, ...]]:
    requested = state.facts.get("requested_deadline")
    parsed = as_date(requested)
    assert parsed is not None  # set by request_extension's guard
    responsible = state.facts.get("responsible")
    return (
        {"deadline": requested, "requested_deadline": None},
        (
            DeadlineSet(
                state.record_id, parsed, responsible if isinstance(responsible, str) else None
            ),
        ),
    )


def _verifier_check(state: RecordState, event: Event, policy: DeadlinePolicy) -> str | None:
    rectifier = state.facts.get("rectifier")
    if event.actor is None:
        return "the verifier must be named (actor)"
    if event.actor == rectifier:
        return (
            f"{event.actor!r} claimed the rectification and cannot also verify it; "
            "verification is done by someone else"
        )
    return None


_VERIFIER_INDEPENDENT = Guard(
    "verifier_independent",
    Text(zh="核查人不得为整改人", en="the verifier is not the rectifier"),
    _verifier_check,
)


def _overdue_check(state: RecordState, event: Event, policy: DeadlinePolicy) -> str | None:
    deadline = as_date(state.facts.get("deadline"))
    if deadline is None:
        return "the record has no deadline"
    if event.at.date() <= deadline:
        return f"the deadline {deadline} has not passed on {event.at.date()}"
    return None


DEADLINE_PASSED = Guard(
    "deadline_passed",
    Text(zh="整改期限已过", en="the deadline has passed"),
    _overdue_check,
)


def _level_above_check(state: RecordState, event: Event, policy: DeadlinePolicy) -> str | None:
    level = state.facts.get("level")
    if not isinstance(level, str) or policy.level_above(level) is None:
        return f"there is no level above {level!r} to escalate to"
    return None


_HAS_LEVEL_ABOVE = Guard(
    "level_above_exists",
    Text(zh="存在上一级", en="there is a level above"),
    _level_above_check,
)


def _escalate(
    state: RecordState, event: Event, policy: DeadlinePolicy
) -> tuple[dict[str, JSONValue], tuple[Effect, ...]]:
    level = state.facts.get("level")
    assert isinstance(level, str)
    above = policy.level_above(level)
    assert above is not None
    count = state.facts.get("escalations")
    return (
        {"level": above.id, "escalations": (count if isinstance(count, int) else 0) + 1},
        (Escalated(state.record_id, level, above.id),),
    )


def _report(
    state: RecordState, event: Event, policy: DeadlinePolicy
) -> tuple[dict[str, JSONValue], tuple[Effect, ...]]:
    level = event.payload.get("level")
    return {
        "level": level if isinstance(level, str) else policy.levels()[0].id,
        "reporter": event.actor,
    }, _NONE


def _claim(
    state: RecordState, event: Event, policy: DeadlinePolicy
) -> tuple[dict[str, JSONValue], tuple[Effect, ...]]:
    return {"rectifier": event.actor}, _NONE


def _verify(
    state: RecordState, event: Event, policy: DeadlinePolicy
) -> tuple[dict[str, JSONValue], tuple[Effect, ...]]:
    return {"verifier": event.actor}, _NONE


def _reopen(
    state: RecordState, event: Event, policy: DeadlinePolicy
) -> tuple[dict[str, JSONValue], tuple[Effect, ...]]:
    count = state.facts.get("reopened")
    return {"reopened": (count if isinstance(count, int) else 0) + 1, "rectifier": None}, _NONE


def _report_again(
    state: RecordState, event: Event, policy: DeadlinePolicy
) -> tuple[dict[str, JSONValue], tuple[Effect, ...]]:
    # Found again (e.g. at the look-back, 复查和回头看) after closing: the same record goes
    # round the loop again, its history kept, the reopening counted.
    facts, effects = _report(state, event, policy)
    count = state.facts.get("reopened")
    facts.update(
        reopened=(count if isinstance(count, int) else 0) + 1, rectifier=None, verifier=None
    )
    return facts, effects


_REASON = payload_text_guard("reason", Text(zh="理由", en="the reason"))

ASSIGN_GUARDS = (
    payload_text_guard("responsible", Text(zh="责任单位", en="the responsible unit")),
    _DEADLINE_OK,
)
"""The guards of an assignment: a responsible unit, and a deadline within the policy."""

ASSIGN_ACTIONS = (Action("set_deadline", _assign, facts=_assign_facts),)
"""The action of an assignment: the deadline facts and the ``DeadlineSet`` effect. A plugin
that adds an assignment from a state of its own reuses these and the guards above."""


def hazard_spec() -> MachineSpec:
    t = TransitionSpec
    return MachineSpec(
        name="hazard",
        title=Text(zh="隐患闭环", en="hazard closed loop"),
        states=STATES,
        transitions=(
            t(
                "report",
                (START,),
                "reported",
                Text(zh="采集上报", en="report"),
                guards=(_LEVEL_KNOWN,),
                actions=(Action("record_reporter", _report),),
                example=Example({"level": "village", "description": "blocked exit"}, "grid-1"),
            ),
            t(
                "assess",
                ("reported",),
                "assessed",
                Text(zh="分析研判", en="assess"),
                guards=(
                    payload_choice_guard("grade", GRADES, Text(zh="隐患等级", en="grade")),
                    _LEVEL_KNOWN,
                ),
                actions=(copy_payload_action("record_grade", ("grade", "level")),),
                example=Example({"grade": "general", "level": "village"}, "township-1"),
            ),
            t(
                "reject",
                ("reported", "assessed"),
                "rejected",
                Text(zh="退回（不属隐患）", en="reject as not a hazard"),
                guards=(_REASON,),
                example=Example({"reason": "not a hazard"}, "township-1"),
            ),
            t(
                "assign",
                ("assessed", "escalated"),
                "assigned",
                Text(zh="分类交办", en="assign"),
                guards=ASSIGN_GUARDS,
                actions=ASSIGN_ACTIONS,
                example=Example(
                    actor="township-1",
                    build=lambda day: {
                        "responsible": "unit-a",
                        "deadline": (day + timedelta(days=30)).isoformat(),
                    },
                ),
            ),
            t(
                "start_rectification",
                ("assigned",),
                "rectifying",
                Text(zh="开始整改", en="start rectification"),
                example=Example({}, "unit-a"),
            ),
            t(
                "request_extension",
                ("rectifying",),
                "extension_requested",
                Text(zh="申请延期", en="request an extension"),
                guards=(_EXTENSION_LATER,),
                actions=(
                    Action(
                        "record_request",
                        lambda s, e, p: ({"requested_deadline": e.payload["deadline"]}, _NONE),
                    ),
                ),
                example=Example(
                    actor="unit-a",
                    build=lambda day: {"deadline": (day + timedelta(days=3650)).isoformat()},
                ),
            ),
            t(
                "grant_extension",
                ("extension_requested",),
                "rectifying",
                Text(zh="批准延期", en="grant the extension"),
                guards=(_GRANT_OK,),
                actions=(Action("move_deadline", _grant),),
                example=Example({}, "township-1"),
            ),
            t(
                "deny_extension",
                ("extension_requested",),
                "rectifying",
                Text(zh="不予延期", en="deny the extension"),
                actions=(
                    Action("drop_request", lambda s, e, p: ({"requested_deadline": None}, _NONE)),
                ),
                example=Example({}, "township-1"),
            ),
            t(
                "claim_rectified",
                ("rectifying",),
                "rectification_claimed",
                Text(zh="报整改完成", en="claim rectified"),
                guards=(actor_guard(),),
                actions=(Action("record_rectifier", _claim),),
                example=Example({}, "unit-a"),
            ),
            t(
                "verify",
                ("rectification_claimed",),
                "verified",
                Text(zh="核查通过", en="verify"),
                guards=(_VERIFIER_INDEPENDENT,),
                actions=(Action("record_verifier", _verify),),
                example=Example({}, "inspector-1"),
            ),
            t(
                "fail_verification",
                ("rectification_claimed",),
                "rectifying",
                Text(zh="核查不通过", en="fail verification"),
                guards=(_VERIFIER_INDEPENDENT, _REASON),
                example=Example({"reason": "exit still blocked"}, "inspector-1"),
            ),
            t(
                "close",
                ("verified",),
                "closed",
                Text(zh="销号", en="close"),
                example=Example({}, "township-1"),
            ),
            t(
                "escalate",
                DEADLINE_STATES,
                "escalated",
                Text(zh="逾期升级", en="escalate (overdue)"),
                guards=(DEADLINE_PASSED, _HAS_LEVEL_ABOVE),
                actions=(Action("raise_level", _escalate),),
                example=Example(actor="system", after_deadline=True),
            ),
            t(
                "reopen",
                ("closed",),
                "assessed",
                Text(zh="回头看重开", en="reopen (look-back)"),
                guards=(_REASON,),
                actions=(Action("count_reopening", _reopen),),
                example=Example({"reason": "look-back found it again"}, "county-1"),
            ),
            t(
                "report",
                ("closed",),
                "reported",
                Text(zh="回头看再次发现(重新上报)", en="report again (found at the look-back)"),
                guards=(_LEVEL_KNOWN,),
                actions=(Action("record_reporting_again", _report_again),),
                example=Example({"level": "village", "description": "found again"}, "grid-1"),
            ),
        ),
    )
