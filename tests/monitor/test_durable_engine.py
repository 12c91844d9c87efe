"""The durable engine in the ordinary pytest process: many engines, shared rulesets,
recycled sids, errors that surface, no background threads, no wall clock."""

from __future__ import annotations

import gc
import sys
import threading
import warnings
from collections.abc import Callable, Iterator
from datetime import datetime
from typing import Any

import pytest

from stationkit import Text
from stationkit.lifecycle import Event, resolve_machine
from stationkit.monitor import (
    DurableMonitor,
    EngineUnavailableError,
    PythonMonitor,
    Rule,
    RuleEngineError,
    _durable,
    durable_unavailable,
    field,
)

pytestmark = pytest.mark.skipif(
    durable_unavailable() is not None, reason=durable_unavailable() or ""
)

HAZARD = resolve_machine("hazard", ())
DRILL = resolve_machine("drill", ())
TITLE = Text("规则", "rule")


def _drill_events(record: str, arrived_seconds: int) -> list[Event]:
    alarm = datetime(2025, 5, 12, 9)
    times = {
        "alarm_at": alarm.isoformat(),
        "arrived_at": alarm.replace(
            minute=arrived_seconds // 60, second=arrived_seconds % 60
        ).isoformat(),
    }
    return [
        Event(f"{record}/1", record, "plan", alarm, "drill", {}, "x"),
        Event(f"{record}/2", record, "announce", alarm, "drill", {}, "x"),
        Event(f"{record}/3", record, "execute", alarm, "drill", times, "x"),
    ]


def _limit_rules(limit: int, *, cover: bool = True, overlap: bool = False) -> list[Rule]:
    late = Rule(
        "t.late",
        "drill.response",
        (field("seconds") > limit,),
        "alert",
        TITLE,
        message=Text("{record} {minutes}", "{record} {minutes}"),
    )
    rules = [late]
    if cover:
        rules.append(Rule("t.ok", "drill.response", (field("seconds") <= limit,), "none", TITLE))
    if overlap:
        rules.append(Rule("t.also", "drill.response", (field("seconds") >= 0,), "none", TITLE))
    return rules


def _alerts(monitor: DurableMonitor | PythonMonitor, record: str, seconds: int) -> list[str]:
    found: list[str] = []
    for event in _drill_events(record, seconds):
        found += [alert.rule for alert in monitor.post(event)]
    return found


@pytest.fixture
def engines() -> Iterator[list[DurableMonitor]]:
    made: list[DurableMonitor] = []
    yield made
    for monitor in made:
        monitor.close()


def test_many_engines_in_one_process_without_threads(engines: list[DurableMonitor]) -> None:
    threads = threading.active_count()
    for n in range(300):
        monitor = DurableMonitor([DRILL], _limit_rules(600 + n % 3))
        engines.append(monitor)
        assert _alerts(monitor, f"D{n}", 900) == ["t.late"]
        assert _alerts(monitor, f"E{n}", 60) == []
    assert threading.active_count() == threads  # the host's timer threads are off


def test_engines_with_equal_rules_share_one_ruleset(engines: list[DurableMonitor]) -> None:
    runtime = _durable._get_runtime()
    before = len(runtime.rulesets)
    engines += [DurableMonitor([DRILL], _limit_rules(777)) for _ in range(5)]
    assert len(runtime.rulesets) == before + 1
    engines.append(DurableMonitor([DRILL], _limit_rules(778)))
    assert len(runtime.rulesets) == before + 2


def test_sids_are_recycled_and_never_collide() -> None:
    rules = _limit_rules(555)
    first = DurableMonitor([DRILL], rules)
    shared = first._decider._shared  # type: ignore[attr-defined]
    live = shared.live
    first.close()
    assert shared.live == live - 1
    for _ in range(50):  # open and close: the pool does not grow
        DurableMonitor([DRILL], rules).close()
    assert shared._minted <= live + 1
    dropped = DurableMonitor([DRILL], rules)
    del dropped
    gc.collect()  # a monitor never closed gives its sid back when collected
    assert shared.live == live - 1
    assert _durable.fnv1a32("a") == 0xE40C292C  # FNV-1a, as durable's state.c hashes sids


def test_a_sid_whose_hash_collides_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    shared = _durable._SharedRuleset("test", [])
    monkeypatch.setattr(_durable, "fnv1a32", lambda text: 7 if text in ("m1", "m2") else 8)
    assert shared.acquire_sid() == "m1"
    assert shared.acquire_sid() == "m3"  # m2 hashes like m1: skipped


