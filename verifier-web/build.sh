#!/usr/bin/env bash
# Rebuilds the verifier page, verifier-web/dist/, from its sources: the Rust verifier
# compiled to WebAssembly (crate verifier-web, profile `wasm`), wasm-bindgen's JavaScript
# glue, and the hand-written page in verifier-web/page/. dist/ is committed, so that the
# registry (which embeds it) builds with nothing but the Rust toolchain; `.ci/run` runs
# this script into a scratch folder and fails when the result differs from dist/ by a
# single byte.
#
# Reproducible: the compiler and wasm-bindgen are pinned to exact versions, and the
# directories of the checkout and of Cargo's registry are remapped in the binary
# (--remap-path-prefix), so two checkouts in different places give the same bytes.
# No wasm-opt: size and speed are within their targets without it (BENCHMARKS.md, section 8;
# the profile builds the Ed25519/SHA-2 crates for speed, the rest for size).
#
#   bash verifier-web/build.sh            # rebuild verifier-web/dist/
#   bash verifier-web/build.sh OUT_DIR    # build into OUT_DIR instead (CI's check)
set -euo pipefail

TOOLCHAIN=1.95.0          # rustc used for the committed dist/
WASM_BINDGEN=0.2.130      # = the wasm-bindgen crate in Cargo.toml (exact)

here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
out="${1:-$here/dist}"
cargo_home="${CARGO_HOME:-$HOME/.cargo}"

if ! rustc "+$TOOLCHAIN" --version >/dev/null 2>&1; then
    echo "verifier-web/build.sh needs Rust $TOOLCHAIN with the wasm32-unknown-unknown target:" >&2
    echo "  rustup toolchain install $TOOLCHAIN --profile minimal --target wasm32-unknown-unknown" >&2
    exit 2
fi
if ! wasm-bindgen --version 2>/dev/null | grep -qx "wasm-bindgen $WASM_BINDGEN"; then
    echo "verifier-web/build.sh needs wasm-bindgen $WASM_BINDGEN:" >&2
    echo "  cargo install --locked wasm-bindgen-cli --version =$WASM_BINDGEN" >&2
    exit 2
fi

cd "$root"
RUSTUP_TOOLCHAIN="$TOOLCHAIN" \
RUSTFLAGS="--remap-path-prefix=$root=/skillpass --remap-path-prefix=$cargo_home=/cargo" \
    cargo build -p verifier-web --target wasm32-unknown-unknown --profile wasm --locked

stage="$(mktemp -d)"
trap 'rm -rf "$stage"' EXIT
cp -R "$here/page" "$stage/dist"
wasm-bindgen --target no-modules --no-typescript --out-dir "$stage/dist/web" \
    "$root/target/wasm32-unknown-unknown/wasm/verifier_web.wasm" 2> >(grep -v "target_features" >&2)
# The service worker's cache is named after the digest of every other file.
version="$(cd "$stage/dist" && find . -type f ! -name sw.js -print0 | LC_ALL=C sort -z \
    | xargs -0 sha256sum | sha256sum | cut -c1-16)"
sed -i "s/@VERSION@/$version/" "$stage/dist/sw.js"
# Same modes whatever the umask, so a checkout and a fresh build compare equal.
find "$stage/dist" -type d -exec chmod 755 {} + && find "$stage/dist" -type f -exec chmod 644 {} +

rm -rf "$out"
mkdir -p "$(dirname "$out")"
cp -R "$stage/dist" "$out"
echo "verifier page built into $out (service worker version $version):"
(cd "$out" && find . -type f | LC_ALL=C sort | xargs ls -l | awk '{printf "  %9d  %s\n", $5, $9}')
