"""The rule language: constant tests only, checked against the topic's schema."""

from __future__ import annotations

import pytest

from stationkit import Text
from stationkit.monitor import (
    DEFAULT_RULES,
    SCHEDULE_RULES,
    TOPICS,
    Rule,
    RuleBook,
    Test,
    field,
    rules_in_force,
)

TITLE = Text("规则", "rule")
MESSAGE = Text("隐患 {record}", "hazard {record}")


def test_a_field_compared_with_a_constant_is_a_test() -> None:
    assert (field("seconds") > 300) == Test("seconds", ">", 300)
    assert (field("level") != "county") == Test("level", "!=", "county")
    assert field("reassigned").equals(True) == Test("reassigned", "==", True)
    assert str(field("level") == "村") == 'level == "村"'


def test_a_join_cannot_be_expressed() -> None:
    with pytest.raises(TypeError, match="joins between fields cannot be expressed"):
        _ = field("deadline") <= field("due")
    with pytest.raises(TypeError, match="not float"):
        _ = field("seconds") > 1.5


@pytest.mark.parametrize(
    ("when", "message"),
    [
        ((field("nope") == 1,), "has no field 'nope'"),
        ((field("seconds") == "300",), "is whole number, compared with '300'"),
        ((field("reassigned") == 1,), "is true/false, compared with 1"),
        ((field("level") > "a",), "compares whole numbers only"),
    ],
)
def test_a_test_must_fit_the_topic(when: tuple[Test, ...], message: str) -> None:
    topic = "drill.response" if when[0].field == "seconds" else "hazard.overdue"
    with pytest.raises(ValueError, match=message):
        Rule("r", topic, when, "none", TITLE)


def test_decisions_and_messages_are_checked() -> None:
    with pytest.raises(ValueError, match="decision 'arm' is not one of"):
        Rule("r", "hazard.overdue", (), "arm", TITLE)
    with pytest.raises(ValueError, match="unknown topic"):
        Rule("r", "weather", (), "alert", TITLE, message=MESSAGE)
    with pytest.raises(ValueError, match="an alert rule has a message"):
        Rule("r", "hazard.overdue", (), "alert", TITLE)
    with pytest.raises(ValueError, match=r"names \['colour'\]"):
        Rule("r", "hazard.overdue", (), "alert", TITLE, message=Text("{colour}", "x"))


def test_a_rule_book_cannot_decide_the_schedule_or_repeat_ids() -> None:
    schedule = Rule("s", "deadline", (), "keep", TITLE)
    with pytest.raises(ValueError, match="only the core's schedule rules decide"):
        RuleBook("x", (schedule,))
    rule = Rule("r", "drill.response", (), "none", TITLE)
    with pytest.raises(ValueError, match=r"repeats rule ids \['r'\]"):
        RuleBook("x", (rule, rule))


def test_supplied_rules_replace_the_defaults_of_their_topic_only() -> None:
    mine = Rule("mine", "drill.response", (), "none", TITLE)
    rules = rules_in_force([mine])
    assert rules[: len(SCHEDULE_RULES)] == SCHEDULE_RULES
    topics = {rule.topic for rule in rules}
    assert topics == set(TOPICS)
    assert mine in rules
    assert [r.id for r in rules if r.topic == "drill.response"] == ["mine"]
    kept = [r for r in DEFAULT_RULES if r.topic != "drill.response"]
    assert all(r in rules for r in kept)
    assert rules_in_force(rules) == rules  # idempotent


def test_matching_is_constant_tests_in_conjunction() -> None:
    rule = Rule(
        "late",
        "drill.response",
        (field("milestone") == "arrived", field("seconds") > 900),
        "none",
        TITLE,
    )
    base = {"topic": "drill.response", "record": "D", "milestone": "arrived", "minutes": "x"}
    assert rule.matches({**base, "seconds": 901})
    assert not rule.matches({**base, "seconds": 900})
    assert not rule.matches({**base, "milestone": "departed", "seconds": 1000})


def test_overlapping_rules_are_refused() -> None:
    a = Rule("a", "drill.response", (field("seconds") > 300,), "none", TITLE)
    b = Rule("b", "drill.response", (field("seconds") <= 300,), "none", TITLE)
    c = Rule(
        "c", "drill.response", (field("seconds") >= 300, field("milestone") == "x"), "none", TITLE
    )
    assert rules_in_force([a, b])
    with pytest.raises(ValueError, match="'a' and 'c' both match"):
        rules_in_force([a, b, c])
    d = Rule(
        "d",
        "hazard.overdue",
        (field("level") == "v", field("reassigned").equals(True)),
        "none",
        TITLE,
    )
    e = Rule("e", "hazard.overdue", (field("level") != "v",), "none", TITLE)
    f = Rule("f", "hazard.overdue", (field("reassigned").equals(False),), "none", TITLE)
    assert rules_in_force([d, e])  # disjoint by level
    with pytest.raises(ValueError, match="'e' and 'f' both match"):
        rules_in_force([d, e, f])
