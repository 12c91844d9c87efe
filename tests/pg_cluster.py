"""A PostgreSQL server for the ledger tests: the one CI started, or a throwaway cluster.

``STATIONKIT_TEST_PG`` (a ``postgresql://`` URL of an empty test database) wins; `.ci/run`
sets it, and ``STATIONKIT_TEST_PG_PASSWORD_URL``: the same database over TCP as a role that
logs in with a password (``scram-sha-256``) and may create schemas. Otherwise, when the
PostgreSQL binaries are installed, a cluster is initialised in a temporary directory and
started on a Unix socket there (trusted) and on 127.0.0.1 at a free port (passwords only), as
the ``postgres`` user when running as root (PostgreSQL refuses to run as root), and stopped at
the end. Without binaries the tests skip, saying why, except under CI (``CI`` set), where a
missing server is a failure.
"""

from __future__ import annotations

import os
import secrets
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import NamedTuple
from urllib.parse import quote

import psycopg
from psycopg import sql

URL_ENV = "STATIONKIT_TEST_PG"
PASSWORD_URL_ENV = "STATIONKIT_TEST_PG_PASSWORD_URL"
#: The role the password tests log in as (created with a fresh password per cluster).
PASSWORD_ROLE = "stationkit_pw"


class Cluster(NamedTuple):
    url: str  #: the superuser over the Unix socket (trusted)
    password_url: str  #: PASSWORD_ROLE over TCP, with its password in the URL


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


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
def throwaway_cluster(bindir: Path) -> Iterator[Cluster]:
    """Start a cluster in a temporary directory; yield the URLs of its database ``stationkit``."""
    root = Path(tempfile.mkdtemp(prefix="skpg-"))  # short: socket paths are limited to 107
    try:
        if os.geteuid() == 0:
            shutil.chown(root, "postgres")
        data = root / "data"

        def run(*argv: str) -> None:
            subprocess.run(_as_owner(list(argv)), check=True, capture_output=True, timeout=120)

        run(
            str(bindir / "initdb"),
            "-D",
            str(data),
            "--auth-local=trust",
            "--auth-host=scram-sha-256",
            "-U",
            "postgres",
            "--no-sync",
        )
        # fsync off: these are throwaway test data; durability under a *client* SIGKILL
        # (what the crash tests check) does not depend on the server's fsync.
        port = free_port()
        options = (
            f"-k {root} -p {port} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=50"
        )
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
            run(
                str(bindir / "createdb"),
                "-h",
                str(root),
                "-p",
                str(port),
                "-U",
                "postgres",
                "stationkit",
            )
            # A password with characters a URL must escape: redaction must hide every form.
            password = f"p@ss:w/rd%{secrets.token_hex(8)}"
            url = f"postgresql://postgres@/stationkit?host={root}&port={port}"
            with psycopg.connect(url, autocommit=True) as conn:
                role = sql.Identifier(PASSWORD_ROLE)
                conn.execute(
                    sql.SQL("CREATE ROLE {} LOGIN PASSWORD {}").format(role, sql.Literal(password))
                )
                conn.execute(sql.SQL("GRANT CREATE ON DATABASE stationkit TO {}").format(role))
            yield Cluster(
                url,
                f"postgresql://{PASSWORD_ROLE}:{quote(password, safe='')}@127.0.0.1:{port}"
                "/stationkit",
            )
        finally:
            run(str(bindir / "pg_ctl"), "-D", str(data), "-m", "immediate", "-w", "stop")
    finally:
        shutil.rmtree(root, ignore_errors=True)
