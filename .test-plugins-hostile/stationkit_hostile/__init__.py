"""Faulty plugins for stationkit's isolation tests: one module per class of fault."""
