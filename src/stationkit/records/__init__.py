"""The facts: typed records of stations and regions, and their strict loading.

Records say what is there, never a verdict. ``load_dataset`` reads YAML or JSON and reports every
problem at once with the file, the record and the field path; it maps every word to its
vocabulary code (``Vocabulary``) and every region name to its code."""

from stationkit.records._core_vocabularies import CORE_VOCABULARIES
from stationkit.records._loading import (
    core_vocabularies,
    dataset_from_data,
    load_dataset,
)
from stationkit.records._model import (
    Communications,
    Completion,
    Count,
    Dataset,
    Drill,
    DutyArrangement,
    Evidence,
    Funding,
    Grid,
    InventoryItem,
    Member,
    Plan,
    Post,
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
    Unrecognised,
    Warehouse,
)
from stationkit.records._schema import dataset_schema
from stationkit.records._vocabulary import Term, Vocabulary, normalise, word_list

__all__ = [
    "CORE_VOCABULARIES",
    "Communications",
    "Completion",
    "Count",
    "Dataset",
    "Drill",
    "DutyArrangement",
    "Evidence",
    "Funding",
    "Grid",
    "InventoryItem",
    "Member",
    "Plan",
    "Post",
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
    "Unrecognised",
    "Vocabulary",
    "Warehouse",
    "core_vocabularies",
    "dataset_from_data",
    "dataset_schema",
    "load_dataset",
    "normalise",
    "word_list",
]
