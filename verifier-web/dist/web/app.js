// The Skillpass verifier page. Everything about a credential is decided by the Rust
// verifier compiled to WebAssembly (verifier_web.js, the same code as `skillpass verify`);
// this file only gathers input (a link's fragment, a file, pasted text, the camera), keeps
// the trust bundle and the memory of bundles in this browser, and shows the answer.
//
// Words: every sentence the page writes comes from the Fluent catalogs compiled into the
// WebAssembly module (credential-core/locales/<lang>/skillpass.ftl, messages `page-*`), in
// the reader's language: the one chosen with the switch (remembered), else the first of
// the browser's languages the catalogs speak (exact tag, then base language), else English.
//
// Network: the page fetches only itself, verifier-config.json and the trust bundle. No
// request ever carries any part of a credential; a credential in a link stays in the
// fragment (after #), which browsers do not send, and the page removes it from the
// address bar once read.
"use strict";
(() => {
  const MAX_FILE = 32 * 1024 * 1024;
  const $ = (id) => document.getElementById(id);
  // Said before the module (and its catalogs) could load, so in English alone.
  const LOAD_FAILED = "The verifier could not be loaded: ";

  let LANG = "en";
  let LANGUAGES = [];

  /** The page's words: the catalog message `page-<key>` in the reader's language. */
  function t(key, params = {}) {
    return wasm_bindgen.say(LANG, key.replace(/\./g, "-"), JSON.stringify(params));
  }

  function el(tag, attrs = {}, ...children) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs)) {
      if (v === undefined || v === null || v === false) continue;
      if (k === "class") e.className = v;
      else e.setAttribute(k, v === true ? "" : v);
    }
    for (const c of children.flat()) {
      if (c === undefined || c === null || c === false) continue;
      e.append(c instanceof Node ? c : document.createTextNode(String(c)));
    }
    return e;
  }

  // ---- Storage: IndexedDB (bundles can be megabytes), in memory when unavailable. ----
  const memoryStore = new Map();
  let dbPromise = null;
  function db() {
    if (!dbPromise) {
      dbPromise = new Promise((resolve) => {
        try {
          const req = indexedDB.open("skillpass-verifier", 1);
          req.onupgradeneeded = () => req.result.createObjectStore("kv");
          req.onsuccess = () => resolve(req.result);
          req.onerror = () => resolve(null);
        } catch {
          resolve(null);
        }
      });
    }
    return dbPromise;
  }
  async function load(key) {
    const d = await db();
    if (!d) return memoryStore.get(key);
    return new Promise((resolve) => {
      const req = d.transaction("kv").objectStore("kv").get(key);
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => resolve(undefined);
    });
  }
  async function save(key, value) {
    const d = await db();
    if (!d) {
      memoryStore.set(key, value);
      return;
    }
    await new Promise((resolve) => {
      const tx = d.transaction("kv", "readwrite");
      tx.objectStore("kv").put(value, key);
      tx.oncomplete = resolve;
      tx.onerror = resolve;
    });
  }

  // ---- State ----
  const state = {
    config: null, // {anchor, bundleUrl} from verifier-config.json
    anchor: null, // the pinned anchor: the remembered one, or the config's on first use
    proposedAnchor: null, // a config anchor that differs from the pinned one
    session: null, // wasm Session over the current bundle
    trust: null, // {bundle, etag, seen}
    notice: null, // the last trust message: {key, params} of a page message
    alert: null, // the trust alert: page messages ({key, params}) or the verifier's words ({text})
    redraw: null, // shows the last result again (in another language)
    switching: false, // true while the language changes
  };

  function problemOf(e) {
    try {
      return JSON.parse(String(e)).problem;
    } catch {
      return { code: "error", message: String(e && e.message ? e.message : e) };
    }
  }

  /** Opens a session for `bundle`; answers {session} or {problem}. */
  function openSession(anchor, bundle, seen) {
    try {
      return { session: new wasm_bindgen.Session(anchor, bundle, seen || "", LANG) };
    } catch (e) {
      return { problem: problemOf(e) };
    }
  }

  function info(session) {
    return JSON.parse(session.info(Date.now()));
  }

  function replaceSession(next) {
    if (state.session && state.session !== next) state.session.free();
    state.session = next;
  }

  /** Admits `text` as a newer bundle; keeps the current one when it is refused. */
  async function offerBundle(text, etag, anchor) {
    const seen = state.trust ? state.trust.seen : "";
    const opened = openSession(anchor, text, seen);
    if (opened.problem) {
      showTrustProblem(opened.problem);
      return false;
    }
    const s = opened.session;
    const i = info(s);
    if (!i.accepted) {
      if (state.session && info(state.session).accepted) {
        s.free();
        alertTrust({ key: "trust.refused", params: { why: i.refusal } }, { key: "trust.kept", params: { sequence: info(state.session).sequence } });
      } else {
        // Nothing better: every report says why, as on the command line.
        replaceSession(s);
        alertTrust({ key: "trust.refused", params: { why: i.refusal } });
      }
      renderTrust();
      return false;
    }
    state.trust = { bundle: text, etag: etag || null, seen: s.seen() };
    await save("trust", state.trust);
    replaceSession(s);
    state.notice = { key: "trust.updated", params: { sequence: i.sequence } };
    renderTrust();
    return true;
  }

  /** Fetches the bundle with its ETag; a 304 or a failure keeps what is stored. */
  async function refreshBundle() {
    if (!state.config || !state.config.bundleUrl || !state.anchor) return;
    state.notice = { key: "trust.refreshing" };
    renderTrust();
    const headers = {};
    // Across origins an If-None-Match would need a CORS preflight: only on our own.
    const sameOrigin = new URL(state.config.bundleUrl).origin === location.origin;
    if (sameOrigin && state.trust && state.trust.etag) headers["If-None-Match"] = state.trust.etag;
    let response;
    try {
      response = await fetch(state.config.bundleUrl, { headers, cache: "no-cache", credentials: "omit", referrerPolicy: "no-referrer" });
    } catch (e) {
      state.notice = { key: "trust.offline", params: { why: String(e.message || e) } };
      renderTrust();
      return;
    }
    if (response.status === 304) {
      state.notice = { key: "trust.up-to-date" };
      renderTrust();
      return;
    }
    if (!response.ok) {
      state.notice = { key: "trust.offline", params: { why: `HTTP ${response.status}` } };
      renderTrust();
      return;
    }
    const text = await response.text();
    if (state.trust && text.trim() === state.trust.bundle.trim()) {
      state.trust.etag = response.headers.get("ETag");
      await save("trust", state.trust);
      state.notice = { key: "trust.up-to-date" };
      renderTrust();
      return;
    }
    await offerBundle(text, response.headers.get("ETag"), state.anchor);
  }

  // ---- Trust display ----
  function fmtTime(iso) {
    const d = new Date(iso);
    if (Number.isNaN(d.getTime())) return iso;
    return d.toISOString().replace("T", " ").replace(/:\d\d\.\d+Z$/, " UTC");
  }
  function fmtAge(ms) {
    const m = Math.max(0, Math.round(ms / 60000));
    if (m < 60) return t("age-minutes", { n: m });
    const h = Math.round(m / 60);
    if (h < 48) return t("age-hours", { n: h });
    return t("age-days", { n: Math.round(h / 24) });
  }

  /** Raises the trust alert, made of page messages ({key, params}) and the verifier's own
   * words ({text}, already in the reader's language). */
  function alertTrust(...parts) {
    state.alert = parts;
    showAlert();
  }

  function showAlert() {
    const a = $("trust-alert");
    a.textContent = state.alert.map((m) => (m.key ? t(m.key, m.params) : m.text)).join(" ");
    a.hidden = false;
  }

  function hideAlert() {
    state.alert = null;
    $("trust-alert").hidden = true;
  }

  function showTrustProblem(p) {
    alertTrust({ text: p.text || p.message });
    if (p.code === "memory-damaged") $("forget").hidden = false;
  }

  function renderTrust() {
    const body = $("trust-body");
    body.replaceChildren();
    const facts = el("dl", { class: "facts" });
    facts.append(el("dt", {}, t("trust.anchor")), el("dd", { class: "did", id: "trust-anchor" }, state.anchor || "—"));
    body.append(facts);
    if (!state.anchor) body.append(el("p", {}, t("trust.no-anchor")));
    if (state.session) {
      const i = info(state.session);
      if (i.accepted) {
        const age = Date.now() - new Date(i.issuedAt).getTime();
        body.append(
          el("p", { id: "trust-bundle" },
            el("strong", {}, t("trust.bundle", { sequence: i.sequence })), ", ",
            t("trust.issued", { when: fmtTime(i.issuedAt), age: fmtAge(age) }), ", ",
            t("trust.next", { when: fmtTime(i.nextUpdate) })),
          el("p", { class: "muted" }, t("trust.contents", { issuers: i.issuers, lists: i.statusLists, decisions: i.decisions })),
        );
        if (!i.fresh) body.append(el("p", { class: "alert danger", id: "trust-stale" }, t("trust.stale")));
      } else {
        body.append(el("p", { id: "trust-bundle" }, t("trust.refused", { why: i.refusal })));
      }
    } else {
      body.append(el("p", { id: "trust-bundle" }, t("trust.none")));
    }
    if (state.notice) body.append(el("p", { class: "muted", id: "trust-notice" }, t(state.notice.key, state.notice.params)));
    $("refresh").hidden = !(state.config && state.config.bundleUrl);
  }

  // ---- Verifying ----
  function options() {
    return JSON.stringify({
      nowMs: Date.now(),
      country: $("country").value || null,
      audience: $("audience").value || null,
      nonce: $("nonce").value || null,
      lang: LANG,
    });
  }

  async function ensureFresh() {
    if (!state.session || !state.config || !state.config.bundleUrl) return;
    const i = info(state.session);
    if (i.accepted && !i.fresh && navigator.onLine !== false) await refreshBundle();
  }

  /** Verifies `input` (a string, or the bytes of a file). */
  async function verify(input) {
    // A change of language words the same input again.
    state.redraw = () => verify(input);
    await ensureFresh();
    if (!state.session) {
      showProblem({ code: "no-bundle", key: "no-bundle" });
      return;
    }
    const answer = JSON.parse(
      typeof input === "string" ? state.session.verify(input, options()) : state.session.verifyBytes(input, options()),
    );
    if (answer.problem) showProblem(answer.problem);
    else showAnswer(answer);
  }

  /** Shows why nothing could be verified: the verifier's problem (`text` in the reader's
   * language), or the page's own (`key` and `params` of its message). */
  function showProblem(p) {
    if (p.key) state.redraw = () => showProblem(p);
    const body = $("result-body");
    const text = p.key ? t(p.key, p.params) : p.text || p.message;
    body.replaceChildren(
      el("div", { class: "verdict unreadable", id: "verdict", "data-verdict": "unreadable", tabindex: "-1" },
        el("span", { class: "icon", "aria-hidden": "true" }, "?"),
        el("div", {}, el("p", { class: "word" }, t("result.unreadable")), el("p", { id: "problem", "data-code": p.code }, text))),
    );
    focusVerdict();
  }

  /** Moves focus to a new verdict, but not when the reader only changed the language. */
  function focusVerdict() {
    if (!state.switching) $("verdict").focus();
  }

  const ICONS = { valid: "✓", invalid: "✗", indeterminate: "?" };

  function notPassing(checks, outcome) {
    return checks.filter((c) => c.outcome === outcome).map((c) => c.label);
  }

  function showAnswer(a) {
    const v = a.view;
    const allChecks = [...(v.holderChecks || []), ...v.credentials.flatMap((c) => c.checks)];
    let help;
    if (a.verdict === "valid") help = t("verdict.valid-help");
    else if (a.verdict === "invalid") help = t("verdict.invalid-help", { checks: [...new Set(notPassing(allChecks, "fail"))].join(", ") });
    else help = t("verdict.indeterminate-help", { checks: [...new Set([...notPassing(allChecks, "indeterminate"), ...notPassing(allChecks, "skipped")])].join(", ") });
    const body = $("result-body");
    const parts = [
      el("div", { class: `verdict ${a.verdict}`, id: "verdict", "data-verdict": a.verdict, tabindex: "-1" },
        el("span", { class: "icon", "aria-hidden": "true" }, ICONS[a.verdict]),
        el("div", {}, el("p", { class: "word" }, t(`verdict.${a.verdict}`)), el("p", { id: "verdict-help" }, help))),
    ];
    if (a.paper) parts.push(el("p", { class: "muted" }, t("result.from-paper")));
    if (v.holderDid) parts.push(el("dl", { class: "facts" }, el("dt", {}, t("field.holder-did")), el("dd", { class: "did" }, v.holderDid)));
    if (v.holderChecks) {
      parts.push(el("h3", {}, t("checks.holder-heading")), checkList(v.holderChecks, "holder-checks"));
    }
    if (v.disclosed) {
      const list = (xs) => (xs.length ? xs.join(", ") : t("disclosed.none"));
      parts.push(
        el("h3", {}, t("disclosed.heading")),
        el("dl", { class: "facts", id: "disclosure" },
          el("dt", {}, t("disclosed.yes")), el("dd", { id: "disclosed" }, list(v.disclosed)),
          el("dt", {}, t("disclosed.no")), el("dd", { id: "not-disclosed" }, list(v.notDisclosed))),
      );
    }
    v.credentials.forEach((c, n) => parts.push(credentialPart(c, n, v.credentials.length)));
    parts.push(el("details", {}, el("summary", {}, t("words.heading")), el("pre", { class: "words", id: "words" }, a.words)));
    body.replaceChildren(...parts);
    focusVerdict();
  }

  function credentialPart(c, n, count) {
    const wrap = el("div", { class: "credential", "data-verdict": c.verdict });
    if (count > 1) wrap.append(el("h3", {}, t("result.credential", { n: n + 1 })));
    const facts = el("dl", { class: "facts", id: count > 1 ? undefined : "facts" });
    const row = (key, value, id) => value && facts.append(el("dt", {}, t(key)), el("dd", { id }, value));
    if (c.holder) {
      row("field.holder", `${c.holder.name} ${t(c.holder.verified ? "field.holder-verified" : "field.holder-stated")}`, "holder");
    }
    row("field.title", c.title, "title");
    row("field.level", c.levels && c.levels.join(", "), "level");
    row("field.type", c.type, "type");
    if (c.issuer) {
      row("field.issuer", c.issuer.registered ? t("field.issuer-registered", { name: c.issuer.name, country: c.issuer.country }) : t("field.issuer-unknown", { did: c.issuer.did }), "issuer");
    }
    row("field.valid-from", c.validFrom && fmtTime(c.validFrom), "valid-from");
    row("field.valid-until", c.validUntil && fmtTime(c.validUntil), "valid-until");
    wrap.append(facts, el("h3", {}, t("checks.heading")), checkList(c.checks, count > 1 ? undefined : "checks"));
    if (c.equivalence) {
      const country = $("country").value;
      wrap.append(el("h3", {}, t("meaning.heading", { country })), el("div", { class: "meaning", id: count > 1 ? undefined : "meaning" }, c.equivalence));
    }
    for (const why of c.untrustedDecisions || []) wrap.append(el("p", { class: "muted" }, t("meaning.untrusted", { why })));
    return wrap;
  }

  function checkList(checks, id) {
    return el("ol", { class: "checks", id },
      checks.map((c) =>
        el("li", { "data-check": c.name, "data-outcome": c.outcome },
          el("span", { class: `outcome ${c.outcome}` }, c.mark),
          el("span", { class: "name" }, c.label),
          el("span", { class: "detail" }, c.text))));
  }

  // ---- Images, PDFs, the camera ----
  function scanImageData(data) {
    const found = self.jsQR(data.data, data.width, data.height, { inversionAttempts: "attemptBoth" });
    return found ? found.data : null;
  }

  async function imageToData(blob) {
    const bitmap = await createImageBitmap(blob);
    // Phone photos are large: a code of a few hundred modules reads as well at 1600 px.
    const scale = Math.min(1, 1600 / Math.max(bitmap.width, bitmap.height));
    const w = Math.max(1, Math.round(bitmap.width * scale));
    const h = Math.max(1, Math.round(bitmap.height * scale));
    const canvas = document.createElement("canvas");
    canvas.width = w;
    canvas.height = h;
    const ctx = canvas.getContext("2d", { willReadFrequently: true });
    ctx.drawImage(bitmap, 0, 0, w, h);
    bitmap.close();
    return ctx.getImageData(0, 0, w, h);
  }

  async function scanImage(blob) {
    let data;
    try {
      data = await imageToData(blob);
    } catch (e) {
      return { problem: { code: "image-unreadable", key: "image.unreadable", params: { why: String(e.message || e) } } };
    }
    const text = scanImageData(data);
    return text ? { text } : { problem: { code: "image-no-code", key: "image.no-code" } };
  }

  async function verifyFile(file) {
    if (file.size > MAX_FILE) {
      showProblem({ code: "file-too-large", key: "file.too-large", params: { max: MAX_FILE / 1048576 } });
      return;
    }
    $("status-line") && ($("status-line").textContent = t("result.reading", { what: file.name }));
    const bytes = new Uint8Array(await file.arrayBuffer());
    const isPng = bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47;
    const isJpeg = bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff;
    const isPdf = bytes[0] === 0x25 && bytes[1] === 0x50 && bytes[2] === 0x44 && bytes[3] === 0x46;
    if (isPng || isJpeg) {
      const r = await scanImage(new Blob([bytes], { type: isPng ? "image/png" : "image/jpeg" }));
      return r.text ? verify(r.text) : showProblem(r.problem);
    }
    if (isPdf) {
      const found = JSON.parse(wasm_bindgen.findInPdf(bytes));
      if (found.texts && found.texts.length) return verify(found.texts[0]);
      for (const [start, end] of found.images || []) {
        const r = await scanImage(new Blob([bytes.subarray(start, end)], { type: "image/jpeg" }));
        if (r.text) return verify(r.text);
      }
      return showProblem({ code: "pdf-nothing", key: "pdf.nothing" });
    }
    return verify(bytes);
  }

  let camera = null;
  async function startCamera() {
    const video = $("camera");
    try {
      camera = await navigator.mediaDevices.getUserMedia({ video: { facingMode: "environment" }, audio: false });
    } catch (e) {
      showProblem({ code: "camera", key: "input.camera-failed", params: { why: String(e.message || e) } });
      return;
    }
    video.srcObject = camera;
    video.hidden = false;
    $("camera-help").hidden = false;
    $("camera-stop").hidden = false;
    $("camera-start").hidden = true;
    await video.play();
    const canvas = document.createElement("canvas");
    const ctx = canvas.getContext("2d", { willReadFrequently: true });
    const tick = () => {
      if (!camera) return;
      if (video.videoWidth) {
        canvas.width = video.videoWidth;
        canvas.height = video.videoHeight;
        ctx.drawImage(video, 0, 0);
        const text = scanImageData(ctx.getImageData(0, 0, canvas.width, canvas.height));
        if (text) {
          stopCamera();
          verify(text);
          return;
        }
      }
      setTimeout(tick, 200);
    };
    tick();
  }
  function stopCamera() {
    if (camera) camera.getTracks().forEach((track) => track.stop());
    camera = null;
    $("camera").hidden = true;
    $("camera-help").hidden = true;
    $("camera-stop").hidden = true;
    $("camera-start").hidden = false;
    $("camera-start").focus();
  }

  // ---- Language ----
  function translate() {
    document.querySelectorAll("[data-t]").forEach((e) => (e.textContent = t(e.dataset.t)));
    document.title = t("title");
  }

  /** The reader's language: the one they chose here, else the browser's, else English. */
  function initialLanguage() {
    const chosen = localStorage.getItem("skillpass.lang");
    if (chosen && LANGUAGES.some((l) => l.tag === chosen)) return chosen;
    const browser = navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language || "en"];
    return wasm_bindgen.chooseLanguage(JSON.stringify(browser));
  }

  /** Shows the page in `tag`: its own words, its direction, and the last answer again. */
  async function setLanguage(tag) {
    LANG = tag;
    const lang = LANGUAGES.find((l) => l.tag === tag);
    document.documentElement.lang = tag;
    document.documentElement.dir = lang ? lang.dir : "ltr";
    $("lang").value = tag;
    translate();
    if (state.alert) showAlert();
    if (!$("anchor-alert").hidden) {
      $("anchor-alert-body").textContent = t("anchor.changed-body", { old: state.anchor, new: state.proposedAnchor });
    }
    renderTrust();
    if (state.redraw) {
      state.switching = true;
      try {
        await state.redraw();
      } finally {
        state.switching = false;
      }
    }
  }

  // ---- Start ----
  async function loadScript(src) {
    await new Promise((resolve, reject) => {
      const s = document.createElement("script");
      s.src = src;
      s.onload = resolve;
      s.onerror = () => reject(new Error(`cannot load ${src}`));
      document.head.append(s);
    });
  }

  async function loadWasm() {
    if (location.protocol === "file:") {
      // Opened from disk: browsers refuse fetch() of files, but load scripts;
      // `skillpass web build` writes the module as base64 into this script.
      await loadScript("web/verifier_web_bg.wasm.js");
      const bin = atob(self.SKILLPASS_WASM_BASE64);
      const bytes = new Uint8Array(bin.length);
      for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
      wasm_bindgen.initSync({ module: bytes });
    } else {
      await wasm_bindgen({ module_or_path: "web/verifier_web_bg.wasm" });
    }
  }

  async function loadConfig() {
    if (location.protocol === "file:") return null;
    try {
      const r = await fetch("verifier-config.json", { cache: "no-cache", credentials: "omit" });
      if (!r.ok) return null;
      const c = await r.json();
      if (c.bundleUrl) c.bundleUrl = new URL(c.bundleUrl, location.href).href;
      return c;
    } catch {
      return null;
    }
  }

  function showAnchorChange(oldAnchor, newAnchor) {
    $("anchor-alert-body").textContent = t("anchor.changed-body", { old: oldAnchor, new: newAnchor });
    $("anchor-alert").hidden = false;
    $("anchor-alert").focus();
  }

  async function readHash() {
    const hash = location.hash;
    if (hash.length <= 1) return;
    // Remove the credential from the address bar and the history entry once read.
    history.replaceState(null, "", location.pathname + location.search);
    await verify(location.href.split("#")[0] + hash);
  }

  async function start() {
    try {
      await loadWasm();
    } catch (e) {
      $("status-line").textContent = LOAD_FAILED + (e.message || e);
      return;
    }
    LANGUAGES = JSON.parse(wasm_bindgen.languages());
    for (const l of LANGUAGES) $("lang").append(el("option", { value: l.tag, lang: l.tag, dir: l.dir }, l.name));
    await setLanguage(initialLanguage());
    for (const d of JSON.parse(wasm_bindgen.destinations())) {
      $("country").append(el("option", { value: d.code }, d.label));
    }
    const remembered = localStorage.getItem("skillpass.country");
    if (remembered) $("country").value = remembered;
    state.config = await loadConfig();
    const pinned = await load("pinned");
    state.trust = (await load("trust")) || null;
    state.anchor = pinned || (state.config && state.config.anchor) || null;
    if (!pinned && state.anchor) await save("pinned", state.anchor);
    if (pinned && state.config && state.config.anchor && state.config.anchor !== pinned) {
      state.proposedAnchor = state.config.anchor;
      showAnchorChange(pinned, state.config.anchor);
    }
    if (state.trust && state.anchor) {
      const opened = openSession(state.anchor, state.trust.bundle, state.trust.seen);
      if (opened.problem) showTrustProblem(opened.problem);
      else replaceSession(opened.session);
    }
    renderTrust();
    $("status-line").dataset.t = "result.none";
    $("status-line").textContent = t("result.none");
    if (navigator.onLine !== false) await refreshBundle();
    await readHash();
    document.body.dataset.ready = "true";
    if ("serviceWorker" in navigator && location.protocol !== "file:") {
      navigator.serviceWorker.register("sw.js").catch(() => {});
    }
  }

  function wire() {
    $("paste-form").addEventListener("submit", (e) => {
      e.preventDefault();
      verify($("paste").value);
    });
    $("file").addEventListener("change", () => {
      const f = $("file").files[0];
      if (f) verifyFile(f);
    });
    const drop = $("drop");
    drop.addEventListener("dragover", (e) => {
      e.preventDefault();
      drop.classList.add("over");
    });
    drop.addEventListener("dragleave", () => drop.classList.remove("over"));
    drop.addEventListener("drop", (e) => {
      e.preventDefault();
      drop.classList.remove("over");
      const f = e.dataTransfer.files[0];
      if (f) verifyFile(f);
    });
    $("lang").addEventListener("change", () => {
      localStorage.setItem("skillpass.lang", $("lang").value);
      setLanguage($("lang").value);
    });
    $("camera-start").addEventListener("click", startCamera);
    $("camera-stop").addEventListener("click", stopCamera);
    $("country").addEventListener("change", () => localStorage.setItem("skillpass.country", $("country").value));
    $("refresh").addEventListener("click", refreshBundle);
    $("anchor-accept").addEventListener("click", async () => {
      state.anchor = state.proposedAnchor;
      await save("pinned", state.anchor);
      $("anchor-alert").hidden = true;
      state.notice = { key: "anchor.accepted", params: { new: state.anchor } };
      replaceSession(null);
      if (state.trust) {
        const opened = openSession(state.anchor, state.trust.bundle, state.trust.seen);
        if (!opened.problem) replaceSession(opened.session);
      }
      renderTrust();
      await refreshBundle();
    });
    $("forget").addEventListener("click", async () => {
      state.trust = state.trust ? { ...state.trust, seen: "" } : null;
      if (state.trust) await save("trust", state.trust);
      $("forget").hidden = true;
      hideAlert();
      state.notice = { key: "trust.memory-forgotten" };
      renderTrust();
    });
    $("bundle-form").addEventListener("submit", async (e) => {
      e.preventDefault();
      const f = $("bundle-input").files[0];
      const anchor = $("anchor-input").value.trim();
      if (!f || !anchor) {
        alertTrust({ key: "trust.file-missing" });
        return;
      }
      hideAlert();
      const text = await f.text();
      if (anchor !== state.anchor) {
        if (state.anchor) alertTrust({ key: "anchor.typed", params: { new: anchor, old: state.anchor } });
        state.anchor = anchor;
        await save("pinned", anchor);
        replaceSession(null);
      }
      await offerBundle(text, null, anchor);
    });
    window.addEventListener("hashchange", readHash);
  }

  document.addEventListener("DOMContentLoaded", () => {
    wire();
    start();
  });
})();
