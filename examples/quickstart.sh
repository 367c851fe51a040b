#!/usr/bin/env bash
# The README quickstart, end to end, in a scratch directory (default ./quickstart-out):
# an operator and a college make keys, the operator builds a trust bundle, the college
# issues a nurse's qualification and 1,000 more from a CSV, and an employer verifies them
# offline — then the college revokes one and the employer sees it.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
out="${1:-$root/quickstart-out}"
cargo build --release --quiet --manifest-path "$root/Cargo.toml" --bin skillpass
skillpass() { "$root/target/release/skillpass" "$@"; }
rm -rf "$out" && mkdir -p "$out" && cd "$out"
export SKILLPASS_STATE="$out/seen-bundles.json"

set -x
OPERATOR=$(skillpass key new --out operator.key)
COLLEGE=$(skillpass key new --out college.key)
skillpass key show college.key --public-jwk
skillpass status init --key college.key --base-url https://college.example/status --out college.status.json
skillpass bundle build --anchor operator.key \
    --issuer "$COLLEGE" --name "Manila College of Nursing" --country PH \
    --accredit QualificationCredential:PQF-6 --out bundle.jws
skillpass issue --key college.key --claims "$root/examples/nurse-qualification.json" --out nurse.jwt
skillpass verify nurse.jwt --bundle bundle.jws --anchor "$OPERATOR"
skillpass verify nurse.jwt --bundle bundle.jws --anchor "$OPERATOR" --json > nurse-report.json
skillpass issue --key college.key --csv "$root/examples/batch.csv" --out-dir creds/

# Revocation without a server: issue with a status list, publish it in the bundle, revoke.
skillpass issue --key college.key --claims "$root/examples/nurse-qualification.json" \
    --status college.status.json --out nurse2.jwt
skillpass bundle build --anchor operator.key \
    --issuer "$COLLEGE" --name "Manila College of Nursing" --country PH \
    --accredit QualificationCredential:PQF-6 --status-list college.status.json --out bundle.jws
skillpass verify nurse2.jwt --bundle bundle.jws --anchor "$OPERATOR"
skillpass revoke nurse2.jwt --key college.key --status college.status.json
skillpass bundle build --anchor operator.key \
    --issuer "$COLLEGE" --name "Manila College of Nursing" --country PH \
    --accredit QualificationCredential:PQF-6 --status-list college.status.json --out bundle.jws
if skillpass verify nurse2.jwt --bundle bundle.jws --anchor "$OPERATOR"; then
    echo "expected the revoked credential to be invalid" >&2
    exit 1
fi
set +x
echo "quickstart finished: outputs in $out"
