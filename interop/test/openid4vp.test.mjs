// OpenID4VP 1.0 with DCQL against an independent implementation (issue 14, acceptance 2):
// (a) a verifier built from @openid4vc/openid4vp asks; `skillpass wallet respond` answers
//     with only the asked claims, encrypted to the verifier's key (direct_post.jwt); the
//     library decrypts it and checks the vp_token against its DCQL query, and
//     @sd-jwt/sd-jwt-vc verifies the presentation (issuer signature, key binding, nonce,
//     audience = client_id);
// (b) `skillpass verifier request --relay` asks; a wallet built from the library (its
//     credential received over OpenID4VCI with @openid4vc/openid4vci) answers through the
//     registry's relay; `skillpass verifier collect` finds it valid;
// (c) the relay held only ciphertext: what it hands out is the library's JWE byte for
//     byte, another key cannot open it, and the registry's data directory holds no trace.
// Loopback only: the issuance service, the registry and the verifier listen on 127.0.0.1.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createHash, generateKeyPairSync, randomBytes, sign } from 'node:crypto';
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { createServer as createHttpServer } from 'node:http';
import { createServer, connect } from 'node:net';
import { join, resolve } from 'node:path';

import * as jose from 'jose';
import { Openid4vpClient, Openid4vpVerifier } from '@openid4vc/openid4vp';
import { Openid4vciClient } from '@openid4vc/openid4vci';
import { clientAuthenticationAnonymous, setGlobalConfig } from '@openid4vc/oauth2';
import { SDJwtVcInstance } from '@sd-jwt/sd-jwt-vc';
import { ES256, digest } from '@sd-jwt/crypto-nodejs';

import { BIN, ROOT, inScratch, ok, skillpass } from '../lib/skillpass.mjs';

const REGISTRY_BIN = process.env.SKILLPASS_REGISTRY_BIN ?? join(ROOT, 'target', 'debug', 'skillpass-registry');
const VCT_BASE = 'https://registry.example';
const VCT = `${VCT_BASE}/types/QualificationCredential`;
const HEADER = 'name,birth_date,holder_did,title_en,title_original,title_lang,awarding_body,country,level,field,isco08,learning_outcomes,awarded,valid_until';
const row = name => `${name},1995-03-14,,Bachelor of Science in Nursing,,,Manila College of Nursing,PH,PQF-6,0913,2221,Provides safe patient care,2021-06-30,`;
const ENV = { SKILLPASS_PASSPHRASE: 'correct horse battery staple' };

// Every server here is loopback http; the libraries ask for https unless told otherwise.
setGlobalConfig({ allowInsecureUrls: true });

let scratch;
let release;
const children = [];
let anchor;
let issuerJwk;
let registryUrl;
let registryData;
// The library wallet's holder key and its credential (received over OpenID4VCI).
let libraryHolder;
let libraryCredential;

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

async function waitForPort(port, what) {
  for (let i = 0; i < 400; i++) {
    const up = await new Promise(resolve => {
      const c = connect(port, '127.0.0.1', () => { c.end(); resolve(true); });
      c.on('error', () => resolve(false));
    });
    if (up) return;
    await new Promise(r => setTimeout(r, 50));
  }
  throw new Error(`${what} did not start`);
}

/// skillpass without blocking the event loop (the verifier it talks to runs in this process).
function skillpassAsync(args) {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(BIN, args, {
      cwd: scratch,
      env: { ...process.env, HOME: scratch, SKILLPASS_STATE: join(scratch, 'seen.json'), ...ENV },
      stdio: ['ignore', 'pipe', 'pipe']
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', d => { stdout += d; });
    child.stderr.on('data', d => { stderr += d; });
    child.on('error', reject);
    child.on('close', code => resolvePromise({ code, stdout, stderr }));
  });
}

const sha256 = data => createHash('sha256').update(data).digest();

function signCompact(privateKey, header, payload) {
  const input = `${Buffer.from(JSON.stringify(header)).toString('base64url')}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}`;
  const signature = sign('sha256', Buffer.from(input), { key: privateKey, dsaEncoding: 'ieee-p1363' });
  return `${input}.${signature.toString('base64url')}`;
}

