// Every kind of document Skillpass produces, expanded by an independent JSON-LD processor
// (jsonld.js) in safe mode with a local document loader holding the VC 2.0 context and
// Skillpass's own (and the Open Badges context for exported badges): safe mode fails on
// any term no context defines, so a pass means no term was dropped. The documents are made
// by the real binary: qualification and skill credentials (VC-JOSE payloads and Data
// Integrity), rows of the example CSV batch, an SD-JWT's signed payload and the document as
// disclosed, a presentation, the issuer's status lists, and an exported Open Badge.

import assert from 'node:assert/strict';
import {readdirSync, readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {test} from 'node:test';

import jsonld from 'jsonld';

import {
  documentLoader, EXAMPLES, inScratch, jwsPayload, ok, sdJwtDocuments
} from '../lib/skillpass.mjs';

const read = (dir, file) => readFileSync(join(dir, file), 'utf8');

/** Expands in safe mode; answers the N-Quads (for spot checks). */
async function expandSafely(name, doc) {
  try {
    await jsonld.expand(doc, {documentLoader, safe: true});
    return await jsonld.toRDF(doc, {documentLoader, safe: true, format: 'application/n-quads'});
  } catch(e) {
    assert.fail(`${name}: ${e.message}\n${JSON.stringify(e.details ?? {}, null, 2)}`);
  }
}

/** Every document the binary makes, by name. */
function documents(dir) {
  const docs = {};
  const holder = ok(dir, ['wallet', 'init', '--wallet', 'maria.jwe']).trim();
  const college = ok(dir, ['key', 'new', '--out', 'college.key']).trim();
  const operator = ok(dir, ['key', 'new', '--out', 'operator.key']).trim();
  ok(dir, ['bundle', 'build', '--anchor', 'operator.key', '--issuer', college,
    '--name', 'Manila College of Nursing', '--country', 'PH',
    '--accredit', 'QualificationCredential:PQF-6', '--out', 'bundle.jws']);
  ok(dir, ['status', 'init', '--key', 'college.key', '--out', 'college.status.json',
    '--registry', 'https://registry.example.org']);
  const nurse = join(EXAMPLES, 'nurse-qualification.json');
  const skills = join(EXAMPLES, 'care-worker-skills.json');

  ok(dir, ['issue', '--key', 'college.key', '--claims', nurse, '--holder', holder,
    '--status', 'college.status.json', '--out', 'nurse.jwt']);
  docs['qualification credential (vc+jwt payload)'] = jwsPayload(read(dir, 'nurse.jwt'));
  ok(dir, ['issue', '--key', 'college.key', '--claims', skills, '--out', 'skills.jwt']);
  docs['skill credential (vc+jwt payload)'] = jwsPayload(read(dir, 'skills.jwt'));
  // Every example claims file, in both securings.
  const examples = readdirSync(EXAMPLES).filter(f => f.endsWith('.json')).filter(f =>
    ['QualificationCredential', 'SkillCredential'].includes(
      JSON.parse(read(EXAMPLES, f)).type));
  assert.ok(examples.length >= 3, examples.join(', '));
  for(const file of examples) {
    const name = file.replace(/\.json$/, '');
    ok(dir, ['issue', '--key', 'college.key', '--claims', join(EXAMPLES, file),
      '--holder', holder, '--out', `${name}.jwt`]);
    docs[`examples/${file} (vc+jwt payload)`] = jwsPayload(read(dir, `${name}.jwt`));
    ok(dir, ['issue', '--key', 'college.key', '--claims', join(EXAMPLES, file),
      '--holder', holder, '--securing', 'data-integrity', '--out', `${name}.di.json`]);
    docs[`examples/${file} (Data Integrity, with its proof)`] =
      JSON.parse(read(dir, `${name}.di.json`));
  }

  // The first rows of the example batch (every column used somewhere in them).
  const csv = read(EXAMPLES, 'batch.csv').split('\n').slice(0, 41).join('\n') + '\n';
  writeFileSync(join(dir, 'batch.csv'), csv);
  ok(dir, ['issue', '--key', 'college.key', '--csv', 'batch.csv', '--out-dir', 'batch']);
  for(const file of readdirSync(join(dir, 'batch')).filter(f => f.endsWith('.jwt'))) {
    docs[`batch ${file} (vc+jwt payload)`] = jwsPayload(read(join(dir, 'batch'), file));
  }

  ok(dir, ['issue', '--key', 'college.key', '--claims', nurse, '--holder', holder,
    '--sd-jwt', '--sd', 'name', '--sd', 'learningOutcomes', '--out', 'nurse.sd-jwt']);
  const sd = sdJwtDocuments(read(dir, 'nurse.sd-jwt'));
  assert.ok(JSON.stringify(sd.signed).includes('"_sd"'));
  docs['SD-JWT issuer-signed payload (with _sd digests)'] = sd.signed;
  docs['SD-JWT document as disclosed'] = sd.disclosed;

  ok(dir, ['wallet', 'add', '--wallet', 'maria.jwe', 'nurse.jwt',
    '--bundle', 'bundle.jws', '--anchor', operator]);
  ok(dir, ['present', '--wallet', 'maria.jwe', '--audience', operator,
    '--nonce', '9c2e7d41', '--out', 'vp.jwt']);
  docs['presentation (vp+jwt payload)'] = jwsPayload(read(dir, 'vp.jwt'));

  const lists = JSON.parse(read(dir, 'college.status.json'));
  assert.ok(lists.signed.length >= 2);
  lists.signed.forEach((jws, i) => {
    docs[`status list ${i + 1} (payload)`] = jwsPayload(jws);
  });

  ok(dir, ['export', 'ob3', 'nurse.jwt', '--key', 'college.key', '--out', 'badge.json']);
  docs['Open Badges 3.0 export'] = JSON.parse(read(dir, 'badge.json'));
  return docs;
}

test('every document Skillpass produces expands in jsonld.js safe mode', async () => {
  await inScratch(async dir => {
    const docs = documents(dir);
    assert.ok(Object.keys(docs).length >= 50, Object.keys(docs).join('\n'));
    for(const [name, doc] of Object.entries(docs)) {
      await expandSafely(name, doc);
    }
    // Spot checks that terms expanded where the vocabulary page says.
    const nquads = await expandSafely('qualification',
      docs['qualification credential (vc+jwt payload)']);
    for(const iri of [
      'https://skillpass.dev/ns#QualificationCredential',
      'http://purl.org/dc/terms/title',
      'http://data.europa.eu/snb/model/elm/learningOutcome',
      'http://data.europa.eu/snb/isced-f/0913',
      'http://data.europa.eu/esco/isco/C2221',
      'https://www.w3.org/ns/credentials/status#statusListIndex'
    ]) {
      assert.ok(nquads.includes(`<${iri}>`), `${iri} missing:\n${nquads}`);
    }
    const vp = await expandSafely('presentation', docs['presentation (vp+jwt payload)']);
    assert.ok(vp.includes('<https://w3id.org/security#nonce> "9c2e7d41"'), vp);
    // Issue 12: learning outcomes in four languages, as the Data Integrity proof signs
    // them: every outcome kept, tagged with its language.
    const midwife = await expandSafely('multilingual',
      docs['examples/midwife-qualification-multilingual.json (Data Integrity, with its proof)']);
    for(const literal of [
      '"Provides care to women during pregnancy, labour and the postpartum period."@en',
      '"Versorgt Neugeborene, einschließlich Stillberatung und Impfungen."@de',
      '"تقدّم الرعاية للنساء أثناء الحمل والولادة وفترة النفاس."@ar',
      '"Kolehiyo ng Narsing at Pagpapaanak ng Davao"@fil',
      '"Diplom in Hebammenkunde"@de'
    ]) {
      assert.ok(midwife.includes(literal), `${literal} missing:\n${midwife}`);
    }
  });
});

test('a list of language maps under learningOutcomes would lose its terms (the schema refuses it)', async () => {
  await inScratch(async dir => {
    ok(dir, ['key', 'new', '--out', 'college.key']);
    ok(dir, ['issue', '--key', 'college.key', '--claims',
      join(EXAMPLES, 'nurse-qualification.json'), '--out', 'nurse.jwt']);
    const doc = jwsPayload(read(dir, 'nurse.jwt'));
    doc.credentialSubject.qualification.learningOutcomes =
      [{en: 'Plans care', de: 'Plant die Pflege'}];
    await assert.rejects(jsonld.expand(doc, {documentLoader, safe: true}));
  });
});

test('safe mode does refuse a term no context defines', async () => {
  await inScratch(async dir => {
    ok(dir, ['key', 'new', '--out', 'college.key']);
    ok(dir, ['issue', '--key', 'college.key', '--claims',
      join(EXAMPLES, 'nurse-qualification.json'), '--out', 'nurse.jwt']);
    const doc = jwsPayload(read(dir, 'nurse.jwt'));
    doc.credentialSubject.qualification.shoeSize = 42;
    await assert.rejects(jsonld.expand(doc, {documentLoader, safe: true}));
    // And with the VC 2.0 context alone, as before the Skillpass context, terms are lost.
    const bare = jwsPayload(read(dir, 'nurse.jwt'));
    bare['@context'] = ['https://www.w3.org/ns/credentials/v2'];
    await assert.rejects(jsonld.expand(bare, {documentLoader, safe: true}));
  });
});
