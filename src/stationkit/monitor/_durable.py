"""The durable_rules engine (private adapter): durable decides, Python remembers.

durable_rules 2.0.28 is used only on its stateless path, the one that holds up (see
docs/lifecycles.md, "Live monitoring", and the pitfalls listed there):

- every rule is one pattern of constant tests on a self-contained event (no joins, facts,
  timers, statecharts or ``post_batch``); the rule language cannot express anything else;
- one host per process, its two background timer threads switched off;
- rulesets named by the content of their rules, registered once and shared by every engine
  with the same rules, at most ``MAX_RULESETS`` per process (they are never freed);
- sids from a recycled pool (never deleted: ``delete_state`` crashes), fewer than 1,024 per
  ruleset, refusing a sid whose 32-bit FNV-1a hash equals a minted one (equal hashes share a
  state in the C engine);
- one process-wide lock around every call into durable;
- one-argument action wrappers (two arguments would make durable treat an action as async)
  that record the decision and catch every exception; the engine re-raises it afterwards;
  each observation must be decided by exactly one rule;
- ``durable.engine._unix_now`` (wall clock, deprecated ``utcfromtimestamp`` on 3.12)
  replaced by a monotonic clock: durable only takes differences of it.
"""

from __future__ import annotations

import sys
import threading
import time
import weakref
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from stationkit.errors import EngineUnavailableError, RuleEngineError
from stationkit.lifecycle import MachineDefinition
from stationkit.monitor._monitor import Monitor, rules_in_force
from stationkit.monitor._python import undecided
from stationkit.monitor._rules import (
    TOPICS,
    Observation,
    Rule,
    Test,
    check_observation,
    fingerprint,
)
from stationkit.standard import Programme

MAX_RULESETS = 32
"""Distinct rule sets one process may register (durable never frees a ruleset)."""
MAX_SIDS = 1000
"""Engines alive at once on one rule set (durable's limit is 1,024 states per ruleset)."""
DURABLE_VERSION = "2.0.28"

_LOCK = threading.RLock()  # one process-wide lock around every call into durable
_FNV_OFFSET, _FNV_PRIME = 0x811C9DC5, 16777619
_OPS = {"!=": "$neq", "<": "$lt", "<=": "$lte", ">": "$gt", ">=": "$gte"}


def unavailable_reason() -> str | None:
    """Why the durable engine cannot run here, or None when it can."""
    if sys.version_info >= (3, 13):
        version = ".".join(str(part) for part in sys.version_info[:3])
        return (
            f"the durable engine is unavailable on Python {version}: durable-rules "
            f"{DURABLE_VERSION} does not build or import on Python 3.13 and later; use "
            "--engine python (the pure-Python twin, same rules and alerts)"
        )
    try:
        import durable.engine  # noqa: F401
    except ImportError as error:
        return (
            f"the durable engine needs durable-rules {DURABLE_VERSION} "
            f"(pip install 'durable-rules=={DURABLE_VERSION}'), which failed to import: "
            f"{error}; use --engine python"
        )
    return None


def fnv1a32(text: str) -> int:
    """durable's sid hash (state.c ``fnv1Hash32``: bytes as signed chars)."""
    value = _FNV_OFFSET
    for byte in text.encode("utf-8"):
        signed = byte - 256 if byte > 127 else byte
        value = ((value ^ (signed & 0xFFFFFFFF)) * _FNV_PRIME) & 0xFFFFFFFF
    return value


def _test_json(test: Test) -> dict[str, Any]:
    if test.op == "==":
        return {test.field: test.value}
    return {_OPS[test.op]: {test.field: test.value}}


class _SharedRuleset:
    """One registered ruleset: its rules by durable name, the decisions recorded by its
    actions during the current post, and its pool of sids."""

    def __init__(self, name: str, rules: Sequence[Rule]) -> None:
        self.name = name
        self.rule_ids = tuple(rule.id for rule in rules)
        self.decisions: list[tuple[str, str, int]] = []
        self.errors: list[BaseException] = []
        self._free: list[str] = []
        self._hashes: set[int] = set()
        self._minted = 0
        self.live = 0

    def record(self, rule_id: str, message: Any) -> None:
        """What each action does: note which rule decided which message."""
        self.decisions.append((rule_id, str(message["sid"]), int(message["n"])))

    def acquire_sid(self) -> str:
        if self._free:
            self.live += 1
            return self._free.pop()
        if self._minted >= MAX_SIDS:
            raise RuleEngineError(
                f"{MAX_SIDS} monitors are open at once on one rule set; close some (durable "
                "holds at most 1,024 states per ruleset)"
            )
        while True:
            self._minted += 1
            sid = f"m{self._minted}"
            hashed = fnv1a32(sid)
            if hashed not in self._hashes:  # equal hashes would share one state
                self._hashes.add(hashed)
                self.live += 1
                return sid

    def release_sid(self, sid: str) -> None:
        self._free.append(sid)
        self.live -= 1


