#!/usr/bin/env bash
# `skillpass verify DIR` of N credentials (default 10,000) against one raw Ed25519
# verification on one core, measured in the same run: credential-core's verify_rate example
# writes the credentials and prints the raw rate (and the library's one-thread and
# every-core rates). The command is then run once untimed, and seven times timed, each
# right after a timing of N raw Ed25519 checks (`verify_rate --raw N`); the ratio of each
# pair is taken and the median reported. Pairs, not one raw rate against a later median:
# this machine's speed drifts by up to a third over minutes, and a ratio of two timings
# taken minutes apart measured the drift as much as the command.
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
pairs=()
for _ in 1 2 3 4 5 6 7; do
    raw_s="$("$root/target/release/examples/verify_rate" --raw "$N")"
    t0=$(date +%s.%N)
    verify_dir
    t1=$(date +%s.%N)
    pairs+=("$(awk -v a="$t0" -v b="$t1" -v r="$raw_s" 'BEGIN { print r / (b - a), b - a, r }')")
done
tail -n 1 "$work/out.txt"
echo "pairs (ratio, verify DIR s, raw s):"
printf '  %s\n' "${pairs[@]}"
median="$(printf '%s\n' "${pairs[@]}" | sort -g | sed -n 4p)"
echo "$median" | awk -v n="$N" -v first="$raw" '{
    printf "skillpass verify DIR (%d credentials, median of 7 pairs): %.2fx one raw Ed25519 verification on one core (that pair: %.3f s, %.0f/s, against %.0f/s raw; the first raw rate above: %.0f/s)\n", n, $1, $2, n / $2, n / $3, first }'