/// JWE callbacks for the libraries, made of jose: ECDH-ES with the header they ask for.
const jweCallbacks = privateJwk => ({
  encryptJwe: async (encryptor, data) => {
    const key = await jose.importJWK(encryptor.publicJwk, 'ECDH-ES');
    const header = { alg: encryptor.alg, enc: encryptor.enc };
    if (encryptor.publicJwk.kid) header.kid = encryptor.publicJwk.kid;
    if (encryptor.apu) header.apu = encryptor.apu;
    if (encryptor.apv) header.apv = encryptor.apv;
    const jwe = await new jose.CompactEncrypt(new TextEncoder().encode(data))
      .setProtectedHeader(header).encrypt(key);
    return { encryptionJwk: encryptor.publicJwk, jwe };
  },
  decryptJwe: async jwe => {
    try {
      const key = await jose.importJWK(privateJwk, 'ECDH-ES');
      const { plaintext } = await jose.compactDecrypt(jwe, key, {
        keyManagementAlgorithms: ['ECDH-ES'], contentEncryptionAlgorithms: ['A128GCM', 'A256GCM']
      });
      const { d, ...publicJwk } = privateJwk;
      return { decrypted: true, decryptionJwk: publicJwk, payload: new TextDecoder().decode(plaintext) };
    } catch {
      return { decrypted: false };
    }
  }
});

async function sdJwtVerifier() {
  return new SDJwtVcInstance({
    hasher: digest,
    hashAlg: 'sha-256',
    verifier: await ES256.getVerifier(issuerJwk),
    kbVerifier: async (data, sig, payload) => (await ES256.getVerifier(payload.cnf.jwk))(data, sig)
  });
}

before(async () => {
  await new Promise(resolve => {
    inScratch(dir => new Promise(done => { scratch = dir; release = done; resolve(); }));
  });
  const college = ok(scratch, ['key', 'new', '--alg', 'ES256', '--out', 'college.key']).trim();
  const { d, ...publicJwk } = JSON.parse(readFileSync(join(scratch, 'college.key'), 'utf8'));
  issuerJwk = publicJwk;
  anchor = ok(scratch, ['key', 'new', '--out', 'operator.key']).trim();
  ok(scratch, ['bundle', 'build', '--anchor', 'operator.key', '--issuer', college,
    '--name', 'Manila College of Nursing', '--country', 'PH',
    '--accredit', 'QualificationCredential:PQF-6', '--accredited-from', '2020-01-01',
    '--out', 'bundle.jws']);
  writeFileSync(join(scratch, 'graduates.csv'), [HEADER, row('Maria Santos'), row('Jose Reyes'), ''].join('\n'));

  // The college's issuance service; Skillpass's wallet receives line 2, the library's line 3.
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  ok(scratch, ['issuer', 'offer', '--csv', 'graduates.csv', '--state', 'issuance', '--url', url,
    '--out-dir', 'offers']);
  const service = spawn(BIN, ['issuer', 'serve', '--key', 'college.key', '--state', 'issuance',
    '--url', url, '--listen', `127.0.0.1:${port}`, '--vct-base', VCT_BASE,
    '--name', 'en=Manila College of Nursing'], { cwd: scratch, stdio: ['ignore', 'ignore', 'inherit'] });
  children.push(service);
  await waitForPort(port, 'skillpass issuer serve');
  const link = line => readFileSync(join(scratch, 'offers', `row-00000${line}.txt`), 'utf8').trim();
  const pins = new Map(readFileSync(join(scratch, 'offers', 'pins.csv'), 'utf8').trim().split('\n')
    .slice(1).map(l => l.split(',')).map(([l, p]) => [Number(l), p]));
  ok(scratch, ['wallet', 'init', '--wallet', 'w.jwe', '--alg', 'ES256'], ENV);
  ok(scratch, ['wallet', 'receive', '--wallet', 'w.jwe', link(2), '--pin', pins.get(2)], ENV);

  const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  libraryHolder = { privateKey, publicJwk: publicKey.export({ format: 'jwk' }), privateJwk: privateKey.export({ format: 'jwk' }) };
  const vci = new Openid4vciClient({
    callbacks: {
      hash: data => sha256(data),
      generateRandom: n => randomBytes(n),
      clientAuthentication: clientAuthenticationAnonymous(),
      signJwt: async (signer, { header, payload }) =>
        ({ jwt: signCompact(libraryHolder.privateKey, header, payload), signerJwk: signer.publicJwk })
    }
  });
  const credentialOffer = await vci.resolveCredentialOffer(link(3));
  const issuerMetadata = await vci.resolveIssuerMetadata(credentialOffer.credential_issuer);
  const { accessTokenResponse } = await vci.retrievePreAuthorizedCodeAccessTokenFromOffer({
    credentialOffer, issuerMetadata, txCode: pins.get(3)
  });
  const credentialConfigurationId = credentialOffer.credential_configuration_ids[0];
  const { c_nonce } = await vci.requestNonce({ issuerMetadata });
  const { jwt } = await vci.createCredentialRequestJwtProof({
    issuerMetadata, credentialConfigurationId, nonce: c_nonce,
    signer: { method: 'jwk', alg: 'ES256', publicJwk: libraryHolder.publicJwk }
  });
  const received = await vci.retrieveCredentials({
    issuerMetadata, accessToken: accessTokenResponse.access_token, credentialConfigurationId, proofs: { jwt: [jwt] }
  });
  libraryCredential = received.credentialResponse.credentials[0].credential;

  // The registry, for its relay.
  const registryPort = await freePort();
  registryUrl = `http://127.0.0.1:${registryPort}`;
  registryData = join(scratch, 'registry-data');
  const registry = spawn(REGISTRY_BIN, ['--listen', `127.0.0.1:${registryPort}`, '--data', registryData],
    { cwd: scratch, stdio: ['ignore', 'ignore', 'inherit'] });
  children.push(registry);
  await waitForPort(registryPort, 'skillpass-registry');
});

