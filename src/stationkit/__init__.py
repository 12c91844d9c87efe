"""stationkit: grassroots emergency-management station standards as code.

The public API. Everything else lives in private modules and may change.
"""

from stationkit._assess import Assessor, RequirementError, assess, assess_batch
from stationkit._context import Context
from stationkit._errors import (
    DuplicateStandardError,
    InputError,
    InputProblem,
    PluginError,
    StationkitError,
    TailoringError,
    UnknownStandardError,
)
from stationkit._findings import (
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
from stationkit._loading import dataset_from_data, load_dataset
from stationkit._records import (
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
    Ledger,
    Level,
    Member,
    Plan,
    Post,
    Premises,
    PublicityChannel,
    Region,
    Room,
    Sign,
    Station,
    Team,
    Training,
    Warehouse,
)
from stationkit._remedy import ChangeError, apply_changes, apply_remedy
from stationkit._registry import PluginInfo, Registry, parse_ref
from stationkit._report import GroupScore, Override, Report, SubjectRef
from stationkit._samples import Sample
from stationkit._standard import (
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
from stationkit._text import Citation, Text
from stationkit.hookspecs import hookimpl

__version__ = "0.1.0"

__all__ = [
    "Assessor", "Band", "Change", "ChangeError", "Check", "Citation", "Communications", "Completion",
    "Context", "Count", "Dataset", "Drill", "DuplicateStandardError", "DutyArrangement",
    "Edition", "Evidence", "Finding", "Funding", "GradingModel", "Grid", "Group",
    "GroupScore", "GroupShare", "InputError", "InputProblem", "InventoryItem", "Kind",
    "Ledger", "Level", "Member", "Override", "ParamValue", "Parameter", "Plan", "PluginError",
    "PluginInfo", "Post", "Premises", "PublicityChannel", "RankCap", "Region",
    "RegionSubject", "Registry", "Remedy", "Report", "Requirement", "RequirementError",
    "Role", "Room", "Sample", "Scope", "ScoringModel", "Sign", "Source", "Standard",
    "Station", "StationkitError", "Status", "Subject", "SubjectRef", "TailoringError",
    "Team", "Text", "Training", "UnknownStandardError", "Warehouse", "__version__",
    "apply_changes", "apply_remedy", "assess", "assess_batch", "check_threshold", "dataset_from_data", "hookimpl",
    "load_dataset", "met", "missing", "not_applicable", "not_met", "parse_ref",
]
