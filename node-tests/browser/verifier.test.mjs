// The employer's verifier page in headless Chromium, against a real registry: the
// acceptance of issue 11 (valid / invalid / could not be checked from links and card
// images, no request carrying any part of a credential, verifying offline from the stored
// bundle, refused bundles worded exactly as on the command line) and the screenshots that
// README.md links.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import path from "node:path";
import { browser, registry, scratch, skillpass, cleanup, repo } from "./harness.mjs";

const SHOTS = path.join(repo, "verifier-web", "screenshots");
let dir, reg, chrome, scene;

function run(args, opts) {
  return skillpass(dir, reg.url, args, opts);
}

before(async () => {
  dir = scratch();
  reg = await registry(dir);
  chrome = await browser();
  const claims = path.join(repo, "examples", "nurse-qualification.json");
  const college = run(["key", "new", "--out", "college.key"]).trim();
  run(["issuer", "register", "--key", "college.key", "--name", "Manila College of Nursing", "--country", "PH", "--scope", "QualificationCredential:PQF-6"]);
  run(["operator", "accredit", "--key", path.join(reg.data, "operator.key"), "--issuer", college, "--scope", "QualificationCredential:PQF-6"]);
  run(["status", "init", "--key", "college.key", "--out", "college-status.json", "--base-url", `${reg.url}/status`]);
  for (const name of ["nurse", "second", "revoked"]) {
    run(["issue", "--key", "college.key", "--claims", claims, "--status", "college-status.json", "--out", `${name}.jwt`]);
  }
  run(["publish", "--key", "college.key", "--status", "college-status.json", "nurse.jwt", "second.jwt", "revoked.jwt"]);
  run(["revoke", "--key", "college.key", "revoked.jwt"]);
  const verifyUrl = `${reg.url}/v`;
  const link = (file) => run(["qr", file, "--text", "--verify-url", verifyUrl]).trim();
  run(["card", "nurse.jwt", "--out", "card.png", "--verify-url", verifyUrl]);
  run(["bundle", "fetch", "--out", "current.jws", "--anchor", reg.anchor]);
  const jws = (f) => readFileSync(path.join(dir, f), "utf8").trim();
  const nurse = jws("nurse.jwt");
  const parts = nurse.split(".");
  const mid = Math.floor(parts[1].length / 2);
  parts[1] = parts[1].slice(0, mid) + (parts[1][mid] === "A" ? "B" : "A") + parts[1].slice(mid + 1);
  scene = {
    college,
    nurse,
    second: jws("second.jwt"),
    nurseLink: link("nurse.jwt"),
    secondLink: link("second.jwt"),
    revokedLink: link("revoked.jwt"),
    tampered: parts.join("."),
    card: path.join(dir, "card.png"),
  };
});

after(async () => {
  await chrome?.close();
  reg?.stop();
  if (dir) cleanup(dir);
});

/** A new browser profile's page, recording every request it makes; its browser prefers
 * `locale` (English unless a test says otherwise, whatever the machine's locale). */
async function freshPage(viewport = { width: 1280, height: 800 }, locale = "en-US") {
  const context = await chrome.newContext({ viewport, serviceWorkers: "allow", locale });
  const requests = [];
  context.on("request", (r) => requests.push({ url: r.url(), body: r.postData() || "" }));
  const page = await context.newPage();
  return { context, page, requests };
}

async function verdictOf(page) {
  await page.waitForSelector("#verdict[data-verdict]", { timeout: 20000 });
  return page.getAttribute("#verdict", "data-verdict");
}

async function outcomes(page) {
  return page.$$eval("#checks li", (lis) => lis.map((li) => [li.dataset.check, li.dataset.outcome]));
}