class _Runtime:
    """The process's one quiet host and its rulesets."""

    def __init__(self) -> None:
        from durable import engine

        class QuietHost(engine.Host):  # type: ignore[misc]
            """A host without the two timer threads every ``Host()`` starts (they never
            stop and keep the host alive); nothing here uses durable timers."""

            def _run(self) -> None:
                pass

        start = time.monotonic()
        # Only differences of it are used (action leases); never the wall clock.
        engine._unix_now = lambda: time.monotonic() - start
        self.not_handled: type[Exception] = engine.MessageNotHandledException
        self.host: Any = QuietHost()
        self.rulesets: dict[str, _SharedRuleset] = {}
        self.broken: str | None = None

    def ruleset(self, rules: Sequence[Rule]) -> _SharedRuleset:
        name = f"stationkit_monitor_{fingerprint(rules)}"
        shared = self.rulesets.get(name)
        if shared is not None:
            return shared
        if len(self.rulesets) >= MAX_RULESETS:
            raise RuleEngineError(
                f"{MAX_RULESETS} distinct monitor rule sets are registered in this process "
                "(durable never frees one); use fewer distinct rule sets"
            )
        ordered = sorted(rules, key=lambda rule: rule.id)
        shared = _SharedRuleset(name, ordered)
        definition: dict[str, Any] = {}
        for index, rule in enumerate(ordered):
            tests = [{"topic": rule.topic}] + [_test_json(test) for test in rule.when]
            definition[f"r{index}"] = {
                "all": [{"m": {"$and": tests}}],
                "run": _action(shared, rule.id),
            }
        try:
            self.host.register_rulesets({name: definition})
        except Exception as error:
            raise RuleEngineError(f"durable refused the rule set {name}: {error}") from error
        self.rulesets[name] = shared
        return shared

    def check_usable(self) -> None:
        if self.broken is not None:
            raise RuleEngineError(
                f"the durable runtime of this process is unusable: {self.broken}; use the "
                "python engine or restart the process"
            )


def _topic_fields() -> dict[str, frozenset[str]]:
    """Each topic's field names, as a posted observation has them."""
    return {name: frozenset(topic.fields) | {"topic"} for name, topic in TOPICS.items()}


def _action(shared: _SharedRuleset, rule_id: str) -> Callable[[Any], None]:
    def action(c: Any) -> None:  # one argument: two would make durable treat it as async
        try:
            shared.record(rule_id, c._m["m"])  # the matched event, as durable passed it
        except BaseException as error:  # re-raised by the engine after post() returns
            shared.errors.append(error)

    return action


_runtime: _Runtime | None = None


def _get_runtime() -> _Runtime:
    global _runtime
    reason = unavailable_reason()
    if reason is not None:
        raise EngineUnavailableError(reason)
    if _runtime is None:
        _runtime = _Runtime()
    return _runtime


class DurableDecider:
    """Decides observations with a shared durable ruleset, on a sid of its own."""

    def __init__(self, rules: Iterable[Rule]) -> None:
        self._rules = {rule.id: rule for rule in rules}
        with _LOCK:
            runtime = _get_runtime()
            runtime.check_usable()
            self._runtime = runtime
            self._shared = runtime.ruleset(list(self._rules.values()))
            if set(self._shared.rule_ids) != set(self._rules):  # a fingerprint collision
                raise RuleEngineError(f"rule set {self._shared.name} holds other rules")
            self._sid = self._shared.acquire_sid()
        self._seq = 0
        self._closed = False
        self._fields = _topic_fields()
        self._release = weakref.finalize(self, _release, self._shared, self._sid)

    def decide(self, observation: Observation) -> Rule:
        if observation.keys() != self._fields.get(observation.get("topic")):  # type: ignore[arg-type]
            check_observation(observation)  # raises, naming what is wrong
        shared, runtime = self._shared, self._runtime
        with _LOCK:
            if runtime.broken is not None or self._closed:
                runtime.check_usable()
                raise RuleEngineError("the durable decider is closed")
            self._seq += 1
            seq = self._seq
            message: dict[str, Any] = dict(observation)
            message["sid"] = sid = self._sid
            message["n"] = seq
            decisions = shared.decisions
            decisions.clear()
            try:
                runtime.host.post(shared.name, message)
            except runtime.not_handled:
                pass  # no rule matched: zero decisions, reported below
            except BaseException as error:
                runtime.broken = f"a call into durable failed ({type(error).__name__}: {error})"
                if isinstance(error, Exception):
                    raise RuleEngineError(runtime.broken) from error
                raise  # KeyboardInterrupt and the like: the runtime is marked unusable
            if shared.errors:
                failure = shared.errors.pop()
                shared.errors.clear()
                raise RuleEngineError(
                    f"a monitor rule's action raised {type(failure).__name__}: {failure}"
                ) from failure
            if len(decisions) == 1 and decisions[0][1] == sid and decisions[0][2] == seq:
                return self._rules[decisions[0][0]]
            decided = [rule_id for rule_id, s, n in decisions if s == sid and n == seq]
            if len(decided) != len(decisions):
                raise RuleEngineError(
                    f"durable ran actions for another message than the one posted: {decisions}"
                )
            raise undecided(observation, decided)

    def close(self) -> None:
        self._closed = True
        self._release()


def _release(shared: _SharedRuleset, sid: str) -> None:
    with _LOCK:
        shared.release_sid(sid)


class DurableMonitor(Monitor):
    """The live monitor deciding with durable_rules; the twin of ``PythonMonitor``.

    Raises ``EngineUnavailableError`` where durable cannot run (Python 3.13+, or not
    installed).
    """

    name = "durable"

    def __init__(
        self,
        machines: MachineDefinition | Iterable[MachineDefinition],
        rules: Sequence[Rule] | None = None,
        programmes: Sequence[Programme] = (),
    ) -> None:
        super().__init__(machines, DurableDecider(rules_in_force(rules)), programmes)
