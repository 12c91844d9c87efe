"""The rule language of live monitoring: constant tests on one observation's fields.

An *observation* is a flat, self-contained dict the monitor derives in Python (a deadline that
passed, a drill's response time, a deadline that started or stopped running). Its ``topic``
names a fixed schema (``TOPICS``). A rule matches an observation of its topic by comparing
fields with constants and names one decision. A rule cannot compare two fields (a join): a
``field(...)`` compared with another field raises, so no rule can reach the join path of
durable_rules' C engine (see docs/lifecycles.md, "Live monitoring").

The rules of one topic must partition its observations: each observation is decided by
exactly one rule, or the engine raises.
"""

from __future__ import annotations

import hashlib
import json
import string
from collections.abc import Iterable, Mapping, Sequence
from typing import Literal, TypeAlias

import attrs

from stationkit.standard import Citation, Text

Constant: TypeAlias = str | int | bool
Operator: TypeAlias = Literal["==", "!=", "<", "<=", ">", ">="]
Observation: TypeAlias = dict[str, Constant]

MAX_RULES = 200  # per rule book: a rule book is written by hand
MAX_TESTS = 16  # per rule
MAX_STRING = 200  # characters of a constant


@attrs.frozen
class Topic:
    """A kind of observation: its fields (name → type) and the decisions its rules may make.

    ``alert`` decisions produce an alert; the other decisions steer the schedule.
    """

    name: str
    fields: Mapping[str, type] = attrs.field(hash=False)
    decisions: tuple[str, ...]
    description: Text


TOPICS: Mapping[str, Topic] = {
    topic.name: topic
    for topic in (
        Topic(
            "deadline",
            {"watch": str, "event": str, "was_running": bool, "running": bool, "moved": bool},
            ("arm", "cancel", "move", "keep"),
            Text(
                "一个期限开始、停止或改变：排期、取消、改期或不变",
                "a deadline starts, stops or moves: arm, cancel, move or keep its alert",
            ),
        ),
        Topic(
            "hazard.overdue",
            {
                "record": str,
                "level": str,
                "next_level": str,
                "level_zh": str,
                "next_level_zh": str,
                "grade": str,
                "deadline": str,
                "reassigned": bool,
                "escalations": int,
            },
            ("alert", "none"),
            Text(
                "隐患整改期限已过（期限次日），未报整改完成",
                "a hazard's rectification deadline passed (the day after) without a claim "
                "of rectification",
            ),
        ),
        Topic(
            "milestone.overdue",
            {
                "record": str,
                "programme": str,
                "milestone": str,
                "title_zh": str,
                "title_en": str,
                "responsible": str,
                "due": str,
                "quarter": str,
            },
            ("alert", "none"),
            Text(
                "推进计划节点到期次日仍未完成",
                "a programme milestone is not complete the day after its due date",
            ),
        ),
        Topic(
            "station.quarter",
            {"record": str, "quarter": str, "state": str, "built": bool, "verified": bool},
            ("alert", "none"),
            Text(
                "季度末：一个站点是否已建成、是否已核实（验收）通过",
                "the end of a quarter: whether a station is built, and verified (accepted)",
            ),
        ),
        Topic(
            "drill.response",
            {"record": str, "milestone": str, "seconds": int, "minutes": str},
            ("alert", "none"),
            Text("演练某一响应时间点（自报警起）", "one response time of a drill, from the alarm"),
        ),
    )
}

ALERTING = "alert"


def _type_name(kind: type) -> str:
    return {str: "text", int: "whole number", bool: "true/false"}[kind]


@attrs.frozen
class Test:
    """``field op value``: one field of the observation compared with a constant."""

    __test__ = False  # not a pytest test class, whatever its name
    field: str
    op: Operator
    value: Constant

    def holds(self, observation: Mapping[str, Constant]) -> bool:
        actual = observation[self.field]
        op, value = self.op, self.value
        if op == "==":
            return actual == value
        if op == "!=":
            return actual != value
        assert isinstance(actual, int) and isinstance(value, int)
        if op == "<":
            return actual < value
        if op == "<=":
            return actual <= value
        if op == ">":
            return actual > value
        return actual >= value

    def __str__(self) -> str:
        return f"{self.field} {self.op} {json.dumps(self.value, ensure_ascii=False)}"


