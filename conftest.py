"""Hypothesis profiles for the whole suite (core, toolkit and plugins).

CI (``CI`` set) runs derandomized, so a landing is reproducible; locally examples are
random, so new runs keep looking for counterexamples. No deadline: the machine is shared.
"""

from __future__ import annotations

import os

from hypothesis import settings

settings.register_profile("ci", derandomize=True, deadline=None, print_blob=True)
settings.register_profile("dev", deadline=None, print_blob=True)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci" if os.environ.get("CI") else "dev"))
