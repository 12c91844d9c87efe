"""Loading benchmark: a county's stations (default 2,000 copies of the Shishi sample's
stations, rosters and all) through ``dataset_from_data`` with the quanzhou vocabularies
(structuring, region names, every word mapped, totals checked), and through a plain-Python
baseline doing the word work by hand: one dict lookup per word on the raw data, then the same
strict structuring, in the same run.

Not a timed test: it prints measurements; its last line is one JSON object
``{"name", "n", "seconds", "baseline_seconds", "ratio"}``.
Usage: python benchmarks/vocabulary_loading.py [--n 2000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import copy
import gc
import json
import time
from pathlib import Path
from typing import Any

import stationkit_quanzhou
import yaml
from stationkit_quanzhou.standard import STANDARD

from stationkit.records import Dataset, dataset_from_data
from stationkit.records._loading import converter
from stationkit.standard import vocabularies_for

SAMPLE = Path(stationkit_quanzhou.__file__).parent / "samples" / "shishi_2025.yaml"
#: The raw fields holding words, by record (a hand-written map: what the baseline knows).
WORD_FIELDS: dict[str, tuple[tuple[str, str], ...]] = {
    "station": (("kind", "station_kind"), ("wall_maps", "wall_map"), ("rules", "rule")),
    "posts": (("category", "post_category"), ("duty", "post_duty")),
    "teams": (("kind", "team_kind"), ("groups", "team_group")),
    "plans": (("type", "plan_type"),),
    "drills": (("kind", "drill_kind"), ("hazards", "hazard")),
    "trainings": (
        ("kind", "training_kind"),
        ("topic", "training_topic"),
        ("skills", "training_skill"),
    ),
    "ledgers": (("kind", "ledger_kind"),),
    "grids": (("risk_area", "risk_area"),),
    "publicity": (("kind", "publicity_channel"), ("sections", "publicity_section")),
    "functions": (("topic", "evidence_topic"), ("items", "evidence_item")),
    "equipment": (
        ("category", "supply_category"),
        ("subcategory", "supply_category"),
        ("item", "supply_item"),
    ),
    "signs": (("location", "sign_location"), ("logo", "logo")),
}
#: Words in the station's single records (``communications``, ``duty``, ``warehouse``).
NESTED_FIELDS: dict[str, tuple[tuple[str, str], ...]] = {
    "communications": (
        ("screen_type", "screen_type"),
        ("linked_platforms", "platform_level"),
        ("alarm_channels", "alarm_channel"),
    ),
    "duty": (("merged_duties", "merged_duty"),),
    "warehouse": (("rules", "rule"),),
}


def _mapped(value: Any, vocab: dict[str, str]) -> Any:
    if isinstance(value, str):
        return vocab.get(value, value)
    if isinstance(value, list):
        return [vocab.get(v, v) if isinstance(v, str) else v for v in value]
    return value


def _data(n: int) -> dict[str, Any]:
    raw = yaml.safe_load(SAMPLE.read_text(encoding="utf-8"))
    stations = raw["stations"]
    raw["stations"] = []
    for i in range(n):
        station = copy.deepcopy(stations[i % len(stations)])
        station["id"] = f"{station['id']}-{i}"
        raw["stations"].append(station)
    return dict(raw)


def _baseline(data: dict[str, Any], words: dict[str, dict[str, str]]) -> Dataset:
    """Words mapped by exact lookup on the raw dicts, then strict structuring."""
    out = dict(data)
    stations = []
    for station in data["stations"]:
        station = dict(station)
        for field, vocab in WORD_FIELDS["station"]:
            if field in station:
                station[field] = _mapped(station[field], words.get(vocab, {}))
        for key, fields in NESTED_FIELDS.items():
            if isinstance(station.get(key), dict):
                record = dict(station[key])
                for field, vocab in fields:
                    if field in record:
                        record[field] = _mapped(record[field], words.get(vocab, {}))
                station[key] = record
        for key, fields in WORD_FIELDS.items():
            if key == "station" or not station.get(key):
                continue
            items = []
            for item in station[key]:
                item = dict(item)
                for field, vocab in fields:
                    if field in item:
                        item[field] = _mapped(item[field], words.get(vocab, {}))
                items.append(item)
            station[key] = items
        stations.append(station)
    out["stations"] = stations
    dataset: Dataset = converter().structure(out, Dataset)
    return dataset


def _time(run: Any, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        gc.collect()
        start = time.perf_counter()
        run()
        best = min(best, time.perf_counter() - start)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--n", type=int, default=2000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    data = _data(args.n)
    vocabularies = vocabularies_for(STANDARD, "2025")
    words = {
        vid: {s: t.code for t in v.terms for s in t.spellings() if s}
        for vid, v in vocabularies.items()
    }
    full = dataset_from_data(data, vocabularies=vocabularies)
    plain = _baseline(data, words)
    assert len(full.stations) == len(plain.stations) == args.n
    assert [s.kind for s in full.stations] == [s.kind for s in plain.stations]
    seconds = _time(lambda: dataset_from_data(data, vocabularies=vocabularies), args.repeat)
    baseline = _time(lambda: _baseline(data, words), args.repeat)
    print(f"stationkit loading: {args.n} stations in {seconds:.3f} s")
    print(f"plain baseline (exact lookups, then structuring): {baseline:.3f} s")
    print(
        json.dumps(
            {
                "name": "loading",
                "n": args.n,
                "seconds": round(seconds, 4),
                "baseline_seconds": round(baseline, 4),
                "ratio": round(seconds / baseline, 3),
            }
        )
    )


if __name__ == "__main__":
    main()
