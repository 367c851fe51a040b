// What the interop tests share: running the real `skillpass` binary in a scratch
// directory, reading the documents inside what it writes (JWS payloads, SD-JWT payloads
// and disclosures), and a document loader that holds the JSON-LD contexts Skillpass ships
// (the very files in ../contexts) and resolves did:key offline. Nothing is fetched.

import {execFileSync} from 'node:child_process';
import {createHash} from 'node:crypto';
import {mkdtempSync, readFileSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {dirname, join, resolve} from 'node:path';
import {fileURLToPath} from 'node:url';

import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import * as DidKey from '@digitalbazaar/did-method-key';

const here = dirname(fileURLToPath(import.meta.url));
export const ROOT = resolve(here, '..', '..');
/** The binary under test: $SKILLPASS_BIN, or the workspace's debug build. */
export const BIN = process.env.SKILLPASS_BIN ?? join(ROOT, 'target', 'debug', 'skillpass');
export const EXAMPLES = join(ROOT, 'examples');

/** A scratch directory removed when `fn` settles. */
export async function inScratch(fn) {
  const dir = mkdtempSync(join(tmpdir(), 'skillpass-interop-'));
  try {
    return await fn(dir);
  } finally {
    rmSync(dir, {recursive: true, force: true});
  }
}

/** Runs skillpass in `cwd`; answers {code, stdout, stderr} (never throws on exit code). */
export function skillpass(cwd, args, env = {}) {
  try {
    const stdout = execFileSync(BIN, args, {
      cwd,
      env: {
        ...process.env,
        HOME: cwd,
        SKILLPASS_STATE: join(cwd, 'seen.json'),
        SKILLPASS_PASSPHRASE: 'correct horse battery staple',
        ...env
      },
      stdio: ['ignore', 'pipe', 'pipe'],
      encoding: 'utf8'
    });
    return {code: 0, stdout, stderr: ''};
  } catch(e) {
    if(typeof e.status !== 'number') {
      throw e;
    }
    return {code: e.status, stdout: e.stdout, stderr: e.stderr};
  }
}

/** skillpass that must succeed; answers its standard output. */
export function ok(cwd, args, env) {
  const r = skillpass(cwd, args, env);
  if(r.code !== 0) {
    throw new Error(`skillpass ${args.join(' ')} exited ${r.code}\n${r.stdout}\n${r.stderr}`);
  }
  return r.stdout;
}

const b64url = s => Buffer.from(s, 'base64url');

/** The JSON payload of a compact JWS. */
export function jwsPayload(jws) {
  return JSON.parse(b64url(jws.trim().split('.')[1]).toString('utf8'));
}

/**
 * The two documents of an SD-JWT (`<JWS>~<disclosure>~…~`): the issuer-signed payload with
 * its `_sd` digests, and the document as disclosed (each disclosure put back where its
 * digest is, digests and `_sd_alg` removed), as RFC 9901 §7.1 processes it.
 */
export function sdJwtDocuments(sdJwt) {
  const [jws, ...rest] = sdJwt.trim().split('~');
  const signed = jwsPayload(jws);
  const byDigest = new Map();
  // The last part of a presentation is its key-binding JWT, not a disclosure.
  for(const d of rest.filter(part => part && !part.includes('.'))) {
    const digest = createHash('sha256').update(d, 'ascii').digest('base64url');
    byDigest.set(digest, JSON.parse(b64url(d).toString('utf8')));
  }
  const restore = value => {
    if(Array.isArray(value)) {
      return value.map(restore);
    }
    if(value === null || typeof value !== 'object') {
      return value;
    }
    const out = {};
    for(const [k, v] of Object.entries(value)) {
      if(k !== '_sd' && k !== '_sd_alg') {
        out[k] = restore(v);
      }
    }
    for(const digest of value._sd ?? []) {
      const found = byDigest.get(digest);
      if(found) {
        const [, name, claim] = found;
        out[name] = restore(claim);
      }
    }
    return out;
  };
  return {signed, disclosed: restore(signed)};
}

/** The contexts Skillpass ships, by URL, read from ../contexts. */
export const CONTEXTS = new Map([
  ['https://www.w3.org/ns/credentials/v2', 'credentials-v2.jsonld'],
  ['https://skillpass.dev/contexts/skillpass-v1.jsonld', 'skillpass-v1.jsonld'],
  ['https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
    'ob-v3p0-context-3.0.3.json']
].map(([url, file]) =>
  [url, JSON.parse(readFileSync(join(ROOT, 'contexts', file), 'utf8'))]));

const didKey = DidKey.driver();
didKey.use({multibaseMultikeyHeader: 'z6Mk', fromMultibase: Ed25519Multikey.from});

/**
 * A JSON-LD document loader with only the shipped contexts and did:key (resolved from the
 * identifier itself). Any other URL is an error: a test that needed the network fails.
 */
export async function documentLoader(url) {
  if(CONTEXTS.has(url)) {
    return {contextUrl: null, documentUrl: url, document: CONTEXTS.get(url)};
  }
  if(url.startsWith('did:key:')) {
    const document = await didKey.get({url});
    return {contextUrl: null, documentUrl: url, document};
  }
  throw new Error(`the test loader does not fetch ${url}`);
}
