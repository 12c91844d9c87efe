"""The shared check helpers of ``stationkit.standard``: one meaning each for names, evidence,
partial credit and date windows."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from stationkit import Station
from stationkit.records import Dataset, Evidence
from stationkit.standard import (
    Check,
    Context,
    Status,
    Text,
    append_to,
    apply_changes,
    credit,
    evidence_check,
    evidence_items,
    in_year,
    names_check,
    within_days,
    year_window,
)

WHAT = Text("管理制度", "rules")
AS_OF = date(2024, 6, 30)


def station(
    functions: tuple[Evidence, ...] | None = None, rules: tuple[str, ...] | None = None
) -> Station:
    return Station(id="s1", name="s1", kind="post", functions=functions, rules=rules)


def ctx(as_of: date = AS_OF, year: int | None = None) -> Context:
    return Context(as_of=as_of, params={}, dataset=Dataset(year=year))


def test_credit_is_the_share_or_all_or_nothing() -> None:
    assert credit(1, 4, partial=True) == 0.25
    assert credit(1, 4, partial=False) == 0.0
    assert credit(4, 4, partial=False) == 1.0
    assert credit(0, 0, partial=True) == 1.0  # nothing asked
    assert credit(5, 4, partial=True) == 1.0  # never above 1


@given(st.integers(-3, 50), st.integers(-3, 50), st.booleans())
def test_credit_stays_in_unit_interval(done: int, total: int, partial: bool) -> None:
    assert 0.0 <= credit(done, total, partial=partial) <= 1.0


def test_names_check_observed_has_one_shape_in_source_order() -> None:
    need = ("值班", "培训", "考核")
    check = names_check(
        ["考核", "extra", "值班"],
        need,
        field="rules",
        what=WHAT,
        change=append_to("rules"),
        partial=True,
    )
    assert check.status is Status.NOT_MET
    assert check.observed == {"present": ["值班", "考核"], "lacking": ["培训"]}
    assert check.expected == {"all_of": list(need)}
    assert check.credit == pytest.approx(2 / 3)
    assert check.remedy is not None
    assert check.remedy.text.zh == "管理制度：补齐 培训"

    whole = names_check(
        need, need, field="rules", what=WHAT, change=append_to("rules"), partial=False
    )
    assert whole.status is Status.MET
    assert whole.observed == {"present": list(need), "lacking": []}


def test_names_check_all_or_nothing_leaves_credit_to_the_status() -> None:
    check = names_check(
        ["a"], ("a", "b"), field="rules", what=WHAT, change=append_to("rules"), partial=False
    )
    assert check.status is Status.NOT_MET
    assert check.credit is None


def test_names_not_recorded_is_missing_evidence_and_empty_is_a_real_none() -> None:
    absent = names_check(
        None, ("a",), field="rules", what=WHAT, change=append_to("rules"), partial=True
    )
    assert absent.status is Status.MISSING_EVIDENCE
    assert absent.observed == {"not_recorded": "rules"}
    empty = names_check(
        (), ("a",), field="rules", what=WHAT, change=append_to("rules"), partial=True
    )
    assert empty.status is Status.NOT_MET
    assert empty.credit == 0.0


@given(
    st.lists(st.sampled_from("abcdefg"), unique=True, min_size=1),
    st.lists(st.sampled_from("abcdefgh"), unique=True),
)
def test_names_remedy_applied_meets_the_check(need: list[str], have: list[str]) -> None:
    record = station(rules=tuple(have))

    def check(s: Station) -> Check:
        return names_check(
            s.rules, need, field="rules", what=WHAT, change=append_to("rules"), partial=True
        )

    first = check(record)
    if first.status is Status.MET:
        return
    assert first.remedy is not None
    assert check(apply_changes(record, first.remedy.change)).status is Status.MET


def test_append_to_builds_items_from_names() -> None:
    (change,) = append_to("plans", lambda t: {"type": t})(["防汛"])
    assert (change.op, change.path, change.value) == ("append", "plans", [{"type": "防汛"}])


def test_evidence_items_gather_every_entry_of_the_topic() -> None:
    s = station((Evidence("t", ("a",)), Evidence("u", ("x",)), Evidence("t", ("b",))))
    assert evidence_items(s, "t") == ("a", "b")
    assert evidence_items(s, "none") == ()
    assert evidence_items(station(None), "t") is None


@pytest.mark.parametrize(
    ("functions", "status"),
    [
        (None, Status.MISSING_EVIDENCE),
        ((), Status.NOT_MET),
        ((Evidence("t", ("a",)),), Status.NOT_MET),
        ((Evidence("t", ("a",)), Evidence("t", ("b",))), Status.MET),
    ],
)
def test_evidence_check_and_its_remedy(
    functions: tuple[Evidence, ...] | None, status: Status
) -> None:
    s = station(functions)
    check = evidence_check(s, "t", ("a", "b"), what=WHAT, partial=True, on=AS_OF)
    assert check.status is status
    if status is Status.NOT_MET:
        assert isinstance(check.observed, dict)
        assert check.observed["topic"] == "t"
        assert check.remedy is not None
        fixed = apply_changes(s, check.remedy.change)
        assert evidence_check(fixed, "t", ("a", "b"), what=WHAT, partial=True).status is Status.MET


def test_evidence_check_without_a_list_asks_for_one_item() -> None:
    none = evidence_check(station(()), "t", (), what=WHAT, partial=True)
    assert none.status is Status.NOT_MET
    assert none.expected == {"topic": "t", "at_least": 1}
    assert none.credit is None
    some = evidence_check(station((Evidence("t", ("x",)),)), "t", (), what=WHAT, partial=True)
    assert some.status is Status.MET
    assert some.observed == {"topic": "t", "present": ["x"], "lacking": []}


def test_year_window_runs_from_new_year_to_as_of() -> None:
    assert year_window(ctx()) == (date(2024, 1, 1), AS_OF)
    # A dataset of an earlier year assessed later: the whole of that year.
    assert year_window(ctx(date(2025, 3, 1), year=2024)) == (date(2024, 1, 1), date(2024, 12, 31))
    assert in_year(date(2024, 1, 1), ctx())
    assert in_year(AS_OF, ctx())
    assert not in_year(date(2024, 7, 1), ctx())  # after as_of
    assert not in_year(date(2023, 12, 31), ctx())
    assert not in_year(None, ctx())


def test_within_days_includes_both_ends() -> None:
    assert within_days(date(2024, 6, 20), AS_OF, 10)
    assert within_days(AS_OF, AS_OF, 0)
    assert not within_days(date(2024, 6, 19), AS_OF, 10)
    assert not within_days(date(2024, 7, 1), AS_OF, 10)
    assert not within_days(None, AS_OF, 10)
