"""The plugin contract: the hooks a stationkit plugin may implement.

A plugin is a module registered under the ``stationkit`` entry-point group, e.g.::

    [project.entry-points.stationkit]
    quanzhou = "stationkit_quanzhou.plugin"

and implements any of these hooks with :data:`hookimpl`. Every hook is register-style: it
takes no arguments and returns data, so the core can call each plugin on its own, record
what it supplied, and isolate a plugin that fails.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import pluggy

if TYPE_CHECKING:
    from stationkit.lifecycle import MachineExtension
    from stationkit.monitor import RuleBook
    from stationkit.standard._samples import Sample
    from stationkit.standard._standard import Standard

PROJECT = "stationkit"
hookspec = pluggy.HookspecMarker(PROJECT)
#: Decorate a plugin's hook functions with this.
hookimpl = pluggy.HookimplMarker(PROJECT)


@hookspec
def stationkit_standards() -> Sequence[Standard]:  # type: ignore[empty-body]
    """The standards this plugin provides, each with all its editions.

    Two plugins providing the same standard id and edition is an error naming both.
    """


@hookspec
def stationkit_machine_extensions() -> Sequence[MachineExtension]:  # type: ignore[empty-body]
    """Extensions to the core lifecycle machines (station, hazard, drill, acceptance,
    rollout) for this plugin's standards: added states, events, guards, deadline policies."""


@hookspec
def stationkit_samples() -> Sequence[Sample]:  # type: ignore[empty-body]
    """Bundled sample datasets, each naming the standard it illustrates (used by ``demo``)."""


@hookspec
def stationkit_monitor_rules() -> Sequence[RuleBook]:  # type: ignore[empty-body]
    """Live-monitoring rules for this plugin's standards, one ``RuleBook`` per standard (and
    editions): constant tests on one observation (``stationkit.monitor.field``), each rule
    naming a decision and citing its clause. A book's rules for a topic replace the core's
    default rules of that topic, and must decide each observation of it exactly once.
    ``stationkit show`` lists them; ``stationkit monitor`` runs them."""
