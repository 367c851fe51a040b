// The verifier page's service worker: keeps the page and its WebAssembly so that the page
// opens and verifies with no network (a card scanned in a basement). It caches only the
// page's own files, never the trust bundle (the page keeps that itself, verified) and
// never anything else. VERSION is the digest of the page's files (verifier-web/build.sh),
// so a new page replaces the old cache.
"use strict";
const VERSION = "85e29844f69a1c13";
const CACHE = `skillpass-verifier-${VERSION}`;
const SHELL = ["./", "web/style.css", "web/verifier_web.js", "web/verifier_web_bg.wasm", "web/jsQR.js", "web/app.js", "web/favicon.svg", "verifier-config.json"];

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches.open(CACHE).then((cache) => Promise.all(SHELL.map((path) => cache.add(path).catch(() => {})))).then(() => self.skipWaiting()),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches.keys().then((keys) => Promise.all(keys.filter((k) => k.startsWith("skillpass-verifier-") && k !== CACHE).map((k) => caches.delete(k)))).then(() => self.clients.claim()),
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== location.origin) return;
  const scope = new URL(self.registration.scope);
  const path = url.pathname.slice(scope.pathname.length);
  const navigation = request.mode === "navigate";
  const shell = navigation || SHELL.includes(path);
  if (!shell) return; // the bundle and the API: straight to the network
  // Network first, so an updated page is seen at once; the cache when offline.
  event.respondWith(
    fetch(request)
      .then((response) => {
        if (response.ok && !navigation) {
          const copy = response.clone();
          caches.open(CACHE).then((cache) => cache.put(request, copy));
        }
        return response;
      })
      .catch(() => caches.open(CACHE).then((cache) => cache.match(navigation ? "./" : request)).then((hit) => hit || Response.error())),
  );
});
