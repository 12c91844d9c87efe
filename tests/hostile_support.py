"""Running stationkit as a user would, with a time and memory cap, and the faulty plugins."""

from __future__ import annotations

import os
import resource
import subprocess
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path

import attrs

ROOT = Path(__file__).resolve().parent.parent
#: Where ``make`` installs the faulty test plugins (apart from the other test plugins).
HOSTILE_PLUGINS = ROOT / ".test-plugins-hostile"
TEST_PLUGINS = ROOT / ".test-plugins"
TIME_CAP_S = 10
MEMORY_CAP_BYTES = 1 << 30


def hostile_plugins(target: Path) -> Path:
    """The faulty plugins' install directory: ``make``'s, or one installed into ``target``."""
    if (HOSTILE_PLUGINS / "stationkit_hostile").is_dir():
        return HOSTILE_PLUGINS
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "-q",
            "--no-deps",
            "--disable-pip-version-check",
            "--target",
            str(target),
            str(ROOT / "tests" / "plugins" / "hostile"),
        ],
        check=True,
    )
    return target


def _cap() -> None:  # runs in the child, before exec
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_CAP_BYTES, MEMORY_CAP_BYTES))
    resource.setrlimit(resource.RLIMIT_CPU, (TIME_CAP_S, TIME_CAP_S))


_MAIN = "import sys; from stationkit.cli import main; sys.exit(main(sys.argv[1:]))"


@attrs.frozen
class Run:
    code: int
    stdout: str
    stderr: str


def run_cli(
    args: Sequence[str],
    *,
    plugin_dirs: Sequence[Path] = (),
    cwd: Path | None = None,
    extra_env: Mapping[str, str] | None = None,
) -> Run:
    """``stationkit ARGS`` in a subprocess capped at 10 s and 1 GB."""
    env = dict(os.environ)
    env.update(extra_env or {})
    env.pop("STATIONKIT_DEBUG", None)
    env["PYTHONPATH"] = os.pathsep.join(str(p) for p in plugin_dirs)
    done = subprocess.run(
        [sys.executable, "-c", _MAIN, *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=cwd,
        timeout=TIME_CAP_S * 2,
        preexec_fn=_cap,  # only setrlimit: safe before exec
        check=False,
    )
    return Run(done.returncode, done.stdout, done.stderr)
