// An independent OpenID4VCI wallet receives a Skillpass credential (issue 14, acceptance
// 1): @openid4vc/openid4vci as the client takes an offer made by `skillpass issuer offer`,
// redeems it at `skillpass issuer serve` over the pre-authorized code flow with its PIN,
// proves its key with the library's own `openid4vci-proof+jwt`, and receives a `dc+sd-jwt`
// that `skillpass verify` finds valid once presented. A wrong PIN, a reused offer, an
// expired offer, and key proofs with a wrong nonce or audience each fail with their
// OpenID4VCI error codes. Loopback only: the service listens on 127.0.0.1.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createHash, generateKeyPairSync, randomBytes, sign } from 'node:crypto';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createServer, connect } from 'node:net';
import { join } from 'node:path';

import { Openid4vciClient, Openid4vciRetrieveCredentialsError } from '@openid4vc/openid4vci';
import {
  Oauth2ClientErrorResponseError, clientAuthenticationAnonymous, setGlobalConfig
} from '@openid4vc/oauth2';
import { SDJwtVcInstance } from '@sd-jwt/sd-jwt-vc';
import { ES256, digest } from '@sd-jwt/crypto-nodejs';

import { BIN, inScratch, ok, skillpass } from '../lib/skillpass.mjs';

const AUDIENCE = 'did:web:employer.example';
const NONCE = 'n-openid4vci-interop';
const HEADER = 'name,birth_date,holder_did,title_en,title_original,title_lang,awarding_body,country,level,field,isco08,learning_outcomes,awarded,valid_until';
const row = name => `${name},1995-03-14,,Bachelor of Science in Nursing,,,Manila College of Nursing,PH,PQF-6,0913,2221,Provides safe patient care,2021-06-30,`;

// The service is on loopback http; the library asks for https unless told otherwise.
setGlobalConfig({ allowInsecureUrls: true });

let scratch;
let release;
let service;
let url;
let anchor;
const links = new Map();
const pins = new Map();

function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

async function waitForPort(port) {
  for (let i = 0; i < 200; i++) {
    const up = await new Promise(resolve => {
      const c = connect(port, '127.0.0.1', () => { c.end(); resolve(true); });
      c.on('error', () => resolve(false));
    });
    if (up) return;
    await new Promise(r => setTimeout(r, 50));
  }
  throw new Error('skillpass issuer serve did not start');
}

/// The holder's ES256 key, and the client with callbacks made of Node's crypto.
function holderKey() {
  const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  return {
    privateKey,
    publicJwk: publicKey.export({ format: 'jwk' }),
    privateJwk: privateKey.export({ format: 'jwk' })
  };
}

function signCompact(privateKey, header, payload) {
  const input = `${Buffer.from(JSON.stringify(header)).toString('base64url')}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}`;
  const signature = sign('sha256', Buffer.from(input), { key: privateKey, dsaEncoding: 'ieee-p1363' });
  return `${input}.${signature.toString('base64url')}`;
}

function client(holder) {
  return new Openid4vciClient({
    callbacks: {
      hash: (data, alg) => {
        assert.equal(alg, 'sha-256');
        return createHash('sha256').update(data).digest();
      },
      generateRandom: n => randomBytes(n),
      clientAuthentication: clientAuthenticationAnonymous(),
      signJwt: async (signer, { header, payload }) => {
        assert.equal(signer.method, 'jwk');
        return { jwt: signCompact(holder.privateKey, header, payload), signerJwk: signer.publicJwk };
      }
    }
  });
}

/// Offer, metadata and access token for the offer of CSV line `line` with `pin`.
async function redeem(c, line, pin) {
  const credentialOffer = await c.resolveCredentialOffer(links.get(line));
  const issuerMetadata = await c.resolveIssuerMetadata(credentialOffer.credential_issuer);
  const { accessTokenResponse } = await c.retrievePreAuthorizedCodeAccessTokenFromOffer({
    credentialOffer, issuerMetadata, txCode: pin
  });
  return { credentialOffer, issuerMetadata, accessToken: accessTokenResponse.access_token };
}

