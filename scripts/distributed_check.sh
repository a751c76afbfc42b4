#!/usr/bin/env bash
# The distributed check on Apache Spark in local mode (issue 19): builds
# claimcheck, installs pyspark (pinned) in a virtual environment under
# target/venv-spark (Java 17 must be installed: `apt-get install
# openjdk-17-jre-headless`), then runs scripts/distributed_check.py, which
# checks the Reuters year copied 4 times on Spark and asserts the merged
# findings are byte-identical to one `claimcheck check`.
#
#   scripts/distributed_check.sh [--copies N] [--tasks N] [--keep DIR] [--no-build]
#
# Skips (exit 0) when ../shared is absent. Not part of .ci/run (a 500 MB
# engine); tests/distributed.rs tests the partition and merge it relies on.
set -euo pipefail
cd "$(dirname "$0")/.."
PYSPARK_VERSION=4.3.0
if [ ! -f ../shared/corpora/reuters21578/reuters21578.jsonl.gz ]; then
    echo "distributed_check: ../shared/corpora/reuters21578 not found; skipping"
    exit 0
fi
build=1
args=()
for a in "$@"; do
    if [ "$a" = --no-build ]; then build=0; else args+=("$a"); fi
done
if [ "$build" = 1 ]; then
    cargo build --release --quiet
fi
venv=target/venv-spark
if ! "$venv/bin/python" -c "import pyspark" 2>/dev/null; then
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet "pyspark==$PYSPARK_VERSION"
fi
exec "$venv/bin/python" scripts/distributed_check.py "${args[@]}"
