// The rule schemas/README.md publishes for validating a selectively disclosed credential,
// applied by a third party with Ajv (JSON Schema 2020-12) to what a Skillpass holder really
// presents: the document as disclosed fails the plain schema of its type (an undisclosed
// required claim is missing), passes under the rule — a `required` failure at an object
// that still holds undisclosed `_sd` digests does not count — and Skillpass's own `schema`
// check agrees. A required member missing from an object with nothing hidden, or a value
// of the wrong form, still fails under the rule.

import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {test} from 'node:test';

import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

import {EXAMPLES, inScratch, ok, ROOT, sdJwtDocuments, skillpass} from '../lib/skillpass.mjs';

const ajv = new Ajv2020({allErrors: true, strict: false});
addFormats(ajv);
const schema = JSON.parse(readFileSync(
  join(ROOT, 'schemas', 'qualification-credential.schema.json'), 'utf8'));
const validate = ajv.compile(schema);

/** JSON pointers of the objects of `signed` that hold digests not disclosed in `sdJwt`. */
function hiddenObjects(signed, disclosed) {
  const out = [];
  const walk = (s, d, pointer) => {
    if(s === null || typeof s !== 'object') {
      return;
    }
    if(Array.isArray(s)) {
      s.forEach((v, i) => walk(v, d?.[i], `${pointer}/${i}`));
      return;
    }
    const revealed = Object.keys(d ?? {}).filter(k => !(k in s)).length;
    if((s._sd ?? []).length > revealed) {
      out.push(pointer);
    }
    for(const [k, v] of Object.entries(s)) {
      walk(v, d?.[k], `${pointer}/${k.replaceAll('~', '~0').replaceAll('/', '~1')}`);
    }
  };
  walk(signed, disclosed, '');
  return out;
}

/** The schema errors that remain under the published rule. */
function ruleErrors(document, hidden) {
  validate(document);
  return (validate.errors ?? []).filter(e =>
    !(e.keyword === 'required' && hidden.includes(e.instancePath)));
}

test('a partial disclosure passes the published rule exactly when Skillpass says so', async () => {
  await inScratch(async dir => {
    const holder = ok(dir, ['wallet', 'init', '--wallet', 'maria.jwe']).trim();
    const college = ok(dir, ['key', 'new', '--out', 'college.key']).trim();
    const operator = ok(dir, ['key', 'new', '--out', 'operator.key']).trim();
    ok(dir, ['bundle', 'build', '--anchor', 'operator.key', '--issuer', college,
      '--name', 'Manila College of Nursing', '--country', 'PH',
      '--accredit', 'QualificationCredential:PQF-6', '--out', 'bundle.jws']);
    ok(dir, ['issue', '--key', 'college.key', '--claims',
      join(EXAMPLES, 'nurse-qualification.json'), '--holder', holder, '--sd-jwt',
      '--sd', 'name', '--sd', 'title', '--out', 'nurse.sd-jwt']);
    ok(dir, ['wallet', 'add', '--wallet', 'maria.jwe', 'nurse.sd-jwt']);
    ok(dir, ['present', '--wallet', 'maria.jwe', '--disclose', 'level',
      '--audience', operator, '--nonce', '77aa', '--out', 'sd.txt']);
    const presented = readFileSync(join(dir, 'sd.txt'), 'utf8');
    const {signed, disclosed} = sdJwtDocuments(presented);
    assert.equal(disclosed.credentialSubject.name, undefined);
    assert.equal(disclosed.credentialSubject.qualification.title, undefined);

    // The plain schema refuses the document as disclosed ...
    assert.equal(validate(disclosed), false);
    assert.ok(validate.errors.some(e => e.keyword === 'required'));
    // ... the rule accepts it ...
    const hidden = hiddenObjects(signed, disclosed);
    assert.deepEqual(hidden.sort(),
      ['/credentialSubject', '/credentialSubject/qualification'].sort());
    assert.deepEqual(ruleErrors(disclosed, hidden), []);
    // ... and so does Skillpass.
    const r = skillpass(dir, ['verify', 'sd.txt', '--audience', operator, '--nonce', '77aa',
      '--bundle', 'bundle.jws', '--anchor', operator, '--json']);
    const report = JSON.parse(r.stdout);
    const schemaCheck = JSON.stringify(report).match(/"name":"schema","outcome":"(\w+)"/);
    assert.equal(schemaCheck?.[1], 'pass', JSON.stringify(report, null, 2));

    // A required member missing where nothing is hidden, or a disclosed value of the
    // wrong form, still fails under the rule.
    const noId = structuredClone(disclosed);
    delete noId.id;
    assert.ok(ruleErrors(noId, hidden).some(e => e.params?.missingProperty === 'id'));
    const badLevel = structuredClone(disclosed);
    badLevel.credentialSubject.qualification.frameworkLevels = 'PQF-6';
    assert.ok(ruleErrors(badLevel, hidden).length > 0);
  });
});
