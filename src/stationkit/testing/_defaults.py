"""Defaults of the testing toolkit that need no hypothesis (the pytest plugin loads them in
every pytest session of an environment, with or without the ``testing`` extra)."""

from __future__ import annotations

from datetime import date

#: The date generated records are placed around when none is given.
DEFAULT_AS_OF = date(2025, 6, 30)