after(() => {
  for (const c of children) c.kill();
  release?.();
});

test('a verifier built from @openid4vc/openid4vp asks, skillpass wallet respond answers, and the library accepts it', async () => {
  // The verifier's own response endpoint, on loopback.
  const posted = [];
  const server = createHttpServer((req, res) => {
    let body = '';
    req.on('data', d => { body += d; });
    req.on('end', () => {
      posted.push({ type: req.headers['content-type'], body });
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{}');
    });
  });
  await new Promise(r => server.listen(0, '127.0.0.1', r));
  const responseUri = `http://127.0.0.1:${server.address().port}/response`;
  try {
    const { publicKey, privateKey } = await jose.generateKeyPair('ECDH-ES', { crv: 'P-256', extractable: true });
    const publicJwk = { ...(await jose.exportJWK(publicKey)), kid: 'employer-1', use: 'enc', alg: 'ECDH-ES' };
    const privateJwk = { ...(await jose.exportJWK(privateKey)), kid: 'employer-1' };
    const verifier = new Openid4vpVerifier({
      callbacks: { hash: data => sha256(data), ...jweCallbacks(privateJwk), verifyJwt: async () => ({ verified: false }) }
    });
    const nonce = randomBytes(16).toString('base64url');
    const dcqlQuery = {
      credentials: [{
        id: 'nurse',
        format: 'dc+sd-jwt',
        meta: { vct_values: [VCT] },
        claims: [{ path: ['qualification', 'title'] }, { path: ['qualification', 'frameworkLevels'] }]
      }]
    };
    const { authorizationRequest, authorizationRequestPayload } = await verifier.createOpenId4vpAuthorizationRequest({
      authorizationRequestPayload: {
        response_type: 'vp_token',
        client_id: `redirect_uri:${responseUri}`,
        response_uri: responseUri,
        response_mode: 'direct_post.jwt',
        nonce,
        state: 'library-verifier-state',
        dcql_query: dcqlQuery,
        client_metadata: {
          client_name: 'Library Verifier',
          jwks: { keys: [publicJwk] },
          encrypted_response_enc_values_supported: ['A128GCM'],
          vp_formats_supported: { 'dc+sd-jwt': { 'sd-jwt_alg_values': ['ES256'], 'kb-jwt_alg_values': ['ES256'] } }
        }
      }
    });
    assert.match(authorizationRequest, /^openid4vp:\/\//);

    const r = await skillpassAsync(['wallet', 'respond', '--wallet', 'w.jwe', authorizationRequest, '--yes']);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, /"Library Verifier"/);
    assert.equal(posted.length, 1);
    assert.match(posted[0].type, /application\/x-www-form-urlencoded/);
    const form = new URLSearchParams(posted[0].body);
    assert.deepEqual([...form.keys()], ['response'], 'the wallet posted only the encrypted response');

    // The library decrypts the answer and matches it to its DCQL query.
    const parsed = await verifier.parseOpenid4vpAuthorizationResponse({
      authorizationResponse: Object.fromEntries(form), authorizationRequestPayload,
      callbacks: { ...jweCallbacks(privateJwk), verifyJwt: async () => ({ verified: false }) }
    });
    assert.equal(parsed.type, 'dcql');
    assert.equal(parsed.expectedNonce, nonce);
    assert.equal(parsed.authorizationResponsePayload.state, 'library-verifier-state');
    assert.deepEqual(Object.keys(parsed.dcql.presentations), ['nurse']);
    const presentation = parsed.dcql.presentations.nurse[0];

    // An independent SD-JWT VC implementation verifies it, bound to this request.
    const sdjwt = await sdJwtVerifier();
    const verified = await sdjwt.verify(presentation, { keyBindingNonce: nonce, requiredClaimKeys: ['qualification'] });
    assert.equal(verified.kb.payload.aud, `redirect_uri:${responseUri}`);
    assert.equal(verified.kb.payload.nonce, nonce);
    assert.equal(verified.payload.vct, VCT);
    assert.deepEqual(verified.payload.qualification.title, { en: 'Bachelor of Science in Nursing' });
    assert.deepEqual(verified.payload.qualification.frameworkLevels, ['PQF-6']);
    assert.equal(verified.payload.birthDate, undefined, 'the birth date was not asked for and not disclosed');
  } finally {
    server.close();
  }
});

