#!/usr/bin/env bash
# A mixed workload (70 % reads, 20 % eCRF saves, 10 % device ingest) held against a real `dermis serve`
# for minutes; prints throughput, p50/p90/p99 per kind, errors and the server's RSS every 10 s.
# Usage: bench/load.sh [seconds=120] [connections=16]   (SQLite; docs/reliability.md)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
dotnet build src/Dermis.Cli -c Release --nologo -v quiet -clp:ErrorsOnly\;NoSummary >&2
dotnet build bench/Dermis.Bench -c Release --nologo -v quiet -clp:ErrorsOnly\;NoSummary >&2
dotnet artifacts/bin/Dermis.Bench/release/Dermis.Bench.dll load --seconds "${1:-120}" --connections "${2:-16}" \
  --dermis artifacts/bin/Dermis.Cli/release/dermis.dll