async function tokenError(c, line, pin) {
  try {
    await redeem(c, line, pin);
  } catch (e) {
    assert.ok(e instanceof Oauth2ClientErrorResponseError, `${e}`);
    return e.errorResponse.error;
  }
  assert.fail('the token request succeeded');
}

async function credentialError(c, session, jwt) {
  const credentialConfigurationId = session.credentialOffer.credential_configuration_ids[0];
  try {
    await c.retrieveCredentials({
      issuerMetadata: session.issuerMetadata, accessToken: session.accessToken,
      credentialConfigurationId, proofs: { jwt: [jwt] }
    });
  } catch (e) {
    assert.ok(e instanceof Openid4vciRetrieveCredentialsError, `${e}`);
    return e.response.credentialErrorResponseResult.data.error;
  }
  assert.fail('the credential request succeeded');
}

before(async () => {
  await new Promise(resolve => {
    inScratch(dir => new Promise(done => { scratch = dir; release = done; resolve(); }));
  });
  const port = await freePort();
  url = `http://127.0.0.1:${port}`;
  const college = ok(scratch, ['key', 'new', '--alg', 'ES256', '--out', 'college.key']).trim();
  anchor = ok(scratch, ['key', 'new', '--out', 'operator.key']).trim();
  ok(scratch, ['bundle', 'build', '--anchor', 'operator.key', '--issuer', college,
    '--name', 'Manila College of Nursing', '--country', 'PH',
    '--accredit', 'QualificationCredential:PQF-6', '--accredited-from', '2020-01-01',
    '--out', 'bundle.jws']);
  writeFileSync(join(scratch, 'graduates.csv'),
    [HEADER, row('Maria Santos'), row('Jose Reyes'), row('Ana Cruz'), row('Liza Ramos'), ''].join('\n'));
  ok(scratch, ['issuer', 'offer', '--csv', 'graduates.csv', '--state', 'issuance', '--url', url,
    '--out-dir', 'offers']);
  for (const line of [2, 3, 4, 5]) {
    links.set(line, readFileSync(join(scratch, 'offers', `row-00000${line}.txt`), 'utf8').trim());
  }
  for (const l of readFileSync(join(scratch, 'offers', 'pins.csv'), 'utf8').trim().split('\n').slice(1)) {
    const [line, pin] = l.split(',');
    pins.set(Number(line), pin);
  }
  // Line 5's offer has run out: its expiry in the service's state moved into the past,
  // as if its 72 hours had passed.
  for (const f of readdirSync(join(scratch, 'issuance', 'offers'))) {
    const path = join(scratch, 'issuance', 'offers', f);
    const record = JSON.parse(readFileSync(path, 'utf8'));
    if (record.line === 5) {
      record.expiresAt = '2020-01-01T00:00:00Z';
      writeFileSync(path, JSON.stringify(record));
    }
  }
  service = spawn(BIN, ['issuer', 'serve', '--key', 'college.key', '--state', 'issuance',
    '--url', url, '--listen', `127.0.0.1:${port}`, '--vct-base', 'https://registry.example',
    '--name', 'en=Manila College of Nursing', '--name', 'fil=Kolehiyo ng Nars ng Maynila'],
  { cwd: scratch, stdio: ['ignore', 'ignore', 'inherit'] });
  await waitForPort(port);
});

after(() => {
  service?.kill();
  release?.();
});

