#!/usr/bin/env bash
# eCRF saves with audit over HTTP on loopback, on SQLite and on a throw-away PostgreSQL cluster.
# Usage: bench/ecrf-saves.sh [seconds=10] [clients=16] [warm-up seconds=30]   Prints one table row per engine.
# The warm-up (same load, unmeasured) outlasts tiered compilation; a 2-s warm-up measures the JIT, not Dermis.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
seconds="${1:-10}"
clients="${2:-16}"
warmup="${3:-30}"
. scripts/throwaway-postgres.sh
work=$(mktemp -d); chmod 755 "$work"; trap 'throwaway_postgres_stop "$work/pg"; rm -rf "$work"' EXIT
dotnet build bench/Dermis.Bench -c Release --nologo -v quiet -clp:ErrorsOnly\;NoSummary >&2
run() { dotnet artifacts/bin/Dermis.Bench/release/Dermis.Bench.dll ecrf --seconds "$seconds" --clients "$clients" --warmup "$warmup" "$@" 2>/dev/null | grep '^|'; }
run --db sqlite
if throwaway_postgres_start "$work/pg"; then
  run --db "$DERMIS_TEST_POSTGRES" | tail -n 1
else
  echo "(PostgreSQL unavailable: skipped)"
fi
