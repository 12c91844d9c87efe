"""The core's five base machines, as data."""

from stationkit.lifecycle._machines._acceptance import acceptance_spec
from stationkit.lifecycle._machines._drill import drill_spec
from stationkit.lifecycle._machines._hazard import hazard_spec
from stationkit.lifecycle._machines._rollout import rollout_spec
from stationkit.lifecycle._machines._station import station_spec

__all__ = ["acceptance_spec", "drill_spec", "hazard_spec", "rollout_spec", "station_spec"]
