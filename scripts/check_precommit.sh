#!/usr/bin/env bash
# Runs this repository's pre-commit hooks (.pre-commit-hooks.yaml) with
# pre-commit itself on a scratch git repository: `pre-commit try-repo`
# takes the hooks from this working tree. The `-system` hooks use the
# claimcheck built here (target/debug, put on PATH); the cargo-built ones
# are checked by `pre-commit validate-manifest`. pre-commit comes from PyPI
# into target/venv-precommit.
# Usage: scripts/check_precommit.sh
set -euo pipefail
cd "$(dirname "$0")/.."
here="$PWD"
venv=target/venv-precommit
if [ ! -x "$venv/bin/pre-commit" ]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check pre-commit
fi
cargo build --quiet --locked
export PATH="$here/target/debug:$here/$venv/bin:$PATH"
pre-commit validate-manifest .pre-commit-hooks.yaml
scratch="$(mktemp -d "${TMPDIR:-/tmp}/claimcheck-precommit.XXXXXX")"
trap 'rm -rf "$scratch"' EXIT
export PRE_COMMIT_HOME="$scratch/cache"
cd "$scratch" && mkdir repo && cd repo
git init -q . && git config user.email ci@example.com && git config user.name ci
claimcheck init >/dev/null
mkdir articles && cp "$here"/fixtures/news/* articles/
git add -A && git commit -qm articles
try() { pre-commit try-repo "$here" "$1" --all-files --color never; }
expect() { # expect CODE HOOK WORD: the hook exits CODE and prints WORD
  set +e; out="$(try "$2" 2>&1)"; code=$?; set -e
  if [ "$code" != "$1" ] || ! grep -q -- "$3" <<< "$out"; then
    echo "FAILED: hook $2: exit $code (want $1), no '$3' in:"; echo "$out"; exit 1
  fi
  echo "ok: hook $2 exits $code and reports '$3'"
}
# The fixtures disagree: the articles hook fails with the findings.
expect 1 claimcheck-system 'error\[title-mismatch\]'
# The scaffolded rule file validates and its tests pass.
expect 0 claimcheck-rules-system 'Passed'
expect 0 claimcheck-rules-test-system 'Passed'
# A broken rule file fails validation, with its position.
printf 'version: 1\nchecks: [{id: x}]\n' > rules/broken.yaml && git add rules/broken.yaml
expect 1 claimcheck-rules-system 'rules/broken.yaml'
git rm -q --cached rules/broken.yaml && rm rules/broken.yaml
# Articles that agree pass.
git rm -q articles/02-evening-digest.txt articles/03-regional-desk.md
expect 0 claimcheck-system 'Passed'
echo "ok: pre-commit hooks"
