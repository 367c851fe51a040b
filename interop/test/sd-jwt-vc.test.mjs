// Independent SD-JWT VC implementations check Skillpass output (issue 14, acceptance 3
// and 4): @sd-jwt/sd-jwt-vc verifies a `dc+sd-jwt` credential and a presentation with
// key binding, its status through the Token Status List and its Type Metadata (with
// `vct#integrity`), all served over loopback; @sd-jwt/jwt-status-list reads a revoked
// credential's status as revoked.
//
// The `skillpass` binary is taken from SKILLPASS_BIN, or target/debug/skillpass.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import { SDJwtVcInstance } from '@sd-jwt/sd-jwt-vc';
import { ES256, digest } from '@sd-jwt/crypto-nodejs';
import { getListFromStatusListJWT, getStatusListFromJWT } from '@sd-jwt/jwt-status-list';

const HERE = dirname(fileURLToPath(import.meta.url));
const BIN = process.env.SKILLPASS_BIN ?? resolve(HERE, '../../target/debug/skillpass');
const CLAIMS = resolve(HERE, '../../examples/nurse-qualification.json');
const AUDIENCE = 'did:web:employer.example';
const NONCE = 'n-0S6_WzA2Mj-interop';

let dir;
let server;
let base;
// What the loopback "registry" serves: the Type Metadata bytes and the token list.
const served = { typeMetadata: null, tokenList: null };

