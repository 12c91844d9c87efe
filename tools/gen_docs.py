"""Write docs/standards/ID@EDITION.md for every installed standard (``make docs``).

The pages are what ``stationkit show ID@EDITION`` prints; tests/test_generated_docs.py
fails when a committed page differs from what the plugins generate now.
"""

from __future__ import annotations

from pathlib import Path

import stationkit as sk
from stationkit.report._describe import standard_markdown

OUT = Path(__file__).resolve().parent.parent / "docs" / "standards"


def pages(registry: sk.Registry) -> dict[str, str]:
    """File name → content for every standard edition the registry holds."""
    return {
        f"{std.id}@{ed.edition}.md": standard_markdown(
            std,
            ed,
            registry.provider(std.id, ed.edition),
            registry.machine_extensions(std.id, ed.edition),
        )
        for std in registry.standards()
        for ed in std.editions
    }


def main() -> None:
    registry = sk.Registry(strict=True)
    registry.load_entry_points(only=["quanzhou", "pingshan", "xuanen"])
    OUT.mkdir(parents=True, exist_ok=True)
    for name, text in pages(registry).items():
        (OUT / name).write_text(text, encoding="utf-8")
        print(f"wrote docs/standards/{name}")


if __name__ == "__main__":
    main()
