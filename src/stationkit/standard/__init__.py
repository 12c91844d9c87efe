"""The contract a plugin writes: standards, editions, cited parameters, requirements and their
checks, remedies, rollout programmes, bilingual text.

A plugin author imports from here (and ``hookimpl`` from ``stationkit``)."""

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
from stationkit.standard._findings import (
    Change,
    Check,
    Finding,
    Remedy,
    Status,
    check_threshold,
    met,
    missing,
    not_applicable,
    not_met,
)
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
from stationkit.standard._text import (
    Citation,
    Text,
)
from stationkit.standard._vocabularies import vocabularies_for

__all__ = [
    "Band",
    "Change",
    "ChangeFor",
    "Check",
    "Citation",
    "Context",
    "Edition",
    "Finding",
    "GradingModel",
    "Group",
    "GroupShare",
    "Kind",
    "Milestone",
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
    "Text",
    "append_evidence",
    "append_to",
    "apply_changes",
    "apply_remedy",
    "check_threshold",
    "credit",
    "evidence",
    "evidence_check",
    "evidence_items",
    "in_year",
    "lacking",
    "met",
    "missing",
    "names_check",
    "not_applicable",
    "not_met",
    "vocabularies_for",
    "within_days",
    "year_window",
]