class Field:
    """A field of the observation, to compare with a constant: ``field("level") == "village"``.

    Comparing two fields raises ``TypeError``: the rule language has no joins.
    """

    __slots__ = ("name",)
    __hash__ = None  # type: ignore[assignment]

    def __init__(self, name: str) -> None:
        self.name = name

    def _test(self, op: Operator, value: object) -> Test:
        if isinstance(value, Field):
            raise TypeError(
                f"a rule compares a field with a constant, not with field {value.name!r}: "
                "joins between fields cannot be expressed"
            )
        if not isinstance(value, str | int | bool):
            raise TypeError(
                f"field {self.name!r}: a constant is text, a whole number or true/false, "
                f"not {type(value).__name__}"
            )
        return Test(self.name, op, value)

    def equals(self, value: Constant) -> Test:
        """``== value``, spelled out (for true/false, where ``== False`` reads oddly)."""
        return self._test("==", value)

    def __eq__(self, value: object) -> Test:  # type: ignore[override]
        return self._test("==", value)

    def __ne__(self, value: object) -> Test:  # type: ignore[override]
        return self._test("!=", value)

    def __lt__(self, value: object) -> Test:
        return self._test("<", value)

    def __le__(self, value: object) -> Test:
        return self._test("<=", value)

    def __gt__(self, value: object) -> Test:
        return self._test(">", value)

    def __ge__(self, value: object) -> Test:
        return self._test(">=", value)


def field(name: str) -> Field:
    """A field of the observation, for writing tests: ``field("seconds") > 300``."""
    return Field(name)


def _placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


@attrs.frozen
class Rule:
    """One rule: when every test holds on an observation of ``topic``, ``decision`` is made.

    An ``alert`` rule has a ``message`` whose ``{placeholders}`` are fields of the topic.
    ``citation`` is the clause the rule comes from (the core's own rules have none).
    """

    id: str
    topic: str
    when: tuple[Test, ...]
    decision: str
    title: Text
    citation: Citation | None = None
    message: Text | None = None

    def __attrs_post_init__(self) -> None:
        where = f"monitor rule {self.id!r}"
        if not self.id or len(self.id) > MAX_STRING:
            raise ValueError(f"{where}: the id must be 1 to {MAX_STRING} characters")
        topic = TOPICS.get(self.topic)
        if topic is None:
            raise ValueError(f"{where}: unknown topic {self.topic!r}; topics: {sorted(TOPICS)}")
        if self.decision not in topic.decisions:
            raise ValueError(
                f"{where}: decision {self.decision!r} is not one of topic {self.topic!r}'s "
                f"{list(topic.decisions)}"
            )
        if len(self.when) > MAX_TESTS:
            raise ValueError(f"{where}: more than {MAX_TESTS} tests")
        for test in self.when:
            _check_test(where, topic, test)
        if (self.decision == ALERTING) != (self.message is not None):
            raise ValueError(f"{where}: an alert rule has a message, and only an alert rule")
        if self.message is not None:
            for template in (self.message.zh, self.message.en):
                unknown = _placeholders(template) - set(topic.fields)
                if unknown:
                    raise ValueError(
                        f"{where}: the message names {sorted(unknown)}, which are not fields "
                        f"of topic {self.topic!r}: {sorted(topic.fields)}"
                    )

    def matches(self, observation: Mapping[str, Constant]) -> bool:
        return all(test.holds(observation) for test in self.when)

    def render(self, observation: Mapping[str, Constant]) -> Text:
        assert self.message is not None
        return Text(
            self.message.zh.format_map(observation), self.message.en.format_map(observation)
        )

    def canonical(self) -> dict[str, object]:
        """What decides: topic, tests and decision (for content-named rulesets)."""
        return {
            "id": self.id,
            "topic": self.topic,
            "decision": self.decision,
            "when": [[t.field, t.op, t.value] for t in self.when],
        }


def _check_test(where: str, topic: Topic, test: Test) -> None:
    kind = topic.fields.get(test.field)
    if kind is None or test.field == "topic":
        raise ValueError(
            f"{where}: topic {topic.name!r} has no field {test.field!r}; its fields: "
            f"{sorted(topic.fields)}"
        )
    # bool is an int in Python: compare the exact type.
    if type(test.value) is not kind:
        raise ValueError(
            f"{where}: field {test.field!r} is {_type_name(kind)}, compared with {test.value!r}"
        )
    if kind is not int and test.op not in ("==", "!="):
        raise ValueError(f"{where}: {test.op} compares whole numbers only ({test.field!r})")
    if isinstance(test.value, str) and len(test.value) > MAX_STRING:
        raise ValueError(f"{where}: a constant is at most {MAX_STRING} characters")