test('a wallet built from the library answers a Skillpass request through the relay, skillpass verifier collect accepts it, and the relay held only ciphertext', async () => {
  const link = ok(scratch, ['verifier', 'request', '--relay', registryUrl, '--vct-base', VCT_BASE,
    '--claim', 'title', '--claim', 'level', '--min-level', 'PQF-6', '--name', 'St. Luke\'s Hospital',
    '--out', 'request.json', '--qr', 'request.png']).trim();
  const requestFile = JSON.parse(readFileSync(join(scratch, 'request.json'), 'utf8'));

  const wallet = new Openid4vpClient({
    callbacks: {
      hash: data => sha256(data), fetch, ...jweCallbacks(null),
      verifyJwt: async () => ({ verified: false }), getX509CertificateMetadata: () => ({})
    }
  });
  const parsedRequest = wallet.parseOpenid4vpAuthorizationRequest({ authorizationRequest: link });
  const resolved = await wallet.resolveOpenId4vpAuthorizationRequest({
    authorizationRequestPayload: parsedRequest.params
  });
  assert.equal(resolved.client.prefix, 'redirect_uri');
  const request = resolved.authorizationRequestPayload;
  assert.equal(request.response_mode, 'direct_post.jwt');
  assert.deepEqual(resolved.dcql.query.credentials[0].claims.map(c => c.path),
    [['qualification', 'title'], ['qualification', 'frameworkLevels']]);
  const queryId = resolved.dcql.query.credentials[0].id;

  // The library's wallet presents its credential with only what was asked.
  const holder = new SDJwtVcInstance({
    hasher: digest, kbSigner: await ES256.getSigner(libraryHolder.privateJwk), kbSignAlg: 'ES256'
  });
  const presentation = await holder.present(libraryCredential, { qualification: { title: true } }, {
    kb: { payload: { iat: Math.floor(Date.now() / 1000), aud: request.client_id, nonce: request.nonce } }
  });
  const response = await wallet.createOpenid4vpAuthorizationResponse({
    authorizationRequestPayload: request,
    authorizationResponsePayload: { vp_token: { [queryId]: [presentation] } },
    jarm: {
      encryption: { nonce: randomBytes(16).toString('base64url') },
      serverMetadata: {
        authorization_encryption_alg_values_supported: ['ECDH-ES'],
        authorization_encryption_enc_values_supported: ['A128GCM', 'A256GCM']
      }
    }
  });
  const jwe = response.jarm.responseJwt;
  assert.equal(jwe.split('.').length, 5);
  const submitted = await wallet.submitOpenid4vpAuthorizationResponse({
    authorizationRequestPayload: request, authorizationResponsePayload: response.authorizationResponsePayload,
    jarm: { responseJwt: jwe }
  });
  assert.equal(submitted.response.status, 200, await submitted.response.clone().text());

  // (c) The registry wrote nothing of it to disk: no file of its data directory holds the
  // presentation's issuer signature, nor the JWE.
  const signature = presentation.split('~')[0].split('.')[2];
  const walk = dir => readdirSync(dir).flatMap(f => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
  for (const f of walk(registryData)) {
    const bytes = readFileSync(f);
    assert.equal(bytes.includes(signature), false, `${f} holds the presentation`);
    assert.equal(bytes.includes(jwe.split('.')[3]), false, `${f} holds the ciphertext`);
  }
  // Without the secret, the mailbox opens to no one; another key does not open the JWE.
  const mailbox = requestFile.relay.mailbox;
  assert.equal((await fetch(mailbox)).status, 401);
  assert.equal((await fetch(mailbox, { headers: { authorization: `Bearer ${randomBytes(32).toString('base64url')}` } })).status, 403);
  const other = await jose.generateKeyPair('ECDH-ES', { crv: 'P-256', extractable: true });
  await assert.rejects(jose.compactDecrypt(jwe, other.privateKey));

  // Skillpass collects it from the relay, decrypts and verifies it.
  const r = skillpass(scratch, ['verifier', 'collect', '--request', 'request.json', '--wait', '10', '--json',
    '--bundle', 'bundle.jws', '--anchor', anchor], ENV);
  const report = JSON.parse(r.stdout || 'null');
  assert.equal(report?.verdict, 'valid', `${r.stdout}\n${r.stderr}`);
  assert.equal(r.code, 0);
  assert.deepEqual(report.request.checks.map(c => [c.id, c.outcome]),
    [['state', 'pass'], ['answers-query', 'pass'], ['only-requested', 'pass'], ['level', 'pass']]);
  assert.equal(report.presentations[queryId].subject.birthDate, undefined);
  // Handed out once: the relay holds nothing more.
  const again = await fetch(mailbox, { headers: { authorization: `Bearer ${requestFile.relay.secret}` } });
  assert.deepEqual(await again.json(), { responses: [] });
});

test('skillpass verifier collect refuses an answer that discloses more than the request asked', async () => {
  ok(scratch, ['verifier', 'request', '--relay', registryUrl, '--vct-base', VCT_BASE,
    '--claim', 'title', '--out', 'request-2.json']);
  const requestFile = JSON.parse(readFileSync(join(scratch, 'request-2.json'), 'utf8'));
  const { d, ...encryptionJwk } = requestFile.key;
  const holder = new SDJwtVcInstance({
    hasher: digest, kbSigner: await ES256.getSigner(libraryHolder.privateJwk), kbSignAlg: 'ES256'
  });
  // The birth date was not asked for; this wallet discloses it anyway.
  const presentation = await holder.present(libraryCredential, { birthDate: true }, {
    kb: { payload: { iat: Math.floor(Date.now() / 1000), aud: requestFile.clientId, nonce: requestFile.nonce } }
  });
  const answer = JSON.stringify({ vp_token: { credential: [presentation] }, state: requestFile.state });
  const jwe = await new jose.CompactEncrypt(new TextEncoder().encode(answer))
    .setProtectedHeader({ alg: 'ECDH-ES', enc: 'A128GCM', kid: encryptionJwk.kid })
    .encrypt(await jose.importJWK(encryptionJwk, 'ECDH-ES'));
  const posted = await fetch(requestFile.relay.mailbox, {
    method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ response: jwe }).toString()
  });
  assert.equal(posted.status, 200);
  const r = skillpass(scratch, ['verifier', 'collect', '--request', 'request-2.json', '--wait', '10', '--json',
    '--bundle', 'bundle.jws', '--anchor', anchor], ENV);
  const report = JSON.parse(r.stdout || 'null');
  assert.equal(report?.verdict, 'invalid', `${r.stdout}\n${r.stderr}`);
  assert.equal(r.code, 1);
  const only = report.request.checks.find(c => c.id === 'only-requested');
  assert.equal(only.outcome, 'fail');
  assert.match(only.detail, /birthDate/);
});

