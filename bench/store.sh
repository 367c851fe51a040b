# Sourced by bench/load.sh and bench/scale.sh: `--store sled` (the default) or
# `--store postgres`. With postgres the registry serves from SKILLPASS_BENCH_DATABASE_URL
# when set (an empty database the run may fill), else from a private PostgreSQL server
# started here as .ci/run starts one (its own data directory and port, run by the
# unprivileged postgres user, installed from Debian's packages when missing, stopped and
# removed at exit). Sets STORE, and REGISTRY_ENV (the environment the registry starts with).
STORE=sled
while [ $# -gt 0 ]; do
    case "$1" in
        --store) STORE="${2:-}"; shift 2 ;;
        --store=*) STORE="${1#--store=}"; shift ;;
        -h|--help) echo "usage: $0 [--store sled|postgres]"; exit 0 ;;
        *) echo "unknown argument $1 (usage: $0 [--store sled|postgres])" >&2; exit 2 ;;
    esac
done
case "$STORE" in
    sled|postgres) ;;
    *) echo "--store is sled or postgres, not '$STORE'" >&2; exit 2 ;;
esac

REGISTRY_ENV=()
bench_pg_dir=""
bench_pg_bin=""
bench_as_postgres() {
    if command -v runuser >/dev/null; then runuser -u postgres -- "$@"; else su postgres -s /bin/sh -c '"$0" "$@"' -- "$@"; fi
}
bench_stop_postgres() {
    if [ -n "$bench_pg_dir" ] && [ -d "$bench_pg_dir" ]; then
        bench_as_postgres "$bench_pg_bin/pg_ctl" -D "$bench_pg_dir/data" -m fast -w stop >/dev/null 2>&1 || true
        rm -rf "$bench_pg_dir"
    fi
}
# The database URL the registry uses (with its password), for psql too.
BENCH_DATABASE_URL=""
if [ "$STORE" = postgres ]; then
    if [ -n "${SKILLPASS_BENCH_DATABASE_URL:-}" ]; then
        BENCH_DATABASE_URL="$SKILLPASS_BENCH_DATABASE_URL"
    else
        if ! compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null; then
            echo "installing postgresql" >&2
            apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
        fi
        bench_pg_bin="$(compgen -G "/usr/lib/postgresql/*/bin" | sort -V | tail -n 1)"
        bench_pg_dir="$(mktemp -d /tmp/skillpass-bench-postgres.XXXXXX)"
        chmod 700 "$bench_pg_dir"
        bench_pw="$(head -c 18 /dev/urandom | od -An -tx1 | tr -d ' \n')"
        printf '%s\n' "$bench_pw" >"$bench_pg_dir/pwfile"
        chown -R postgres: "$bench_pg_dir"
        # fsync stays on (the default): the benchmark measures durable commits.
        bench_as_postgres "$bench_pg_bin/initdb" -D "$bench_pg_dir/data" -U postgres --pwfile="$bench_pg_dir/pwfile" \
            --auth-local=scram-sha-256 --auth-host=scram-sha-256 -E UTF8 >/dev/null
        rm -f "$bench_pg_dir/pwfile"
        bench_port=$((20000 + RANDOM % 20000))
        bench_as_postgres "$bench_pg_bin/pg_ctl" -D "$bench_pg_dir/data" -l "$bench_pg_dir/server.log" -w -t 60 \
            -o "-c listen_addresses=127.0.0.1 -c port=$bench_port -c unix_socket_directories=$bench_pg_dir -c max_connections=100" \
            start >/dev/null
        BENCH_DATABASE_URL="postgres://postgres:$bench_pw@127.0.0.1:$bench_port/postgres"
        echo "PostgreSQL $("$bench_pg_bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$bench_port for the benchmark" >&2
    fi
    REGISTRY_ENV=(SKILLPASS_DATABASE_URL="$BENCH_DATABASE_URL")
fi

# Bytes the store holds: the data directory (sled) or the database (PostgreSQL).
store_bytes() { # data directory
    if [ "$STORE" = postgres ]; then
        psql -X -q -t -A -d "$BENCH_DATABASE_URL" -c "SELECT pg_total_relation_size('records')"
    else
        du -sb "$1" | cut -f1
    fi
}
