#!/usr/bin/env bash
# Run the W3C conformance suites (installed by setup.sh) against Skillpass on this machine:
#
#   bash interop/w3c-suites/run.sh [DIR] [dm] [jose] [bsl]     # default: all three
#
# It builds the `skillpass` binary, makes a fresh institution key, starts the institution's
# VC-API issuer (`skillpass issuer serve`) and an employer's VC-API verifier
# (`skillpass verifier serve`) on free loopback ports, writes each suite's `localConfig.cjs`
# naming them, runs the suites with mocha's JSON reporter and prints each result
# (summarise.mjs). Reports stay in DIR/reports/. Nothing is fetched at run time.
# The VC-JOSE-COSE suite runs its implementations as `docker compose run`; the `docker`
# beside this script stands in for that and calls jose-adapter.mjs.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
dir="${1:-$root/target/w3c-suites}"
[ $# -gt 0 ] && shift
which=("$@")
[ ${#which[@]} -eq 0 ] && which=(dm jose bsl)
dir="$(cd "$dir" && pwd)"

cargo build --quiet --locked -p issuer-cli --bin skillpass
skillpass="$root/target/debug/skillpass"
export SKILLPASS_BIN="$skillpass"

work="$(mktemp -d "${TMPDIR:-/tmp}/skillpass-w3c.XXXXXX")"
pids=()
cleanup() {
    for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
    wait 2>/dev/null || true
    if [ -n "${KEEP_WORK:-}" ]; then echo "run: kept $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT

free_port() {
    python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'
}
wait_for() {
    for _ in $(seq 1 100); do
        if curl -sk -o /dev/null "$1"; then return 0; fi
        sleep 0.1
    done
    echo "run: $1 did not answer" >&2
    exit 1
}

mkdir -p "$dir/reports"
"$skillpass" key new --out "$work/issuer.jwk" >/dev/null
issuer_did="$("$skillpass" key show "$work/issuer.jwk" | sed -n 's/^did: *//p')"

issuer_port="$(free_port)"
verifier_port="$(free_port)"
lists_port="$(free_port)"
issuer_url="http://127.0.0.1:$issuer_port"
verifier_url="http://127.0.0.1:$verifier_port"

# Status lists the institution hosts itself, over HTTPS (the Bitstring Status List suite
# dereferences only https:// URLs) with a throw-away self-signed certificate.
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 1 \
    -subj /CN=127.0.0.1 -addext subjectAltName=IP:127.0.0.1 \
    -keyout "$work/tls.key" -out "$work/tls.crt" 2>/dev/null
"$skillpass" status init --key "$work/issuer.jwk" --out "$work/status.json" \
    --base-url "https://127.0.0.1:$lists_port/status" >/dev/null
mkdir -p "$work/site/status/$issuer_did"
for purpose in revocation suspension; do
    "$skillpass" status list-credential --key "$work/issuer.jwk" --status "$work/status.json" \
        --purpose "$purpose" --securing data-integrity \
        --out "$work/site/status/$issuer_did/$purpose" >/dev/null
done
node "$here/static-https.mjs" "$work/site" "$lists_port" "$work/tls.crt" "$work/tls.key" \
    >"$work/lists.log" 2>&1 &
pids+=($!)

# The institution's VC-API issuer (allocating status entries from the file above) and an
# employer's VC-API verifier (keys given directly, the lists as files).
"$skillpass" issuer serve-vc-api --key "$work/issuer.jwk" --listen "127.0.0.1:$issuer_port" \
    --status "$work/status.json" --vc-api-unauthenticated >"$work/issuer.log" 2>&1 &
pids+=($!)
"$skillpass" verifier serve --listen "127.0.0.1:$verifier_port" --any-issuer-key \
    --status-list "$work/site/status/$issuer_did/revocation" \
    --status-list "$work/site/status/$issuer_did/suspension" >"$work/verifier.log" 2>&1 &
pids+=($!)
wait_for "$issuer_url/"
wait_for "$verifier_url/"
# The suites reach them over HTTPS, through a TLS front (tls-proxy.mjs).
issuer_tls="$(free_port)"
verifier_tls="$(free_port)"
node "$here/tls-proxy.mjs" "$issuer_tls" "$issuer_url" "$work/tls.crt" "$work/tls.key" &
pids+=($!)
node "$here/tls-proxy.mjs" "$verifier_tls" "$verifier_url" "$work/tls.crt" "$work/tls.key" &
pids+=($!)
issuer_url="https://127.0.0.1:$issuer_tls"
verifier_url="https://127.0.0.1:$verifier_tls"
sleep 0.5

export SKILLPASS_ISSUER_URL="$issuer_url" SKILLPASS_VERIFIER_URL="$verifier_url"
export SKILLPASS_ISSUER_DID="$issuer_did"

run_suite() { # NAME DIRNAME TITLE
    local suite="$dir/$2" report="$dir/reports/$1.json"
    cp "$here/localConfig.cjs" "$suite/localConfig.cjs"
    (
        cd "$suite"
        APP_ROOT_PATH="$suite" SKILLPASS_SUITE="$1" npx mocha tests/ --timeout 20000 \
            --require "$here/iterator-map.cjs" \
            --preserve-symlinks --reporter json --reporter-option "output=$report" \
            >"$dir/reports/$1.log" 2>&1 || true
    )
    node "$here/summarise.mjs" "$report" "$3"
}

for s in "${which[@]}"; do
    case "$s" in
    dm) run_suite dm vc-data-model-2.0-test-suite "VC Data Model 2.0" ;;
    bsl) run_suite bsl vc-bitstring-status-list-test-suite "Bitstring Status List" ;;
    jose)
        # Each verification test names the key to verify with (`--key vm-….json`): an
        # employer's verifier is started per key and per kind, and the adapter asks the one
        # the test names. A credential is verified with that key alone, as its issuer's. A
        # presentation is verified with that key as its holder's, and the credentials inside
        # with the suite's published issuers' keys (all its verification methods). The
        # suite's files hold each key's secret too; the verifiers get the public part.
        tests="$dir/vc-jose-cose-test-suite/tests"
        mkdir -p "$work/vms"
        issuers=()
        for vm in "$tests"/input/vm-*.json; do
            public="$work/vms/$(basename "$vm")"
            python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); d.pop("secretKeyJwk",None); json.dump(d,open(sys.argv[2],"w"))' "$vm" "$public"
            issuers+=(--issuer-jwk "$public")
        done
        verifiers="{"
        for public in "$work"/vms/vm-*.json; do
            name="$(basename "$public")"
            credential_port="$(free_port)"
            "$skillpass" verifier serve --listen "127.0.0.1:$credential_port" \
                --issuer-jwk "$public" >>"$work/jose-verifier.log" 2>&1 &
            pids+=($!)
            presentation_port="$(free_port)"
            "$skillpass" verifier serve --listen "127.0.0.1:$presentation_port" \
                --holder-jwk "$public" "${issuers[@]}" >>"$work/jose-verifier.log" 2>&1 &
            pids+=($!)
            wait_for "http://127.0.0.1:$credential_port/"
            wait_for "http://127.0.0.1:$presentation_port/"
            verifiers+="\"credential $name\": \"http://127.0.0.1:$credential_port\", "
            verifiers+="\"presentation $name\": \"http://127.0.0.1:$presentation_port\", "
        done
        verifiers="${verifiers%, }}"
        rm -f "$tests/output/"*.json
        JOSE_SUITE_TESTS="$tests" SKILLPASS_JOSE_VERIFIERS="$verifiers" \
            PATH="$here:$PATH" run_suite jose vc-jose-cose-test-suite "VC-JOSE-COSE"
        ;;
    *) echo "run: unknown suite $s (dm, jose, bsl)" >&2; exit 2 ;;
    esac
done
