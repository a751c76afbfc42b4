# Sourced by the Reuters benchmarks (bench_check.sh, bench_cache.sh):
# reads --runs N / --no-build, finds the corpus (exits 0 when ../shared is
# absent), builds the release binary and makes a temporary directory.
# Sets: here, runs, corpus, bin, tmp.

here="$(cd "$(dirname "$0")/.." && pwd)"
cd "$here"
runs=3
build=1
while [ $# -gt 0 ]; do
    case "$1" in
        --runs) runs="$2"; shift 2 ;;
        --no-build) build=0; shift ;;
        -h|--help) sed -n '2,/^set -/p' "$0" | sed '$d'; exit 0 ;;
        *) echo "unknown argument: $1" >&2; exit 2 ;;
    esac
done

# The shared data sits next to the repository: ../shared from its root.
corpus="../shared/corpora/reuters21578/reuters21578.jsonl.gz"
if [ -f "$corpus" ]; then
    corpus="$(cd "$(dirname "$corpus")" && pwd)/$(basename "$corpus")"
else
    echo "$(basename "$0"): ../shared/corpora/reuters21578 not found; skipping"
    exit 0
fi
if [ "$build" = 1 ] && [ -z "${CLAIMCHECK_BIN:-}" ]; then
    cargo build --release --quiet
fi
# CLAIMCHECK_BIN: time another build (e.g. a baseline) with the same script.
bin="${CLAIMCHECK_BIN:-$here/target/release/claimcheck}"
tmp="$(mktemp -d "${TMPDIR:-/tmp}/claimcheck-bench.XXXXXX")"
trap 'rm -rf "$tmp"' EXIT
