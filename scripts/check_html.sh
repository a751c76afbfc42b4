#!/usr/bin/env bash
# Renders the HTML report of the fixtures in headless Chromium (a real
# browser), checks that it laid out every finding, and saves a screenshot.
# Needs Debian's chromium (`apt-get install chromium`).
# Usage: scripts/check_html.sh [OUT_DIR]   (default target/html-check; the
# browser profile is a temporary directory, removed on exit)
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-target/html-check}"
mkdir -p "$out"
browser="$(command -v chromium || command -v chromium-browser || true)"
if [ -z "$browser" ]; then
  echo "skipped: chromium is not installed (apt-get install chromium)"; exit 0
fi
cargo build --release --quiet
set +e
./target/release/claimcheck check fixtures/news --format html > "$out/report.html"
code=$?
set -e
[ "$code" = 1 ] || { echo "unexpected exit $code"; exit 1; }
profile="$(mktemp -d "${TMPDIR:-/tmp}/claimcheck-chromium.XXXXXX")"
trap 'rm -rf "$profile"' EXIT
flags=(--headless --no-sandbox --disable-gpu --disable-quic --no-first-run
       --disable-background-networking --disable-component-update --disable-sync
       --user-data-dir="$profile")
"$browser" "${flags[@]}" --dump-dom "file://$PWD/$out/report.html" > "$out/dom.html" 2>/dev/null
"$browser" "${flags[@]}" --window-size=1280,1800 --screenshot="$out/report.png" "file://$PWD/$out/report.html" >/dev/null 2>&1
sections=$(grep -o '<section class="finding"' "$out/dom.html" | wc -l)
svgs=$(grep -o '<svg' "$out/dom.html" | wc -l)
marks=$(grep -o '<mark>' "$out/dom.html" | wc -l)
echo "browser DOM: $sections findings, $svgs graph pictures, $marks highlighted spans; screenshot $out/report.png"
# Expected from the JSON report of the same input: one section per finding,
# one graph per finding of two claims or more, one highlighted value per
# claim card.
read -r want_findings want_graphs want_claims < <(
  ./target/release/claimcheck check fixtures/news --format json 2>/dev/null |
    python3 -c 'import json, sys; f = json.load(sys.stdin)["findings"]; print(len(f), sum(len(x["claims"]) > 1 for x in f), sum(len(x["claims"]) for x in f))')
echo "JSON report: $want_findings findings ($want_graphs of two claims or more), $want_claims claims in them"
[ "$sections" = "$want_findings" ] && [ "$svgs" = "$want_graphs" ] && [ "$marks" = "$want_claims" ] &&
  [ "$sections" -gt 0 ] || { echo "FAILED"; exit 1; }
echo ok
