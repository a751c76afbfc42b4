#!/usr/bin/env bash
# Time resolver throughput vs pyduckling, one core, same rows.
#
#   scripts/bench_time.sh [ROWS.jsonl]      (default ../shared/peers/duckling/time-en.jsonl)
#
# Builds release, resolves the corpus's `en` rows with `claimcheck time
# --jsonl` when the binary has the command, and always through
# examples/time_bench.rs (time inside `resolve_phrase`, the same measure
# peer_dates.py uses: rows / seconds inside the parse call); runs
# `peer_dates.py pyduckling` in /work/venv-duckling (created on first use);
# prints phrases/s for each and the ratio. Also reports find_dates MB/s on
# the Reuters corpus when it is there.
set -euo pipefail
cd "$(dirname "$0")/.."
ROWS=${1:-../shared/peers/duckling/time-en.jsonl}
VENV=${VENV:-/work/venv-duckling}
REUTERS=../shared/corpora/reuters21578/reuters21578.jsonl.gz

cargo build --release --quiet --example time_bench
cargo build --release --quiet 2>/dev/null || true

ours=$(taskset -c 0 ./target/release/examples/time_bench phrases "$ROWS" --locale en --repeat 50)
echo "claimcheck resolve_phrase: $ours"
ours_ps=$(python3 -c 'import json,sys; print(json.loads(sys.argv[1])["phrases_per_s"])' "$ours")

# The CLI end to end (process start, JSON in and out) when `time` is wired.
if ./target/release/claimcheck time --ref 2013-02-12 today 2>/dev/null | grep -q '"value"'; then
  python3 - "$ROWS" > /tmp/bench_time_rows.jsonl <<'PY'
import json, sys
for line in open(sys.argv[1]):
    r = json.loads(line)
    if r["locale"] == "en":
        print(json.dumps({"text": r["text"], "ref": r["ref"]}))
PY
  n=$(wc -l < /tmp/bench_time_rows.jsonl)
  start=$(date +%s.%N)
  taskset -c 0 ./target/release/claimcheck time --jsonl < /tmp/bench_time_rows.jsonl > /dev/null
  end=$(date +%s.%N)
  echo "claimcheck time --jsonl: $(python3 -c "print(f'{$n/($end-$start):.0f}')") phrases/s ($n rows, process included)"
else
  echo "claimcheck time --jsonl: not wired into the binary yet; measured through examples/time_bench only"
fi

if [ ! -x "$VENV/bin/python" ]; then
  python3 -m venv "$VENV" && "$VENV/bin/pip" install -q pyduckling-native-phihos
fi
peer=$(PEER_PYTHON="$VENV/bin/python" taskset -c 0 python3 ../shared/tools/peer_dates.py pyduckling "$ROWS" --locale en --quiet --summary-json /tmp/bench_time_pyduckling.json >/dev/null 2>&1; cat /tmp/bench_time_pyduckling.json)
peer_ps=$(python3 -c 'import json,sys; print(json.loads(sys.argv[1])["throughput_phrases_per_s"])' "$peer")
echo "pyduckling: $(python3 -c "print(f'{$peer_ps:.0f}')") phrases/s"
python3 -c "print(f'ratio: {$ours_ps/$peer_ps:.0f}x pyduckling')"

if [ -f "$REUTERS" ]; then
  echo "find_dates on Reuters: $(taskset -c 0 ./target/release/examples/time_bench scan "$REUTERS" --repeat 3)"
fi
