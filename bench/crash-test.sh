#!/usr/bin/env bash
# Crash safety: SIGKILL `dermis serve` under concurrent eCRF saves, diary entries and device ingest,
# restart, check every acknowledged write (docs/reliability.md) — on SQLite and on a throw-away PostgreSQL.
# Usage: bench/crash-test.sh [rounds=50]   Prints one table per engine; exit 1 if anything was lost.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
rounds="${1:-50}"
. scripts/throwaway-postgres.sh
work=$(mktemp -d); chmod 755 "$work"; trap 'throwaway_postgres_stop "$work/pg"; rm -rf "$work"' EXIT
dotnet build src/Dermis.Cli -c Release --nologo -v quiet -clp:ErrorsOnly\;NoSummary >&2
dotnet build bench/Dermis.Bench -c Release --nologo -v quiet -clp:ErrorsOnly\;NoSummary >&2
run() { dotnet artifacts/bin/Dermis.Bench/release/Dermis.Bench.dll crash --rounds "$rounds" --dermis artifacts/bin/Dermis.Cli/release/dermis.dll "$@" 2>/dev/null; }
status=0
run --engine sqlite || status=1
if throwaway_postgres_start "$work/pg"; then
  run --engine postgresql | tail -n +3 || status=1
else
  echo "(PostgreSQL unavailable: skipped)"
fi
exit $status