@attrs.frozen
class RuleBook:
    """The monitor rules a plugin supplies for a standard (all editions when ``editions`` is
    None). Returned from the ``stationkit_monitor_rules`` hook.

    A rule book's rules for a topic replace the core's default rules of that topic; the
    ``deadline`` topic (the schedule) is the core's alone.
    """

    standard: str
    rules: tuple[Rule, ...]
    editions: frozenset[str] | None = None

    def __attrs_post_init__(self) -> None:
        if len(self.rules) > MAX_RULES:
            raise ValueError(f"rule book of {self.standard!r}: more than {MAX_RULES} rules")
        ids = [rule.id for rule in self.rules]
        repeated = sorted({i for i in ids if ids.count(i) > 1})
        if repeated:
            raise ValueError(f"rule book of {self.standard!r} repeats rule ids {repeated}")
        for rule in self.rules:
            if rule.topic == "deadline":
                raise ValueError(
                    f"rule book of {self.standard!r}: rule {rule.id!r} is on topic 'deadline', "
                    "which only the core's schedule rules decide"
                )

    def applies_to(self, standard: str, edition: str | None) -> bool:
        return self.standard == standard and (
            edition is None or self.editions is None or edition in self.editions
        )


def _satisfiable(kind: type, tests: Iterable[Test]) -> bool:
    """Whether one value of type ``kind`` passes every test (constant tests on one field)."""
    tests = list(tests)
    if kind is int:
        low, high, skip = -(10**18), 10**18, set()
        for t in tests:
            v = int(t.value)
            if t.op == "==":
                low, high = max(low, v), min(high, v)
            elif t.op == "!=":
                skip.add(v)
            elif t.op == "<":
                high = min(high, v - 1)
            elif t.op == "<=":
                high = min(high, v)
            elif t.op == ">":
                low = max(low, v + 1)
            else:
                low = max(low, v)
        if low > high:
            return False
        return high - low + 1 > len(skip) or any(v not in skip for v in range(low, high + 1))
    candidates: Iterable[Constant] = (True, False)
    if kind is str:
        equal = {t.value for t in tests if t.op == "=="}
        if not equal:
            return True  # infinitely many texts: some differs from every != constant
        candidates = equal
    return any(all(t.holds({t.field: value}) for t in tests) for value in candidates)


def overlap(first: Rule, second: Rule) -> bool:
    """Whether some observation matches both rules (same topic, constant tests only)."""
    if first.topic != second.topic:
        return False
    fields = TOPICS[first.topic].fields
    tests = first.when + second.when
    return all(
        _satisfiable(kind, [t for t in tests if t.field == name]) for name, kind in fields.items()
    )


def check_partition(rules: Sequence[Rule]) -> None:
    """Two rules of a topic that can match one observation: a ``ValueError`` naming both.

    (That every observation is matched is checked as the rules run: an undecided
    observation is an engine error.) durable_rules consumes an event with the first action
    it runs, so an overlap could not be seen at run time there.
    """
    for index, first in enumerate(rules):
        for second in rules[index + 1 :]:
            if overlap(first, second):
                raise ValueError(
                    f"monitor rules {first.id!r} and {second.id!r} both match some "
                    f"{first.topic!r} observations; the rules of a topic must not overlap"
                )


def combine(core: Iterable[Rule], supplied: Iterable[Rule]) -> tuple[Rule, ...]:
    """The supplied rules, and the core's for every topic they leave."""
    supplied = tuple(supplied)
    covered = {rule.topic for rule in supplied}
    rules = [rule for rule in core if rule.topic not in covered] + list(supplied)
    ids = [rule.id for rule in rules]
    repeated = sorted({i for i in ids if ids.count(i) > 1})
    if repeated:
        raise ValueError(f"monitor rules repeat ids {repeated} across rule books")
    check_partition(rules)
    return tuple(rules)


def fingerprint(rules: Iterable[Rule]) -> str:
    """A short hash of what the rules decide (order-independent): equal rules, equal name."""
    body = sorted((rule.canonical() for rule in rules), key=lambda r: str(r["id"]))
    text = json.dumps(body, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def check_observation(observation: Mapping[str, Constant]) -> Topic:
    """The observation's topic, after checking it has exactly the topic's fields and types."""
    name = observation.get("topic")
    topic = TOPICS.get(name) if isinstance(name, str) else None
    if topic is None:
        raise ValueError(f"observation of unknown topic {name!r}")
    for key, kind in topic.fields.items():
        if type(observation.get(key)) is not kind:
            raise ValueError(
                f"observation of {topic.name!r}: field {key!r} must be {_type_name(kind)}, "
                f"got {observation.get(key)!r}"
            )
    extra = set(observation) - set(topic.fields) - {"topic"}
    if extra:
        raise ValueError(f"observation of {topic.name!r} has unknown fields {sorted(extra)}")
    return topic
