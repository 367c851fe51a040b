// `skillpass verifier serve` (the employer's W3C VC-API verifier) against what Digital
// Bazaar's vc library makes, as the W3C VC Data Model 2.0 test suite makes it
// (`createLocalVp`: credentials issued and a presentation signed with eddsa-rdfc-2022 by
// one did:key, bound to a challenge and a domain). Loopback only; nothing is fetched.

import assert from 'node:assert/strict';
import {spawn} from 'node:child_process';
import {randomBytes} from 'node:crypto';
import {connect, createServer} from 'node:net';
import {after, before, test} from 'node:test';

import * as vc from '@digitalbazaar/vc';
import {DataIntegrityProof} from '@digitalbazaar/data-integrity';
import {cryptosuite as eddsaRdfc2022} from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';

import {BIN, documentLoader, inScratch} from '../lib/skillpass.mjs';

const CHALLENGE = 'u' + randomBytes(16).toString('base64url');
const DOMAIN = 'github.com/w3c/vc-data-model-2.0-test-suite';

let service;
let base;
let release;

function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const {port} = s.address();
      s.close(() => resolve(port));
    });
  });
}

async function waitForPort(port) {
  for(let i = 0; i < 200; i++) {
    const up = await new Promise(resolve => {
      const c = connect(port, '127.0.0.1', () => { c.end(); resolve(true); });
      c.on('error', () => resolve(false));
    });
    if(up) {
      return;
    }
    await new Promise(r => setTimeout(r, 50));
  }
  throw new Error('the verifier service did not start');
}

before(async () => {
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  await new Promise(resolveBefore => {
    inScratch(dir => new Promise(done => {
      release = done;
      service = spawn(BIN, ['verifier', 'serve', '--any-issuer-key',
        '--listen', `127.0.0.1:${port}`], {cwd: dir, stdio: ['ignore', 'ignore', 'inherit']});
      resolveBefore();
    }));
  });
  await waitForPort(port);
});

after(() => {
  service?.kill();
  release?.();
});

async function post(path, body) {
  const response = await fetch(base + path, {
    method: 'POST',
    headers: {'Content-Type': 'application/json', Accept: 'application/json'},
    body: JSON.stringify(body)
  });
  return {status: response.status, body: await response.json()};
}

/** A did:key holder and issuer, as the suite's `getKeys`. */
async function keys() {
  const key = await Ed25519Multikey.generate({seed: randomBytes(32)});
  const did = `did:key:${key.publicKeyMultibase}`;
  key.id = `${did}#${key.publicKeyMultibase}`;
  key.controller = did;
  const suite = new DataIntegrityProof({signer: key.signer(), cryptosuite: eddsaRdfc2022});
  return {did, suite};
}

/** A presentation of `credentials`, each issued and the whole signed by one did:key. */
async function localVp(presentation) {
  const {did, suite} = await keys();
  const signed = structuredClone(presentation);
  if(signed.verifiableCredential) {
    signed.verifiableCredential = await Promise.all(signed.verifiableCredential.map(c =>
      vc.issue({credential: {...c, issuer: did}, suite, documentLoader})));
  }
  return vc.signPresentation({presentation: signed, suite, challenge: CHALLENGE,
    domain: DOMAIN, documentLoader});
}

const CREDENTIAL = {
  '@context': ['https://www.w3.org/ns/credentials/v2'],
  type: ['VerifiableCredential'],
  issuer: 'did:example:issuer',
  credentialSubject: {id: 'did:example:subject'}
};

test('a credential the vc library issues is verified, with accreditation not checked', async () => {
  const {did, suite} = await keys();
  const credential = await vc.issue({credential: {...CREDENTIAL, issuer: did}, suite,
    documentLoader});
  const {status, body} = await post('/credentials/verify',
    {verifiableCredential: credential, options: {checks: ['proof']}});
  assert.equal(status, 200, JSON.stringify(body, null, 2));
  assert.equal(body.verified, true);
  assert.deepEqual(body.errors, []);
  assert.equal(body.accreditation.checked, false);

  const flipped = structuredClone(credential);
  flipped.credentialSubject.id = 'did:example:mallory';
  const refused = await post('/credentials/verify', {verifiableCredential: flipped});
  assert.equal(refused.status, 400);
  assert.deepEqual(refused.body.errors.map(e => e.check), ['signature']);
});

test('presentations made as the W3C suite makes them are verified', async () => {
  for(const presentation of [
    {'@context': ['https://www.w3.org/ns/credentials/v2'], type: ['VerifiablePresentation']},
    {'@context': ['https://www.w3.org/ns/credentials/v2'], type: ['VerifiablePresentation'],
      id: 'urn:uuid:9c9a36f8-518f-4976-a934-6649502d0008'},
    {'@context': ['https://www.w3.org/ns/credentials/v2'], type: ['VerifiablePresentation'],
      verifiableCredential: [CREDENTIAL,
        {...CREDENTIAL, credentialSubject: {id: 'did:example:other-subject'}}]}
  ]) {
    const vp = await localVp(presentation);
    const {status, body} = await post('/presentations/verify', {
      verifiablePresentation: vp, options: {challenge: CHALLENGE, domain: DOMAIN}
    });
    assert.equal(status, 200, JSON.stringify(body, null, 2));
    assert.equal(body.verified, true);
  }
});

test('a presentation with another challenge or domain is refused by name', async () => {
  const vp = await localVp({'@context': ['https://www.w3.org/ns/credentials/v2'],
    type: ['VerifiablePresentation']});
  const challenge = await post('/presentations/verify', {
    verifiablePresentation: vp, options: {challenge: 'another', domain: DOMAIN}
  });
  assert.equal(challenge.status, 400);
  assert.deepEqual(challenge.body.errors.map(e => e.check), ['challenge']);
  const domain = await post('/presentations/verify', {
    verifiablePresentation: vp, options: {challenge: CHALLENGE, domain: 'elsewhere.example'}
  });
  assert.equal(domain.status, 400);
  assert.deepEqual(domain.body.errors.map(e => e.check), ['domain']);
});
