// Data Integrity (eddsa-rdfc-2022) between Skillpass and Digital Bazaar's vc library (the
// library behind the Digital Credentials Consortium's verifier-core and the Learner
// Credential Wallet), both ways, with local document loaders only:
// - a credential Skillpass issues verifies there, and one claim flipped does not;
// - a credential that library signs with a key the trust bundle accredits verifies
//   `valid` in Skillpass, and one claim flipped is `invalid` (signature);
// - the Open Badge Skillpass exports verifies there too.

import assert from 'node:assert/strict';
import {randomBytes, randomUUID} from 'node:crypto';
import {readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {gunzipSync} from 'node:zlib';
import {test} from 'node:test';

import * as vc from '@digitalbazaar/vc';
import {DataIntegrityProof} from '@digitalbazaar/data-integrity';
import {cryptosuite as eddsaRdfc2022} from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';

import {documentLoader, EXAMPLES, inScratch, ok, skillpass} from '../lib/skillpass.mjs';

const verifier = () => new DataIntegrityProof({cryptosuite: eddsaRdfc2022});

async function verifyThere(credential) {
  return vc.verifyCredential({credential, suite: verifier(), documentLoader});
}

/** Operator and college keys, and a bundle accrediting `issuer` for PQF-6 qualifications. */
function trust(dir, issuer) {
  const operator = ok(dir, ['key', 'new', '--out', 'operator.key']).trim();
  ok(dir, ['bundle', 'build', '--anchor', 'operator.key', '--issuer', issuer,
    '--name', 'Manila College of Nursing', '--country', 'PH',
    '--accredit', 'QualificationCredential:PQF-6', '--out', 'bundle.jws']);
  return operator;
}

function verifyHere(dir, operator, file) {
  const r = skillpass(dir,
    ['verify', file, '--bundle', 'bundle.jws', '--anchor', operator, '--json']);
  return {code: r.code, report: JSON.parse(r.stdout)};
}

test('a Data Integrity credential Skillpass issues verifies in the vc library', async () => {
  await inScratch(async dir => {
    const college = ok(dir, ['key', 'new', '--out', 'college.key']).trim();
    const operator = trust(dir, college);
    // After the accreditation started (the bundle's clock has whole seconds).
    await new Promise(r => setTimeout(r, 1100));
    ok(dir, ['issue', '--key', 'college.key', '--claims',
      join(EXAMPLES, 'nurse-qualification.json'), '--securing', 'data-integrity',
      '--out', 'nurse.json']);
    const credential = JSON.parse(readFileSync(join(dir, 'nurse.json'), 'utf8'));
    const result = await verifyThere(credential);
    assert.equal(result.verified, true, JSON.stringify(result.error ?? result, null, 2));
    assert.equal(verifyHere(dir, operator, 'nurse.json').report.verdict, 'valid');

    // One claim flipped (another award date): invalid on both sides.
    const flipped = structuredClone(credential);
    flipped.credentialSubject.qualification.awarded = '2020-01-01';
    assert.equal((await verifyThere(flipped)).verified, false);
    writeFileSync(join(dir, 'flipped.json'), JSON.stringify(flipped));
    const bad = verifyHere(dir, operator, 'flipped.json');
    assert.equal(bad.report.verdict, 'invalid');
    assert.deepEqual(
      bad.report.checks.filter(c => c.outcome === 'fail').map(c => c.name), ['signature']);
  });
});

test('a credential the vc library signs with an accredited key is valid in Skillpass', async () => {
  await inScratch(async dir => {
    const key = await Ed25519Multikey.generate({seed: randomBytes(32)});
    const did = `did:key:${key.publicKeyMultibase}`;
    key.id = `${did}#${key.publicKeyMultibase}`;
    key.controller = did;
    const operator = trust(dir, did);
    // After the accreditation started (the bundle's clock has whole seconds).
    await new Promise(r => setTimeout(r, 1100));
    const claims = JSON.parse(
      readFileSync(join(EXAMPLES, 'nurse-qualification.json'), 'utf8'));
    const credential = {
      '@context': [
        'https://www.w3.org/ns/credentials/v2',
        'https://skillpass.dev/contexts/skillpass-v1.jsonld'
      ],
      id: `urn:uuid:${randomUUID()}`,
      type: ['VerifiableCredential', 'QualificationCredential'],
      issuer: did,
      validFrom: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
      credentialSubject: claims.credentialSubject
    };
    const suite = new DataIntegrityProof({signer: key.signer(), cryptosuite: eddsaRdfc2022});
    const signed = await vc.issue({credential, suite, documentLoader});
    assert.equal(signed.proof.cryptosuite, 'eddsa-rdfc-2022');
    writeFileSync(join(dir, 'theirs.json'), JSON.stringify(signed, null, 2));
    const {code, report} = verifyHere(dir, operator, 'theirs.json');
    assert.equal(report.verdict, 'valid', JSON.stringify(report, null, 2));
    assert.equal(code, 0);

    const flipped = structuredClone(signed);
    flipped.credentialSubject.qualification.awarded = '2020-01-01';
    writeFileSync(join(dir, 'flipped.json'), JSON.stringify(flipped));
    const bad = verifyHere(dir, operator, 'flipped.json');
    assert.equal(bad.report.verdict, 'invalid');
    assert.deepEqual(
      bad.report.checks.filter(c => c.outcome === 'fail').map(c => c.name), ['signature']);
    assert.equal(bad.code, 1);
  });
});

test('the Open Badge Skillpass exports verifies in the vc library', async () => {
  await inScratch(async dir => {
    ok(dir, ['key', 'new', '--out', 'college.key']);
    ok(dir, ['issue', '--key', 'college.key', '--claims',
      join(EXAMPLES, 'nurse-qualification.json'), '--out', 'nurse.jwt']);
    ok(dir, ['export', 'ob3', 'nurse.jwt', '--key', 'college.key', '--out', 'badge.json']);
    const badge = JSON.parse(readFileSync(join(dir, 'badge.json'), 'utf8'));
    const result = await verifyThere(badge);
    assert.equal(result.verified, true, JSON.stringify(result.error ?? result, null, 2));
    badge.credentialSubject.achievement.name = 'Doctor of Medicine';
    assert.equal((await verifyThere(badge)).verified, false);
  });
});

test('a status list Skillpass writes for self-hosting verifies in the vc library, revoked bit set',
  async () => {
    await inScratch(async dir => {
      ok(dir, ['key', 'new', '--out', 'college.key']);
      ok(dir, ['status', 'init', '--key', 'college.key', '--out', 'st.json',
        '--base-url', 'https://college.example/status']);
      ok(dir, ['issue', '--key', 'college.key', '--claims',
        join(EXAMPLES, 'nurse-qualification.json'), '--securing', 'data-integrity',
        '--status', 'st.json', '--out', 'nurse.json']);
      ok(dir, ['revoke', 'nurse.json', '--key', 'college.key', '--status', 'st.json']);
      ok(dir, ['status', 'list-credential', '--key', 'college.key', '--status', 'st.json',
        '--securing', 'data-integrity', '--out', 'revocation.json']);
      const list = JSON.parse(readFileSync(join(dir, 'revocation.json'), 'utf8'));
      const result = await verifyThere(list);
      assert.equal(result.verified, true, JSON.stringify(result.error ?? result, null, 2));

      // The bit of the revoked credential, read as the Bitstring Status List spec says:
      // multibase base64url `u`, GZIP, index 0 the most significant bit of the first byte.
      const nurse = JSON.parse(readFileSync(join(dir, 'nurse.json'), 'utf8'));
      const entry = nurse.credentialStatus.find(e => e.statusPurpose === 'revocation');
      assert.equal(entry.statusListCredential, list.id);
      const bits = gunzipSync(Buffer.from(
        list.credentialSubject.encodedList.slice(1), 'base64url'));
      assert.ok(bits.length >= 16 * 1024);
      const index = Number(entry.statusListIndex);
      assert.equal((bits[index >> 3] >> (7 - (index & 7))) & 1, 1);

      // An edited list no longer verifies there.
      const edited = structuredClone(list);
      edited.credentialSubject.statusPurpose = 'suspension';
      assert.equal((await verifyThere(edited)).verified, false);
    });
  });

test('a credential issued with issue --vc (conformance profile) verifies in the vc library',
  async () => {
    await inScratch(async dir => {
      ok(dir, ['key', 'new', '--out', 'college.key']);
      writeFileSync(join(dir, 'vc.json'), JSON.stringify({
        '@context': ['https://www.w3.org/ns/credentials/v2'],
        type: ['VerifiableCredential'],
        name: 'Certificate of completion',
        credentialSubject: {id: 'did:example:learner'}
      }));
      ok(dir, ['issue', '--vc', 'vc.json', '--key', 'college.key',
        '--securing', 'data-integrity', '--out', 'out.json']);
      const credential = JSON.parse(readFileSync(join(dir, 'out.json'), 'utf8'));
      const result = await verifyThere(credential);
      assert.equal(result.verified, true, JSON.stringify(result.error ?? result, null, 2));
      credential.name = 'Doctorate';
      assert.equal((await verifyThere(credential)).verified, false);
    });
  });
