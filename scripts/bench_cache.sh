#!/usr/bin/env bash
# Benchmark the claims cache and the sharded path on the Reuters-21578
# corpus (release build).
#
# Prints the wall time (median of --runs) of `claimcheck check` on the
# whole file: without a cache, with a cold cache (parse and store), with a
# warm cache (nothing changed), and after one record's text changed; then
# `claims --documents` on four shards and `check --claims` over them, and
# whether that gives the same findings as one `check`.
#
#   scripts/bench_cache.sh [--runs N] [--no-build]
#
# Work files go to a temporary directory, removed on exit. Skips (exit 0)
# when ../shared is absent.
set -euo pipefail

# shellcheck source=scripts/reuters_bench_setup.sh
source "$(dirname "$0")/reuters_bench_setup.sh"

# The corpus with one record's text edited, and the corpus in four shards.
python3 - "$corpus" "$tmp" <<'PY'
import gzip, json, sys
src, tmp = sys.argv[1], sys.argv[2]
lines = [l for l in gzip.open(src, "rt", encoding="utf-8").read().splitlines() if l.strip()]
edited = list(lines)
rec = json.loads(edited[100])
rec["body"] = rec.get("body", "") + "\nEdited for the cache benchmark."
edited[100] = json.dumps(rec)
with gzip.open(f"{tmp}/edited.jsonl.gz", "wt", encoding="utf-8", compresslevel=1) as f:
    f.write("\n".join(edited) + "\n")
n = len(lines)
for k in range(4):
    with open(f"{tmp}/shard{k}.jsonl", "w", encoding="utf-8") as f:
        f.write("\n".join(lines[k * n // 4:(k + 1) * n // 4]) + "\n")
PY

# Median wall seconds of a command (exit status 1, findings, is fine).
median() {
    local times=()
    for _ in $(seq "$runs"); do
        "$@" # prepare step (may be a no-op)
        local start end
        start=$(date +%s.%N)
        "${cmd[@]}" >/dev/null 2>&1 || true
        end=$(date +%s.%N)
        times+=("$(awk -v a="$start" -v b="$end" 'BEGIN {print b - a}')")
    done
    printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'
}
noop() { :; }
fresh_cache() { rm -rf "$tmp/cache"; }
warm_cache() { rm -rf "$tmp/cache"; "$bin" check "$corpus" --cache "$tmp/cache" >/dev/null 2>&1 || true; }

echo "== claims cache: claimcheck check $(basename "$corpus") (median of $runs runs, $(nproc) cores)"
cmd=("$bin" check "$corpus" --format json)
none=$(median noop)
cmd=("$bin" check "$corpus" --format json --cache "$tmp/cache")
cold=$(median fresh_cache)
warm_cache
warm=$(median noop)
cmd=("$bin" check "$tmp/edited.jsonl.gz" --format json --cache "$tmp/cache")
one=$(median warm_cache)
awk -v n="$none" -v c="$cold" -v w="$warm" -v o="$one" 'BEGIN {
    printf "   no cache                 %6.2f s\n", n
    printf "   cold cache (parse+store) %6.2f s  (%.2fx no cache)\n", c, c / n
    printf "   warm cache, no change    %6.2f s  (speed-up %.1fx)\n", w, n / w
    printf "   warm cache, 1 record new %6.2f s  (speed-up %.1fx)\n", o, n / o
}'
warm_cache
"$bin" check "$tmp/edited.jsonl.gz" --cache "$tmp/cache" 2>&1 >/dev/null | grep 'cache' | sed 's/^/   edited run: /'
ls -l "$tmp/cache/claims-v1.jsonl" | awk '{printf "   cache file %.1f MB\n", $5 / 1e6}'

echo "== sharded: claims --documents on 4 shards, then check --claims"
start=$(date +%s.%N)
for k in 0 1 2 3; do
    "$bin" claims --documents "$tmp/shard$k.jsonl" 2>/dev/null | gzip -1 >"$tmp/shard$k.claims.jsonl.gz"
done
end=$(date +%s.%N)
awk -v a="$start" -v b="$end" 'BEGIN {printf "   extraction, 4 shards one after another  %6.2f s\n", b - a}'
cmd=("$bin" check --claims "$tmp"/shard3.claims.jsonl.gz "$tmp"/shard1.claims.jsonl.gz \
    "$tmp"/shard0.claims.jsonl.gz "$tmp"/shard2.claims.jsonl.gz --format json)
stored=$(median noop)
awk -v s="$stored" 'BEGIN {printf "   check --claims over the 4 shards        %6.2f s\n", s}'
du -cb "$tmp"/shard*.claims.jsonl.gz | tail -n 1 | awk '{printf "   claims files %.1f MB gzip\n", $1 / 1e6}'
"${cmd[@]}" >"$tmp/stored.json" 2>/dev/null || true
"$bin" check "$tmp"/shard*.jsonl --format json >"$tmp/direct.json" 2>/dev/null || true
if cmp -s "$tmp/stored.json" "$tmp/direct.json"; then
    echo "   findings: identical to one check of the 4 shards"
else
    echo "   findings: DIFFERENT from one check of the 4 shards"
    exit 1
fi
