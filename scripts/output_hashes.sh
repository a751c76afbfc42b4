#!/usr/bin/env bash
# Output fingerprints: sha256 (first 16 hex digits) of `claims`,
# `claims --documents` (the rules fingerprint masked: it hashes the
# sources), `check` in every format and `graph` (json, dot) over the
# Reuters file, fixtures/news and the seeds. Run it before and after a
# change that must not change output, and diff the two listings:
#
#   scripts/output_hashes.sh [BIN] > before.txt
#
# BIN defaults to target/release/claimcheck (built when missing). Inputs
# under ../shared that are absent are skipped with a note.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:-target/release/claimcheck}
if [ ! -x "$bin" ]; then
    cargo build --release --quiet
fi
h() { sha256sum | cut -c1-16; }
for set in "reuters:../shared/corpora/reuters21578/reuters21578.jsonl.gz" \
           "fixtures:fixtures/news" "seeds:../shared/seeds"; do
    name=${set%%:*}
    path=${set#*:}
    if [ ! -e "$path" ]; then
        echo "$name skipped ($path not found)"
        continue
    fi
    echo "$name claims $("$bin" claims "$path" 2>/dev/null | h)"
    echo "$name claimsdoc $("$bin" claims --documents "$path" 2>/dev/null |
        sed 's/"rules":"[0-9a-f]*"/"rules":X/' | h)"
    for f in json sarif concise github gitlab human html; do
        echo "$name check-$f $("$bin" check "$path" --format "$f" 2>/dev/null | h)"
    done
    for f in json dot; do
        echo "$name graph-$f $("$bin" graph "$path" --format "$f" 2>/dev/null | h)"
    done
done
