#!/usr/bin/env bash
# Scaling of the agree check (compare: title) with the number of distinct
# wordings for one subject: synthetic claims, release build, best of 3.
# Each line prints the time ratio to the previous size; near-linear means
# about x2 per doubling (a quadratic check gives about x4).
#
#   scripts/bench_agree.sh [N...]      (default 2000 4000 8000 16000 32000)
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet --example agree_bench
exec target/release/examples/agree_bench "$@"
