#!/usr/bin/env bash
# Fetch and install the W3C conformance suites that CONFORMANCE.md reports on, outside the
# repository (their code is the W3C's and is not copied here):
#
#   bash interop/w3c-suites/setup.sh [DIR]        # default: target/w3c-suites
#
# Each suite is cloned from W3C_SUITES_GIT (default https://github.com/w3c; a directory of
# local clones or mirrors works too: W3C_SUITES_GIT=/path/to/mirrors, with
# <name>/ or w3c+<name>/repo inside). The suites name their shared implementation registry
# as a GitHub dependency (`github:w3c/vc-test-suite-implementations`), which npm can only
# fetch from GitHub; it is cloned beside them and the dependency rewritten to that local
# path. Nothing else in a suite is changed. Then `npm install --omit=dev` in each.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
dir="${1:-$root/target/w3c-suites}"
src="${W3C_SUITES_GIT:-https://github.com/w3c}"
suites=(vc-test-suite-implementations vc-data-model-2.0-test-suite vc-jose-cose-test-suite
    vc-bitstring-status-list-test-suite)

mkdir -p "$dir"
for name in "${suites[@]}"; do
    if [ -d "$dir/$name/.git" ]; then
        echo "$name: already cloned ($(git -C "$dir/$name" rev-parse --short HEAD))"
        continue
    fi
    from="$src/$name"
    if [ -d "$src/w3c+$name/repo" ]; then
        from="$src/w3c+$name/repo"
    elif [ -d "$src" ] && [ ! -e "$from" ]; then
        echo "setup: no clone of $name under $src" >&2
        exit 2
    fi
    git clone --quiet "$from" "$dir/$name"
    echo "$name: cloned at $(git -C "$dir/$name" rev-parse --short HEAD)"
done

for name in "${suites[@]}"; do
    (
        cd "$dir/$name"
        if grep -q '"github:w3c/vc-test-suite-implementations"' package.json; then
            sed -i 's#"github:w3c/vc-test-suite-implementations"#"file:../vc-test-suite-implementations"#' \
                package.json
            rm -f package-lock.json
        fi
        npm install --omit=dev --no-audit --no-fund --loglevel=error >/dev/null
        echo "$name: installed"
    )
done
echo "suites ready in $dir; run them with: bash interop/w3c-suites/run.sh $dir"
