/* backstride without a connection: registers the service worker (/sw.js), and keeps a session log, check-in
   or run submitted while offline in this browser (IndexedDB) until the connection returns, then sends it.
   Each form gets a random key when first submitted; the server stores a log once per key, so a retry or a
   double tap never stores two. Settings come from this script's tag in base.html. */
(function () {
  "use strict";
  const tag = document.querySelector("script[data-offline]");
  if (!tag) { return; }
  const cfg = tag.dataset;
  const queued = (cfg.forms || "").split(" ").filter(Boolean);
  const KEY_FIELD = "idempotency_key";

  function newKey() {
    if (window.crypto && crypto.randomUUID) { return crypto.randomUUID(); }
    // crypto.randomUUID needs a secure context; a server on plain http on the local network has none
    const bytes = crypto.getRandomValues(new Uint8Array(16));
    return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
  }

  // -- the waiting forms, in IndexedDB ----------------------------------------------------------------
  function openQueue() {
    return new Promise((resolve, reject) => {
      const request = indexedDB.open("backstride-offline", 1);
      request.onupgradeneeded = () => request.result.createObjectStore("forms", { keyPath: "key" });
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
  }

  async function withStore(mode, work) {
    const db = await openQueue();
    return new Promise((resolve, reject) => {
      const tx = db.transaction("forms", mode);
      const request = work(tx.objectStore("forms"));
      tx.oncomplete = () => { db.close(); resolve(request.result); };
      tx.onerror = tx.onabort = () => { db.close(); reject(tx.error); };
    });
  }

  // only this runner's forms: another account signed in on the same phone must not send them
  async function waiting() {
    if (!cfg.user || !window.indexedDB) { return []; }
    return (await withStore("readonly", (s) => s.getAll())).filter((e) => e.user === cfg.user);
  }

  // -- what the runner sees -----------------------------------------------------------------------------
  function box() {
    let found = document.querySelector("[data-offline-status]");
    if (!found) {
      found = document.createElement("div");
      found.className = "messages";
      found.setAttribute("role", "status");
      found.setAttribute("data-offline-status", "");
      const main = document.getElementById("main") || document.body;
      main.prepend(found);
    }
    return found;
  }

  function say(text, kind) {
    const line = document.createElement("p");
    line.className = "message " + kind;
    line.textContent = text;
    box().append(line);
    return line;
  }

  async function showWaiting() {
    const count = (await waiting()).length;
    let line = document.querySelector("[data-offline-waiting]");
    if (!count) { if (line) { line.remove(); } return; }
    if (!line) { line = say("", "info"); line.setAttribute("data-offline-waiting", ""); }
    line.textContent = cfg.waitingText.replace("{count}", count);
  }

  // -- keeping a form submitted offline ---------------------------------------------------------------
  function isQueued(form) {
    return queued.includes(new URL(form.action, location.href).pathname);
  }

  document.addEventListener("submit", async (event) => {
    const form = event.target;
    if (event.defaultPrevented || !(form instanceof HTMLFormElement)) { return; }
    if (cfg.logout && new URL(form.action, location.href).pathname === cfg.logout) {
      // pages kept for offline use show this runner's plan: they go when the runner signs out
      event.preventDefault();
      const worker = navigator.serviceWorker && navigator.serviceWorker.controller;
      if (worker) { worker.postMessage({ type: "forget" }); }  // also stops a fill that is under way
      if (window.caches) {  // absent outside a secure context (plain http), where nothing was kept
        const names = await caches.keys().catch(() => []);
        await Promise.all(names.filter((n) => n.startsWith("backstride-pages-")).map((n) => caches.delete(n)));
      }
      form.submit();
      return;
    }
    if (!isQueued(form) || !cfg.user) { return; }
    let key = form.querySelector(`input[name="${KEY_FIELD}"]`);
    if (!key) {
      key = Object.assign(document.createElement("input"), { type: "hidden", name: KEY_FIELD, value: newKey() });
      form.append(key);
    }
    if (navigator.onLine) { return; }  // sent as usual, the key with it
    event.preventDefault();
    const fields = Array.from(new FormData(form, event.submitter)).filter(([, v]) => typeof v === "string");
    // a second tap finds the buttons off; the stored entry is replaced, never doubled, as the key is the same
    form.querySelectorAll("button[type=submit], button:not([type])").forEach((b) => {
      b.disabled = true;
      b.setAttribute("data-offline-disabled", "");
    });
    await withStore("readwrite", (s) => s.put({ key: key.value, user: cfg.user, url: form.action, fields }));
    await showWaiting();
    window.scrollTo(0, 0);
  });

  // a page restored by the back button is a new chance to log: it must not reuse the key already sent
  window.addEventListener("pageshow", (event) => {
    if (!event.persisted) { return; }
    document.querySelectorAll(`input[name="${KEY_FIELD}"]`).forEach((input) => input.remove());
    document.querySelectorAll("[data-offline-disabled]").forEach((b) => {
      b.disabled = false;
      b.removeAttribute("data-offline-disabled");
    });
  });

  // -- sending them when the connection returns -------------------------------------------------------
  function csrfToken() {
    const found = document.cookie.match(/(?:^|;\s*)csrftoken=([^;]+)/);
    return found ? decodeURIComponent(found[1]) : "";
  }

  // The answer is the page the form leads to: its messages ("Checked in", or why not) are shown here.
  async function report(response) {
    const page = new DOMParser().parseFromString(await response.text(), "text/html");
    if (response.redirected) {
      page.querySelectorAll(".messages .message").forEach((m) => say(m.textContent.trim(), m.className.replace("message", "").trim()));
    } else {
      const reasons = Array.from(page.querySelectorAll(".error"), (e) => e.textContent.trim()).join(" ");
      say(cfg.refusedText + " " + reasons, "error");
    }
  }

  // The worker brings its copies up to date; pages named in again are fetched afresh first.
  function askForRefresh(again) {
    if (!("serviceWorker" in navigator) || !cfg.user || !navigator.onLine) { return; }
    navigator.serviceWorker.ready.then((registration) => {
      registration.active.postMessage({ type: "refresh", again });
    });
  }

  let sending = false;
  async function sendWaiting() {
    if (sending || !navigator.onLine) { return; }
    sending = true;
    let sent = 0;
    try {
      for (const entry of await waiting()) {
        const body = new URLSearchParams(entry.fields);
        // the session's current token: the page the form was filled in on may have had an older one
        const token = csrfToken() || body.get("csrfmiddlewaretoken") || "";
        body.set("csrfmiddlewaretoken", token);
        let response;
        try {
          response = await fetch(entry.url, {
            method: "POST", body, credentials: "same-origin",
            headers: { "Idempotency-Key": entry.key, "X-CSRFToken": token }
          });
        } catch (e) {
          break;  // still no connection
        }
        // signed out, or refused by the server: kept, and tried again on a later page load
        if (!response.ok || (cfg.login && new URL(response.url).pathname === cfg.login)) { break; }
        await report(response);
        await withStore("readwrite", (s) => s.delete(entry.key));
        sent += 1;
      }
    } finally {
      sending = false;
      await showWaiting();
    }
    if (sent) { askForRefresh([]); }  // the kept day pages still show what was due before the log
  }

  window.addEventListener("online", sendWaiting);
  window.addEventListener("offline", showWaiting);
  showWaiting().then(sendWaiting);

  if ("serviceWorker" in navigator && cfg.worker && navigator.onLine) {  // registering checks for an update online
    navigator.serviceWorker.register(cfg.worker).catch(() => null);
    // a page showing a message ("Checked in") is fetched again, so the kept copy does not repeat it
    askForRefresh(document.querySelector("main .messages:not([data-offline-status])") ? [location.href] : []);
  }
})();
