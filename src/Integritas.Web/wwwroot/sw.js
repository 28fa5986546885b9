// Integritas service worker: keeps the report form (/lapor) and what it needs available without signal, so a citizen
// in a village without coverage can write a report that the page queues and sends later (js/complaint-offline.js).
// Everything else goes to the network as usual.
'use strict';

var CACHE = 'integritas-offline-v1';
var SHELL = [
  '/lapor',
  '/css/site.css',
  '/js/complaint-report.js',
  '/js/complaint-offline.js',
  '/js/evidence-upload.js',
  '/lib/leaflet/leaflet.js',
  '/lib/leaflet/leaflet.css',
  '/geo/kecamatan.geojson',
  '/manifest.webmanifest',
  '/icon.svg'
];

self.addEventListener('install', function (event) {
  event.waitUntil(caches.open(CACHE).then(function (cache) { return cache.addAll(SHELL); }).then(function () { return self.skipWaiting(); }));
});

self.addEventListener('activate', function (event) {
  event.waitUntil(caches.keys().then(function (keys) {
    return Promise.all(keys.filter(function (k) { return k !== CACHE; }).map(function (k) { return caches.delete(k); }));
  }).then(function () { return self.clients.claim(); }));
});

function isShellAsset(url) {
  return url.origin === self.location.origin && SHELL.indexOf(url.pathname) > 0;
}

self.addEventListener('fetch', function (event) {
  var request = event.request;
  if (request.method !== 'GET') {
    return;
  }
  var url = new URL(request.url);
  if (request.mode === 'navigate' && url.pathname === '/lapor') {
    // Network first: a fresh form (with a fresh key) when there is signal, the cached one when there is none.
    event.respondWith(fetch(request).then(function (response) {
      if (response.ok) {
        var copy = response.clone();
        caches.open(CACHE).then(function (cache) { cache.put('/lapor', copy); });
      }
      return response;
    }).catch(function () { return caches.match('/lapor'); }));
    return;
  }
  if (isShellAsset(url)) {
    // Cache first, refreshed in the background; versioned query strings (?v=…) are ignored for the match.
    event.respondWith(caches.match(url.pathname).then(function (cached) {
      var refresh = fetch(request).then(function (response) {
        if (response.ok) {
          var copy = response.clone();
          caches.open(CACHE).then(function (cache) { cache.put(url.pathname, copy); });
        }
        return response;
      });
      return cached || refresh;
    }));
  }
});
