"""The pure-Python engine: each rule's tests evaluated in Python, the twin of durable's."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from stationkit.errors import RuleEngineError
from stationkit.lifecycle import MachineDefinition
from stationkit.monitor._monitor import Monitor, rules_in_force
from stationkit.monitor._rules import TOPICS, Observation, Rule, check_observation
from stationkit.standard import Programme


def undecided(observation: Observation, matched: Sequence[str]) -> RuleEngineError:
    """The error for an observation decided by no rule, or by more than one."""
    if not matched:
        return RuleEngineError(
            f"no monitor rule decides this {observation.get('topic')!r} observation: "
            f"{observation}; the rules of a topic must cover every case"
        )
    return RuleEngineError(
        f"monitor rules {sorted(matched)} all decide this {observation.get('topic')!r} "
        f"observation: {observation}; the rules of a topic must not overlap"
    )


class PythonDecider:
    """Evaluates the rules of the observation's topic; exactly one must match."""

    def __init__(self, rules: Iterable[Rule]) -> None:
        self._by_topic: dict[str, list[Rule]] = {}
        self._fields = {name: frozenset(t.fields) | {"topic"} for name, t in TOPICS.items()}
        for rule in rules:
            self._by_topic.setdefault(rule.topic, []).append(rule)

    def decide(self, observation: Observation) -> Rule:
        topic = observation.get("topic")
        if observation.keys() != self._fields.get(topic):  # type: ignore[arg-type]
            check_observation(observation)  # raises, naming what is wrong
        matched = [rule for rule in self._by_topic.get(topic, ()) if rule.matches(observation)]  # type: ignore[arg-type]
        if len(matched) != 1:
            raise undecided(observation, [rule.id for rule in matched])
        return matched[0]

    def close(self) -> None:
        self._by_topic.clear()


class PythonMonitor(Monitor):
    """The live monitor deciding in plain Python; the twin of ``DurableMonitor``."""

    name = "python"

    def __init__(
        self,
        machines: MachineDefinition | Iterable[MachineDefinition],
        rules: Sequence[Rule] | None = None,
        programmes: Sequence[Programme] = (),
    ) -> None:
        super().__init__(machines, PythonDecider(rules_in_force(rules)), programmes)
