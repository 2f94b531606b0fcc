/* backstride service worker: shows a reminder that arrives by Web Push, and opens the app when it is tapped.
   Written for this project; it caches nothing and controls no page. */
"use strict";

self.addEventListener("push", function (event) {
  let data = {};
  try { data = event.data ? event.data.json() : {}; } catch (e) { data = {}; }
  const title = data.title || "backstride";
  event.waitUntil(self.registration.showNotification(title, {
    body: data.body || "",
    icon: "favicon.svg",
    data: { url: data.url || "/" }
  }));
});

self.addEventListener("notificationclick", function (event) {
  event.notification.close();
  const url = (event.notification.data && event.notification.data.url) || "/";
  event.waitUntil(self.clients.openWindow(url));
});
