// The wallet side of bench/issuance-rate.sh: redeems every offer in OFFERS_DIR at the
// OpenID4VCI service (token with PIN, nonce, ES256 key proof, credential), CONCURRENCY at a
// time, with Node's own fetch and crypto; prints {"issued": n, "seconds": s}.
import { generateKeyPairSync, sign } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.env.OFFERS_DIR;
const concurrency = Number(process.env.CONCURRENCY ?? 1);
const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const jwk = publicKey.export({ format: 'jwk' });
const b64 = v => Buffer.from(JSON.stringify(v)).toString('base64url');

const offers = readFileSync(join(dir, 'pins.csv'), 'utf8').trim().split('\n').slice(1).map(l => {
  const [line, pin] = l.split(',');
  const link = readFileSync(join(dir, `row-${line.padStart(6, '0')}.txt`), 'utf8').trim();
  const offer = JSON.parse(decodeURIComponent(link.split('credential_offer=')[1]));
  return { offer, pin };
});

async function json(response) {
  const body = await response.json();
  if (!response.ok) throw new Error(`${response.status} ${JSON.stringify(body)}`);
  return body;
}

async function redeem({ offer, pin }) {
  const issuer = offer.credential_issuer;
  const grant = offer.grants['urn:ietf:params:oauth:grant-type:pre-authorized_code'];
  const token = await json(await fetch(`${issuer}/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'urn:ietf:params:oauth:grant-type:pre-authorized_code',
      'pre-authorized_code': grant['pre-authorized_code'], tx_code: pin
    })
  }));
  const { c_nonce } = await json(await fetch(`${issuer}/nonce`, { method: 'POST' }));
  const input = `${b64({ alg: 'ES256', typ: 'openid4vci-proof+jwt', jwk })}.${b64({ aud: issuer, iat: Math.floor(Date.now() / 1000), nonce: c_nonce })}`;
  const proof = `${input}.${sign('sha256', Buffer.from(input), { key: privateKey, dsaEncoding: 'ieee-p1363' }).toString('base64url')}`;
  const answer = await json(await fetch(`${issuer}/credential`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token.access_token}` },
    body: JSON.stringify({ credential_configuration_id: offer.credential_configuration_ids[0], proofs: { jwt: [proof] } })
  }));
  if (!answer.credentials?.[0]?.credential) throw new Error('no credential');
}

const start = process.hrtime.bigint();
let next = 0;
await Promise.all(Array.from({ length: concurrency }, async () => {
  while (next < offers.length) await redeem(offers[next++]);
}));
const seconds = Number(process.hrtime.bigint() - start) / 1e9;
console.log(JSON.stringify({ issued: offers.length, seconds }));
