// The report form's map and "is this yours?" list. Without JavaScript the form still works: the place is typed or
// picked from the village list. The map needs no tile server: without one it shows the pin (and the kecamatan
// boundaries when the portal bundles them) on a plain background.
(function () {
  'use strict';
  var form = document.getElementById('report-form');
  if (!form) {
    return;
  }

  var lat = document.getElementById('latitude');
  var lon = document.getElementById('longitude');
  var category = document.getElementById('category');
  var nearby = document.getElementById('nearby');
  var list = document.getElementById('nearby-list');
  var element = document.getElementById('report-map');
  var marker = null;
  var map = null;

  function number(input) {
    var value = parseFloat((input.value || '').replace(',', '.'));
    return isFinite(value) ? value : null;
  }

  function placeMarker() {
    if (!map) {
      return;
    }
    var la = number(lat);
    var lo = number(lon);
    if (la === null || lo === null) {
      return;
    }
    var point = L.latLng(la, lo);
    if (marker) {
      marker.setLatLng(point);
    } else {
      marker = L.marker(point).addTo(map);
    }
    map.setView(point, Math.max(map.getZoom(), 15));
  }

  if (element && typeof L !== 'undefined') {
    element.hidden = false;
    map = L.map(element, { zoomSnap: 0.5 }).setView([3.75, 98.35], 10);
    var tiles = element.getAttribute('data-tiles');
    if (tiles) {
      var attribution = (element.getAttribute('data-attribution') || '')
        .replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
      L.tileLayer(tiles, { maxZoom: 19, attribution: attribution }).addTo(map);
    }
    fetch('/geo/kecamatan.geojson').then(function (r) { return r.ok ? r.json() : null; }).then(function (shapes) {
      if (shapes) {
        L.geoJSON(shapes, {
          attribution: 'Batas wilayah: cahyadsn/wilayah_boundaries (MIT)',
          style: { color: '#555', weight: 1, fillOpacity: 0.03 },
          onEachFeature: function (feature, layer) { layer.bindTooltip(feature.properties.name, { sticky: true }); }
        }).addTo(map);
      }
    }).catch(function () { /* the map works without boundaries */ });
    map.on('click', function (e) {
      lat.value = e.latlng.lat.toFixed(6);
      lon.value = e.latlng.lng.toFixed(6);
      lat.dispatchEvent(new Event('change', { bubbles: true }));
    });
    placeMarker();
  }

  var pending = null;
  function lookNearby() {
    placeMarker();
    var la = number(lat);
    var lo = number(lon);
    if (!nearby || !category.value || la === null || lo === null) {
      return;
    }
    if (pending) {
      pending.abort();
    }
    pending = new AbortController();
    var url = '/api/v1/complaints/nearby?category=' + encodeURIComponent(category.value) + '&lat=' + la + '&lon=' + lo;
    fetch(url, { signal: pending.signal }).then(function (r) { return r.ok ? r.json() : []; }).then(function (items) {
      list.textContent = '';
      nearby.hidden = false;
      if (!items.length) {
        var empty = document.createElement('li');
        empty.textContent = nearby.getAttribute('data-empty');
        list.appendChild(empty);
        return;
      }
      items.forEach(function (item) {
        var li = document.createElement('li');
        var a = document.createElement('a');
        a.href = '/lapor/' + encodeURIComponent(item.tracking_number);
        a.textContent = item.tracking_number;
        li.appendChild(a);
        li.appendChild(document.createTextNode(' — ' + item.distance_m + ' m — ' + item.status_label + ': ' + item.description));
        list.appendChild(li);
      });
    }).catch(function () { /* offline or aborted: the list is a convenience */ });
  }

  [lat, lon, category].forEach(function (input) {
    input.addEventListener('change', lookNearby);
  });
})();
