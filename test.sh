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

as_root() { [ "$(id -u)" = 0 ]; }
apt_updated=false
apt_install() {
  as_root && command -v apt-get >/dev/null 2>&1 || return 1
  if [ "$apt_updated" = false ]; then
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null && apt_updated=true
  fi
  say "installing $* (apt)"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

postgres_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }

# --- a throw-away PostgreSQL cluster --------------------------------------------------------
work=$(mktemp -d "${TMPDIR:-/tmp}/dermis-test.XXXXXX")
chmod 755 "$work"
pg_data="$work/pg"
pg_started=false
as_postgres() { if as_root; then runuser -u postgres -- "$@"; else "$@"; fi; }

cleanup() {
  if [ "$pg_started" = true ]; then
    as_postgres "$(postgres_bin)/pg_ctl" -D "$pg_data" -m immediate stop >/dev/null 2>&1 || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

free_port() {
  local port
  for port in $(seq 55432 55532); do
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return 0; fi
  done
  return 1
}

[ -n "$(postgres_bin)" ] || apt_install postgresql || true
bin=$(postgres_bin)
if [ -n "$bin" ]; then
  port=$(free_port)
  if as_root; then chown postgres: "$work"; fi
  as_postgres "$bin/initdb" -D "$pg_data" -A trust -U postgres -E UTF8 --no-sync >"$work/initdb.log" 2>&1 \
    || { cat "$work/initdb.log" >&2; exit 1; }
  # fsync off: the cluster lives for one test run; durability is not what is tested here.
  as_postgres "$bin/pg_ctl" -D "$pg_data" -l "$work/postgres.log" -w -t 60 \
    -o "-p $port -k $work -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=300" start >/dev/null \
    || { cat "$work/postgres.log" >&2; exit 1; }
  pg_started=true
  export DERMIS_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres"
  say "PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port"
elif [ "${CI:-}" = true ]; then
  say "PostgreSQL is missing and could not be installed; in CI its tests fail rather than skip"
else
  say "PostgreSQL is missing (run as root to install it); its tests are skipped"
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