/** Pieces of a credential that must never appear in a request. */
function needles(...texts) {
  const out = new Set();
  for (const t of texts) {
    for (const part of t.split(/[.~#]/)) {
      for (let i = 0; i + 24 <= part.length; i += 12) out.add(part.slice(i, i + 24));
    }
  }
  return [...out];
}

function assertNothingSent(requests, secrets) {
  for (const r of requests) {
    const seen = decodeURIComponent(r.url) + r.body;
    for (const n of secrets) assert.ok(!seen.includes(n) && !r.url.includes(n), `a request carried part of a credential: ${r.url}`);
    const url = new URL(r.url);
    assert.equal(url.hash, "", "a request carried a fragment");
    assert.ok(["/", "/v", "/sw.js", "/verifier-config.json", "/bundle"].includes(url.pathname) || url.pathname.startsWith("/web/"), `unexpected request ${url.pathname}`);
  }
}

test("a card's link shows VALID with the ten checks, and nothing of the credential is sent", async () => {
  for (const viewport of [{ width: 1280, height: 800 }, { width: 390, height: 844 }]) {
    const { context, page, requests } = await freshPage(viewport);
    const loaded = Date.now();
    await page.goto(scene.nurseLink);
    assert.equal(await verdictOf(page), "valid");
    const firstVerdictMs = Date.now() - loaded;
    const checks = await outcomes(page);
    assert.equal(checks.length, 10);
    assert.deepEqual(checks.map((c) => c[1]), Array(10).fill("pass"));
    assert.match(await page.textContent("#issuer"), /Manila College of Nursing \(registered in the trust bundle, PH\)/);
    assert.match(await page.textContent("#holder"), /\(verified\)/);
    assert.ok((await page.textContent("#title")).length > 3);
    assert.equal(await page.textContent("#level"), "PQF-6");
    // The credential is taken out of the address bar once read.
    assert.ok(!page.url().includes("#"), page.url());
    assertNothingSent(requests, needles(scene.nurseLink.split("#")[1], scene.nurse));
    mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: path.join(SHOTS, `valid-${viewport.width}x${viewport.height}.png`), fullPage: viewport.width < 600 });
    writeFileSync(path.join(dir, `first-verdict-${viewport.width}.ms`), String(firstVerdictMs));
    await context.close();
  }
});

test("a revoked credential's link is INVALID naming the status check", async () => {
  const { context, page } = await freshPage();
  await page.goto(scene.revokedLink);
  assert.equal(await verdictOf(page), "invalid");
  const status = (await outcomes(page)).find((c) => c[0] === "status");
  assert.deepEqual(status, ["status", "fail"]);
  assert.match(await page.textContent("#verdict-help"), /status/);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: path.join(SHOTS, "revoked-390x844.png"), fullPage: true });
  await context.close();
});

test("a tampered credential is INVALID", async () => {
  const { context, page } = await freshPage();
  await page.goto(`${reg.url}/v#${scene.tampered}`);
  assert.equal(await verdictOf(page), "invalid");
  assert.ok((await outcomes(page)).some(([, o]) => o === "fail"));
  await context.close();
});

test("with the bundle past its next update the answer is COULD NOT BE CHECKED", async () => {
  const { context, page } = await freshPage();
  await page.clock.install({ time: new Date(Date.now() + 3 * 86400e3) });
  await page.goto(scene.nurseLink);
  assert.equal(await verdictOf(page), "indeterminate");
  assert.match(await page.textContent("#verdict"), /Could not be checked/i);
  assert.deepEqual((await outcomes(page)).find((c) => c[0] === "bundle-fresh"), ["bundle-fresh", "indeterminate"]);
  assert.ok(await page.isVisible("#trust-stale"));
  await page.screenshot({ path: path.join(SHOTS, "stale-1280x800.png") });
  await context.close();
});

test("a card PNG chosen as a file verifies", async () => {
  const { context, page, requests } = await freshPage();
  await page.goto(`${reg.url}/`);
  await page.waitForSelector("body[data-ready=true]");
  await page.setInputFiles("#file", scene.card);
  assert.equal(await verdictOf(page), "valid");
  assert.ok(await page.isVisible("text=Read from a printed card's code."));
  assertNothingSent(requests, needles(scene.nurse));
  await context.close();
});

