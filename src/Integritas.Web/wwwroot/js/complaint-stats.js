// Draws the complaint dashboard's charts (Chart.js) and the map of reports per kecamatan (Leaflet with the bundled
// boundaries). Every number drawn here is also in a table on the page, for screen readers and without JavaScript.
(function () {
  'use strict';
  var holder = document.getElementById('stats-data');
  if (!holder) {
    return;
  }
  var data = JSON.parse(holder.getAttribute('data-stats') || '{}');
  var lang = document.documentElement.lang === 'en' ? 'en-US' : 'id-ID';

  if (typeof Chart !== 'undefined') {
    var monthly = document.getElementById('chart-monthly');
    if (monthly) {
      new Chart(monthly, {
        type: 'line',
        data: {
          labels: data.months.map(function (m) { return new Date(2000, m - 1, 1).toLocaleString(lang, { month: 'short' }); }),
          datasets: [
            { label: holder.getAttribute('data-received'), data: data.received, borderColor: '#0b5394', backgroundColor: '#0b5394' },
            { label: holder.getAttribute('data-resolved'), data: data.resolved, borderColor: '#116329', backgroundColor: '#116329' }
          ]
        },
        options: { animation: false, scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } }
      });
    }
    var categories = document.getElementById('chart-categories');
    if (categories && data.categories.length) {
      new Chart(categories, {
        type: 'bar',
        data: { labels: data.categories, datasets: [{ label: holder.getAttribute('data-received'), data: data.categoryCounts, backgroundColor: '#0b5394' }] },
        options: { animation: false, indexAxis: 'y', plugins: { legend: { display: false } }, scales: { x: { beginAtZero: true, ticks: { precision: 0 } } } }
      });
    }
  }

  var mapElement = document.getElementById('district-map');
  if (mapElement && typeof L !== 'undefined') {
    fetch('/geo/kecamatan.geojson').then(function (r) { return r.ok ? r.json() : null; }).then(function (shapes) {
      if (!shapes) {
        return;
      }
      mapElement.hidden = false;
      var counts = data.districts || {};
      var max = Math.max.apply(null, [1].concat(Object.keys(counts).map(function (k) { return counts[k]; })));
      var map = L.map(mapElement, { zoomSnap: 0.5 });
      var layer = L.geoJSON(shapes, {
        attribution: 'Batas wilayah: cahyadsn/wilayah_boundaries (MIT)',
        style: function (feature) {
          var n = counts[feature.properties.code] || 0;
          return { color: '#444', weight: 1, fillColor: '#a40e26', fillOpacity: n === 0 ? 0.02 : 0.15 + 0.65 * n / max };
        },
        onEachFeature: function (feature, l) {
          l.bindTooltip(feature.properties.name + ': ' + (counts[feature.properties.code] || 0), { sticky: true });
        }
      }).addTo(map);
      map.fitBounds(layer.getBounds());
    }).catch(function () { /* the table carries the same numbers */ });
  }
})();
