#!/usr/bin/env bash
# `skillpass verify DIR` of N credentials (default 10,000) against one raw Ed25519
# verification on one core, measured in the same run: credential-core's verify_rate example
# writes the credentials and prints the raw rate (and the library's one-thread and
# every-core rates), then the command is run once untimed, timed five times, and its
# median compared.
#   bash bench/verify.sh            (N=10000 by default)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
N="${N:-10000}"
cargo build --release --quiet --manifest-path "$root/Cargo.toml" -p credential-core --example verify_rate
cargo build --release --quiet --manifest-path "$root/Cargo.toml" -p issuer-cli --bin skillpass
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
rates="$("$root/target/release/examples/verify_rate" "$N" "$work")"
echo "$rates" | grep -v '^raw_per_second'
raw="$(echo "$rates" | sed -n 's/^raw_per_second //p')"
anchor="$(cat "$work/anchor")"
# The inputs' bundle is of June 2026: verify as of then (the work is the same).
verify_dir() {
    "$root/target/release/skillpass" verify "$work/credentials" --bundle "$work/bundle.jws" \
        --anchor "$anchor" --state "$work/seen.json" --at 2026-06-01T12:00:00Z \
        >"$work/out.txt" || [ $? -eq 3 ]
}
# The example has just written N files: let the kernel write them back before the timing
# (otherwise the first timed run shares the cores with that writeback), and run the
# command once untimed so every timed run finds the same warm page cache.
sync
verify_dir
times=()
for _ in 1 2 3 4 5; do
    t0=$(date +%s.%N)
    verify_dir
    t1=$(date +%s.%N)
    times+=("$(awk -v a="$t0" -v b="$t1" 'BEGIN { print b - a }')")
done
tail -n 1 "$work/out.txt"
median="$(printf '%s\n' "${times[@]}" | sort -g | sed -n 3p)"
awk -v n="$N" -v t="$median" -v raw="$raw" 'BEGIN {
    printf "skillpass verify DIR (%d credentials, median of 5): %.2f s, %.0f/s, %.2fx one raw Ed25519 verification on one core (%.0f/s)\n", n, t, n / t, (n / t) / raw, raw }'