def test_an_action_that_raises_surfaces_as_an_engine_error(
    monkeypatch: pytest.MonkeyPatch, engines: list[DurableMonitor]
) -> None:
    monitor = DurableMonitor([DRILL], _limit_rules(600))
    engines.append(monitor)

    def boom(self: Any, rule_id: str, message: Any) -> None:
        raise ZeroDivisionError("inside the action")

    monkeypatch.setattr(_durable._SharedRuleset, "record", boom)
    with pytest.raises(RuleEngineError, match="action raised ZeroDivisionError") as info:
        _alerts(monitor, "D1", 900)
    assert isinstance(info.value.__cause__, ZeroDivisionError)
    monkeypatch.undo()
    assert _alerts(monitor, "D2", 900) == ["t.late"]  # the engine goes on


@pytest.mark.parametrize("engine", [DurableMonitor, PythonMonitor])
def test_an_undecided_observation_is_an_error_and_overlaps_are_refused(
    engine: Callable[..., DurableMonitor | PythonMonitor],
) -> None:
    gap = engine([DRILL], _limit_rules(600, cover=False))
    with pytest.raises(RuleEngineError, match="no monitor rule decides"):
        _alerts(gap, "D1", 60)
    gap.close()
    # durable consumes an event with its first action: overlaps are refused before running.
    with pytest.raises(ValueError, match=r"'t\.late' and 't\.also' both match"):
        engine([DRILL], _limit_rules(600, overlap=True))


def test_two_decisions_are_an_error_too(monkeypatch: pytest.MonkeyPatch) -> None:
    monitor = DurableMonitor([DRILL], _limit_rules(600))
    shared = monitor._decider._shared  # type: ignore[attr-defined]
    original = _durable._SharedRuleset.record

    def twice(self: Any, rule_id: str, message: Any) -> None:
        original(self, rule_id, message)
        original(self, "t.ok", message)

    monkeypatch.setattr(_durable._SharedRuleset, "record", twice)
    with pytest.raises(RuleEngineError, match="all decide"):
        _alerts(monitor, "D1", 900)
    monkeypatch.undo()
    assert shared.decisions  # recorded, then refused
    monitor.close()


def test_the_ruleset_cap_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    runtime = _durable._get_runtime()
    monkeypatch.setattr(_durable, "MAX_RULESETS", len(runtime.rulesets))
    with pytest.raises(RuleEngineError, match="distinct monitor rule sets"):
        DurableMonitor([DRILL], _limit_rules(123456))


def test_a_broken_runtime_is_refused_with_a_message(monkeypatch: pytest.MonkeyPatch) -> None:
    monitor = DurableMonitor([DRILL], _limit_rules(600))
    runtime = _durable._get_runtime()

    def interrupted(*args: object) -> None:
        raise RuntimeError("C engine failed")

    monkeypatch.setattr(runtime.host, "post", interrupted)
    with pytest.raises(RuleEngineError, match="C engine failed"):
        _alerts(monitor, "D1", 60)
    monkeypatch.undo()
    with pytest.raises(RuleEngineError, match="unusable"):
        _alerts(monitor, "D2", 60)
    runtime.broken = None  # this process's other tests go on
    monitor.close()


def test_no_wall_clock_and_no_deprecation_warning() -> None:
    from durable import engine

    with warnings.catch_warnings():
        warnings.simplefilter("error")
        monitor = DurableMonitor([DRILL], _limit_rules(600))
        assert _alerts(monitor, "D1", 900) == ["t.late"]
        monitor.close()
    assert engine._unix_now() < 10**6  # monotonic seconds since start, not the epoch


def test_durable_is_refused_on_python_3_13(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "version_info", (3, 13, 0, "final", 0))
    reason = durable_unavailable()
    assert reason is not None and "Python 3.13.0" in reason and "--engine python" in reason
    with pytest.raises(EngineUnavailableError, match=r"Python 3\.13\.0"):
        DurableMonitor([HAZARD])


def test_the_same_scenarios_in_both_orders() -> None:
    """The scenarios above share one runtime: run a mix forwards then backwards."""

    def late(n: int) -> list[str]:
        monitor = DurableMonitor([DRILL], _limit_rules(600 + n % 4 * 50))
        try:
            return _alerts(monitor, f"O{n}", 700)
        finally:
            monitor.close()

    forwards = [late(n) for n in range(120)]
    backwards = [late(n) for n in reversed(range(120))]
    assert forwards == backwards[::-1]
    assert forwards[0] == ["t.late"] and forwards[2] == []
