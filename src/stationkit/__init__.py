"""stationkit: grassroots emergency-management station standards as code.

The front door: what an embedding application needs to load plugins, read a dataset and
assess it. Each reader has a module of its own:

- ``stationkit.records``: the facts (stations, regions, teams, drills...) and their loading;
- ``stationkit.standard``: the contract a plugin writes (standards, parameters, requirements);
- ``stationkit.assessment``: the engine (assessor, scoring, grading, tailoring, rollouts);
- ``stationkit.report``: JSON, text, Markdown and the pages of a standard;
- ``stationkit.errors``: the one exception tree, with the CLI's exit codes;
- ``stationkit.lifecycle``, ``stationkit.monitor``, ``stationkit.testing``: imported on demand.
"""

from __future__ import annotations

import importlib
import warnings
from typing import Any

from stationkit import assessment, errors, records, report, standard
from stationkit._registry import PluginInfo, Registry, parse_ref
from stationkit.assessment import Assessor, Report, assess, assess_batch, assess_dataset
from stationkit.errors import InputError, StationkitError
from stationkit.hookspecs import hookimpl
from stationkit.records import Dataset, Station, load_dataset
from stationkit.standard import Citation, Finding, Status, Text

__all__ = [
    "Assessor",
    "Citation",
    "Dataset",
    "Finding",
    "InputError",
    "PluginInfo",
    "Registry",
    "Report",
    "Station",
    "StationkitError",
    "Status",
    "Text",
    "__version__",
    "assess",
    "assess_batch",
    "assess_dataset",
    "assessment",
    "errors",
    "hookimpl",
    "load_dataset",
    "parse_ref",
    "records",
    "report",
    "standard",
]

# Names the top level exported in 0.1, now in their wing: still served, with a warning.
_MOVED = {
    "stationkit.records": records.__all__,
    "stationkit.standard": standard.__all__,
    "stationkit.assessment": assessment.__all__,
    "stationkit.errors": [n for n in dir(errors) if n.endswith("Error") or n == "InputProblem"],
}
_RENAMED = {
    "Level": ("stationkit.records", "RegionLevel"),
    "Ledger": ("stationkit.records", "RecordBook"),
}


def _version() -> str:
    # importlib.metadata costs ~30 ms to import: read only when asked for.
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("stationkit")
    except PackageNotFoundError:  # a source tree that is not installed
        return "0+unknown"


def __getattr__(name: str) -> Any:
    if name == "__version__":
        return _version()
    if name in _RENAMED:
        module, new = _RENAMED[name]
    else:
        module = next((m for m, names in _MOVED.items() if name in names), "")
        new = name
    if not module:
        raise AttributeError(f"module 'stationkit' has no attribute {name!r}")
    warnings.warn(f"stationkit.{name} moved to {module}.{new}", DeprecationWarning, stacklevel=2)
    return getattr(importlib.import_module(module), new)
