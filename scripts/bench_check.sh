#!/usr/bin/env bash
# Benchmark `claimcheck check` on the Reuters-21578 corpus (release build).
#
# Prints the per-stage timings, documents/s, MB/s, extraction MB/s and peak
# memory that `check --timings` reports for the whole file, then the wall
# time on 1x, 2x and 4x copies of the corpus (records given new ids) and the
# scaling ratio (target: 4x in at most 4.4x the time).
#
#   scripts/bench_check.sh [--runs N] [--no-build]
#
# Copies are written to a temporary directory outside the repository and
# removed on exit. Skips (exit 0) when ../shared is absent.
set -euo pipefail

# shellcheck source=scripts/reuters_bench_setup.sh
source "$(dirname "$0")/reuters_bench_setup.sh"

echo "== claimcheck check $(basename "$corpus") --format json --timings"
echo "   ($(nproc) cores; RAYON_NUM_THREADS=${RAYON_NUM_THREADS:-default})"
# Exit status 1 means findings; only 2 and above are failures.
status=0
"$bin" check "$corpus" --format json --timings >"$tmp/out.json" 2>"$tmp/err" || status=$?
if [ "$status" -ge 2 ]; then
    cat "$tmp/err" >&2
    exit "$status"
fi
grep '^timing' "$tmp/err" | sed 's/^/   /'
tail -n 1 "$tmp/err" | sed 's/^/   /'

# Copies of the corpus with new record ids: copy k gets id "<id>-k".
make_copies() {
    local n="$1" out="$2"
    python3 - "$corpus" "$n" "$out" <<'EOF'
import gzip, json, sys
src, n, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
lines = gzip.open(src, "rt", encoding="utf-8").read().splitlines()
with gzip.open(out, "wt", encoding="utf-8", compresslevel=1) as f:
    for k in range(n):
        for line in lines:
            if not line.strip():
                continue
            rec = json.loads(line)
            if k:
                rec["id"] = "%s-%d" % (rec.get("id"), k)
            f.write(json.dumps(rec) + "\n")
EOF
}
cp "$corpus" "$tmp/x1.jsonl.gz"
make_copies 2 "$tmp/x2.jsonl.gz"
make_copies 4 "$tmp/x4.jsonl.gz"

# Median wall time, median CPU (user+sys) time and peak RSS of `check`.
# CPU time is the steadier figure on a shared machine.
measure() {
    local input="$1" times=() cpus=() peak=0 t u s rss
    for _ in $(seq "$runs"); do
        /usr/bin/env time -f '%e %U %S %M' -o "$tmp/time" \
            "$bin" check "$input" --format json >/dev/null 2>&1 || true
        # GNU time adds "Command exited with non-zero status 1" first.
        read -r t u s rss < <(tail -n 1 "$tmp/time")
        times+=("$t")
        cpus+=("$(awk -v u="$u" -v s="$s" 'BEGIN {print u + s}')")
        if [ "$rss" -gt "$peak" ]; then peak="$rss"; fi
    done
    local wall cpu
    wall=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
    cpu=$(printf '%s\n' "${cpus[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
    echo "$wall $cpu $(awk -v p="$peak" 'BEGIN {printf "%.1f", p / 1024}')"
}

echo "== scaling (median of $runs runs)"
declare -A wall cpu
for k in 1 2 4; do
    read -r w c mem < <(measure "$tmp/x$k.jsonl.gz")
    wall[$k]="$w"
    cpu[$k]="$c"
    docs=$(zcat "$tmp/x$k.jsonl.gz" | wc -l)
    printf '   %dx  %6d documents  wall %6.2f s  cpu %6.2f s  peak %6.1f MB\n' \
        "$k" "$docs" "$w" "$c" "$mem"
done
awk -v a="${wall[1]}" -v b="${wall[2]}" -v c="${wall[4]}" \
    -v ca="${cpu[1]}" -v cb="${cpu[2]}" -v cc="${cpu[4]}" 'BEGIN {
    printf "   wall ratio 2x/1x %.2f, 4x/1x %.2f (target <= 4.40): %s\n",
        b / a, c / a, (c / a <= 4.4 ? "ok" : "OVER")
    printf "   cpu  ratio 2x/1x %.2f, 4x/1x %.2f\n", cb / ca, cc / ca
}'
