/* backstride: subscribe this browser to reminder notifications (Settings page).
   Written for this project; no dependencies. Without it the rest of the page works as before. */
(function () {
  "use strict";
  const box = document.querySelector("[data-push]");
  if (!box) { return; }
  const button = box.querySelector("[data-push-subscribe]");
  const status = box.querySelector("[data-push-status]");
  function say(text) { status.textContent = text; }

  function keyBytes(base64url) {
    const padded = (base64url + "===".slice((base64url.length + 3) % 4)).replace(/-/g, "+").replace(/_/g, "/");
    const raw = atob(padded);
    return Uint8Array.from(raw, function (c) { return c.charCodeAt(0); });
  }

  if (!("serviceWorker" in navigator) || !("PushManager" in window) || !("Notification" in window)) {
    say(box.dataset.unsupportedText);
    return;
  }
  button.hidden = false;
  button.addEventListener("click", async function () {
    button.disabled = true;
    try {
      if (await Notification.requestPermission() !== "granted") { say(box.dataset.deniedText); return; }
      // the site's one worker (/sw.js), which offline.js has usually registered already: this finds it
      await navigator.serviceWorker.register(box.dataset.workerUrl);
      const registration = await navigator.serviceWorker.ready;
      const key = (await (await fetch(box.dataset.keyUrl, { credentials: "same-origin" })).json()).public_key;
      const subscription = await registration.pushManager.subscribe({
        userVisibleOnly: true, applicationServerKey: keyBytes(key)
      });
      const response = await fetch(box.dataset.subscribeUrl, {
        method: "POST",
        credentials: "same-origin",
        headers: { "Content-Type": "application/json", "X-CSRFToken": box.dataset.csrf },
        body: JSON.stringify(subscription.toJSON())
      });
      say(response.ok ? box.dataset.doneText : box.dataset.failedText);
    } catch (e) {
      say(box.dataset.failedText);
    } finally {
      button.disabled = false;
    }
  });
})();
