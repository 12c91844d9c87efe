"""The hazard loop, its guards, deadlines and escalation from data."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from stationkit.lifecycle import (
    DeadlinePolicy,
    DeadlineSet,
    Escalated,
    Event,
    GuardFailedError,
    InMemoryLedger,
    Ledger,
    Lifecycle,
    MachineExtension,
    base_machine,
    escalate_overdue,
    hazard_status,
    resolve_machine,
)

T0 = datetime(2024, 3, 1, 9, 0)


class Script:
    """Writes hazard events for one record, one hour apart unless a time is given."""

    def __init__(self, record: str) -> None:
        self.record = record
        self.n = 0
        self.at = T0

    def __call__(
        self, type_: str, actor: str = "someone", at: datetime | None = None, **payload: object
    ) -> Event:
        self.n += 1
        self.at = at if at is not None else self.at + timedelta(hours=1)
        return Event(
            f"{self.record}/{self.n}",
            self.record,
            type_,
            self.at,
            "hazard",
            payload,  # type: ignore[arg-type]
            actor,
        )


def open_hazard(life: Lifecycle, script: Script, deadline: str = "2024-03-20") -> None:
    life.submit(script("report", "grid-1", level="village"))
    life.submit(script("assess", "township-1", grade="general"))
    life.submit(script("assign", "township-1", responsible="unit-a", deadline=deadline))


def test_full_loop_and_effects() -> None:
    life = Lifecycle(InMemoryLedger())
    h = Script("h1")
    open_hazard(life, h)
    assert life.state("h1") is not None
    effects = life.ledger.history("h1")
    assert len(effects) == 3
    life.submit(h("start_rectification", "unit-a"))
    life.submit(h("claim_rectified", "unit-a"))
    life.submit(h("verify", "inspector"))
    result = life.submit(h("close", "township-1"))
    assert result.state.state == "closed"
    assert result.state.facts["rectifier"] == "unit-a"
    assert result.state.facts["verifier"] == "inspector"


def test_assign_emits_deadline_effect() -> None:
    life = Lifecycle(InMemoryLedger())
    h = Script("h1")
    life.submit(h("report", level="village"))
    life.submit(h("assess", grade="major"))
    result = life.submit(h("assign", responsible="unit-a", deadline="2024-04-01"))
    assert result.effects == (DeadlineSet("h1", date(2024, 4, 1), "unit-a"),)


def test_verifier_must_differ_from_rectifier() -> None:
    life = Lifecycle(InMemoryLedger())
    h = Script("h1")
    open_hazard(life, h)
    life.submit(h("start_rectification", "unit-a"))
    life.submit(h("claim_rectified", "unit-a"))
    with pytest.raises(GuardFailedError) as caught:
        life.submit(h("verify", "unit-a"))
    assert caught.value.guard == "verifier_independent"
    assert "unit-a" in str(caught.value)
    state = life.state("h1")
    assert state is not None and state.state == "rectification_claimed"
    assert life.ledger.version("h1") == 5


@pytest.mark.parametrize(
    "payload, guard",
    [
        ({"deadline": "2024-03-20"}, "responsible_given"),
        ({"responsible": "unit-a"}, "deadline_within_policy"),
        ({"responsible": "unit-a", "deadline": "2024-02-01"}, "deadline_within_policy"),
    ],
)
def test_assign_needs_unit_and_deadline(payload: dict[str, object], guard: str) -> None:
    life = Lifecycle(InMemoryLedger())
    h = Script("h1")
    life.submit(h("report", level="village"))
    life.submit(h("assess", grade="general"))
    with pytest.raises(GuardFailedError) as caught:
        life.submit(
            Event("h1/x", "h1", "assign", T0 + timedelta(days=1), "hazard", payload, "township-1")  # type: ignore[arg-type]
        )
    assert caught.value.guard == guard


def test_policy_caps_deadline_per_grade() -> None:
    extension = MachineExtension(
        machine="hazard",
        standard="pingshan",
        deadline_policies=DeadlinePolicy(rectification_days={"general": 7}),
    )
    hazard = resolve_machine("hazard", [extension])
    life = Lifecycle(InMemoryLedger(), {"hazard": hazard})
    h = Script("h1")
    life.submit(h("report", level="village"))
    life.submit(h("assess", grade="general"))
    with pytest.raises(GuardFailedError, match="at most 7 days"):
        life.submit(h("assign", responsible="u", deadline="2024-03-30"))
    life.submit(h("assign", responsible="u", deadline="2024-03-08"))


def test_extension_request_grant_and_policy_limit() -> None:
    extension = MachineExtension(
        machine="hazard", standard="x", deadline_policies=DeadlinePolicy(extension_max_days=10)
    )
    life = Lifecycle(InMemoryLedger(), {"hazard": resolve_machine("hazard", [extension])})
    h = Script("h1")
    open_hazard(life, h)
    life.submit(h("start_rectification"))
    life.submit(h("request_extension", deadline="2024-04-30"))
    with pytest.raises(GuardFailedError, match="at most 10"):
        life.submit(h("grant_extension"))
    life.submit(h("deny_extension"))
    life.submit(h("request_extension", deadline="2024-03-25"))
    result = life.submit(h("grant_extension"))
    assert result.state.facts["deadline"] == "2024-03-25"


def test_status_deadline_day_is_not_overdue_next_day_is() -> None:
    life = Lifecycle(InMemoryLedger())
    h = Script("h1")
    open_hazard(life, h, deadline="2024-03-20")
    state = life.state("h1")
    assert state is not None
    policy = base_machine("hazard").policy
    on_day = hazard_status(state, date(2024, 3, 20), policy)
    assert not on_day.overdue and not on_day.escalation_due
    after = hazard_status(state, date(2024, 3, 21), policy)
    assert after.overdue and after.days_overdue == 1 and after.escalation_due
    assert after.next_level is not None and after.next_level.id == "township"


def test_escalation_is_due_exactly_when_the_deadline_passes_and_is_idempotent() -> None:
    life = Lifecycle(InMemoryLedger())
    h = Script("h1")
    open_hazard(life, h, deadline="2024-03-20")
    assert escalate_overdue(life.ledger, date(2024, 3, 20)) == ()
    due = escalate_overdue(life.ledger, date(2024, 3, 25))
    assert len(due) == 1
    assert due[0].at == datetime(2024, 3, 21)
    assert due[0] == escalate_overdue(life.ledger, date(2024, 3, 25))[0]  # deterministic
    result = life.submit(due[0])
    assert result.effects == (Escalated("h1", "village", "township"),)
    assert life.submit(due[0]).duplicate  # submitting twice stores once
    assert life.ledger.version("h1") == 4
    assert escalate_overdue(life.ledger, date(2024, 3, 25)) == ()
    # replaying at a past as_of gives that day's state
    past = life.state("h1", as_of=date(2024, 3, 20))
    assert past is not None and past.state == "assigned" and past.facts["level"] == "village"
    now = life.state("h1", as_of=date(2024, 3, 21))
    assert now is not None and now.state == "escalated" and now.facts["level"] == "township"


def test_escalation_climbs_the_ladder_and_stops_at_the_top() -> None:
    life = Lifecycle(InMemoryLedger())
    h = Script("h1")
    life.submit(h("report", level="county"))
    life.submit(h("assess", grade="major"))
    life.submit(h("assign", responsible="u", deadline="2024-03-05"))
    (due,) = escalate_overdue(life.ledger, date(2024, 3, 6))
    life.submit(due)
    life.submit(h("assign", at=datetime(2024, 3, 7), responsible="v", deadline="2024-03-10"))
    (due,) = escalate_overdue(life.ledger, date(2024, 3, 11))
    result = life.submit(due)
    assert result.state.facts["level"] == "province"
    life.submit(h("assign", at=datetime(2024, 3, 12), responsible="w", deadline="2024-03-13"))
    assert escalate_overdue(life.ledger, date(2024, 4, 1)) == ()
    state = life.state("h1")
    assert state is not None
    status = hazard_status(state, date(2024, 4, 1), base_machine("hazard").policy)
    assert status.overdue and not status.escalation_due


def test_reject_and_reopen() -> None:
    life = Lifecycle(InMemoryLedger())
    h = Script("h1")
    life.submit(h("report"))
    with pytest.raises(GuardFailedError, match="reason"):
        life.submit(h("reject"))
    assert life.submit(h("reject", reason="a parked car")).state.state == "rejected"
    g = Script("h2")
    open_hazard(life, g)
    for type_, actor in [
        ("start_rectification", "u"),
        ("claim_rectified", "u"),
        ("verify", "v"),
        ("close", "t"),
    ]:
        life.submit(g(type_, actor))
    reopened = life.submit(g("reopen", "county", reason="look-back found it again"))
    assert reopened.state.state == "assessed" and reopened.state.facts["reopened"] == 1


def test_a_closed_hazard_reported_again_reopens_the_same_record(ledger: Ledger) -> None:
    # Found again at the look-back (复查和回头看): the report is accepted on the closed record,
    # which goes round the loop again; its first round stays in the history.
    life = Lifecycle(ledger)
    g = Script("h3")
    open_hazard(life, g)
    for type_, actor in [
        ("start_rectification", "u"),
        ("claim_rectified", "u"),
        ("verify", "v"),
        ("close", "t"),
    ]:
        life.submit(g(type_, actor))
    again = life.submit(g("report", "grid-2", level="village", description="found again"))
    assert again.state.state == "reported" and again.state.version == 8
    assert again.state.facts["reopened"] == 1 and again.state.facts["reporter"] == "grid-2"
    assert again.state.facts["rectifier"] is None
    assert [e.type for e in ledger.history("h3")][::7] == ["report", "report"]
    life.submit(g("assess", "township-1", grade="general"))  # the second round
    second = life.submit(g("assign", "township-1", responsible="unit-b", deadline="2024-03-25"))
    assert second.state.state == "assigned" and second.state.facts["responsible"] == "unit-b"
