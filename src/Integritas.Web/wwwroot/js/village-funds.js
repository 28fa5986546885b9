// The village-fund flow as a Sankey (chartjs-chart-sankey) and a choropleth map (Leaflet with the bundled kecamatan
// and desa boundaries). The page carries the same flows and figures as tables, for screen readers and without JavaScript.
(function () {
  'use strict';
  var holder = document.getElementById('village-data');
  if (!holder) {
    return;
  }
  var data = JSON.parse(holder.getAttribute('data-chart') || '{}');
  var lang = document.documentElement.lang === 'en' ? 'en-US' : 'id-ID';
  var rupiah = function (v) { return 'Rp' + Number(v).toLocaleString(lang, { maximumFractionDigits: 0 }); };
  var format = function (v) { return data.measure === '%' ? Number(v).toLocaleString(lang) + ' %' : rupiah(v); };
  var palette = { src: '#0b5394', kab: '#1c6e3d', kec: '#b45309', desa: '#7c3aed', bid: '#a40e26', act: '#a40e26', sisa: '#6b7280' };
  var colour = function (key) { return palette[String(key).split(':')[0]] || '#444'; };

  var canvas = document.getElementById('chart-sankey');
  if (canvas && typeof Chart !== 'undefined' && data.flows && data.flows.length) {
    var nodes = {};
    data.flows.forEach(function (f) { nodes[f.from] = true; nodes[f.to] = true; });
    canvas.parentElement.style.height = Math.max(360, Object.keys(nodes).length * 18) + 'px';
    try {
      new Chart(canvas, {
        type: 'sankey',
        data: {
          datasets: [{
            data: data.flows,
            labels: data.labels,
            colorFrom: function (c) { return colour(c.dataset.data[c.dataIndex].from); },
            colorTo: function (c) { return colour(c.dataset.data[c.dataIndex].to); },
            colorMode: 'gradient',
            size: 'max'
          }]
        },
        options: {
          animation: false,
          maintainAspectRatio: false,
          plugins: {
            legend: { display: false },
            tooltip: {
              callbacks: {
                label: function (c) {
                  var f = c.dataset.data[c.dataIndex];
                  return (data.labels[f.from] || f.from) + ' → ' + (data.labels[f.to] || f.to) + ': ' + rupiah(f.flow);
                }
              }
            }
          }
        }
      });
    } catch (e) { /* the flow table carries the same numbers */ }
  }

  var mapElement = document.getElementById('fund-map');
  if (mapElement && typeof L !== 'undefined') {
    var url = data.level === 'desa' ? '/geo/desa.geojson' : '/geo/kecamatan.geojson';
    fetch(url).then(function (r) { return r.ok ? r.json() : null; }).then(function (shapes) {
      if (!shapes) {
        return;
      }
      if (data.level === 'desa') {
        shapes.features = shapes.features.filter(function (f) { return f.properties.district_code === data.district; });
      }
      if (!shapes.features.length) {
        return;
      }
      mapElement.hidden = false;
      var values = data.values || {};
      var max = Math.max.apply(null, [1].concat(Object.keys(values).map(function (k) { return values[k]; })));
      var map = L.map(mapElement, { zoomSnap: 0.5 });
      var layer = L.geoJSON(shapes, {
        attribution: 'Batas wilayah: cahyadsn/wilayah_boundaries (MIT)',
        style: function (feature) {
          var v = values[feature.properties.code] || 0;
          return { color: '#444', weight: 1, fillColor: '#1c6e3d', fillOpacity: v === 0 ? 0.02 : 0.15 + 0.65 * v / max };
        },
        onEachFeature: function (feature, l) {
          l.bindTooltip(feature.properties.name + ': ' + format(values[feature.properties.code] || 0), { sticky: true });
        }
      }).addTo(map);
      map.fitBounds(layer.getBounds());
    }).catch(function () { /* the table carries the same numbers */ });
  }
})();