/** The card as a phone photographs it: scaled to `width` px, turned, blurred, JPEG. */
async function photograph(context, png, { width, degrees, blur, quality }) {
  const page = await context.newPage();
  const [jpeg, png_] = await page.evaluate(
    async ({ png, width, degrees, blur, quality }) => {
      const bytes = Uint8Array.from(atob(png), (c) => c.charCodeAt(0));
      const card = await createImageBitmap(new Blob([bytes], { type: "image/png" }));
      const height = Math.round((card.height * width) / card.width);
      const canvas = new OffscreenCanvas(width, height);
      const ctx = canvas.getContext("2d");
      ctx.fillStyle = "#d8d4cc"; // a desk
      ctx.fillRect(0, 0, width, height);
      ctx.translate(width / 2, height / 2);
      ctx.rotate((degrees * Math.PI) / 180);
      ctx.scale(0.92, 0.92);
      ctx.filter = `blur(${blur}px)`;
      ctx.drawImage(card, -width / 2, -height / 2, width, height);
      const jpegBlob = await canvas.convertToBlob({ type: "image/jpeg", quality });
      // The same pixels as PNG, for the command line (which reads PNG only).
      const decoded = await createImageBitmap(jpegBlob);
      const again = new OffscreenCanvas(width, height);
      again.getContext("2d").drawImage(decoded, 0, 0);
      const pngBlob = await again.convertToBlob({ type: "image/png" });
      const b64 = async (blob) => {
        let s = "";
        for (const b of new Uint8Array(await blob.arrayBuffer())) s += String.fromCharCode(b);
        return btoa(s);
      };
      return [await b64(jpegBlob), await b64(pngBlob)];
    },
    { png: readFileSync(png).toString("base64"), width, degrees, blur, quality },
  );
  await page.close();
  return { jpeg: Buffer.from(jpeg, "base64"), png: Buffer.from(png_, "base64") };
}

// The decoder the page uses (jsQR) on the card as phones photograph it, at phone-photo
// resolutions; the command line's decoder (rqrr) on the same photos for comparison
// (BENCHMARKS.md, section 8, quotes this test's table).
test("a photographed card (small, turned, blurred, JPEG) verifies in the page", async (t) => {
  const shots = [];
  for (const width of [434, 540, 640, 800, 1080, 3024]) {
    shots.push({ width, degrees: 0, blur: 0, quality: 0.8 });
    shots.push({ width, degrees: 3, blur: width / 1000, quality: 0.7 });
    shots.push({ width, degrees: -6, blur: width / 600, quality: 0.6 });
  }
  const { context, page, requests } = await freshPage({ width: 390, height: 844 });
  await page.goto(`${reg.url}/`);
  await page.waitForSelector("body[data-ready=true]");
  const rows = [];
  for (const shot of shots) {
    const { jpeg, png } = await photograph(context, scene.card, shot);
    const file = path.join(dir, `photo-${shot.width}-${shot.degrees}.jpg`);
    writeFileSync(file, jpeg);
    writeFileSync(`${file}.png`, png);
    await page.evaluate(() => document.getElementById("result-body").textContent = "");
    await page.setInputFiles("#file", file);
    const page_ = await verdictOf(page);
    let cli;
    try {
      cli = JSON.parse(run(["verify", "--qr-image", `${file}.png`, "--bundle", "current.jws", "--anchor", reg.anchor, "--state", "seen-photo.json", "--json"], { allowFail: true })).verdict;
    } catch {
      cli = "unread";
    }
    rows.push({ shot, page: page_, cli, line: `${shot.width} px, ${shot.degrees}°, blur ${shot.blur.toFixed(1)} px, JPEG ${shot.quality * 100}% (${jpeg.length} bytes): page (jsQR) ${page_}, command line (rqrr) ${cli}` });
    // From 1080 px wide (a phone camera's video frame; its photos are wider still) every
    // shot reads; below, some do (the table).
    if (shot.width >= 1080) assert.equal(page_, "valid", rows.at(-1).line);
    // Whatever the page reads, it reads right.
    assert.ok(["valid", "unreadable"].includes(page_), rows.at(-1).line);
  }
  for (const r of rows) t.diagnostic(r.line);
  const read = (who) => rows.filter((r) => r[who] === "valid").length;
  t.diagnostic(`read: page (jsQR) ${read("page")} of ${rows.length}, command line (rqrr) ${read("cli")} of ${rows.length}`);
  // Why the page uses jsQR and not rqrr compiled in: it reads more of these.
  assert.ok(read("page") > read("cli"), `jsQR ${read("page")}, rqrr ${read("cli")}`);
  assertNothingSent(requests, needles(scene.nurse));
  await context.close();
});

