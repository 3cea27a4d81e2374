#!/usr/bin/env bash
# The one test command (README): installs what a fresh Debian machine lacks, starts a throw-away
# PostgreSQL cluster on a free port, runs every test project against SQLite and PostgreSQL, stops
# the cluster (even on failure) and ends with one line: "N passed, N failed, N skipped".
set -euo pipefail
cd "$(dirname "$0")"

say() { printf '[test.sh] %s\n' "$*" >&2; }

if ! command -v dotnet >/dev/null 2>&1; then
  say "the .NET 10 SDK is required (https://dot.net); install it and run ./test.sh again"
  exit 1
fi

. scripts/throwaway-postgres.sh

# --- a throw-away PostgreSQL cluster --------------------------------------------------------
work=$(mktemp -d "${TMPDIR:-/tmp}/dermis-test.XXXXXX")
chmod 755 "$work"
cleanup() {
  throwaway_postgres_stop "$work/pg"
  rm -rf "$work"
}
trap cleanup EXIT

if ! throwaway_postgres_start "$work/pg"; then
  if [ "${CI:-}" = true ]; then
    say "PostgreSQL is missing and could not be installed; in CI its tests fail rather than skip"
  else
    say "PostgreSQL is missing (run as root to install it); its tests are skipped"
  fi
fi

# --- Chromium for the browser tests (tests/Dermis.E2E) --------------------------------------
if [ ! -x /usr/bin/chromium ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  say "installing Chromium (apt)"
  DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null &&
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null || true
fi
if [ ! -x /usr/bin/chromium ]; then
  if [ "${CI:-}" = true ]; then
    say "Chromium is missing and could not be installed; in CI the browser tests fail rather than skip"
  else
    say "Chromium is missing (run as root to install it); the browser tests are skipped"
  fi
fi

# --- HDF5 for the 10x .h5 and .h5ad readers (tests/Dermis.SingleCell.Tests) ----------------
# python3-anndata (Debian's /usr/bin/python3) proves that anndata reads the .h5ad files Dermis writes.
if { [ ! -e /usr/lib/x86_64-linux-gnu/libhdf5_serial.so.103 ] || ! /usr/bin/python3 -c 'import anndata' >/dev/null 2>&1; } &&
  [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  say "installing libhdf5 and python3-anndata (apt)"
  DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null &&
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libhdf5-103-1 python3-anndata >/dev/null || true
fi
if ! /usr/bin/python3 -c 'import anndata' >/dev/null 2>&1; then
  if [ "${CI:-}" = true ]; then
    say "python3-anndata is missing and could not be installed; in CI its .h5ad test fails rather than skips"
  else
    say "python3-anndata is missing (run as root to install it); the anndata read-back test is skipped"
  fi
fi

# --- the tests ------------------------------------------------------------------------------
results="$work/results"
status=0
dotnet test Dermis.sln --nologo --logger "trx;LogFilePrefix=tests" --results-directory "$results" || status=$?

# Sum every project's TRX file: one UnitTestResult element per executed or skipped test.
passed=0 failed=0 skipped=0
shopt -s nullglob
for trx in "$results"/*.trx; do
  while read -r outcome; do
    case "$outcome" in
      Passed) passed=$((passed + 1)) ;;
      NotExecuted|Inconclusive) skipped=$((skipped + 1)) ;;
      *) failed=$((failed + 1)) ;;
    esac
  done < <(grep -o '<UnitTestResult [^>]*' "$trx" | grep -o ' outcome="[A-Za-z]*"' | cut -d'"' -f2)
done

if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  say "dotnet test failed (exit $status) without a failed test: see the build output above"
fi
echo "$passed passed, $failed failed, $skipped skipped"
[ "$status" -eq 0 ] && [ "$failed" -eq 0 ]
