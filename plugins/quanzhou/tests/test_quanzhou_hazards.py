"""The enforcement follow-up in the hazard loop (QZ23 附件2): penalty or referral of an
enforcement finding left unrectified past its deadline, then rectification goes on."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import pytest
from stationkit_quanzhou import citations as c
from stationkit_quanzhou.machines import EXTENSIONS

from stationkit.errors import GuardFailedError, IllegalEventError
from stationkit.lifecycle import Event, RecordState, resolve_machine, step


def _event(n: int, kind: str, day: int, payload: dict[str, Any] | None = None) -> Event:
    return Event(
        f"h/{n}", "qz-h-1", kind, datetime(2023, 6, day, 9), "hazard", payload or {}, f"actor-{n}"
    )


def _overdue_hazard(edition: str) -> tuple[Any, RecordState]:
    machine = resolve_machine("hazard", EXTENSIONS, edition)
    state = None
    for n, (kind, day, payload) in enumerate(
        [
            ("report", 1, {"level": "village"}),
            ("assess", 2, {"grade": "general", "level": "village"}),
            ("assign", 3, {"responsible": "某企业", "deadline": "2023-06-10"}),
            ("start_rectification", 4, {}),
        ]
    ):
        state, _ = step(machine, state, _event(n, kind, day, payload))
    assert state is not None
    return machine, state


@pytest.mark.parametrize("edition", ["2023", "2025"])
def test_an_overdue_enforcement_finding_is_penalised_then_reassigned(edition: str) -> None:
    machine, state = _overdue_hazard(edition)
    penalty = {"inspection": "执法检查台账 2023-017", "decision": "行政处罚决定书 2023-05"}
    with pytest.raises(GuardFailedError, match="has not passed"):
        step(machine, state, _event(5, "penalise", 10, penalty))
    with pytest.raises(GuardFailedError, match="'inspection'"):
        step(machine, state, _event(5, "penalise", 12, {"decision": "x"}))
    penalised, _ = step(machine, state, _event(5, "penalise", 12, penalty))
    assert penalised.state == "penalised"
    assert penalised.facts["enforcement"] == [
        {
            "action": "penalty",
            "inspection": "执法检查台账 2023-017",
            "decision": "行政处罚决定书 2023-05",
            "on": "2023-06-12",
        }
    ]
    again, _ = step(
        machine,
        penalised,
        _event(6, "assign", 13, {"responsible": "某企业", "deadline": "2023-06-30"}),
    )
    assert again.state == "assigned" and again.facts["deadline"] == "2023-06-30"


def test_referral_to_the_competent_department() -> None:
    machine, state = _overdue_hazard("2023")
    referral = {"inspection": "执法检查台账 2023-018", "authority": "县应急管理局"}
    referred, _ = step(machine, state, _event(5, "refer", 15, referral))
    assert referred.state == "referred"
    assert referred.facts["enforcement"] == [
        {
            "action": "referral",
            "inspection": "执法检查台账 2023-018",
            "authority": "县应急管理局",
            "on": "2023-06-15",
        }
    ]
    with pytest.raises(IllegalEventError):
        step(machine, referred, _event(6, "claim_rectified", 16))


def test_the_follow_up_cites_the_enforcement_guide() -> None:
    machine = resolve_machine("hazard", EXTENSIONS, "2023")
    assert c.ENF_FOLLOW_UP.quote.startswith("对执法检查发现的隐患问题未落实整改或逾期整改")
    assert "penalised" in machine.mermaid and "refer" in machine.mermaid
    origins = machine.to_json()["origins"]
    assert origins == ["core", "quanzhou"]
