#!/usr/bin/env bash
# npm test: the type-check (tsc --noEmit) and jest side by side, not one after the other. jest
# leaves the two cores partly idle (tests waiting on child processes, sockets and timers) and tsc
# fills those gaps: measured on the 2-core machine, a few seconds less than `tsc && jest`. Either
# failing fails the run: jest's report comes first, then tsc's errors, if any, and the exit status
# is non-zero when either failed. Arguments go to jest (`npm test -- test/cases`).
set -uo pipefail
cd "$(dirname "$0")/.."
bin=node_modules/.bin
log=$(mktemp "${TMPDIR:-/tmp}/po-bot-tsc.XXXXXX")
"$bin/tsc" --noEmit > "$log" 2>&1 &
tsc=$!
# Stopped with jest (Ctrl-C), not left running.
trap 'kill "$tsc" 2>/dev/null; rm -f "$log"' EXIT
"$bin/jest" "$@"
jest_status=$?
wait "$tsc"
tsc_status=$?
if [ "$tsc_status" -ne 0 ]; then
  cat "$log"
  echo "npm test: the type-check failed (tsc --noEmit, exit $tsc_status)" >&2
  exit 1
fi
exit "$jest_status"
