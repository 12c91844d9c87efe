"""A package face whose names are imported on first use (PEP 562).

The faces (``stationkit.records``, ``.standard``, ``.report``) list where each public name
lives; ``import stationkit.records`` then costs nothing until a name is read, so reading one
record class does not load YAML, cattrs or the renderers. mypy sees the names through the
face's ``if TYPE_CHECKING:`` imports; ``tests/test_architecture.py`` checks the two agree.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable, Mapping
from typing import Any


def lazy_names(
    package: str, homes: Mapping[str, tuple[str, ...]]
) -> tuple[Callable[[str], Any], Callable[[], list[str]]]:
    """A module ``__getattr__`` and ``__dir__`` for ``package``: ``homes`` maps each private
    submodule (``"_model"``) to the public names it holds."""
    where = {name: f"{package}.{module}" for module, names in homes.items() for name in names}
    namespace = sys.modules[package].__dict__

    def getattr_(name: str) -> Any:
        module = where.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(module), name)
        namespace[name] = value  # once read, a plain attribute
        return value

    def dir_() -> list[str]:
        return sorted({*namespace, *where})

    return getattr_, dir_
