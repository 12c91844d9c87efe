"""Fails on import, as a plugin with a missing dependency would."""

raise ImportError("stationkit_broken needs a module that is not installed")