test('the library receives a dc+sd-jwt over the pre-authorized flow with PIN, and skillpass verify says valid', async () => {
  const holder = holderKey();
  const c = client(holder);
  const session = await redeem(c, 2, pins.get(2));
  const meta = session.issuerMetadata.credentialIssuer;
  assert.equal(meta.credential_issuer, url);
  assert.deepEqual(meta.display.map(d => d.locale), ['en', 'fil']);
  const credentialConfigurationId = session.credentialOffer.credential_configuration_ids[0];
  assert.equal(meta.credential_configurations_supported[credentialConfigurationId].format, 'dc+sd-jwt');
  const { c_nonce } = await c.requestNonce({ issuerMetadata: session.issuerMetadata });
  const { jwt } = await c.createCredentialRequestJwtProof({
    issuerMetadata: session.issuerMetadata, credentialConfigurationId, nonce: c_nonce,
    signer: { method: 'jwk', alg: 'ES256', publicJwk: holder.publicJwk }
  });
  const response = await c.retrieveCredentials({
    issuerMetadata: session.issuerMetadata, accessToken: session.accessToken,
    credentialConfigurationId, proofs: { jwt: [jwt] }
  });
  const credential = response.credentialResponse.credentials[0].credential;
  const header = JSON.parse(Buffer.from(credential.split('.')[0], 'base64url'));
  assert.equal(header.typ, 'dc+sd-jwt');
  const payload = JSON.parse(Buffer.from(credential.split('~')[0].split('.')[1], 'base64url'));
  assert.equal(payload.cnf.jwk.x, holder.publicJwk.x, 'bound to the key of the proof');

  // The wallet presents it (no personal claim disclosed) with its key, as the library does.
  const sdjwt = new SDJwtVcInstance({
    hasher: digest, kbSigner: await ES256.getSigner(holder.privateJwk), kbSignAlg: 'ES256'
  });
  const presented = await sdjwt.present(credential, {}, {
    kb: { payload: { iat: Math.floor(Date.now() / 1000), aud: AUDIENCE, nonce: NONCE } }
  });
  writeFileSync(join(scratch, 'presented.txt'), presented);
  const r = skillpass(scratch, ['verify', '--json', '--bundle', 'bundle.jws', '--anchor', anchor,
    '--audience', AUDIENCE, '--nonce', NONCE, 'presented.txt']);
  const report = JSON.parse(r.stdout);
  assert.equal(report.verdict, 'valid', r.stdout);
  assert.equal(r.code, 0);
  assert.equal(report.subject.birthDate, undefined);
});

test('a wrong PIN, a reused offer and an expired offer fail with invalid_grant', async () => {
  const c = client(holderKey());
  const right = pins.get(3);
  assert.equal(await tokenError(c, 3, right === '000000' ? '000001' : '000000'), 'invalid_grant');
  // Line 2 was redeemed by the first test.
  assert.equal(await tokenError(c, 2, pins.get(2)), 'invalid_grant');
  assert.equal(await tokenError(c, 5, pins.get(5)), 'invalid_grant');
});

test('key proofs with a wrong nonce or a wrong audience fail with invalid_nonce and invalid_proof', async () => {
  const holder = holderKey();
  const c = client(holder);
  const session = await redeem(c, 4, pins.get(4));
  const credentialConfigurationId = session.credentialOffer.credential_configuration_ids[0];
  const { jwt: wrongNonce } = await c.createCredentialRequestJwtProof({
    issuerMetadata: session.issuerMetadata, credentialConfigurationId, nonce: 'not-from-this-issuer',
    signer: { method: 'jwk', alg: 'ES256', publicJwk: holder.publicJwk }
  });
  assert.equal(await credentialError(c, session, wrongNonce), 'invalid_nonce');
  const { c_nonce } = await c.requestNonce({ issuerMetadata: session.issuerMetadata });
  const wrongAudience = signCompact(holder.privateKey,
    { alg: 'ES256', typ: 'openid4vci-proof+jwt', jwk: holder.publicJwk },
    { aud: 'https://another-issuer.example', iat: Math.floor(Date.now() / 1000), nonce: c_nonce });
  assert.equal(await credentialError(c, session, wrongAudience), 'invalid_proof');
});
