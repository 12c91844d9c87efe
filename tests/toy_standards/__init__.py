"""Deliberately wrong toy standards: each breaks one contract the testing toolkit checks.

They are plain modules with a ``stationkit_standards`` hook, registered in-process with
``registry.register(module, name)`` (never installed), and share :mod:`toy_standards._base`.
"""
