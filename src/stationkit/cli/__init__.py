"""The ``stationkit`` command: ``main`` is its entry point."""

from stationkit.cli._main import main

__all__ = ["main"]
