"""Reusable guard and action builders (pure functions of record state, event and policy)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime

from stationkit.lifecycle._effects import Effect
from stationkit.lifecycle._events import Event, JSONValue
from stationkit.lifecycle._policy import DeadlinePolicy
from stationkit.lifecycle._spec import Action, Guard
from stationkit.lifecycle._state import RecordState
from stationkit.standard._text import Text

_NONE: tuple[Effect, ...] = ()


def as_date(value: JSONValue) -> date | None:
    """An ISO date (or the date of an ISO date-time) from a JSON value; None when absent/bad."""
    if not isinstance(value, str):
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def as_datetime(value: JSONValue) -> datetime | None:
    if not isinstance(value, str):
        return None
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        return None


def payload_text_guard(key: str, what: Text) -> Guard:
    """The payload carries a non-empty text under ``key``."""

    def check(state: RecordState, event: Event, policy: DeadlinePolicy) -> str | None:
        value = event.payload.get(key)
        if isinstance(value, str) and value.strip():
            return None
        return f"payload field {key!r} ({what.en}) is required and must be a non-empty text"

    return Guard(
        f"{key}_given",
        Text(zh=f"须填写{what.zh}", en=f"{what.en} is given"),
        check,
    )


def payload_choice_guard(key: str, choices: Iterable[str], what: Text) -> Guard:
    options = tuple(choices)

    def check(state: RecordState, event: Event, policy: DeadlinePolicy) -> str | None:
        value = event.payload.get(key)
        if value in options:
            return None
        return f"payload field {key!r} ({what.en}) must be one of {list(options)}, got {value!r}"

    return Guard(
        f"{key}_valid",
        Text(zh=f"{what.zh}须为：{'、'.join(options)}", en=f"{what.en} is one of {options}"),
        check,
    )


def actor_guard() -> Guard:
    def check(state: RecordState, event: Event, policy: DeadlinePolicy) -> str | None:
        return None if event.actor else "the event must name its actor"

    return Guard("actor_known", Text(zh="须载明操作人", en="the actor is named"), check)


def copy_payload_action(name: str, keys: Iterable[str]) -> Action:
    """Record the listed payload fields (when present) as facts."""
    wanted = tuple(keys)

    def apply(
        state: RecordState, event: Event, policy: DeadlinePolicy
    ) -> tuple[dict[str, JSONValue], tuple[Effect, ...]]:
        payload = event.payload
        updates: dict[str, JSONValue] = {}
        for key in wanted:  # a plain loop: a comprehension costs a call per event
            if key in payload:
                updates[key] = payload[key]
        return updates, _NONE

    return Action(name, apply)


def set_facts_action(name: str, **facts: JSONValue) -> Action:
    fixed = dict(facts)

    def apply(
        state: RecordState, event: Event, policy: DeadlinePolicy
    ) -> tuple[dict[str, JSONValue], tuple[Effect, ...]]:
        return fixed, _NONE

    return Action(name, apply)
