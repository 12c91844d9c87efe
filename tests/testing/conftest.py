"""Fixtures of the toolkit's tests: the toolkit's own pytest fixtures, imported (the opt-in
``pytest_plugins = ["stationkit.testing"]`` belongs in a top-level conftest; the plugin as a
whole is exercised in a subprocess by test_toolkit_pytest_plugin.py)."""

from __future__ import annotations

import sys
from pathlib import Path

from stationkit.testing import (  # noqa: F401 - fixtures are found by name
    stationkit_assess,
    stationkit_clock,
    stationkit_coverage,
    stationkit_registry,
)

# The example plugin is normally installed (distribution stationkit-example); fall back to
# its source tree so these tests also run in a checkout where it is not.
_EXAMPLE = Path(__file__).resolve().parents[1] / "plugins" / "example" / "src"
try:
    import stationkit_example  # noqa: F401
except ImportError:  # pragma: no cover - depends on the environment
    sys.path.insert(0, str(_EXAMPLE))
