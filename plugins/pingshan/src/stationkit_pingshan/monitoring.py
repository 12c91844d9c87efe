"""Live-monitoring rules of Pingshan (``stationkit monitor --standard pingshan@2023``).

- programme (the 2023 实施步骤 phases): a phase not complete the day after its end date
  alerts, with the units responsible.
"""

from __future__ import annotations

from stationkit.monitor import RuleBook, programme_rules
from stationkit_pingshan.standard import STANDARD


def rule_books() -> tuple[RuleBook, ...]:
    """One rule book per edition that has a programme."""
    return tuple(
        RuleBook(
            STANDARD.id,
            programme_rules("pingshan", edition.programmes),
            frozenset({edition.edition}),
        )
        for edition in STANDARD.editions
        if edition.programmes
    )
