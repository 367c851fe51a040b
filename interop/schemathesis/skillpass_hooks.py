"""Schemathesis hooks that sign requests as the Skillpass registry expects.

Every signed route declares the `skillpass` security scheme in `/openapi.json`
(`Authorization: Skillpass <compact JWS>`). Schemathesis asks the auth provider below for
credentials when it generates a case; the provider only marks the case as "to be signed",
and the signature is made from the request exactly as it leaves (the prepared
`requests` request: method, path and query as sent, SHA-256 of the body bytes), with a
fresh `iat` and nonce each time it is sent, so a case sent twice is not a replay.
Cases in which schemathesis removes or garbles the header on purpose keep what it put
there: the registry must answer them 401, and `/openapi.json` must say so.

The signature is the registry's request JWS (registry-server/src/auth,
credential-core/src/request): header {"alg": "EdDSA", "typ": "skillpass-request+jwt",
"kid": "did:key:z…#z…"}, payload {"method", "path", "bodySha256", "iat", "nonce"},
Ed25519 over `base64url(header).base64url(payload)` (RFC 8037), made here with PyPI's
`cryptography` so that the test signer shares no code with the registry.

Keys: SKILLPASS_FUZZ_KEYS names a JSON file {"operator": JWK, "issuer": JWK,
"authority": JWK} of Ed25519 private JWKs, written by `python3 skillpass_hooks.py prepare`
(below), which also registers and accredits the issuer and registers the authority.
Each operation is signed by the role that may call it, so that the fuzzer reaches past
the access rules into the handlers.

Run as a script: `prepare URL DATA_DIR KEYS_FILE` (the registry's operator key is
DATA_DIR/operator.key).
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import secrets
import sys
import time
import urllib.error
import urllib.request
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

SCHEME = "Skillpass"
# What the auth provider puts in a case; the requests-level signer replaces it with a
# signature of the request as sent.
TO_BE_SIGNED = "Skillpass to-be-signed"

# The role whose key signs each operation (operationId); every other signed operation is
# the issuer's. `fresh` is a new key each time: a registration by an unknown key.
ROLE_OF = {
    "register_issuer": "fresh",
    "accredit_issuer": "operator",
    "suspend_issuer": "operator",
    "reinstate_issuer": "operator",
    "withdraw_issuer": "operator",
    "register_authority": "operator",
    "get_backup": "operator",
    "publish_decision": "authority",
    "withdraw_decision": "authority",
}

_B58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def b64url_decode(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def base58btc(data: bytes) -> str:
    n = int.from_bytes(data, "big")
    out = ""
    while n:
        n, r = divmod(n, 58)
        out = _B58[r] + out
    zeros = len(data) - len(data.lstrip(b"\0"))
    return "1" * zeros + out


class Key:
    """An Ed25519 key and its did:key."""

    def __init__(self, private: Ed25519PrivateKey) -> None:
        self.private = private
        public = private.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
        # multicodec ed25519-pub (0xed 0x01), base58btc, multibase prefix z
        self.fragment = "z" + base58btc(b"\xed\x01" + public)
        self.did = "did:key:" + self.fragment
        self.did_url = f"{self.did}#{self.fragment}"
        self.x = b64url(public)

    @classmethod
    def generate(cls) -> Key:
        return cls(Ed25519PrivateKey.generate())

    @classmethod
    def from_jwk(cls, jwk: dict[str, str]) -> Key:
        if jwk.get("kty") != "OKP" or jwk.get("crv") != "Ed25519":
            raise ValueError("expected an Ed25519 private JWK (kty OKP, crv Ed25519)")
        key = cls(Ed25519PrivateKey.from_private_bytes(b64url_decode(jwk["d"])))
        if key.x != jwk.get("x"):
            raise ValueError("the JWK's x is not the public key of its d")
        return key

    def to_jwk(self) -> dict[str, str]:
        from cryptography.hazmat.primitives.serialization import NoEncryption, PrivateFormat

        d = self.private.private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption())
        return {"kty": "OKP", "crv": "Ed25519", "x": self.x, "d": b64url(d)}

    def authorization(self, method: str, path: str, body: bytes) -> str:
        """The `Authorization` value for this request, signed now with a fresh nonce."""
        header = {"alg": "EdDSA", "typ": "skillpass-request+jwt", "kid": self.did_url}
        payload = {
            "method": method.upper(),
            "path": path,
            "bodySha256": b64url(hashlib.sha256(body).digest()),
            "iat": int(time.time()),
            "nonce": secrets.token_urlsafe(18),
        }
        signing_input = (
            b64url(json.dumps(header, separators=(",", ":")).encode())
            + "."
            + b64url(json.dumps(payload, separators=(",", ":")).encode())
        )
        signature = self.private.sign(signing_input.encode("ascii"))
        return f"{SCHEME} {signing_input}.{b64url(signature)}"


def body_bytes(body: Any) -> bytes:
    if body is None:
        return b""
    if isinstance(body, bytes):
        return body
    if isinstance(body, str):
        return body.encode("utf-8")
    raise TypeError(f"cannot sign a streamed body ({type(body).__name__})")


# --- the schemathesis side -----------------------------------------------------------

try:
    import requests.auth
    import schemathesis
except ImportError:  # `prepare` runs without them
    schemathesis = None

if schemathesis is not None:
    _keys: dict[str, Key] = {}

    def _key(role: str) -> Key:
        if role == "fresh":
            return Key.generate()
        if not _keys:
            path = os.environ.get("SKILLPASS_FUZZ_KEYS")
            if not path:
                raise RuntimeError("set SKILLPASS_FUZZ_KEYS to the file `prepare` wrote")
            with open(path, encoding="utf-8") as f:
                for name, jwk in json.load(f).items():
                    _keys[name] = Key.from_jwk(jwk)
        return _keys[role]

    def _operation_id(case: Any) -> str:
        return str(case.operation.definition.raw.get("operationId", ""))

    class _Signer(requests.auth.AuthBase):
        """Signs a prepared request that carries the to-be-signed mark."""

        def __init__(self, role: str) -> None:
            self.role = role

        def __call__(self, r: requests.PreparedRequest) -> requests.PreparedRequest:
            if r.headers.get("Authorization") != TO_BE_SIGNED:
                return r
            body = body_bytes(r.body)
            # Send exactly the bytes signed.
            r.body = body if body else r.body
            if body:
                r.headers["Content-Length"] = str(len(body))
            r.headers["Authorization"] = _key(self.role).authorization(
                r.method or "GET", r.path_url, body
            )
            return r

    @schemathesis.auth()
    class SkillpassAuth:
        """Marks a case as signed; `before_call` signs it as it is sent."""

        def get(self, case: Any, context: Any) -> str:
            return TO_BE_SIGNED

        def set(self, case: Any, data: str, context: Any) -> None:
            case.headers = case.headers or {}
            if _operation_id(case) == "collect_relay_answers":
                # The relay's mailbox opens with a bearer secret whose SHA-256 is its id.
                secret = secrets.token_urlsafe(32)
                case.path_parameters = dict(case.path_parameters or {})
                case.path_parameters["id"] = b64url(hashlib.sha256(secret.encode()).digest())
                case.headers["Authorization"] = f"Bearer {secret}"
                return
            case.headers["Authorization"] = data

    @schemathesis.hook
    def before_call(context: Any, case: Any, kwargs: dict[str, Any]) -> None:
        if (case.headers or {}).get("Authorization") == TO_BE_SIGNED:
            role = ROLE_OF.get(_operation_id(case), "issuer")
            kwargs["auth"] = _Signer(role)


# --- prepare: keys, an accredited issuer and an authority ------------------------------


def _send(url: str, method: str, path: str, body: dict[str, Any], key: Key) -> dict[str, Any]:
    data = json.dumps(body).encode()
    req = urllib.request.Request(url + path, data=data, method=method)
    req.add_header("Content-Type", "application/json")
    req.add_header("Authorization", key.authorization(method, path, data))
    try:
        with urllib.request.urlopen(req, timeout=30) as res:
            return json.loads(res.read())
    except urllib.error.HTTPError as e:
        raise SystemExit(f"{method} {path} answered {e.code}: {e.read().decode(errors='replace')}")


def prepare(url: str, data_dir: str, keys_file: str) -> None:
    with open(os.path.join(data_dir, "operator.key"), encoding="utf-8") as f:
        operator = Key.from_jwk(json.load(f))
    issuer, authority = Key.generate(), Key.generate()
    _send(url, "POST", "/issuers",
          {"name": "Schemathesis Test College", "country": "PH", "contact": "fuzz@example.org"}, issuer)
    _send(url, "POST", f"/issuers/{issuer.did}/accredit",
          {"scope": ["QualificationCredential:PQF-6", "SkillCredential"]}, operator)
    _send(url, "POST", "/authorities",
          {"id": authority.did, "name": "Schemathesis Test Authority", "country": "DE",
           "jurisdiction": "nursing"}, operator)
    fd = os.open(keys_file, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        json.dump({"operator": operator.to_jwk(), "issuer": issuer.to_jwk(),
                   "authority": authority.to_jwk()}, f)


if __name__ == "__main__":
    if len(sys.argv) != 5 or sys.argv[1] != "prepare":
        raise SystemExit("usage: skillpass_hooks.py prepare URL DATA_DIR KEYS_FILE")
    prepare(sys.argv[2], sys.argv[3], sys.argv[4])
