// The WebAssembly side of the differential test (differential.rs): loads the page's own
// verifier — verifier-web/dist/web/verifier_web.js and verifier_web_bg.wasm, exactly the
// files the registry serves — into Node.js, and verifies every case of a manifest the way
// the page does (a Session over the bundle and the memory, then verifyBytes of the file).
//
//   node verifier-web/tests/wasm-verify.cjs MANIFEST.json   -> one JSON answer per case
"use strict";
const fs = require("fs");
const path = require("path");
const vm = require("vm");

const dist = path.join(__dirname, "..", "dist", "web");
// The no-modules glue defines `wasm_bindgen` as a script would in a page.
vm.runInThisContext(`${fs.readFileSync(path.join(dist, "verifier_web.js"), "utf8")}\nglobalThis.wasm_bindgen = wasm_bindgen;`);
globalThis.wasm_bindgen.initSync({ module: fs.readFileSync(path.join(dist, "verifier_web_bg.wasm")) });

const manifest = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));
const out = [];
for (const c of manifest.cases) {
  const bundle = fs.readFileSync(c.bundle, "utf8");
  const seen = c.seen ? fs.readFileSync(c.seen, "utf8") : "";
  let session;
  try {
    session = new globalThis.wasm_bindgen.Session(c.anchor, bundle, seen);
  } catch (e) {
    out.push({ name: c.name, answer: JSON.parse(String(e)) });
    continue;
  }
  const options = JSON.stringify({ nowMs: c.nowMs, country: c.country || null, audience: c.audience || null, nonce: c.nonce || null });
  const answer = c.text ? JSON.parse(session.verify(c.text, options)) : JSON.parse(session.verifyBytes(fs.readFileSync(c.input), options));
  out.push({ name: c.name, answer, seen: session.seen(), info: JSON.parse(session.info(c.nowMs)) });
  session.free();
}
process.stdout.write(JSON.stringify(out));
