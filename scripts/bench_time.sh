#!/usr/bin/env bash
# Time resolver throughput against pyduckling: the same rows, one core.
#
#   scripts/bench_time.sh [ROWS.jsonl]   (default ../shared/peers/duckling/time-en.jsonl)
#
# Takes the `en` rows of the Duckling corpus (latent rows included, as
# peer_dates.py does) and prints phrases/s for
#   - claimcheck: `claimcheck time --jsonl` (rows {"text", "ref", "latent"}:
#     latent readings on for the rows the corpus flags latent) pinned to core 0,
#     once with process start included
#     (median of 5 one-pass runs) and once with start-up amortised (the rows
#     repeated REPEAT times, default 100, in one process; median of 3);
#     both include reading and writing the JSON lines;
#   - pyduckling: `../shared/tools/peer_dates.py pyduckling` pinned to core 0,
#     rows / seconds inside its parse call (set-up and JSON excluded), in a
#     virtual environment under target/venv-duckling (created on first use:
#     pip install pyduckling-native-phihos);
# and the ratio of each claimcheck figure to pyduckling's.
#
# Temporary files go to a `mktemp -d` directory, removed on exit. Skips
# (exit 0) when the rows are absent; prints claimcheck's figures only when
# pyduckling cannot be installed.
set -euo pipefail
cd "$(dirname "$0")/.."
rows_in=${1:-../shared/peers/duckling/time-en.jsonl}
peer_tool=../shared/tools/peer_dates.py
repeat=${REPEAT:-100}
venv=target/venv-duckling

if [ ! -f "$rows_in" ]; then
    echo "bench_time.sh: $rows_in not found; skipping"
    exit 0
fi
cargo build --release --quiet
bin=target/release/claimcheck
tmp="$(mktemp -d "${TMPDIR:-/tmp}/claimcheck-bench-time.XXXXXX")"
trap 'rm -rf "$tmp"' EXIT

# The rows peer_dates.py keeps with --locale en, as claimcheck's input.
python3 - "$rows_in" "$repeat" "$tmp" <<'PY'
import json, sys
src, repeat, tmp = sys.argv[1], int(sys.argv[2]), sys.argv[3]
rows = []
for line in open(src, encoding="utf-8"):
    if line.strip():
        r = json.loads(line)
        if r.get("locale", "en") == "en":
            rows.append(json.dumps({"text": r["text"], "ref": r["ref"],
                                    "latent": bool(r.get("latent", False))}) + "\n")
with open(f"{tmp}/rows.jsonl", "w", encoding="utf-8") as f:
    f.writelines(rows)
with open(f"{tmp}/rows-repeated.jsonl", "w", encoding="utf-8") as f:
    for _ in range(repeat):
        f.writelines(rows)
PY
n=$(wc -l <"$tmp/rows.jsonl")

# Median wall seconds of `claimcheck time --jsonl < INPUT` on core 0.
median_time() {
    local input="$1" runs="$2" times=() start end
    for _ in $(seq "$runs"); do
        start=$(date +%s.%N)
        taskset -c 0 "$bin" time --jsonl <"$input" >"$tmp/out.jsonl"
        end=$(date +%s.%N)
        times+=("$(awk -v a="$start" -v b="$end" 'BEGIN {print b - a}')")
    done
    printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'
}

t1=$(median_time "$tmp/rows.jsonl" 5)
resolved=$(grep -vc '"value":null' "$tmp/out.jsonl" || true)
out_n=$(wc -l <"$tmp/out.jsonl")
if [ "$out_n" != "$n" ] || grep -q '"error"' "$tmp/out.jsonl"; then
    echo "bench_time.sh: claimcheck time --jsonl gave $out_n lines (or errors) for $n rows" >&2
    exit 1
fi
tn=$(median_time "$tmp/rows-repeated.jsonl" 3)
ours_start=$(awk -v n="$n" -v t="$t1" 'BEGIN {print n / t}')
ours_loop=$(awk -v n="$n" -v r="$repeat" -v t="$tn" 'BEGIN {print n * r / t}')
echo "== $n en rows of $rows_in, core 0"
awk -v s="$ours_start" -v l="$ours_loop" -v t1="$t1" -v tn="$tn" -v n="$n" -v r="$repeat" \
    -v res="$resolved" 'BEGIN {
    printf "claimcheck time --jsonl, process included: %9.0f phrases/s (%d rows in %.3f s; %d with a value)\n", s, n, t1, res
    printf "claimcheck time --jsonl, start amortised:  %9.0f phrases/s (%d rows x %d in %.2f s)\n", l, n, r, tn
}'

# pyduckling in its own virtual environment, created on first use.
if ! "$venv/bin/python" -c 'import duckling' 2>/dev/null; then
    echo "creating $venv (pip install pyduckling-native-phihos)"
    if ! { python3 -m venv "$venv" &&
        "$venv/bin/pip" install --quiet pyduckling-native-phihos; } >"$tmp/pip.log" 2>&1; then
        tail -n 5 "$tmp/pip.log" >&2
        echo "pyduckling: could not install pyduckling-native-phihos in $venv; no comparison"
        exit 0
    fi
fi
PEER_PYTHON="$PWD/$venv/bin/python" taskset -c 0 python3 "$peer_tool" pyduckling "$rows_in" \
    --locale en --negative /dev/null --quiet --summary-json "$tmp/peer.json" >"$tmp/peer.log" 2>&1 || {
    cat "$tmp/peer.log" >&2
    exit 1
}
read -r peer_ps peer_n peer_none peer_v < <(python3 -c '
import json, sys
s = json.load(open(sys.argv[1]))
t = s["totals"]["all"]
print(s["throughput_phrases_per_s"], t["n"], t["none"], s["version"])' "$tmp/peer.json")
if [ "$peer_n" != "$n" ]; then
    echo "bench_time.sh: pyduckling ran $peer_n rows, claimcheck $n" >&2
    exit 1
fi
awk -v p="$peer_ps" -v n="$peer_n" -v none="$peer_none" -v v="$peer_v" -v s="$ours_start" \
    -v l="$ours_loop" 'BEGIN {
    printf "pyduckling %s, inside its parse call:  %9.0f phrases/s (%d rows; %d with a value)\n", v, p, n, n - none
    printf "ratio claimcheck/pyduckling: %.1fx (start amortised), %.1fx (process included)\n", l / p, s / p
}'
