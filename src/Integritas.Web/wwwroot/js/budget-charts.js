// Draws the budget portal's charts (Chart.js): absorption per OPD, spending per month, an OPD's programs and a desa's
// spending. Every number drawn here is also in a table on the page, for screen readers and without JavaScript.
(function () {
  'use strict';
  var holder = document.getElementById('budget-data');
  if (!holder || typeof Chart === 'undefined') {
    return;
  }
  var data = JSON.parse(holder.getAttribute('data-chart') || '{}');
  var lang = document.documentElement.lang === 'en' ? 'en-US' : 'id-ID';
  var rupiah = function (v) { return 'Rp' + Number(v).toLocaleString(lang, { maximumFractionDigits: 0 }); };

  function bars(id, labels, values, label, format, horizontal) {
    var canvas = document.getElementById(id);
    if (!canvas || !labels || !labels.length) {
      return;
    }
    if (horizontal) {
      canvas.parentElement.style.height = Math.max(240, labels.length * 22 + 60) + 'px';
    }
    new Chart(canvas, {
      type: 'bar',
      data: { labels: labels, datasets: [{ label: label, data: values, backgroundColor: '#0b5394' }] },
      options: {
        animation: false,
        maintainAspectRatio: !horizontal,
        indexAxis: horizontal ? 'y' : 'x',
        plugins: { legend: { display: false }, tooltip: { callbacks: { label: function (c) { return format(c.raw); } } } },
        scales: horizontal ? { x: { beginAtZero: true } } : { y: { beginAtZero: true, ticks: { callback: function (v) { return format(v); } } } }
      }
    });
  }

  var percent = function (v) { return v === null ? '—' : Number(v).toLocaleString(lang) + ' %'; };
  bars('chart-opd', data.opds, data.absorption, holder.getAttribute('data-absorption'), percent, true);
  bars('chart-month', (holder.getAttribute('data-months') || '').split(','), data.months, holder.getAttribute('data-spent'), rupiah, false);
  bars('chart-programs', data.programs, data.programAbsorption, holder.getAttribute('data-absorption'), percent, true);
  bars('chart-activities', data.activities, data.activityAmounts, holder.getAttribute('data-spent'), rupiah, true);
})();
