// The VC-JOSE-COSE suite's command-line contract, mapped onto Skillpass. The suite runs
//
//   <issue|verify> --input /tests/input/F --key /tests/input/K --feature FEATURE
//       [--sd PATHS] --output /tests/output/N-Skillpass.json
//
// and reads back {"result": "success" | "failure" | "indeterminate" | "error"}. `/tests` is
// the suite's tests directory (JOSE_SUITE_TESTS). This adapter only translates: every
// decision is Skillpass's.
//
// - issue, credential_jose: `skillpass issue --vc F --key <the VM's secretKeyJwk> --kid <VM id>`
//   (the conformance profile: the W3C rules, then a vc+jwt);
// - issue, presentation_jose: `skillpass present --vp F --key … --kid …` (a vp+jwt);
// - verify: POST to the employer's VC-API verifier (`skillpass verifier serve`) that run.sh
//   started for the test's key (`--key vm-….json`, given directly): for a credential that
//   key alone as the issuer's; for a presentation that key as the holder's, and the suite's
//   published verification methods as the enclosed credentials' issuers' keys. A
//   credential goes as an EnvelopedVerifiableCredential
//   (`data:application/vc+jwt,…`), a presentation as an EnvelopedVerifiablePresentation
//   (`data:application/vp+jwt,…`); an input that is JSON goes as the JSON document itself.
//
// success = Skillpass issued, or verified; failure = Skillpass refused (exit 1, or
// verified: false); error = anything else (a crash, a usage error), so the suite never
// counts a broken adapter as a correct refusal.
import {execFileSync} from 'node:child_process';
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {basename, join} from 'node:path';

const [fn, ...rest] = process.argv.slice(2);
const args = {};
for(let i = 0; i < rest.length; i++) {
  if(rest[i].startsWith('--')) {
    args[rest[i].slice(2)] = rest[i + 1];
    i++;
  }
}
const tests = process.env.JOSE_SUITE_TESTS;
const skillpass = process.env.SKILLPASS_BIN;
const verifiers = JSON.parse(process.env.SKILLPASS_JOSE_VERIFIERS ?? '{}');
const local = p => join(tests, p.replace(/^\/tests\//, ''));
const output = local(args.output);

function write(result, detail) {
  writeFileSync(output, JSON.stringify({result, detail}, null, 2));
}

function run(argv) {
  try {
    const out = execFileSync(skillpass, argv, {stdio: ['ignore', 'pipe', 'pipe']});
    return {code: 0, out: out.toString()};
  } catch(e) {
    return {code: e.status ?? -1, out: String(e.stdout ?? ''), err: String(e.stderr ?? '')};
  }
}

async function issue(kind) {
  const vm = JSON.parse(readFileSync(local(args.key), 'utf8'));
  const dir = mkdtempSync(join(tmpdir(), 'skillpass-jose-'));
  try {
    const key = join(dir, 'key.jwk');
    writeFileSync(key, JSON.stringify(vm.secretKeyJwk), {mode: 0o600});
    const out = join(dir, 'out');
    const argv = kind === 'credential' ?
      ['issue', '--vc', local(args.input), '--key', key, '--kid', vm.id, '--out', out] :
      ['present', '--vp', local(args.input), '--key', key, '--kid', vm.id, '--out', out];
    const r = run(argv);
    if(r.code === 0) {
      write('success', readFileSync(out, 'utf8').trim());
    } else if(r.code === 1 || r.code === 2 && !/^error: (unexpected|invalid value|the following)/m.test(r.err)) {
      write('failure', r.err.trim());
    } else {
      write('error', r.err.trim());
    }
  } finally {
    rmSync(dir, {recursive: true, force: true});
  }
}

async function verify(kind) {
  const text = readFileSync(local(args.input), 'utf8').trim();
  let document;
  if(text.startsWith('{')) {
    document = JSON.parse(text);
  } else {
    document = {
      '@context': 'https://www.w3.org/ns/credentials/v2',
      type: kind === 'credential' ? 'EnvelopedVerifiableCredential' :
        'EnvelopedVerifiablePresentation',
      id: `data:application/${kind === 'credential' ? 'vc' : 'vp'}+jwt,${text}`
    };
  }
  const body = kind === 'credential' ?
    {verifiableCredential: document, options: {}} :
    {verifiablePresentation: document, options: {}};
  const path = kind === 'credential' ? 'credentials' : 'presentations';
  const verifier = verifiers[`${kind} ${basename(args.key ?? '')}`];
  if(!verifier) {
    write('error', `no verifier was started for ${kind} ${args.key}`);
    return;
  }
  const response = await fetch(`${verifier}/${path}/verify`, {
    method: 'POST',
    headers: {'content-type': 'application/json'},
    body: JSON.stringify(body)
  });
  const answer = await response.json().catch(() => null);
  if(response.status === 200 && answer?.verified === true) {
    write('success', answer);
  } else if(response.status === 400 && answer?.verified === false) {
    write('failure', answer);
  } else {
    write('error', {status: response.status, answer});
  }
}

const kind = String(args.feature).startsWith('credential') ? 'credential' : 'presentation';
try {
  if(fn === 'issue') {
    await issue(kind);
  } else if(fn === 'verify') {
    await verify(kind);
  } else {
    write('error', `unknown function ${fn}`);
  }
} catch(e) {
  write('error', String(e?.stack ?? e));
}
