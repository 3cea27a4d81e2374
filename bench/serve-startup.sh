#!/usr/bin/env bash
# Time from `./dermis serve` start to the first 200 from GET /health (database round-trip
# included), on a fresh SQLite database (migrations applied at start-up) and on an existing one.
# Usage: bench/serve-startup.sh [runs=5]   Prints a table of min / median / max in milliseconds.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
runs="${1:-5}"
"$root/dermis" --version >/dev/null   # build outside the timing

work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
port=55080

time_to_health() {   # $1: database file
  local start end pid
  start=$(date +%s%N)
  (cd "$work" && exec dotnet "$root/artifacts/bin/Dermis.Cli/release/dermis.dll" serve --db "$1" --urls "http://127.0.0.1:$port" >/dev/null 2>&1) &
  pid=$!
  until curl -sf "http://127.0.0.1:$port/health" >/dev/null 2>&1; do sleep 0.01; done
  end=$(date +%s%N)
  kill -TERM "$pid"; wait "$pid" || true
  echo $(( (end - start) / 1000000 ))
}

stats() { sort -n | awk '{a[NR]=$1} END {printf "%6d %8d %6d", a[1], a[int((NR+1)/2)], a[NR]}'; }

fresh=$(for i in $(seq "$runs"); do time_to_health "$work/fresh-$i.db"; done | stats)
time_to_health "$work/existing.db" >/dev/null
existing=$(for i in $(seq "$runs"); do time_to_health "$work/existing.db"; done | stats)

printf '%-34s %6s %8s %6s\n' "serve → first healthy /health (ms)" min median max
printf '%-34s %s\n' "fresh SQLite database (migrates)" "$fresh"
printf '%-34s %s\n' "existing SQLite database" "$existing"
