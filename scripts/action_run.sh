#!/usr/bin/env bash
# The "Run claimcheck" step of action.yml: writes the SARIF report, prints
# GitHub annotations (they annotate the pull request), adds the concise
# findings to the job summary, and sets the step outputs `sarif-file` and
# `exit-code`. Never fails itself: the action's last step decides.
# Inputs (environment): INPUT_PATHS, INPUT_ARGS, INPUT_SARIF_FILE; GitHub's
# GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files when set.
set -uo pipefail
read -ra paths <<< "${INPUT_PATHS:-.}"
read -ra args <<< "${INPUT_ARGS:-}"
sarif="${INPUT_SARIF_FILE:-claimcheck.sarif}"
claimcheck check "${paths[@]}" "${args[@]}" --format sarif > "$sarif"
code=$?
claimcheck check "${paths[@]}" "${args[@]}" --format github
if [ -n "${GITHUB_STEP_SUMMARY:-}" ]; then
  {
    echo "### claimcheck"
    echo
    echo '```text'
    claimcheck check "${paths[@]}" "${args[@]}" --format concise 2>&1
    echo '```'
  } >> "$GITHUB_STEP_SUMMARY"
fi
if [ -n "${GITHUB_OUTPUT:-}" ]; then
  # No report (rule errors, bad flags): nothing to upload.
  [ -s "$sarif" ] && echo "sarif-file=$sarif" >> "$GITHUB_OUTPUT"
  echo "exit-code=$code" >> "$GITHUB_OUTPUT"
fi
echo "claimcheck exited $code; SARIF in $sarif"
exit 0
