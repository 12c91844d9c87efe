"""The errors stationkit raises; each says what was wrong and where."""

from __future__ import annotations

import attrs


class StationkitError(Exception):
    """Base of every error the library raises on purpose."""


@attrs.frozen
class InputProblem:
    """One problem in an input file: where, and what was expected."""

    source: str
    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.source}: {self.path}: {self.message}"


class InputError(StationkitError):
    """Input that cannot be loaded; carries every problem found, not only the first."""

    def __init__(self, problems: list[InputProblem]) -> None:
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


class TailoringError(StationkitError):
    """A parameter override that names no parameter or has the wrong type."""


class UnknownStandardError(StationkitError, LookupError):
    """No loaded plugin provides the standard (or edition) asked for."""


class PluginError(StationkitError):
    """A plugin failed to load or to answer a hook (raised in strict mode)."""


class DuplicateStandardError(PluginError):
    """Two plugins register the same standard id and edition."""
