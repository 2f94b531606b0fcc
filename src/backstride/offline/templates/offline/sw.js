/* backstride's service worker, served at /sw.js so that it controls every page of the site.
   It keeps the app and the runner's coming days usable without a connection, and shows the reminders
   that arrive by Web Push. Its settings come from the server (backstride/offline/views.py). */
"use strict";

const CONFIG = {{ config|safe }};
// A deploy changes the version, so the new worker starts with empty caches and the old ones are deleted.
const STATIC = "backstride-static-" + CONFIG.version;
const PAGES = "backstride-pages-" + CONFIG.version;
const AT_ONCE = 4;  // requests in flight while filling the caches, so a small server is not swamped

// Raised when the runner signs out: a fetch begun before that must not store their page afterwards.
let generation = 0;

async function keep(cacheName, url) {
  const started = generation;
  try {
    const response = await fetch(url, { credentials: "same-origin" });
    // a redirect here means signed out (or a page that moved): nothing worth keeping
    if (response.ok && !response.redirected && started === generation) {
      await (await caches.open(cacheName)).put(url, response);
    }
  } catch (e) {
    // no connection: the next page load tries again
  }
}

async function keepAll(jobs) {
  const queue = jobs.slice();
  async function worker() {
    while (queue.length) {
      const [cacheName, url] = queue.shift();
      await keep(cacheName, url);
    }
  }
  await Promise.all(Array.from({ length: AT_ONCE }, worker));
}

// Reads go through caches.match, which, unlike caches.open, never makes a cache: after a sign-out
// nothing here may bring back the one that held the runner's pages.
async function missing(cacheName, urls) {
  const absent = [];
  for (const url of urls) {
    if (!(await caches.match(url, { cacheName, ignoreVary: true }))) { absent.push([cacheName, url]); }
  }
  return absent;
}

// The runner's list: day pages fetched again whenever its version changes (a log changes what is ahead),
// exercise pages and figures only when missing. The list is stored last, as the mark of a full cache.
async function fillFromList() {
  const started = generation;
  let response;
  try {
    response = await fetch(CONFIG.list, { credentials: "same-origin", cache: "no-store" });
  } catch (e) {
    return;
  }
  if (!response.ok || response.redirected) { return; }  // signed out, or not a runner
  const list = await response.json();
  const before = await caches.match(CONFIG.list, { cacheName: PAGES });
  const known = before ? (await before.json()).version : null;
  const jobs = known === list.version ? await missing(PAGES, list.pages) : list.pages.map((u) => [PAGES, u]);
  jobs.push(...(await missing(PAGES, list.library)), ...(await missing(STATIC, list.files)));
  if (started !== generation) { return; }
  await keepAll(jobs);
  if (started !== generation) { return; }  // signed out meanwhile
  await (await caches.open(PAGES)).put(CONFIG.list, new Response(JSON.stringify(list), { headers: { "Content-Type": "application/json" } }));
}

// One fill at a time, as every page asks for one when it loads; requests that come during a fill are
// gathered into one more after it, since the list may have changed meanwhile (a log was just sent).
let running = null;
let next = null;
let nextPages = [];
function refresh(again) {
  if (!running) {
    running = keepAll(again.map((u) => [PAGES, u])).then(fillFromList).finally(() => { running = null; });
    return running;
  }
  nextPages.push(...again);
  if (!next) {
    next = running.then(() => {
      const pages = nextPages;
      nextPages = [];
      next = null;
      return refresh(pages);
    });
  }
  return next;
}

self.addEventListener("install", (event) => {
  event.waitUntil((async () => {
    // one by one rather than cache.addAll: a file that fails must not stop push reminders from working
    await keepAll(CONFIG.shell.concat([CONFIG.offline]).map((u) => [STATIC, u]));
    await fillFromList();
    await self.skipWaiting();
  })());
});

self.addEventListener("activate", (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) {
      if (name.startsWith("backstride-") && name !== STATIC && name !== PAGES) { await caches.delete(name); }
    }
    await self.clients.claim();
  })());
});

// A page asks for a refresh as it loads: pages it names are fetched again (one that showed a message
// such as "Checked in" should not be kept with it), then the list is brought up to date.
// When the runner signs out, the pages kept for them go (a shared phone shows them to no one else).
self.addEventListener("message", (event) => {
  const kind = event.data && event.data.type;
  if (kind === "refresh") {
    event.waitUntil(refresh(Array.isArray(event.data.again) ? event.data.again : []));
  } else if (kind === "forget") {
    generation += 1;
    event.waitUntil(caches.delete(PAGES));
  }
});

async function cacheFirst(request) {
  const cached = await caches.match(request, { ignoreVary: true });
  if (cached) { return cached; }
  const response = await fetch(request);
  if (response.ok) {
    const copy = response.clone();
    caches.open(STATIC).then((cache) => cache.put(request, copy));
  }
  return response;
}

async function networkFirst(event, url) {
  const started = generation;
  try {
    const response = await fetch(event.request);
    const keepIt = started === generation && CONFIG.keepPages.some((p) => url.pathname.startsWith(p));
    if (response.ok && keepIt) {
      const copy = response.clone();
      event.waitUntil(caches.open(PAGES).then((cache) => cache.put(event.request, copy)));
    }
    return response;
  } catch (e) {
    const cached = (await caches.match(event.request, { ignoreVary: true }))
      || (await caches.match(CONFIG.offline, { ignoreVary: true }));
    return cached || Response.error();
  }
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  // forms, htmx fragments and the API go to the network untouched
  if (request.method !== "GET" || url.origin !== self.location.origin) { return; }
  if (CONFIG.cacheFirst.some((p) => url.pathname.startsWith(p))) {
    event.respondWith(cacheFirst(request));
  } else if (request.mode === "navigate") {
    event.respondWith(networkFirst(event, url));
  }
});

self.addEventListener("push", (event) => {
  let data = {};
  try { data = event.data ? event.data.json() : {}; } catch (e) { data = {}; }
  event.waitUntil(self.registration.showNotification(data.title || "backstride", {
    body: data.body || "",
    icon: CONFIG.icon,
    data: { url: data.url || "/" }
  }));
});

self.addEventListener("notificationclick", (event) => {
  event.notification.close();
  const url = (event.notification.data && event.notification.data.url) || "/";
  event.waitUntil(self.clients.openWindow(url));
});
