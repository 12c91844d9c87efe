"""What a requirement's predicate may consult besides its subject: date, parameters, regions."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

import attrs

from stationkit.records._model import Dataset, Region, Station
from stationkit.standard._standard import ParamValue


@attrs.frozen
class Context:
    """The assessment's inputs other than the subject. Predicates read the date from here,
    never from the wall clock, and every figure through the typed getters."""

    as_of: date
    params: Mapping[str, ParamValue]
    dataset: Dataset = attrs.field(factory=Dataset)
    regions: Mapping[str, Region] = attrs.field(factory=dict)
    period: int | None = None

    def _get(self, name: str) -> ParamValue:
        try:
            return self.params[name]
        except KeyError:
            raise KeyError(
                f"the requirement reads parameter {name!r}, which the edition does not declare"
            ) from None

    # Each getter first takes the common case — the declared type, exactly — with a single
    # lookup: predicates call these for every subject (parameters bound, no per-call checks
    # beyond that). Anything else goes through the checks that explain the problem.
    def number(self, name: str) -> float:
        value = self.params.get(name)
        if value.__class__ is float:
            return value
        value = self._get(name)
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise TypeError(f"parameter {name!r} is {value!r}, not a number")
        return float(value)

    def integer(self, name: str) -> int:
        value = self.params.get(name)
        if value.__class__ is int:
            return value
        value = self._get(name)
        if isinstance(value, bool) or not isinstance(value, int):
            raise TypeError(f"parameter {name!r} is {value!r}, not a whole number")
        return value

    def text(self, name: str) -> str:
        value = self.params.get(name)
        if value.__class__ is str:
            return value
        value = self._get(name)
        if not isinstance(value, str):
            raise TypeError(f"parameter {name!r} is {value!r}, not a text")
        return value

    def names(self, name: str) -> tuple[str, ...]:
        value = self.params.get(name)
        if value.__class__ is tuple:
            return value
        value = self._get(name)
        if not isinstance(value, tuple):
            raise TypeError(f"parameter {name!r} is {value!r}, not a list")
        return value

    def day(self, name: str) -> date:
        value = self._get(name)
        if not isinstance(value, date):
            raise TypeError(f"parameter {name!r} is {value!r}, not a date")
        return value

    def flag(self, name: str) -> bool:
        value = self._get(name)
        if not isinstance(value, bool):
            raise TypeError(f"parameter {name!r} is {value!r}, not true/false")
        return value

    def region_of(self, station: Station) -> Region | None:
        """The region node a station serves, when the dataset records it."""
        return self.regions.get(station.region) if station.region else None

    @property
    def year(self) -> int:
        """The assessed period, a calendar year ("每年" counts 1 January to 31 December):
        the one the assessment names, else the dataset's, else the year of ``as_of``.
        Records count for it when dated inside it and not after ``as_of``."""
        if self.period is not None:
            return self.period
        return self.dataset.year if self.dataset.year is not None else self.as_of.year
