# Sourced by ./test.sh and bench scripts: a throw-away PostgreSQL cluster in a temporary folder on a
# free port (initdb + pg_ctl, never the system service), installed with apt when missing and root.
#   throwaway_postgres_start DIR   → exports DERMIS_TEST_POSTGRES, returns 1 if PostgreSQL is unavailable
#   throwaway_postgres_stop DIR    → stops it (safe to call twice)

_pg_say() { printf '[postgres] %s\n' "$*" >&2; }
_pg_root() { [ "$(id -u)" = 0 ]; }
_pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }
_pg_as_owner() { if _pg_root; then runuser -u postgres -- "$@"; else "$@"; fi; }

_pg_free_port() {
  local port
  for port in $(seq 55432 55532); do
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return 0; fi
  done
  return 1
}

throwaway_postgres_start() {
  local dir="$1" bin port
  if [ -z "$(_pg_bin)" ] && _pg_root && command -v apt-get >/dev/null 2>&1; then
    _pg_say "installing PostgreSQL (apt)"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null &&
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends postgresql >/dev/null || true
  fi
  bin=$(_pg_bin)
  [ -n "$bin" ] || return 1
  port=$(_pg_free_port) || return 1
  mkdir -p "$dir" && chmod 755 "$dir"
  if _pg_root; then chown postgres: "$dir"; fi
  _pg_as_owner "$bin/initdb" -D "$dir/data" -A trust -U postgres -E UTF8 --no-sync >"$dir/initdb.log" 2>&1 \
    || { cat "$dir/initdb.log" >&2; return 1; }
  # fsync off: the cluster lives for one run; durability is not what it is used to test.
  _pg_as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/postgres.log" -w -t 60 \
    -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=300" start >/dev/null \
    || { cat "$dir/postgres.log" >&2; return 1; }
  touch "$dir/.started"
  export DERMIS_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres"
  _pg_say "PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port"
}

throwaway_postgres_stop() {
  local dir="$1"
  if [ -f "$dir/.started" ]; then
    _pg_as_owner "$(_pg_bin)/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
    rm -f "$dir/.started"
  fi
}
