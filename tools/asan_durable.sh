#!/usr/bin/env bash
# Build durable-rules from its sdist with AddressSanitizer into a temporary target directory
# and run the monitor's durable tests against it, in the project's own venv (the target
# directory comes first on the path, so its durable_rules_engine shadows the ordinary one).
#
# Why: durable's C engine has an out-of-bounds heap read on join rules (events.c,
# reduceExpressionSequence) that only sometimes crashes; ASan reports it every time. The
# monitor's rules never join, and this step keeps it so (docs/lifecycles.md, Live monitoring).
#
# setup.py overwrites CFLAGS, so the flags go in through CC (distutils derives LDSHARED from
# it). Bounded in time; a fresh temporary directory each run, removed on exit; no pip cache,
# so the instrumented build never reaches an ordinary install. Usage: tools/asan_durable.sh
set -euo pipefail
cd "$(dirname "$0")/.."

VERSION=2.0.28
PYTHON=${PYTHON:-.venv/bin/python}
LIMIT=${ASAN_TIME_LIMIT:-900}  # seconds for the test run

if ! "$PYTHON" -c 'import sys; sys.exit(sys.version_info >= (3, 13))'; then
    echo "asan_durable: durable-rules does not build on this Python; nothing to check"
    exit 0
fi
LIBASAN=$(gcc -print-file-name=libasan.so)
if [ ! -e "$LIBASAN" ]; then
    echo "asan_durable: libasan not found (gcc -print-file-name=libasan.so)" >&2
    exit 2
fi

WORK=$(mktemp -d "${TMPDIR:-/tmp}/stationkit-asan.XXXXXX")
trap 'rm -rf "$WORK"' EXIT

CC="gcc -fsanitize=address -fno-omit-frame-pointer -g" \
    timeout 600 "$PYTHON" -m pip install -q --disable-pip-version-check --no-cache-dir \
    --no-binary durable-rules --no-deps --target "$WORK/target" "durable-rules==$VERSION"

# The build must be the instrumented one, and it must be the one the tests import.
if [ "$(nm -D "$WORK"/target/durable_rules_engine*.so | grep -c __asan_init)" = 0 ]; then
    echo "asan_durable: the build is not instrumented" >&2
    exit 1
fi
PYTHONPATH="$WORK/target" LD_PRELOAD="$LIBASAN" ASAN_OPTIONS=detect_leaks=0 "$PYTHON" -c \
    "import durable_rules_engine as d, sys; assert d.__file__.startswith('$WORK'), d.__file__"

PYTHONPATH="$WORK/target:${PYTHONPATH:-}" LD_PRELOAD="$LIBASAN" \
    ASAN_OPTIONS=detect_leaks=0:abort_on_error=1 \
    timeout "$LIMIT" "$PYTHON" -m pytest -p no:cacheprovider tests/monitor \
    plugins/xuanen/tests/test_xuanen_monitoring.py \
    plugins/quanzhou/tests/test_quanzhou_monitoring.py
echo "asan_durable: the durable tests pass under AddressSanitizer"