function skillpass(...args) {
  return execFileSync(BIN, args, { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

function file(name) {
  return readFileSync(join(dir, name), 'utf8').trim();
}

function payloadOf(jws) {
  return JSON.parse(Buffer.from(jws.split('.')[1], 'base64url').toString('utf8'));
}

/// W3C Subresource Integrity (`sha256-<base64>`), as the SD-JWT VC draft requires.
function sri(bytes) {
  return `sha256-${createHash('sha256').update(bytes).digest('base64')}`;
}

/// The library's verifier for Skillpass's ES256 issuer key, with key binding, status and
/// Type Metadata fetched from the loopback registry. The library's own integrity check
/// compares a hex digest (not SRI's base64, sd-jwt-js 0.19), so the fetcher checks
/// `vct#integrity` the way the draft says, and the library validates the document.
async function verifier(issuerJwk) {
  return new SDJwtVcInstance({
    hasher: digest,
    hashAlg: 'sha-256',
    verifier: await ES256.getVerifier(issuerJwk),
    kbVerifier: async (data, sig, payload) =>
      (await ES256.getVerifier(payload.cnf.jwk))(data, sig),
    loadTypeMetadataFormat: true,
    vctFetcher: async (uri, integrity) => {
      const response = await fetch(uri);
      assert.equal(response.status, 200);
      const bytes = Buffer.from(await response.arrayBuffer());
      if (sri(bytes) !== integrity) {
        throw new Error(`vct#integrity mismatch for ${uri}`);
      }
      return JSON.parse(bytes.toString('utf8'));
    },
  });
}

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'skillpass-interop-'));
  server = createServer((req, res) => {
    if (req.url === '/types/QualificationCredential') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(served.typeMetadata);
    } else if (req.url.startsWith('/status/')) {
      res.writeHead(200, { 'content-type': 'application/statuslist+jwt' });
      res.end(served.tokenList);
    } else {
      res.writeHead(404);
      res.end();
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  base = `http://127.0.0.1:${server.address().port}`;

  skillpass('key', 'new', '--alg', 'ES256', '--out', 'college.key');
  const holder = skillpass('key', 'new', '--alg', 'ES256', '--out', 'holder.key').trim();
  skillpass('status', 'init', '--key', 'college.key', '--base-url', `${base}/status`, '--out', 'status.json');
  skillpass('issue', '--key', 'college.key', '--claims', CLAIMS, '--holder', holder,
    '--dc-sd-jwt', '--vct-base', base, '--sd', 'name', '--status', 'status.json', '--out', 'nurse.sdjwt');
  skillpass('type-metadata', '--vct-base', base, '--out', 'type.json');
  skillpass('status', 'token-list', '--key', 'college.key', '--status', 'status.json', '--out', 'token.jwt');
  skillpass('present', '--key', 'holder.key', 'nurse.sdjwt', '--audience', AUDIENCE, '--nonce', NONCE,
    '--disclose', 'name', '--out', 'presentation.sdjwt');
  served.typeMetadata = readFileSync(join(dir, 'type.json'));
  served.tokenList = file('token.jwt');
});

after(() => {
  server?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function issuerJwk() {
  return JSON.parse(skillpass('key', 'show', 'college.key', '--public-jwk'));
}

test('@sd-jwt/sd-jwt-vc verifies a Skillpass dc+sd-jwt credential, its status and its Type Metadata', async () => {
  const credential = file('nurse.sdjwt');
  const header = JSON.parse(Buffer.from(credential.split('.')[0], 'base64url').toString('utf8'));
  assert.equal(header.typ, 'dc+sd-jwt');
  assert.equal(header.alg, 'ES256');
  const sdjwt = await verifier(issuerJwk());
  const result = await sdjwt.verify(credential);
  assert.equal(result.payload.vct, `${base}/types/QualificationCredential`);
  assert.equal(result.payload['vct#integrity'], sri(served.typeMetadata));
  assert.equal(result.payload.iss, skillpass('key', 'show', 'college.key').match(/did:\s+(\S+)/)[1]);
  assert.equal(result.payload.name, 'Maria Clara Santos');
  assert.equal(result.payload.birthDate, '1997-04-12');
  assert.deepEqual(result.payload.qualification.frameworkLevels, ['PQF-6']);
  const metadata = result.typeMetadata.mergedTypeMetadata;
  assert.equal(metadata.vct, result.payload.vct);
  assert.ok(metadata.display.some((d) => d.locale === 'fr'));
  assert.equal(metadata.claims.find((c) => c.path.join('.') === 'birthDate').sd, 'always');
});

test('@sd-jwt/sd-jwt-vc verifies a Skillpass presentation with key binding, disclosing only what was chosen', async () => {
  const sdjwt = await verifier(issuerJwk());
  const result = await sdjwt.verify(file('presentation.sdjwt'), { keyBindingNonce: NONCE });
  assert.equal(result.kb.payload.aud, AUDIENCE);
  assert.equal(result.kb.payload.nonce, NONCE);
  assert.equal(result.payload.name, 'Maria Clara Santos');
  assert.equal(result.payload.birthDate, undefined, 'the birth date was not disclosed');
  await assert.rejects(sdjwt.verify(file('presentation.sdjwt'), { keyBindingNonce: 'another-nonce' }));
});

test('a tampered Type Metadata document or another issuer key is refused', async () => {
  const good = served.typeMetadata;
  try {
    served.typeMetadata = Buffer.from(good.toString('utf8').replace('Qualification', 'Qualifikation'));
    const sdjwt = await verifier(issuerJwk());
    await assert.rejects(sdjwt.verify(file('nurse.sdjwt')), /integrity/);
  } finally {
    served.typeMetadata = good;
  }
  skillpass('key', 'new', '--alg', 'ES256', '--out', 'stranger.key');
  const stranger = JSON.parse(skillpass('key', 'show', 'stranger.key', '--public-jwk'));
  await assert.rejects((await verifier(stranger)).verify(file('nurse.sdjwt')));
});

test('@sd-jwt/jwt-status-list reads a revoked credential as revoked, and sd-jwt-vc then refuses it', async () => {
  const { status_list: { idx } } = payloadOf(file('nurse.sdjwt').split('~')[0]).status;
  const before = getListFromStatusListJWT(file('token.jwt'));
  assert.equal(before.getStatus(idx), 0);
  skillpass('revoke', 'nurse.sdjwt', '--status', 'status.json', '--key', 'college.key');
  skillpass('status', 'token-list', '--key', 'college.key', '--status', 'status.json', '--out', 'token.jwt');
  const token = file('token.jwt');
  const header = JSON.parse(Buffer.from(token.split('.')[0], 'base64url').toString('utf8'));
  assert.equal(header.typ, 'statuslist+jwt');
  const entry = getStatusListFromJWT(file('nurse.sdjwt').split('~')[0]);
  assert.equal(entry.idx, idx);
  assert.equal(payloadOf(token).sub, entry.uri);
  const list = getListFromStatusListJWT(token);
  assert.equal(list.getStatus(idx), 1, 'revoked');
  assert.equal(list.getStatus(idx === 0 ? 1 : idx - 1), 0, 'its neighbour is not');
  served.tokenList = token;
  const sdjwt = await verifier(issuerJwk());
  await assert.rejects(sdjwt.verify(file('nurse.sdjwt')), /Status is not valid/);
});
