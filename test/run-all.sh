#!/usr/bin/env bash
# `npm test`: every check, in the order a failure is cheapest to see. Two checks that each use
# one core (eslint and tsc; the persona evaluation and the builds) run side by side on a 2-core
# machine; the unit and e2e runs use both cores themselves, so they run alone. A parallel
# step's output is printed whole when it ends, not interleaved. The first failing step stops
# the run with its exit code; each step prints how long it took.
set -uo pipefail
cd "$(dirname "$0")/.."

LOGS="$(mktemp -d "${TMPDIR:-/tmp}/playcard-test-XXXXXX")"
trap 'rm -rf "$LOGS"' EXIT

elapsed() { echo "$(($(date +%s) - $1)) s"; }

# step NAME COMMAND...: runs in the foreground.
step() {
  local name="$1" start
  shift
  start=$(date +%s)
  echo "test: ${name}"
  if ! "$@"; then
    echo "test: ${name} FAILED after $(elapsed "$start")" >&2
    exit 1
  fi
  echo "test: ${name} passed in $(elapsed "$start")"
}

# side_by_side NAME1 'COMMAND1' NAME2 'COMMAND2': both at once; fails if either fails.
side_by_side() {
  local start pids=() names=("$1" "$3") commands=("$2" "$4") failed=0 i
  start=$(date +%s)
  echo "test: ${names[0]} and ${names[1]}, side by side"
  for i in 0 1; do
    (
      local began
      began=$(date +%s)
      if bash -c "${commands[$i]}" >"$LOGS/$i.log" 2>&1; then
        echo "test: ${names[$i]} passed in $(elapsed "$began")" >>"$LOGS/$i.log"
      else
        echo "test: ${names[$i]} FAILED after $(elapsed "$began")" >>"$LOGS/$i.log"
        exit 1
      fi
    ) &
    pids+=($!)
  done
  for i in 0 1; do
    wait "${pids[$i]}" || failed=1
    cat "$LOGS/$i.log"
  done
  if [ "$failed" -ne 0 ]; then
    echo "test: ${names[0]} / ${names[1]} FAILED after $(elapsed "$start")" >&2
    exit 1
  fi
  echo "test: ${names[0]} and ${names[1]} done in $(elapsed "$start")"
}

begin=$(date +%s)
side_by_side lint 'npm run --silent lint' typecheck 'npm run --silent typecheck'
step unit npx vitest run
# The two builds stay one after the other: both write .wxt/ (wxt prepare).
side_by_side eval:persona 'npm run --silent eval:persona' \
  'build, bundle check, Firefox build and web-ext lint' 'npm run --silent build && npx tsx scripts/check-bundles.ts && npm run --silent lint:firefox'
step e2e npx vitest run --config vitest.e2e.config.ts
echo "test: everything passed in $(elapsed "$begin")"
