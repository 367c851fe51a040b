#!/usr/bin/env bash
# Load test of the registry on a fresh data directory: seeds ISSUERS accredited issuers and
# CREDENTIALS published credentials, then measures requests/s and p50/p99 latency of
# GET /bundle (with and without ETag), a status list, an issuer lookup and durable
# publishes, each next to GET /healthz in the same run as the ceiling. Errors must be 0.
#   bash bench/load.sh [--store sled|postgres]   (ISSUERS=1000 CREDENTIALS=100000 DURATION=5
#   CONNECTIONS=16 PUBLISHERS=16 by default; --store postgres starts a private PostgreSQL,
#   see bench/store.sh)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
# shellcheck source=bench/store.sh
source "$root/bench/store.sh"
ISSUERS="${ISSUERS:-1000}"
CREDENTIALS="${CREDENTIALS:-100000}"
DURATION="${DURATION:-5}"
CONNECTIONS="${CONNECTIONS:-16}"
PUBLISHERS="${PUBLISHERS:-16}"
started=$(date +%s)

if ! command -v wrk >/dev/null; then
    echo "installing wrk" >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null 2>&1 || {
        apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null
    }
fi
if ! pkg-config --exists openssl 2>/dev/null; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libssl-dev pkg-config >/dev/null
fi
cargo build --release --quiet --manifest-path "$root/Cargo.toml" -p registry-server --bin skillpass-registry --example loadgen --example store_ceiling
loadgen="$root/target/release/examples/loadgen"
store_ceiling="$root/target/release/examples/store_ceiling"

work="$(mktemp -d)"
registry_pid=""
cleanup() {
    [ -n "$registry_pid" ] && kill "$registry_pid" 2>/dev/null && wait "$registry_pid" 2>/dev/null
    rm -rf "$work"
    bench_stop_postgres
}
trap cleanup EXIT
env "${REGISTRY_ENV[@]}" RUST_LOG=warn "$root/target/release/skillpass-registry" --data "$work/data" --listen 127.0.0.1:0 \
    --bundle-validity-hours 24 >"$work/registry.out" 2>"$work/registry.log" &
registry_pid=$!
for _ in $(seq 1 300); do
    grep -q '^listening: ' "$work/registry.out" 2>/dev/null && break
    sleep 0.1
done
url="$(sed -n 's/^listening: //p' "$work/registry.out")"
[ -n "$url" ] || { echo "the registry did not start" >&2; cat "$work/registry.log" >&2; exit 1; }

echo "seeding $ISSUERS issuers and $CREDENTIALS credentials into $url" >&2
"$loadgen" seed "$url" "$work/data/operator.key" "$ISSUERS" "$CREDENTIALS" "$work/seed"
did="$(sed -n 's/.*"issuerWithLists":"\([^"]*\)".*/\1/p' "$work/seed/seed.json")"
etag="$(curl -sI "$url/bundle" | tr -d '\r' | sed -n 's/^[Ee][Tt][Aa][Gg]: //p')"
bundle_bytes="$(curl -s "$url/bundle" | wc -c)"

errors_total=0
# wrk's summary -> "rps p50 p99 errors"
measure() {
    local out
    out="$(wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --latency "$@")"
    local rps p50 p99 non2xx sock
    rps="$(echo "$out" | awk '/Requests\/sec/ {print $2}')"
    p50="$(echo "$out" | awk '$1=="50%" {print $2}')"
    p99="$(echo "$out" | awk '$1=="99%" {print $2}')"
    non2xx="$(echo "$out" | awk '/Non-2xx or 3xx/ {print $5}')"
    sock="$(echo "$out" | awk -F'[ ,]+' '/Socket errors/ {print $4+$6+$8+$10}')"
    local errors=$(( ${non2xx:-0} + ${sock:-0} ))
    errors_total=$(( errors_total + errors ))
    echo "$rps $p50 $p99 $errors"
}
row() { # name, baseline rps, "rps p50 p99 errors"
    set -- "$1" "$2" $3
    local ratio
    ratio="$(awk -v a="$3" -v b="$2" 'BEGIN { printf "%.0f%%", 100 * a / b }')"
    printf '| %s | %s | %s | %s | %s | %s |\n' "$1" "$3" "$4" "$5" "$ratio" "$6"
}

health="$(measure "$url/healthz")"
health_rps="${health%% *}"
echo
echo "| endpoint | requests/s | p50 | p99 | vs /healthz | errors |"
echo "|---|---|---|---|---|---|"
row "GET /healthz (ceiling)" "$health_rps" "$health"
row "GET /bundle ($bundle_bytes bytes)" "$health_rps" "$(measure "$url/bundle")"
row "GET /bundle, If-None-Match (304)" "$health_rps" "$(measure -H "If-None-Match: $etag" "$url/bundle")"
row "GET /status/{did}/revocation" "$health_rps" "$(measure "$url/status/$did/revocation")"
row "GET /issuers/{did}" "$health_rps" "$(measure "$url/issuers/$did")"
publish="$("$loadgen" publish "$url" "$work/seed" "$PUBLISHERS" "$DURATION")"
p_rps="$(echo "$publish" | sed -n 's/.*"rps":\([0-9.]*\).*/\1/p')"
p_50="$(echo "$publish" | sed -n 's/.*"p50_ms":\([0-9.]*\).*/\1/p')"
p_99="$(echo "$publish" | sed -n 's/.*"p99_ms":\([0-9.]*\).*/\1/p')"
p_err="$(echo "$publish" | sed -n 's/.*"errors":\([0-9]*\).*/\1/p')"
errors_total=$(( errors_total + p_err ))
row "POST /credentials (1 credential, durable), $PUBLISHERS clients, $STORE" "$health_rps" "$p_rps ${p_50}ms ${p_99}ms $p_err"
echo
# The store's own durable-write ceiling with as many writers, in this run: a fresh sled
# directory on the same disk, or a fresh database on the same server.
if [ "$STORE" = postgres ]; then
    psql -X -q -d "$BENCH_DATABASE_URL" -c "CREATE DATABASE skillpass_ceiling" >/dev/null
    ceiling="$("$store_ceiling" postgres "${BENCH_DATABASE_URL%/*}/skillpass_ceiling" "$PUBLISHERS" "$DURATION")"
    psql -X -q -d "$BENCH_DATABASE_URL" -c "DROP DATABASE skillpass_ceiling" >/dev/null
else
    ceiling="$("$store_ceiling" sled "$work/ceiling" "$PUBLISHERS" "$DURATION")"
fi
c_rps="$(echo "$ceiling" | sed -n 's/.*"rps":\([0-9.]*\).*/\1/p')"
echo "durable-write ceiling of $STORE ($PUBLISHERS writers, one batch each): $c_rps/s; durable publishes reach $(awk -v a="$p_rps" -v b="$c_rps" 'BEGIN { printf "%.0f%%", 100 * a / b }') of it"
rss_kb="$(awk '/VmHWM/ {print $2}' "/proc/$registry_pid/status")"
data_mb="$(( $(store_bytes "$work/data") / 1024 / 1024 ))"
echo "store: $STORE; peak RSS of the registry: $(( rss_kb / 1024 )) MiB; store size: ${data_mb} MiB; errors: $errors_total; total time: $(( $(date +%s) - started ))s"
[ "$errors_total" -eq 0 ] || { echo "load test had $errors_total errors" >&2; exit 1; }
