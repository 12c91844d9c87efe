"""The facts: typed records of stations and regions, and their strict loading.

Records say what is there, never a verdict. ``load_dataset`` reads YAML or JSON and reports every
problem at once with the file, the record and the field path."""

from stationkit.records._limits import Limits
from stationkit.records._loading import (
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
    GivenScore,
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
    Warehouse,
)
from stationkit.records._schema import dataset_schema

__all__ = [
    "Communications",
    "Completion",
    "Count",
    "Dataset",
    "Drill",
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
    "Warehouse",
    "dataset_from_data",
    "dataset_schema",
    "load_dataset",
]
