#!/usr/bin/env bash
# Scale run: a registry with CREDENTIALS stored credentials (default 1,000,000) from ISSUERS
# issuers. Reports the time to publish them all (durable batches of 250), the time for the
# registry to start again on that data directory, the p50/p99 of reading a stored
# credential (signed GET, random among a sample) and the data directory size per credential.
#   bash bench/scale.sh [--store sled|postgres]   (--store postgres starts a private
#   PostgreSQL, see bench/store.sh)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
# shellcheck source=bench/store.sh
source "$root/bench/store.sh"
ISSUERS="${ISSUERS:-1000}"
CREDENTIALS="${CREDENTIALS:-1000000}"
DURATION="${DURATION:-10}"
cargo build --release --quiet --manifest-path "$root/Cargo.toml" -p registry-server --bin skillpass-registry --example loadgen
loadgen="$root/target/release/examples/loadgen"
work="${WORK:-$(mktemp -d)}"
pid=""
cleanup() { [ -n "$pid" ] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null; [ -z "${KEEP:-}" ] && rm -rf "$work"; bench_stop_postgres; }
trap cleanup EXIT
start() {
    : >"$work/registry.out"
    env "${REGISTRY_ENV[@]}" RUST_LOG=warn "$root/target/release/skillpass-registry" --data "$work/data" --listen 127.0.0.1:0 >"$work/registry.out" 2>>"$work/registry.log" &
    pid=$!
    for _ in $(seq 1 3000); do grep -q '^listening: ' "$work/registry.out" 2>/dev/null && break; sleep 0.1; done
    url="$(sed -n 's/^listening: //p' "$work/registry.out")"
}
start
t0=$(date +%s.%N)
"$loadgen" seed "$url" "$work/data/operator.key" "$ISSUERS" "$CREDENTIALS" "$work/seed"
t1=$(date +%s.%N)
kill "$pid"; wait "$pid" 2>/dev/null || true
t2=$(date +%s.%N)
start
t3=$(date +%s.%N)
lookup="$("$loadgen" lookup "$url" "$work/seed" 4 "$DURATION")"
rss_kb="$(awk '/VmHWM/ {print $2}' "/proc/$pid/status")"
bytes="$(store_bytes "$work/data")"
echo "store: $STORE; credentials: $CREDENTIALS from $ISSUERS issuers"
echo "publish all: $(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.0f s (%.0f credentials/s)", b - a, '"$CREDENTIALS"' / (b - a) }')"
echo "restart on the full data directory: $(awk -v a="$t2" -v b="$t3" 'BEGIN { printf "%.1f s", b - a }')"
echo "lookup (signed GET /credentials/{id}, 4 clients, ${DURATION}s): $lookup"
echo "store size: $(( bytes / 1024 / 1024 )) MiB, $(( bytes / CREDENTIALS )) bytes per credential; peak RSS after restart + lookups: $(( rss_kb / 1024 )) MiB"