test("after the first load, with the network cut, a new credential verifies from the stored bundle", async () => {
  const { context, page, requests } = await freshPage();
  await page.goto(`${reg.url}/v`);
  await page.waitForSelector("body[data-ready=true]");
  await page.evaluate(() => navigator.serviceWorker.ready);
  await context.setOffline(true);
  // In the open page…
  await page.fill("#paste", scene.second);
  await page.click("#verify");
  assert.equal(await verdictOf(page), "valid");
  // …and in the page opened again from a card's link, with no network at all.
  await page.goto(scene.secondLink);
  assert.equal(await verdictOf(page), "valid");
  assertNothingSent(requests, needles(scene.second, scene.secondLink.split("#")[1]));
  await context.close();
});

/** The detail of the trust-bundle check `skillpass verify` gives for this bundle and memory. */
function cliRefusal(bundleFile, seenFile) {
  const out = run(["verify", "nurse.jwt", "--bundle", bundleFile, "--anchor", reg.anchor, "--state", seenFile, "--json"], { allowFail: true });
  const report = JSON.parse(out);
  assert.equal(report.verdict, "invalid");
  return report.checks.find((c) => c.name === "trust-bundle").detail;
}

test("a bundle signed by another key is refused as on the command line", async () => {
  run(["key", "new", "--out", "other.key"]);
  run(["bundle", "build", "--anchor", "other.key", "--issuer", scene.college, "--name", "Manila College of Nursing", "--country", "PH", "--accredit", "QualificationCredential:PQF-6", "--out", "other.jws"]);
  const other = readFileSync(path.join(dir, "other.jws"), "utf8");
  const { context, page } = await freshPage();
  await context.route("**/bundle", (route) => route.fulfill({ status: 200, contentType: "application/jwt", body: other }));
  await page.goto(`${reg.url}/v#${scene.nurse}`);
  assert.equal(await verdictOf(page), "invalid");
  const detail = await page.textContent('#checks li[data-check="trust-bundle"] .detail');
  assert.equal(detail, cliRefusal("other.jws", path.join(dir, "seen-empty.json")));
  assert.ok(await page.isVisible("#trust-alert"));
  await context.close();
});

test("an older bundle and a different bundle with a sequence already seen are refused as on the command line", async () => {
  const current = readFileSync(path.join(dir, "current.jws"), "utf8");
  const sequence = JSON.parse(Buffer.from(current.split(".")[1], "base64url")).sequence;
  const operator = path.join(reg.data, "operator.key");
  const build = (out, seq, scope) =>
    run(["bundle", "build", "--anchor", operator, "--fresh", "--sequence", String(seq), "--issuer", scene.college, "--name", "Manila College of Nursing", "--country", "PH", "--accredit", scope, "--out", out]);
  build("older.jws", 1, "QualificationCredential:PQF-6");
  build("equivocating.jws", sequence, "QualificationCredential:PQF-5");
  const { context, page } = await freshPage();
  // The page has seen the registry's bundle `sequence`.
  await context.route("**/bundle", (route) => route.fulfill({ status: 200, contentType: "application/jwt", body: current }));
  await page.goto(`${reg.url}/v`);
  await page.waitForSelector("body[data-ready=true]");
  assert.match(await page.textContent("#trust-bundle"), new RegExp(`Trust bundle ${sequence}`));
  // The command line with the same memory: it has seen `current.jws`.
  run(["verify", "nurse.jwt", "--bundle", "current.jws", "--anchor", reg.anchor, "--state", "seen-current.json"], { allowFail: true });
  await page.click("#bundle-file summary");
  for (const file of ["older.jws", "equivocating.jws"]) {
    writeFileSync(path.join(dir, `seen-${file}.json`), readFileSync(path.join(dir, "seen-current.json")));
    const expected = cliRefusal(file, path.join(dir, `seen-${file}.json`));
    await page.setInputFiles("#bundle-input", path.join(dir, file));
    await page.fill("#anchor-input", reg.anchor);
    await page.click("#bundle-form button[type=submit]");
    await page.waitForSelector("#trust-alert:not([hidden])");
    const alert = await page.textContent("#trust-alert");
    assert.ok(alert.includes(expected), `${file}: page said ${alert}, the command line ${expected}`);
    // The page keeps verifying with the bundle it trusted.
    await page.fill("#paste", scene.nurse);
    await page.click("#verify");
    assert.equal(await verdictOf(page), "valid");
    await page.evaluate(() => {
      document.getElementById("trust-alert").hidden = true;
      document.getElementById("result-body").textContent = "";
    });
  }
  await context.close();
});

