"""Connecting to a Dask cluster (the optional ``dask`` extra): ``tcp://HOST:PORT`` for a
running scheduler, ``local:N`` for a cluster of N worker processes on this machine."""

from __future__ import annotations

import importlib
import re
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from stationkit.errors import UsageError

DASK_HINT = "--scheduler needs Dask: pip install 'stationkit[dask]'"
_LOCAL = re.compile(r"^local:(\d{1,3})$")
_REMOTE = re.compile(r"^(tcp|tls)://[^\s/]+:\d{1,5}$")
#: The most workers ``local:N`` starts.
MAX_LOCAL_WORKERS = 64


def check_scheduler(spec: str) -> None:
    """Refuse a malformed ``--scheduler`` before anything is read."""
    local = _LOCAL.match(spec)
    if local is not None:
        n = int(local[1])
        if not 1 <= n <= MAX_LOCAL_WORKERS:
            raise UsageError(f"--scheduler local:N takes 1 to {MAX_LOCAL_WORKERS} workers, not {n}")
    elif _REMOTE.match(spec) is None:
        raise UsageError(
            f"--scheduler expects tcp://HOST:PORT or local:N (N worker processes), got {spec!r}"
        )


@contextmanager
def dask_client(spec: str) -> Iterator[Any]:
    """A ``distributed.Client`` for ``spec``, closed (with its local cluster) afterwards."""
    check_scheduler(spec)
    try:
        # Untyped third-party API: held as Any, used only here.
        distributed: Any = importlib.import_module("distributed")
    except ImportError:
        raise UsageError(DASK_HINT) from None
    Client, LocalCluster = distributed.Client, distributed.LocalCluster  # noqa: N806
    local = _LOCAL.match(spec)
    if local is None:
        try:
            client = Client(spec, timeout="10s")
        except OSError as exc:
            raise UsageError(f"--scheduler {spec}: cannot connect: {exc}") from None
        try:
            yield client
        finally:
            client.close()
        return
    # Loopback only, no dashboard: a local cluster is this run's, not a service.
    cluster = LocalCluster(
        n_workers=int(local[1]),
        threads_per_worker=1,
        processes=True,
        host="127.0.0.1",
        dashboard_address=None,
    )
    client = Client(cluster)
    try:
        yield client
    finally:
        client.close()
        cluster.close()