test('skillpass verifier collect refuses an answer for another state, one that misses the query, and a presentation bound to another verifier', async () => {
  ok(scratch, ['verifier', 'request', '--response-uri', 'https://employer.example/answer', '--vct-base', VCT_BASE,
    '--claim', 'title', '--out', 'request-3.json']);
  const requestFile = JSON.parse(readFileSync(join(scratch, 'request-3.json'), 'utf8'));
  const { d, ...encryptionJwk } = requestFile.key;
  const holder = new SDJwtVcInstance({
    hasher: digest, kbSigner: await ES256.getSigner(libraryHolder.privateJwk), kbSignAlg: 'ES256'
  });
  const present = aud => holder.present(libraryCredential, {}, {
    kb: { payload: { iat: Math.floor(Date.now() / 1000), aud, nonce: requestFile.nonce } }
  });
  const good = await present(requestFile.clientId);
  const collectAnswer = async answer => {
    const jwe = await new jose.CompactEncrypt(new TextEncoder().encode(JSON.stringify(answer)))
      .setProtectedHeader({ alg: 'ECDH-ES', enc: 'A256GCM', kid: encryptionJwk.kid })
      .encrypt(await jose.importJWK(encryptionJwk, 'ECDH-ES'));
    writeFileSync(join(scratch, 'answer-3.txt'), new URLSearchParams({ response: jwe }).toString());
    const r = skillpass(scratch, ['verifier', 'collect', '--request', 'request-3.json', '--response', 'answer-3.txt',
      '--json', '--bundle', 'bundle.jws', '--anchor', anchor], ENV);
    const report = JSON.parse(r.stdout || 'null');
    assert.equal(report?.verdict, 'invalid', `${r.stdout}\n${r.stderr}`);
    assert.equal(r.code, 1);
    return report;
  };
  const failed = report => report.request.checks.filter(c => c.outcome === 'fail').map(c => c.id);

  // The right presentation under another request's state.
  let report = await collectAnswer({ vp_token: { credential: [good] }, state: 'another-request' });
  assert.deepEqual(failed(report), ['state']);
  // Sent under a query id the request did not use, and none for the one it did.
  report = await collectAnswer({ vp_token: { other: [good] }, state: requestFile.state });
  assert.deepEqual(failed(report), ['answers-query']);
  assert.match(report.request.checks.find(c => c.id === 'answers-query').detail, /no presentation for the credential query "credential"/);
  // Key-bound to another verifier: the presentation itself is invalid (audience).
  report = await collectAnswer({ vp_token: { credential: [await present('redirect_uri:https://other.example/a')] }, state: requestFile.state });
  assert.equal(report.presentations.credential.verdict, 'invalid');
  assert.ok(report.presentations.credential.checks.some(c => c.name === 'audience' && c.outcome === 'fail'),
    JSON.stringify(report.presentations.credential.checks));
});