test("a changed operator key is announced before anything else", async () => {
  const { context, page } = await freshPage();
  await page.goto(`${reg.url}/v`);
  await page.waitForSelector("body[data-ready=true]");
  const stranger = "did:key:z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp";
  await context.route("**/verifier-config.json", (route) => route.fulfill({ status: 200, contentType: "application/json", body: JSON.stringify({ anchor: stranger, bundleUrl: "bundle" }) }));
  await page.reload();
  await page.waitForSelector("#anchor-alert:not([hidden])");
  const first = await page.evaluate(() => document.querySelector("body > [role=alert]:not([hidden])").id);
  assert.equal(first, "anchor-alert");
  assert.match(await page.textContent("#anchor-alert"), new RegExp(stranger));
  // Until accepted, the remembered anchor stays pinned.
  assert.equal(await page.textContent("#trust-anchor"), reg.anchor);
  await context.close();
});

test("the page is usable with the keyboard alone and every control is labelled", async () => {
  const { context, page } = await freshPage({ width: 390, height: 844 });
  await page.goto(`${reg.url}/`);
  await page.waitForSelector("body[data-ready=true]");
  const unlabelled = await page.$$eval("input, textarea, select", (els) => els.filter((e) => !e.labels || e.labels.length === 0).map((e) => e.id));
  assert.deepEqual(unlabelled, []);
  await page.focus("#paste");
  await page.keyboard.insertText(scene.nurse);
  await page.keyboard.press("Tab");
  await page.keyboard.press("Enter");
  assert.equal(await verdictOf(page), "valid");
  assert.equal(await page.evaluate(() => document.activeElement.id), "verdict");
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 390, `the page is ${width} px wide at 390`);
  await context.close();
});

