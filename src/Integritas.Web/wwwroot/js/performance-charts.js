// Draws an OPD's achievement and absorption trend (Chart.js). The same numbers are in the table under the chart,
// for screen readers and without JavaScript.
(function () {
  'use strict';
  var holder = document.getElementById('perf-data');
  var canvas = document.getElementById('chart-trend');
  if (!holder || !canvas || typeof Chart === 'undefined') {
    return;
  }
  var data = JSON.parse(holder.getAttribute('data-chart') || '{}');
  if (!data.labels || !data.labels.length) {
    return;
  }
  new Chart(canvas, {
    type: 'line',
    data: {
      labels: data.labels,
      datasets: [
        { label: holder.getAttribute('data-capaian'), data: data.capaian, borderColor: '#0b5394', backgroundColor: '#0b5394', spanGaps: true },
        { label: holder.getAttribute('data-absorption'), data: data.absorption, borderColor: '#b45309', backgroundColor: '#b45309', spanGaps: true }
      ]
    },
    options: { animation: false, scales: { y: { beginAtZero: true } } }
  });
})();
