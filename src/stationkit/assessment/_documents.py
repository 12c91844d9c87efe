"""Reading the small hand-written documents beside the data (waivers, tailoring): shape
checks that name the file, the path and what was expected."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from stationkit.errors import InputProblem

#: Size limits of a waiver or tailoring document.
MAX_ENTRIES = 10_000
MAX_TEXT = 2_000


class Shape:
    """Collects problems while reading one document."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.problems: list[InputProblem] = []

    def fail(self, path: str, message: str) -> None:
        self.problems.append(InputProblem(self.source, path, message))

    def mapping(self, value: Any, path: str, keys: set[str], required: set[str]) -> bool:
        if not isinstance(value, Mapping):
            self.fail(path, f"expected a mapping, got {type(value).__name__}")
            return False
        ok = True
        for key in value:
            if key not in keys:
                self.fail(f"{path}.{key}", f"unknown key {key!r}; known: {sorted(keys)}")
                ok = False
        for key in sorted(required - set(value)):
            self.fail(f"{path}.{key}", "required, and missing")
            ok = False
        return ok

    def text(self, value: Any, path: str) -> str | None:
        if not isinstance(value, str) or not value.strip():
            self.fail(path, f"expected a non-empty text, got {value!r}")
            return None
        if len(value) > MAX_TEXT:
            self.fail(path, f"expected at most {MAX_TEXT} characters, got {len(value)}")
            return None
        return value.strip()

    def day(self, value: Any, path: str) -> date | None:
        if isinstance(value, date):
            return value
        if isinstance(value, str):
            try:
                return date.fromisoformat(value)
            except ValueError:
                pass
        self.fail(path, f"expected a date YYYY-MM-DD, got {value!r}")
        return None

    def items(self, value: Any, path: str) -> list[Any]:
        if not isinstance(value, list):
            self.fail(path, f"expected a list, got {type(value).__name__}")
            return []
        if len(value) > MAX_ENTRIES:
            self.fail(path, f"expected at most {MAX_ENTRIES} entries, got {len(value)}")
            return []
        return value
