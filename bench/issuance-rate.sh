#!/usr/bin/env bash
# Issuances per second through the OpenID4VCI credential endpoint (`skillpass issuer serve`:
# token with PIN, nonce, key proof, credential — each one a wallet's whole exchange) against
# `skillpass issue --csv` on the same rows, in the same run, with the same status list file
# (every credential allocates its status entry; the file is written durably each time).
#   bash bench/issuance-rate.sh          (N=500 CONCURRENCY=4 PROFILE=release by default)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
N="${N:-500}"
CONCURRENCY="${CONCURRENCY:-4}"
PROFILE="${PROFILE:-release}"
if [ "$PROFILE" = release ]; then
    cargo build --release --quiet --manifest-path "$root/Cargo.toml" -p issuer-cli --bin skillpass
else
    cargo build --quiet --manifest-path "$root/Cargo.toml" -p issuer-cli --bin skillpass
fi
sp="$root/target/$PROFILE/skillpass"

work="$(mktemp -d)"
serve_pid=""
cleanup() {
    if [ -n "$serve_pid" ]; then kill "$serve_pid" 2>/dev/null || true; wait "$serve_pid" 2>/dev/null || true; fi
    rm -rf "$work"
}
trap cleanup EXIT
cd "$work"
"$sp" key new --alg ES256 --out college.key >/dev/null
"$sp" status init --key college.key --out status-issue.json --base-url https://registry.example/status >/dev/null
"$sp" status init --key college.key --out status-serve.json --base-url https://registry.example/status >/dev/null
{
    echo "name,birth_date,holder_did,title_en,title_original,title_lang,awarding_body,country,level,field,isco08,learning_outcomes,awarded,valid_until"
    for i in $(seq 1 "$N"); do
        echo "Graduate $i,1995-03-14,,Bachelor of Science in Nursing,,,Manila College of Nursing,PH,PQF-6,0913,2221,Provides safe patient care,2021-06-30,"
    done
} > graduates.csv
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
url="http://127.0.0.1:$port"

# skillpass issue: the same rows, one process, dc+sd-jwt is not a batch format, so vc+jwt
# (jwt_vc_json at the endpoint is the same path); both as vc+jwt and the endpoint also as
# dc+sd-jwt.
t0=$(date +%s.%N)
"$sp" issue --key college.key --csv graduates.csv --status status-issue.json --out-dir issued >/dev/null 2>&1
t1=$(date +%s.%N)
issue_rate=$(python3 -c "print(f'{$N/($t1-$t0):.0f}')")

rate_of() {  # format → issuances/s through the endpoint
    local format=$1 state="state-$1" offers="offers-$1"
    "$sp" issuer offer --csv graduates.csv --state "$state" --url "$url" --out-dir "$offers" --format "$format" >/dev/null 2>&1
    "$sp" issuer serve --key college.key --state "$state" --url "$url" --listen "127.0.0.1:$port" \
        --vct-base https://registry.example --status status-serve.json --name "en=Bench College" 2>/dev/null &
    serve_pid=$!
    for _ in $(seq 100); do (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break; sleep 0.05; done
    local out
    out=$(OFFERS_DIR="$offers" CONCURRENCY="$CONCURRENCY" node "$root/bench/issuance-client.mjs")
    kill "$serve_pid"; wait "$serve_pid" 2>/dev/null || true; serve_pid=""
    python3 -c "import json; r=json.loads('$out'); print(f\"{r['issued']/r['seconds']:.0f}\")"
}
jwt_rate=$(rate_of jwt_vc_json)
sd_rate=$(rate_of dc+sd-jwt)
echo "N=$N rows, $CONCURRENCY concurrent wallets, $PROFILE build, $(nproc) CPUs, load $(cut -d' ' -f1 /proc/loadavg)"
echo "skillpass issue --csv (vc+jwt):                 $issue_rate credentials/s"
echo "credential endpoint, jwt_vc_json (whole flow):  $jwt_rate issuances/s"
echo "credential endpoint, dc+sd-jwt (whole flow):    $sd_rate issuances/s"