test("the registry serves the page with a strict Content-Security-Policy and the wasm compressed", async () => {
  const page = await fetch(`${reg.url}/v`);
  const csp = page.headers.get("content-security-policy");
  assert.match(csp, /script-src 'self' 'wasm-unsafe-eval';/);
  assert.match(csp, /connect-src 'self';/);
  assert.match(csp, /frame-ancestors 'none'/);
  assert.ok(!/unsafe-inline/.test(csp));
  const html = await page.text();
  assert.ok(!/<script>/.test(html) && !/https?:\/\//.test(html.replace(/<meta[^>]*>/g, "")), "inline script or external resource");
  const wasm = await fetch(`${reg.url}/web/verifier_web_bg.wasm`, { headers: { "Accept-Encoding": "gzip" } });
  assert.equal(wasm.headers.get("content-type"), "application/wasm");
  assert.equal(wasm.headers.get("content-encoding"), "gzip");
  const config = await (await fetch(`${reg.url}/verifier-config.json`)).json();
  assert.equal(config.anchor, reg.anchor);
});

test("a German browser reads the page and the verdict in German; the switch to Arabic turns it right to left and is kept after a reload", async () => {
  const { context, page } = await freshPage({ width: 1280, height: 800 }, "de-DE");
  await page.goto(scene.nurseLink);
  assert.equal(await verdictOf(page), "valid");
  assert.equal(await page.getAttribute("html", "lang"), "de");
  assert.equal(await page.getAttribute("html", "dir"), "ltr");
  assert.equal(await page.inputValue("#lang"), "de");
  assert.equal(await page.textContent("#verdict .word"), "Gültig");
  assert.equal(await page.textContent("#verdict-help"), "Alle Prüfungen bestanden.");
  assert.equal(await page.textContent("#result-heading"), "Ergebnis");
  assert.equal(await page.textContent("#input-heading"), "Nachweis prüfen");
  assert.equal(await page.title(), "Skillpass-Prüfung");
  assert.match(await page.textContent("#issuer"), /Manila College of Nursing \(in der Vertrauensliste eingetragen, PH\)/);
  assert.match(await page.textContent("#trust-bundle"), /^Vertrauensliste \d+, ausgestellt .* \(vor .*\), nächste Aktualisierung /);
  // Every check in German: its mark, its name and what it found; the codes stay.
  const checks = await page.$$eval("#checks li", (lis) => lis.map((li) => [li.dataset.check, li.querySelector(".outcome").textContent, li.querySelector(".name").textContent, li.querySelector(".detail").textContent]));
  assert.equal(checks.length, 10);
  assert.deepEqual(checks[5].slice(0, 3), ["signature", "bestanden", "Signatur"]);
  assert.ok(checks.every((c) => c[1] === "bestanden"), JSON.stringify(checks));
  assert.ok(!checks.some((c) => /\b(the|is|by|not)\b/.test(c[3])), `English in a German check: ${JSON.stringify(checks)}`);
  assert.match(await page.textContent("#words"), /^GÜLTIG/);

  // The switch: Arabic, right to left, the same verdict worded in Arabic.
  await page.selectOption("#lang", "ar");
  await page.waitForSelector("html[dir=rtl]");
  assert.equal(await page.getAttribute("html", "lang"), "ar");
  assert.equal(await verdictOf(page), "valid");
  assert.equal(await page.textContent("#verdict .word"), "صالحة");
  assert.equal(await page.textContent("#result-heading"), "النتيجة");
  assert.match(await page.textContent("#words"), /^صالحة/);
  assert.equal(await page.textContent("#checks li[data-check=signature] .name"), "التوقيع");
  assert.equal(await page.textContent("#checks li[data-check=signature] .outcome"), "ناجح");
  const direction = await page.$eval("main", (m) => getComputedStyle(m).direction);
  assert.equal(direction, "rtl");

  // Kept after a reload, over the browser's German.
  await page.reload();
  await page.waitForSelector("body[data-ready=true]");
  assert.equal(await page.getAttribute("html", "dir"), "rtl");
  assert.equal(await page.inputValue("#lang"), "ar");
  assert.equal(await page.textContent("#status-line"), "لم يُتحقَّق من شيء بعد.");
  await page.fill("#paste", scene.nurse);
  await page.click("#verify");
  assert.equal(await verdictOf(page), "valid");
  assert.equal(await page.textContent("#verdict .word"), "صالحة");
  await page.screenshot({ path: path.join(SHOTS, "valid-ar-1280x800.png") });
  await context.close();
});

test("a browser in a language the catalogs lack gets the next language it prefers, else English", async () => {
  for (const [locale, lang, word] of [["pt-BR", "en", "Valid"], ["fr-CA", "fr", "Valide"], ["es-MX", "es", "Válida"], ["fil-PH", "fil", "Balido"]]) {
    const { context, page } = await freshPage({ width: 1280, height: 800 }, locale);
    await page.goto(scene.nurseLink);
    assert.equal(await verdictOf(page), "valid");
    assert.equal(await page.getAttribute("html", "lang"), lang, locale);
    assert.equal(await page.textContent("#verdict .word"), word, locale);
    await context.close();
  }
});

test("a problem is worded in the reader's language and again when the language changes", async () => {
  const { context, page } = await freshPage({ width: 1280, height: 800 }, "de-DE");
  await page.goto(`${reg.url}/`);
  await page.waitForSelector("body[data-ready=true]");
  await page.fill("#paste", "SP1:%%%");
  await page.click("#verify");
  assert.equal(await verdictOf(page), "unreadable");
  assert.equal(await page.getAttribute("#problem", "data-code"), "not-a-paper-code");
  assert.match(await page.textContent("#problem"), /^Der gescannte Code ist kein Skillpass-Nachweis: /);
  await page.selectOption("#lang", "fr");
  await page.waitForSelector("html[lang=fr]");
  await page.waitForFunction(() => document.querySelector("#problem")?.textContent.startsWith("Le code scanné"));
  assert.equal(await page.textContent("#verdict .word"), "Illisible");
  await context.close();
});
