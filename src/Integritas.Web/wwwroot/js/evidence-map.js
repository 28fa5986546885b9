// Draws the package's site, geofence and evidence pins with Leaflet. No tile server is needed: without one the map
// shows the geofence and pins on a plain background (the list below the map carries the same facts for everyone).
(function () {
  'use strict';
  var element = document.getElementById('evidence-map');
  if (!element || typeof L === 'undefined') {
    return;
  }

  var data = JSON.parse(element.getAttribute('data-map') || '{}');
  if (!data.site) {
    return;
  }

  var map = L.map(element, { attributionControl: true, zoomSnap: 0.5 });
  var tiles = element.getAttribute('data-tiles');
  if (tiles) {
    // Leaflet writes attributions as HTML: pass the configured text escaped.
    var attribution = (element.getAttribute('data-attribution') || '')
      .replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    L.tileLayer(tiles, { maxZoom: 19, attribution: attribution }).addTo(map);
  }

  var site = L.latLng(data.site.lat, data.site.lon);
  L.circle(site, { radius: data.site.radius, color: '#0b5394', weight: 2, fillOpacity: 0.08 }).addTo(map);
  L.circleMarker(site, { radius: 5, color: '#0b5394', fillOpacity: 1 }).addTo(map).bindTooltip(data.site.name);

  // The geofence's own bounds (a circle only knows them once the map has a view).
  var bounds = site.toBounds(data.site.radius * 2);
  (data.pins || []).forEach(function (pin) {
    var point = L.latLng(pin.lat, pin.lon);
    var marker = L.circleMarker(point, {
      radius: 8,
      color: pin.flagged ? '#a40e26' : '#116329',
      fillColor: pin.flagged ? '#a40e26' : '#116329',
      fillOpacity: 0.85,
    }).addTo(map);
    marker.on('click', function () {
      window.location.hash = 'bukti-' + pin.id;
    });
    marker.bindTooltip('#' + pin.id);
    bounds.extend(point);
  });

  map.fitBounds(bounds, { padding: [24, 24], maxZoom: 18 });
})();
