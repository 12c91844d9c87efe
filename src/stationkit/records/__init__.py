"""The facts: typed records of stations and regions, and their strict loading.

Records say what is there, never a verdict. ``load_dataset`` reads YAML or JSON and reports every
problem at once with the file, the record and the field path; it maps every word to its
vocabulary code (``Vocabulary``) and every region name to its code."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from stationkit.records._core_vocabularies import CORE_VOCABULARIES
    from stationkit.records._limits import Limits
    from stationkit.records._loading import (
        core_vocabularies,
        dataset_from_data,
        load_dataset,
    )
    from stationkit.records._model import (
        AgeBand,
        CategoryCount,
        Communications,
        Completion,
        Count,
        Dataset,
        Drill,
        DrillTotal,
        DutyArrangement,
        Evidence,
        Funding,
        GivenScore,
        Grid,
        InventoryItem,
        Member,
        Plan,
        Post,
        PostTotals,
        Premises,
        PublicityChannel,
        RecordBook,
        Region,
        RegionLevel,
        Room,
        Sign,
        Station,
        Team,
        Training,
        TrainingTotal,
        Unrecognised,
        VillageTotals,
        Warehouse,
    )
    from stationkit.records._schema import dataset_schema
    from stationkit.records._vocabulary import Term, Vocabulary, normalise, word_list

__all__ = [
    "CORE_VOCABULARIES",
    "AgeBand",
    "CategoryCount",
    "Communications",
    "Completion",
    "Count",
    "Dataset",
    "Drill",
    "DrillTotal",
    "DutyArrangement",
    "Evidence",
    "Funding",
    "GivenScore",
    "Grid",
    "InventoryItem",
    "Limits",
    "Member",
    "Plan",
    "Post",
    "PostTotals",
    "Premises",
    "PublicityChannel",
    "RecordBook",
    "Region",
    "RegionLevel",
    "Room",
    "Sign",
    "Station",
    "Team",
    "Term",
    "Training",
    "TrainingTotal",
    "Unrecognised",
    "VillageTotals",
    "Vocabulary",
    "Warehouse",
    "core_vocabularies",
    "dataset_from_data",
    "dataset_schema",
    "load_dataset",
    "normalise",
    "word_list",
]

if not TYPE_CHECKING:  # mypy reads the imports above; at run time each name loads on first use
    from stationkit._lazy import lazy_names

    __getattr__, __dir__ = lazy_names(
        __name__,
        {
            "_core_vocabularies": ("CORE_VOCABULARIES",),
            "_limits": ("Limits",),
            "_loading": (
                "core_vocabularies",
                "dataset_from_data",
                "load_dataset",
            ),
            "_model": (
                "AgeBand",
                "CategoryCount",
                "Communications",
                "Completion",
                "Count",
                "Dataset",
                "Drill",
                "DrillTotal",
                "DutyArrangement",
                "Evidence",
                "Funding",
                "GivenScore",
                "Grid",
                "InventoryItem",
                "Member",
                "Plan",
                "Post",
                "PostTotals",
                "Premises",
                "PublicityChannel",
                "RecordBook",
                "Region",
                "RegionLevel",
                "Room",
                "Sign",
                "Station",
                "Team",
                "Training",
                "TrainingTotal",
                "Unrecognised",
                "VillageTotals",
                "Warehouse",
            ),
            "_schema": ("dataset_schema",),
            "_vocabulary": (
                "Term",
                "Vocabulary",
                "normalise",
                "word_list",
            ),
        },
    )
