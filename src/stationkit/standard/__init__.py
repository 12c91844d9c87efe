"""The contract a plugin writes: standards, editions, cited parameters, requirements and their
checks, remedies, rollout programmes, bilingual text.

A plugin author imports from here (and ``hookimpl`` from ``stationkit``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from stationkit.standard._checks import (
        ChangeFor,
        append_evidence,
        append_to,
        credit,
        evidence,
        evidence_check,
        evidence_items,
        in_year,
        lacking,
        names_check,
        within_days,
        year_window,
    )
    from stationkit.standard._context import Context
    from stationkit.standard._dated import DatedUnit, UnitStatus, check_dated, unit_status
    from stationkit.standard._findings import (
        REMEDY_ITEMS_MAX,
        Change,
        Check,
        Finding,
        NotCounted,
        Remedy,
        Status,
        Tally,
        append_new,
        check_threshold,
        met,
        missing,
        new_items,
        not_applicable,
        not_met,
    )
    from stationkit.standard._outcome import OutcomeKind, OutcomeRule
    from stationkit.standard._programme import (
        Milestone,
        Programme,
    )
    from stationkit.standard._remedy import (
        apply_changes,
        apply_remedy,
    )
    from stationkit.standard._samples import Sample
    from stationkit.standard._standard import (
        Band,
        Edition,
        GradingModel,
        Group,
        GroupShare,
        Kind,
        Parameter,
        ParamValue,
        RankCap,
        RegionSubject,
        Requirement,
        Role,
        Scope,
        ScoringModel,
        Source,
        Standard,
        Subject,
    )
    from stationkit.standard._tally import counting, region_tally, tally
    from stationkit.standard._text import (
        Citation,
        Text,
    )
    from stationkit.standard._totals import (
        Figure,
        drill_totals,
        team_count,
        team_headcount,
        training_total,
        village_totals,
    )
    from stationkit.standard._villages import (
        drills_in_villages,
        villages_under,
        villages_with_grid_staff,
        villages_with_informants,
    )
    from stationkit.standard._vocabularies import vocabularies_for
    from stationkit.standard._waiver import EVERY_SUBJECT, Waiver

__all__ = [
    "EVERY_SUBJECT",
    "REMEDY_ITEMS_MAX",
    "Band",
    "Change",
    "ChangeFor",
    "Check",
    "Citation",
    "Context",
    "DatedUnit",
    "Edition",
    "Figure",
    "Finding",
    "GradingModel",
    "Group",
    "GroupShare",
    "Kind",
    "Milestone",
    "NotCounted",
    "OutcomeKind",
    "OutcomeRule",
    "ParamValue",
    "Parameter",
    "Programme",
    "RankCap",
    "RegionSubject",
    "Remedy",
    "Requirement",
    "Role",
    "Sample",
    "Scope",
    "ScoringModel",
    "Source",
    "Standard",
    "Status",
    "Subject",
    "Tally",
    "Text",
    "UnitStatus",
    "Waiver",
    "append_evidence",
    "append_new",
    "append_to",
    "apply_changes",
    "apply_remedy",
    "check_dated",
    "check_threshold",
    "counting",
    "credit",
    "drill_totals",
    "drills_in_villages",
    "evidence",
    "evidence_check",
    "evidence_items",
    "in_year",
    "lacking",
    "met",
    "missing",
    "names_check",
    "new_items",
    "not_applicable",
    "not_met",
    "region_tally",
    "tally",
    "team_count",
    "team_headcount",
    "training_total",
    "unit_status",
    "village_totals",
    "villages_under",
    "villages_with_grid_staff",
    "villages_with_informants",
    "vocabularies_for",
    "within_days",
    "year_window",
]

if not TYPE_CHECKING:  # mypy reads the imports above; at run time each name loads on first use
    from stationkit._lazy import lazy_names

    __getattr__, __dir__ = lazy_names(
        __name__,
        {
            "_checks": (
                "ChangeFor",
                "append_evidence",
                "append_to",
                "credit",
                "evidence",
                "evidence_check",
                "evidence_items",
                "in_year",
                "lacking",
                "names_check",
                "within_days",
                "year_window",
            ),
            "_context": ("Context",),
            "_dated": (
                "DatedUnit",
                "UnitStatus",
                "check_dated",
                "unit_status",
            ),
            "_findings": (
                "REMEDY_ITEMS_MAX",
                "Change",
                "Check",
                "Finding",
                "NotCounted",
                "Remedy",
                "Status",
                "Tally",
                "append_new",
                "check_threshold",
                "met",
                "missing",
                "new_items",
                "not_applicable",
                "not_met",
            ),
            "_outcome": (
                "OutcomeKind",
                "OutcomeRule",
            ),
            "_programme": (
                "Milestone",
                "Programme",
            ),
            "_remedy": (
                "apply_changes",
                "apply_remedy",
            ),
            "_samples": ("Sample",),
            "_standard": (
                "Band",
                "Edition",
                "GradingModel",
                "Group",
                "GroupShare",
                "Kind",
                "Parameter",
                "ParamValue",
                "RankCap",
                "RegionSubject",
                "Requirement",
                "Role",
                "Scope",
                "ScoringModel",
                "Source",
                "Standard",
                "Subject",
            ),
            "_tally": (
                "counting",
                "region_tally",
                "tally",
            ),
            "_text": (
                "Citation",
                "Text",
            ),
            "_totals": (
                "Figure",
                "drill_totals",
                "team_count",
                "team_headcount",
                "training_total",
                "village_totals",
            ),
            "_villages": (
                "drills_in_villages",
                "villages_under",
                "villages_with_grid_staff",
                "villages_with_informants",
            ),
            "_vocabularies": ("vocabularies_for",),
            "_waiver": (
                "EVERY_SUBJECT",
                "Waiver",
            ),
        },
    )
