// The suites' implementation settings (vc-test-suite-implementations reads `localConfig.cjs`
// from the suite's root; run.sh copies this file there and sets the environment).
// One implementation, Skillpass: the institution's VC-API issuer and the employer's VC-API
// verifier, both on loopback. Tags choose which suites run against which endpoint; `options`
// is what each suite sends to the endpoint with every request.
const issuer = process.env.SKILLPASS_ISSUER_URL;
const verifier = process.env.SKILLPASS_VERIFIER_URL;
const did = process.env.SKILLPASS_ISSUER_DID;

module.exports = {
  settings: {},
  implementations: [{
    name: 'Skillpass',
    implementation: 'Skillpass',
    issuers: [{
      // Data Integrity (eddsa-rdfc-2022): the suites read embedded proofs directly.
      id: did,
      endpoint: `${issuer}/credentials/issue`,
      options: {cryptosuite: 'eddsa-rdfc-2022'},
      tags: ['vc2.0', 'BitstringStatusList']
    }, {
      // VC-JOSE-COSE: an EnvelopedVerifiableCredential.
      id: did,
      endpoint: `${issuer}/credentials/issue`,
      options: {securingMechanism: 'jose'},
      tags: ['EnvelopingProof']
    }],
    verifiers: [{
      id: 'urn:skillpass:verifier',
      endpoint: `${verifier}/credentials/verify`,
      tags: ['vc2.0', 'EnvelopingProof', 'BitstringStatusList']
    }],
    vpVerifiers: [{
      id: 'urn:skillpass:verifier',
      endpoint: `${verifier}/presentations/verify`,
      tags: ['vc2.0', 'EnvelopingProof']
    }],
    // The VC-JOSE-COSE suite: what the `docker` stand-in (jose-adapter.mjs) supports.
    'jose-cose': {
      features: {
        credential_jose: true,
        presentation_jose: true
      }
    }
  }]
};
