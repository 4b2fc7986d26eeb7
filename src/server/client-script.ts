/**
 * The dashboard's only script, served as /assets/app.js (CSP allows scripts from this origin only, never inline).
 * Pages work without it: it draws the trend with uPlot from the numbers the page carries in a data attribute, and
 * applies a filter as soon as a select changes. It reads data with JSON.parse and writes no HTML.
 */
export const CLIENT_SCRIPT = `(function () {
  var COLOURS = { critical: '#7f0019', high: '#d0312d', medium: '#e8910c', low: '#c9b200', info: '#7a8a99' };
  var trend = document.getElementById('trend');
  if (trend && window.uPlot) {
    var points = JSON.parse(trend.getAttribute('data-trend') || '[]');
    if (points.length > 0) {
      var severities = ['critical', 'high', 'medium', 'low', 'info'];
      var data = [points.map(function (p) { return Date.parse(p.day + 'T00:00:00Z') / 1000; })];
      severities.forEach(function (s) { data.push(points.map(function (p) { return p.bySeverity[s]; })); });
      // one point per scan day: ticks on whole UTC days, labelled as dates (not the hours between two days)
      var series = [{ label: 'day', value: '{YYYY}-{MM}-{DD}' }].concat(severities.map(function (s) {
        return { label: s, stroke: COLOURS[s], width: 2, points: { show: points.length < 40 } };
      }));
      var table = document.getElementById('trend-table');
      if (table) table.hidden = true;
      new window.uPlot({ width: Math.min(trend.clientWidth || 720, 900), height: 240, series: series,
        padding: [8, 48, 0, 8],
        tzDate: function (ts) { return window.uPlot.tzDate(new Date(ts * 1000), 'Etc/UTC'); },
        scales: { x: points.length === 1 ? { time: true, auto: false, range: [data[0][0] - 86400, data[0][0] + 86400] } : { time: true } },
        axes: [{ incrs: [86400, 172800, 604800, 2592000], values: '{YYYY}-{MM}-{DD}' }, { label: 'open failures' }] }, data, trend);
    }
  }
  var filters = document.querySelector('form.filters');
  if (filters) {
    filters.querySelectorAll('select').forEach(function (select) {
      select.addEventListener('change', function () { filters.requestSubmit(); });
    });
  }
})();
`;
