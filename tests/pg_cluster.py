"""A PostgreSQL server for the ledger tests: the one CI started, or a throwaway cluster.

``STATIONKIT_TEST_PG`` (a ``postgresql://`` URL of an empty test database) wins; `.ci/run`
sets it. Otherwise, when the PostgreSQL binaries are installed, a cluster is initialised in a
temporary directory and started on a Unix socket there (no TCP port to clash on), as the
``postgres`` user when running as root (PostgreSQL refuses to run as root), and stopped at
the end. Without binaries the tests skip, saying why, except under CI (``CI`` set), where a
missing server is a failure.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

URL_ENV = "STATIONKIT_TEST_PG"


def find_bindir() -> Path | None:
    """The directory of ``initdb``/``pg_ctl``: on PATH, or Debian's versioned directory."""
    found = shutil.which("initdb")
    if found:
        return Path(found).resolve().parent
    candidates = sorted(
        Path("/usr/lib/postgresql").glob("*/bin/initdb"),
        key=lambda p: int(p.parts[-3]) if p.parts[-3].isdigit() else 0,
    )
    return candidates[-1].parent if candidates else None


def missing_reason() -> str:
    return (
        f"no PostgreSQL server: set {URL_ENV} to a test database URL or install the "
        "PostgreSQL binaries (Debian: apt-get install postgresql)"
    )


def _as_owner(argv: list[str]) -> list[str]:
    if os.geteuid() != 0:
        return argv
    runuser = shutil.which("runuser")
    if runuser is None:
        raise RuntimeError("running as root without runuser: cannot start PostgreSQL")
    return [runuser, "-u", "postgres", "--", *argv]


@contextmanager
def throwaway_cluster(bindir: Path) -> Iterator[str]:
    """Start a cluster in a temporary directory; yield the URL of its database ``stationkit``."""
    root = Path(tempfile.mkdtemp(prefix="skpg-"))  # short: socket paths are limited to 107
    try:
        if os.geteuid() == 0:
            shutil.chown(root, "postgres")
        data = root / "data"

        def run(*argv: str) -> None:
            subprocess.run(_as_owner(list(argv)), check=True, capture_output=True, timeout=120)

        run(str(bindir / "initdb"), "-D", str(data), "-A", "trust", "-U", "postgres", "--no-sync")
        # fsync off: these are throwaway test data; durability under a *client* SIGKILL
        # (what the crash tests check) does not depend on the server's fsync.
        options = f"-k {root} -c listen_addresses='' -c fsync=off -c max_connections=50"
        run(
            str(bindir / "pg_ctl"),
            "-D",
            str(data),
            "-o",
            options,
            "-l",
            str(root / "server.log"),
            "-w",
            "-t",
            "60",
            "start",
        )
        try:
            run(str(bindir / "createdb"), "-h", str(root), "-U", "postgres", "stationkit")
            yield f"postgresql://postgres@/stationkit?host={root}"
        finally:
            run(str(bindir / "pg_ctl"), "-D", str(data), "-m", "immediate", "-w", "stop")
    finally:
        shutil.rmtree(root, ignore_errors=True)
