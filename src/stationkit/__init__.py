"""stationkit: grassroots emergency-management station standards as code.

The front door: what an embedding application needs to load plugins, read a dataset and
assess it. Each reader has a module of its own:

- ``stationkit.records``: the facts (stations, regions, teams, drills...) and their loading;
- ``stationkit.standard``: the contract a plugin writes (standards, parameters, requirements);
- ``stationkit.assessment``: the engine (assessor, scoring, grading, tailoring, rollouts);
- ``stationkit.report``: JSON, text, Markdown and the pages of a standard;
- ``stationkit.errors``: the one exception tree, with the CLI's exit codes;
- ``stationkit.lifecycle``, ``stationkit.monitor``, ``stationkit.testing``: imported on demand.

Every name here is imported on first use (PEP 562), so ``import stationkit`` costs a few
milliseconds and loads neither YAML, cattrs nor the renderers until they are needed.
"""

from __future__ import annotations

import importlib
import warnings
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
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

#: Where each public name lives (an empty name: the module itself).
_HOME = {
    "Assessor": "stationkit.assessment",
    "Citation": "stationkit.standard",
    "Dataset": "stationkit.records",
    "Finding": "stationkit.standard",
    "InputError": "stationkit.errors",
    "PluginInfo": "stationkit._registry",
    "Registry": "stationkit._registry",
    "Report": "stationkit.assessment",
    "Station": "stationkit.records",
    "StationkitError": "stationkit.errors",
    "Status": "stationkit.standard",
    "Text": "stationkit.standard",
    "assess": "stationkit.assessment",
    "assess_batch": "stationkit.assessment",
    "assess_dataset": "stationkit.assessment",
    "hookimpl": "stationkit.hookspecs",
    "load_dataset": "stationkit.records",
    "parse_ref": "stationkit._registry",
}
_WINGS = ("assessment", "errors", "records", "report", "standard")

# Names the top level exported in 0.1, now in their wing: still served, with a warning.
_MOVED_FROM = ("stationkit.records", "stationkit.standard", "stationkit.assessment")
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


def _moved_home(name: str) -> str:
    """The wing a 0.1 top-level name moved to, or ``""``."""
    for module in _MOVED_FROM:
        if name in importlib.import_module(module).__all__:
            return module
    errors = importlib.import_module("stationkit.errors")
    if (name.endswith("Error") or name == "InputProblem") and hasattr(errors, name):
        return "stationkit.errors"
    return ""


def _is_submodule(name: str) -> bool:
    from importlib.util import find_spec

    return find_spec(f"{__name__}.{name}") is not None


def __getattr__(name: str) -> Any:
    if name == "__version__":
        return _version()
    if name in _HOME:
        value = getattr(importlib.import_module(_HOME[name]), name)
        globals()[name] = value  # once found, a plain attribute
        return value
    if name in _WINGS:
        return importlib.import_module(f"stationkit.{name}")
    if name.startswith("_") or _is_submodule(name):
        # probes (``__wrapped__``) import nothing; ``from stationkit import hookspecs`` asks
        # here before importing the submodule itself
        raise AttributeError(f"module 'stationkit' has no attribute {name!r}")
    if name in _RENAMED:
        module, new = _RENAMED[name]
    else:
        module, new = _moved_home(name), name
    if not module:
        raise AttributeError(f"module 'stationkit' has no attribute {name!r}")
    warnings.warn(f"stationkit.{name} moved to {module}.{new}", DeprecationWarning, stacklevel=2)
    return getattr(importlib.import_module(module), new)


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
